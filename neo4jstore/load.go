package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// BatchSize is the number of rows per UNWIND query. Measured on the
// default yearbook (docs/benchmarks.md): larger batches gain nothing and
// grow the transaction's memory in steps.
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
// recorded does nothing unless opts.Force is set.
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
	_, err = session.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res.Stages = res.Stages[:0]
		w := &writer{ctx: ctx, s: s, tx: tx, progress: progress, yb: g.Yearbook.ID, res: &res, batch: opts.BatchSize}
		if w.batch <= 0 {
			w.batch = BatchSize
		}
		return nil, w.write(g)
	}, neo4j.WithTxTimeout(0))
	if err != nil {
		return res, fmt.Errorf("load %s: %w", g.Yearbook.ID, translate(ctx, err))
	}
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

// loadedHash returns the hash of the file the yearbook was loaded from
// ("" when it is not loaded) and whether its text is stored.
func (s *Store) loadedHash(ctx context.Context, id string) (hash string, hasText bool, err error) {
	type loaded struct {
		hash    string
		hasText bool
	}
	l, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (loaded, error) {
		recs, err := run(ctx, s, tx, "MATCH (y:Yearbook {id: $id}) RETURN y.hash AS hash, EXISTS { (y)-[:HAS_PAGE]->(:Page) } AS hasText", map[string]any{"id": id})
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
}

// stage runs cypher over rows in UNWIND batches ($rows) and records its
// timing; with rows == nil it runs cypher once.
func (w *writer) stage(name, cypher string, rows []map[string]any, params map[string]any) error {
	t := time.Now()
	p := map[string]any{"yb": w.yb}
	for k, v := range params {
		p[k] = v
	}
	exec := func() error {
		w.s.queries.Add(1)
		r, err := w.tx.Run(w.ctx, cypher, p)
		if err == nil {
			_, err = r.Consume(w.ctx)
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
	st := Stage{Name: name, Rows: len(rows), Duration: time.Since(t)}
	w.res.Stages = append(w.res.Stages, st)
	fmt.Fprintf(w.progress, "load %s: %-28s %6d rows  %s\n", w.yb, name, st.Rows, st.Duration.Round(time.Millisecond))
	return nil
}

// loaded reports whether an earlier load of this yearbook committed: its
// :Yearbook node is written in the same transaction as all its facts, so
// without it there are none.
func (w *writer) loaded() (bool, error) {
	w.s.queries.Add(1)
	r, err := w.tx.Run(w.ctx, "MATCH (y:Yearbook {id: $yb}) RETURN count(y) > 0 AS loaded", map[string]any{"yb": w.yb})
	if err != nil {
		return false, fmt.Errorf("find the loaded yearbook: %w", err)
	}
	rec, err := r.Single(w.ctx)
	if err != nil {
		return false, fmt.Errorf("find the loaded yearbook: %w", err)
	}
	loaded, _ := rec.Values[0].(bool)
	return loaded, nil
}

func (w *writer) write(g *kg.Graph) error {
	ids := make([]string, len(g.Entities))
	for i := range g.Entities {
		ids[i] = g.Entities[i].Ref().ID()
	}
	// 1. Remove what the previous load of this yearbook wrote. A yearbook
	// loaded for the first time has nothing to remove; skipping these
	// stages saves a query each, and retiring entities scans every entity,
	// a cost that would otherwise grow with every yearbook loaded.
	loaded, err := w.loaded()
	if err != nil {
		return err
	}
	if loaded {
		if err := w.stage("delete old mentions", "MATCH (m:Mention {yearbook: $yb}) DETACH DELETE m", nil, nil); err != nil {
			return err
		}
		if err := w.stage("delete old pages", "MATCH (:Yearbook {id: $yb})-[:HAS_PAGE]->(p:Page) DETACH DELETE p", nil, nil); err != nil {
			return err
		}
		for _, t := range append(kg.RelationshipTypes[:len(kg.RelationshipTypes):len(kg.RelationshipTypes)], "NAMES") {
			if err := w.stage("delete old "+t, fmt.Sprintf("MATCH ()-[r:%s {yearbook: $yb}]->() DELETE r", t), nil, nil); err != nil {
				return err
			}
		}
		if err := w.stage("retire old entities", `
			MATCH (n:Entity) WHERE $yb IN n.yearbooks AND NOT n.id IN $ids
			SET n.yearbooks = [y IN n.yearbooks WHERE y <> $yb]
			WITH n WHERE size(n.yearbooks) = 0
			DETACH DELETE n`, nil, map[string]any{"ids": ids}); err != nil {
			return err
		}
	}
	// 2. Entities, one query per kind because labels cannot be parameters.
	byKind := map[kg.Kind][]map[string]any{}
	var names []map[string]any
	for i := range g.Entities {
		e := &g.Entities[i]
		props := map[string]any{}
		for k, v := range e.Props {
			props[k] = v
		}
		aliases := e.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		byKind[e.Kind] = append(byKind[e.Kind], map[string]any{
			"id": ids[i], "key": e.Key, "name": e.Name, "aliases": aliases,
			"aliasText": strings.Join(aliases, " "), "props": props,
		})
		for _, k := range nameKeys(e) {
			names = append(names, map[string]any{"key": k, "id": ids[i]})
		}
	}
	for _, k := range kg.Kinds {
		cypher := fmt.Sprintf(`
			UNWIND $rows AS r
			MERGE (n:Entity {id: r.id})
			SET n:%s, n += r.props, n.kind = $kind, n.key = r.key, n.name = r.name,
			    n.aliases = reduce(a = [x IN coalesce(n.aliases, []) WHERE NOT x IN r.aliases], x IN r.aliases | a + x),
			    n.aliasText = r.aliasText,
			    n.yearbooks = [y IN coalesce(n.yearbooks, []) WHERE y <> $yb] + $yb`, k.Label())
		if err := w.stage("entities "+k.Label(), cypher, nonNil(byKind[k]), map[string]any{"kind": string(k)}); err != nil {
			return err
		}
	}
	if err := w.stage("names", `
		UNWIND $rows AS r
		MATCH (n:Entity {id: r.id})
		MERGE (a:Name {key: r.key})
		CREATE (a)-[:NAMES {yearbook: $yb}]->(n)`, nonNil(names), nil); err != nil {
		return err
	}
	// 3. Mentions.
	var mentions []map[string]any
	for i := range g.Entities {
		for _, m := range g.Entities[i].Mentions {
			mentions = append(mentions, sourceRow(m, map[string]any{"id": ids[i]}))
		}
	}
	if err := w.stage("mentions", `
		UNWIND $rows AS r
		MATCH (n:Entity {id: r.id})
		CREATE (n)-[:MENTIONED_IN]->(:Mention {yearbook: r.yearbook, page: r.page, section: r.section, line: r.line, quote: r.quote})`, nonNil(mentions), nil); err != nil {
		return err
	}
	// 4. Honors, then relationships grouped by type.
	byType := map[string][]map[string]any{}
	var honors []map[string]any
	seenHonor := map[string]bool{}
	for _, r := range g.Relationships {
		props := map[string]any{}
		for k, v := range r.Props {
			props[k] = v
		}
		if r.Props["concurrent"] != "" {
			props["concurrent"] = r.Props["concurrent"] == "true"
		}
		props = sourceRow(r.Source, props)
		byType[r.Type] = append(byType[r.Type], map[string]any{"from": r.From.ID(), "to": r.To.ID(), "props": props})
		if r.To.Kind == kg.Honor && !seenHonor[r.To.ID()] {
			seenHonor[r.To.ID()] = true
			title := r.Props["title"]
			if title == "" {
				title = r.To.Key
			}
			honors = append(honors, map[string]any{"id": r.To.ID(), "key": r.To.Key, "title": title})
		}
	}
	if err := w.stage("honors", "UNWIND $rows AS r MERGE (h:Honor {id: r.id}) SET h.key = r.key, h.title = r.title", nonNil(honors), nil); err != nil {
		return err
	}
	types := make([]string, 0, len(byType))
	for t := range byType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		target := "Entity"
		if t == kg.Honored {
			target = "Honor"
		}
		cypher := fmt.Sprintf(`
			UNWIND $rows AS r
			MATCH (a:Entity {id: r.from})
			MATCH (b:%s {id: r.to})
			CREATE (a)-[x:%s]->(b)
			SET x = r.props`, target, t)
		if err := w.stage("relationships "+t, cypher, nonNil(byType[t]), nil); err != nil {
			return err
		}
	}
	// 5. Derived counts and clean-up of shared nodes nobody points to.
	idRows := make([]map[string]any, len(ids))
	for i, id := range ids {
		idRows[i] = map[string]any{"id": id}
	}
	if err := w.stage("mention counts", `
		UNWIND $rows AS r
		MATCH (n:Entity {id: r.id})
		SET n.mentionCount = COUNT { (n)-[:MENTIONED_IN]->() }`, nonNil(idRows), nil); err != nil {
		return err
	}
	if err := w.stage("orphans", `
		CALL { MATCH (h:Honor) WHERE NOT (h)<-[:HONORED]-() DELETE h }
		CALL { MATCH (a:Name) WHERE NOT (a)-[:NAMES]->() DELETE a }`, nil, nil); err != nil {
		return err
	}
	yb := g.Yearbook
	if err := w.stage("yearbook", `
		MERGE (y:Yearbook {id: $yb})
		SET y.title = $title, y.file = $file, y.hash = $hash, y.lines = $lines, y.bytes = $bytes,
		    y.entities = $entities, y.relationships = $relationships, y.diagnostics = $diagnostics,
		    y.loadedAt = toString(datetime.truncate('second', datetime()))`, nil, map[string]any{
		"title": yb.Title, "file": yb.File, "hash": yb.Hash, "lines": yb.Lines, "bytes": yb.Bytes,
		"entities": len(g.Entities), "relationships": len(g.Relationships), "diagnostics": len(g.Diagnostics),
	}); err != nil {
		return err
	}
	// 6. The text, one node per printed page, so that the API can show the
	// lines around any source. A page's lines are one list property: a
	// node per line would cost forty thousand nodes per yearbook and a
	// write far longer than the text is worth.
	pages := make([]map[string]any, len(g.Pages))
	for i, p := range g.Pages {
		pages[i] = map[string]any{"number": p.Number, "first": p.First, "last": p.Last(), "lines": p.Lines}
	}
	return w.stage("pages", `
		MATCH (y:Yearbook {id: $yb})
		UNWIND $rows AS r
		CREATE (y)-[:HAS_PAGE]->(:Page {yearbook: $yb, number: r.number, first: r.first, last: r.last, lines: r.lines})`, pages, nil)
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
