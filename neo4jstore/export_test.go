package neo4jstore

import (
	"context"
	"maps"
	"slices"
	"sync"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/log"
)

// WriteInReadTransaction tries to write through the same path the API's
// reads take; tests check that the database refuses.
func (s *Store) WriteInReadTransaction(ctx context.Context) error {
	_, err := read(ctx, s, func(tx querier) (int, error) {
		_, err := run(ctx, s, tx, "CREATE (:Intruder {at: timestamp()})", nil)
		return 0, err
	})
	return err
}

// Query is one Cypher query a read transaction of the store ran, with its
// parameters, as recorded by RecordQueries.
type Query struct {
	Cypher string
	Params map[string]any
}

// RecordQueries makes the store remember every query its read transactions
// run, so that tests can EXPLAIN exactly the Cypher the API sends. It
// returns a function that lists the queries recorded so far, and a reset.
// Call it before the store is used concurrently.
func (s *Store) RecordQueries() (list func() []Query, reset func()) {
	rec := &recorder{}
	s.driver = recordingDriver{DriverWithContext: s.driver, rec: rec}
	return rec.list, rec.reset
}

type recorder struct {
	mu      sync.Mutex
	queries []Query
}

func (r *recorder) add(cypher string, params map[string]any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.queries = append(r.queries, Query{Cypher: cypher, Params: maps.Clone(params)})
}

func (r *recorder) list() []Query {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.queries)
}

func (r *recorder) reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.queries = nil
}

// The wrappers embed the driver's interfaces, which carries their
// unexported methods along; only the calls on the path of a read change.
type recordingDriver struct {
	neo4j.DriverWithContext
	rec *recorder
}

func (d recordingDriver) NewSession(ctx context.Context, cfg neo4j.SessionConfig) neo4j.SessionWithContext {
	return recordingSession{SessionWithContext: d.DriverWithContext.NewSession(ctx, cfg), rec: d.rec}
}

type recordingSession struct {
	neo4j.SessionWithContext
	rec *recorder
}

func (s recordingSession) Run(ctx context.Context, cypher string, params map[string]any, configurers ...func(*neo4j.TransactionConfig)) (neo4j.ResultWithContext, error) {
	s.rec.add(cypher, params)
	return s.SessionWithContext.Run(ctx, cypher, params, configurers...)
}

// LogBolt makes the store's sessions log the Bolt messages they exchange
// to l, so that tests can see what a read sends.
func (s *Store) LogBolt(l log.BoltLogger) {
	s.driver = boltLoggingDriver{DriverWithContext: s.driver, log: l}
}

type boltLoggingDriver struct {
	neo4j.DriverWithContext
	log log.BoltLogger
}

func (d boltLoggingDriver) NewSession(ctx context.Context, cfg neo4j.SessionConfig) neo4j.SessionWithContext {
	cfg.BoltLogger = d.log
	return d.DriverWithContext.NewSession(ctx, cfg)
}
