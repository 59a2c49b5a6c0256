package neo4jstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/yearbookkg/kg"
)

// domainTypes is the relationship pattern of traversals: the facts between
// entities, never the bookkeeping (MENTIONED_IN, NAMES, HONORED).
var domainTypes = strings.Join([]string{kg.HeldPosition, kg.PartOf, kg.LocatedIn, kg.OccurredIn, kg.ParticipatedIn, kg.Involves, kg.OwnedBy}, "|")

// Rel is a relationship read back from the graph.
type Rel struct {
	Type     string
	From, To string
	Props    map[string]string
	Source   kg.Source
}

// toRel converts a list projected by relProjectionOf to a Rel. Props is
// nil when the properties were not read.
func toRel(v any) Rel {
	l, _ := v.([]any)
	if len(l) < 3 {
		return Rel{}
	}
	r := Rel{Type: str(l[0]), From: str(l[1]), To: str(l[2])}
	if len(l) > 3 {
		if p, ok := l[3].(map[string]any); ok {
			r.Source = toSource(p)
			r.Props = make(map[string]string, len(p))
			for k, v := range p {
				if s, ok := v.(string); ok {
					r.Props[k] = s
				}
			}
		}
	}
	return r
}

// Detail tells traversals which of the long texts to read: events'
// descriptions, and relationships' facts (title, dates and the source's
// quote). A client that draws a graph asks for neither; Bolt then carries
// a fraction of the bytes.
type Detail struct {
	Descriptions, RelationshipFacts bool
}

// All is every detail.
var All = Detail{Descriptions: true, RelationshipFacts: true}

// relProjectionOf projects r from x to y (Cypher expressions of their
// IDs) as a list, [type, from, to], with its properties as a fourth entry
// when d asks for them; toRel reads it back. A list rather than a map, as
// nodeList: the driver decodes no key strings and builds no map per
// relationship (a neighbourhood has ~200).
func relProjectionOf(from, to string, d Detail) string {
	if d.RelationshipFacts {
		return "[type(r), " + from + ", " + to + ", properties(r)]"
	}
	return "[type(r), " + from + ", " + to + "]"
}

// Path is a chain of entities and the relationships between them.
type Path struct {
	Nodes []*Node
	Rels  []Rel
}

// ShortestPath returns a shortest path of at most maxHops relationships
// between two entities, or nil when there is none, with the details d
// asks for.
func (s *Store) ShortestPath(ctx context.Context, from, to string, maxHops int, d Detail) (*Path, error) {
	if maxHops < 1 || maxHops > 6 {
		return nil, kg.Errorf(kg.EINVALID, "maxHops must be between 1 and 6")
	}
	// The bound is a validated integer: variable-length bounds cannot be
	// parameters.
	fields := fieldsOf(ctx, d.Descriptions)
	cypher := fmt.Sprintf(`
		MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
		MATCH p = shortestPath((a)-[:%s*..%d]-(b))
		RETURN [n IN nodes(p) | %s] AS ns, [r IN relationships(p) | %s] AS rs`, domainTypes, maxHops, nodeList("n", "", fields),
		relProjectionOf("startNode(r).id", "endNode(r).id", d))
	return read(ctx, s, func(tx querier) (*Path, error) {
		if from == to {
			recs, err := run(ctx, s, tx, "MATCH (a:Entity {id: $from}) RETURN "+nodeList("a", "", fields)+" AS a", map[string]any{"from": from})
			if err != nil || len(recs) == 0 {
				return nil, err
			}
			v, _ := recs[0].Get("a")
			return &Path{Nodes: []*Node{toNodeList(v, "", fields)}}, nil
		}
		recs, err := run(ctx, s, tx, cypher, map[string]any{"from": from, "to": to})
		if err != nil || len(recs) == 0 {
			return nil, err
		}
		return toPath(recs[0], fields), nil
	})
}

