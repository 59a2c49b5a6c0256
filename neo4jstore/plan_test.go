package neo4jstore_test

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders"
	"github.com/yearbookkg/kg/neo4jstore"
	"github.com/yearbookkg/kg/neo4jstore/neo4jtest"
)

// TestPlans loads the default yearbook, runs every read of the store the
// API uses, and asks Neo4j for the plan of the exact Cypher each one sent
// (with PROFILE rather than EXPLAIN: the Go driver v5.28 returns an
// EXPLAIN plan's children as copies of the last child, losing the left
// branch of every Apply; its profiles are right). Reads that look
// something up (by ID, by date, by place, by name) must start from an
// index: a plan that scans all nodes, all nodes of a kind, or all
// relationships of a type fails, because such a plan grows with every
// yearbook loaded. Browsing lists (all people by name, all events) may
// scan their label; their plans are only logged.
func TestPlans(t *testing.T) {
	s := neo4jtest.Store(t)
	neo4jtest.Reset(t, s)
	t.Cleanup(func() { neo4jtest.Reset(t, s) })
	ctx := context.Background()
	res, err := loaders.ExtractFile("../data/wuwei-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(ctx, res.Graph, neo4jstore.LoadOptions{Force: true}); err != nil {
		t.Fatal(err)
	}
	ids := sampleIDs(t, res.Graph)
	list, reset := s.RecordQueries()
	profile, admin := profiler(t)

	rel := func(typ string, out bool, label string) neo4jstore.Relation {
		return neo4jstore.Relation{Type: typ, Out: out, Label: label, ByDate: label == "Event"}
	}
	// The relations graph/relations.go follows.
	relations := []neo4jstore.Relation{
		rel(kg.ParticipatedIn, true, "Event"), rel(kg.PartOf, true, "Organization"), rel(kg.PartOf, false, "Organization"),
		rel(kg.LocatedIn, true, "Place"), rel(kg.OwnedBy, false, "Project"), rel(kg.PartOf, true, "Place"),
		rel(kg.PartOf, false, "Place"), rel(kg.OccurredIn, false, "Event"), rel(kg.LocatedIn, false, "Project"),
		rel(kg.ParticipatedIn, false, "Person"), rel(kg.ParticipatedIn, false, "Organization"), rel(kg.OccurredIn, true, "Place"),
		rel(kg.Involves, true, "Project"), rel(kg.OwnedBy, true, "Organization"), rel(kg.Involves, false, "Event"),
	}
	year := neo4jstore.EventFilter{From: "2023-01", To: "2023-06"}
	// IDs some reads look up; they are skipped when the yearbook (as the
	// extractors see it today) has nothing of the kind.
	needs := map[string]string{
		"honors": ids.honored, "events of a place by date": ids.county, "events of a project": ids.project,
		"people within a place": ids.city, "places within a place": ids.county,
		"organizations within a place": ids.city, "projects of an organization": ids.owner,
	}
	tests := []struct {
		name   string
		browse bool // a browsing list: may scan its label
		read   func() error
	}{
		{"nodes by id", false, func() error {
			_, err := s.Nodes(ctx, []string{ids.person, ids.org, ids.place})
			return err
		}},
		{"mentions", false, func() error { _, err := s.Mentions(ctx, []string{ids.person, ids.org}, 20); return err }},
		{"positions of people", false, func() error { _, err := s.Positions(ctx, []string{ids.person}, true); return err }},
		{"positions in organizations", false, func() error { _, err := s.Positions(ctx, []string{ids.org}, false); return err }},
		{"careers", false, func() error { _, err := s.Careers(ctx, []string{ids.person, ids.otherPerson}, 500, false); return err }},
		{"related", false, func() error {
			for _, r := range relations {
				if _, err := s.Related(ctx, r, slices.DeleteFunc([]string{ids.person, ids.org, ids.place, ids.event, ids.project}, func(id string) bool { return id == "" }), 50); err != nil {
					return err
				}
			}
			return nil
		}},
		{"honors", false, func() error { _, err := s.Honors(ctx, []string{ids.honored}); return err }},
		{"search a name", false, func() error { _, err := s.Search(ctx, ids.personName, nil, 20, true); return err }},
		{"search two characters", false, func() error { _, err := s.Search(ctx, "武威", nil, 20, true); return err }},
		{"search one character", false, func() error { _, err := s.Search(ctx, "王", []kg.Kind{kg.Person}, 20, true); return err }},
		{"shortest path", false, func() error {
			_, err := s.ShortestPath(ctx, ids.person, ids.otherPerson, 6, neo4jstore.All)
			return err
		}},
		{"path to itself", false, func() error { _, err := s.ShortestPath(ctx, ids.person, ids.person, 6, neo4jstore.All); return err }},
		{"neighborhood", false, func() error { _, err := s.Neighborhood(ctx, ids.person, 2, nil, 100, neo4jstore.Detail{}); return err }},
		{"neighborhood of people, 3 hops", false, func() error {
			_, err := s.Neighborhood(ctx, ids.org, 3, []kg.Kind{kg.Person}, 50, neo4jstore.All)
			return err
		}},
		{"co-occurrences", false, func() error { _, err := s.CoOccurrences(ctx, ids.person, 20); return err }},
		{"events by date", false, func() error { _, err := s.EventsWhere(ctx, year, 0, 50, true); return err }},
		{"events of a place by date", false, func() error {
			f := year
			f.PlaceID = ids.county
			_, err := s.EventsWhere(ctx, f, 0, 50, true)
			return err
		}},
		{"events of a person", false, func() error {
			_, err := s.EventsWhere(ctx, neo4jstore.EventFilter{PersonID: ids.person}, 0, 50, true)
			return err
		}},
		{"events of an organization", false, func() error {
			_, err := s.EventsWhere(ctx, neo4jstore.EventFilter{OrganizationID: ids.org}, 0, 50, true)
			return err
		}},
		{"events of a project", false, func() error {
			_, err := s.EventsWhere(ctx, neo4jstore.EventFilter{ProjectID: ids.project}, 0, 50, true)
			return err
		}},
		{"event counts by month", false, func() error { _, err := s.EventCounts(ctx, "MONTH", year); return err }},
		{"event counts by place", false, func() error { _, err := s.EventCounts(ctx, "PLACE", year); return err }},
		{"event counts by organization", false, func() error { _, err := s.EventCounts(ctx, "ORGANIZATION", year); return err }},
		{"people in an organization", false, func() error {
			_, _, err := s.List(ctx, neo4jstore.ListFilter{Kind: kg.Person, PositionAt: ids.org}, "NAME", 0, 50)
			return err
		}},
		{"people within a place", false, func() error {
			_, _, err := s.List(ctx, neo4jstore.ListFilter{Kind: kg.Person, WithinPlace: ids.city}, "NAME", 0, 50)
			return err
		}},
		{"places within a place", false, func() error {
			_, _, err := s.List(ctx, neo4jstore.ListFilter{Kind: kg.Place, WithinPlace: ids.county}, "NAME", 0, 50)
			return err
		}},
		{"organizations within a place", false, func() error {
			_, _, err := s.List(ctx, neo4jstore.ListFilter{Kind: kg.Organization, WithinPlace: ids.city}, "NAME", 0, 50)
			return err
		}},
		{"projects of an organization", false, func() error {
			_, _, err := s.List(ctx, neo4jstore.ListFilter{Kind: kg.Project, Organization: ids.owner}, "NAME", 0, 50)
			return err
		}},
		{"lines around a source", false, func() error {
			src := res.Graph.Entities[0].Mentions[0]
			_, err := s.Lines(ctx, src.Yearbook, src.Line-50, src.Line+50)
			return err
		}},
		{"page by number", false, func() error {
			_, err := s.Page(ctx, res.Graph.Yearbook.ID, res.Graph.Pages[len(res.Graph.Pages)/2].Number)
			return err
		}},
		{"stats", false, func() error { _, err := s.Stats(ctx); return err }},
		{"readiness", false, func() error { return s.Ready(ctx) }},
		// Browsing: every item of a kind, sorted, is what was asked for.
		{"browse people by name", true, func() error {
			_, _, err := s.List(ctx, neo4jstore.ListFilter{Kind: kg.Person}, "NAME", 0, 50)
			return err
		}},
		{"browse people by mentions", true, func() error {
			_, _, err := s.List(ctx, neo4jstore.ListFilter{Kind: kg.Person}, "MENTIONS", 0, 50)
			return err
		}},
		{"browse people whose name contains", true, func() error {
			_, _, err := s.List(ctx, neo4jstore.ListFilter{Kind: kg.Person, NameContains: "王"}, "NAME", 0, 50)
			return err
		}},
		{"browse places of a type", true, func() error {
			_, _, err := s.List(ctx, neo4jstore.ListFilter{Kind: kg.Place, PlaceType: "TOWN"}, "NAME", 0, 50)
			return err
		}},
		{"browse all events", true, func() error { _, err := s.EventsWhere(ctx, neo4jstore.EventFilter{}, 0, 50, true); return err }},
		{"count all events by month", true, func() error { _, err := s.EventCounts(ctx, "MONTH", neo4jstore.EventFilter{}); return err }},
	}
	// Plans follow index statistics, which right after a reset and a load
	// would still describe the empty store, and Neo4j would then scan
	// where it should seek (intermittently: it depends on when Neo4j
	// samples; docs/benchmarks.md measured 1.3 s instead of 36 ms). Load
	// therefore replans (Store.Replan), so every lookup must seek right
	// after it; and again once the statistics are resampled and cached
	// plans dropped by hand.
	for _, phase := range []string{"after load", "fresh statistics"} {
		if phase == "fresh statistics" {
			admin("CALL db.resampleOutdatedIndexes()")
			admin("CALL db.clearQueryCaches()")
		}
		for _, tt := range tests {
			t.Run(phase+"/"+tt.name, func(t *testing.T) {
				if id, ok := needs[tt.name]; ok && id == "" {
					t.Skip("the yearbook has nothing of this kind to look up")
				}
				reset()
				if err := tt.read(); err != nil {
					t.Fatal(err)
				}
				queries := list()
				if len(queries) == 0 {
					t.Fatal("the read ran no query")
				}
				for _, q := range queries {
					plan := profile(q)
					bad := neo4jstore.WholeScans(plan)
					switch {
					case len(bad) > 0 && !tt.browse:
						t.Errorf("%s: plan scans %s for\n%s\nplan:\n%s", phase, strings.Join(bad, ", "), q.Cypher, render(plan, ""))
					default:
						kind := "lookup"
						if tt.browse {
							kind = "browse"
						}
						t.Logf("%s (%s): %s ← %s", tt.name, kind, strings.Join(leaves(plan), ", "), oneLine(q.Cypher, 70))
					}
				}
			})
		}
	}
}

