package graph_test

import (
	"strings"
	"testing"
	"unicode"
)

// textLine is a TextLine of the API.
type textLine struct {
	Line, Page int
	Text       string
}

// squeeze drops every space (U+3000 included), as quotes undo the PDF's
// line breaks and spacing.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// TestSourceContext reads the yearbook's text around the mentions of 柳鹏:
// each mention's own line is in its window, with its number and page, and
// the window holds the quoted sentence.
func TestSourceContext(t *testing.T) {
	h, _ := service(t)
	id := idOf(t, h, "PERSON", "柳鹏")
	var out struct {
		Node struct {
			Mentions []struct {
				Yearbook string
				Page     *int
				Line     int
				Quote    string
				Context  *struct {
					Yearbook            string
					Line, Page          int
					Lines               []textLine
					HasBefore, HasAfter bool
				}
			}
		}
	}
	mustQuery(t, h, `query($id: ID!) { node(id: $id) { ... on Person { mentions(first: 50) {
		yearbook page line quote
		context(before: 2, after: 4) { yearbook line page lines { line page text } hasBefore hasAfter } } } } }`,
		map[string]any{"id": id}, &out)
	ms := out.Node.Mentions
	if len(ms) < 5 {
		t.Fatalf("%d mentions of 柳鹏", len(ms))
	}
	for _, m := range ms {
		c := m.Context
		if c == nil {
			t.Fatalf("no context for the mention at line %d", m.Line)
		}
		if c.Yearbook != m.Yearbook || c.Line != m.Line || !c.HasBefore || !c.HasAfter {
			t.Errorf("context of line %d: %+v", m.Line, c)
		}
		// The window is lines line-2 … line+4, consecutive.
		if len(c.Lines) != 7 || c.Lines[0].Line != m.Line-2 || c.Lines[6].Line != m.Line+4 {
			t.Fatalf("window of line %d: %+v", m.Line, c.Lines)
		}
		own := c.Lines[2]
		if own.Line != m.Line || m.Page == nil || own.Page != *m.Page || c.Page != *m.Page {
			t.Errorf("own line of the mention at line %d page %v: %+v (context page %d)", m.Line, m.Page, own, c.Page)
		}
		// The line is where the name is (quotes may start lines earlier, or
		// be composed, as in rosters), or starts, when it wraps to the next line (after a blank one:
		// the text is double-spaced).
		if !strings.Contains(squeeze(own.Text+c.Lines[3].Text+c.Lines[4].Text), "柳鹏") || !strings.Contains(own.Text, "柳") {
			t.Errorf("the line %d of a mention of 柳鹏 reads %q", m.Line, own.Text)
		}
	}
	// The first mention, in 大事记 on page 45, is line 5580 of the file.
	first := ms[0]
	if first.Line != 5580 || *first.Page != 45 || !strings.Contains(first.Context.Lines[2].Text, "市委书记柳鹏") {
		t.Errorf("first mention: line %d page %d, own line %+v", first.Line, *first.Page, first.Context.Lines[2])
	}
	var text string
	for _, l := range first.Context.Lines {
		text += l.Text
	}
	if !strings.Contains(squeeze(text), squeeze(first.Quote)) {
		t.Errorf("the window of the first mention does not hold its quote %q:\n%s", first.Quote, text)
	}

	t.Run("page", func(t *testing.T) {
		var out struct {
			Yearbooks []struct {
				Page *struct {
					Yearbook            string
					Number              int
					FirstLine, LastLine int
					Lines               []textLine
				}
			}
		}
		mustQuery(t, h, `{ yearbooks { page(number: 45) { yearbook number firstLine lastLine lines { line page text } } } }`, nil, &out)
		p := out.Yearbooks[0].Page
		if p == nil || p.Number != 45 || p.FirstLine > 5580 || p.LastLine < 5580 || len(p.Lines) != p.LastLine-p.FirstLine+1 {
			t.Fatalf("page 45: %+v", p)
		}
		l := p.Lines[5580-p.FirstLine]
		if l.Line != 5580 || l.Page != 45 || !strings.Contains(l.Text, "市委书记柳鹏") {
			t.Errorf("line 5580 of page 45: %+v", l)
		}
		mustQuery(t, h, `{ yearbooks { page(number: 9999) { number } } }`, nil, &out)
		if out.Yearbooks[0].Page != nil {
			t.Errorf("page 9999: %+v", out.Yearbooks[0].Page)
		}
	})
	t.Run("sourceText", func(t *testing.T) {
		var out struct {
			SourceText *struct {
				Line, Page          int
				Lines               []textLine
				HasBefore, HasAfter bool
			}
		}
		q := `query($line: Int!) { sourceText(yearbook: "wuwei-2024", line: $line, before: 0, after: 50) { line page lines { line page text } hasBefore hasAfter } }`
		mustQuery(t, h, q, map[string]any{"line": 5580}, &out)
		st := out.SourceText
		if st == nil || st.Page != 45 || len(st.Lines) != 51 || st.Lines[0].Line != 5580 || !strings.Contains(st.Lines[0].Text, "市委书记柳鹏") || !st.HasBefore || !st.HasAfter {
			t.Fatalf("sourceText of line 5580: %+v", st)
		}
		// The first line: nothing before it.
		mustQuery(t, h, q, map[string]any{"line": 1}, &out)
		if st := out.SourceText; st == nil || st.HasBefore || !st.HasAfter || st.Lines[0].Line != 1 || st.Page != 1 {
			t.Fatalf("sourceText of line 1: %+v", st)
		}
		mustQuery(t, h, q, map[string]any{"line": 10_000_000}, &out)
		if out.SourceText != nil {
			t.Fatalf("sourceText of a line after the end: %+v", out.SourceText)
		}
	})
	t.Run("bounds", func(t *testing.T) {
		for _, q := range []string{
			`query($id: ID!) { node(id: $id) { ... on Person { mentions(first: 1) { context(before: 51) { line } } } } }`,
			`query($id: ID!) { node(id: $id) { ... on Person { mentions(first: 1) { context(after: -1) { line } } } } }`,
		} {
			errs := query(t, h, q, map[string]any{"id": id}, nil)
			if len(errs) == 0 || errs[0].code() != "BAD_USER_INPUT" {
				t.Errorf("%s: errors %+v", q, errs)
			}
		}
	})
}
