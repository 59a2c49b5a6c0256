package prose_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/yearbookkg/kg/loaders/decode"
	"github.com/yearbookkg/kg/loaders/honors"
	"github.com/yearbookkg/kg/loaders/mention"
	"github.com/yearbookkg/kg/loaders/places"
	"github.com/yearbookkg/kg/loaders/prose"
	"github.com/yearbookkg/kg/loaders/roster"
	"github.com/yearbookkg/kg/loaders/segment"
)

func TestZZStats(t *testing.T) {
	if os.Getenv("ZZS") == "" {
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
	g := prose.Extract(doc, "y", finder)
	m, one, al, pr := 0, 0, 0, 0
	for _, e := range g.Entities {
		m += len(e.Mentions)
		if len(e.Mentions) == 1 {
			one++
		}
		al += len(e.Aliases)
		if e.Props != nil {
			pr++
		}
	}
	rp := 0
	for _, r := range g.Relationships {
		if r.Props != nil {
			rp++
		}
	}
	fmt.Println("ents", len(g.Entities), "mentions", m, "single", one, "aliases", al, "props", pr, "rels", len(g.Relationships), "relprops", rp, "lines", len(doc.Lines))
}
