package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/textnorm"
	"github.com/yearbookkg/kg/neo4jstore"
)

// query is one representative query: its GraphQL form, the floor (the same
// data fetched by hand-written Cypher as auto-commit reads, no GraphQL),
// and the parameter sets its requests cycle through. Each side summarises
// what it got as a shape ("3 steps, 41 events") so that a run can show the
// two fetch the same data.
type query struct {
	name, title string
	graphql     string
	cypher      string
	params      []map[string]any // GraphQL variables; the floor reads the same
	floor       func(ctx context.Context, tx runner, cypher string, p map[string]any) (string, error)
	shape       func(data map[string]any) string
}

// The entities the queries ask about, by kind and match key, so that their
// IDs are kg.Ref IDs: stable across reloads and present in the synthetic
// yearbook synth-0 (the vendored one unchanged).
var (
	careerPeople = []string{"王国斌", "马秀兰", "柳鹏", "孙光慧", "曾国俊", "陆科", "焦健", "霍卫平"}
	leaderOrgs   = []string{"中共武威市委员会", "武威市人民政府", "武威市人民代表大会常务委员会", "市纪律检查委员会", "武威职业学院", "凉州区林业和草原局"}
	leaderDates  = []string{"2023-03", "2023-06", "2023-09", "2023-12"}
	counties     = []string{"凉州区", "民勤县", "古浪县", "天祝藏族自治县"}
	monthRanges  = [][2]string{{"2023-01", "2023-06"}, {"2023-04", "2023-09"}, {"2023-07", "2023-12"}, {"2023-01", "2023-12"}}
	twoChars     = []string{"武威", "凉州", "民勤", "古浪", "天祝", "黄羊"}
	hoodPeople   = []string{"王国斌", "马秀兰", "柳鹏", "孙光慧"}
	pathPairs    = [][2]string{{"王国斌", "贾福祥"}, {"柳鹏", "马秀兰"}, {"王国斌", "孙光慧"}, {"曾国俊", "陆科"}, {"焦健", "霍卫平"}, {"马秀兰", "孙光慧"}}
	countRanges  = [][2]string{{"2023", "2023"}, {"2023-01", "2023-06"}, {"2023-07", "2023-12"}}
)

func id(k kg.Kind, key string) string { return kg.Ref{Kind: k, Key: key}.ID() }

// domainTypes are the relationship types traversals follow (as in neo4jstore).
const domainTypes = "HELD_POSITION|PART_OF|LOCATED_IN|OCCURRED_IN|PARTICIPATED_IN|INVOLVES|OWNED_BY"

