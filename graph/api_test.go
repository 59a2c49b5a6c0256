package graph_test

import (
	"compress/gzip"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"

	"github.com/yearbookkg/kg/api"
)

func TestQuickStartQuestion(t *testing.T) {
	h, _ := service(t)
	var out struct {
		Search []struct {
			Name      string
			Positions []struct {
				Title, End   string
				Organization struct {
					Name    string
					Aliases []string
				}
			}
		}
	}
	mustQuery(t, h, `{ search(query:"谢宏杰", kinds:[PERSON]) { ... on Person { name positions { title end organization { name aliases } } } } }`, nil, &out)
	if len(out.Search) != 1 || out.Search[0].Name != "谢宏杰" {
		t.Fatalf("search 谢宏杰: %+v", out.Search)
	}
	p := out.Search[0].Positions
	if len(p) == 0 || p[0].Title != "主任" || p[0].End != "2023-11" || p[0].Organization.Name != "市委办公室" || !strings.Contains(strings.Join(p[0].Organization.Aliases, ","), "市档案局") {
		t.Errorf("positions: %+v", p)
	}
}

func TestStatsCountsRosterOnce(t *testing.T) {
	h, _ := service(t)
	var out struct {
		Stats struct {
			People, Organizations, Places, Events, Projects, Relationships int
			ByKind                                                         []struct {
				Key   string
				Count int
			}
		}
		People struct{ TotalCount int }
	}
	mustQuery(t, h, `{ stats { people organizations places events projects relationships byKind { key count } } people(first: 0) { totalCount } }`, nil, &out)
	s := out.Stats
	if s.People < 235 || s.Organizations < 200 || s.Places < 100 || s.Events < 113 || s.Relationships < 1000 {
		t.Errorf("stats: %+v", s)
	}
	if out.People.TotalCount != s.People {
		t.Errorf("people totalCount %d, stats %d", out.People.TotalCount, s.People)
	}
	// Each roster person once: searching a name gives one person, except
	// the two people the roster keeps apart.
	for _, name := range []string{"柳鹏", "王国斌", "马秀兰", "孙光慧", "李万岳"} {
		var r struct{ Search []struct{ Name string } }
		mustQuery(t, h, `query($q: String!) { search(query: $q, kinds: [PERSON]) { name } }`, map[string]any{"q": name}, &r)
		n := 0
		for _, p := range r.Search {
			if p.Name == name {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%s: %d persons", name, n)
		}
	}
}

func TestLeadershipAtDate(t *testing.T) {
	h, _ := service(t)
	org := idOf(t, h, "ORGANIZATION", "中共武威市委员会")
	tests := []struct {
		at, want, notWant string
	}{
		{"2023-02", "柳鹏", "王国斌"},
		{"2023-06", "王国斌", "柳鹏"},
		{"2023-03", "王国斌", ""}, // the month of the change: both held the post in March
	}
	for _, tt := range tests {
		t.Run(tt.at, func(t *testing.T) {
			var out struct {
				Node struct {
					Positions []struct {
						Title  string
						Person struct{ Name string }
					}
				}
			}
			mustQuery(t, h, `query($id: ID!, $at: String) { node(id: $id) { ... on Organization { positions(at: $at) { title person { name } } } } }`,
				map[string]any{"id": org, "at": tt.at}, &out)
			secretaries := map[string]bool{}
			for _, p := range out.Node.Positions {
				if p.Title == "书记" {
					secretaries[p.Person.Name] = true
				}
			}
			if !secretaries[tt.want] || (tt.notWant != "" && secretaries[tt.notWant]) {
				t.Errorf("书记 at %s: %v", tt.at, secretaries)
			}
		})
	}
}

func TestTimelineAndCareer(t *testing.T) {
	h, _ := service(t)
	var out struct {
		Node struct {
			Timeline []struct {
				Date, Kind string
				Position   struct{ Person struct{ Name string } }
			}
		}
	}
	mustQuery(t, h, `query($id: ID!) { node(id: $id) { ... on Organization { timeline { date kind position { person { name } } } } } }`,
		map[string]any{"id": idOf(t, h, "ORGANIZATION", "市委办公室")}, &out)
	got := []string{}
	for _, c := range out.Node.Timeline {
		got = append(got, c.Date+" "+c.Kind+" "+c.Position.Person.Name)
	}
	if strings.Join(got, "; ") != "2023-11 END 谢宏杰; 2023-11 START 邓涛" {
		t.Errorf("timeline of 市委办公室: %v", got)
	}

	var c struct {
		Node struct {
			Career []struct {
				Position struct {
					Title, Start, End string
					Organization      struct{ Name string }
				}
				Events []struct{ Date string }
			}
		}
	}
	mustQuery(t, h, `query($id: ID!) { node(id: $id) { ... on Person { career { position { title start end organization { name } } events { date } } } } }`,
		map[string]any{"id": idOf(t, h, "PERSON", "王国斌")}, &c)
	var secretary, mayor bool
	for _, step := range c.Node.Career {
		p := step.Position
		if p.Title == "书记" && p.Start == "2023-03" {
			secretary = true
			for _, e := range step.Events {
				if e.Date < "2023-03" {
					t.Errorf("event %s before the post started", e.Date)
				}
			}
		}
		if p.Title == "市长" && p.End == "2023-03" {
			mayor = true
		}
	}
	if !secretary || !mayor {
		t.Errorf("career of 王国斌: %+v", c.Node.Career)
	}
}

func TestEventsAndDashboards(t *testing.T) {
	h, _ := service(t)
	var all struct {
		Events struct {
			TotalCount int
			Edges      []struct {
				Cursor string
				Node   struct{ Date, Name string }
			}
			PageInfo struct {
				HasNextPage bool
				EndCursor   string
			}
		}
		EventCounts []struct {
			Key   string
			Count int
		}
	}
	mustQuery(t, h, `{ events(from: "2023", to: "2023", first: 10) { totalCount edges { cursor node { date name } } pageInfo { hasNextPage endCursor } }
		eventCounts(groupBy: MONTH, from: "2023", to: "2023") { key count } }`, nil, &all)
	sum := 0
	for _, b := range all.EventCounts {
		sum += b.Count
	}
	if all.Events.TotalCount < 113 || sum != all.Events.TotalCount {
		t.Errorf("events in 2023: %d, monthly buckets sum to %d", all.Events.TotalCount, sum)
	}
	if len(all.Events.Edges) != 10 || !all.Events.PageInfo.HasNextPage {
		t.Fatalf("first page: %+v", all.Events.PageInfo)
	}
	for i := 1; i < len(all.Events.Edges); i++ {
		if all.Events.Edges[i].Node.Date < all.Events.Edges[i-1].Node.Date {
			t.Errorf("events not in date order")
		}
	}
	var next struct {
		Events struct {
			Edges []struct{ Node struct{ Date string } }
		}
	}
	mustQuery(t, h, `query($after: String) { events(from: "2023", to: "2023", first: 10, after: $after) { edges { node { date } } } }`,
		map[string]any{"after": all.Events.PageInfo.EndCursor}, &next)
	if len(next.Events.Edges) != 10 || next.Events.Edges[0].Node.Date < all.Events.Edges[9].Node.Date {
		t.Errorf("second page: %+v", next.Events.Edges)
	}

	// A county's events include those of its towns.
	county := idOf(t, h, "PLACE", "凉州区")
	var pl struct {
		Events struct{ TotalCount int }
		Node   struct {
			Events []struct{ ID string }
		}
		Places struct {
			Edges []struct {
				Node struct {
					Events []struct{ ID string }
				}
			}
		}
	}
	mustQuery(t, h, `query($id: ID!) { events(placeId: $id, first: 0) { totalCount } node(id: $id) { ... on Place { events(first: 500) { id } } }
		places(filter: {withinPlace: $id}, first: 100) { edges { node { events(first: 100) { id } } } } }`,
		map[string]any{"id": county}, &pl)
	direct := map[string]bool{}
	for _, e := range pl.Node.Events {
		direct[e.ID] = true
	}
	within := map[string]bool{}
	for _, p := range pl.Places.Edges {
		for _, e := range p.Node.Events {
			if !direct[e.ID] {
				within[e.ID] = true
			}
		}
	}
	if len(within) == 0 {
		t.Fatal("no event in a place within 凉州区: the test cannot tell descendants are included")
	}
	if pl.Events.TotalCount != len(direct)+len(within) {
		t.Errorf("events(placeId: 凉州区) = %d, want %d direct + %d within", pl.Events.TotalCount, len(direct), len(within))
	}

	var byPlace struct {
		EventCounts []struct {
			Label string
			Count int
		}
	}
	mustQuery(t, h, `{ eventCounts(groupBy: PLACE) { label count } }`, nil, &byPlace)
	if len(byPlace.EventCounts) == 0 {
		t.Error("no events counted by place")
	}
}

func TestPathAndNeighborhood(t *testing.T) {
	h, _ := service(t)
	from, to := idOf(t, h, "PERSON", "谢宏杰"), idOf(t, h, "PERSON", "贾福祥")
	var out struct {
		Path *struct {
			Length        int
			Nodes         []struct{ Name string }
			Relationships []struct {
				Type  string
				Title *string
				From  struct{ Name string }
			}
		}
		Neighborhood struct {
			Nodes         []struct{ ID string }
			Relationships []struct{ Type string }
		}
	}
	mustQuery(t, h, `query($a: ID!, $b: ID!) { path(from: $a, to: $b, maxHops: 6) { length nodes { name } relationships { type title from { name } } }
		neighborhood(id: $a, hops: 2, first: 30) { nodes { id } relationships { type } } }`, map[string]any{"a": from, "b": to}, &out)
	if out.Path == nil || out.Path.Length < 2 || len(out.Path.Nodes) != out.Path.Length+1 {
		t.Fatalf("path 谢宏杰 → 贾福祥: %+v", out.Path)
	}
	if out.Path.Nodes[0].Name != "谢宏杰" || out.Path.Nodes[len(out.Path.Nodes)-1].Name != "贾福祥" {
		t.Errorf("path ends: %+v", out.Path.Nodes)
	}
	if n := len(out.Neighborhood.Nodes); n < 3 || n > 31 || out.Neighborhood.Nodes[0].ID != from {
		t.Errorf("neighborhood: %d nodes", n)
	}
	if len(out.Neighborhood.Relationships) == 0 {
		t.Error("neighborhood without relationships")
	}
	var co struct {
		CoOccurrences []struct {
			Count  int
			Entity struct{ Name string }
		}
	}
	mustQuery(t, h, `query($id: ID!) { coOccurrences(id: $id, first: 5) { count entity { name } } }`, map[string]any{"id": idOf(t, h, "PERSON", "王国斌")}, &co)
	if len(co.CoOccurrences) == 0 || co.CoOccurrences[0].Count < 2 {
		t.Errorf("co-occurrences of 王国斌: %+v", co.CoOccurrences)
	}
}

func TestBrowsingLists(t *testing.T) {
	h, _ := service(t)
	var out struct {
		Places struct {
			TotalCount int
			Edges      []struct {
				Node struct{ Name, PlaceType string }
			}
		}
		People struct {
			Edges []struct {
				Node struct {
					Name         string
					MentionCount int
				}
			}
		}
		Organizations struct{ TotalCount int }
	}
	mustQuery(t, h, `query($county: ID!, $org: ID!) {
		places(filter: {withinPlace: $county, placeType: TOWN}, first: 100) { totalCount edges { node { name placeType } } }
		people(orderBy: MENTIONS, first: 3) { edges { node { name mentionCount } } }
		organizations(filter: {nameContains: "武威第"}) { totalCount }
		p2: people(filter: {positionAt: $org}) { totalCount }
	}`, map[string]any{"county": idOf(t, h, "PLACE", "凉州区"), "org": idOf(t, h, "ORGANIZATION", "市委办公室")}, &out)
	if out.Places.TotalCount < 30 {
		t.Errorf("towns of 凉州区: %d", out.Places.TotalCount)
	}
	for _, e := range out.Places.Edges {
		if e.Node.PlaceType != "TOWN" {
			t.Errorf("%s is %s", e.Node.Name, e.Node.PlaceType)
		}
	}
	if p := out.People.Edges; len(p) != 3 || p[0].Node.MentionCount < p[2].Node.MentionCount {
		t.Errorf("people by mentions: %+v", p)
	}
	if out.Organizations.TotalCount < 5 {
		t.Errorf("organizations containing 武威第: %d", out.Organizations.TotalCount)
	}
}

func TestSearchRanksExactFirst(t *testing.T) {
	h, _ := service(t)
	var out struct {
		A []struct {
			Name string
			Kind string
		}
		B []struct{ Name string }
	}
	mustQuery(t, h, `{ a: search(query: "凉州区") { name kind } b: search(query: "柳", kinds: [PERSON]) { name } }`, nil, &out)
	if len(out.A) == 0 || out.A[0].Name != "凉州区" {
		t.Errorf("search 凉州区: %+v", out.A)
	}
	found := false
	for _, p := range out.B {
		if p.Name == "柳鹏" {
			found = true
		}
	}
	if !found {
		t.Errorf("single-character search 柳: %+v", out.B)
	}
}

func TestErrorsCarryCodes(t *testing.T) {
	h, _ := service(t)
	deep := "{ people(first: 1) { edges { node { positions { organization { units { positions { person { positions { organization { parent { parent { name } } } } } } } } } } } } }"
	tests := []struct {
		name, query, code string
	}{
		{"invalid id", `{ node(id: "x") { id } }`, "BAD_USER_INPUT"},
		{"invalid date", `{ events(from: "2023-13") { totalCount } }`, "BAD_USER_INPUT"},
		{"invalid cursor", `{ events(after: "abc") { totalCount } }`, "BAD_USER_INPUT"},
		{"too many hops", `{ path(from: "per_aaaaaaaaaaaaaaaa", to: "per_bbbbbbbbbbbbbbbb", maxHops: 9) { length } }`, "BAD_USER_INPUT"},
		{"too deep", deep, "DEPTH_LIMIT"},
		{"too costly", `{ people(first: 500) { edges { node { events(first: 500) { people { name } } } } } }`, "COMPLEXITY_LIMIT"},
		{"syntax error", `{ stats { `, "GRAPHQL_PARSE_FAILED"},
		{"aliases repeating an expensive field", "{" + strings.Repeat(" a%d: neighborhood(id: \"per_aaaaaaaaaaaaaaaa\", hops: 3, first: 500) { nodes { id } }", 300) + " }", "COMPLEXITY_LIMIT"},
		{"injection in a search string", `{ search(query: "\"}) MATCH (n) DETACH DELETE n //") { id } }`, ""},
		{"unknown field", `{ nothing }`, "GRAPHQL_VALIDATION_FAILED"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := tt.query
			if strings.Contains(q, "a%d:") {
				q = numberAliases(q)
			}
			errs := query(t, h, q, nil, nil)
			if tt.code == "" {
				if len(errs) > 0 {
					t.Errorf("errors %+v", errs)
				}
				return
			}
			if len(errs) == 0 || errs[0].code() != tt.code {
				t.Errorf("errors %+v, want code %s", errs, tt.code)
			}
		})
	}
	// The graph is intact after the hostile queries.
	var out struct{ Stats struct{ People int } }
	mustQuery(t, h, `{ stats { people } }`, nil, &out)
	if out.Stats.People < 235 {
		t.Errorf("people after hostile queries: %d", out.Stats.People)
	}
}

