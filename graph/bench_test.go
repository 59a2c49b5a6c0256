package graph_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/yearbookkg/kg"
)

// BenchmarkQueries measures what the service itself spends on the
// representative queries of bench/loadgen (the same GraphQL): time per
// request including the database's answer, and the allocations, which
// drive the CPU the service takes from Neo4j on a small machine. Run it
// against a running database with
//
//	NEO4J_URI=bolt://… go test -run '^$' -bench Queries -benchmem ./graph/
//
// (without NEO4J_URI it starts a Neo4j and loads the yearbook).
func BenchmarkQueries(b *testing.B) {
	h, _ := service(b)
	id := func(k kg.Kind, key string) string { return kg.Ref{Kind: k, Key: key}.ID() }
	for _, q := range []struct {
		name, query string
		vars        map[string]any
	}{
		{"career", `query Career($id: ID!) { node(id: $id) { ... on Person { name career { position { title start end organization { name } } events { date name } } } } }`,
			map[string]any{"id": id(kg.Person, "王国斌")}},
		{"leadership", `query Leadership($id: ID!, $at: String) { node(id: $id) { ... on Organization { name positions(at: $at) { title start end person { name } } } } }`,
			map[string]any{"id": id(kg.Organization, "中共武威市委员会"), "at": "2023-06"}},
		{"county-events", `query CountyEvents($place: ID, $from: String, $to: String) { events(placeId: $place, from: $from, to: $to, first: 50) { totalCount edges { node { id date name } } } }`,
			map[string]any{"place": id(kg.Place, "凉州区"), "from": "2023-01", "to": "2023-12"}},
		{"search-2char", `query Search($q: String!) { search(query: $q, first: 20) { id kind name } }`, map[string]any{"q": "武威"}},
		{"neighborhood", `query Neighborhood($id: ID!) { neighborhood(id: $id, hops: 2) { nodes { id kind name } relationships { type from { id } to { id } } } }`,
			map[string]any{"id": id(kg.Person, "王国斌")}},
		{"path", `query Path($from: ID!, $to: ID!) { path(from: $from, to: $to, maxHops: 6) { length nodes { id kind name } relationships { type title start end from { name } to { name } source { page line quote } } } }`,
			map[string]any{"from": id(kg.Person, "王国斌"), "to": id(kg.Person, "贾福祥")}},
		{"event-counts", `query Counts($from: String, $to: String) { eventCounts(groupBy: MONTH, from: $from, to: $to) { key label count } }`,
			map[string]any{"from": "2023", "to": "2023"}},
	} {
		body, err := json.Marshal(map[string]any{"query": q.query, "variables": q.vars})
		if err != nil {
			b.Fatal(err)
		}
		send := func(gzip bool) *httptest.ResponseRecorder {
			req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			if gzip {
				req.Header.Set("Accept-Encoding", "gzip") // as browsers and bench/loadgen
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			return rec
		}
		b.Run(q.name, func(b *testing.B) {
			if rec := send(false); rec.Code != http.StatusOK || bytes.Contains(rec.Body.Bytes(), []byte(`"errors"`)) {
				b.Fatalf("status %d: %.300s", rec.Code, rec.Body.Bytes())
			}
			b.ReportAllocs()
			for b.Loop() {
				if rec := send(true); rec.Code != http.StatusOK {
					b.Fatalf("status %d", rec.Code)
				}
			}
		})
	}
}
