package mention

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// TestScanDecode checks that newScan reads the runes and offsets a range
// loop over the text gives, on the lines of the vendored yearbook and on
// broken and edge-of-range UTF-8.
func TestScanDecode(t *testing.T) {
	texts := []string{"", "a", "中", "\xe4\xb8", "\xe0\xa0\x80", "\xe0\x80\x80", "\xed\x9f\xbf", "\xed\xa0\x80", "\xef\xbf\xbf", "\xe1\x80", "中\xff文", "\U0001F600", "ＡＢ\u3000c", "\xf0\x9f\x98", "x\xe5\x85"}
	if b, err := os.ReadFile("../../data/wuwei-2024.txt"); err == nil {
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	f := NewFinder(nil, "").(*finder)
	for _, text := range texts {
		var rs []rune
		var off []int
		for i, r := range text {
			rs = append(rs, fold(r))
			off = append(off, i)
		}
		off = append(off, len(text))
		s := newScan(f, text)
		if !slices.Equal(s.rs, rs) || !slices.Equal(s.off, off) {
			t.Fatalf("newScan(%q): runes %q at %v, want %q at %v", text, s.rs, s.off, rs, off)
		}
		s.release()
	}
}