// neighborhoodQuery is the Cypher of Neighborhood for a number of hops
// (a validated integer: it unrolls the hops). Each hop expands only the
// neighbours the previous hops kept (at most $limit each, nearest and most
// mentioned first, those of the kinds asked for first), and stops once
// $first entities of those kinds are found.
func neighborhoodQuery(hops int, kinds bool, d Detail, f Fields) string {
	keep := func(v string) string {
		if !kinds {
			return "true"
		}
		return "any(l IN labels(" + v + ") WHERE l IN $labels)"
	}
	var b strings.Builder
	b.WriteString("MATCH (a:Entity {id: $id})\nWITH a, [a] AS seen, [a] AS frontier, [] AS found\n")
	for h := 0; h < hops; h++ {
		fmt.Fprintf(&b, `CALL (seen, frontier, found) {
  UNWIND CASE WHEN size(found) < $first THEN frontier ELSE [] END AS x
  MATCH (x)-[:%s]-(m:Entity) WHERE NOT m IN seen
  WITH DISTINCT m
  WITH m, %s AS keep ORDER BY keep DESC, m.mentionCount DESC, m.id LIMIT $limit
  RETURN collect(m) AS hop, [n IN collect(CASE WHEN keep THEN m END) WHERE n IS NOT NULL] AS kept
}
WITH a, seen + hop AS seen, hop AS frontier, found + kept AS found
`, domainTypes, keep("m"))
	}
	fmt.Fprintf(&b, `WITH [a] + found[0..$first] AS ns
CALL (ns) {
  UNWIND ns AS x
  MATCH (x)-[r:%s]->(y:Entity) WHERE y IN ns
  RETURN collect(%s) AS rs
}
RETURN [n IN ns | %s] AS ns, rs`, domainTypes, relProjectionOf("x.id", "y.id", d), nodeList("n", "", f))
	return b.String()
}

// Neighborhood returns the entities within hops (1–3) of id, nearest and
// most mentioned first, at most first of them (besides id itself), and the
// relationships among them. Each hop expands only the entities kept so
// far, so a hub (a city with thousands of events) cannot blow up the query.
// kinds, when not empty, limits the entities returned (traversal passes
// through every kind). It is one query: the hops, the relationships and
// the projection of the nodes all run in the database. d says which
// long texts to read.
func (s *Store) Neighborhood(ctx context.Context, id string, hops int, kinds []kg.Kind, first int, d Detail) (*Path, error) {
	if hops < 1 || hops > 3 {
		return nil, kg.Errorf(kg.EINVALID, "hops must be between 1 and 3")
	}
	labels := make([]string, len(kinds))
	for i, k := range kinds {
		labels[i] = k.Label()
	}
	params := map[string]any{"id": id, "labels": labels, "first": first, "limit": 4 * first}
	fields := fieldsOf(ctx, d.Descriptions)
	return read(ctx, s, func(tx querier) (*Path, error) {
		recs, err := run(ctx, s, tx, neighborhoodQuery(hops, len(labels) > 0, d, fields), params)
		if err != nil || len(recs) == 0 {
			return nil, err
		}
		return toPath(recs[0], fields), nil
	})
}

// CoOccurrence is an entity and the number of events it shares.
type CoOccurrence struct {
	Node  *Node
	Count int
}

// CoOccurrences returns the entities that share the most events with id.
func (s *Store) CoOccurrences(ctx context.Context, id string, first int) ([]CoOccurrence, error) {
	return read(ctx, s, func(tx querier) ([]CoOccurrence, error) {
		recs, err := run(ctx, s, tx, `
			MATCH (a:Entity {id: $id})-[:PARTICIPATED_IN|OCCURRED_IN|INVOLVES]-(e:Event)-[:PARTICIPATED_IN|OCCURRED_IN|INVOLVES]-(b:Entity)
			WHERE b <> a
			WITH b, count(DISTINCT e) AS c
			RETURN b, c ORDER BY c DESC, b.mentionCount DESC, b.id LIMIT $first`, map[string]any{"id": id, "first": first})
		if err != nil {
			return nil, err
		}
		var out []CoOccurrence
		for _, r := range recs {
			b, _ := r.Get("b")
			c, _ := r.Get("c")
			out = append(out, CoOccurrence{Node: toNode(b), Count: int(c.(int64))})
		}
		return out, nil
	})
}

// EventFilter selects events. Empty fields do not filter. From and To are
// ISO dates at any precision, inclusive.
type EventFilter struct {
	From, To                                     string
	PlaceID, PersonID, OrganizationID, ProjectID string
}

