package loaders_test

import (
	"bytes"
	"encoding/json"
	"os"
	"sync"
	"testing"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders"
	"github.com/yearbookkg/kg/loaders/decode"
	"github.com/yearbookkg/kg/loaders/events"
	"github.com/yearbookkg/kg/loaders/honors"
	"github.com/yearbookkg/kg/loaders/mention"
	"github.com/yearbookkg/kg/loaders/places"
	"github.com/yearbookkg/kg/loaders/prose"
	"github.com/yearbookkg/kg/loaders/resolve"
	"github.com/yearbookkg/kg/loaders/roster"
	"github.com/yearbookkg/kg/loaders/segment"
)

const yearbook = "../data/wuwei-2024.txt"

func read(b testing.TB) []byte {
	data, err := os.ReadFile(yearbook)
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// TestExtractIsDeterministic guards the stable IDs: extracting the same
// file twice gives the same entities and relationships in the same order.
func TestExtractIsDeterministic(t *testing.T) {
	data := read(t)
	a, err := loaders.Extract(yearbook, data)
	if err != nil {
		t.Fatal(err)
	}
	b, err := loaders.Extract(yearbook, data)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Graph.Entities) != len(b.Graph.Entities) || len(a.Graph.Relationships) != len(b.Graph.Relationships) {
		t.Fatalf("sizes differ: %d/%d entities, %d/%d relationships", len(a.Graph.Entities), len(b.Graph.Entities), len(a.Graph.Relationships), len(b.Graph.Relationships))
	}
	for i := range a.Graph.Entities {
		if a.Graph.Entities[i].ID != b.Graph.Entities[i].ID {
			t.Fatalf("entity %d: %s vs %s", i, a.Graph.Entities[i].ID, b.Graph.Entities[i].ID)
		}
	}
	for i := range a.Graph.Relationships {
		ra, rb := a.Graph.Relationships[i], b.Graph.Relationships[i]
		if ra.Type != rb.Type || ra.From != rb.From || ra.To != rb.To || ra.Source.Line != rb.Source.Line {
			t.Fatalf("relationship %d differs: %+v vs %+v", i, ra, rb)
		}
	}
}

// TestExtractConcurrently guards the arrays the extractors keep from one
// book for the next (places' spareArrays, mention's recycled decodings):
// two different books extracted at once, twice each, give what each gives
// alone, so no extraction reads or keeps another's state.
func TestExtractConcurrently(t *testing.T) {
	full := read(t)
	lines := bytes.SplitAfter(full, []byte("\n"))
	books := []struct {
		path string
		data []byte
	}{
		{yearbook, full},
		{"first-half.txt", bytes.Join(lines[:len(lines)/2], nil)},
	}
	extract := func(i int) ([]byte, error) {
		res, err := loaders.Extract(books[i].path, books[i].data)
		if err != nil {
			return nil, err
		}
		return json.Marshal(res.Graph)
	}
	want := make([][]byte, len(books))
	for i := range books {
		var err error
		if want[i], err = extract(i); err != nil {
			t.Fatalf("%s: %v", books[i].path, err)
		}
	}
	got := make([][]byte, 2*len(books))
	errs := make([]error, len(got))
	var wg sync.WaitGroup
	for k := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[k], errs[k] = extract(k % len(books))
		}()
	}
	wg.Wait()
	for k := range got {
		path := books[k%len(books)].path
		if errs[k] != nil {
			t.Fatalf("%s, run %d: %v", path, k, errs[k])
		}
		if !bytes.Equal(got[k], want[k%len(books)]) {
			t.Errorf("%s, run %d: the graph differs from the one extracted alone", path, k)
		}
	}
}

// TestEveryFactHasProvenance checks what a historian relies on: every
// entity has a mention and every relationship a source with a line, a page
// and a quote.
func TestEveryFactHasProvenance(t *testing.T) {
	res, err := loaders.Extract(yearbook, read(t))
	if err != nil {
		t.Fatal(err)
	}
	g := res.Graph
	for _, e := range g.Entities {
		if len(e.Mentions) == 0 {
			t.Errorf("%s %s has no mention", e.Kind, e.Name)
			continue
		}
		if m := e.Mentions[0]; m.Line == 0 || m.Page == 0 || m.Quote == "" || m.Yearbook != "wuwei-2024" {
			t.Errorf("%s %s: incomplete mention %+v", e.Kind, e.Name, m)
		}
	}
	for _, r := range g.Relationships {
		if s := r.Source; s.Line == 0 || s.Quote == "" || s.Page == 0 {
			t.Errorf("%s %s→%s: incomplete source %+v", r.Type, r.From.Key, r.To.Key, s)
		}
	}
	ids := map[string]bool{}
	for _, e := range g.Entities {
		if ids[e.ID] {
			t.Errorf("duplicate ID %s (%s)", e.ID, e.Name)
		}
		ids[e.ID] = true
		if e.ID != e.Ref().ID() {
			t.Errorf("%s: ID %s is not its ref's", e.Name, e.ID)
		}
	}
	for _, r := range g.Relationships {
		if r.To.Kind != kg.Honor && (!ids[r.From.ID()] || !ids[r.To.ID()]) {
			t.Errorf("%s %s→%s: dangling end", r.Type, r.From.Key, r.To.Key)
		}
	}
}

// BenchmarkExtract measures the whole pipeline on the vendored yearbook;
// b.SetBytes makes go test report MB/s.
func BenchmarkExtract(b *testing.B) {
	data := read(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := loaders.Extract(yearbook, data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStages measures each stage alone, over the same input.
func BenchmarkStages(b *testing.B) {
	data := read(b)
	lines, _, err := decode.Lines(yearbook, data)
	if err != nil {
		b.Fatal(err)
	}
	doc := segment.Parse(yearbook, lines)
	rg := roster.Extract(doc, "y")
	running := doc.Running()
	pg := places.ExtractRunning(doc, "y", running)
	hg := honors.ExtractRunning(doc, "y", running)
	finder := mention.Finders{places.NewFinder(pg), mention.NewFinder(mention.Known(rg, pg, hg), doc.City)}
	tg := prose.ExtractRunning(doc, "y", finder, running)
	eg := events.ExtractRunning(doc, "y", finder, running)
	yb := kg.Yearbook{ID: "y"}
	stages := []struct {
		name string
		run  func()
	}{
		{"decode", func() { decode.Lines(yearbook, data) }},
		{"segment", func() { segment.Parse(yearbook, lines) }},
		{"roster", func() { roster.Extract(doc, "y") }},
		{"running", func() { doc.Running() }}, // shared by places, honors, prose and events
		{"places", func() { places.ExtractRunning(doc, "y", running) }},
		{"honors", func() { honors.ExtractRunning(doc, "y", running) }},
		{"finder", func() {
			_ = mention.Finders{places.NewFinder(pg), mention.NewFinder(mention.Known(rg, pg, hg), doc.City)}
		}},
		{"prose", func() { prose.ExtractRunning(doc, "y", finder, running) }},
		{"events", func() { events.ExtractRunning(doc, "y", finder, running) }},
		{"resolve", func() { resolve.Merge(yb, doc.City, rg, pg, hg, eg, tg) }},
	}
	for _, s := range stages {
		b.Run(s.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				s.run()
			}
		})
	}
}