// numberAliases replaces each "a%d:" with a distinct alias.
func numberAliases(q string) string {
	var b strings.Builder
	for i, part := range strings.Split(q, "a%d:") {
		if i > 0 {
			fmt.Fprintf(&b, "a%d:", i)
		}
		b.WriteString(part)
	}
	return b.String()
}

// TestHostileRequests sends requests that are not well-formed GraphQL
// requests at all: each gets a 4xx with a GraphQL error, never a 500.
func TestHostileRequests(t *testing.T) {
	h, _ := service(t)
	huge := `{"query":"{ stats { people } }` + strings.Repeat(" ", 2<<20) + `"}`
	tests := []struct {
		name, body, contentType string
	}{
		{"batched requests", `[{"query":"{ stats { people } }"},{"query":"{ stats { places } }"}]`, "application/json"},
		{"a body over the limit", huge, "application/json"},
		{"not JSON", `{"query": `, "application/json"},
		{"no query", `{}`, "application/json"},
		{"unknown content type", `stats`, "text/csv"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(tt.body))
			req.Header.Set("Content-Type", tt.contentType)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code < 400 || rec.Code >= 500 {
				t.Errorf("status %d: %s", rec.Code, truncate(rec.Body.String()))
			}
		})
	}
	// first is capped rather than obeyed.
	var out struct {
		Events struct{ Edges []struct{ Cursor string } }
	}
	mustQuery(t, h, `{ events(first: 1000000) { edges { cursor } } }`, nil, &out)
	if n := len(out.Events.Edges); n == 0 || n > 500 {
		t.Errorf("events(first: 1000000) gave %d edges", n)
	}
}

