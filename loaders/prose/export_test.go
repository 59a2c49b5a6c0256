package prose

import "github.com/yearbookkg/kg/loaders/segment"

// CreditNames exposes creditNames to the tests.
var CreditNames = creditNames

// PassageTexts returns the running text Extract reads, passage by passage.
func PassageTexts(d *segment.Document) []string {
	x := &extractor{d: d, ls: prepare(d)}
	var out []string
	for _, p := range x.passages() {
		out = append(out, p.p.Text)
	}
	return out
}

// passage returns the text of the body lines from..to that are not
// skipped; col is a byte offset in line from's text where it begins. It
// is join, with the lines counted and measured here, for the tests to
// compare with segment.Document.Passage.
func (ls lines) passage(from, to, col int) *text {
	lines, skip := ls.d.Lines, ls.skip
	last := min(to, len(lines))
	count, size := 0, 0
	for n := from; n <= last; n++ {
		if !skip[n] && lines[n-1].Kind == segment.Body {
			count++
			size += len(lines[n-1].Text)
		}
	}
	return ls.join(newJoins(1, count), chunk{from: from, last: last, col: col, count: count, size: size}, nil)
}
