package textnorm

import (
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
