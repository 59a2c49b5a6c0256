package places_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/mention"
	"github.com/yearbookkg/kg/loaders/places"
)

// TestPlacePrefixes checks PlacePrefixes against Find on every prefix of
// up to 12 runes of the text from each rune of the vendored yearbook, and
// of the names and aliases of its places (short forms of other cities
// included, which Find takes only in a chain).
func TestPlacePrefixes(t *testing.T) {
	if _, err := os.Stat(yearbook); err != nil {
		t.Skip("yearbook not present")
	}
	g := places.Extract(parse(t, yearbook), "wuwei-2024")
	z := places.NewFinder(g)
	b, err := os.ReadFile(yearbook)
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"", "\xff武威市", "兰州", "兰州市", "《武威市》"}
	for _, e := range g.Entities {
		texts = append(texts, e.Name+"人民医院")
		for _, a := range e.Aliases {
			texts = append(texts, a, a+"市")
		}
	}
	for _, line := range strings.Split(string(b), "\n") {
		for i := range line {
			texts = append(texts, line[i:])
		}
	}
	checked := 0
	for _, text := range texts {
		var want []int
		n := 0
		for i := range text + " " {
			if n++; n > 13 {
				break
			}
			if i > 0 && wholePlace(z.Find(text[:i]), i) {
				want = append([]int{i}, want...)
			}
		}
		var got []int
		for _, l := range z.PlacePrefixes(nil, text) {
			if l < len(text)+1 && strings.Count(text[:l], "") <= 13 {
				got = append(got, l)
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("PlacePrefixes(%q) = %v, want %v", text, got, want)
		}
		checked += len(want)
	}
	if checked < 1000 {
		t.Errorf("only %d place prefixes: the check checks little", checked)
	}
}

// wholePlace reports whether spans hold a place that covers the n bytes
// of the text they were found in.
func wholePlace(spans []mention.Span, n int) bool {
	for _, sp := range spans {
		if sp.Kind == kg.Place && sp.Start == 0 && sp.End == n {
			return true
		}
	}
	return false
}