// TestNoNPlusOne proves the dataloaders: fifty people with their positions
// and organizations cost the same number of Cypher queries as five.
func TestNoNPlusOne(t *testing.T) {
	h, store := service(t)
	cost := func(n int) int64 {
		before := store.Queries()
		var out struct {
			People struct {
				Edges []struct {
					Node struct {
						Positions []struct {
							Organization struct {
								Name  string
								Units []struct{ Name string }
							}
						}
					}
				}
			}
		}
		mustQuery(t, h, `query($n: Int) { people(first: $n, orderBy: NAME) { edges { node { name positions { title organization { name units { name } } } } } } }`,
			map[string]any{"n": n}, &out)
		if len(out.People.Edges) != n {
			t.Fatalf("got %d people, want %d", len(out.People.Edges), n)
		}
		return store.Queries() - before
	}
	// Batches are collected for a few milliseconds, so a loaded machine can
	// split one in two; the fewest of three runs shows the design, and no
	// run may come near one query per person.
	best := func(n int) int64 {
		b := cost(n)
		for range 2 {
			b = min(b, cost(n))
		}
		return b
	}
	small, large := best(5), best(50)
	if large != small || large > 8 {
		t.Errorf("queries for 5 people: %d, for 50: %d; want the same small number", small, large)
	}
}

