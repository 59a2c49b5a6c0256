package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"sort"

	"github.com/yearbookkg/kg/loaders"
)

// extract prints a yearbook's graph as JSON Lines: one object per line,
// each with a "type" of yearbook, entity, relationship or diagnostic, so
// that research pipelines can stream it (jq, pandas.read_json(lines=True)).
func (m *Main) extract(args []string) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(m.Stderr, "usage: kg extract FILE")
		return errUsage
	}
	res, err := loaders.ExtractFile(fs.Arg(0))
	if err != nil {
		return err
	}
	g := res.Graph
	w := bufio.NewWriter(m.Stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	write := func(typ string, v any) error {
		return enc.Encode(struct {
			Type string `json:"type"`
			Data any    `json:"data"`
		}{typ, v})
	}
	if err := write("yearbook", g.Yearbook); err != nil {
		return err
	}
	for i := range g.Entities {
		if err := write("entity", &g.Entities[i]); err != nil {
			return err
		}
	}
	for i := range g.Relationships {
		if err := write("relationship", &g.Relationships[i]); err != nil {
			return err
		}
	}
	for i := range g.Diagnostics {
		if err := write("diagnostic", &g.Diagnostics[i]); err != nil {
			return err
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	counts := map[string]int{}
	for _, e := range g.Entities {
		counts[string(e.Kind)]++
	}
	for _, r := range g.Relationships {
		counts[r.Type]++
	}
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintf(m.Stderr, "extract %s: %d entities, %d relationships, %d diagnostics\n", g.Yearbook.ID, len(g.Entities), len(g.Relationships), len(g.Diagnostics))
	for _, k := range keys {
		fmt.Fprintf(m.Stderr, "  %-16s %6d\n", k, counts[k])
	}
	for _, t := range res.Timings {
		fmt.Fprintf(m.Stderr, "  time %-10s %s\n", t.Stage, t.Duration)
	}
	return nil
}
