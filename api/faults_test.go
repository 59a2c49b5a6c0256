package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/yearbookkg/kg/api"
	"github.com/yearbookkg/kg/launcher"
	"github.com/yearbookkg/kg/loaders"
	"github.com/yearbookkg/kg/neo4jstore"
)

// post sends a GraphQL query and returns the HTTP status and the code of
// the first error ("" when none).
func post(h http.Handler, q string) (int, string) {
	body, _ := json.Marshal(map[string]any{"query": q})
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var resp struct {
		Errors []struct {
			Extensions map[string]any `json:"extensions"`
		} `json:"errors"`
	}
	json.Unmarshal(rec.Body.Bytes(), &resp)
	code := ""
	if len(resp.Errors) > 0 {
		code, _ = resp.Errors[0].Extensions["code"].(string)
	}
	return rec.Code, code
}

// TestDatabaseRestart stops the real Neo4j under live requests and starts
// it again: requests fail fast with UNAVAILABLE while it is down, never
// with a 500 or a hang, and the same service recovers without a restart.
func TestDatabaseRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Neo4j")
	}
	ctx := context.Background()
	root, err := launcher.FindRoot(".")
	if err != nil {
		t.Fatal(err)
	}
	jar, err := launcher.EnsureJar(ctx, root, os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	srv, err := launcher.Start(ctx, launcher.Config{Jar: jar, DataDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { srv.Close() }()
	store, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: srv.URI()})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close(ctx)
	if err := store.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile("../data/wuwei-2024.txt")
	lines := strings.Split(string(b), "\n")
	res, err := loaders.Extract("excerpt.txt", []byte(strings.Join(lines[5520:7800], "\n")+"\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Load(ctx, res.Graph, neo4jstore.LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	h := api.New(store, api.Options{RequestTimeout: 3 * time.Second})
	const q = `{ stats { events } events(first: 3) { edges { node { name } } } }`
	// On a loaded machine the first reads after a big write can be slow to
	// be served; the test is about the stop, so wait until they are.
	waitOK := func(when string) {
		deadline := time.Now().Add(time.Minute)
		for {
			status, code := post(h, q)
			if status == 200 && code == "" {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: %d %s", when, status, code)
			}
			time.Sleep(250 * time.Millisecond)
		}
	}
	waitOK("before the stop")
	goroutines := runtime.NumGoroutine()

	port := srv.Port()
	if err := srv.Close(); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 5; i++ {
		start := time.Now()
		status, code := post(h, q)
		if status >= 500 && status != http.StatusServiceUnavailable || code != "UNAVAILABLE" {
			t.Errorf("while down: status %d code %q", status, code)
		}
		if d := time.Since(start); d > 4*time.Second {
			t.Errorf("while down: took %s, past the request timeout", d)
		}
	}
	req := httptest.NewRequest(http.MethodGet, "/readyz", nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusServiceUnavailable {
		t.Errorf("/readyz while down: %d", rec.Code)
	}

	srv, err = launcher.Start(ctx, launcher.Config{Jar: jar, DataDir: dir, Port: port})
	if err != nil {
		t.Fatal(err)
	}
	waitOK("after the restart (no recovery)")
	// No goroutine is left behind by the failed requests.
	time.Sleep(time.Second)
	if n := runtime.NumGoroutine(); n > goroutines+10 {
		t.Errorf("goroutines: %d before the stop, %d after recovery", goroutines, n)
	}
}