// ids are entities of the loaded yearbook to look up, taken from its
// graph so that the test follows the extraction.
type ids struct {
	person, personName, otherPerson, org, place, city, county, event, project, owner, honored string
}

func sampleIDs(t *testing.T, g *kg.Graph) ids {
	t.Helper()
	var out ids
	positions := map[kg.Ref]int{}
	for _, r := range g.Relationships {
		switch r.Type {
		case kg.HeldPosition:
			positions[r.From]++
		case kg.Involves:
			out.event, out.project = r.From.ID(), r.To.ID()
		case kg.OwnedBy:
			out.owner = r.To.ID()
		case kg.Honored:
			out.honored = r.From.ID()
		}
	}
	// The two people with the most posts: the path between them is short.
	people := make([]kg.Ref, 0, len(positions))
	for p := range positions {
		people = append(people, p)
	}
	slices.SortFunc(people, func(a, b kg.Ref) int {
		if positions[a] != positions[b] {
			return positions[b] - positions[a]
		}
		return strings.Compare(a.Key, b.Key)
	})
	if len(people) < 2 {
		t.Fatal("the yearbook has fewer than two people with posts")
	}
	out.person, out.personName, out.otherPerson = people[0].ID(), people[0].Key, people[1].ID()
	for _, e := range g.Entities {
		switch {
		case e.Kind == kg.Organization && out.org == "":
			out.org = e.Ref().ID()
		case e.Kind == kg.Place && e.Props["placeType"] == "CITY" && e.Name == "武威市":
			out.city = e.Ref().ID()
		case e.Kind == kg.Place && e.Props["placeType"] == "DISTRICT" && out.county == "":
			out.county = e.Ref().ID()
		}
	}
	for _, r := range g.Relationships {
		if r.Type == kg.HeldPosition && r.From == people[0] {
			out.org = r.To.ID()
			break
		}
	}
	out.place = out.county
	return out
}

