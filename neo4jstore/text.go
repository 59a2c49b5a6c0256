package neo4jstore

import (
	"context"
)

// TextLine is one line of a yearbook's text: its 1-based number in the
// file, the printed page it is on, and the line as written.
type TextLine struct {
	Line int
	Page int
	Text string
}

// Page is one printed page of a loaded yearbook.
type Page struct {
	Yearbook    string
	Number      int
	First, Last int // line numbers, inclusive
	Lines       []TextLine
}

// Lines returns the lines from … to (inclusive) of a yearbook's text, in
// order, clipped to the lines the yearbook has; none when the yearbook is
// not loaded or was loaded before its text was stored. The window spans
// at most two or three pages, so the query seeks the (yearbook, first
// line) index twice: for the page that holds line from, the one with the
// greatest first line not after it, and for the pages that start within
// the window. Only the lines of the window cross the wire.
func (s *Store) Lines(ctx context.Context, yearbook string, from, to int) ([]TextLine, error) {
	if to < from {
		return nil, nil
	}
	return read(ctx, s, func(tx querier) ([]TextLine, error) {
		recs, err := run(ctx, s, tx, `
			CALL () {
				MATCH (p:Page) WHERE p.yearbook = $yb AND p.first <= $from
				RETURN p ORDER BY p.first DESC LIMIT 1
				UNION
				MATCH (p:Page) WHERE p.yearbook = $yb AND p.first > $from AND p.first <= $to
				RETURN p
			}
			WITH p, CASE WHEN p.first < $from THEN $from ELSE p.first END AS start
			RETURN p.number AS page, start, p.lines[start - p.first .. $to - p.first + 1] AS lines
			ORDER BY start`, map[string]any{"yb": yearbook, "from": from, "to": to})
		if err != nil {
			return nil, err
		}
		var out []TextLine
		for _, r := range recs {
			page, _ := r.Values[0].(int64)
			start, _ := r.Values[1].(int64)
			lines, _ := r.Values[2].([]any)
			for i, l := range lines {
				out = append(out, TextLine{Line: int(start) + i, Page: int(page), Text: str(l)})
			}
		}
		return out, nil
	})
}

// Page returns the printed page number of a yearbook with its lines, or
// nil when the yearbook has no such page stored.
func (s *Store) Page(ctx context.Context, yearbook string, number int) (*Page, error) {
	return read(ctx, s, func(tx querier) (*Page, error) {
		recs, err := run(ctx, s, tx, `
			MATCH (p:Page {yearbook: $yb, number: $number})
			RETURN p.first AS first, p.last AS last, p.lines AS lines`, map[string]any{"yb": yearbook, "number": number})
		if err != nil || len(recs) == 0 {
			return nil, err
		}
		first, _ := recs[0].Values[0].(int64)
		last, _ := recs[0].Values[1].(int64)
		lines, _ := recs[0].Values[2].([]any)
		p := &Page{Yearbook: yearbook, Number: number, First: int(first), Last: int(last), Lines: make([]TextLine, len(lines))}
		for i, l := range lines {
			p.Lines[i] = TextLine{Line: int(first) + i, Page: number, Text: str(l)}
		}
		return p, nil
	})
}
