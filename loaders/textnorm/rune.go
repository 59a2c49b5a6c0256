package textnorm

import "unicode/utf8"

// DecodeRuneAt is utf8.DecodeRuneInString(s[i:]) with its two common cases
// decoded in line: ASCII, and the well-formed three-byte runes of Chinese
// text (lead bytes E1–EC and EE–EF, which take any continuation bytes).
// The extractors' scanners decode every rune of the book. The
// hottest loops (mention.newScan and the places scanners) repeat this
// body in line, since it is too big for the compiler to inline; a change
// here belongs there too. TestDecodeRuneAt holds it to utf8.
func DecodeRuneAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	} else if uint(i)+2 < uint(len(s)) && c-0xE1 <= 0xEF-0xE1 && c != 0xED && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
		return rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F), 3
	}
	return utf8.DecodeRuneInString(s[i:])
}