// queries returns the representative queries with their parameter sets.
func queries() []*query {
	var careers, hoods []map[string]any
	for _, p := range careerPeople {
		careers = append(careers, map[string]any{"id": id(kg.Person, p)})
	}
	for _, p := range hoodPeople {
		hoods = append(hoods, map[string]any{"id": id(kg.Person, p)})
	}
	var leaders []map[string]any
	for _, o := range leaderOrgs {
		for _, d := range leaderDates {
			leaders = append(leaders, map[string]any{"id": id(kg.Organization, o), "at": d})
		}
	}
	var events []map[string]any
	for _, c := range counties {
		for _, r := range monthRanges {
			events = append(events, map[string]any{"place": id(kg.Place, c), "from": r[0], "to": r[1]})
		}
	}
	var shorts, paths, counts []map[string]any
	for _, q := range twoChars {
		shorts = append(shorts, map[string]any{"q": q})
	}
	for _, p := range pathPairs {
		paths = append(paths, map[string]any{"from": id(kg.Person, p[0]), "to": id(kg.Person, p[1])})
	}
	for _, r := range countRanges {
		counts = append(counts, map[string]any{"from": r[0], "to": r[1]})
	}
	return []*query{
		{
			name: "career", title: "person with career",
			graphql: `query Career($id: ID!) { node(id: $id) { ... on Person { name career { position { title start end organization { name } } events { date name } } } } }`,
			cypher: `MATCH (p:Person {id: $id})
CALL (p) {
  MATCH (p)-[r:HELD_POSITION]->(o:Organization)
  WITH r, o ORDER BY coalesce(r.start, ''), r.line
  RETURN collect({title: r.title, start: r.start, end: r.end, note: r.note, concurrent: r.concurrent, org: o.id, orgName: o.name}) AS ps
}
CALL (p) {
  MATCH (p)-[:PARTICIPATED_IN]->(e:Event)
  WITH DISTINCT e ORDER BY e.date, e.name LIMIT 500
  RETURN collect({date: e.date, name: e.name}) AS es
}
RETURN p.name AS name, ps, es`,
			params: careers, floor: floorCareer, shape: shapeCareer,
		},
		{
			name: "leadership", title: "organization leadership at a date",
			graphql: `query Leadership($id: ID!, $at: String) { node(id: $id) { ... on Organization { name positions(at: $at) { title start end person { name } } } } }`,
			cypher: `MATCH (o:Organization {id: $id})
CALL (o) {
  MATCH (o)<-[r:HELD_POSITION]-(p:Person)
  WITH r, p ORDER BY coalesce(r.start, ''), r.line
  RETURN collect({title: r.title, start: r.start, end: r.end, note: r.note, concurrent: r.concurrent, person: p.id, personName: p.name}) AS ps
}
RETURN o.name AS name, ps`,
			params: leaders, floor: floorLeadership, shape: shapeLeadership,
		},
		{
			name: "county-events", title: "events of a county in a month range (with the places within)",
			graphql: `query CountyEvents($place: ID, $from: String, $to: String) { events(placeId: $place, from: $from, to: $to, first: 50) { totalCount edges { node { id date name } } } }`,
			cypher: `MATCH (:Place {id: $place})<-[:PART_OF*0..6]-(:Place)<-[:OCCURRED_IN]-(n:Event)
WHERE n.date >= $from AND n.date <= $to
WITH DISTINCT n ORDER BY n.date, n.id
WITH collect(n {.id, .date, .name}) AS ns
RETURN size(ns) AS total, ns[0..50] AS page`,
			params: events, floor: floorEvents, shape: shapeEvents,
		},
		{
			name: "search-name", title: `search("王国斌")`,
			graphql: searchGraphQL, cypher: searchCypher,
			params: []map[string]any{{"q": "王国斌"}}, floor: floorSearch, shape: shapeSearch,
		},
		{
			name: "search-2char", title: "search of two characters (武威, 凉州 …)",
			graphql: searchGraphQL, cypher: searchCypher,
			params: shorts, floor: floorSearch, shape: shapeSearch,
		},
		{
			name: "neighborhood", title: "2-hop neighbourhood of an official",
			graphql: `query Neighborhood($id: ID!) { neighborhood(id: $id, hops: 2) { nodes { id kind name } relationships { type from { id } to { id } } } }`,
			cypher: `MATCH (a:Entity {id: $id})
CALL (a) {
  MATCH (a)-[:` + domainTypes + `]-(m:Entity) WHERE m <> a
  WITH DISTINCT m ORDER BY m.mentionCount DESC, m.id LIMIT 400
  RETURN collect(m) AS h1
}
CALL (a, h1) {
  UNWIND CASE WHEN size(h1) < 100 THEN h1 ELSE [] END AS x
  MATCH (x)-[:` + domainTypes + `]-(m:Entity) WHERE m <> a AND NOT m IN h1
  WITH DISTINCT m ORDER BY m.mentionCount DESC, m.id LIMIT 400
  RETURN collect(m) AS h2
}
WITH [a] + (h1 + h2)[0..100] AS ns
CALL (ns) {
  UNWIND ns AS x
  MATCH (x)-[r:` + domainTypes + `]->(y:Entity) WHERE y IN ns
  RETURN collect({type: type(r), from: x.id, to: y.id}) AS rels
}
RETURN [n IN ns | n {.id, .kind, .name}] AS nodes, rels`,
			params: hoods, floor: floorNeighborhood, shape: shapeNeighborhood,
		},
		{
			name: "path", title: "shortest path between two officials",
			graphql: `query Path($from: ID!, $to: ID!) { path(from: $from, to: $to, maxHops: 6) { length nodes { id kind name } relationships { type title start end from { name } to { name } source { page line quote } } } }`,
			cypher: `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = shortestPath((a)-[:` + domainTypes + `*..6]-(b))
RETURN [n IN nodes(p) | n {.id, .kind, .name}] AS nodes,
       [r IN relationships(p) | {type: type(r), title: r.title, start: r.start, end: r.end,
         from: startNode(r).name, to: endNode(r).name, page: r.page, line: r.line, quote: r.quote}] AS rels`,
			params: paths, floor: floorPath, shape: shapePath,
		},
		{
			name: "event-counts", title: "eventCounts(groupBy: MONTH)",
			graphql: `query Counts($from: String, $to: String) { eventCounts(groupBy: MONTH, from: $from, to: $to) { key label count } }`,
			cypher: `MATCH (n:Event) WHERE n.date >= $from AND n.date <= $to
WITH DISTINCT n
WITH substring(n.date, 0, 7) AS key
RETURN key, count(*) AS c ORDER BY key`,
			params: counts, floor: floorCounts, shape: shapeCounts,
		},
	}
}