// profiler returns a function that PROFILEs a recorded query on the test
// database, in a read session like the store's, and one that runs an
// administrative procedure.
func profiler(t *testing.T) (profile func(neo4jstore.Query) neo4j.ProfiledPlan, admin func(cypher string)) {
	t.Helper()
	auth := neo4j.NoAuth()
	if u := os.Getenv("NEO4J_USER"); u != "" {
		auth = neo4j.BasicAuth(u, os.Getenv("NEO4J_PASSWORD"), "")
	}
	driver, err := neo4j.NewDriverWithContext(neo4jtest.URI(t), auth)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = driver.Close(context.Background()) })
	admin = func(cypher string) {
		t.Helper()
		ctx := context.Background()
		session := driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeWrite})
		defer session.Close(ctx)
		res, err := session.Run(ctx, cypher, nil)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			t.Fatalf("%s: %v", cypher, err)
		}
	}
	profile = func(q neo4jstore.Query) neo4j.ProfiledPlan {
		t.Helper()
		ctx := context.Background()
		session := driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeRead})
		defer session.Close(ctx)
		res, err := session.Run(ctx, "PROFILE "+q.Cypher, q.Params)
		if err != nil {
			t.Fatalf("profile %s: %v", q.Cypher, err)
		}
		sum, err := res.Consume(ctx)
		if err != nil {
			t.Fatalf("profile %s: %v", q.Cypher, err)
		}
		if sum.Profile() == nil {
			t.Fatalf("no plan for %s", q.Cypher)
		}
		return sum.Profile()
	}
	return profile, admin
}