// TestQueriesPerRequest pins the number of Cypher queries of the
// representative requests (bench/loadgen): each is answered by one query,
// as its hand-written floor is, rather than one per level of nesting.
// Posts carry their other end, and paths and subgraphs their nodes, so
// that resolving person, organization, from and to costs nothing more.
func TestQueriesPerRequest(t *testing.T) {
	h, store := service(t)
	person, other := idOf(t, h, "PERSON", "谢宏杰"), idOf(t, h, "PERSON", "贾福祥")
	org, county := idOf(t, h, "ORGANIZATION", "市委办公室"), idOf(t, h, "PLACE", "凉州区")
	tests := []struct {
		name, query string
		vars        map[string]any
		want        int64
	}{
		{"career", `query($id: ID!) { node(id: $id) { ... on Person { name career { position { title organization { name } } events { date name } } } } }`,
			map[string]any{"id": person}, 1},
		{"career and posts", `query($id: ID!) { node(id: $id) { ... on Person { positions { title organization { name } } career { events { name } } } } }`,
			map[string]any{"id": person}, 1},
		{"leadership", `query($id: ID!) { node(id: $id) { ... on Organization { name positions(at: "2023-06") { title person { name } } } } }`,
			map[string]any{"id": org}, 1},
		{"county events", `query($p: ID) { events(placeId: $p, from: "2023-01", to: "2023-06") { totalCount edges { node { id name } } } }`,
			map[string]any{"p": county}, 1},
		{"search", `{ search(query: "武威") { id name } }`, nil, 1},
		{"neighborhood", `query($id: ID!) { neighborhood(id: $id, hops: 2) { nodes { id } relationships { type from { id } to { id ... on Person { name } } } } }`,
			map[string]any{"id": person}, 1},
		{"path", `query($a: ID!, $b: ID!) { path(from: $a, to: $b, maxHops: 6) { nodes { name } relationships { title from { name } to { name } } } }`,
			map[string]any{"a": person, "b": other}, 1},
		{"event counts", `{ eventCounts(groupBy: MONTH, from: "2023") { key count } }`, nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := store.Queries()
			var out map[string]any
			mustQuery(t, h, tt.query, tt.vars, &out)
			if got := store.Queries() - before; got != tt.want {
				t.Errorf("%d queries, want %d", got, tt.want)
			}
			if len(out) == 0 || fmt.Sprint(out) == "map[node:<nil>]" {
				t.Errorf("empty answer: %v", out)
			}
		})
	}
}

