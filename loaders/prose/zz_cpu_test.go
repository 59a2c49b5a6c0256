package prose_test

// UNTRACKED scratch harness (prose5): CPU time per prose.Extract.

import (
	"fmt"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/yearbookkg/kg/loaders/decode"
	"github.com/yearbookkg/kg/loaders/honors"
	"github.com/yearbookkg/kg/loaders/mention"
	"github.com/yearbookkg/kg/loaders/places"
	"github.com/yearbookkg/kg/loaders/prose"
	"github.com/yearbookkg/kg/loaders/roster"
	"github.com/yearbookkg/kg/loaders/segment"
)

func cpu() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func TestZZCPU(t *testing.T) {
	if os.Getenv("ZZN") == "" {
		t.Skip()
	}
	var n int
	fmt.Sscan(os.Getenv("ZZN"), &n)
	data, _ := os.ReadFile("../../data/wuwei-2024.txt")
	lines, _, _ := decode.Lines("y", data)
	doc := segment.Parse("y", lines)
	rg := roster.Extract(doc, "y")
	running := doc.Running()
	pg := places.ExtractRunning(doc, "y", running)
	hg := honors.ExtractRunning(doc, "y", running)
	finder := mention.Finders{places.NewFinder(pg), mention.NewFinder(mention.Known(rg, pg, hg), doc.City)}
	prose.Extract(doc, "y", finder)
	best := time.Hour
	var sum time.Duration
	for r := 0; r < n; r++ {
		c0 := cpu()
		for i := 0; i < 10; i++ {
			prose.Extract(doc, "y", finder)
		}
		d := (cpu() - c0) / 10
		sum += d
		best = min(best, d)
	}
	fmt.Printf("cpu/op best %.1f ms mean %.1f ms\n", best.Seconds()*1e3, sum.Seconds()*1e3/float64(n))
}

//go:noinline
func zzOnce(doc *segment.Document, f mention.Finder) { prose.Extract(doc, "y", f) }

func TestZZOnce(t *testing.T) {
	if os.Getenv("ZZO") == "" {
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
	prose.Extract(doc, "y", finder)
	zzOnce(doc, finder)
}
