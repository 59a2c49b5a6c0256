package mention

import (
	"slices"
	"sync"
	"unicode/utf8"
)

// Decoded is a text read once into runes for the finders that Finders
// runs over it. Prose and events hand every passage and sentence to a
// places finder and to NewFinder's, which both read it rune by rune:
// decoding it once for both spares the second finder its own pass over
// the bytes. A Decoded belongs to Finders.Find and is valid during the
// call of FindDecoded only; finders read it and keep nothing of it.
type Decoded struct {
	Text string
	// Runes are the runes of Text as a range loop reads them, with
	// full-width ASCII forms and the ideographic space folded to ASCII
	// (fold): a Han character, and any rune but those, is as written.
	Runes []rune
	// Offs[i] is the byte offset of Runes[i] in Text; Offs[len(Runes)]
	// is len(Text).
	Offs []int
	// spans is the array Finders.Find has NewFinder's finder append its
	// spans to (finder.appendDecoded), recycled with the decoding: they
	// are read into Find's answer, and are its answer only in part of
	// the texts.
	spans []Span
}

// DecodedFinder is a Finder that can also read a text Finders has
// decoded. FindDecoded(d) returns what Find(d.Text) returns.
type DecodedFinder interface {
	Finder
	FindDecoded(d *Decoded) []Span
}

// decodeds recycles the arrays of Decoded texts: Finders.Find decodes
// every text it is given.
var decodeds = sync.Pool{New: func() any { return new(Decoded) }}

// release returns d to the pool, with its array of spans emptied.
func (d *Decoded) release() {
	d.Text = ""
	clear(d.spans)
	d.spans = d.spans[:0]
	decodeds.Put(d)
}

// decode reads text into d as for range decodes it. Every rune of every
// text comes here: the runs of three-byte runes, those of Chinese text,
// are decoded in a loop of their own (decode3), the runs of ASCII in
// another, the other runes one by one.
func (d *Decoded) decode(text string) {
	// A text has at most as many runes as bytes: k <= i.
	n := len(text)
	rs := slices.Grow(d.Runes[:0], n)[:n]
	off := slices.Grow(d.Offs[:0], n+1)[:n+1]
	k := 0
	for i := 0; i < n; {
		if k, i = decode3(text, i, rs, off, k); i >= n {
			break
		}
		if text[i] < utf8.RuneSelf {
			// A run of ASCII (figures, Latin names), in a loop of its own.
			for ; i < n && text[i] < utf8.RuneSelf; i++ {
				rs[k], off[k] = rune(text[i]), i
				k++
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		rs[k], off[k] = fold(r), i
		k++
		i += size
	}
	off[k] = n
	d.Text, d.Runes, d.Offs = text, rs[:k], off[:k+1]
}

// decode3 decodes the run of three-byte runes of text from byte i into
// rs[k:] and off[k:], as decode does, and returns the next k and i. It
// reads the text four bytes at a time, one load for a rune, and leaves
// to decode what it does not know at once: the rune that ends the text,
// any other length of rune, and the invalid three-byte forms (overlong,
// surrogates), which range decodes byte by byte.
func decode3(text string, i int, rs []rune, off []int, k int) (int, int) {
	for rest := text[i:]; len(rest) > 3; rest = rest[3:] {
		// 1110xxxx 10xxxxxx 10xxxxxx, the fourth byte the next rune's.
		w := uint32(rest[0]) | uint32(rest[1])<<8 | uint32(rest[2])<<16 | uint32(rest[3])<<24
		if w&0xC0C0F0 != 0x8080E0 {
			break
		}
		r := rune(w&0x0F)<<12 | rune(w>>2)&0xFC0 | rune(w>>16)&0x3F
		if uint32(r-hanLo) > hanHi-hanLo {
			if r < 0x800 || uint32(r-0xD800) < 0x800 {
				break
			}
			r = fold(r) // which changes no Han character
		}
		rs[k], off[k] = r, i
		k++
		i += 3
	}
	return k, i
}
