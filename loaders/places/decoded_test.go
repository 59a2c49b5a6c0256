package places_test

import (
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/yearbookkg/kg/loaders/mention"
	"github.com/yearbookkg/kg/loaders/places"
)

// TestFindDecoded checks that the gazetteer finds the same places in a
// text mention.Finders has decoded (FindDecoded) as in the text itself,
// on every line of the vendored yearbook and on full-width, broken and
// title-marked text.
func TestFindDecoded(t *testing.T) {
	if _, err := os.Stat(yearbook); err != nil {
		t.Skip("yearbook not present")
	}
	d := parse(t, yearbook)
	z := places.NewFinder(places.Extract(d, "wuwei-2024"))
	b, err := os.ReadFile(yearbook)
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{"", "武威", "《武威市凉州区》凉州区", "ＡＢ武威市\u3000凉州区", "（凉州区）民勤县", "\xff武威市\xe4\xb8", "武威市\xe4\xb8凉州区", "民勤县\U0001F600古浪县"}
	texts = append(texts, strings.Split(string(b), "\n")...)
	p := &decodedProbe{z: z}
	for _, text := range texts {
		want := z.Find(text)
		p.got = nil
		mention.Finders{p}.Find(text)
		if len(p.got) != len(want) || len(want) > 0 && !reflect.DeepEqual(p.got, want) {
			t.Fatalf("decoded %q: %v, want %v", text, p.got, want)
		}
	}
}

// decodedProbe keeps what the gazetteer finds in the text Finders decoded
// for it, unfiltered by Finders.
type decodedProbe struct {
	z   *places.Gazetteer
	got []mention.Span
}

func (p *decodedProbe) Find(text string) []mention.Span { return p.z.Find(text) }

func (p *decodedProbe) FindDecoded(d *mention.Decoded) []mention.Span {
	p.got = p.z.FindDecoded(d)
	return nil
}
