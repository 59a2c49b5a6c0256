package resolve

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/yearbookkg/kg"
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

// TestJoinMentions holds joinMentions, which merges parts ordered by line
// instead of putting them one after the other, to the stable sort by line
// of the parts put one after the other, which finish would make of them.
func TestJoinMentions(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 300; n++ {
		parts := make([][]kg.Source, r.IntN(5)+1)
		var all []kg.Source
		for k := range parts {
			for range r.IntN(6) {
				parts[k] = append(parts[k], kg.Source{Line: r.IntN(8), Quote: strconv.Itoa(len(all))})
				all = append(all, parts[k][len(parts[k])-1])
			}
			if r.IntN(4) > 0 { // most parts come ordered by line
				slices.SortStableFunc(parts[k], func(a, b kg.Source) int { return cmp.Compare(a.Line, b.Line) })
			}
		}
		all = all[:0]
		for _, p := range parts {
			all = append(all, p...)
		}
		slices.SortStableFunc(all, func(a, b kg.Source) int { return cmp.Compare(a.Line, b.Line) })
		got, _ := joinMentions(parts)
		sortStable(got, func(a, b *kg.Source) int { return cmp.Compare(a.Line, b.Line) })
		if len(all) == 0 {
			all = nil
		}
		if !slices.Equal(got, all) {
			t.Fatalf("joinMentions(%v) sorted = %v, want %v", parts, got, all)
		}
	}
}
