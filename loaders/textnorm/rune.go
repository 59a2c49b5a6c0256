package textnorm

import (
	"strings"
	"unicode/utf8"
)

// DecodeRuneAt is utf8.DecodeRuneInString(s[i:]) with its two common cases
// decoded in line: ASCII, and the well-formed three-byte runes of Chinese
// text (lead bytes E1–EC and EE–EF, keptLead, which take any continuation
// bytes). The extractors' scanners decode every rune of the book. The
// hottest loops (mention.newScan and the places scanners) repeat this
// body in line, since it is too big for the compiler to inline; a change
// here belongs there too. TestDecodeRuneAt holds it to utf8.
func DecodeRuneAt(s string, i int) (rune, int) {
	t := s[i:]
	c := t[0]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if len(t) >= 3 && keptLead[c] != keepNone {
		// Both continuation bytes are 80–BF when both xor 80 are below 40.
		if c1, c2 := t[1], t[2]; (c1^0x80)|(c2^0x80) < 0x40 {
			return rune(c&0x0F)<<12 | rune(c1^0x80)<<6 | rune(c2^0x80), 3
		}
	}
	return utf8.DecodeRuneInString(t)
}

// HanAt reports whether a well-formed rune of U+4000–U+9FFF stands at
// s[i:i+3], told by its bytes alone: a lead byte E4–E9 and two
// continuation bytes, which are always such a rune. Nearly all Chinese
// characters are there, and none of those runes is a space, U+FFFD, full
// width or punctuation, so the byte-level readers (segment's keys and
// headings, events' word lists, prose's sentence ends) take it as it is,
// with HanRune, and decode the rest with DecodeRuneAt. A negative i, or
// fewer than three bytes left, is false: callers look back with
// HanAt(s, len(s)-3).
func HanAt(s string, i int) bool {
	return i >= 0 && uint(i)+2 < uint(len(s)) && s[i]-0xE4 <= 0xE9-0xE4 && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80
}

// HanRune returns the rune of the three bytes at s[i:], where HanAt(s, i)
// (or any lead byte E0–EF with two continuation bytes).
func HanRune(s string, i int) rune {
	return rune(s[i]&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
}

// Index is strings.Index(s, w) for a short w (w != ""), such as the bytes
// of a Chinese character. strings.Index stops at each byte of s equal to
// the first of w, for a Chinese character a lead byte shared by a sixth
// of the text, and after many such stops compares w at every byte; Index
// searches for the last byte of w instead (strings.IndexByte, many bytes
// at a time), one of 64 continuation bytes and far rarer, and compares
// the bytes before each one found, the byte just before first, which
// differs at once for nearly all.
func Index(s, w string) int {
	last := w[len(w)-1]
	for off := len(w) - 1; off < len(s); {
		i := strings.IndexByte(s[off:], last)
		if i < 0 {
			return -1
		}
		end := off + i + 1
		if (len(w) == 1 || s[end-2] == w[len(w)-2]) && s[end-len(w):end] == w {
			return end - len(w)
		}
		off = end
	}
	return -1
}
