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

// Find implements Finder. Prose calls it once for every passage, so it
// avoids work where it can: the text is decoded once for the finders that
// read it decoded (DecodedFinder), and when one finder alone found spans
// that do not overlap, they are the answer as they are. NewFinder's
// finder appends its spans to an array recycled with the decoding
// (Decoded.spans), copied out only when they are the answer.
func (fs Finders) Find(text string) []Span {
	var d *Decoded
	var buf [4][]Span
	found := buf[:0]
	n, from, lent := 0, -1, -1
	for i, f := range fs {
		var spans []Span
		if df, ok := f.(DecodedFinder); ok {
			if d == nil {
				d = decodeds.Get().(*Decoded)
				d.decode(text)
			}
			if nf, ok := f.(*finder); ok && lent < 0 {
				spans, lent = nf.appendDecoded(d.spans, d), i
				d.spans = spans
			} else {
				spans = df.FindDecoded(d)
			}
		} else {
			spans = f.Find(text)
		}
		found = append(found, spans)
		if len(spans) > 0 {
			n += len(spans)
			from = i
		}
	}
	var out []Span
	switch {
	case n == 0:
	case len(found[from]) == n && disjoint(found[from]):
		out = found[from]
		if from == lent {
			out = slices.Clone(out)
		}
	default:
		out = merge(found, n)
	}
	if d != nil {
		d.release()
	}
	return out
}

// merge returns the n spans of found that Find keeps: where two overlap,
// the longer, and at equal length a project whose clause tells its status,
// then the earlier finder's.
func merge(found [][]Span, n int) []Span {
	if out, ok := mergeApart(found, n); ok {
		return out
	}
	// The spans are sorted and kept by reference into found, with the
	// bounds and status that order them at hand: only the kept ones are
	// copied, once, into the answer. Most texts hold a few spans, whose
	// references fit in an array on the stack.
	var small [32]spanRef
	refs := small[:0]
	if n > len(small) {
		refs = make([]spanRef, 0, n)
	}
	for f, spans := range found {
		for k := range spans {
			s := &spans[k]
			status := s.Kind == kg.Project && s.Props["status"] != ""
			refs = append(refs, spanRef{s.Start, s.End, int32(f), int32(k), status})
		}
	}
	slices.SortStableFunc(refs, func(a, b spanRef) int {
		if la, lb := a.end-a.start, b.end-b.start; la != lb {
			return cmp.Compare(lb, la)
		}
		if a.status != b.status {
			if a.status {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.f, b.f)
	})
	kept := refs[:0] // refs[len(kept):] are still to be read
	empty := false
	for _, r := range refs {
		overlaps := false
		for _, k := range kept {
			if r.start < k.end && k.start < r.end {
				overlaps = true
				break
			}
		}
		if !overlaps {
			kept = append(kept, r)
			empty = empty || r.start == r.end
		}
	}
	out := make([]Span, len(kept))
	for i, r := range kept {
		out[i] = found[r.f][r.k]
	}
	if empty {
		// An empty span can share its start with a kept span; only
		// sort.Slice orders such ties as before.
		sort.Slice(out, func(a, b int) bool { return out[a].Start < out[b].Start })
		return out
	}
	// Kept spans do not overlap and none is empty: no two start at the
	// same byte, so any sort by start gives the one order.
	slices.SortFunc(out, func(a, b Span) int { return cmp.Compare(a.Start, b.Start) })
	return out
}

// mergeApart returns the n spans of found by position when two finders
// found them, each its own in order and apart (disjoint), and no span of
// one overlaps a span of the other: Find keeps them all, in the order of
// a merge of the two, read in one pass where ranking them is a sort. It
// reports false for other spans.
func mergeApart(found [][]Span, n int) ([]Span, bool) {
	var two [2][]Span
	k := 0
	for _, spans := range found {
		if len(spans) == 0 {
			continue
		}
		if k == len(two) || !disjoint(spans) {
			return nil, false
		}
		two[k] = spans
		k++
	}
	a, b := two[0], two[1]
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].End <= b[j].Start:
			i++
		case b[j].End <= a[i].Start:
			j++
		default:
			return nil, false
		}
	}
	out := make([]Span, 0, n)
	for len(a) > 0 && len(b) > 0 {
		if a[0].Start < b[0].Start {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	out = append(out, a...)
	return append(out, b...), true
}

// spanRef is the span found[f][k] of Finders.Find, with its bounds and
// whether it is a project whose clause tells its status.
type spanRef struct {
	start, end int
	f, k       int32
	status     bool
}

// disjoint reports whether spans are in order of position, none empty,
// and none overlapping the next: what Find returns when they are all a
// single finder found.
func disjoint(spans []Span) bool {
	for k, s := range spans {
		if s.Start >= s.End || k > 0 && s.Start < spans[k-1].End {
			return false
		}
	}
	return true
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
	n := 0
	for _, g := range graphs {
		n += len(g.Entities)
	}
	out := make([]Name, 0, n)
	for _, g := range graphs {
		for _, e := range g.Entities {
			out = append(out, Name{Kind: e.Kind, Key: e.Key, Name: e.Name, Aliases: e.Aliases, Type: e.Props["placeType"]})
		}
	}
	return out
}
