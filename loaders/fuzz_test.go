package loaders_test

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders"
	"github.com/yearbookkg/kg/loaders/decode"
	"github.com/yearbookkg/kg/loaders/events"
	"github.com/yearbookkg/kg/loaders/honors"
	"github.com/yearbookkg/kg/loaders/mention"
	"github.com/yearbookkg/kg/loaders/places"
	"github.com/yearbookkg/kg/loaders/prose"
	"github.com/yearbookkg/kg/loaders/roster"
	"github.com/yearbookkg/kg/loaders/segment"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// seeds adds excerpts of the vendored yearbook that exercise every
// extractor: the chronicle, a roster block, a county's divisions, a
// profile, a page banner and a caption. Crashers found by `go test -fuzz`
// are kept under testdata/fuzz/<FuzzName>/ and run as regression cases.
func seeds(f *testing.F) {
	data, err := readFile()
	if err != nil {
		f.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	for _, r := range [][2]int{{5520, 5640}, {34176, 34260}, {32220, 32250}, {33815, 33840}, {5980, 6012}, {7545, 7560}, {8585, 8600}} {
		f.Add(strings.Join(lines[r[0]-1:r[1]], "\n"))
	}
	f.Add("")
	f.Add("【")
	f.Add(" 1 月\n\n1 日　\n")
}

func readFile() ([]byte, error) { return os.ReadFile(yearbook) }

// checkGraph asserts what every extractor promises whatever its input:
// provenance points at a real line, and relationships name their ends.
func checkGraph(t *testing.T, g *kg.Graph, lines int) {
	for _, e := range g.Entities {
		if e.Key == "" || !utf8.ValidString(e.Name) {
			t.Fatalf("entity without key or with invalid name: %+v", e)
		}
		for _, m := range e.Mentions {
			if m.Line < 1 || m.Line > lines {
				t.Fatalf("mention of %s at line %d of %d", e.Name, m.Line, lines)
			}
		}
	}
	for _, r := range g.Relationships {
		if r.From.Key == "" || r.To.Key == "" || r.Source.Line < 1 || r.Source.Line > lines {
			t.Fatalf("bad relationship %+v", r)
		}
	}
}

func FuzzNormalise(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		k := textnorm.Key(s)
		if textnorm.Key(k) != k {
			t.Fatalf("Key is not idempotent on %q", s)
		}
		if strings.ContainsAny(k, " \u3000\u2002\u2003") {
			t.Fatalf("Key(%q) = %q keeps a space", s, k)
		}
		c := textnorm.Clean(s)
		if textnorm.Clean(c) != c {
			t.Fatalf("Clean is not idempotent on %q", s)
		}
	})
}

func FuzzSegment(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		lines, _, err := decode.Lines("fuzz.txt", []byte(s))
		if err != nil {
			return
		}
		d := segment.Parse("fuzz.txt", lines)
		if len(d.Lines) != len(lines) {
			t.Fatalf("%d lines, want %d", len(d.Lines), len(lines))
		}
		covered := 0
		for _, p := range d.Parts {
			if p.Start > p.End+1 || p.Start < 1 {
				t.Fatalf("part %+v", p)
			}
			covered += p.End - p.Start + 1
			for _, s := range p.Sections {
				for _, tp := range s.Topics {
					d.TopicText(tp)
				}
			}
		}
		if covered != len(lines) {
			t.Fatalf("parts cover %d of %d lines", covered, len(lines))
		}
		for _, l := range d.Lines {
			if l.Page < 1 {
				t.Fatalf("line %d has page %d", l.N, l.Page)
			}
		}
	})
}

func FuzzExtractors(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		lines, _, err := decode.Lines("fuzz.txt", []byte(s))
		if err != nil {
			return
		}
		d := segment.Parse("fuzz.txt", lines)
		rg := roster.Extract(d, "f")
		checkGraph(t, rg, len(lines))
		pg := places.Extract(d, "f")
		checkGraph(t, pg, len(lines))
		hg := honors.Extract(d, "f")
		checkGraph(t, hg, len(lines))
		finder := mention.Finders{places.NewFinder(pg), mention.NewFinder(mention.Known(rg, pg, hg), d.City)}
		checkGraph(t, prose.Extract(d, "f", finder), len(lines))
		checkGraph(t, events.Extract(d, "f", finder), len(lines))
		for _, sp := range finder.Find(s) {
			if sp.Start < 0 || sp.End > len(s) || sp.Start >= sp.End {
				t.Fatalf("span %+v outside the text", sp)
			}
		}
	})
}

func FuzzExtract(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		res, err := loaders.Extract("fuzz.txt", []byte(s))
		if err != nil {
			return
		}
		checkGraph(t, res.Graph, len(res.Doc.Lines))
	})
}
