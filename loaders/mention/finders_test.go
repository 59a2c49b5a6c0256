package mention_test

import (
	"cmp"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"testing"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/mention"
)

// fixed is a Finder that returns the same spans for any text.
type fixed []mention.Span

func (f fixed) Find(string) []mention.Span { return append([]mention.Span(nil), f...) }

// findersReference is the specification of Finders.Find: all spans
// ranked longest first, then projects with a status, then by finder;
// each kept unless it overlaps one kept before; the kept sorted by start.
func findersReference(fs []mention.Finder, text string) []mention.Span {
	var all []mention.Span
	var rank []int
	for i, f := range fs {
		for _, s := range f.Find(text) {
			all = append(all, s)
			rank = append(rank, i)
		}
	}
	if len(all) == 0 {
		return nil
	}
	idx := make([]int, len(all))
	for i := range idx {
		idx[i] = i
	}
	status := func(s *mention.Span) bool { return s.Kind == kg.Project && s.Props["status"] != "" }
	slices.SortStableFunc(idx, func(a, b int) int {
		sa, sb := &all[a], &all[b]
		if la, lb := sa.End-sa.Start, sb.End-sb.Start; la != lb {
			return cmp.Compare(lb, la)
		}
		if pa, pb := status(sa), status(sb); pa != pb {
			if pa {
				return -1
			}
			return 1
		}
		return cmp.Compare(rank[a], rank[b])
	})
	kept := []mention.Span{}
	for _, i := range idx {
		s := all[i]
		overlaps := false
		for _, k := range kept {
			if s.Start < k.End && k.Start < s.End {
				overlaps = true
			}
		}
		if !overlaps {
			kept = append(kept, s)
		}
	}
	sort.Slice(kept, func(a, b int) bool { return kept[a].Start < kept[b].Start })
	return kept
}

// TestFindersMerge holds Finders.Find to findersReference on random
// spans from one to six finders: disjoint and overlapping, empty, out of
// order, and projects with and without a status.
func TestFindersMerge(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	shortcut := 0
	for n := 0; n < 20000; n++ {
		fs := make(mention.Finders, 1+r.IntN(6))
		for i := range fs {
			var spans fixed
			at := 0
			for k := r.IntN(5); k > 0; k-- {
				s := mention.Span{Kind: kg.Organization, Name: string(rune('a' + n%26))}
				switch r.IntN(4) {
				case 0: // anywhere, possibly overlapping or empty
					s.Start = r.IntN(30)
					s.End = s.Start + r.IntN(6)
				default: // after the previous span
					s.Start = at + r.IntN(3)
					s.End = s.Start + 1 + r.IntN(5)
				}
				at = s.End
				if r.IntN(5) == 0 {
					s.Kind = kg.Project
					if r.IntN(2) == 0 {
						s.Props = map[string]string{"status": "在建"}
					}
				}
				spans = append(spans, s)
			}
			fs[i] = spans
		}
		got, want := fs.Find("text"), findersReference(fs, "text")
		if len(want) == 0 {
			want = nil
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("case %d: Find(%v) = %v, want %v", n, fs, got, want)
		}
		if len(fs) > 1 && len(want) > 0 {
			shortcut++
		}
	}
	if shortcut == 0 {
		t.Error("no case merged spans of several finders")
	}
}

// TestFindersAnswerKept checks that an answer of Finders.Find stays as it
// is when Find is called again: NewFinder's finder finds its spans into
// an array Find recycles, alone and beside another finder's spans.
func TestFindersAnswerKept(t *testing.T) {
	known := []mention.Name{{Kind: kg.Person, Key: "柳鹏", Name: "柳鹏"}}
	place := fixed{{Kind: kg.Place, Start: 0, End: 6, Name: "武威", Key: "武威"}}
	for _, fs := range []mention.Finders{
		{fixed(nil), mention.NewFinder(known, "武威")},
		{place, mention.NewFinder(known, "武威")},
	} {
		got := fs.Find("武威市委书记柳鹏出席会议。")
		want := slices.Clone(got)
		if !slices.ContainsFunc(got, func(s mention.Span) bool { return s.Kind == kg.Person }) {
			t.Fatalf("%v found no person in the first text", got)
		}
		fs.Find("市长柳鹏调研凉州区。")
		if !reflect.DeepEqual(got, want) {
			t.Errorf("the first answer became %v after the second call, want %v", got, want)
		}
	}
}
