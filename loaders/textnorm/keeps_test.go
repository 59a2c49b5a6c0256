package textnorm

import (
	"testing"
	"unicode/utf8"
)

// TestKeeps checks keeps against the rules of Key and Clean, rune by
// rune, on every three bytes led by E0–EF: keeps passes a rune only
// where it is well formed, not led by E0 or ED (whose overlong and
// surrogate forms the general path sorts out), and neither a space,
// U+FFFD nor a form the rules fold. The leads are spelled out, not read
// from keptLead, so that a wrong class there fails too.
func TestKeeps(t *testing.T) {
	cleanFolds := func(r rune) bool { return foldAlnum(r) != r }
	keyFolds := func(r rune) bool { return FoldWidth(r) != r }
	for lead := 0xE0; lead <= 0xEF; lead++ {
		for c1 := range 0x100 {
			for c2 := range 0x100 {
				b := []byte{byte(lead), byte(c1), byte(c2)}
				r, size := utf8.DecodeRune(b)
				ok := size == 3 && lead != 0xE0 && lead != 0xED && !IsSpace(r) && r != utf8.RuneError
				w := uint64(lead) | uint64(c1)<<8 | uint64(c2)<<16
				k := keptLead[lead]
				if got, want := keeps(k, w, &forKey), ok && !keyFolds(r); got != want {
					t.Fatalf("keeps(% x, forKey) = %t, want %t", b, got, want)
				}
				if got, want := keeps(k, w, &forClean), ok && !cleanFolds(r); got != want {
					t.Fatalf("keeps(% x, forClean) = %t, want %t", b, got, want)
				}
			}
		}
	}
}
