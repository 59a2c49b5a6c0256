package mention

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestDecodeAsRange checks decode against its specification: the runes
// of a range loop over the text, folded, at the offsets the loop gives,
// for texts of every kind of rune and of invalid bytes (overlong and
// surrogate three-byte forms, cut runes) at every place.
func TestDecodeAsRange(t *testing.T) {
	texts := []string{
		"", "a", "武", "武威", "武威市。", "（武威）　2024年", "ab武c", "武ab", "𠀋武威𠀋",
		"\xe0\x80\x80武", "武\xe0\xa0\x80", "\xed\xa0\x80武威", "武\xed\x9f\xbf威", "武\xe6\xad", "\xe6\xad武",
		"武\xff威", "ＡＢＣ１２３", "武威\xe6", "é武威é",
	}
	r := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"武", "威", "a", "。", "　", "Ａ", "é", "𠀋", "\xe0\x80\x80", "\xed\xa0\x80", "\xe6\xad", "\x80", "\xef\xbf\xbd"}
	for range 2000 {
		var b []byte
		for range r.IntN(12) {
			b = append(b, pieces[r.IntN(len(pieces))]...)
		}
		texts = append(texts, string(b))
	}
	var d Decoded
	for _, text := range texts {
		var rs []rune
		var offs []int
		for i, c := range text {
			rs, offs = append(rs, fold(c)), append(offs, i)
		}
		offs = append(offs, len(text))
		d.decode(text)
		if d.Text != text || !slices.Equal(d.Runes, rs) || !slices.Equal(d.Offs, offs) {
			t.Errorf("decode(%q) = %q %v, want %q %v", text, d.Runes, d.Offs, rs, offs)
		}
	}
}
