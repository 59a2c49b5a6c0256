package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// BatchSize is the number of rows per UNWIND query: entities (each with
// its names and mentions), relationships, pages. Measured on the default
// yearbook (docs/benchmarks.md): larger batches gain nothing and grow the
// transaction's memory in steps; at 2000 every stage of a yearbook of
// 1800 entities is one query.
const BatchSize = 2000

// LoadOptions tune Load.
type LoadOptions struct {
	// Progress receives one line per stage; nil discards them.
	Progress io.Writer
	// Force reloads a yearbook even when the same file was loaded before.
	Force bool
	// BatchSize is the number of rows per UNWIND query; 0 means BatchSize
	// (the benchmarks try others: bench/loadtime).
	BatchSize int
}

// Stage is the timing of one step of a load.
type Stage struct {
	Name     string
	Rows     int
	Duration time.Duration
}

// LoadResult reports what Load did.
type LoadResult struct {
	Skipped bool // the same file (by hash) was already loaded
	Stages  []Stage
	Total   time.Duration
}

// Load writes the graph of one yearbook, replacing what an earlier load of
// the same yearbook ID wrote and nothing else. Everything happens in one
// write transaction: if anything fails, or the process dies, the database
// keeps the previous graph, complete. Loading a file whose hash is already
// recorded does nothing unless opts.Force is set or the yearbook was
// loaded before its text was stored.
func (s *Store) Load(ctx context.Context, g *kg.Graph, opts LoadOptions) (res LoadResult, err error) {
	start := time.Now()
	progress := opts.Progress
	if progress == nil {
		progress = io.Discard
	}
	if !opts.Force {
		hash, hasText, err := s.loadedHash(ctx, g.Yearbook.ID)
		if err != nil {
			return res, err
		}
		// A yearbook loaded before its text was stored is loaded again,
		// so that upgrading is just running kg load.
		if hash == g.Yearbook.Hash && (hasText || len(g.Pages) == 0) {
			fmt.Fprintf(progress, "load %s: already loaded (sha256 %.12s), nothing to do\n", g.Yearbook.ID, hash)
			return LoadResult{Skipped: true, Total: time.Since(start)}, nil
		}
	}
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeWrite, DatabaseName: s.db})
	defer func() { err = errors.Join(err, session.Close(context.WithoutCancel(ctx))) }()
	var written time.Time
	_, err = session.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res.Stages = res.Stages[:0]
		w := &writer{ctx: ctx, s: s, tx: tx, progress: progress, yb: g.Yearbook.ID, res: &res, batch: opts.BatchSize}
		if w.batch <= 0 {
			w.batch = BatchSize
		}
		err := w.write(g)
		written = time.Now()
		return nil, err
	}, neo4j.WithTxTimeout(0))
	if err != nil {
		return res, fmt.Errorf("load %s: %w", g.Yearbook.ID, translate(ctx, err))
	}
	// The commit is a stage of its own: Neo4j applies the transaction's
	// updates to the stores and to every index (the Lucene-backed text
	// and full-text ones included) only now, and at a yearbook's size
	// that is as long as all the statements before it.
	res.Stages = append(res.Stages, Stage{Name: "commit", Duration: time.Since(written)})
	fmt.Fprintf(progress, "load %s: %-28s %6s       %s\n", g.Yearbook.ID, "commit", "", time.Since(written).Round(time.Millisecond))
	res.Total = time.Since(start)
	fmt.Fprintf(progress, "load %s: committed in %s\n", g.Yearbook.ID, res.Total.Round(time.Millisecond))
	t := time.Now()
	if err := s.Replan(ctx); err != nil {
		// The graph is committed and correct; only plans may be poor
		// until Neo4j samples on its own.
		fmt.Fprintf(progress, "load %s: index statistics not refreshed: %v\n", g.Yearbook.ID, err)
	} else {
		fmt.Fprintf(progress, "load %s: index statistics refreshed in %s\n", g.Yearbook.ID, time.Since(t).Round(time.Millisecond))
	}
	return res, nil
}

