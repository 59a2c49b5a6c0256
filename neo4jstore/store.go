// Package neo4jstore is the one adapter to Neo4j: the loaders write
// yearbook graphs through it and the GraphQL API reads through it.
//
// Reads run as auto-commit queries of read sessions, so that with a
// neo4j:// URI a cluster routes them to followers and the API cannot write
// even by mistake; every query is parameterised. Auto-commit rather than a
// managed transaction (ExecuteRead) because a transaction costs a second
// Bolt round trip for its COMMIT (BEGIN goes out with the query), and a
// read gains nothing from it: Neo4j's transactions are read committed, so
// the queries of one read see no more consistent a graph in a transaction
// than one after the other. Writes of a yearbook run in one write
// transaction, so a failed load leaves the previous graph as it was.
package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/yearbookkg/kg"
)

// Config locates the database. An empty User means no authentication (the
// embedded Neo4j listens on loopback with auth disabled).
type Config struct {
	URI      string
	User     string
	Password string
	Database string // "" is the server's default database
	// QueryTimeout bounds each read transaction on the server; 0 means 10s.
	QueryTimeout time.Duration
}

// Store is a connection pool to one Neo4j database. It holds no state of
// its own beyond the driver, so replicas of the service can share a cluster.
type Store struct {
	driver  neo4j.DriverWithContext
	db      string
	timeout time.Duration
	queries atomic.Int64 // Cypher queries run, for tests and metrics
	observe atomic.Pointer[func(time.Duration, error)]
}

// Observe sets a function told the duration and outcome of every read
// transaction (for metrics).
func (s *Store) Observe(f func(time.Duration, error)) { s.observe.Store(&f) }

// Open creates the driver and checks that the server answers, retrying
// with backoff until ctx is done: a service started before its database
// waits for it rather than failing.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if _, err := url.Parse(cfg.URI); err != nil || cfg.URI == "" {
		return nil, kg.Errorf(kg.EINVALID, "invalid NEO4J_URI %q", cfg.URI)
	}
	auth := neo4j.NoAuth()
	if cfg.User != "" {
		auth = neo4j.BasicAuth(cfg.User, cfg.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *config.Config) {
		c.MaxConnectionPoolSize = 64
		c.ConnectionAcquisitionTimeout = 5 * time.Second
		c.SocketConnectTimeout = 3 * time.Second
		// Retry transient failures briefly: a request that cannot reach the
		// database answers UNAVAILABLE quickly instead of spending its
		// whole timeout retrying.
		c.MaxTransactionRetryTime = retryTime
	})
	if err != nil {
		return nil, fmt.Errorf("neo4j driver for %s: %w", cfg.URI, err)
	}
	s := &Store{driver: driver, db: cfg.Database, timeout: cfg.QueryTimeout}
	if s.timeout == 0 {
		s.timeout = 10 * time.Second
	}
	delay := 200 * time.Millisecond
	for {
		err = driver.VerifyConnectivity(ctx)
		if err == nil {
			return s, nil
		}
		select {
		case <-ctx.Done():
			return nil, errors.Join(fmt.Errorf("neo4j at %s: %w", cfg.URI, err), driver.Close(context.Background()))
		case <-time.After(delay):
		}
		if delay < 5*time.Second {
			delay *= 2
		}
	}
}

// Close closes the driver's connections.
func (s *Store) Close(ctx context.Context) error { return s.driver.Close(ctx) }

// Queries returns how many Cypher queries the store has run; tests use it
// to prove that a GraphQL request costs a fixed number of queries.
func (s *Store) Queries() int64 { return s.queries.Load() }

// Ping checks that the database answers a query.
func (s *Store) Ping(ctx context.Context) error {
	_, err := read(ctx, s, func(tx querier) (int64, error) {
		return single[int64](ctx, s, tx, "RETURN 1 AS n", nil, "n")
	})
	return err
}

// querier runs one Cypher query: an auto-commit query of a read session
// (autoCommit) for reads, the write transaction for loads.
type querier interface {
	Run(ctx context.Context, cypher string, params map[string]any) (neo4j.ResultWithContext, error)
}

// autoCommit runs each query in its own transaction of session, bounded by
// timeout: the query and its records in one Bolt round trip.
type autoCommit struct {
	session  neo4j.SessionWithContext
	deadline time.Time // of the whole read, as ExecuteRead's timeout bounded its transaction
}

