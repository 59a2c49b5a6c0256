package graph_test

import (
	"bytes"
	"net/http"
	"testing"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/graph"
	"github.com/yearbookkg/kg/graph/dataloader"
	"github.com/yearbookkg/kg/neo4jstore"
)

// TestPlainObjectsAnswerAsGqlgen checks the executor's fast path for
// objects whose selected fields are all plain (graph/generated/plain.go):
// every answer, with its errors, must be byte for byte the one gqlgen's
// own field-by-field marshalling gives, whatever the selection does with
// aliases, repeated fields, __typename, fragments, directives, enums,
// null optional fields and mixes of plain fields and resolvers.
func TestPlainObjectsAnswerAsGqlgen(t *testing.T) {
	_, store := service(t)
	handlers := handlerPair(store, graph.WithGqlgenFields(graph.Options{}))
	person := kg.Ref{Kind: kg.Person, Key: "王国斌"}.ID()
	org := kg.Ref{Kind: kg.Organization, Key: "中共武威市委员会"}.ID()
	county := kg.Ref{Kind: kg.Place, Key: "凉州区"}.ID()
	other := kg.Ref{Kind: kg.Person, Key: "贾福祥"}.ID()
	tests := []struct {
		name, query string
		vars        map[string]any
	}{
		{"career", `query($id: ID!) { node(id: $id) { ... on Person { name career { position { title start end organization { name } } events { date name } } } } }`, map[string]any{"id": person}},
		{"career, every event field", `query($id: ID!) { node(id: $id) { ... on Person { career { events { __typename id kind name mentionCount date endDate description category aliases } } } } }`, map[string]any{"id": person}},
		{"aliases and repeats", `query($id: ID!) { node(id: $id) { ... on Person { career { events { d: date date n: name name date d2: date __typename t: __typename } } } } }`, map[string]any{"id": person}},
		{"fragments", `query($id: ID!) { node(id: $id) { ... on Person { career { events { ...E ... on Event { name kind } ... { id } } } } } } fragment E on Event { date endDate }`, map[string]any{"id": person}},
		{"directives", `query($id: ID!, $y: Boolean!) { node(id: $id) { ... on Person { career { events { date @include(if: $y) name @skip(if: $y) id @include(if: false) } } } } }`, map[string]any{"id": person, "y": true}},
		{"only skipped", `query($id: ID!) { node(id: $id) { ... on Person { career { events { date @skip(if: true) __typename } } } } }`, map[string]any{"id": person}},
		{"plain and resolver fields", `query($id: ID!) { node(id: $id) { ... on Person { career { events { date name places { name placeType } mentions(first: 1) { line page quote } } } } } }`, map[string]any{"id": person}},
		{"leadership", `query($id: ID!, $at: String) { node(id: $id) { ... on Organization { name positions(at: $at) { title start end note concurrent person { name gender ethnicity born } } } } }`, map[string]any{"id": org, "at": "2023-06"}},
		{"posts' ends", `query($id: ID!) { node(id: $id) { ... on Person { positions { title person { name } organization { __typename id name aliases mentionCount ... on Entity { kind } } } career { position { o: organization { name } organization { id } } } } } }`, map[string]any{"id": person}},
		{"posts' ends with a resolver under them", `query($id: ID!) { node(id: $id) { ... on Person { positions { title organization { name units { name } } } } } }`, map[string]any{"id": person}},
		{"timeline", `query($id: ID!) { node(id: $id) { ... on Organization { timeline { date kind position { title person { ...P } } } } } } fragment P on Person { name gender }`, map[string]any{"id": org}},
		{"neighborhood", `query($id: ID!) { neighborhood(id: $id, hops: 2) { nodes { id kind name __typename ... on Place { placeType } ... on Project { status investment } } relationships { type title start end from { id } to { id } } } }`, map[string]any{"id": person}},
		{"path, nested plain objects", `query($a: ID!, $b: ID!) { path(from: $a, to: $b, maxHops: 6) { length nodes { id kind name } relationships { type title start end from { name } to { name } source { page line quote } } } }`, map[string]any{"a": person, "b": other}},
		{"nested: typename, fragments, aliases", `query($id: ID!) { neighborhood(id: $id, hops: 1) { relationships { f: from { __typename id ... on Person { gender } ... on Place { placeType } } from { name } to { ...N } } } } fragment N on Entity { id kind }`, map[string]any{"id": person}},
		{"nested with a resolver under it", `query($id: ID!) { neighborhood(id: $id, hops: 1) { relationships { type from { id ... on Person { positions { title } } } to { id } source { line context(before: 0, after: 0) { lines { line } } } } } }`, map[string]any{"id": person}},
		{"nested event of an edge", `query($p: ID) { events(placeId: $p, first: 3) { edges { node { id date places { name } } } } }`, map[string]any{"p": county}},
		{"neighborhood's nodes, every type's fields", `query($id: ID!) { neighborhood(id: $id, hops: 2) { nodes { __typename id ... on Person { gender born ethnicity } ... on Place { placeType } ... on Event { date endDate category } ... on Organization { aliases } ... on Project { status investment } mentionCount } } }`, map[string]any{"id": person}},
		{"path's nodes, named fragments and aliases", `query($a: ID!, $b: ID!) { path(from: $a, to: $b, maxHops: 6) { nodes { ...N t: __typename ... on Person { name g: gender } } length } } fragment N on Entity { id name kind }`, map[string]any{"a": person, "b": other}},
		{"search, fragments of some types only", `{ search(query: "武威", first: 20) { ... on Person { name gender } ... on Place { __typename placeType } } }`, nil},
		{"search, directives", `query($y: Boolean!) { search(query: "武威", first: 20) { id @skip(if: $y) name @include(if: $y) __typename @include(if: false) kind } }`, map[string]any{"y": true}},
		{"interface list with a resolver in a fragment", `query($id: ID!) { neighborhood(id: $id, hops: 1) { nodes { id ... on Person { positions { title } } } } }`, map[string]any{"id": person}},
		{"co-occurrences", `query($id: ID!) { coOccurrences(id: $id, first: 5) { count entity { id name __typename } } }`, map[string]any{"id": person}},
		{"events page", `query($p: ID) { events(placeId: $p, from: "2023-01", to: "2023-12", first: 5) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id date name category } } } }`, map[string]any{"p": county}},
		{"search", `{ search(query: "武威", first: 20) { id kind name mentionCount } }`, nil},
		{"counts and stats", `{ eventCounts(groupBy: MONTH, from: "2023", to: "2023") { key label count } stats { people organizations places events projects relationships } }`, nil},
		{"missing node", `{ node(id: "per_aaaaaaaaaaaaaaaa") { id ... on Person { name } } }`, nil},
		{"error beside plain fields", `query($id: ID!) { node(id: $id) { ... on Person { career { events { date name } } } } bad: node(id: "x") { id } }`, map[string]any{"id": person}},
	}
	send := func(t *testing.T, plain bool, q string, vars map[string]any) []byte {
		t.Helper()
		rec := post(t, handlers[plain], q, vars)
		if rec.Code != http.StatusOK {
			t.Fatalf("status %d: %s", rec.Code, rec.Body.Bytes())
		}
		return rec.Body.Bytes()
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fast, slow := send(t, true, tt.query, tt.vars), send(t, false, tt.query, tt.vars)
			if !bytes.Equal(fast, slow) {
				t.Errorf("answers differ:\nfast path: %.2000s\ngqlgen:    %.2000s", fast, slow)
			}
			if len(fast) < 20 {
				t.Errorf("answer too short to compare anything: %s", fast)
			}
		})
	}
	// Equal answers would also come from a fast path that never runs: a
	// career, hundreds of plain events, must take far fewer allocations
	// with it than through gqlgen's per-field machinery (2.2 k against
	// 6.8 k when it was written).
	allocs := func(plain bool, query string, vars map[string]any) float64 {
		return testing.AllocsPerRun(5, func() { send(t, plain, query, vars) })
	}
	if on, off := allocs(true, tests[0].query, tests[0].vars), allocs(false, tests[0].query, tests[0].vars); on > 0.8*off {
		t.Errorf("a career takes %.0f allocations with the fast path and %.0f without: it did not run", on, off)
	}
	// Likewise for plain objects nested in plain objects: a neighbourhood's
	// ~200 relationships, each with two entities (when it was written:
	// 22.8 k allocations without the fast path, 14.4 k when only the
	// entities were plain, 8.1 k with the relationships too).
	hood := `query($id: ID!) { neighborhood(id: $id, hops: 2) { relationships { type from { id } to { id } } } }`
	if on, off := allocs(true, hood, tests[0].vars), allocs(false, hood, tests[0].vars); on > 0.5*off {
		t.Errorf("a neighbourhood takes %.0f allocations with the fast path and %.0f without: the nested one did not run", on, off)
	}
	// Likewise a list of an interface type: a neighbourhood's ~100 nodes,
	// of several types, cost a few allocations, not several per node
	// (about 450 when each element was written on its own). The fields
	// selected are strings, which the fast path writes with no allocation.
	nodes := `query($id: ID!) { neighborhood(id: $id, hops: 2) { nodes { id name ... on Place { t: __typename } } relationships { type } } }`
	rels := `query($id: ID!) { neighborhood(id: $id, hops: 2) { relationships { type } } }`
	if with, without := allocs(true, nodes, tests[0].vars), allocs(true, rels, tests[0].vars); with-without > 40 {
		t.Errorf("a neighbourhood's nodes take %.0f allocations (%.0f with them, %.0f without): the list fast path did not run", with-without, with, without)
	}
	// An enum's values are written as strings too: the nodes' kinds cost
	// no allocation (about 200 when each was boxed, then quoted and
	// printed by its MarshalGQL).
	kinds := `query($id: ID!) { neighborhood(id: $id, hops: 2) { nodes { id name kind ... on Place { t: __typename } } relationships { type } } }`
	if with, without := allocs(true, kinds, tests[0].vars), allocs(true, nodes, tests[0].vars); with-without > 10 {
		t.Errorf("a neighbourhood's nodes' kinds take %.0f allocations (%.0f with them, %.0f without): they are not written as strings", with-without, with, without)
	}
	// Likewise the objects nested in a list's elements: a neighbourhood's
	// ~400 relationship ends share their collected fields and storage
	// (about 1,190 allocations when each end collected its fields and
	// took an object of its own, 33 when it was written).
	if with, without := allocs(true, hood, tests[0].vars), allocs(true, rels, tests[0].vars); with-without > 100 {
		t.Errorf("a neighbourhood's relationship ends take %.0f allocations (%.0f with them, %.0f without): they are not shared", with-without, with, without)
	}
	// A list of plain objects is written as one plainList, with one
	// CollectFields for all its elements: a career's 122 events (under
	// 4 posts) cost a few allocations, not several per event (658 when
	// each element was written on its own, 22 with plainList).
	steps := `query($id: ID!) { node(id: $id) { ... on Person { career { position { title } } } } }`
	events := `query($id: ID!) { node(id: $id) { ... on Person { career { position { title } events { date name } } } } }`
	if with, without := allocs(true, events, tests[0].vars), allocs(true, steps, tests[0].vars); with-without > 60 {
		t.Errorf("a career's events take %.0f allocations (%.0f with them, %.0f without): the list fast path did not run", with-without, with, without)
	}
}

