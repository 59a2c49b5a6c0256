package places

import (
	"iter"
	"slices"
	"unicode/utf8"

	"github.com/yearbookkg/kg/loaders/textnorm"
)

// The builder reads the running text in several passes (discoverTowns,
// discoverVillages twice, discoverSites, mentions), each with a gazetteer
// of the places the passes before it found; most of the work of a pass
// was decoding every rune of the text again, only to step over it. A
// runeIndex decodes each passage once, and the passes read the index:
// the gazetteer scans (scanIndexed), the word lists of discoverSites
// (formSet.allIndexed) and the towns after punctuation (townStarts).

// runeIndex lists the non-ASCII runes of a text as decoding it left to
// right reads them (textnorm.DecodeRuneAt from the start, rune after
// rune): entry k holds rune ents[k].r, which starts at byte ents[k].off.
// A rune that does not fit in 16 bits below noRune — noRune itself, a
// rune past U+FFFF, an invalid byte — is recorded as noRune, which a
// reader decodes from the text again. ASCII bytes, at which no form
// starts and which are runes of one byte, are the gaps between entries.
type runeIndex struct {
	ents []indexEntry
	// valid reports whether the text is valid UTF-8: then each form
	// (valid UTF-8 itself) that matches ends where an entry or an ASCII
	// byte starts, so a scan that resumes past a match stays in step
	// with the index.
	valid bool
}

// indexEntry is one entry of a runeIndex. The fields of an entry sit
// together, so that building the index appends one value a rune.
type indexEntry struct {
	off int32
	r   uint16
}

// noRune stands in indexEntry.r for a rune to decode from the text.
const noRune = 0xFFFF

// indexRunes appends the index of text to the entries of a (shared by the
// passages of a book, so that indexing it allocates one array) and
// returns it. It reads the runes of three bytes, nearly all of a
// Chinese text, with index3, and the others with utf8. A rune takes at
// least two bytes, so the entries of valid UTF-8 fit in len(text)/2
// more: it grows a's array once, then writes entries in place (and
// grows it again only for invalid bytes).
func indexRunes(text string, a *indexArrays) runeIndex {
	k := len(a.ents)
	all := slices.Grow(a.ents, len(text)/2)
	ents := all[k : k+len(text)/2]
	n := 0
	valid := true
	for i := 0; i < len(text); {
		if i, n = index3(text, i, ents, n); i == len(text) {
			break
		}
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		bad := r == utf8.RuneError && size == 1
		valid = valid && !bad
		c := uint16(noRune)
		if r < noRune && !bad {
			c = uint16(r)
		}
		if n == len(ents) {
			// Invalid bytes, an entry each, filled the room.
			all = slices.Grow(all[:k+n], len(text)-i)
			ents = all[k : k+n+len(text)-i]
		}
		ents[n] = indexEntry{off: int32(i), r: c}
		n, i = n+1, i+size
	}
	a.ents = all[:k+n]
	return runeIndex{ents: ents[:n:n], valid: valid}
}

// index3 writes into ents from entry n the run of runes of three bytes
// that starts at byte i of text, and returns the byte and the entry past
// it. A rune is at most U+FFFF, which noRune stands for anyway. It is a
// loop of its own, small enough for the compiler to keep in registers.
func index3(text string, i int, ents []indexEntry, n int) (int, int) {
	for ; i+2 < len(text) && n < len(ents); i, n = i+3, n+1 {
		b0, b1, b2 := text[i], text[i+1], text[i+2]
		if !is3(b0, b1, b2) {
			break
		}
		ents[n] = indexEntry{off: int32(i), r: uint16(rune3(b0, b1, b2))}
	}
	return i, n
}

// decode3 decodes the rune of three bytes at byte i of s, as
// utf8.DecodeRuneInString would; ok is false where another kind of rune
// or an invalid byte starts (is3), for utf8 to read.
func decode3(s string, i int) (r rune, ok bool) {
	if s = s[i:]; len(s) < 3 || !is3(s[0], s[1], s[2]) {
		return 0, false
	}
	return rune3(s[0], s[1], s[2]), true
}

// is3 reports whether b0, b1, b2 are a rune of three bytes in
// U+1000–U+FFFF but the surrogates' block (lead bytes E1–EF but ED), the
// runes of nearly all of a Chinese text: one test of the two
// continuation bytes.
func is3(b0, b1, b2 byte) bool {
	return b0-0xE1 <= 0xEF-0xE1 && b0 != 0xED && (uint32(b1)<<8|uint32(b2))&0xC0C0 == 0x8080
}

// rune3 is the rune of the three bytes b0, b1, b2 (is3).
func rune3(b0, b1, b2 byte) rune {
	return rune(b0&0x0F)<<12 | rune(b1&0x3F)<<6 | rune(b2&0x3F)
}

