package prose_test

import (
	"os"
	"testing"

	"github.com/yearbookkg/kg/loaders/decode"
	"github.com/yearbookkg/kg/loaders/honors"
	"github.com/yearbookkg/kg/loaders/mention"
	"github.com/yearbookkg/kg/loaders/places"
	"github.com/yearbookkg/kg/loaders/roster"
	"github.com/yearbookkg/kg/loaders/segment"
)

func BenchmarkZZShort(b *testing.B) {
	data, _ := os.ReadFile("../../data/wuwei-2024.txt")
	lines, _, _ := decode.Lines("y", data)
	doc := segment.Parse("y", lines)
	rg := roster.Extract(doc, "y")
	running := doc.Running()
	pg := places.ExtractRunning(doc, "y", running)
	hg := honors.ExtractRunning(doc, "y", running)
	g := places.NewFinder(pg)
	m := mention.NewFinder(mention.Known(rg, pg, hg), doc.City)
	fs := mention.Finders{g, m}
	words := []string{"中央全面深化改", "甘肃省中央生态环境保", "凉州区人民医", "武威市第一中", "中央财经委员"}
	for _, c := range []struct {
		n string
		f mention.Finder
	}{{"gaz", g}, {"men", m}, {"all", fs}} {
		b.Run(c.n, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, w := range words {
					c.f.Find(w)
				}
			}
		})
	}
}
