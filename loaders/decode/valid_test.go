package decode

import (
	"os"
	"testing"
	"unicode/utf8"
)

// TestValidUTF8 holds validUTF8 to utf8.Valid on the yearbook, on its
// prefixes that end in its last 64 bytes, and on every sequence of up to
// four bytes of those that tell the cases apart.
func TestValidUTF8(t *testing.T) {
	check := func(b []byte) {
		if validUTF8(b) != utf8.Valid(b) {
			t.Fatalf("validUTF8(%q) = %v", b, validUTF8(b))
		}
	}
	book, err := os.ReadFile("../../data/wuwei-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	check(book)
	for i := max(len(book)-64, 0); i <= len(book); i++ {
		check(book[:i])
	}
	pieces := []byte{'a', 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xE4, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF}
	var walk func(b []byte, depth int)
	walk = func(b []byte, depth int) {
		check(b)
		check(append([]byte("中"), b...))
		check(append(append([]byte("中"), b...), "文a"...))
		if depth == 4 {
			return
		}
		for _, c := range pieces {
			walk(append(b, c), depth+1)
		}
	}
	walk(nil, 0)
}

// TestValidUTF8Words holds validUTF8 to utf8.Valid on every string of up
// to five pieces that make runs long enough for its eight-byte reads, at
// every alignment, around the runes it leaves to utf8.Valid.
func TestValidUTF8Words(t *testing.T) {
	var walk func(b []byte, depth int)
	walk = func(b []byte, depth int) {
		if validUTF8(b) != utf8.Valid(b) {
			t.Fatalf("validUTF8(%q) = %v", b, validUTF8(b))
		}
		if depth == 5 {
			return
		}
		for _, p := range []string{"中文", "中文字", "ab", "abcdefgh", "，", "\u00b7", "\U0001F600", "\xed\xa0\x80", "\xe0\xa0\x80", "\xe0\x80\x80", "\xe4\xb8", "\x80", "\xff"} {
			walk(append(b[:len(b):len(b)], p...), depth+1)
		}
	}
	walk(nil, 0)
}
