// Package textnorm turns the PDF-damaged text of a yearbook into match keys
// and display forms, without ever losing the raw line a quote comes from.
//
// The damage it undoes: full-width digits and letters (２０２３, Ｘ光机),
// U+3000/U+2002/U+2003 padding inside names and titles (周　勇, 主　任),
// characters spread with ASCII spaces by justified columns (化 服 务 中 心),
// and U+FFFD left where a photo credit's separator was.
package textnorm

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsSpace reports whether r is one of the spaces the yearbook uses: ASCII
// space and tab, U+3000, U+2002, U+2003, U+00A0.
func IsSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\u3000', '\u2002', '\u2003', '\u00a0', '\r':
		return true
	}
	return false
}

// Key returns the match key of s: width-folded (（ → (, ２ → 2), with every
// space and U+FFFD removed. 周　勇, 周 勇 and 周勇 share the key 周勇.
//
// It folds by hand rather than with width.Fold: keys are built for every
// mention of every entity, and the yearbook needs only the full-width ASCII
// block folded. TestKeyMatchesWidthFold checks the two agree.
func Key(s string) string {
	i := keyRun(s, 0)
	if i == len(s) {
		return s // most keys are of clean text
	}
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for i < len(s) {
		// A rune Key drops or folds, or one keyRun leaves to the decoder.
		r, size := DecodeRuneAt(s, i)
		if !IsSpace(r) && r != utf8.RuneError {
			b.WriteRune(FoldWidth(r))
		}
		i += size
		j := keyRun(s, i)
		b.WriteString(s[i:j])
		i = j
	}
	return b.String()
}

// keyRun returns the end of the run of bytes at s[i] that Key keeps as
// they are: ASCII but its spaces, and the well-formed three-byte runes
// but the spaces, the full-width forms and U+FFFD (keeps). Most keys
// are of clean text, so this loop is most of the cost of Key; like
// skipKept, it reads eight bytes at a time and passes two runes at once
// where it can.
func keyRun(s string, i int) int {
	for len(s)-i >= 8 {
		w := load64(s[i:])
		k := keptLead[byte(w)]
		switch {
		case k == keepAll && w&0xC0C0_00C0C000 == 0x8080_0080_8000 && keptLead[byte(w>>24)] == keepAll:
			i += 6
		case byte(w) < utf8.RuneSelf:
			if c := byte(w); c == ' ' || c == '\t' || c == '\r' {
				return i // the ASCII spaces of IsSpace
			}
			i++
		case keeps(k, w, &forKey):
			i += 3
		default:
			return i
		}
	}
	for i < len(s) {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			if c == ' ' || c == '\t' || c == '\r' {
				return i
			}
			i++
		case len(s)-i >= 3 && keeps(keptLead[c], uint64(c)|uint64(s[i+1])<<8|uint64(s[i+2])<<16, &forKey):
			i += 3
		default:
			return i
		}
	}
	return i
}

// keeps reports whether the low three bytes of w, led by a byte of
// class k (keptLead), are a well-formed three-byte rune that Key or Clean
// keeps as it is, forms telling which: both change the spaces U+2002,
// U+2003 and U+3000 (E2 80 82, E2 80 83, E3 80 80) and U+FFFD (EF BF BD),
// and the full-width forms they fold (EF BC 80–EF BD BF), Key every one,
// Clean the digits and letters.
func keeps(k uint8, w uint64, forms *formSet) bool {
	if k == keepNone || w&0xC0C000 != 0x808000 {
		return false
	}
	if k == keepAll {
		return true
	}
	c1, c2 := byte(w>>8), byte(w>>16)
	switch uint16(w) { // the lead and the first continuation byte
	case 0x80E2:
		return c2 != 0x82 && c2 != 0x83
	case 0x80E3:
		return c2 != 0x80
	case 0xBCEF, 0xBDEF:
		return forms[c1&1]>>(c2&63)&1 != 0
	case 0xBFEF:
		return c2 != 0xBD
	}
	return true
}

// formSet is a set of the runes U+FF00–U+FF7F, bit r-0xFF00: the rune
// EF c1 c2 (c1 BC or BD) is bit c2-0x80 of word c1&1.
type formSet [2]uint64

// The runes of U+FF00–U+FF7F that Key and Clean keep: all but the
// full-width forms Key folds (FF01–FF5E), all but the digits and letters
// Clean folds.
var (
	forKey   = formsBut([2]rune{'！', '～'})
	forClean = formsBut([2]rune{'０', '９'}, [2]rune{'Ａ', 'Ｚ'}, [2]rune{'ａ', 'ｚ'})
)

