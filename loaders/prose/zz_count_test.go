package prose_test

// UNTRACKED scratch harness (prose5): finder calls by caller.

import (
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
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

type counting struct {
	f     mention.Finder
	calls map[string]*[3]int64
}

func (c counting) Find(s string) []mention.Span {
	pc := make([]uintptr, 8)
	n := runtime.Callers(2, pc)
	fr := runtime.CallersFrames(pc[:n])
	who := ""
	for {
		f, more := fr.Next()
		if strings.Contains(f.Function, "prose.") {
			who += f.Function[strings.LastIndex(f.Function, ".")+1:] + "<"
			if len(who) > 40 {
				break
			}
		}
		if !more {
			break
		}
	}
	t0 := time.Now()
	sp := c.f.Find(s)
	d := time.Since(t0)
	e := c.calls[who]
	if e == nil {
		e = &[3]int64{}
		c.calls[who] = e
	}
	e[0]++
	e[1] += int64(len(s))
	e[2] += int64(d)
	return sp
}

func TestZZCount(t *testing.T) {
	if os.Getenv("ZZC") == "" {
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
	c := counting{finder, map[string]*[3]int64{}}
	t0 := time.Now()
	prose.Extract(doc, "y", c)
	fmt.Println("total", time.Since(t0))
	var ks []string
	for k := range c.calls {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	for _, k := range ks {
		e := c.calls[k]
		fmt.Printf("%-60s calls %6d bytes %8d time %v\n", k, e[0], e[1], time.Duration(e[2]))
	}
}