// match returns the MATCH clause that selects the filter's events as n,
// starting from the most selective index: the entity the filter names,
// else the event date index. A place includes the places within it.
func (f EventFilter) match() (string, map[string]any) {
	to := f.To
	if to == "" {
		to = "9999"
	}
	params := map[string]any{"from": f.From, "to": to + "\uffff", "place": f.PlaceID, "person": f.PersonID, "org": f.OrganizationID, "project": f.ProjectID}
	var parts []string
	if f.PlaceID != "" {
		parts = append(parts, "MATCH (:Place {id: $place})<-[:PART_OF*0..6]-(:Place)<-[:OCCURRED_IN]-(n:Event)")
	}
	if f.PersonID != "" {
		parts = append(parts, "MATCH (:Person {id: $person})-[:PARTICIPATED_IN]->(n:Event)")
	}
	if f.OrganizationID != "" {
		parts = append(parts, "MATCH (:Organization {id: $org})-[:PARTICIPATED_IN]->(n:Event)")
	}
	if f.ProjectID != "" {
		parts = append(parts, "MATCH (n:Event)-[:INVOLVES]->(:Project {id: $project})")
	}
	if len(parts) == 0 {
		parts = append(parts, "MATCH (n:Event)")
	}
	return strings.Join(parts, "\n") + "\nWHERE n.date >= $from AND n.date <= $to\nWITH DISTINCT n", params
}

// EventsWhere returns a page of the filter's events in date order, and
// their total, counted by the database in the same query. desc includes
// the events' descriptions.
func (s *Store) EventsWhere(ctx context.Context, f EventFilter, offset, first int, desc bool) (*EventPage, error) {
	match, params := f.match()
	params["offset"], params["end"] = offset, offset+first
	return read(ctx, s, func(tx querier) (*EventPage, error) {
		total, nodes, err := countAndPage(ctx, s, tx, match, "n.date, n.id", desc, params)
		if err != nil {
			return nil, err
		}
		page := &EventPage{Total: total, StartIndex: offset, Nodes: nodes}
		page.HasNext = offset+len(page.Nodes) < page.Total
		return page, nil
	})
}

// countAndPage runs match (which ends with WITH DISTINCT n) once, and
// returns how many rows it has and the rows $offset to $end in order: one
// query instead of a count and a page, each of which would run match.
func countAndPage(ctx context.Context, s *Store, tx querier, match, order string, desc bool, params map[string]any) (int, []*Node, error) {
	f := fieldsOf(ctx, desc)
	recs, err := run(ctx, s, tx, match+`
		WITH n ORDER BY `+order+`
		WITH collect(n) AS ns
		RETURN size(ns) AS total, [n IN ns[$offset..$end] | `+nodeList("n", "", f)+`] AS page`, params)
	if err != nil || len(recs) == 0 {
		return 0, nil, err
	}
	t, _ := recs[0].Get("total")
	pv, _ := recs[0].Get("page")
	var nodes []*Node
	for _, v := range pv.([]any) {
		nodes = append(nodes, toNodeList(v, "", f))
	}
	total, _ := t.(int64)
	return int(total), nodes, nil
}

// Bucket is a count under a key.
type Bucket struct {
	Key, Label string
	Count      int
}

// EventCounts counts the filter's events by month (year-only dates under
// the year), by county-level place (the district or county an event's
// place lies in; the city for city-wide places), or by participating
// organization.
func (s *Store) EventCounts(ctx context.Context, groupBy string, f EventFilter) ([]Bucket, error) {
	match, params := f.match()
	var tail string
	switch groupBy {
	case "MONTH":
		tail = "WITH substring(n.date, 0, 7) AS key RETURN key, key AS label, count(*) AS c ORDER BY key"
	case "PLACE":
		tail = `MATCH (n)-[:OCCURRED_IN]->(p:Place)
			OPTIONAL MATCH (p)-[:PART_OF*0..6]->(c:Place) WHERE c.placeType IN ['DISTRICT', 'COUNTY']
			WITH n, coalesce(c, p) AS b
			WITH b, count(DISTINCT n) AS c
			RETURN b.id AS key, b.name AS label, c ORDER BY c DESC, label`
	case "ORGANIZATION":
		tail = `MATCH (o:Organization)-[:PARTICIPATED_IN]->(n)
			WITH o, count(DISTINCT n) AS c
			RETURN o.id AS key, o.name AS label, c ORDER BY c DESC, label LIMIT 200`
	default:
		return nil, kg.Errorf(kg.EINVALID, "unknown groupBy %q", groupBy)
	}
	return read(ctx, s, func(tx querier) ([]Bucket, error) {
		recs, err := run(ctx, s, tx, match+"\n"+tail, params)
		if err != nil {
			return nil, err
		}
		out := []Bucket{}
		for _, r := range recs {
			k, _ := r.Get("key")
			l, _ := r.Get("label")
			c, _ := r.Get("c")
			out = append(out, Bucket{Key: str(k), Label: str(l), Count: int(c.(int64))})
		}
		return out, nil
	})
}