// leaves returns the operators that produce rows from the store (the
// plan's leaves, but for the Arguments that pass rows in from an outer
// Apply), which show where a query starts.
func leaves(plan neo4j.ProfiledPlan) []string {
	var out []string
	var visit func(p neo4j.ProfiledPlan)
	visit = func(p neo4j.ProfiledPlan) {
		if op, details := describe(p); len(p.Children()) == 0 && op != "Argument" {
			if leaf := fmt.Sprintf("%s(%s)", op, oneLine(details, 60)); !slices.Contains(out, leaf) {
				out = append(out, leaf)
			}
		}
		for _, c := range p.Children() {
			visit(c)
		}
	}
	visit(plan)
	return out
}

// render draws a plan as an indented tree, for failure messages.
func render(p neo4j.ProfiledPlan, indent string) string {
	op, details := describe(p)
	out := indent + op + " " + oneLine(details, 120) + "\n"
	for _, c := range p.Children() {
		out += render(c, indent+"  ")
	}
	return out
}

// describe returns an operator's name without its runtime suffix
// ("NodeByLabelScan@neo4j") and its details ("n:Event").
func describe(p neo4j.ProfiledPlan) (string, string) {
	op, _, _ := strings.Cut(p.Operator(), "@")
	details, _ := p.Arguments()["Details"].(string)
	return op, details
}

func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}
