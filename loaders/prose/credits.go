package prose

import (
	"strings"
	"unicode"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/mention"
	"github.com/yearbookkg/kg/loaders/segment"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// Photographers returns the people named in photo credits (（王丽　戴声桥
// 摄）), each with Props["role"] = "photographer" and a mention per
// credit. Extract leaves them out: a credit names who took a picture, not
// who took part in what the yearbook records, and most annotation counts
// them as no person of the text. A caller that wants them merges this
// graph too. Credits by units (（市委老干局　供图）) give nothing.
func Photographers(d *segment.Document, yearbook string) *kg.Graph {
	x := &extractor{d: d, yb: yearbook}
	for i := range d.Lines {
		l := &d.Lines[i]
		if l.Kind != segment.Credit {
			continue
		}
		for _, name := range creditNames(l.Raw) {
			x.mention(kg.Person, name, name, at{l.N, d.CleanLine(l.N)}, prop{"role", "photographer"}) // d.LineSource
		}
	}
	return &kg.Graph{Entities: x.entities()}
}

// creditNames returns the personal names of a credit line: the words
// between its parentheses, before 摄 or 供图, without a date.
func creditNames(raw string) []string {
	open := strings.LastIndex(raw, "（")
	if open < 0 {
		open = strings.LastIndex(raw, "(")
	}
	if open < 0 {
		return nil
	}
	body := raw[open:]
	body = strings.TrimRightFunc(body, func(r rune) bool { return r == '）' || r == ')' || textnorm.IsSpace(r) })
	body = strings.TrimLeft(body, "（(")
	body = strings.TrimSuffix(strings.TrimSuffix(body, "摄"), "供图")
	var out []string
	for _, w := range strings.FieldsFunc(body, textnorm.IsSpace) {
		w = strings.TrimRightFunc(w, func(r rune) bool { return r == '摄' || unicode.IsDigit(r) })
		k := textnorm.Key(w)
		if mention.PlausiblePerson(k) {
			out = append(out, k)
		}
	}
	return out
}
