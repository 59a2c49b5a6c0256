package neo4jstore

import (
	"context"
	"fmt"

	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// Node is an entity as read back from the graph.
type Node struct {
	ID           string
	Kind         kg.Kind
	Name         string
	Aliases      []string
	Props        map[string]string // gender, ethnicity, placeType, date, description …
	MentionCount int
}

// Prop returns a pointer to the property, or nil when it is absent, the
// shape GraphQL's optional strings want.
func (n *Node) Prop(k string) *string {
	if v := n.Props[k]; v != "" {
		p := new(string) // allocated only when present, unlike &v
		*p = v
		return p
	}
	return nil
}

// entityFields are the node properties that are not kind-specific props.
var entityFields = map[string]bool{"id": true, "key": true, "kind": true, "name": true, "aliases": true, "aliasText": true, "yearbooks": true, "mentionCount": true}

// toNode converts a whole node to a Node (reads that return few nodes
// read them whole; nodeList projects the others).
func toNode(v any) *Node {
	dn, ok := v.(dbtype.Node)
	if !ok {
		return nil
	}
	p := dn.Props
	n := &Node{ID: str(p["id"]), Kind: kg.Kind(str(p["kind"])), Name: str(p["name"]), Props: make(map[string]string, len(p))}
	if c, ok := p["mentionCount"].(int64); ok {
		n.MentionCount = int(c)
	}
	if as, ok := p["aliases"].([]any); ok {
		n.Aliases = make([]string, 0, len(as))
		for _, a := range as {
			n.Aliases = append(n.Aliases, str(a))
		}
	}
	for k, v := range p {
		if !entityFields[k] {
			if s, ok := v.(string); ok {
				n.Props[k] = s
			}
		}
	}
	return n
}

// Fields is a set of the optional properties of entities (the API's
// fields beyond id, kind and name). Reads return only the properties of
// the set in the request's context (WithFields), so that an answer that
// shows ten fields of a hundred events does not carry, and the driver
// decode, fourteen keys of each: the projection was half of a career's
// database time. Every node one request reads has the same set, which
// keeps the nodes the dataloaders share consistent.
type Fields uint16

// The optional properties, by the names of their API fields (which are
// the names of the node properties).
const (
	FieldAliases Fields = 1 << iota
	FieldMentionCount
	FieldGender
	FieldEthnicity
	FieldBorn
	FieldPlaceType
	FieldEndDate
	FieldCategory
	FieldInvestment
	FieldStatus
	FieldDescription

	// AllFields is every optional property: what a read returns when its
	// context names none.
	AllFields = FieldDescription<<1 - 1
)

// fieldNames are the property names of the Fields, bit by bit.
var fieldNames = [...]string{"aliases", "mentionCount", "gender", "ethnicity", "born", "placeType", "endDate", "category", "investment", "status", "description"}

// FieldOf returns the optional property named name, or 0 when name is not
// one.
func FieldOf(name string) Fields {
	for i, n := range fieldNames {
		if n == name {
			return 1 << i
		}
	}
	return 0
}

type fieldsKey struct{}

// WithFields returns ctx with the optional properties the reads made with
// it return. The GraphQL layer sets the fields the operation selects
// anywhere, once per request.
func WithFields(ctx context.Context, f Fields) context.Context {
	return context.WithValue(ctx, fieldsKey{}, f)
}

// fieldsOf returns the optional properties to read in ctx; desc false
// leaves descriptions out whatever ctx says.
func fieldsOf(ctx context.Context, desc bool) Fields {
	f, ok := ctx.Value(fieldsKey{}).(Fields)
	if !ok {
		f = AllFields
	}
	if !desc {
		f &^= FieldDescription
	}
	return f
}

// nodeList returns a Cypher list projection of the node variable v with
// the properties the API shows: not the bookkeeping (key, aliasText,
// yearbooks), and of the optional ones only those of f. id, kind, name
// and date are always read: the service itself needs them (a node's type,
// a career's events by date). Reads that return many nodes use it so that
// Bolt carries and the driver decodes only what a client can see. The
// list holds the values only, in a fixed order (id, kind unless the nodes
// are all of kind, name, date, then the optional properties of f in the
// order of fieldNames), which toNodeList reads back with the same kind
// and f: the driver then decodes no key strings and builds no map per
// node, which for a career's hundred events was half of what decoding a
// map projection allocated.
func nodeList(v string, kind kg.Kind, f Fields) string {
	var b strings.Builder
	b.WriteString("[" + v + ".id, ")
	if kind == "" {
		b.WriteString(v + ".kind, ")
	}
	b.WriteString(v + ".name, " + v + ".date")
	for i, n := range fieldNames {
		if f&(1<<i) != 0 {
			b.WriteString(", " + v + "." + n)
		}
	}
	b.WriteString("]")
	return b.String()
}

// toNodeList converts a list projected by nodeList(_, kind, f) to a Node.
func toNodeList(v any, kind kg.Kind, f Fields) *Node {
	l, _ := v.([]any)
	need := 3 // id, name, date; and the kind first when not given
	if kind == "" {
		need = 4
	}
	if len(l) < need {
		return nil
	}
	n := &Node{ID: str(l[0]), Kind: kind}
	l = l[1:]
	if kind == "" {
		n.Kind = kg.Kind(str(l[0]))
		l = l[1:]
	}
	n.Name = str(l[0])
	if d := str(l[1]); d != "" {
		n.Props = map[string]string{"date": d}
	}
	l = l[2:]
	for i, name := range fieldNames {
		if f&(1<<i) == 0 || len(l) == 0 {
			continue
		}
		switch x := l[0].(type) {
		case string:
			if n.Props == nil {
				n.Props = map[string]string{}
			}
			n.Props[name] = x
		case int64:
			if name == "mentionCount" {
				n.MentionCount = int(x)
			}
		case []any:
			if name == "aliases" {
				n.Aliases = make([]string, 0, len(x))
				for _, a := range x {
					n.Aliases = append(n.Aliases, str(a))
				}
			}
		}
		l = l[1:]
	}
	if n.Props == nil {
		n.Props = map[string]string{}
	}
	return n
}

// positionsByID maps each ID of a batch to its positions in the batch
// (the dataloaders never repeat a key, but a caller may).
func positionsByID(ids []string) map[string][]int {
	at := make(map[string][]int, len(ids))
	for i, id := range ids {
		at[id] = append(at[id], i)
	}
	return at
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func toSource(p map[string]any) kg.Source {
	s := kg.Source{Yearbook: str(p["yearbook"]), Section: str(p["section"]), Quote: str(p["quote"])}
	if v, ok := p["page"].(int64); ok {
		s.Page = int(v)
	}
	if v, ok := p["line"].(int64); ok {
		s.Line = int(v)
	}
	return s
}

// Nodes returns the entities with the given IDs, in the order of ids, with
// nil where no entity has the ID (the dataloader's batch function).
func (s *Store) Nodes(ctx context.Context, ids []string) ([]*Node, error) {
	return read(ctx, s, func(tx querier) ([]*Node, error) {
		// WHERE n.id IN $ids seeks the id index whatever the statistics
		// say; an UNWIND of the IDs into {id: id} may be planned as a scan
		// while they describe an empty store.
		recs, err := run(ctx, s, tx, "MATCH (n:Entity) WHERE n.id IN $ids RETURN n", map[string]any{"ids": ids})
		if err != nil {
			return nil, err
		}
		byID := make(map[string]*Node, len(recs))
		for _, r := range recs {
			v, _ := r.Get("n")
			if n := toNode(v); n != nil {
				byID[n.ID] = n
			}
		}
		out := make([]*Node, len(ids))
		for i, id := range ids {
			out[i] = byID[id]
		}
		return out, nil
	})
}

// Mentions returns up to first mentions of each entity, in yearbook and
// line order.
func (s *Store) Mentions(ctx context.Context, ids []string, first int) ([][]kg.Source, error) {
	return read(ctx, s, func(tx querier) ([][]kg.Source, error) {
		recs, err := run(ctx, s, tx, `
			MATCH (n:Entity) WHERE n.id IN $ids
			CALL (n) {
				MATCH (n)-[:MENTIONED_IN]->(m:Mention)
				WITH m ORDER BY m.yearbook, m.line LIMIT $first
				RETURN collect(m {.yearbook, .page, .section, .line, .quote}) AS ms
			}
			RETURN n.id AS id, ms`, map[string]any{"ids": ids, "first": first})
		if err != nil {
			return nil, err
		}
		out := make([][]kg.Source, len(ids))
		at := positionsByID(ids)
		for _, r := range recs {
			id, _ := r.Get("id")
			ms, _ := r.Get("ms")
			var srcs []kg.Source
			for _, m := range ms.([]any) {
				srcs = append(srcs, toSource(m.(map[string]any)))
			}
			for _, i := range at[str(id)] {
				out[i] = srcs
			}
		}
		return out, nil
	})
}

// Position is a HELD_POSITION relationship.
type Position struct {
	PersonID, OrganizationID string
	Title, Start, End, Note  string
	Concurrent               bool
	Source                   kg.Source
	// Other is the entity at the other end (the organization of a
	// person's post, the person of an organization's), read with the
	// post so that resolving it costs no further query.
	Other *Node
}

// positionsQuery returns, for each entity of $ids (people when byPerson,
// else organizations), its statements of posts as rows (id, other, r),
// ordered by start date (unknown first) then line.
func positionsQuery(byPerson bool, f Fields) string {
	pattern := "(n)-[r:HELD_POSITION]->(o:Organization)"
	if !byPerson {
		pattern = "(o:Person)-[r:HELD_POSITION]->(n)"
	}
	return `
			MATCH (n:Entity) WHERE n.id IN $ids
			MATCH ` + pattern + `
			RETURN n.id AS id, ` + nodeList("o", otherEnd(byPerson), f) + ` AS other, properties(r) AS r
			ORDER BY id, coalesce(r.start, ''), r.line`
}

// otherEnd is the kind at the other end of a post read by person
// (byPerson) or by organization.
func otherEnd(byPerson bool) kg.Kind {
	if byPerson {
		return kg.Organization
	}
	return kg.Person
}

// toPositions turns the rows of positionsQuery(byPerson, f) into each
// ID's posts.
func toPositions(recs []*neo4j.Record, ids []string, byPerson bool, f Fields) [][]Position {
	out := make([][]Position, len(ids))
	at := positionsByID(ids)
	byID := map[string][]Position{}
	for _, rec := range recs {
		idv, _ := rec.Get("id")
		ov, _ := rec.Get("other")
		rv, _ := rec.Get("r")
		id := str(idv)
		byID[id] = append(byID[id], toPosition(id, toNodeList(ov, otherEnd(byPerson), f), rv, byPerson))
	}
	for id, ps := range byID {
		ps = CollapsePositions(ps)
		for _, i := range at[id] {
			out[i] = ps
		}
	}
	return out
}

// postList reads a post from the other end's node and the list
// [title, start, end, note, concurrent] of its relationship (Entity
// without sources).
func postList(id string, o *Node, r []any, byPerson bool) Position {
	pos := Position{Other: o}
	if len(r) == 5 {
		pos.Title, pos.Start, pos.End, pos.Note = str(r[0]), str(r[1]), str(r[2]), str(r[3])
		pos.Concurrent, _ = r[4].(bool)
	}
	pos.setEnds(id, o, byPerson)
	return pos
}

// toPosition reads one statement of a post of the entity id: the other
// end o and the relationship's properties.
func toPosition(id string, o *Node, rel any, byPerson bool) Position {
	p, _ := rel.(map[string]any)
	pos := Position{Title: str(p["title"]), Start: str(p["start"]), End: str(p["end"]), Note: str(p["note"]), Source: toSource(p), Other: o}
	pos.Concurrent, _ = p["concurrent"].(bool)
	pos.setEnds(id, o, byPerson)
	return pos
}

// setEnds sets the person's and the organization's IDs of a post of the
// entity id whose other end is o: id is the person's if byPerson.
func (pos *Position) setEnds(id string, o *Node, byPerson bool) {
	if byPerson {
		pos.PersonID, pos.OrganizationID = id, o.ID
	} else {
		pos.PersonID, pos.OrganizationID = o.ID, id
	}
}

// Facts names what Entity reads with an entity.
type Facts struct {
	// Positions: a person's posts, or the posts in an organization.
	Positions bool
	// Events: up to EventsFirst events a person took part in, in date
	// order (a career's).
	Events      bool
	EventsFirst int
	// Descriptions: events' descriptions.
	Descriptions bool
	// Sources: the source (yearbook, page, section, quote) of each post;
	// without it a post's Source is empty. The quotes are most of the
	// bytes of an organization's posts.
	Sources bool
}

// EntityFacts is an entity and the facts read with it.
type EntityFacts struct {
	Node *Node
	// Positions and Events are set when asked for and the entity has such
	// facts (HasPositions, HasEvents tell an empty list from one not read).
	Positions    []Position
	Events       []*Node
	HasPositions bool
	HasEvents    bool
}

// Entity reads one entity and the facts f asks for in one query, the way
// a hand-written query would, rather than one transaction per level of
// a GraphQL selection. It returns nil when no entity has the ID.
func (s *Store) Entity(ctx context.Context, id string, f Facts) (*EntityFacts, error) {
	kind := kg.KindOfID(id)
	fields := fieldsOf(ctx, f.Descriptions)
	var b strings.Builder
	b.WriteString("MATCH (n:Entity) WHERE n.id = $id\n")
	cols := []string{nodeList("n", "", fields) + " AS n"}
	byPerson := kind == kg.Person
	other := otherEnd(byPerson)
	if f.Positions && (kind == kg.Person || kind == kg.Organization) {
		pattern := "(n)-[r:HELD_POSITION]->(o:Organization)"
		if !byPerson {
			pattern = "(o:Person)-[r:HELD_POSITION]->(n)"
		}
		// Each post is a list: the other end's nodeList, then the
		// relationship's properties, all of them (a map) with the
		// sources, else the five a post shows (a list, see postList).
		rel := "properties(r)"
		if !f.Sources {
			rel = "[r.title, r.start, r.end, r.note, r.concurrent]"
		}
		b.WriteString(`CALL (n) {
  MATCH ` + pattern + `
  WITH r, o ORDER BY coalesce(r.start, ''), r.line
  RETURN collect([` + nodeList("o", other, fields) + `, ` + rel + `]) AS ps
}
`)
		cols = append(cols, "ps")
	}
	if f.Events && kind == kg.Person {
		b.WriteString(`CALL (n) {
  MATCH (n)-[:PARTICIPATED_IN]->(m:Event)
  WITH DISTINCT m ORDER BY m.date, m.name LIMIT $first
  RETURN collect(` + nodeList("m", kg.Event, fields) + `) AS es
}
`)
		cols = append(cols, "es")
	}
	b.WriteString("RETURN " + strings.Join(cols, ", "))
	return read(ctx, s, func(tx querier) (*EntityFacts, error) {
		recs, err := run(ctx, s, tx, b.String(), map[string]any{"id": id, "first": f.EventsFirst})
		if err != nil || len(recs) == 0 {
			return nil, err
		}
		v, _ := recs[0].Get("n")
		e := &EntityFacts{Node: toNodeList(v, "", fields)}
		if ps, ok := recs[0].Get("ps"); ok {
			e.HasPositions = true
			rows := ps.([]any)
			e.Positions = make([]Position, 0, len(rows))
			for _, row := range rows {
				l := row.([]any)
				o := toNodeList(l[0], other, fields)
				if r, ok := l[1].([]any); ok {
					e.Positions = append(e.Positions, postList(id, o, r, byPerson))
				} else {
					e.Positions = append(e.Positions, toPosition(id, o, l[1], byPerson))
				}
			}
			e.Positions = CollapsePositions(e.Positions)
		}
		if es, ok := recs[0].Get("es"); ok {
			e.HasEvents = true
			ms := es.([]any)
			e.Events = make([]*Node, 0, len(ms))
			for _, m := range ms {
				e.Events = append(e.Events, toNodeList(m, kg.Event, fields))
			}
		}
		return e, nil
	})
}

// Positions returns the positions held by each person (byPerson) or in
// each organization, ordered by start date (unknown first) then title.
func (s *Store) Positions(ctx context.Context, ids []string, byPerson bool) ([][]Position, error) {
	return read(ctx, s, func(tx querier) ([][]Position, error) {
		f := fieldsOf(ctx, false)
		recs, err := run(ctx, s, tx, positionsQuery(byPerson, f), map[string]any{"ids": ids})
		if err != nil {
			return nil, err
		}
		return toPositions(recs, ids, byPerson, f), nil
	})
}

// Career is what Person.career shows: the person's posts and the events
// they took part in (in date order, at most the page size asked for).
type Career struct {
	Positions []Position
	Events    []*Node
}

// Careers returns the careers of people: their posts with the
// organizations, and up to first events each, in one read transaction
// instead of one per kind of fact. desc includes the events'
// descriptions.
func (s *Store) Careers(ctx context.Context, ids []string, first int, desc bool) ([]Career, error) {
	return read(ctx, s, func(tx querier) ([]Career, error) {
		params := map[string]any{"ids": ids, "first": first}
		posts := fieldsOf(ctx, false)
		recs, err := run(ctx, s, tx, positionsQuery(true, posts), params)
		if err != nil {
			return nil, err
		}
		out := make([]Career, len(ids))
		for i, ps := range toPositions(recs, ids, true, posts) {
			out[i].Positions = ps
		}
		events := fieldsOf(ctx, desc)
		recs, err = run(ctx, s, tx, `
			MATCH (n:Person) WHERE n.id IN $ids
			CALL (n) {
				MATCH (n)-[:PARTICIPATED_IN]->(m:Event)
				WITH DISTINCT m ORDER BY m.date, m.name LIMIT $first
				RETURN collect(`+nodeList("m", kg.Event, events)+`) AS ms
			}
			RETURN n.id AS id, ms`, params)
		if err != nil {
			return nil, err
		}
		at := positionsByID(ids)
		for _, r := range recs {
			id, _ := r.Get("id")
			ms, _ := r.Get("ms")
			var es []*Node
			for _, m := range ms.([]any) {
				es = append(es, toNodeList(m, kg.Event, events))
			}
			for _, i := range at[str(id)] {
				out[i].Events = es
			}
		}
		return out, nil
	})
}

// CollapsePositions merges the statements of one post (the same person,
// organization and title, said in the roster and in many sentences) into
// one position: the first statement that gives dates is its source, and
// dates and notes missing there are taken from the others. Statements with
// different start or end dates are different terms and stay apart.
func CollapsePositions(ps []Position) []Position {
	type key struct{ person, org, title string }
	byKey := map[key]int{}
	var out []Position
	for _, p := range ps {
		k := key{p.PersonID, p.OrganizationID, p.Title}
		i, ok := byKey[k]
		if ok {
			q := &out[i]
			if (p.Start != "" && q.Start != "" && p.Start[:min(7, len(p.Start))] != q.Start[:min(7, len(q.Start))]) ||
				(p.End != "" && q.End != "" && p.End[:min(7, len(p.End))] != q.End[:min(7, len(q.End))]) {
				ok = false
			}
		}
		if !ok {
			byKey[k] = len(out)
			out = append(out, p)
			continue
		}
		q := &out[i]
		if q.Start == "" && q.End == "" && (p.Start != "" || p.End != "") {
			q.Source = p.Source
		}
		if q.Start == "" {
			q.Start = p.Start
		}
		if q.End == "" {
			q.End = p.End
		}
		if q.Note == "" {
			q.Note = p.Note
		}
		q.Concurrent = q.Concurrent || p.Concurrent
	}
	return out
}

// Relation names one kind of neighbour an entity has: the relationship
// type, its direction from the entity, and the label at the other end.
// Relations are constants of the API, never built from client input, so
// the Cypher built from them is fixed.
type Relation struct {
	Type   string
	Out    bool   // the entity is the start of the relationship
	Label  string // label of the neighbour
	ByDate bool   // order neighbours by date (events), else by mentions
}

func (r Relation) pattern() string {
	if r.Out {
		return fmt.Sprintf("(n)-[:%s]->(m:%s)", r.Type, r.Label)
	}
	return fmt.Sprintf("(n)<-[:%s]-(m:%s)", r.Type, r.Label)
}

// Related returns, for each id, up to first distinct neighbours along rel.
func (s *Store) Related(ctx context.Context, rel Relation, ids []string, first int) ([][]*Node, error) {
	order := "m.mentionCount DESC, m.name"
	if rel.ByDate {
		order = "m.date, m.name"
	}
	fields := fieldsOf(ctx, true)
	cypher := `
		MATCH (n:Entity) WHERE n.id IN $ids
		CALL (n) {
			MATCH ` + rel.pattern() + `
			WITH DISTINCT m ORDER BY ` + order + ` LIMIT $first
			RETURN collect(` + nodeList("m", "", fields) + `) AS ms
		}
		RETURN n.id AS id, ms`
	return read(ctx, s, func(tx querier) ([][]*Node, error) {
		recs, err := run(ctx, s, tx, cypher, map[string]any{"ids": ids, "first": first})
		if err != nil {
			return nil, err
		}
		out := make([][]*Node, len(ids))
		at := positionsByID(ids)
		for _, r := range recs {
			id, _ := r.Get("id")
			ms, _ := r.Get("ms")
			nodes := make([]*Node, 0, len(ms.([]any)))
			for _, m := range ms.([]any) {
				nodes = append(nodes, toNodeList(m, "", fields))
			}
			for _, i := range at[str(id)] {
				out[i] = nodes
			}
		}
		return out, nil
	})
}

// Honor is a HONORED relationship read back.
type Honor struct {
	Title, Year string
	AwardedBy   string // organization ID, "" when unknown
	Source      kg.Source
}

// Honors returns the honors each entity received.
func (s *Store) Honors(ctx context.Context, ids []string) ([][]Honor, error) {
	return read(ctx, s, func(tx querier) ([][]Honor, error) {
		recs, err := run(ctx, s, tx, `
			MATCH (n:Entity) WHERE n.id IN $ids
			MATCH (n)-[r:HONORED]->(h:Honor)
			OPTIONAL MATCH (a:Name {key: r.awardedBy})-[:NAMES]->(o:Organization)
			WITH n, r, h, head(collect(o.id)) AS by
			RETURN n.id AS id, h.title AS title, properties(r) AS r, by
			ORDER BY id, r.year, r.line`, map[string]any{"ids": ids})
		if err != nil {
			return nil, err
		}
		byID := map[string][]Honor{}
		for _, rec := range recs {
			idv, _ := rec.Get("id")
			id := str(idv)
			title, _ := rec.Get("title")
			rv, _ := rec.Get("r")
			by, _ := rec.Get("by")
			p := rv.(map[string]any)
			h := Honor{Title: str(title), Year: str(p["year"]), AwardedBy: str(by), Source: toSource(p)}
			if t := str(p["title"]); t != "" {
				h.Title = t
			}
			// The same honor stated twice (a profile and the chronicle) is
			// one honor; the first statement is its source.
			dup := false
			for _, o := range byID[id] {
				if o.Title == h.Title && o.Year == h.Year {
					dup = true
				}
			}
			if !dup {
				byID[id] = append(byID[id], h)
			}
		}
		out := make([][]Honor, len(ids))
		for i, id := range ids {
			out[i] = byID[id]
		}
		return out, nil
	})
}

// Search finds entities whose name or alias equals the query (ranked
// first), then by full-text score over names, aliases and descriptions with
// the CJK analyzer. Queries of one character, which the bigram analyzer
// cannot match, fall back to names containing the character. Both lists
// come from one query. desc includes events' descriptions.
func (s *Store) Search(ctx context.Context, q string, kinds []kg.Kind, first int, desc bool) ([]*Node, error) {
	key := strings.TrimSpace(q)
	if key == "" {
		return nil, kg.Errorf(kg.EINVALID, "empty search query")
	}
	labels := make([]string, 0, len(kinds))
	for _, k := range kinds {
		labels = append(labels, k.Label())
	}
	params := map[string]any{"key": textnorm.Key(key), "q": key, "lucene": luceneQuery(key), "labels": labels, "first": first}
	// The kinds filter is left out when there are none: evaluating it for
	// every candidate costs a fifth of the query.
	filter := "true"
	if len(labels) > 0 {
		filter = "any(l IN labels(n) WHERE l IN $labels)"
	}
	text := `CALL db.index.fulltext.queryNodes('entity_fulltext', $lucene, {limit: $first * 4}) YIELD node AS n, score
		  WHERE ` + filter + `
		  WITH n ORDER BY score DESC, n.mentionCount DESC LIMIT $first`
	if len([]rune(key)) == 1 {
		text = `MATCH (n:Entity) WHERE n.name CONTAINS $q AND ` + filter + `
		  WITH n ORDER BY size(n.name), n.mentionCount DESC LIMIT $first`
	}
	fields := fieldsOf(ctx, desc)
	node := nodeList("n", "", fields)
	cypher := `
		CALL () {
		  MATCH (:Name {key: $key})-[:NAMES]->(n:Entity)
		  WHERE ` + filter + `
		  WITH DISTINCT n ORDER BY n.mentionCount DESC LIMIT $first
		  RETURN collect(` + node + `) AS exact
		}
		CALL () {
		  ` + text + `
		  RETURN collect(` + node + `) AS text
		}
		RETURN exact, text`
	return read(ctx, s, func(tx querier) ([]*Node, error) {
		recs, err := run(ctx, s, tx, cypher, params)
		if err != nil || len(recs) == 0 {
			return nil, err
		}
		var out []*Node
		seen := map[string]bool{}
		for _, col := range []string{"exact", "text"} {
			v, _ := recs[0].Get(col)
			for _, m := range v.([]any) {
				if n := toNodeList(m, "", fields); n != nil && !seen[n.ID] && len(out) < first {
					seen[n.ID] = true
					out = append(out, n)
				}
			}
		}
		return out, nil
	})
}

// luceneQuery turns user input into a Lucene query that cannot inject
// syntax: every character that is special to Lucene is escaped, and the
// whole is searched as a phrase so the CJK bigrams must appear in order.
func luceneQuery(q string) string {
	var b strings.Builder
	for _, r := range q {
		if strings.ContainsRune(`+-&|!(){}[]^"~*?:\/`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return `"` + b.String() + `"`
}

// Stats are the counts for dashboards.
type Stats struct {
	Kinds         map[kg.Kind]int
	Relationships map[string]int
	Yearbooks     []Yearbook
}

// Yearbook is a loaded yearbook as recorded by Load.
type Yearbook struct {
	ID, Title, File, Hash, LoadedAt      string
	Entities, Relationships, Diagnostics int
}

// Stats counts entities per kind and relationships per type, from Neo4j's
// count store (constant time), and lists the loaded yearbooks.
func (s *Store) Stats(ctx context.Context) (*Stats, error) {
	return read(ctx, s, func(tx querier) (*Stats, error) {
		st := &Stats{Kinds: map[kg.Kind]int{}, Relationships: map[string]int{}}
		for _, k := range kg.Kinds {
			n, err := single[int64](ctx, s, tx, fmt.Sprintf("MATCH (n:%s) RETURN count(n) AS c", k.Label()), nil, "c")
			if err != nil {
				return nil, err
			}
			st.Kinds[k] = int(n)
		}
		for _, t := range kg.RelationshipTypes {
			n, err := single[int64](ctx, s, tx, fmt.Sprintf("MATCH ()-[r:%s]->() RETURN count(r) AS c", t), nil, "c")
			if err != nil {
				return nil, err
			}
			st.Relationships[t] = int(n)
		}
		yb, err := s.yearbooks(ctx, tx)
		st.Yearbooks = yb
		return st, err
	})
}

func (s *Store) yearbooks(ctx context.Context, tx querier) ([]Yearbook, error) {
	recs, err := run(ctx, s, tx, "MATCH (y:Yearbook) RETURN properties(y) AS y ORDER BY y.id", nil)
	if err != nil {
		return nil, err
	}
	var out []Yearbook
	for _, r := range recs {
		v, _ := r.Get("y")
		p := v.(map[string]any)
		i := func(k string) int { n, _ := p[k].(int64); return int(n) }
		out = append(out, Yearbook{ID: str(p["id"]), Title: str(p["title"]), File: str(p["file"]), Hash: str(p["hash"]), LoadedAt: str(p["loadedAt"]),
			Entities: i("entities"), Relationships: i("relationships"), Diagnostics: i("diagnostics")})
	}
	return out, nil
}

// Ready reports whether the database answers and holds at least one
// yearbook: the service's readiness.
func (s *Store) Ready(ctx context.Context) error {
	// Read a Yearbook node itself rather than count(y): the count comes from
	// the count store, which can show a load's commit a moment before its
	// nodes are found through the indexes the API's queries use.
	id, err := read(ctx, s, func(tx querier) (string, error) {
		return single[string](ctx, s, tx, "MATCH (y:Yearbook) WHERE y.hash IS NOT NULL RETURN y.id AS id LIMIT 1", nil, "id")
	})
	if err != nil {
		return err
	}
	if id == "" {
		return kg.Errorf(kg.EUNAVAILABLE, "no yearbook loaded")
	}
	return nil
}

// EventPage is one page of events in date order.
type EventPage struct {
	Nodes      []*Node
	Total      int
	HasNext    bool
	StartIndex int
}