// Replan resamples the statistics of the indexes a load made outdated and
// drops cached plans. Without it, Neo4j keeps planning with the
// statistics of the graph before the load (after a first load, of an
// empty store) and may scan a whole index where it should seek: a
// neighbourhood took 1.3 s instead of 36 ms that way (docs/benchmarks.md).
// It takes milliseconds at the size of a yearbook.
func (s *Store) Replan(ctx context.Context) (err error) {
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeWrite, DatabaseName: s.db})
	defer func() { err = errors.Join(err, session.Close(context.WithoutCancel(ctx))) }()
	// db.prepareForReplanning resamples, waits for the samples and clears
	// the query caches; db.resampleOutdatedIndexes only schedules the
	// sampling, the fallback where the first is not allowed.
	for _, q := range []string{"CALL db.prepareForReplanning(60)", "CALL db.resampleOutdatedIndexes()"} {
		var res neo4j.ResultWithContext
		res, err = session.Run(ctx, q, nil)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err == nil {
			return nil
		}
	}
	return translate(ctx, err)
}

// loadedQuery finds a loaded yearbook: the hash of the file it was loaded
// from and whether its text is stored; no record when it is not loaded.
// Load asks it before the write transaction and the writer again inside
// it, with the same text and parameters, so Neo4j plans it once.
const loadedQuery = "MATCH (y:Yearbook {id: $yb}) RETURN y.hash AS hash, EXISTS { (y)-[:HAS_PAGE]->(:Page) } AS hasText"

// loadedHash returns the hash of the file the yearbook was loaded from
// ("" when it is not loaded) and whether its text is stored.
func (s *Store) loadedHash(ctx context.Context, id string) (hash string, hasText bool, err error) {
	type loaded struct {
		hash    string
		hasText bool
	}
	l, err := read(ctx, s, func(tx querier) (loaded, error) {
		recs, err := run(ctx, s, tx, loadedQuery, map[string]any{"yb": id})
		if err != nil || len(recs) == 0 {
			return loaded{}, err
		}
		h, _ := recs[0].Values[0].(string)
		t, _ := recs[0].Values[1].(bool)
		return loaded{h, t}, nil
	})
	return l.hash, l.hasText, err
}

// writer writes one yearbook inside one transaction.
type writer struct {
	ctx      context.Context
	s        *Store
	tx       neo4j.ManagedTransaction
	progress io.Writer
	yb       string
	res      *LoadResult
	batch    int // rows per UNWIND query
	// last holds the records of the last query a stage ran (most return
	// none).
	last []*neo4j.Record
}

// stage runs cypher over rows in UNWIND batches ($rows) and records its
// timing; with rows == nil it runs cypher once.
func (w *writer) stage(name, cypher string, rows []map[string]any, params map[string]any) error {
	return w.stageN(name, len(rows), cypher, rows, params)
}

