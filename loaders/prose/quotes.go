package prose

import (
	"strings"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/segment"
)

// quotes gives the sources of the spans of one passage, remembering the
// last sentence it quoted. A passage's spans come in order and many share
// a sentence (a title chain, a list of places), so the sentence of the
// next span is mostly the one just found; and when it is not, its start
// lies after the end of that one, so the backward search stops there.
// segment.Passage.Sentence searches both ways from every offset.
type quotes struct {
	p   *text
	lo  int  // the last sentence found: Text[lo:end]
	end int  //
	hi  int  // the last offset whose sentence it is: its end mark, or len(Text)
	ok  bool // a sentence has been found
	// past memoizes pastSentence for the last sentence found.
	past, pastSet bool
}

// at is where a mention is written: its line and the sentence it quotes,
// the parts of its kg.Source that differ from one mention to the next.
// The rest, the line's page and section path, is looked up only for the
// sources kept (sourceOf): most mentions repeat an entity in the quote of
// its last one, and are dropped.
type at struct {
	Line  int
	Quote string
}

// source returns where byte off of the passage is written: the source
// segment.Document.Source gives, once sourceOf fills it in.
func (x *extractor) source(q *quotes, off int) at {
	return at{q.p.Line(off), q.sentence(off)}
}

// sourceOf returns the kg.Source of a mention written at a.
func (x *extractor) sourceOf(a at) kg.Source { return x.d.Quote(x.yb, a.Line, a.Quote) }

// sentence returns segment.Passage.Sentence(off): the text from the end
// of the sentence before byte off to the end (。；！？) of its own.
//
// The sentence of off starts after the last end mark that ends at or
// before off, and ends after the first mark that starts at or after it.
// Marks are three bytes and cannot overlap, so the sentence found for an
// offset outside a mark holds no mark before its end mark, and is the
// sentence of every offset from its start up to that mark.
func (q *quotes) sentence(off int) string {
	text := q.p.Text
	if q.holds(off) {
		return text[q.lo:q.end]
	}
	floor := 0
	if q.ok && q.hi < len(text) && off >= q.end {
		floor = q.end // a mark ends there: the start is no earlier
	}
	start := floor
	for i := off; i > floor && i >= 3; i-- {
		if segment.SentenceEndAt(text, i-3) {
			start = i
			break
		}
	}
	end, hi := len(text), len(text)
	if i := nextSentenceEnd(text, off); i >= 0 {
		end, hi = i+3, i
	}
	if !insideMark(text, off) {
		*q = quotes{p: q.p, lo: start, end: end, hi: hi, ok: true}
	}
	return text[start:end]
}

// insideMark reports whether byte off of text is the second or third
// byte of a sentence end mark. Neither search looks at a mark around off,
// so the sentence found for such an offset holds a mark inside and is no
// sentence of the offsets after it.
func insideMark(text string, off int) bool {
	for _, i := range []int{off - 1, off - 2} {
		if i >= 0 && i+3 <= len(text) && segment.SentenceEndAt(text, i) {
			return true
		}
	}
	return false
}

// nextSentenceEnd returns the offset of the first sentence end (。；！？,
// segment.SentenceEndAt) at or after byte i of text, or -1. It looks at
// the bytes a mark starts with, E3 (。) and EF (；！？), found by byte
// searches, instead of testing every byte. Any walk over the runes from i
// stops at every byte that does not continue a rune, so it decodes the
// same marks.
func nextSentenceEnd(text string, i int) int {
	e3 := -1 // the next byte E3 at or after i, or len(text), once i <= e3
	for i+3 <= len(text) {
		if e3 < i {
			e3 = len(text)
			if k := strings.IndexByte(text[i:], 0xE3); k >= 0 {
				e3 = i + k
			}
		}
		j := e3
		if k := strings.IndexByte(text[i:e3], 0xEF); k >= 0 {
			j = i + k
		}
		if j+3 > len(text) {
			return -1
		}
		if segment.SentenceEndAt(text, j) {
			return j
		}
		i = j + 1
	}
	return -1
}

// holds reports whether the last sentence found is the sentence of off.
func (q *quotes) holds(off int) bool { return q.ok && off >= q.lo && off <= q.hi }

// pastSentence is extractor.pastSentence of the sentence of byte off,
// read once per sentence.
func (x *extractor) pastSentenceAt(q *quotes, off int) bool {
	s := q.sentence(off)
	if !q.holds(off) {
		return x.pastSentence(s)
	}
	if !q.pastSet {
		q.past, q.pastSet = x.pastSentence(s), true
	}
	return q.past
}