const searchGraphQL = `query Search($q: String!) { search(query: $q, first: 20) { id kind name } }`

const searchCypher = `CALL () {
  MATCH (:Name {key: $key})-[:NAMES]->(n:Entity)
  WITH DISTINCT n ORDER BY n.mentionCount DESC LIMIT 20
  RETURN collect(n {.id, .kind, .name}) AS exact
}
CALL () {
  CALL db.index.fulltext.queryNodes('entity_fulltext', $lucene, {limit: 80}) YIELD node AS n, score
  WITH n ORDER BY score DESC, n.mentionCount DESC LIMIT 20
  RETURN collect(n {.id, .kind, .name}) AS text
}
RETURN exact, text`

// runner runs one query: an auto-commit query of a read session for the
// floor (autoCommit), a managed transaction where plans are profiled.
type runner interface {
	Run(ctx context.Context, cypher string, params map[string]any) (neo4j.ResultWithContext, error)
}

// collect runs cypher and returns its records.
func collect(ctx context.Context, tx runner, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

func get[T any](r *neo4j.Record, key string) T {
	v, _ := r.Get(key)
	t, _ := v.(T)
	return t
}

func str(v any) string { s, _ := v.(string); return s }

// positions reads the floor's posts and merges the statements of one post
// as the service does (neo4jstore.CollapsePositions), so both sides count
// the same posts. One side of each post is set: the organization of a
// person's post, or the person of an organization's.
func positions(rows []any) []neo4jstore.Position {
	var ps []neo4jstore.Position
	for _, row := range rows {
		m := row.(map[string]any)
		p := neo4jstore.Position{Title: str(m["title"]), Start: str(m["start"]), End: str(m["end"]), Note: str(m["note"])}
		p.Concurrent, _ = m["concurrent"].(bool)
		if o, ok := m["org"]; ok {
			p.OrganizationID = str(o)
		} else {
			p.PersonID = str(m["person"])
		}
		ps = append(ps, p)
	}
	return neo4jstore.CollapsePositions(ps)
}

func floorCareer(ctx context.Context, tx runner, cypher string, p map[string]any) (string, error) {
	recs, err := collect(ctx, tx, cypher, p)
	if err != nil || len(recs) == 0 {
		return "none", err
	}
	ps := positions(get[[]any](recs[0], "ps"))
	events := get[[]any](recs[0], "es")
	n := 0
	for _, pos := range ps {
		for _, e := range events {
			if kg.HeldAt(pos.Start, pos.End, str(e.(map[string]any)["date"])) {
				n++
			}
		}
	}
	return fmt.Sprintf("%d steps, %d events", len(ps), n), nil
}

func shapeCareer(d map[string]any) string {
	node, _ := d["node"].(map[string]any)
	if node == nil {
		return "none"
	}
	steps, _ := node["career"].([]any)
	n := 0
	for _, s := range steps {
		es, _ := s.(map[string]any)["events"].([]any)
		n += len(es)
	}
	return fmt.Sprintf("%d steps, %d events", len(steps), n)
}

func floorLeadership(ctx context.Context, tx runner, cypher string, p map[string]any) (string, error) {
	recs, err := collect(ctx, tx, cypher, p)
	if err != nil || len(recs) == 0 {
		return "none", err
	}
	at := str(p["at"])
	n := 0
	for _, pos := range positions(get[[]any](recs[0], "ps")) {
		if kg.HeldAt(pos.Start, pos.End, at) {
			n++
		}
	}
	return fmt.Sprintf("%d posts", n), nil
}

func shapeLeadership(d map[string]any) string {
	node, _ := d["node"].(map[string]any)
	if node == nil {
		return "none"
	}
	ps, _ := node["positions"].([]any)
	return fmt.Sprintf("%d posts", len(ps))
}

// eventParams adds the inclusive upper bound the store uses: "2023-06"
// includes 2023-06-30.
func eventParams(p map[string]any) map[string]any {
	q := map[string]any{}
	for k, v := range p {
		q[k] = v
	}
	q["to"] = str(p["to"]) + "\uffff"
	return q
}

func floorEvents(ctx context.Context, tx runner, cypher string, p map[string]any) (string, error) {
	recs, err := collect(ctx, tx, cypher, eventParams(p))
	if err != nil || len(recs) == 0 {
		return "none", err
	}
	return fmt.Sprintf("%d events, page %d", get[int64](recs[0], "total"), len(get[[]any](recs[0], "page"))), nil
}

func shapeEvents(d map[string]any) string {
	ev, _ := d["events"].(map[string]any)
	if ev == nil {
		return "none"
	}
	total, _ := ev["totalCount"].(float64)
	edges, _ := ev["edges"].([]any)
	return fmt.Sprintf("%d events, page %d", int(total), len(edges))
}

// lucene quotes a query as a phrase, escaping Lucene's syntax, as the
// store does.
func lucene(q string) string {
	var b strings.Builder
	for _, r := range q {
		if strings.ContainsRune(`+-&|!(){}[]^"~*?:\/`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return `"` + b.String() + `"`
}

func floorSearch(ctx context.Context, tx runner, cypher string, p map[string]any) (string, error) {
	q := strings.TrimSpace(str(p["q"]))
	recs, err := collect(ctx, tx, cypher, map[string]any{"key": textnorm.Key(q), "lucene": lucene(q)})
	if err != nil || len(recs) == 0 {
		return "none", err
	}
	seen := map[string]bool{}
	var ids []string
	for _, list := range [][]any{get[[]any](recs[0], "exact"), get[[]any](recs[0], "text")} {
		for _, n := range list {
			id := str(n.(map[string]any)["id"])
			if !seen[id] && len(ids) < 20 {
				seen[id] = true
				ids = append(ids, id)
			}
		}
	}
	return searchShape(ids), nil
}

func searchShape(ids []string) string {
	if len(ids) == 0 {
		return "0 results"
	}
	return fmt.Sprintf("%d results, first %s", len(ids), ids[0])
}

func shapeSearch(d map[string]any) string {
	rs, _ := d["search"].([]any)
	var ids []string
	for _, r := range rs {
		ids = append(ids, str(r.(map[string]any)["id"]))
	}
	return searchShape(ids)
}

func floorNeighborhood(ctx context.Context, tx runner, cypher string, p map[string]any) (string, error) {
	recs, err := collect(ctx, tx, cypher, p)
	if err != nil || len(recs) == 0 {
		return "none", err
	}
	return fmt.Sprintf("%d nodes, %d relationships", len(get[[]any](recs[0], "nodes")), len(get[[]any](recs[0], "rels"))), nil
}

func shapeNeighborhood(d map[string]any) string {
	sub, _ := d["neighborhood"].(map[string]any)
	if sub == nil {
		return "none"
	}
	ns, _ := sub["nodes"].([]any)
	rs, _ := sub["relationships"].([]any)
	return fmt.Sprintf("%d nodes, %d relationships", len(ns), len(rs))
}

func floorPath(ctx context.Context, tx runner, cypher string, p map[string]any) (string, error) {
	recs, err := collect(ctx, tx, cypher, p)
	if err != nil || len(recs) == 0 {
		return "no path", err
	}
	return fmt.Sprintf("length %d", len(get[[]any](recs[0], "rels"))), nil
}

func shapePath(d map[string]any) string {
	path, _ := d["path"].(map[string]any)
	if path == nil {
		return "no path"
	}
	n, _ := path["length"].(float64)
	return fmt.Sprintf("length %d", int(n))
}

func floorCounts(ctx context.Context, tx runner, cypher string, p map[string]any) (string, error) {
	recs, err := collect(ctx, tx, cypher, eventParams(p))
	if err != nil {
		return "", err
	}
	sum := 0
	for _, r := range recs {
		sum += int(get[int64](r, "c"))
	}
	return fmt.Sprintf("%d buckets, %d events", len(recs), sum), nil
}

func shapeCounts(d map[string]any) string {
	bs, _ := d["eventCounts"].([]any)
	sum := 0
	for _, b := range bs {
		c, _ := b.(map[string]any)["count"].(float64)
		sum += int(c)
	}
	return fmt.Sprintf("%d buckets, %d events", len(bs), sum)
}