// ListFilter selects entities of one kind for browsing.
type ListFilter struct {
	Kind         kg.Kind
	NameContains string
	PlaceType    string
	WithinPlace  string // places: lies within; others: located in / took part in events within
	PositionAt   string // people: held a post in the organization or one of its units
	Organization string // projects: owned by
}

// List returns a page of entities of f.Kind, ordered by "NAME",
// "MENTIONS" or "DATE", and their total.
func (s *Store) List(ctx context.Context, f ListFilter, order string, offset, first int) ([]*Node, int, error) {
	label := f.Kind.Label()
	if label == "" {
		return nil, 0, kg.Errorf(kg.EINVALID, "unknown kind %q", f.Kind)
	}
	params := map[string]any{"q": f.NameContains, "type": f.PlaceType, "place": f.WithinPlace, "org": f.PositionAt, "owner": f.Organization, "offset": offset, "first": first}
	var match []string
	switch {
	case f.PositionAt != "" && f.Kind == kg.Person:
		match = append(match, "MATCH (:Organization {id: $org})<-[:PART_OF*0..3]-(:Organization)<-[:HELD_POSITION]-(n:Person)")
	case f.Organization != "" && f.Kind == kg.Project:
		match = append(match, "MATCH (:Organization {id: $owner})<-[:OWNED_BY]-(n:Project)")
	}
	if f.WithinPlace != "" {
		switch f.Kind {
		case kg.Place:
			match = append(match, "MATCH (:Place {id: $place})<-[:PART_OF*1..6]-(n:Place)")
		case kg.Person:
			match = append(match, "MATCH (:Place {id: $place})<-[:PART_OF*0..6]-(:Place)<-[:OCCURRED_IN]-(:Event)<-[:PARTICIPATED_IN]-(n:Person)")
		case kg.Event:
			match = append(match, "MATCH (:Place {id: $place})<-[:PART_OF*0..6]-(:Place)<-[:OCCURRED_IN]-(n:Event)")
		default:
			match = append(match, fmt.Sprintf("MATCH (:Place {id: $place})<-[:PART_OF*0..6]-(:Place)<-[:LOCATED_IN]-(n:%s)", label))
		}
	}
	if len(match) == 0 {
		match = append(match, "MATCH (n:"+label+")")
	}
	where := []string{"true"}
	if f.NameContains != "" {
		where = append(where, "(n.name CONTAINS $q OR n.aliasText CONTAINS $q)")
	}
	if f.PlaceType != "" {
		where = append(where, "n.placeType = $type")
	}
	q := strings.Join(match, "\n") + "\nWHERE " + strings.Join(where, " AND ") + "\nWITH DISTINCT n"
	orderBy := "n.name, n.id"
	switch order {
	case "MENTIONS":
		orderBy = "n.mentionCount DESC, n.name, n.id"
	case "DATE":
		if f.Kind == kg.Event {
			orderBy = "n.date, n.id"
		}
	}
	type page struct {
		nodes []*Node
		total int
	}
	params["end"] = offset + first
	p, err := read(ctx, s, func(tx querier) (page, error) {
		total, nodes, err := countAndPage(ctx, s, tx, q, orderBy, true, params)
		return page{nodes: nodes, total: total}, err
	})
	return p.nodes, p.total, err
}

// toPath reads a record's node list ns (nodeList(_, "", f)) and
// relationship list rs (relProjectionOf), the shape that the path and
// neighbourhood queries both return.
func toPath(rec *neo4j.Record, f Fields) *Path {
	ns, _ := rec.Get("ns")
	rs, _ := rec.Get("rs")
	nl, _ := ns.([]any)
	rl, _ := rs.([]any)
	out := &Path{Nodes: make([]*Node, 0, len(nl)), Rels: make([]Rel, 0, len(rl))}
	for _, n := range nl {
		out.Nodes = append(out.Nodes, toNodeList(n, "", f))
	}
	for _, r := range rl {
		out.Rels = append(out.Rels, toRel(r))
	}
	return out
}
