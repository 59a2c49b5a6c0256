package prose

import (
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
		want mention.Finder
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

func TestWholePlace(t *testing.T) {
	place := mention.Span{Kind: kg.Place, Start: 0, End: 9}
	tests := []struct {
		name  string
		spans []mention.Span
		n     int
		want  bool
	}{
		{"covers", []mention.Span{place}, 9, true},
		{"shorter", []mention.Span{place}, 12, false},
		{"not at 0", []mention.Span{{Kind: kg.Place, Start: 3, End: 9}}, 9, false},
		{"organization", []mention.Span{{Kind: kg.Organization, Start: 0, End: 9}}, 9, false},
		{"none", nil, 9, false},
	}
	for _, tt := range tests {
		if got := wholePlace(tt.spans, tt.n); got != tt.want {
			t.Errorf("%s: wholePlace = %v, want %v", tt.name, got, tt.want)
		}
	}
}
