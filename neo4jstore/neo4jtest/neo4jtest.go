// Package neo4jtest gives integration tests a real Neo4j: the one at
// $NEO4J_URI when set (tests then share it, run them with -p 1), else one
// bundled Neo4j per test binary, started on a free port with a throwaway
// data folder on first use and stopped when the binary's tests end.
package neo4jtest

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/yearbookkg/kg/launcher"
	"github.com/yearbookkg/kg/neo4jstore"
)

var (
	once   sync.Once
	uri    string
	server *launcher.Server
	err    error
)

// URI returns the Bolt URI of the test database, starting the bundled
// Neo4j on first use. Under -short it skips the test: integration tests
// need a JVM and a few seconds.
func URI(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("integration test: needs Neo4j (skipped with -short)")
	}
	once.Do(func() {
		if uri = os.Getenv("NEO4J_URI"); uri != "" {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Minute)
		defer cancel()
		root, e := launcher.FindRoot(".")
		if e != nil {
			err = e
			return
		}
		jar, e := launcher.EnsureJar(ctx, root, os.Stderr)
		if e != nil {
			err = e
			return
		}
		server, err = launcher.Start(ctx, launcher.Config{Jar: jar, Port: 0})
		if err == nil {
			uri = server.URI()
		}
	})
	if err != nil {
		t.Fatalf("neo4j for tests: %v", err)
	}
	return uri
}

// Store opens a store on the test database and closes it when the test
// ends. Tests that share the database must not assume it is empty unless
// they call Reset.
func Store(t testing.TB) *neo4jstore.Store {
	t.Helper()
	u := URI(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	s, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: u, User: os.Getenv("NEO4J_USER"), Password: os.Getenv("NEO4J_PASSWORD")})
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { _ = s.Close(context.Background()) })
	if err := s.EnsureSchema(ctx); err != nil {
		t.Fatalf("schema: %v", err)
	}
	return s
}

// Reset deletes every node of the test database.
func Reset(t testing.TB, s *neo4jstore.Store) {
	t.Helper()
	if err := s.DeleteAll(context.Background()); err != nil {
		t.Fatalf("reset: %v", err)
	}
}

// Main runs a test binary's tests and stops the bundled Neo4j afterwards.
// Use it from TestMain: os.Exit(neo4jtest.Main(m)).
func Main(m *testing.M) int {
	code := m.Run()
	if server != nil {
		if err := server.Close(); err != nil {
			fmt.Fprintln(os.Stderr, "neo4jtest: stop neo4j:", err)
		}
	}
	return code
}
