package places

import (
	"strings"
	"unicode/utf8"
)

// formSet finds the occurrences of several strings in one pass over a
// text, where a strings.Index loop per string would read the text once
// for each.
type formSet struct {
	forms []string
	first map[rune][]int // indices of the forms by their first rune
	bmp   runeSet
	// visit is bmp and noRune: the runes of the entries allIndexed
	// visits, which entries lists for a book.
	visit   runeSet
	entries entryList
	slow    []int // forms that are not valid UTF-8 or start with ASCII, found by strings.Index
	// found is the answer of allIndexed, whose arrays the next call
	// writes over: the passes read the occurrences of a passage before
	// they find those of the next one.
	found [][]int
}

func newFormSet(forms []string) *formSet {
	f := &formSet{forms: forms, first: map[rune][]int{}}
	for j, s := range forms {
		r, _ := utf8.DecodeRuneInString(s)
		if r < utf8.RuneSelf || !utf8.ValidString(s) {
			// strings.Index finds these where the pass over the
			// runes would: an ASCII byte always starts a rune.
			f.slow = append(f.slow, j)
			continue
		}
		f.first[r] = append(f.first[r], j)
		f.bmp.add(r)
	}
	f.visit = f.bmp
	f.visit.add(noRune)
	return f
}

// all returns, for each form, the byte offsets of its occurrences in s as
// a loop of strings.Index from the end of the previous occurrence finds
// them: left to right, not overlapping. A valid UTF-8 form can only
// start at a rune of s, so the pass visits runes, not bytes.
func (f *formSet) all(s string) [][]int {
	var buf [32]int
	out, next := make([][]int, len(f.forms)), f.cursors(buf[:])
	for i := 0; i < len(s); {
		// textnorm.DecodeRuneAt, by hand, as in Gazetteer.scan.
		c := s[i]
		r, size := rune(c), 1
		if c >= utf8.RuneSelf {
			if c-0xE1 <= 0xEF-0xE1 && c != 0xED && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
				r, size = rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
			} else {
				r, size = utf8.DecodeRuneInString(s[i:])
			}
		}
		if r >= 0x10000 || f.bmp[r>>6]&(1<<(r&63)) != 0 {
			f.at(out, next, s, i, r)
		}
		i += size
	}
	f.slowForms(out, s)
	return out
}

// allIndexed is all over a text indexed by ix, whose entries are the
// runes all visits but ASCII ones: it reads those of the runes that start
// a form, and of noRune, which the book lists. A form that starts with
// an ASCII rune is one of the slow ones, found by strings.Index. The
// answer is valid until the next call, which writes over its arrays.
func (f *formSet) allIndexed(s string, ix *runeIndex) [][]int {
	var buf [32]int
	if f.found == nil {
		f.found = make([][]int, len(f.forms))
	}
	out, next := f.found, f.cursors(buf[:])
	for j := range out {
		out[j] = out[j][:0]
	}
	for _, g := range f.entries.part(ix, &f.visit, nil) {
		k := int(g) - ix.base
		r, _ := ix.rune(s, k)
		if f.bmp.mayHave(r) {
			f.at(out, next, s, int(ix.ents[k].off), r)
		}
	}
	f.slowForms(out, s)
	return out
}

// cursors returns, in buf's array when it is long enough (a few forms: no
// allocation), for each form the byte its next occurrence may start at.
func (f *formSet) cursors(buf []int) []int {
	if len(f.forms) <= len(buf) {
		return buf[:len(f.forms)]
	}
	return make([]int, len(f.forms))
}

// at records in out the forms that start with the rune r at byte i of s.
func (f *formSet) at(out [][]int, next []int, s string, i int, r rune) {
	for _, j := range f.first[r] {
		if w := f.forms[j]; i >= next[j] && strings.HasPrefix(s[i:], w) {
			out[j] = append(out[j], i)
			next[j] = i + len(w)
		}
	}
}

// slowForms finds the slow forms by strings.Index.
func (f *formSet) slowForms(out [][]int, s string) {
	for _, j := range f.slow {
		w := f.forms[j]
		if w == "" {
			// strings.Index finds "" everywhere; no caller asks for it.
			continue
		}
		for off := 0; ; {
			k := strings.Index(s[off:], w)
			if k < 0 {
				break
			}
			out[j] = append(out[j], off+k)
			off += k + len(w)
		}
	}
}

// formAt is an occurrence of a form of a formSet: its index among the
// forms asked for and the byte it starts at.
type formAt struct{ form, at int32 }

// appendOccurrences appends to dst the occurrences occ holds, form after
// form, each form's left to right, the order occ lists them in, and
// returns it: a copy, flat, of an answer of allIndexed to keep.
func appendOccurrences(dst []formAt, occ [][]int) []formAt {
	for j, at := range occ {
		for _, i := range at {
			dst = append(dst, formAt{int32(j), int32(i)})
		}
	}
	return dst
}