// rune returns entry k of the index of text and its size in bytes.
func (ix *runeIndex) rune(text string, k int) (rune, int) {
	r := rune(ix.ents[k].r)
	switch {
	case r == noRune:
		return utf8.DecodeRuneInString(text[ix.ents[k].off:])
	case r < 0x800:
		return r, 2
	}
	return r, 3
}

// next returns the rune after entry k, whose size is size, as
// runeAt(text, end) reads it: the next entry's rune where that entry
// starts right there, else an ASCII byte, or 0 at the end of the text.
func (ix *runeIndex) next(text string, k, size int) rune {
	end := int(ix.ents[k].off) + size
	switch {
	case end >= len(text):
		return 0
	case text[end] < utf8.RuneSelf:
		return rune(text[end])
	case k+1 < len(ix.ents) && int(ix.ents[k+1].off) == end && ix.ents[k+1].r != noRune:
		return rune(ix.ents[k+1].r)
	}
	return runeAt(text, end)
}

// before returns the rune that ends at the start of entry k, as a left to
// right decoding of text reads it: 0 at the start of the text, the ASCII
// byte or the entry before, and, where that entry is an invalid byte, the
// rune utf8.DecodeLastRuneInString reads (runeBefore).
func (ix *runeIndex) before(text string, k int) rune {
	i := int(ix.ents[k].off)
	switch {
	case i == 0:
		return 0
	case text[i-1] < utf8.RuneSelf:
		return rune(text[i-1])
	}
	r, size := ix.rune(text, k-1)
	if r == utf8.RuneError && size == 1 {
		return runeBefore(text, i)
	}
	return r
}

// hanAfterBoundary reports whether entry k is a Han rune after a phrase
// boundary: textnorm.IsHan(r) && boundary(ix.before(text, k)).
func (ix *runeIndex) hanAfterBoundary(text string, k int) bool {
	r, _ := ix.rune(text, k)
	return textnorm.IsHan(r) && boundary(ix.before(text, k))
}

// townStarts yields, left to right, the entries k where townAfter(text,
// ents[k].off, 3) may read a town: a suffix (镇, 乡, 街道) must start after a
// stem of 2 or 3 runes, which are the entries after k when they are Han,
// so at entry k+2 or k+3. It looks for the suffixes, which few entries
// hold, rather than at each entry.
func (ix *runeIndex) townStarts() iter.Seq[int] {
	return func(yield func(int) bool) {
		last := -1 // the last entry yielded
		for j, e := range ix.ents {
			if c := e.r; c != '镇' && c != '乡' && c != '街' {
				continue
			}
			for k := max(j-3, last+1); k <= j-2; k++ {
				last = k
				if !yield(k) {
					return
				}
			}
		}
	}
}

// afterHan reports whether entry k follows a rune of the CJK Unified
// Ideographs block right before it: most entries do, and none of them
// follows a boundary.
func (ix *runeIndex) afterHan(k int) bool {
	return k > 0 && unifiedHan(ix.ents[k-1].r) && ix.ents[k-1].off+3 == ix.ents[k].off
}

// unifiedHan reports whether c is in the CJK Unified Ideographs block
// (U+4E00–U+9FFF), the fast path of textnorm.IsHan.
func unifiedHan(c uint16) bool { return c-0x4E00 <= 0x9FFF-0x4E00 }

// scanIndexed is scanInto over a text indexed by ix: it visits only the
// entries whose rune is a stop and, unless the rune is lone, whose rune
// and the next one may start a form, and at each calls the same
// scanner.at. At the entries it steps over, scanner.at would find no
// form and change nothing.
func (z *Gazetteer) scanIndexed(buf []hit, text string, ix *runeIndex) []hit {
	if !ix.valid {
		return z.scanInto(buf, text)
	}
	s := scanner{z: z, text: text, hits: buf[:0]}
	stops, lone, pairs := &z.stops, &z.lone, &z.pairs
	resume := 0 // the byte past the last match
	ents := ix.ents
	for k := range ents {
		// Only the rune is read at most entries: no copy of the entry.
		if c := uint32(ents[k].r); stops[c>>6]&(1<<(c&63)) == 0 {
			continue
		}
		e := &ents[k]
		i := int(e.off)
		if i < resume {
			continue
		}
		c := uint32(e.r)
		if lone[c>>6]&(1<<(c&63)) != 0 {
			r, size := ix.rune(text, k)
			resume = s.at(i, r, size, -2)
			continue
		}
		// c is not noRune, which is lone: the rune itself. The rune
		// after it is most often the next entry's.
		size := 3
		if c < 0x800 {
			size = 2
		}
		var next rune
		if k+1 < len(ents) && int(ents[k+1].off) == i+size && ents[k+1].r != noRune {
			next = rune(ents[k+1].r)
		} else {
			next = ix.next(text, k, size)
		}
		if h := pairHash(rune(c), next); pairs[h>>6]&(1<<(h&63)) == 0 {
			continue
		}
		resume = s.at(i, rune(c), size, next)
	}
	return s.hits
}