// formsBut returns the set of the runes of U+FF00–U+FF7F outside the
// ranges given, each from its first rune to its last.
func formsBut(ranges ...[2]rune) formSet {
	s := formSet{^uint64(0), ^uint64(0)}
	for _, rg := range ranges {
		for r := rg[0]; r <= rg[1]; r++ {
			s[(r-0xFF00)>>6] &^= 1 << ((r - 0xFF00) & 63)
		}
	}
	return s
}

// FoldWidth maps a full-width ASCII form (Ａ, １, （, ：) to its ASCII
// character and leaves every other rune alone: the fold of Key, for code
// that compares runes one at a time without building a key.
func FoldWidth(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - 0xFEE0
	}
	return r
}

// Clean returns the display form of s: full-width digits and Latin letters
// folded to ASCII, U+FFFD dropped, and every run of spaces removed unless it
// separates two ASCII letters or digits (so "2023 年 8 月" becomes
// "2023年8月" while "37535 6.5" keeps its space). Chinese punctuation is kept
// as written, because quotes are shown to historians.
func Clean(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	AppendClean(&b, s)
	return b.String()
}

// AppendClean writes Clean(s) to b. Runs of runes Clean keeps as they are
// are copied whole, and only spaces, U+FFFD, bytes that are not UTF-8 and
// full-width letters and digits are handled one by one: the segmenter
// cleans every line of a yearbook through it. TestAppendClean checks it
// against a plain rune-by-rune reference on every line of the yearbook.
func AppendClean(b *strings.Builder, s string) { appendClean(b, s, nil) }

// AppendCleanEnds is AppendClean that also appends to ends the offsets in
// b of the sentence ends (。；！？) it writes, in order. Every end Clean
// writes is a rune kept as it is, which skipKept passes over: it notes
// them there, at the punctuation where it leaves its fast path anyway,
// instead of a search of the cleaned text afterwards.
//
// The offsets are int32, half the memory of int, for the segmenter keeps
// those of a whole book: a yearbook is far below 2 GB.
func AppendCleanEnds(b *strings.Builder, s string, ends []int32) []int32 {
	appendClean(b, s, &ends)
	return ends
}

// appendClean is AppendClean, noting the sentence ends in *ends if ends is
// not nil.
func appendClean(b *strings.Builder, s string, ends *[]int32) {
	pendingSpace := false
	var prev rune
	start := 0 // s[start:i] is to be copied as it is
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\r' {
				b.WriteString(s[start:i])
				pendingSpace = true
				i++
				start = i
				continue
			}
			// Kept as it is; after spaces, a space is put back between
			// two ASCII letters or digits.
			if pendingSpace && isASCIIAlnum(prev) && isASCIIAlnum(rune(c)) {
				b.WriteString(s[start:i])
				start = i
				b.WriteByte(' ')
			}
			// The rest of a run of such bytes (digits, letters), kept as
			// they are, passed at once.
			for i++; i < len(s) && s[i] > ' ' && s[i] < utf8.RuneSelf; i++ {
			}
			pendingSpace, prev = false, rune(s[i-1])
			continue
		}
		if j := skipKept(s, i, ends, b.Len()-start); j > i {
			// Three-byte runes kept as they are (Chinese characters and
			// punctuation), not ASCII.
			pendingSpace, prev = false, utf8.RuneError
			i = j
			continue
		}
		r, size := DecodeRuneAt(s, i)
		if r == utf8.RuneError || IsSpace(r) {
			b.WriteString(s[start:i])
			pendingSpace = pendingSpace || r != utf8.RuneError
			i += size
			start = i
			continue
		}
		f := foldAlnum(r)
		if pendingSpace && isASCIIAlnum(prev) && isASCIIAlnum(f) {
			b.WriteString(s[start:i])
			start = i
			b.WriteByte(' ')
		}
		pendingSpace = false
		if f != r {
			b.WriteString(s[start:i])
			b.WriteRune(f)
			start = i + size
		}
		prev = f
		i += size
	}
	b.WriteString(s[start:])
}

