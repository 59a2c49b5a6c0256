// Package mention is the shared model of running-text recognition: a Span
// is one mention of an entity found in a passage, and a Finder finds them.
// Recognisers of people, organizations and projects live here; places are
// recognised by loaders/places, which returns the same Span.
package mention

import (
	"cmp"
	"slices"
	"sort"

	"github.com/yearbookkg/kg"
)

// Span is one mention of an entity in a text, by byte offsets into that
// text. Name is the display form, Key the match key (textnorm.Key of the
// canonical name). Title is, for a person, the title written before the
// name (市委书记); Type is, for a place, its PlaceType (TOWN, VILLAGE …).
// Props carry what the mention itself states (a project's investment and
// status, an organization's parent).
type Span struct {
	Kind       kg.Kind
	Start, End int
	Name       string
	Key        string
	Title      string
	Type       string
	Props      map[string]string
}

// Ref returns the entity ref of the span.
func (s Span) Ref() kg.Ref { return kg.Ref{Kind: s.Kind, Key: s.Key} }

// Finder finds the spans of some kinds of entity in a text.
type Finder interface {
	Find(text string) []Span
}

// Finders runs several finders and keeps the spans that do not overlap:
// where two overlap, the longer wins, and at equal length a project whose
// clause tells its status (a site being built or run: 汉唐天马城开放运营),
// then the earlier finder's.
type Finders []Finder

// Find implements Finder.
func (fs Finders) Find(text string) []Span {
	found := make([][]Span, len(fs))
	n := 0
	for i, f := range fs {
		found[i] = f.Find(text)
		n += len(found[i])
	}
	if n == 0 {
		return nil
	}
	all := make([]Span, 0, n)
	rank := make([]int, 0, n) // rank[k] is the index of the finder of all[k]
	for i, spans := range found {
		for _, s := range spans {
			rank = append(rank, i)
			all = append(all, s)
		}
	}
	idx := make([]int, len(all))
	for i := range idx {
		idx[i] = i
	}
	status := func(s *Span) bool { return s.Kind == kg.Project && s.Props["status"] != "" }
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
	kept := make([]Span, 0, len(all))
	for _, i := range idx {
		s := all[i]
		overlaps := false
		for _, k := range kept {
			if s.Start < k.End && k.Start < s.End {
				overlaps = true
				break
			}
		}
		if !overlaps {
			kept = append(kept, s)
		}
	}
	sort.Slice(kept, func(a, b int) bool { return kept[a].Start < kept[b].Start })
	return kept
}

// Name is a name established by a structured source (the roster, the
// administrative divisions): known names make running-text recognition
// precise, because a roster name met in prose is a person for sure.
type Name struct {
	Kind    kg.Kind
	Key     string
	Name    string
	Aliases []string
	Type    string
}

// Known returns the names of the entities of g, for building finders.
func Known(graphs ...*kg.Graph) []Name {
	var out []Name
	for _, g := range graphs {
		for _, e := range g.Entities {
			out = append(out, Name{Kind: e.Kind, Key: e.Key, Name: e.Name, Aliases: e.Aliases, Type: e.Props["placeType"]})
		}
	}
	return out
}