// stageN is stage for rows that carry nested rows: written is what the
// stage writes in all (entities, their names and mentions), for the
// rows/s of the benchmarks.
func (w *writer) stageN(name string, written int, cypher string, rows []map[string]any, params map[string]any) error {
	t := time.Now()
	p := map[string]any{"yb": w.yb}
	for k, v := range params {
		p[k] = v
	}
	exec := func() error {
		w.s.queries.Add(1)
		r, err := w.tx.Run(w.ctx, cypher, p)
		if err == nil {
			w.last, err = r.Collect(w.ctx)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return nil
	}
	if rows == nil {
		if err := exec(); err != nil {
			return err
		}
	}
	for i := 0; i < len(rows); i += w.batch {
		p["rows"] = rows[i:min(i+w.batch, len(rows))]
		if err := exec(); err != nil {
			return err
		}
	}
	st := Stage{Name: name, Rows: written, Duration: time.Since(t)}
	w.res.Stages = append(w.res.Stages, st)
	fmt.Fprintf(w.progress, "load %s: %-28s %6d rows  %s\n", w.yb, name, st.Rows, st.Duration.Round(time.Millisecond))
	return nil
}

// loaded reports whether an earlier load of this yearbook committed: its
// :Yearbook node is written in the same transaction as all its facts, so
// without it there are none. A stage too, so that the stages add up to
// the transaction.
func (w *writer) loaded() (bool, error) {
	if err := w.stage("find an earlier load", loadedQuery, nil, nil); err != nil {
		return false, err
	}
	return len(w.last) > 0, nil
}

func (w *writer) write(g *kg.Graph) error {
	// Every statement below costs a plan: a load follows a schema change or
	// a Replan, both of which empty Neo4j's query cache, so each distinct
	// statement is planned afresh, 20–130 ms apiece on a busy machine
	// whatever its rows (docs/benchmarks.md). A first load therefore runs
	// five statements, the check below included, not one per entity kind
	// and relationship type: labels and types are data ($(expr)), and what
	// belongs to an entity is written with it.
	//
	// 1. Remove what the previous load of this yearbook wrote. A yearbook
	// loaded for the first time has nothing to remove; skipping these
	// stages saves their queries, and retiring entities scans every entity,
	// a cost that would otherwise grow with every yearbook loaded.
	loaded, err := w.loaded()
	if err != nil {
		return err
	}
	ids := make([]string, len(g.Entities))
	for i := range g.Entities {
		ids[i] = g.Entities[i].Ref().ID()
	}
	var oldMentions []any // element IDs of the previous load's :Mention nodes
	if loaded {
		// One statement, each part still an index seek: relationship
		// property indexes are per type, so the types stay spelled out.
		//
		// The previous load's mentions are only listed here and deleted
		// after the new facts are written, last (step 6). Deleted nodes in the
		// transaction's state slow every later statement that touches
		// the entities they hang off: with the 6400 mentions of the
		// default yearbook deleted first, writing the entities took 5–10×
		// and the relationships 5–15× as long as in a first load
		// (measured inside the reload transaction, docs/benchmarks.md);
		// deleting the old relationships, names and pages first costs
		// nothing measurable, and the pages must go first anyway, as the
		// new ones take their (yearbook, number).
		var del strings.Builder
		del.WriteString(`
			MATCH (m:Mention {yearbook: $yb})
			WITH collect(elementId(m)) AS old
			CALL () { MATCH (p:Page {yearbook: $yb}) DETACH DELETE p }`)
		for _, t := range append(kg.RelationshipTypes[:len(kg.RelationshipTypes):len(kg.RelationshipTypes)], "NAMES") {
			fmt.Fprintf(&del, "\n\t\t\tCALL () { MATCH ()-[r:%s {yearbook: $yb}]->() DELETE r }", t)
		}
		del.WriteString("\n\t\t\tRETURN old")
		if err := w.stage("delete old facts", del.String(), nil, nil); err != nil {
			return err
		}
		if len(w.last) != 1 {
			return fmt.Errorf("delete old facts: %d records, want 1", len(w.last))
		}
		oldMentions, _ = w.last[0].Values[0].([]any)
		if err := w.stage("retire old entities", `
			MATCH (n:Entity) WHERE $yb IN n.yearbooks AND NOT n.id IN $ids
			SET n.yearbooks = [y IN n.yearbooks WHERE y <> $yb]
			WITH n WHERE size(n.yearbooks) = 0
			DETACH DELETE n`, nil, map[string]any{"ids": ids}); err != nil {
			return err
		}
	}
	// 2. Entities with their names and mentions, one row per entity. The
	// kind's label is set from the row; the entity is found through the
	// :Entity id constraint, so the dynamic label costs no index. Entities
	// of an unknown kind are not written (nor, then, their names and
	// mentions). The mention count is counted after the mentions are
	// written, so that an entity listed twice still counts right.
	var entities []map[string]any
	written := 0
	for i := range g.Entities {
		e := &g.Entities[i]
		if !e.Kind.Valid() {
			continue
		}
		props := map[string]any{}
		for k, v := range e.Props {
			props[k] = v
		}
		aliases := e.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		mentions := make([]map[string]any, len(e.Mentions))
		for j, m := range e.Mentions {
			mentions[j] = sourceRow(m, map[string]any{})
		}
		names := nameKeys(e)
		if names == nil {
			names = []string{}
		}
		entities = append(entities, map[string]any{
			"id": ids[i], "label": e.Kind.Label(), "kind": string(e.Kind), "key": e.Key, "name": e.Name, "aliases": aliases,
			"aliasText": strings.Join(aliases, " "), "props": props, "names": names, "mentions": mentions,
		})
		written += 1 + len(names) + len(mentions)
	}
	if err := w.stageN("entities, names, mentions", written, `
		UNWIND $rows AS r
		MERGE (n:Entity {id: r.id})
		SET n:$(r.label), n += r.props, n.kind = r.kind, n.key = r.key, n.name = r.name,
		    n.aliases = reduce(a = [x IN coalesce(n.aliases, []) WHERE NOT x IN r.aliases], x IN r.aliases | a + x),
		    n.aliasText = r.aliasText,
		    n.yearbooks = [y IN coalesce(n.yearbooks, []) WHERE y <> $yb] + $yb
		FOREACH (k IN r.names | MERGE (a:Name {key: k}) CREATE (a)-[:NAMES {yearbook: $yb}]->(n))
		FOREACH (m IN r.mentions | CREATE (n)-[:MENTIONED_IN]->(:Mention {yearbook: m.yearbook, page: m.page, section: m.section, line: m.line, quote: m.quote}))
		WITH DISTINCT n
		SET n.mentionCount = COUNT { (n)-[:MENTIONED_IN]->() }`, nonNil(entities), nil); err != nil {
		return err
	}
	// 3. Relationships: between entities, the type set from the row; to
	// honors, which are merged with them. A type outside
	// kg.RelationshipTypes fails the load (and rolls back what is written
	// above) rather than become a type no query knows.
	var rels, honored []map[string]any
	valid := map[string]bool{}
	for _, t := range kg.RelationshipTypes {
		valid[t] = true
	}
	honor := map[string][2]string{} // honor ID → key, title of its first relationship
	for _, r := range g.Relationships {
		if !valid[r.Type] {
			return fmt.Errorf("relationships: unknown relationship type %q", r.Type)
		}
		props := map[string]any{}
		for k, v := range r.Props {
			props[k] = v
		}
		if r.Props["concurrent"] != "" {
			props["concurrent"] = r.Props["concurrent"] == "true"
		}
		props = sourceRow(r.Source, props)
		if r.Type != kg.Honored {
			rels = append(rels, map[string]any{"from": r.From.ID(), "to": r.To.ID(), "type": r.Type, "props": props})
			continue
		}
		if r.To.Kind != kg.Honor {
			continue // no :Honor node to point to
		}
		id := r.To.ID()
		h, ok := honor[id]
		if !ok {
			title := r.Props["title"]
			if title == "" {
				title = r.To.Key
			}
			h = [2]string{r.To.Key, title}
			honor[id] = h
		}
		honored = append(honored, map[string]any{"from": r.From.ID(), "to": id, "key": h[0], "title": h[1], "props": props})
	}
	if err := w.stage("relationships", `
		UNWIND $rows AS r
		MATCH (a:Entity {id: r.from})
		MATCH (b:Entity {id: r.to})
		CREATE (a)-[x:$(r.type)]->(b)
		SET x = r.props`, nonNil(rels), nil); err != nil {
		return err
	}
	// The honor is merged only where its relationship is created, so that
	// a first load leaves no honor unlinked.
	if err := w.stage("honors", `
		UNWIND $rows AS r
		MATCH (a:Entity {id: r.from})
		MERGE (h:Honor {id: r.to})
		SET h.key = r.key, h.title = r.title
		CREATE (a)-[x:HONORED]->(h)
		SET x = r.props`, nonNil(honored), nil); err != nil {
		return err
	}
	// 4. Shared nodes nobody points to any more. Only deleting an earlier
	// load's facts unlinks a name or an honor, so a first load, which
	// deletes nothing, skips the two scans (they grow with the graph).
	if loaded {
		if err := w.stage("orphans", `
			CALL () { MATCH (h:Honor) WHERE NOT (h)<-[:HONORED]-() DELETE h }
			CALL () { MATCH (a:Name) WHERE NOT (a)-[:NAMES]->() DELETE a }`, nil, nil); err != nil {
			return err
		}
	}
	// 5. The yearbook and its text, one node per printed page, so that the
	// API can show the lines around any source. A page's lines are one
	// list property: a node per line would cost forty thousand nodes per
	// yearbook and a write far longer than the text is worth. The
	// yearbook's MERGE runs with every batch of pages (the same values),
	// and once with none when there is no text.
	pages := make([]map[string]any, len(g.Pages))
	for i, p := range g.Pages {
		pages[i] = map[string]any{"number": p.Number, "first": p.First, "last": p.Last(), "lines": p.Lines}
	}
	yb := g.Yearbook
	params := map[string]any{
		"title": yb.Title, "file": yb.File, "hash": yb.Hash, "lines": yb.Lines, "bytes": yb.Bytes,
		"entities": len(g.Entities), "relationships": len(g.Relationships), "diagnostics": len(g.Diagnostics),
	}
	rows := pages
	if len(pages) == 0 {
		rows, params["rows"] = nil, []map[string]any{}
	}
	if err := w.stage("yearbook, pages", `
		MERGE (y:Yearbook {id: $yb})
		SET y.title = $title, y.file = $file, y.hash = $hash, y.lines = $lines, y.bytes = $bytes,
		    y.entities = $entities, y.relationships = $relationships, y.diagnostics = $diagnostics,
		    y.loadedAt = toString(datetime.truncate('second', datetime.transaction()))
		WITH y
		UNWIND $rows AS r
		CREATE (y)-[:HAS_PAGE]->(:Page {yearbook: $yb, number: r.number, first: r.first, last: r.last, lines: r.lines})`, rows, params); err != nil {
		return err
	}
	// 6. The previous load's mentions, found by element ID (listed in
	// step 1), and the mention counts of the entities they belonged to,
	// counted again without them. An entity retired in step 1 has lost
	// its relationships to them already.
	if len(oldMentions) == 0 {
		return nil
	}
	return w.stage("delete old mentions", `
		MATCH (m:Mention) WHERE elementId(m) IN $old
		OPTIONAL MATCH (n:Entity)-[:MENTIONED_IN]->(m)
		DETACH DELETE m
		WITH DISTINCT n WHERE n IS NOT NULL
		SET n.mentionCount = COUNT { (n)-[:MENTIONED_IN]->() }`, nil, map[string]any{"old": oldMentions})
}

// nameKeys returns the lookup keys of an entity: its key and the keys of
// its name and aliases, for exact-match search.
func nameKeys(e *kg.Entity) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range append([]string{e.Key, e.Name}, e.Aliases...) {
		k := textnorm.Key(s)
		if k != "" && !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	return out
}

func sourceRow(s kg.Source, into map[string]any) map[string]any {
	into["yearbook"] = s.Yearbook
	into["page"] = s.Page
	into["section"] = s.Section
	into["line"] = s.Line
	into["quote"] = s.Quote
	return into
}

// nonNil makes an empty batch explicit, so that stage skips it instead of
// running its query once without rows.
func nonNil(rows []map[string]any) []map[string]any {
	if rows == nil {
		return []map[string]any{}
	}
	return rows
}

// DeleteAll removes every node and relationship, in batches so that a large
// graph does not need one huge transaction. Tests and `kg reset` use it.
func (s *Store) DeleteAll(ctx context.Context) (err error) {
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeWrite, DatabaseName: s.db})
	defer func() { err = errors.Join(err, session.Close(context.WithoutCancel(ctx))) }()
	res, err := session.Run(ctx, "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	return translate(ctx, err)
}
