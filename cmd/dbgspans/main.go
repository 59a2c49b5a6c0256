// Temporary debugging tool; not part of the project.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/yearbookkg/kg/loaders/decode"
	"github.com/yearbookkg/kg/loaders/honors"
	"github.com/yearbookkg/kg/loaders/mention"
	"github.com/yearbookkg/kg/loaders/places"
	"github.com/yearbookkg/kg/loaders/roster"
	"github.com/yearbookkg/kg/loaders/segment"
)

func main() {
	path := "data/wuwei-2024.txt"
	b, _ := os.ReadFile(path)
	lines, _, _ := decode.Lines(path, b)
	doc := segment.Parse(path, lines)
	rg := roster.Extract(doc, "y")
	pg := places.Extract(doc, "y")
	hg := honors.Extract(doc, "y")
	f := mention.Finders{places.NewFinder(pg), mention.NewFinder(mention.Known(rg, pg, hg), doc.City)}
	show := func(t string) {
		for _, sp := range f.Find(t) {
			fmt.Printf("  %-12s %s  [%s]\n", sp.Kind, sp.Name, sp.Title)
		}
	}
	switch os.Args[1] {
	case "find":
		for _, t := range os.Args[2:] {
			fmt.Println(t)
			show(t)
		}
	case "lines":
		a, _ := strconv.Atoi(os.Args[2])
		z, _ := strconv.Atoi(os.Args[3])
		p := doc.Passage(a, z, 0)
		fmt.Println(p.Text)
		show(p.Text)
	case "all":
		// every span of every topic/section text: kind \t line \t name \t left|right context
		emit := func(ps *segment.Passage) {
			if ps == nil || ps.Text == "" {
				return
			}
			for _, sp := range f.Find(ps.Text) {
				l := ps.Text[:sp.Start]
				r := ps.Text[sp.End:]
				lr := []rune(l)
				if len(lr) > 12 {
					l = string(lr[len(lr)-12:])
				}
				rr := []rune(r)
				if len(rr) > 12 {
					r = string(rr[:12])
				}
				fmt.Printf("%s\t%d\t%s\t%s【%s】%s\t%d\t%d\n", sp.Kind, ps.Line(sp.Start), sp.Name, l, sp.Name, r, sp.Start, sp.End)
			}
		}
		for _, p := range doc.Parts {
			for _, s := range p.Sections {
				if len(s.Topics) == 0 {
					emit(doc.Passage(s.Start, s.End, 0))
					continue
				}
				if first := s.Topics[0].Start; first > s.Start {
					emit(doc.Passage(s.Start, first-1, 0))
				}
				for _, t := range s.Topics {
					emit(doc.TopicText(t))
				}
			}
		}
	case "stdin":
		sc := bufio.NewScanner(os.Stdin)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			t := strings.TrimSpace(sc.Text())
			if t == "" {
				continue
			}
			fmt.Println(t)
			show(t)
		}
	}
}