// skipKept returns the end of the run of well-formed three-byte runes
// that Clean keeps as they are which starts at s[i], or i: AppendClean
// passes over a run of Chinese text in this one tight loop, telling the
// runes apart by their bytes (keptLead). It reads eight bytes at a time
// and passes two runes at once where both have a lead that Clean keeps
// every rune of, the most common case of Chinese text.
//
// If ends is not nil, the sentence ends among the runes, all led by a
// byte of class keepSome, are appended to *ends, each at its offset in s
// plus shift: where AppendClean will have written it.
func skipKept(s string, i int, ends *[]int32, shift int) int {
	for len(s)-i >= 8 {
		w := load64(s[i:])
		k := keptLead[byte(w)]
		if k == keepAll && w&0xC0C0_00C0C000 == 0x8080_0080_8000 && keptLead[byte(w>>24)] == keepAll {
			i += 6
			continue
		}
		if !keeps(k, w, &forClean) {
			return i
		}
		noteEnd(ends, k, w, i+shift)
		i += 3
	}
	// The last bytes, fewer than eight, are read at once as the top of
	// the last word of s, if it has one, and passed a rune at a time.
	var w uint64
	if len(s) >= 8 {
		w = load64(s[len(s)-8:]) >> (64 - 8*(len(s)-i))
	} else {
		for j := len(s) - 1; j >= i; j-- {
			w = w<<8 | uint64(s[j])
		}
	}
	for ; len(s)-i >= 3; w >>= 24 {
		k := keptLead[byte(w)]
		if !keeps(k, w, &forClean) {
			return i
		}
		noteEnd(ends, k, w, i+shift)
		i += 3
	}
	return i
}

// noteEnd appends i to *ends if ends is not nil and the low three bytes
// of w, led by a byte of class k, are a sentence end: 。 (E3 80 82), ；
// (EF BC 9B), ！ (EF BC 81) or ？ (EF BC 9F).
func noteEnd(ends *[]int32, k uint8, w uint64, i int) {
	if k != keepSome || ends == nil {
		return
	}
	switch w & 0xFF_FFFF {
	case 0x82_80E3, 0x9B_BCEF, 0x81_BCEF, 0x9F_BCEF:
		*ends = append(*ends, int32(i))
	}
}

// The classes of a rune's lead byte in keptLead.
const (
	keepNone = iota // not the lead of a three-byte rune Clean and Key keep
	keepAll         // E1, E4–EC, EE: Clean and Key keep every rune it leads
	keepSome        // E2, E3, EF: Clean and Key change a few of its runes
)

// keptLead classifies lead bytes for skipKept and keyRun. The lead bytes
// E1–EC and EE–EF take any continuation bytes (E0 and ED, which do not,
// are left to the decoder); of their runes, Clean changes only the spaces
// U+2002, U+2003 and U+3000 (E2 80 82, E2 80 83, E3 80 80), the
// full-width digits and letters (EF BC 90–99, EF BC A1–BA, EF BD 81–9A)
// and U+FFFD (EF BF BD), and Key those spaces, U+FFFD and every
// full-width form (EF BC 81–BF, EF BD 80–9E).
var keptLead = func() (t [256]uint8) {
	for c := 0xE1; c <= 0xEF; c++ {
		switch c {
		case 0xED:
		case 0xE2, 0xE3, 0xEF:
			t[c] = keepSome
		default:
			t[c] = keepAll
		}
	}
	return t
}()

// load64 returns the first eight bytes of t (len(t) >= 8) as a
// little-endian word, which the compiler reads in one load.
func load64(t string) uint64 {
	_ = t[7]
	return uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
		uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
}

// foldAlnum maps full-width digits and Latin letters to ASCII and leaves
// every other rune alone.
func foldAlnum(r rune) rune {
	switch {
	case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ':
		return r - 0xFEE0
	}
	return r
}

// isASCIIAlnum reports whether r is an ASCII letter or digit, '.' or '%':
// what Clean keeps a space between. It reads a table (asciiAlnum) rather
// than unicode.IsLetter and IsDigit, to be inlined where Clean asks it of
// each rune after spaces.
func isASCIIAlnum(r rune) bool {
	return r < utf8.RuneSelf && asciiAlnum[r]
}

// asciiAlnum marks the ASCII letters and digits, '.' and '%'.
var asciiAlnum = func() (t [utf8.RuneSelf]bool) {
	for r := range rune(utf8.RuneSelf) {
		t[r] = unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '%'
	}
	return t
}()

