package main

import (
	"flag"
	"fmt"
	"sort"

	"github.com/yearbookkg/kg/eval"
	"github.com/yearbookkg/kg/loaders"
)

// eval scores the extraction of a yearbook against the gold set and prints
// precision, recall and F1 per kind and relationship type, then the
// diagnostics by code.
func (m *Main) eval(args []string) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	yearbook := fs.String("yearbook", envOr("KG_YEARBOOK", "data/wuwei-2024.txt"), "yearbook the gold set annotates")
	verbose := fs.Bool("v", false, "list every miss and spurious prediction")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	dir := "eval/gold"
	if fs.NArg() > 0 {
		dir = fs.Arg(0)
	}
	gold, err := eval.LoadGold(dir)
	if err != nil {
		return err
	}
	res, err := loaders.ExtractFile(*yearbook)
	if err != nil {
		return err
	}
	rep := eval.Evaluate(res.Graph, gold)
	fmt.Fprintf(m.Stdout, "gold: %d passages in %s; yearbook %s\n\n", len(gold), dir, res.Graph.Yearbook.ID)
	rep.Print(m.Stdout, *verbose)
	codes := map[string]int{}
	for _, d := range res.Graph.Diagnostics {
		codes[d.Code]++
	}
	keys := make([]string, 0, len(codes))
	for k := range codes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintf(m.Stdout, "\ndiagnostics: %d\n", len(res.Graph.Diagnostics))
	for _, k := range keys {
		fmt.Fprintf(m.Stdout, "  %-24s %d\n", k, codes[k])
	}
	return nil
}
