package places

import (
	"strings"
	"testing"
)

// TestRuneSetHolds checks runeSet.holds against strings.ContainsRune on
// the lists it stands for, for every rune below U+10000 and a few others.
func TestRuneSetHolds(t *testing.T) {
	for _, list := range []string{"和与及等至", prepositions, "两三四五", "东南西北中境", "站东南西北火"} {
		set := runesOf(list)
		for r := rune(-1); r < 0x10000+2; r++ {
			if got, want := set.holds(r), strings.ContainsRune(list, r); got != want {
				t.Fatalf("runesOf(%q).holds(%U) = %v", list, r, got)
			}
		}
	}
}

// TestStartsAt checks startsAt against a look at each hit, on every
// prefix of a list of hits.
func TestStartsAt(t *testing.T) {
	hits := []hit{{start: 0, end: 3}, {start: 3, end: 9}, {start: 12, end: 15}, {start: 20, end: 26}}
	for n := range len(hits) + 1 {
		for i := -1; i < 30; i++ {
			want := false
			for _, h := range hits[:n] {
				want = want || h.start == i
			}
			if got := startsAt(hits[:n], i); got != want {
				t.Fatalf("startsAt(hits[:%d], %d) = %v", n, i, got)
			}
		}
	}
}