// TestLoadedEndsAnswerAsLoader checks a post's person and organization
// as the post's read left them (model.Position's loaded ends): every
// answer must be byte for byte the one the resolvers give by loading the
// ends from the request's Nodes loader, and the posts must then take the
// fast path (far fewer allocations).
func TestLoadedEndsAnswerAsLoader(t *testing.T) {
	_, store := service(t)
	handlers := handlerPair(store, graph.WithResolvedEnds(graph.Options{}))
	person := kg.Ref{Kind: kg.Person, Key: "王国斌"}.ID()
	org := kg.Ref{Kind: kg.Organization, Key: "中共武威市委员会"}.ID()
	tests := []struct {
		name, query string
		vars        map[string]any
	}{
		{"career", `query($id: ID!) { node(id: $id) { ... on Person { name career { position { title start end organization { name } } events { date name } } } } }`, map[string]any{"id": person}},
		{"leadership", `query($id: ID!, $at: String) { node(id: $id) { ... on Organization { name positions(at: $at) { title start end person { name } } } } }`, map[string]any{"id": org, "at": "2023-06"}},
		{"both ends", `query($id: ID!) { node(id: $id) { ... on Person { positions { person { id name } organization { id name aliases positions { title person { name born } organization { name } } } } } } }`, map[string]any{"id": person}},
		{"timeline", `query($id: ID!) { node(id: $id) { ... on Organization { timeline { date kind position { title person { name } organization { name } } } } } }`, map[string]any{"id": org}},
		{"people's posts", `{ people(first: 20, orderBy: NAME) { edges { node { name positions { title organization { name mentionCount } } } } } }`, nil},
	}
	send := func(t *testing.T, loaded bool, q string, vars map[string]any) []byte {
		t.Helper()
		rec := post(t, handlers[loaded], q, vars)
		if rec.Code != http.StatusOK || bytes.Contains(rec.Body.Bytes(), []byte(`"errors"`)) {
			t.Fatalf("status %d: %.500s", rec.Code, rec.Body.Bytes())
		}
		return rec.Body.Bytes()
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			loaded, resolved := send(t, true, tt.query, tt.vars), send(t, false, tt.query, tt.vars)
			if !bytes.Equal(loaded, resolved) {
				t.Errorf("answers differ:\nloaded ends: %.2000s\nresolvers:   %.2000s", loaded, resolved)
			}
		})
	}
	// Without the loaded ends every post of the leadership (a dozen) runs
	// two resolvers in goroutines of their own (1.8 k allocations when it
	// was written, 1.1 k with them).
	allocs := func(loaded bool) float64 {
		return testing.AllocsPerRun(5, func() { send(t, loaded, tests[1].query, tests[1].vars) })
	}
	if on, off := allocs(true), allocs(false); on > 0.8*off {
		t.Errorf("a leadership takes %.0f allocations with the loaded ends and %.0f without: the fast path did not run", on, off)
	}
}

// handlerPair returns the service's GraphQL handler over store (true) and
// one that differs from it only in alt (false); each request gets its
// loaders as the service's do.
func handlerPair(store *neo4jstore.Store, alt graph.Options) map[bool]http.Handler {
	return map[bool]http.Handler{
		true:  dataloader.Middleware(store, graph.NewHandler(store, graph.Options{})),
		false: dataloader.Middleware(store, graph.NewHandler(store, alt)),
	}
}
