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
		// Long enough for validUTF8's eight-byte reads.
		check(append(append([]byte("中文"), b...), "字a中文字"...))
		check(append(append([]byte("ab中文"), b...), "字中文字"...))
		if depth == 4 {
			return
		}
		for _, c := range pieces {
			walk(append(b, c), depth+1)
		}
	}
	walk(nil, 0)
}
