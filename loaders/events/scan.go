package events

import (
	"strings"

	"github.com/yearbookkg/kg/loaders/segment"
)

// indexLast returns the offset of the first w in s, or -1, as
// strings.Index does. It looks for w's last byte: in Chinese text the
// lead byte of a three-byte character (E4–E9) stands at one byte in
// three and makes strings.Index fall back to a byte-by-byte compare,
// while a last byte is one of 64 continuation bytes, and IndexByte finds
// it in long strides.
func indexLast(s, w string) int {
	last := len(w) - 1
	c := w[last]
	for off := last; off < len(s); {
		i := strings.IndexByte(s[off:], c)
		if i < 0 {
			return -1
		}
		end := off + i + 1
		if s[end-len(w):end] == w {
			return end - len(w)
		}
		off = end
	}
	return -1
}

// yuDate reports whether a date may follow 于 in s: whether 于 stands
// before an ASCII digit, as it does before every date datedSentence reads
// after 于 (every date starts with a digit). Most sentences have none,
// and need no search for a date inside them.
func yuDate(s string) bool {
	for off := 0; ; {
		i := indexLast(s[off:], "于")
		if i < 0 {
			return false
		}
		off += i + len("于")
		if off < len(s) && isDigit(s[off]) {
			return true
		}
	}
}

// hanAt reports whether s[i:i+3] is a rune from U+4000 to U+9FFF, where
// nearly all Chinese characters are, telling it by its bytes: a lead byte
// E4–E9 and two continuation bytes are always such a rune, and a walk
// over the runes of s from its start decodes it there.
func hanAt(s string, i int) bool {
	return i >= 0 && i+3 <= len(s) && s[i] >= 0xE4 && s[i] <= 0xE9 && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80
}

// asciiSpace reports whether c is one of the ASCII spaces of
// textnorm.IsSpace.
func asciiSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' }

// rune3 returns the rune of the three bytes at s[i:], which hanAt(s, i)
// reports valid.
func rune3(s string, i int) rune {
	return rune(s[i]&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
}

// wordList is a list of words that each start with a Chinese character
// from U+4000 to U+9FFF (see hanAt), with the set of their first runes.
// One walk over a text finds them, comparing words only where a first
// rune stands, instead of one search of the text per word.
type wordList struct {
	words  []string
	firsts runeSet
}

// newWordList returns the wordList of words.
func newWordList(words ...string) wordList {
	l := wordList{words: words}
	for _, w := range words {
		l.firsts.add(rune3(w, 0))
	}
	return l
}

// prefix reports whether s starts with one of the words.
func (l *wordList) prefix(s string) bool {
	return hanAt(s, 0) && l.firsts.has(rune3(s, 0)) && hasAnyPrefix(s, l.words...)
}

// in reports whether s holds one of the words. A word starts with a lead
// byte, never inside the three bytes of another Chinese character.
func (l *wordList) in(s string) bool {
	for i := 0; i < len(s); i++ {
		if hanAt(s, i) {
			if l.firsts.has(rune3(s, i)) && hasAnyPrefix(s[i:], l.words...) {
				return true
			}
			i += 2
		}
	}
	return false
}

// last returns the offset of the last of the words that starts in s
// before byte end, or -1. Where no word overlaps itself, these are the
// places where a search per word finds one.
//
// Past a Chinese character the walk goes straight to the byte three
// before it: neither byte between can start one, for hanAt would need
// the character's lead byte to continue it. Most of a text is Chinese
// characters, each read once instead of thrice.
func (l *wordList) last(s string, end int) int {
	for i := end - 1; i >= 0; i-- {
		if hanAt(s, i) {
			if l.firsts.has(rune3(s, i)) && hasAnyPrefix(s[i:], l.words...) {
				return i
			}
			i -= 2
		}
	}
	return -1
}

// The trims below are strings.TrimRight and strings.Trim with cutsets of
// Chinese punctuation, which test each rune at the ends of a string by a
// search of the cutset: these compare the ends with each mark instead.

// trimEllipsis returns s without the ellipses … it ends with.
func trimEllipsis(s string) string {
	for strings.HasSuffix(s, "…") {
		s = s[:len(s)-len("…")]
	}
	return s
}

// trimEnds returns s without the sentence ends 。；！？ it ends with (see
// segment.SentenceEndAt).
func trimEnds(s string) string {
	for len(s) >= 3 && segment.SentenceEndAt(s, len(s)-3) {
		s = s[:len(s)-3]
	}
	return s
}

// trimQuotes returns s without the quotation marks “ and ” it starts and
// ends with.
func trimQuotes(s string) string {
	for strings.HasPrefix(s, "“") || strings.HasPrefix(s, "”") {
		s = s[len("“"):]
	}
	for strings.HasSuffix(s, "“") || strings.HasSuffix(s, "”") {
		s = s[:len(s)-len("“")]
	}
	return s
}
