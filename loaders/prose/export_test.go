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
