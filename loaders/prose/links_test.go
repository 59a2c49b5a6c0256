package prose

import (
	"slices"
	"testing"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/mention"
	"github.com/yearbookkg/kg/loaders/places"
)

// fixedFinder finds the same spans in every text.
type fixedFinder []mention.Span

func (f fixedFinder) Find(string) []mention.Span { return f }

// TestPlaceFinder checks that the shortcut of leadingPlace is taken only
// for the pipeline's pair of finders, whose places are all the gazetteer's.
func TestPlaceFinder(t *testing.T) {
	z := places.NewFinder(&kg.Graph{})
	names := mention.NewFinder(nil, "")
	other := fixedFinder{{Kind: kg.Place, Start: 0, End: 6}}
	tests := []struct {
		name string
		f    mention.Finder
		want *places.Gazetteer
	}{
		{"pipeline", mention.Finders{z, names}, z},
		{"names first", mention.Finders{names, z}, z},
		{"gazetteer alone", mention.Finders{z}, z},
		{"names alone", mention.Finders{names}, nil},
		{"another finder", mention.Finders{z, names, other}, nil},
		{"two gazetteers", mention.Finders{z, z}, nil},
		{"not a Finders", z, nil},
	}
	for _, tt := range tests {
		if got := placeFinder(tt.f); got != tt.want {
			t.Errorf("%s: placeFinder = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestKeepAmong checks that keepAmong keeps the ends among the lengths,
// in their order.
func TestKeepAmong(t *testing.T) {
	tests := []struct {
		ends, lens, want []int
	}{
		{[]int{6, 9, 12, 15}, []int{15, 9}, []int{9, 15}},
		{[]int{6, 9}, []int{18}, []int{}},
		{[]int{6, 9}, nil, []int{}},
	}
	for _, tt := range tests {
		if got := keepAmong(slices.Clone(tt.ends), tt.lens); !slices.Equal(got, tt.want) {
			t.Errorf("keepAmong(%v, %v) = %v, want %v", tt.ends, tt.lens, got, tt.want)
		}
	}
}
