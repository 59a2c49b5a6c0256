package prose_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/decode"
	"github.com/yearbookkg/kg/loaders/honors"
	"github.com/yearbookkg/kg/loaders/mention"
	"github.com/yearbookkg/kg/loaders/places"
	"github.com/yearbookkg/kg/loaders/prose"
	"github.com/yearbookkg/kg/loaders/roster"
	"github.com/yearbookkg/kg/loaders/segment"
)

type logging struct{ f mention.Finder }

func (c logging) Find(s string) []mention.Span {
	sp := c.f.Find(s)
	if len(s) < 60 {
		full := ""
		for _, x := range sp {
			if x.Start == 0 && x.End == len(s) {
				full = string(x.Kind) + "/" + x.Type
			}
		}
		fmt.Fprintf(os.Stderr, "FIND %q %d %s\n", s, len(sp), full)
	}
	return sp
}

func TestZZLead(t *testing.T) {
	if os.Getenv("ZZL") == "" {
		t.Skip()
	}
	data, _ := os.ReadFile("../../data/wuwei-2024.txt")
	lines, _, _ := decode.Lines("y", data)
	doc := segment.Parse("y", lines)
	rg := roster.Extract(doc, "y")
	running := doc.Running()
	pg := places.ExtractRunning(doc, "y", running)
	hg := honors.ExtractRunning(doc, "y", running)
	finder := mention.Finders{places.NewFinder(pg), mention.NewFinder(mention.Known(rg, pg, hg), doc.City)}
	g := prose.Extract(doc, "y", logging{finder})
	_ = kg.Place
	_ = g
}
