package resolve

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/yearbookkg/kg"
)

// TestLineSorter holds lineSorter, which sorts indices packed with their
// lines and moves mentions along the cycles of the sorting permutation,
// to slices.SortStableFunc on random mentions with many equal lines, its
// keys reused from one sort to the next as in a merge: the sizes grow and
// shrink.
func TestLineSorter(t *testing.T) {
	var sorter lineSorter
	r := rand.New(rand.NewPCG(1, 2))
	by := func(a, b kg.Source) int { return cmp.Compare(a.Line, b.Line) }
	for k := range 400 {
		n := k * 37 % 200
		s := make([]kg.Source, n)
		for i := range s {
			s[i] = kg.Source{Line: r.IntN(n/3 + 1), Quote: strconv.Itoa(i)}
		}
		want := slices.Clone(s)
		slices.SortStableFunc(want, by)
		sorter.sort(s)
		if !slices.Equal(s, want) {
			t.Fatalf("lineSorter.sort of %d = %v, want %v", n, s, want)
		}
	}
}

// TestJoinMentions holds joinMentions, which merges parts ordered by line
// instead of putting them one after the other, to the stable sort by line
// of the parts put one after the other, which finish would make of them:
// as it is when every part is ordered by line (finish then finds it
// sorted), and once sorted otherwise.
func TestJoinMentions(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 300; n++ {
		parts := make([][]kg.Source, r.IntN(5)+1)
		quote := 0 // numbers the mentions, to tell apart those of one line
		ordered := true
		for k := range parts {
			for range r.IntN(6) {
				parts[k] = append(parts[k], kg.Source{Line: r.IntN(8), Quote: strconv.Itoa(quote)})
				quote++
			}
			if r.IntN(4) > 0 { // most parts come ordered by line
				slices.SortStableFunc(parts[k], func(a, b kg.Source) int { return cmp.Compare(a.Line, b.Line) })
			}
			ordered = ordered && byLine(parts[k])
		}
		var all []kg.Source
		for _, p := range parts {
			all = append(all, p...)
		}
		slices.SortStableFunc(all, func(a, b kg.Source) int { return cmp.Compare(a.Line, b.Line) })
		got, _ := joinMentions(parts)
		if !ordered {
			new(lineSorter).sort(got)
		}
		if !slices.Equal(got, all) {
			t.Fatalf("joinMentions(%v) (ordered parts: %v) = %v, want %v", parts, ordered, got, all)
		}
	}
}
