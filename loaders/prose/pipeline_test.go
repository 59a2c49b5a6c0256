package prose_test

import (
	"github.com/yearbookkg/kg/loaders/honors"
	"github.com/yearbookkg/kg/loaders/mention"
	"github.com/yearbookkg/kg/loaders/places"
	"github.com/yearbookkg/kg/loaders/roster"
	"github.com/yearbookkg/kg/loaders/segment"
)

// pipelineFinder builds the finder the way the pipeline does: the places
// finder first, then the running-text finder with the names of the
// roster, the places and the honors.
func pipelineFinder(d *segment.Document) mention.Finder {
	rg := roster.Extract(d, "wuwei-2024")
	pg := places.Extract(d, "wuwei-2024")
	hg := honors.Extract(d, "wuwei-2024")
	return mention.Finders{places.NewFinder(pg), mention.NewFinder(mention.Known(rg, pg, hg), d.City)}
}
