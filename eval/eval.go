// Package eval scores an extracted graph against the hand-annotated gold
// set under eval/gold: precision, recall and F1 per entity kind and per
// relationship type. Each gold file is exhaustive for a range of raw lines,
// so the predictions scored are those whose provenance falls in the range.
package eval

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// Passage is one gold file.
type Passage struct {
	File          string         `yaml:"-"`
	Name          string         `yaml:"passage"`
	From          int            `yaml:"from_line"`
	To            int            `yaml:"to_line"`
	Entities      []GoldEntity   `yaml:"entities"`
	Relationships []GoldRelation `yaml:"relationships"`
}

// GoldEntity is an annotated entity. Events are identified by Line.
type GoldEntity struct {
	Kind    string   `yaml:"kind"`
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
	Type    string   `yaml:"type"`
	Line    int      `yaml:"line"`
	Date    string   `yaml:"date"`
	EndDate string   `yaml:"end_date"`
}

// GoldRelation is an annotated relationship between KIND:name refs
// (EVENT:<line> for events).
type GoldRelation struct {
	Type  string `yaml:"type"`
	From  string `yaml:"from"`
	To    string `yaml:"to"`
	Title string `yaml:"title"`
}

// LoadGold reads every *.yaml file of dir.
func LoadGold(dir string) ([]*Passage, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("no gold files (*.yaml) in %s", dir)
	}
	var out []*Passage
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		p := &Passage{File: filepath.Base(f)}
		if err := yaml.Unmarshal(b, p); err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		out = append(out, p)
	}
	return out, nil
}

// Score is a precision/recall count.
type Score struct {
	TP, FP, FN int
}

// Precision is TP/(TP+FP), 1 when nothing was predicted.
func (s Score) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP/(TP+FN), 1 when nothing was expected.
func (s Score) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Miss is one error, for the report.
type Miss struct {
	Passage, What string
}

// Report is the result of scoring a graph.
type Report struct {
	Kinds         map[string]*Score
	Relationships map[string]*Score
	DatesExact    Score // chronicle/meeting events matched with the gold date
	Misses        []Miss
}

// entityIndex finds predicted entities by kind and name key.
type entityIndex struct {
	g      *kg.Graph
	byName map[string][]int // kind + "\x00" + key → entity indexes
	byRef  map[kg.Ref]int
}

func newIndex(g *kg.Graph) *entityIndex {
	ix := &entityIndex{g: g, byName: map[string][]int{}, byRef: map[kg.Ref]int{}}
	for i := range g.Entities {
		e := &g.Entities[i]
		ix.byRef[e.Ref()] = i
		seen := map[string]bool{}
		for _, n := range append([]string{e.Name, e.Key}, e.Aliases...) {
			k := string(e.Kind) + "\x00" + normName(n)
			if !seen[k] {
				seen[k] = true
				ix.byName[k] = append(ix.byName[k], i)
			}
		}
	}
	return ix
}

// normName is the key names are compared by: spaces removed, width folded,
// and the same parentheses either way. A trailing 项目 ("project") is not
// part of a project's name: 民勤通用机场项目 is 民勤通用机场.
func normName(s string) string {
	k := textnorm.Key(s)
	if t := strings.TrimSuffix(k, "项目"); t != "" {
		k = t
	}
	return k
}

// inRange reports whether entity i has a mention in [from, to].
func (ix *entityIndex) inRange(i, from, to int) bool {
	for _, m := range ix.g.Entities[i].Mentions {
		if m.Line >= from && m.Line <= to {
			return true
		}
	}
	return false
}

// match returns the predicted entities that a gold entity matches.
func (ix *entityIndex) match(p *Passage, ge *GoldEntity) []int {
	var out []int
	if ge.Kind == "EVENT" {
		for i := range ix.g.Entities {
			e := &ix.g.Entities[i]
			if e.Kind != kg.Event {
				continue
			}
			for _, m := range e.Mentions {
				if m.Line >= ge.Line-1 && m.Line <= ge.Line+1 {
					out = append(out, i)
					break
				}
			}
		}
		return out
	}
	seen := map[int]bool{}
	for _, n := range append([]string{ge.Name}, ge.Aliases...) {
		for _, i := range ix.byName[ge.Kind+"\x00"+normName(n)] {
			if !seen[i] {
				seen[i] = true
				out = append(out, i)
			}
		}
	}
	return out
}

// Evaluate scores g against the passages.
func Evaluate(g *kg.Graph, passages []*Passage) *Report {
	r := &Report{Kinds: map[string]*Score{}, Relationships: map[string]*Score{}}
	ix := newIndex(g)
	for _, p := range passages {
		r.passage(ix, p)
	}
	return r
}

func (r *Report) score(m map[string]*Score, k string) *Score {
	if m[k] == nil {
		m[k] = &Score{}
	}
	return m[k]
}

