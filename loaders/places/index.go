package places

import (
	"iter"
	"math/bits"
	"slices"
	"strings"
	"sync/atomic"
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
//
// Even reading every entry once a pass was most of the work of a pass:
// a scan acts only at the entries whose rune starts a form
// (Gazetteer.stops), about one in six, and of those only at the ones
// whose rune and the next one may start a form (Gazetteer.pairs). So
// the entries of the whole book are also sorted by rune (byRune), a
// pass gathers the entries of the runes it looks for (entriesOf) and
// visits only those, and each entry holds the hash of its pair of runes,
// made while decoding. The sort is a counting sort: indexRunes counts
// each rune's entries as it writes them, and the first pass that asks
// for a rune (ofRune) places every entry, reading the entries in order
// and writing each rune's list in order. Chaining each rune's entries
// instead (an entry holding the one of its rune before it) wrote nothing
// for the runes no pass asks for, but reading a chain was a walk of
// dependent loads across megabytes, a cache miss a step: the most time
// of any function of the package.

// runeIndex lists the non-ASCII runes of a text as decoding it left to
// right reads them (textnorm.DecodeRuneAt from the start, rune after
// rune): entry k holds rune ents[k].r(), which starts at byte ents[k].off.
// A rune that does not fit in 16 bits below noRune — noRune itself, a
// rune past U+FFFF, an invalid byte — is recorded as noRune, which a
// reader decodes from the text again. ASCII bytes, at which no form
// starts and which are runes of one byte, are the gaps between entries.
type runeIndex struct {
	ents []indexEntry
	// book holds the entries of all the passages of the book, from
	// ents[0] at book.ents[base].
	book *indexArrays
	base int
	// valid reports whether the text is valid UTF-8: then each form
	// (valid UTF-8 itself) that matches ends where an entry or an ASCII
	// byte starts, so a scan that resumes past a match stays in step
	// with the index.
	valid bool
}

// indexEntry is one entry of a runeIndex. The fields of an entry sit
// together, so that building the index appends one value a rune, of
// eight bytes.
type indexEntry struct {
	off int32
	// rh holds the rune (r) and, in the high 16 bits, the pairKey of
	// the rune and the next, as scanInto reads it (runeAt). One field
	// of 32 bits is read or written in one instruction where the
	// compiler reads a field of 16 bits of an entry of an array in three
	// (two to make its address).
	rh uint32
}

// entryOf is the entry of rune c at byte off, the pair of c and the next
// rune hashing to h.
func entryOf(off int, c, h uint16) indexEntry {
	return indexEntry{off: int32(off), rh: uint32(c) | uint32(h)<<16}
}

// r is the rune of the entry (or noRune).
func (e indexEntry) r() uint16 { return uint16(e.rh) }

// pairKey is the pairHash of the rune a and the rune b after it.
func pairKey(a, b rune) uint16 { return uint16(pairHash(a, b)) }

// noRune stands in indexEntry.r for a rune to decode from the text.
const noRune = 0xFFFF

// indexRunes appends the index of text to the entries of a (shared by the
// passages of a book, so that indexing it allocates one array) and
// returns it, counting the entries of each rune (indexArrays.count) as
// it writes them. It reads the runes of three bytes, nearly all of a
// Chinese text, with index3, and the others with utf8. A rune takes at
// least two bytes, so the entries of valid UTF-8 fit in len(text)/2
// more: it grows a's arrays once, then writes entries in place (and
// grows them again only for invalid bytes, to an entry a byte of the
// rest). So the entries past n always have room for the rest of the
// text.
func indexRunes(text string, a *indexArrays) runeIndex {
	a.unsort()
	if a.count == nil {
		a.count = new([0x10000]int32)
	}
	k := len(a.ents)
	a.room(k + len(text)/2)
	n := k // the entry of the book to write next
	valid := true
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		if j, m := a.index3(text, i, n); j > i {
			i, n = j, m
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		bad := r == utf8.RuneError && size == 1
		valid = valid && !bad
		c, h := uint16(noRune), uint16(0) // noRune is lone: no pair
		if r < noRune && !bad {
			c, h = uint16(r), pairKey(r, runeAt(text, i+size))
		}
		if bad && len(a.ents)-n < len(text)-i {
			// An invalid byte takes an entry for one byte: the rest
			// gets room for an entry a byte.
			a.room(n + len(text) - i)
		}
		a.put(n, entryOf(i, c, h))
		n, i = n+1, i+size
	}
	a.ents = a.ents[:n]
	a.gen = indexGen.Add(1)
	return runeIndex{ents: a.ents[k:n:n], valid: valid, book: a, base: k}
}

// room makes ents n long, growing its array if need be; the entries past
// those written are room for indexRunes.
func (a *indexArrays) room(n int) {
	a.ents = slices.Grow(a.ents, n-len(a.ents))[:n]
}

// put writes entry n and counts it.
func (a *indexArrays) put(n int, e indexEntry) {
	a.count[e.r()]++
	a.ents[n] = e
}

// indexArrays hold the entries of the rune indexes of a book's passages,
// the same entries sorted by rune, and the gazetteer of the builder's
// passes. They are as many as the book's runes (and the gazetteer's
// tables hold a hundred kilobytes) and needed only while ExtractRunning
// runs, so spareArrays keeps them for the next book rather than the
// collector reclaiming megabytes each time.
type indexArrays struct {
	ents []indexEntry
	// gen numbers the last change of ents (indexRunes), so that the
	// lists made from them (entryList) are made again when the arrays
	// serve another book. The numbers are unique in the process
	// (indexGen): arrays at the address of dropped ones do not pass for
	// them.
	gen int64
	// count[c] is the number of the entries of rune c until the
	// entries are sorted (sorted, byRune); then it is the end of them
	// in byRune, where those of rune c are byRune[count[c-1]:count[c]]
	// (from 0 for rune 0), each rune's in book order.
	count  *[0x10000]int32
	byRune []runeEntry
	sorted bool
	marks  []uint64   // a bit an entry, for entriesOf
	towns  entryList  // of townRunes, for townStarts
	z      *Gazetteer // the gazetteer the passes refill (builder.finder)
	// texts and ixs are the passages of the book and their indexes
	// (passages), and hits the array the passes scan each passage into.
	texts []passage
	ixs   []runeIndex
	hits  []hit
}

var (
	// spareArrays holds the arrays of the last book for the next one
	// (release); an extraction that runs while another holds them makes
	// its own. A sync.Pool lost them at every other cycle of the
	// collector, which a run of the whole pipeline, allocating megabytes
	// a book, starts several times a book.
	spareArrays atomic.Pointer[indexArrays]
	indexGen    atomic.Int64
)

// runeEntry is an entry of indexArrays.byRune: the index k of an entry
// in ents and its rh, for the hash of its pair, which entriesOf reads in
// order rather than at each entry of ents.
type runeEntry struct {
	k  int32
	rh uint32
}

// h is the hash of the pair of runes of the entry (indexEntry.rh).
func (e runeEntry) h() uint16 { return uint16(e.rh >> 16) }

// release keeps the arrays for the next book (spareArrays), without what
// they hold of this one: its passages, the hits and the gazetteer's
// entries, whose strings would keep the book's text alive.
func (a *indexArrays) release() {
	clear(a.texts[:cap(a.texts)])
	clear(a.hits[:cap(a.hits)])
	if z := a.z; z != nil {
		z.reset()
		for _, block := range z.blocks {
			clear(block[:cap(block)])
		}
	}
	spareArrays.Store(a)
}

// reset empties the arrays for another book.
func (a *indexArrays) reset() {
	a.ents = a.ents[:0]
	if a.count != nil {
		clear(a.count[:])
	}
	a.sorted = false
}

// unsort turns count back into the numbers of each rune's entries, when
// the entries are sorted, for indexRunes to add entries to them.
func (a *indexArrays) unsort() {
	if !a.sorted {
		return
	}
	for c := 0xFFFF; c > 0; c-- {
		a.count[c] -= a.count[c-1]
	}
	a.sorted = false
}

// ofRune returns the entries of rune c, in book order, sorting the
// entries by rune on the first call.
func (a *indexArrays) ofRune(c uint16) []runeEntry {
	if !a.sorted {
		a.sortByRune()
	}
	lo, hi := int32(0), a.count[c]
	if c > 0 {
		lo = a.count[c-1]
	}
	return a.byRune[lo:hi:hi]
}

// sortByRune places the entries in byRune by rune, each rune's in book
// order: a prefix sum of the counts gives the start of each rune's, and
// each entry, read in order, is put after the last put of its rune. The
// reads are in order and the writes, a cursor a rune, mostly to the
// lines of the few hundred runes that fill most of a Chinese text.
func (a *indexArrays) sortByRune() {
	count, sum := a.count, int32(0)
	_ = count[0] // one check that count is not nil, for the loops
	for c := range count {
		n := count[c]
		count[c] = sum
		sum += n
	}
	by := slices.Grow(a.byRune[:0], len(a.ents))[:len(a.ents)]
	for k, e := range a.ents {
		c := e.r()
		p := count[c]
		count[c] = p + 1
		by[p] = runeEntry{k: int32(k), rh: e.rh}
	}
	a.byRune, a.sorted = by, true
}

// startsOf returns the entries of the book where the word w may start:
// those of its first rune. A word that starts with a rune of two bytes
// or more (valid UTF-8 and not ASCII) starts only at an entry, even in
// a text that is not valid UTF-8: the lead byte of a rune does not
// continue another.
func (a *indexArrays) startsOf(w string) []runeEntry {
	r, _ := utf8.DecodeRuneInString(w)
	return a.ofRune(uint16(min(r, noRune)))
}

// contains reports whether text, indexed by ix, contains the word w,
// which starts with a rune of two bytes or more (startsOf).
func (ix *runeIndex) contains(text, w string) bool {
	for _, g := range ix.among(ix.book.startsOf(w)) {
		if strings.HasPrefix(text[ix.book.ents[g.k].off:], w) {
			return true
		}
	}
	return false
}

// entriesOf appends to dst the entries whose rune is in set, in book
// order, and returns it: it marks each rune's entries in a bitmap of the
// book's entries, which it then reads in order. Given a gazetteer z, it
// keeps of the entries of a rune that is not lone in z those whose pair
// may start a form, the entries where scanIndexed calls scanner.at.
func (a *indexArrays) entriesOf(dst []int32, set *runeSet, z *Gazetteer) []int32 {
	n := len(a.ents)/64 + 1
	a.marks = slices.Grow(a.marks[:0], n)[:n]
	marks := a.marks
	clear(marks)
	n = 0 // the entries marked
	for w, m := range set {
		for ; m != 0; m &= m - 1 {
			c := uint16(w<<6 | bits.TrailingZeros64(m))
			of := a.ofRune(c)
			if z != nil && !z.lone.has(c) {
				for _, e := range of {
					if z.pair(e.h()) {
						marks[e.k>>6] |= 1 << (e.k & 63)
						n++
					}
				}
				continue
			}
			for _, e := range of {
				marks[e.k>>6] |= 1 << (e.k & 63)
			}
			n += len(of)
		}
	}
	dst = slices.Grow(dst, n)
	for w, m := range marks {
		for ; m != 0; m &= m - 1 {
			dst = append(dst, int32(w<<6|bits.TrailingZeros64(m)))
		}
	}
	return dst
}

// entryList holds the entries of a book whose rune is in a set, or
// those where a scan with a gazetteer acts (entriesOf), made once for the
// passages of the book to take their part of (part).
type entryList struct {
	book *indexArrays
	gen  int64
	list []int32
	next int // where the last part ended
}

// of returns book.entriesOf(set, z), made on the first call for book as
// it is now.
func (l *entryList) of(book *indexArrays, set *runeSet, z *Gazetteer) []int32 {
	if l.book != book || l.gen != book.gen {
		l.book, l.gen = book, book.gen
		l.list = book.entriesOf(l.list[:0], set, z)
	}
	return l.list
}

// forget drops the list, when the set has changed.
func (l *entryList) forget() { l.book = nil }

// part returns the entries of ix of the list of the book's (of). The
// passes take the passages in book order: it looks from where the last
// call ended, when ix comes after.
func (l *entryList) part(ix *runeIndex, set *runeSet, z *Gazetteer) []int32 {
	l.of(ix.book, set, z)
	lo := l.next
	if lo > len(l.list) || lo > 0 && l.list[lo-1] >= int32(ix.base) {
		lo = 0
	}
	lo += gallop(l.list[lo:], int32(ix.base))
	l.next = lo + gallop(l.list[lo:], int32(ix.base+len(ix.ents)))
	return l.list[lo:l.next]
}

// gallop returns the number of the elements of list, ascending, that are
// below x: a binary search after steps that double, quick for an x near
// the start.
func gallop(list []int32, x int32) int {
	n := 1
	for n <= len(list) && list[n-1] < x {
		n *= 2
	}
	// The first n/2 are below x; list[n-1] is not, or is past the end.
	lo := n / 2
	k, _ := slices.BinarySearch(list[lo:min(n, len(list))], x)
	return lo + k
}

// among returns the part of list, entries of the book in book order,
// that are entries of ix.
func (ix *runeIndex) among(list []runeEntry) []runeEntry {
	lo := below(list, int32(ix.base))
	return list[lo : lo+below(list[lo:], int32(ix.base+len(ix.ents)))]
}

// below returns the number of the entries of list, in book order, that
// come before entry x: a binary search.
func below(list []runeEntry, x int32) int {
	lo, hi := 0, len(list)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if list[m].k < x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// index3 writes from entry n the entries of the run of runes of three
// bytes that starts at byte i of text, counting each (indexArrays.count),
// and returns the byte and the entry past them. A rune is at most
// U+FFFF, which noRune stands for anyway. It is a loop of its own,
// which writes each entry, with the hash of its pair, when it reads the
// rune after it; the last entry's pair ends with the rune after the run.
func (a *indexArrays) index3(text string, i, n int) (int, int) {
	ents, count := a.ents, a.count
	if i+2 >= len(text) || n >= len(ents) || !is3(text[i], text[i+1], text[i+2]) {
		return i, n
	}
	// The entry of rune c at byte off is written once the loop has read
	// the rune after it, of its pair. The loop reads no field of a (the
	// values it keeps fit in the registers) and checks count once.
	off, c := i, rune3(text[i], text[i+1], text[i+2])
	_ = count[0]
	// The bound i < len(text)-2, not i+2 < len(text), spares the checks
	// of the bounds of the three bytes below. The entries past n have room
	// for the runes of the rest of the text (indexRunes): ents[n] is in
	// bounds for each rune the loop reads.
	for i += 3; i < len(text)-2; i += 3 {
		b0, b1, b2 := text[i], text[i+1], text[i+2]
		if !is3(b0, b1, b2) {
			break
		}
		r := rune3(b0, b1, b2)
		ents[n] = entryOf(off, uint16(c), pairKey(c, r))
		count[uint16(c)]++
		n++
		off, c = i, r
	}
	next := rune(0) // runeAt(text, i), ASCII in line
	if i < len(text) {
		if next = rune(text[i]); next >= utf8.RuneSelf {
			next = runeAt(text, i)
		}
	}
	ents[n] = entryOf(off, uint16(c), pairKey(c, next))
	count[uint16(c)]++
	return i, n + 1
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

// lastRune returns the last rune of s, as utf8.DecodeLastRuneInString
// would: where s ends with a rune of three bytes (is3), whose lead byte
// continues no other rune, it is that one, without utf8's walk back.
func lastRune(s string) rune {
	if n := len(s); n >= 3 && is3(s[n-3], s[n-2], s[n-1]) {
		return rune3(s[n-3], s[n-2], s[n-1])
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
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
	r := rune(ix.ents[k].r())
	switch {
	case r == noRune:
		return utf8.DecodeRuneInString(text[ix.ents[k].off:])
	case r < 0x800:
		return r, 2
	}
	return r, 3
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
// so at entry k+2 or k+3. It looks at the entries of the suffixes' first
// runes (townRunes), which the book lists, rather than at each entry.
func (ix *runeIndex) townStarts() iter.Seq[int] {
	return func(yield func(int) bool) {
		last := -1 // the last entry yielded
		for _, g := range ix.book.towns.part(ix, &townRunes, nil) {
			j := int(g) - ix.base
			for k := max(j-3, last+1); k <= j-2; k++ {
				last = k
				if !yield(k) {
					return
				}
			}
		}
	}
}

// townRunes are the first runes of townSuffixes.
var townRunes = *firstRunes(townSuffixes)

// runeSet is a set of runes below U+10000, a bit a rune.
type runeSet [0x10000 / 64]uint64

// has reports whether c is in the set.
func (s *runeSet) has(c uint16) bool { return s[c>>6]&(1<<(c&63)) != 0 }

// mayHave reports whether r may be in the set: r is, or it is U+10000 or
// above, which the set does not hold. It spares the lookups of a map by
// first rune at the runes that start no word.
func (s *runeSet) mayHave(r rune) bool { return uint32(r) >= 0x10000 || s.has(uint16(r)) }

// holds is strings.ContainsRune(list, r) for the set runesOf(list): one
// look at a bit, where strings.IndexRune encodes a rune of several bytes
// into a string and searches for it, a hundred instructions a call. The
// scans test the runes around most candidates against such lists.
func (s *runeSet) holds(r rune) bool { return uint32(r) < 0x10000 && s.has(uint16(r)) }

// runesOf returns the set of the runes of list, all below U+10000.
func runesOf(list string) *runeSet {
	s := new(runeSet)
	for _, r := range list {
		if uint32(r) >= 0x10000 {
			panic("places: runesOf holds runes below U+10000")
		}
		s.add(r)
	}
	return s
}

// firstRunes returns the set of the first runes of words.
func firstRunes(words []string) *runeSet {
	s := new(runeSet)
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		s.add(r)
	}
	return s
}

// add puts r in the set, unless it is U+10000 or above.
func (s *runeSet) add(r rune) {
	if uint32(r) < 0x10000 {
		s[r>>6] |= 1 << (r & 63)
	}
}

// afterHan reports whether entry k follows a rune of the CJK Unified
// Ideographs block right before it: most entries do, and none of them
// follows a boundary.
func (ix *runeIndex) afterHan(k int) bool {
	return k > 0 && unifiedHan(ix.ents[k-1].r()) && ix.ents[k-1].off+3 == ix.ents[k].off
}

// unifiedHan reports whether c is in the CJK Unified Ideographs block
// (U+4E00–U+9FFF), the fast path of textnorm.IsHan.
func unifiedHan(c uint16) bool { return c-0x4E00 <= 0x9FFF-0x4E00 }

// scanIndexed is scanInto over a text indexed by ix: it visits only the
// entries whose rune is a stop and, unless the rune is lone, whose pair
// of runes may start a form (the book's list of them, entriesOf), and at
// each calls the same scanner.at. At the entries it steps over,
// scanner.at would find no form and change nothing.
func (z *Gazetteer) scanIndexed(buf []hit, text string, ix *runeIndex) []hit {
	if !ix.valid {
		return z.scanInto(buf, text)
	}
	s := scanner{z: z, text: text, hits: buf[:0]}
	resume := 0 // the byte past the last match
	for _, g := range z.stopAt.part(ix, &z.stops, z) {
		k := int(g) - ix.base
		if i := int(ix.ents[k].off); i >= resume {
			r, size := ix.rune(text, k)
			resume = s.at(i, r, size)
		}
	}
	return s.hits
}
