package segment

import (
	"slices"
	"testing"

	"github.com/yearbookkg/kg/loaders/textnorm"
)

// doubledRef is the specification of mayBeDoubled: the runes of the key,
// not none, are one sequence written twice.
func doubledRef(s string) bool {
	k := []rune(textnorm.Key(s))
	return len(k) > 0 && len(k)%2 == 0 && slices.Equal(k[:len(k)/2], k[len(k)/2:])
}

// TestMayBeDoubled holds mayBeDoubled to doubledRef on the sample lines
// and on every string of up to five pieces of the runes and bytes the key
// drops, folds or keeps.
func TestMayBeDoubled(t *testing.T) {
	doubled := 0
	check := func(s string) {
		if got, want := mayBeDoubled(s), doubledRef(s); got != want {
			t.Fatalf("mayBeDoubled(%q) = %v, want %v", s, got, want)
		} else if want {
			doubled++
		}
	}
	for _, s := range sampleLines(t) {
		check(s)
	}
	var walk func(s string, depth int)
	walk = func(s string, depth int) {
		check(s)
		if depth < 5 {
			for _, p := range []string{" ", "\u3000", "\uFFFD", "\xe4\xb8", "\xad", "中", "国", "a", "A", "Ａ", "１", "1"} {
				walk(s+p, depth+1)
			}
		}
	}
	walk("", 0)
	if doubled < 1000 {
		t.Errorf("only %d doubled strings: the check checks little", doubled)
	}
}
