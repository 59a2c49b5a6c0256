package resolve

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortStable holds sortStable, which moves elements along the cycles
// of the sorting permutation, to slices.SortStableFunc on random slices
// with many equal keys.
func TestSortStable(t *testing.T) {
	type pair struct{ key, seq int }
	r := rand.New(rand.NewPCG(1, 2))
	by := func(a, b *pair) int { return cmp.Compare(a.key, b.key) }
	for n := 0; n < 200; n++ {
		s := make([]pair, n)
		for i := range s {
			s[i] = pair{r.IntN(n/3 + 1), i}
		}
		want := slices.Clone(s)
		slices.SortStableFunc(want, func(a, b pair) int { return by(&a, &b) })
		sortStable(s, by)
		if !slices.Equal(s, want) {
			t.Fatalf("sortStable of %d = %v, want %v", n, s, want)
		}
	}
}
