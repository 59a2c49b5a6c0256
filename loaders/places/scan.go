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
	bmp   [0x10000 / 64]uint64
	slow  []int // forms that are not valid UTF-8, found by strings.Index
}

func newFormSet(forms []string) *formSet {
	f := &formSet{forms: forms, first: map[rune][]int{}}
	for j, s := range forms {
		if s == "" || !utf8.ValidString(s) {
			f.slow = append(f.slow, j)
			continue
		}
		r, _ := utf8.DecodeRuneInString(s)
		f.first[r] = append(f.first[r], j)
		if r < 0x10000 {
			f.bmp[r>>6] |= 1 << (r & 63)
		}
	}
	return f
}

// all returns, for each form, the byte offsets of its occurrences in s as
// a loop of strings.Index from the end of the previous occurrence finds
// them: left to right, not overlapping. A valid UTF-8 form can only
// start at a rune of s, so the pass visits runes, not bytes.
func (f *formSet) all(s string) [][]int {
	out := make([][]int, len(f.forms))
	var next []int
	if len(f.forms) <= 32 {
		var buf [32]int
		next = buf[:len(f.forms)]
	} else {
		next = make([]int, len(f.forms))
	}
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
			for _, j := range f.first[r] {
				if w := f.forms[j]; i >= next[j] && strings.HasPrefix(s[i:], w) {
					out[j] = append(out[j], i)
					next[j] = i + len(w)
				}
			}
		}
		i += size
	}
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
	return out
}
