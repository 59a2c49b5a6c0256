package prose

import (
	"slices"
	"testing"
)

// TestSlabs holds slabs to a slice grown by append, across the ends of
// its arrays.
func TestSlabs(t *testing.T) {
	for _, n := range []int{0, 1, slabSize - 1, slabSize, slabSize + 1, 3*slabSize + 7} {
		var l slabs[int]
		var want []int
		for i := range n {
			if got := l.add(i * 3); got != i {
				t.Fatalf("n=%d: add returned %d, want %d", n, got, i)
			}
			want = append(want, i*3)
		}
		if l.len() != n || !slices.Equal(l.flat(), want) {
			t.Fatalf("n=%d: flat = %v, want %v", n, l.flat(), want)
		}
		for i := range n {
			if *l.at(i) != want[i] {
				t.Fatalf("n=%d: at(%d) = %d, want %d", n, i, *l.at(i), want[i])
			}
		}
	}
}