func TestHTTPEndpoints(t *testing.T) {
	h, _ := service(t)
	tests := []struct {
		method, path string
		header       map[string]string
		code         int
		contains     string
	}{
		{"GET", "/healthz", nil, 200, "ok"},
		{"GET", "/readyz", nil, 200, "ready"},
		{"GET", "/graphiql", nil, http.StatusFound, ""},
		{"GET", "/graphiql?query=%7Bstats%7Bpeople%7D%7D", nil, 200, "graphiql"},
		// The explorer's page (or, in a build without its bundle, the
		// page saying how to build it); / no longer redirects.
		{"GET", "/", nil, 200, "<!doctype html>"},
		{"GET", "/e/per_e3wwhdbq6qsxvfwj", nil, 200, "<!doctype html>"},
		{"GET", "/graphql?query=%7Bstats%7Bpeople%7D%7D", nil, 200, `"people"`},
		{"GET", "/graphql?query=%7Bstats%7Bpeople%7D%7D", map[string]string{"Accept": "application/graphql-response+json"}, 200, `"people"`},
		{"GET", "/metrics", nil, 200, "kg_http_requests_total"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, tt.path, nil)
			for k, v := range tt.header {
				req.Header.Set(k, v)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tt.code || !strings.Contains(strings.ToLower(rec.Body.String()), strings.ToLower(tt.contains)) {
				t.Errorf("%s %s: %d %q", tt.method, tt.path, rec.Code, truncate(rec.Body.String()))
			}
			if a := tt.header["Accept"]; a != "" && !strings.HasPrefix(rec.Header().Get("Content-Type"), a) {
				t.Errorf("content type %q, want %q", rec.Header().Get("Content-Type"), a)
			}
		})
	}
}

