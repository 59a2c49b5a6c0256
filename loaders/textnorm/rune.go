package textnorm

import "unicode/utf8"

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