func (a autoCommit) Run(ctx context.Context, cypher string, params map[string]any) (neo4j.ResultWithContext, error) {
	return a.session.Run(ctx, cypher, params, neo4j.WithTxTimeout(max(time.Until(a.deadline), time.Millisecond)))
}

// retryTime bounds how long read retries transient failures, as the
// driver's MaxTransactionRetryTime bounds ExecuteRead's: briefly, so that a
// request that cannot reach the database answers UNAVAILABLE quickly.
const retryTime = time.Second

// read runs work with auto-commit queries of a read session, bounded by
// the store's query timeout, and translates driver errors to kg codes.
// Like ExecuteRead it runs work again after a transient failure (a dead
// pooled connection, a cluster member going away): at once the first
// time, then after pauses that double, while retryTime lasts. Reads are
// idempotent, so running work again is safe.
func read[T any](ctx context.Context, s *Store, work func(tx querier) (T, error)) (res T, err error) {
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeRead, DatabaseName: s.db})
	defer func() { err = errors.Join(err, session.Close(context.WithoutCancel(ctx))) }()
	timeout := s.timeout
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) < timeout {
		timeout = max(time.Until(dl), time.Millisecond)
	}
	start := time.Now()
	q := autoCommit{session: session, deadline: start.Add(timeout)}
	for pause := time.Duration(0); ; pause = max(2*pause, 50*time.Millisecond) {
		if res, err = work(q); err == nil || !neo4j.IsRetryable(err) || time.Since(start)+pause > retryTime || ctx.Err() != nil || sleep(ctx, pause) != nil {
			break
		}
	}
	if f := s.observe.Load(); f != nil {
		(*f)(time.Since(start), err)
	}
	return res, translate(ctx, err)
}

// sleep waits d, or until ctx is done, whose error it then returns.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// trace, set by KG_TRACE, prints each query's start to stderr; it is read
// once, not on every query.
var trace = os.Getenv("KG_TRACE") != ""

// run runs one query in tx and collects its records.
func run(ctx context.Context, s *Store, tx querier, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	s.queries.Add(1)
	if trace {
		q := strings.Join(strings.Fields(cypher), " ")
		fmt.Fprintf(os.Stderr, "TRACE %q\n", q[:min(70, len(q))])
	}
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	return res.Collect(ctx)
}

// single runs a query returning one row and returns column key of it.
func single[T neo4j.RecordValue](ctx context.Context, s *Store, tx querier, cypher string, params map[string]any, key string) (T, error) {
	var zero T
	recs, err := run(ctx, s, tx, cypher, params)
	if err != nil || len(recs) == 0 {
		return zero, err
	}
	v, _, err := neo4j.GetRecordValue[T](recs[0], key)
	return v, err
}

// translate maps driver errors to coded application errors: a database
// that cannot be reached is UNAVAILABLE, a transaction past its timeout is
// TIMEOUT; anything else stays internal.
func translate(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	var ne *neo4j.Neo4jError
	switch {
	case neo4j.IsConnectivityError(err) || isRefused(err):
		return fmt.Errorf("%w: %w", kg.Errorf(kg.EUNAVAILABLE, "the database is unavailable"), err)
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(ctx.Err(), context.DeadlineExceeded):
		return fmt.Errorf("%w: %w", kg.Errorf(kg.ETIMEOUT, "the query took too long"), err)
	case errors.As(err, &ne) && strings.HasPrefix(ne.Code, "Neo.ClientError.Transaction.TransactionTimedOut"):
		return fmt.Errorf("%w: %w", kg.Errorf(kg.ETIMEOUT, "the query took too long"), err)
	case neo4j.IsRetryable(err):
		return fmt.Errorf("%w: %w", kg.Errorf(kg.EUNAVAILABLE, "the database is unavailable"), err)
	}
	return err
}

// isRefused reports whether err comes from a database that cannot be
// reached at all (the driver wraps the dial error in its retry error).
func isRefused(err error) bool {
	var ne *net.OpError
	if errors.As(err, &ne) {
		return true
	}
	msg := err.Error()
	return strings.Contains(msg, "connection refused") || strings.Contains(msg, "ConnectivityError") || strings.Contains(msg, "connect: ")
}
