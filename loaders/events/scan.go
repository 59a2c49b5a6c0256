package events

import (
	"strings"

	"github.com/yearbookkg/kg/loaders/segment"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// yuDate reports whether a date may follow 于 in s: whether 于 stands
// before an ASCII digit, as it does before every date datedSentence reads
// after 于 (every date starts with a digit). Most sentences have none,
// and need no search for a date inside them.
func yuDate(s string) bool {
	for off := 0; ; {
		i := textnorm.Index(s[off:], "于")
		if i < 0 {
			return false
		}
		off += i + len("于")
		if off < len(s) && isDigit(s[off]) {
			return true
		}
	}
}

// asciiSpace reports whether c is one of the ASCII spaces of
// textnorm.IsSpace.
func asciiSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' }

// wordList is a list of words that each start with a Chinese character
// from U+4000 to U+9FFF (see textnorm.HanAt), with the set of their first runes.
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
		l.firsts.add(textnorm.HanRune(w, 0))
	}
	return l
}

// prefix reports whether s starts with one of the words.
func (l *wordList) prefix(s string) bool {
	return textnorm.HanAt(s, 0) && l.firsts.has(textnorm.HanRune(s, 0)) && textnorm.HasAnyPrefix(s, l.words...)
}

// in reports whether s holds one of the words. A word starts with a lead
// byte, never inside the three bytes of another Chinese character.
func (l *wordList) in(s string) bool {
	for i := 0; i < len(s); i++ {
		if textnorm.HanAt(s, i) {
			if l.firsts.has(textnorm.HanRune(s, i)) && textnorm.HasAnyPrefix(s[i:], l.words...) {
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
// before it: neither byte between can start one, for textnorm.HanAt would need
// the character's lead byte to continue it. Most of a text is Chinese
// characters, each read once instead of thrice.
func (l *wordList) last(s string, end int) int {
	for i := end - 1; i >= 0; i-- {
		if textnorm.HanAt(s, i) {
			if l.firsts.has(textnorm.HanRune(s, i)) && textnorm.HasAnyPrefix(s[i:], l.words...) {
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