// IsHan reports whether r is a CJK ideograph. The block of the CJK
// Unified Ideographs (U+4E00–U+9FFF), where nearly every character of the
// text is, is all Han and answered without a search of Unicode's table,
// and no rune below U+2E80 is Han; TestIsHan holds this to unicode.Han.
func IsHan(r rune) bool {
	return uint32(r)-0x4E00 <= 0x9FFF-0x4E00 || (r >= 0x2E80 && unicode.Is(unicode.Han, r))
}

// AllDigits reports whether s is all ASCII digits (true for ""): the
// years, months and numbers of notes and award dates.
func AllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// HanCount returns the number of CJK ideographs in s.
func HanCount(s string) int {
	n := 0
	for i := 0; i < len(s); {
		r, size := DecodeRuneAt(s, i)
		if IsHan(r) {
			n++
		}
		i += size
	}
	return n
}

// TrimSpace trims the yearbook's spaces (see IsSpace) from both ends of s.
func TrimSpace(s string) string { return strings.TrimFunc(s, IsSpace) }

// TrimRightSpace is strings.TrimRightFunc(s, IsSpace), comparing the
// bytes of the spaces instead of decoding the last runes: the segmenter
// trims every line of a book. A space's bytes at the end of s are always
// decoded as that space, since none of them starts a rune but the first.
//
// A line that ends in none of the spaces' last bytes (spaceLast) is
// returned in line, without a call: most lines of a book.
func TrimRightSpace(s string) string {
	if s == "" || !spaceLast[s[len(s)-1]] {
		return s
	}
	return trimRightSpace(s)
}

// spaceLast marks the last bytes of the spaces of IsSpace: ' ', '\t',
// '\r', and those of U+3000 (E3 80 80), U+2002 and U+2003 (E2 80 82,
// E2 80 83) and U+00A0 (C2 A0).
var spaceLast = func() (t [256]bool) {
	for _, c := range []byte{' ', '\t', '\r', 0x80, 0x82, 0x83, 0xA0} {
		t[c] = true
	}
	return t
}()

// trimRightSpace is TrimRightSpace past its first check.
func trimRightSpace(s string) string {
	for len(s) > 0 {
		switch n := len(s); {
		case s[n-1] == ' ' || s[n-1] == '\t' || s[n-1] == '\r':
			s = s[:n-1]
		case strings.HasSuffix(s, "\u3000") || strings.HasSuffix(s, "\u2002") || strings.HasSuffix(s, "\u2003"):
			s = s[:n-3]
		case strings.HasSuffix(s, "\u00a0"):
			s = s[:n-2]
		default:
			return s
		}
	}
	return s
}

// Doubled reports whether s, with its spaces removed, is one string written
// twice (中 国 共 产 党…中 国 共 产 党…), the way chapter titles come out of
// the PDF, and returns that string.
func Doubled(s string) (string, bool) {
	k := Key(s)
	if k == "" || len(k)%2 != 0 {
		return "", false
	}
	half := k[:len(k)/2]
	if half != k[len(k)/2:] || HanCount(half) < 2 || strings.ContainsAny(half, "0123456789()（）%") {
		return "", false
	}
	return half, true
}

// Number parses a count written in digits or in Chinese numerals below a
// thousand (49, 四十九, 十二, 一百零五, 两), as yearbooks write counts and
// meeting numbers. It returns 0 for anything else.
func Number(s string) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	total, cur := 0, 0
	for _, r := range s {
		switch r {
		case '十':
			total += max(cur, 1) * 10
			cur = 0
		case '百':
			total += max(cur, 1) * 100
			cur = 0
		default:
			d, ok := chineseDigits[r]
			if !ok {
				return 0
			}
			cur = d
		}
	}
	return total + cur
}

var chineseDigits = map[rune]int{'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// ContainsAny reports whether s holds any of words, the extractors' test
// of a clause or a title against a list of cue words. For a set of
// Chinese punctuation it is strings.ContainsAny with its runes spelled
// out as strings: ContainsAny turns every non-ASCII rune of s into a
// string to look it up in the set, where a search for each word runs over
// s with IndexByte (the bytes of a rune are found only where the rune is:
// no rune continues with a lead byte).
func ContainsAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// HasAnyPrefix reports whether s starts with one of words: the test of
// what opens a clause or a name against a list of cue words.
func HasAnyPrefix(s string, words ...string) bool {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// HasAnySuffix reports whether s ends with one of words: the test of a
// name's head (…县, …遗址) or of what closes a clause against a list.
func HasAnySuffix(s string, words ...string) bool {
	for _, w := range words {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}