func (r *Report) passage(ix *entityIndex, p *Passage) {
	g := ix.g
	// Entities.
	goldOf := map[string]map[int]bool{} // "KIND:name" → predicted entity indexes
	matched := map[int]bool{}
	for gi := range p.Entities {
		ge := &p.Entities[gi]
		if ge.Kind == "HONOR" {
			continue
		}
		ref := ge.Kind + ":" + ge.Name
		if ge.Kind == "EVENT" {
			ref = "EVENT:" + strconv.Itoa(ge.Line)
		}
		hits := ix.match(p, ge)
		goldOf[ref] = map[int]bool{}
		for _, i := range hits {
			goldOf[ref][i] = true
		}
		for _, n := range ge.Aliases {
			goldOf[ge.Kind+":"+n] = goldOf[ref]
		}
		s := r.score(r.Kinds, ge.Kind)
		found := false
		for _, i := range hits {
			if ix.inRange(i, p.From, p.To) {
				found = true
				matched[i] = true
			}
		}
		if found {
			s.TP++
		} else {
			s.FN++
			r.Misses = append(r.Misses, Miss{p.File, "missed " + ref})
		}
		if ge.Kind == "EVENT" && found {
			ok := false
			for _, i := range hits {
				e := &g.Entities[i]
				if e.Props["date"] == ge.Date && (ge.EndDate == "" || e.Props["endDate"] == ge.EndDate) {
					ok = true
				}
			}
			if ok {
				r.DatesExact.TP++
			} else {
				r.DatesExact.FP++
				r.Misses = append(r.Misses, Miss{p.File, fmt.Sprintf("wrong date for %s: want %s", ref, ge.Date)})
			}
		}
	}
	kinds := map[string]bool{}
	for _, ge := range p.Entities {
		kinds[ge.Kind] = true
	}
	for i := range g.Entities {
		e := &g.Entities[i]
		if !kinds[string(e.Kind)] || matched[i] || !ix.inRange(i, p.From, p.To) {
			continue
		}
		r.score(r.Kinds, string(e.Kind)).FP++
		r.Misses = append(r.Misses, Miss{p.File, fmt.Sprintf("spurious %s:%s", e.Kind, e.Name)})
	}
	// Relationships: scored for the (type, kind of start) pairs the passage
	// annotates, since each passage is exhaustive only for what it covers.
	covered := map[string]bool{}
	gold := map[int]bool{}
	for _, gr := range p.Relationships {
		covered[gr.Type+"|"+kindOf(gr.From)] = true
	}
	// The gold never splits a place out of an organization's name
	// (eval/gold/README.md, rule 5), so organization → place predictions
	// are outside what it annotates.
	delete(covered, kg.LocatedIn+"|ORGANIZATION")
	relMatched := map[int]bool{}
	for _, gr := range p.Relationships {
		s := r.score(r.Relationships, gr.Type)
		froms, tos := goldOf[gr.From], goldOf[gr.To]
		found := -1
		for j, rel := range g.Relationships {
			if rel.Type != gr.Type || rel.Source.Line < p.From || rel.Source.Line > p.To || relMatched[j] {
				continue
			}
			if endMatches(ix, rel.From, froms, gr.From) && endMatches(ix, rel.To, tos, gr.To) {
				found = j
				break
			}
		}
		if found >= 0 {
			s.TP++
			relMatched[found] = true
			gold[found] = true
		} else {
			s.FN++
			r.Misses = append(r.Misses, Miss{p.File, fmt.Sprintf("missed %s %s → %s", gr.Type, gr.From, gr.To)})
		}
	}
	for j, rel := range g.Relationships {
		if relMatched[j] || rel.Source.Line < p.From || rel.Source.Line > p.To || !covered[rel.Type+"|"+string(rel.From.Kind)] {
			continue
		}
		r.score(r.Relationships, rel.Type).FP++
		r.Misses = append(r.Misses, Miss{p.File, fmt.Sprintf("spurious %s %s:%s → %s:%s (line %d)", rel.Type, rel.From.Kind, rel.From.Key, rel.To.Kind, rel.To.Key, rel.Source.Line)})
	}
}

func kindOf(ref string) string {
	k, _, _ := strings.Cut(ref, ":")
	return k
}

// endMatches reports whether a predicted relationship end is the gold end:
// one of the entities the gold entity matched, or for honors the title.
func endMatches(ix *entityIndex, ref kg.Ref, golds map[int]bool, goldRef string) bool {
	if ref.Kind == kg.Honor {
		_, name, _ := strings.Cut(goldRef, ":")
		return kindOf(goldRef) == "HONOR" && normName(name) == normName(ref.Key)
	}
	i, ok := ix.byRef[ref]
	return ok && golds[i]
}

// Print writes the report as a table, and the misses when verbose.
func (r *Report) Print(w io.Writer, verbose bool) {
	fmt.Fprintf(w, "%-18s %6s %6s %6s %9s %9s %6s\n", "", "TP", "FP", "FN", "precision", "recall", "F1")
	line := func(name string, s *Score) {
		fmt.Fprintf(w, "%-18s %6d %6d %6d %9.3f %9.3f %6.3f\n", name, s.TP, s.FP, s.FN, s.Precision(), s.Recall(), s.F1())
	}
	for _, k := range []string{"PERSON", "ORGANIZATION", "PLACE", "EVENT", "PROJECT"} {
		if s := r.Kinds[k]; s != nil {
			line(k, s)
		}
	}
	fmt.Fprintln(w)
	types := make([]string, 0, len(r.Relationships))
	for t := range r.Relationships {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		line(t, r.Relationships[t])
	}
	fmt.Fprintf(w, "\nevent dates exact: %d of %d\n", r.DatesExact.TP, r.DatesExact.TP+r.DatesExact.FP)
	if verbose {
		fmt.Fprintln(w)
		for _, m := range r.Misses {
			fmt.Fprintf(w, "%s: %s\n", m.Passage, m.What)
		}
	}
}
