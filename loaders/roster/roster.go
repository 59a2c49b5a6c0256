// Package roster extracts the leader roster of a city yearbook (组织机构及
// 主要负责人名录): who held which post in which unit during the covered year,
// with the appointment and removal dates, sex and ethnicity the roster notes.
//
// The roster is the yearbook's one authoritative list of office holders, so
// it is read on its own, line by line, before any text is joined: its
// structure lives in line breaks, colons and U+3000 padding that joining
// would destroy. It gives Person and Organization entities, Person
// HELD_POSITION Organization relationships and Organization PART_OF
// Organization for the units the roster indents under a parent.
//
// Nothing here is specific to one yearbook: the roster is found by its
// heading, the city name comes from the Document, and the title and surname
// lexicons are general data.
package roster

import (
	"fmt"
	"slices"
	"strings"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/segment"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// Diagnostic codes of the roster.
const (
	CodeNoRoster = "no-roster"       // the yearbook has no roster heading
	CodeVacant   = "vacant"          // a post is marked （空缺）
	CodeHomonym  = "homonym"         // one name, two persons
	CodeUnparsed = "unparsed"        // a roster line that is not understood
	CodeBadName  = "name-rejected"   // a name slot that holds no plausible personal name
	CodeNoUnit   = "no-unit"         // a post line before any unit
	CodeNoTitle  = "no-title"        // a name without a title
	CodeJunk     = "junk"            // text left over after the names of a post line
	CodeIndent   = "indent-repaired" // a unit whose lost indentation was restored
	CodeUnclosed = "unclosed"        // a parenthesis never closed: the lines after it were read as one
	CodeRareName = "rare-surname"    // a name accepted from its place in the roster, its surname unknown
)

// Extract reads every roster of d (there is usually one, in the appendix)
// and returns its people, units and posts. Sources quote the roster lines
// and name yearbook as their yearbook. A yearbook without a roster gives an
// empty graph with a no-roster diagnostic; lines it cannot read become
// diagnostics, never errors.
func Extract(d *segment.Document, yearbook string) *kg.Graph {
	x := &extractor{
		d:     d,
		yb:    yearbook,
		names: newCityNames(d.City),
		units: map[string]*unit{},
		g:     &kg.Graph{Yearbook: kg.Yearbook{ID: yearbook, File: d.File, Lines: len(d.Lines)}},
	}
	spans := findRosters(d)
	if len(spans) == 0 {
		x.diag(0, CodeNoRoster, "no roster heading (…名录, …主要负责人…) found")
	}
	for _, s := range spans {
		x.parse(s)
	}
	x.emit()
	return x.g
}

// span is one roster: its title and the lines after it, up to its author
// line or the first line that cannot belong to a roster.
type span struct {
	title       string
	first, last int // the roster's lines, after the title
}

// findRosters finds the roster headings: a short line (or two) without
// sentence punctuation that contains 名录 or 主要负责人, such as
// 武威市组织机构及主要负责人名录. Index entries (with page numbers) and
// running text do not qualify.
func findRosters(d *segment.Document) []span {
	var out []span
	end := 0 // the last line of the last roster found
	for _, n := range titleCandidates(d) {
		if n <= end {
			continue
		}
		l := d.Line(n)
		if !mayHoldTitle(l.Text) {
			continue // a line of running text (most lines with 负 are)
		}
		k := textnorm.Key(l.Text)
		titleEnd := n
		if !rosterTitle(k) {
			// A title wrapped over two lines (…主要负 / 责人名录); not a
			// chapter title followed by the roster's own title line.
			next := nextText(d, n)
			if next == 0 || l.Kind != segment.Body || runeLen(k) > 24 || strings.ContainsAny(k, "：:") {
				continue
			}
			kn := textnorm.Key(d.Line(next).Text)
			if rosterTitle(kn) || !mayBeRosterTitle(k, kn) || !rosterTitle(k+kn) {
				continue
			}
			k += kn
			titleEnd = next
		}
		last := rosterEnd(d, titleEnd)
		if last <= titleEnd || !postLines(d, titleEnd+1, last) {
			continue
		}
		out = append(out, span{title: k, first: titleEnd + 1, last: last})
		end = last
	}
	return out
}

// titleCandidates returns, in order, the lines where a roster title may
// start: the body and heading lines that hold 录 or 负, or whose next
// text line (nextText) does. A title holds 名录 or 主要负责人, so its line,
// or the line after it, holds one of the two: Key drops only spaces and
// folds ASCII, never a Han character. Most lines have neither: the few
// that have are found in one search of the book each, and the line before
// each by reading back over the lines nextText passes over.
func titleCandidates(d *segment.Document) []int {
	var out []int
	for _, r := range "录负" {
		for _, n := range d.LinesWith(r) {
			switch d.Line(n).Kind {
			case segment.Body:
				if p := prevText(d, n); p > 0 {
					out = append(out, p)
				}
				out = append(out, n)
			case segment.Heading:
				out = append(out, n)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// prevText returns the body or heading line n' before n with nextText(n')
// = n for a body line n, or 0: the first line before n that nextText
// would not pass over.
func prevText(d *segment.Document, n int) int {
	for k := n - 1; k >= 1; k-- {
		switch d.Line(k).Kind {
		case segment.Blank, segment.Banner, segment.PageHeader, segment.Caption, segment.Credit:
			continue
		case segment.Body, segment.Heading:
			return k
		}
		return 0
	}
	return 0
}

// mayHoldTitle reports whether text has none of the characters that
// rosterTitle refuses in a title, before or after Key folds them: digits,
// colons, commas, semicolons and 。. A line that has one is neither a title
// nor the first line of one, and is ruled out without the key of what is
// mostly a whole paragraph.
func mayHoldTitle(text string) bool {
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c >= '0' && c <= '9', c == ':', c == ',', c == ';':
			return false
		case c == 0xEF && i+2 < len(text) && text[i+1] == 0xBC:
			// ０–９ (EF BC 90–99), ， (8C), ： (9A), ； (9B)
			if d := text[i+2]; d >= 0x90 && d <= 0x9B || d == 0x8C {
				return false
			}
		case c == 0xE3 && strings.HasPrefix(text[i:], "。"):
			return false
		}
	}
	return true
}

// mayBeRosterTitle reports whether a+b contains 名录 or 主要负责人, the
// words rosterTitle requires first, without joining a and b.
func mayBeRosterTitle(a, b string) bool {
	return containsJoined(a, b, "名录") || containsJoined(a, b, "主要负责人")
}

// containsJoined reports whether strings.Contains(a+b, w).
func containsJoined(a, b, w string) bool {
	if strings.Contains(a, w) || strings.Contains(b, w) {
		return true
	}
	for j := 1; j < len(w); j++ {
		if strings.HasSuffix(a, w[:j]) && strings.HasPrefix(b, w[j:]) {
			return true
		}
	}
	return false
}

func rosterTitle(k string) bool {
	if !strings.Contains(k, "名录") && !strings.Contains(k, "主要负责人") {
		return false
	}
	return runeLen(k) <= 40 && !strings.ContainsAny(k, "0123456789：:，,。；;") && textnorm.HanCount(k)*10 >= runeLen(k)*9
}

// postLines reports whether the lines from..to look like a roster: at
// least three of the first twenty body lines have a colon (unit：title
// name). A list of names of another kind (小贷公司名录, a table) does not.
func postLines(d *segment.Document, from, to int) bool {
	seen, colons := 0, 0
	for n := from; n <= to && seen < 20; n++ {
		l := d.Line(n)
		if l.Kind != segment.Body {
			continue
		}
		seen++
		if i, _ := colon(l.Text); i >= 0 {
			colons++
		}
	}
	return colons >= 3
}

// nextText returns the next non-blank body line after n, or 0.
func nextText(d *segment.Document, n int) int {
	for k := n + 1; k <= len(d.Lines); k++ {
		switch d.Line(k).Kind {
		case segment.Blank, segment.Banner, segment.PageHeader, segment.Caption, segment.Credit:
			continue
		case segment.Body:
			return k
		}
		return 0
	}
	return 0
}

// rosterEnd returns the last line of the roster whose title ends at line
// from: the line before its author line (（市委组织部）), before a chapter or
// section heading, or before the first sentence (a line with 。), which no
// roster line has.
func rosterEnd(d *segment.Document, from int) int {
	last := from
	for n := from + 1; n <= len(d.Lines); n++ {
		l := d.Line(n)
		switch l.Kind {
		case segment.Heading:
			return last
		case segment.Author:
			if !noteLine(l.Text) {
				return last
			}
		case segment.Body:
			if strings.Contains(l.Text, "。") {
				return last
			}
		default:
			continue
		}
		last = n
	}
	return last
}

// noteLine reports whether a line the segmenter took for an author line
// (it is all in parentheses) is a roster note instead: （空缺）,
// （2023 年 5 月整合…）.
func noteLine(s string) bool {
	k := textnorm.Key(s)
	if strings.ContainsAny(k, "0123456789") {
		return true
	}
	n := parseNotes([]string{strings.Trim(compact(s), "（）")})
	return n.vacant || n.gender != "" || n.ethnicity != "" || n.concurrent || len(n.titles) > 0
}

// unit is a roster unit: an Organization.
type unit struct {
	key, name string
	aliases   []string
	props     map[string]string
	level     int   // indentation: 0 for a unit, 1 for a sub-unit under it
	parent    *unit // the unit it is indented under
	leader    bool  // a city leadership block or a county leader's unit
	idx       int   // order of appearance
	line      *lline
	mentions  []kg.Source
}

// post is one person–post entry of the roster.
type post struct {
	h      holder
	unit   *unit
	useq   int // the unit's position in the roster when the post was read
	title  string
	src    kg.Source
	leader bool
	person string // the person's key, set by resolvePersons
}

// extractor holds the state of one Extract call.
type extractor struct {
	d     *segment.Document
	yb    string
	names *cityNames // the forms of the city's bodies' names
	g     *kg.Graph
	units map[string]*unit
	order []*unit
	seq   int
	posts []*post
	parts []partOf
}

type partOf struct {
	child, parent *unit
	src           kg.Source
}

func (x *extractor) diag(line int, code, format string, args ...any) {
	x.g.Diagnostics = append(x.g.Diagnostics, kg.Diagnostic{File: x.d.File, Line: line, Code: code, Message: fmt.Sprintf(format, args...)})
}
