package mention_test

import (
	"testing"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/internal/booktest"
	"github.com/yearbookkg/kg/loaders/mention"
)

// TestFindsNoPlaces checks the promise FindsNoPlaces makes for NewFinder's
// finders, on every line of the vendored yearbook with known places among
// its names, and that it makes it for no other finder.
func TestFindsNoPlaces(t *testing.T) {
	f := mention.NewFinder([]mention.Name{{Kind: kg.Place, Name: "凉州区"}, {Kind: kg.Place, Name: "古浪县"}, {Kind: kg.Person, Name: "王国斌"}}, "武威")
	if !mention.FindsNoPlaces(f) {
		t.Fatal("FindsNoPlaces(NewFinder(…)) = false")
	}
	if mention.FindsNoPlaces(mention.Finders{f}) {
		t.Error("FindsNoPlaces(Finders{…}) = true: only NewFinder's finders make the promise")
	}
	spans := 0
	for _, l := range booktest.Lines(t) {
		for _, sp := range f.Find(l) {
			if sp.Kind == kg.Place {
				t.Fatalf("Find(%q) returned the PLACE span %q", l, sp.Name)
			}
			spans++
		}
	}
	if spans < 1000 {
		t.Errorf("only %d spans over the yearbook: the check checks little", spans)
	}
}
