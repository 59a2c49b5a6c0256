package main

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/yearbookkg/kg/neo4jstore"
)

// plans profiles each query's floor Cypher with its first parameter set,
// as the floor sends it (PROFILE in front, the same parameters), and
// writes, per query, the rows and database hits of the whole plan, its
// leaf operators (where it starts reading) and any operator that reads a
// whole kind of node or relationship. It lets a scale run check, against
// the large database, that the floor still starts from indexes the way
// neo4jstore's TestPlans checks the store's own reads on one yearbook,
// with the same judge of a scan (neo4jstore.WholeScans).
// It reports whether some plan scans.
func plans(ctx context.Context, w io.Writer, fl *floorClient, qs []*query) (scanned bool, err error) {
	fmt.Fprintln(w, "| query | db hits | rows | starts from | whole-kind scans |")
	fmt.Fprintln(w, "|---|---|---|---|---|")
	for _, q := range qs {
		session := fl.driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeRead})
		var profs []neo4j.ProfiledPlan
		_, err := neo4j.ExecuteRead(ctx, session, func(tx neo4j.ManagedTransaction) (string, error) {
			profs = profs[:0]
			return q.floor(ctx, &profilingTx{runner: tx, plans: &profs}, q.cypher, q.params[0])
		})
		session.Close(context.WithoutCancel(ctx))
		if err != nil {
			return false, fmt.Errorf("profile %s: %w", q.name, err)
		}
		var hits, rows int64
		leaves, whole := map[string]bool{}, map[string]bool{}
		for _, p := range profs {
			hits += totalHits(p)
			rows += p.Records()
			walkPlan(p, func(p neo4j.ProfiledPlan) {
				if len(p.Children()) == 0 {
					op, _, _ := strings.Cut(p.Operator(), "@")
					leaves[op] = true
				}
			})
			for _, s := range neo4jstore.WholeScans(p) {
				whole[s] = true
			}
		}
		scans := "none"
		if len(whole) > 0 {
			scans, scanned = strings.Join(slices.Sorted(maps.Keys(whole)), ", "), true
		}
		fmt.Fprintf(w, "| %s | %d | %d | %s | %s |\n", q.name, hits, rows, strings.Join(slices.Sorted(maps.Keys(leaves)), ", "), scans)
	}
	return scanned, nil
}

// profilingTx runs every query of a floor with PROFILE and keeps the
// profiles once the floor has read the results.
type profilingTx struct {
	runner
	plans *[]neo4j.ProfiledPlan
}

func (t *profilingTx) Run(ctx context.Context, cypher string, params map[string]any) (neo4j.ResultWithContext, error) {
	res, err := t.runner.Run(ctx, "PROFILE "+cypher, params)
	if err != nil {
		return nil, err
	}
	return &profiledResult{ResultWithContext: res, plans: t.plans}, nil
}

// profiledResult records the profile when the floor has collected its
// records (Collect leaves the summary to Consume).
type profiledResult struct {
	neo4j.ResultWithContext
	plans *[]neo4j.ProfiledPlan
}

func (r *profiledResult) Collect(ctx context.Context) ([]*neo4j.Record, error) {
	recs, err := r.ResultWithContext.Collect(ctx)
	if err != nil {
		return nil, err
	}
	sum, err := r.Consume(ctx)
	if err != nil {
		return nil, err
	}
	if p := sum.Profile(); p != nil {
		*r.plans = append(*r.plans, p)
	}
	return recs, nil
}

func walkPlan(p neo4j.ProfiledPlan, f func(neo4j.ProfiledPlan)) {
	f(p)
	for _, c := range p.Children() {
		walkPlan(c, f)
	}
}

func totalHits(p neo4j.ProfiledPlan) int64 {
	var n int64
	walkPlan(p, func(p neo4j.ProfiledPlan) { n += p.DbHits() })
	return n
}