func truncate(s string) string {
	if len(s) > 200 {
		return s[:200]
	}
	return s
}

// TestPersistedQueriesGzipCORS covers what HTTP clients of the API expect
// beyond plain POST: automatic persisted queries, gzip and CORS preflight.
func TestPersistedQueriesGzipCORS(t *testing.T) {
	h, store := service(t)
	q := `{ stats { people } }`
	sum := sha256.Sum256([]byte(q))
	ext := fmt.Sprintf(`{"persistedQuery":{"version":1,"sha256Hash":"%x"}}`, sum)
	send := func(body string, header map[string]string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, "/graphql", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		for k, v := range header {
			req.Header.Set(k, v)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	if rec := send(`{"extensions":`+ext+`}`, nil); !strings.Contains(rec.Body.String(), "PersistedQueryNotFound") {
		t.Errorf("unknown hash: %s", rec.Body.String())
	}
	if rec := send(`{"query":"`+q+`","extensions":`+ext+`}`, nil); !strings.Contains(rec.Body.String(), `"people"`) {
		t.Errorf("register: %s", rec.Body.String())
	}
	if rec := send(`{"extensions":`+ext+`}`, nil); !strings.Contains(rec.Body.String(), `"people"`) {
		t.Errorf("by hash: %s", rec.Body.String())
	}

	// Small answers go uncompressed: they gain nothing and cost CPU.
	if rec := send(`{"query":"`+q+`"}`, map[string]string{"Accept-Encoding": "gzip"}); rec.Header().Get("Content-Encoding") != "" || !strings.Contains(rec.Body.String(), `"people"`) {
		t.Errorf("small answer: %v %.200s", rec.Header(), rec.Body.String())
	}
	// Up to 2 kB, not only up to gzhttp's default of 1 kB: an answer of
	// 1.5 kB (a hundred aliases of __typename) goes uncompressed too.
	var aliases strings.Builder
	for i := range 100 {
		fmt.Fprintf(&aliases, " a%03d: __typename", i)
	}
	if rec := send(`{"query":"{`+aliases.String()+` }"}`, map[string]string{"Accept-Encoding": "gzip"}); rec.Header().Get("Content-Encoding") != "" || rec.Body.Len() <= 1024 || rec.Body.Len() > 2048 {
		t.Errorf("answer of 1-2 kB: %v, %d bytes", rec.Header(), rec.Body.Len())
	}
	big := `{"query":"{ events(first: 200) { edges { node { name description } } } }"}`
	rec := send(big, map[string]string{"Accept-Encoding": "gzip"})
	if rec.Header().Get("Content-Encoding") != "gzip" {
		t.Fatalf("no gzip: %v", rec.Header())
	}
	zr, err := gzip.NewReader(rec.Body)
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := io.ReadAll(zr)
	if !strings.Contains(string(plain), `"edges"`) {
		t.Errorf("gzip body: %.200s", plain)
	}

	req := httptest.NewRequest(http.MethodOptions, "/graphql", nil)
	req.Header.Set("Origin", "https://dashboard.example")
	req.Header.Set("Access-Control-Request-Method", "POST")
	req.Header.Set("Access-Control-Request-Headers", "content-type")
	pre := httptest.NewRecorder()
	api.New(store, api.Options{CORSOrigins: []string{"https://dashboard.example"}}).ServeHTTP(pre, req)
	if pre.Header().Get("Access-Control-Allow-Origin") != "https://dashboard.example" {
		t.Errorf("CORS preflight: %d %v", pre.Code, pre.Header())
	}
}

// TestSelectedFieldsAreRead checks that the reads, which return only the
// optional properties the operation selects, find them however the
// operation selects them: directly, in an inline fragment, in a named
// fragment, on nodes primed by another read (a post's organization).
func TestSelectedFieldsAreRead(t *testing.T) {
	h, _ := service(t)
	person := idOf(t, h, "PERSON", "王国斌")
	tests := []struct {
		name, query string
	}{
		{"career organization", `query($id: ID!) { node(id: $id) { ... on Person { career { position { organization { mentionCount } } } } } }`},
		{"named fragment", `query($id: ID!) { node(id: $id) { ...P } } fragment P on Person { career { position { organization { ...O } } } } fragment O on Organization { mentionCount }`},
		{"neighbourhood", `query($id: ID!) { neighborhood(id: $id, hops: 1) { nodes { ... on Organization { mentionCount } } } }`},
		{"search", `query($id: ID!) { node(id: $id) { id } search(query: "武威", first: 5) { mentionCount } }`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out map[string]any
			mustQuery(t, h, tt.query, map[string]any{"id": person}, &out)
			b, _ := json.Marshal(out)
			if !regexp.MustCompile(`"mentionCount":[1-9]`).Match(b) {
				t.Errorf("no mentionCount above 0 in %.300s", b)
			}
		})
	}
}
