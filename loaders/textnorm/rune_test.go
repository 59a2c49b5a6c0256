package textnorm

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestDecodeRuneAt checks DecodeRuneAt against utf8.DecodeRuneInString on every
// three-byte lead and continuation pair, and on truncated and invalid input.
func TestDecodeRuneAt(t *testing.T) {
	check := func(s string) {
		t.Helper()
		for i := 0; i < len(s); i++ {
			r, n := DecodeRuneAt(s, i)
			wr, wn := utf8.DecodeRuneInString(s[i:])
			if r != wr || n != wn {
				t.Fatalf("DecodeRuneAt(%q, %d) = %U, %d; want %U, %d", s, i, r, n, wr, wn)
			}
		}
	}
	for b0 := 0xC0; b0 <= 0xFF; b0++ {
		for b1 := 0; b1 <= 0xFF; b1++ {
			for _, b2 := range []byte{0x00, 0x41, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF} {
				check(string([]byte{byte(b0), byte(b1), b2}))
				check(string([]byte{'a', byte(b0), byte(b1), b2, 'z'}))
			}
			check(string([]byte{byte(b0), byte(b1)}))
		}
	}
	check("武威市凉州区，2023年。\uFFFD《》→")
}

// TestIsHan holds IsHan's shortcut to unicode.Han on every rune.
func TestIsHan(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune+1; r++ {
		if IsHan(r) != unicode.Is(unicode.Han, r) {
			t.Fatalf("IsHan(%U) = %v", r, IsHan(r))
		}
	}
}

// TestHanAt holds HanAt and HanRune to utf8 on a table of texts with
// broken UTF-8 and offsets out of range, and on every three-byte lead and
// continuation pair: HanAt(s, i) is a rune of U+4000–U+9FFF decoded at i,
// and HanRune is that rune.
func TestHanAt(t *testing.T) {
	for _, c := range []struct {
		s    string
		i    int
		want bool
	}{
		{"录", 0, true},
		{"录", -1, false},
		{"录", -3, false},
		{"录", 1, false},
		{"录", 3, false},
		{"a录", 1, true},
		{"录a", 0, true},
		{"\xe5\xbd", 0, false},
		{"\xe5\xbd\x95", 0, true},
		{"\xe5\xbdx", 0, false},
		{"\xe5x\x95", 0, false},
		{"\xe3\x80\x82", 0, false}, // 。 U+3002
		{"\xe4\xb8\x80", 0, true},  // 一 U+4E00
		{"\xe9\xbf\xbf", 0, true},  // U+9FFF
		{"\xea\xb0\x80", 0, false}, // 가 U+AC00
		{"\xe4\x80\x80", 0, true},  // U+4000
		{"\xe3\xbf\xbf", 0, false}, // U+3FFF
		{"", 0, false},
		{"", -3, false},
	} {
		if got := HanAt(c.s, c.i); got != c.want {
			t.Errorf("HanAt(%q, %d) = %v, want %v", c.s, c.i, got, c.want)
		}
	}
	for b0 := 0xE0; b0 <= 0xEF; b0++ {
		for b1 := 0; b1 <= 0xFF; b1++ {
			for _, b2 := range []byte{0x00, 0x41, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF} {
				s := string([]byte{byte(b0), byte(b1), b2})
				r, n := utf8.DecodeRuneInString(s)
				if want := n == 3 && r >= 0x4000 && r <= 0x9FFF; HanAt(s, 0) != want {
					t.Fatalf("HanAt(%q, 0) = %v, want %v", s, !want, want)
				}
				if HanAt(s, 0) && HanRune(s, 0) != r {
					t.Fatalf("HanRune(%q, 0) = %U, want %U", s, HanRune(s, 0), r)
				}
			}
		}
	}
}

// TestIndex holds Index to strings.Index on a table of texts and words,
// with broken UTF-8 and words of one byte.
func TestIndex(t *testing.T) {
	texts := []string{"", "录", "名录", "主要负责人名录", "录录", "\xbd\x95", "\xe5\xbd\x95", "a\xe5\xbd", "x\x95\xe5\xbd\x95y", "省省 省",
		"于", "于2", "x于", "\x8e于1", "\xe4\xba于3", "月月", "\x88月", "于于9", "会议于3月召开会议", "\u3000a\u3000"}
	words := []string{"录", "负", "省", "a", "\x95", "名录", "于", "月", "会议", "\u3000"}
	for _, s := range texts {
		for _, w := range words {
			if got, want := Index(s, w), strings.Index(s, w); got != want {
				t.Errorf("Index(%q, %q) = %d, want %d", s, w, got, want)
			}
		}
	}
}
