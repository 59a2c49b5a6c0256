package loaders_test

import (
	"reflect"
	"testing"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders"
	"github.com/yearbookkg/kg/loaders/segment"
)

// TestPages checks the cutting of lines into pages: a page number met
// again further on continues the page before it.
func TestPages(t *testing.T) {
	doc := &segment.Document{}
	for i, p := range []int{1, 1, 2, 2, 2, 1, 3, 3, 2, 4} {
		doc.Lines = append(doc.Lines, segment.Line{N: i + 1, Page: p, Text: string(rune('a' + i))})
	}
	want := []kg.Page{
		{Number: 1, First: 1, Lines: []string{"a", "b"}},
		{Number: 2, First: 3, Lines: []string{"c", "d", "e", "f"}},
		{Number: 3, First: 7, Lines: []string{"g", "h", "i"}},
		{Number: 4, First: 10, Lines: []string{"j"}},
	}
	got := loaders.Pages(doc)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Pages = %v, want %v", got, want)
	}
	got[0].Lines = append(got[0].Lines, "x")
	if got[1].Lines[0] != "c" {
		t.Error("appending to a page wrote over the next")
	}
}

// TestPagesOfYearbook checks that the pages of the yearbook hold all its
// lines, in order, each page from its First line on.
func TestPagesOfYearbook(t *testing.T) {
	res, err := loaders.Extract(yearbook, read(t))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range res.Graph.Pages {
		for k, text := range p.Lines {
			l := res.Doc.Lines[n]
			if l.N != p.First+k || l.Text != text {
				t.Fatalf("page %d line %d: %q, want line %d %q", p.Number, k, text, l.N, l.Text)
			}
			n++
		}
	}
	if n != len(res.Doc.Lines) {
		t.Fatalf("pages hold %d lines of %d", n, len(res.Doc.Lines))
	}
}
