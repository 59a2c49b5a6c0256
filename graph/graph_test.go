package graph_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"

	"github.com/yearbookkg/kg/api"
	"github.com/yearbookkg/kg/loaders"
	"github.com/yearbookkg/kg/neo4jstore"
	"github.com/yearbookkg/kg/neo4jstore/neo4jtest"
)

func TestMain(m *testing.M) { os.Exit(neo4jtest.Main(m)) }

var (
	loadOnce sync.Once
	loadErr  error
)

// service returns the API over the test Neo4j with the vendored yearbook
// loaded (once per test binary).
func service(t testing.TB) (http.Handler, *neo4jstore.Store) {
	t.Helper()
	store := neo4jtest.Store(t)
	loadOnce.Do(func() {
		if err := store.DeleteAll(context.Background()); err != nil {
			loadErr = err
			return
		}
		_, _, loadErr = loaders.LoadFile(context.Background(), store, "../data/wuwei-2024.txt", io.Discard, true)
	})
	if loadErr != nil {
		t.Fatalf("load yearbook: %v", loadErr)
	}
	return api.New(store, api.Options{}), store
}

// gqlError is an error of a GraphQL response.
type gqlError struct {
	Message    string         `json:"message"`
	Extensions map[string]any `json:"extensions"`
}

func (e gqlError) code() string { s, _ := e.Extensions["code"].(string); return s }

// post sends a GraphQL query as a JSON POST to the HTTP handler and
// returns the recorded answer.
func post(t testing.TB, h http.Handler, q string, vars map[string]any) *httptest.ResponseRecorder {
	t.Helper()
	body, err := json.Marshal(map[string]any{"query": q, "variables": vars})
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// query runs a GraphQL query through the HTTP handler and decodes data into
// out; it returns the response's errors.
func query(t *testing.T, h http.Handler, q string, vars map[string]any, out any) []gqlError {
	t.Helper()
	rec := post(t, h, q, vars)
	var resp struct {
		Data   json.RawMessage `json:"data"`
		Errors []gqlError      `json:"errors"`
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil {
		t.Fatalf("status %d, body %q: %v", rec.Code, rec.Body.String(), err)
	}
	if rec.Code >= 500 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body.String())
	}
	if out != nil && len(resp.Data) > 0 && string(resp.Data) != "null" {
		if err := json.Unmarshal(resp.Data, out); err != nil {
			t.Fatalf("decode %s: %v", resp.Data, err)
		}
	}
	return resp.Errors
}

// mustQuery is query for queries that must succeed.
func mustQuery(t *testing.T, h http.Handler, q string, vars map[string]any, out any) {
	t.Helper()
	if errs := query(t, h, q, vars, out); len(errs) > 0 {
		t.Fatalf("errors: %+v", errs)
	}
}

// idOf finds the ID of the entity of kind whose name is exactly name.
func idOf(t *testing.T, h http.Handler, kind, name string) string {
	t.Helper()
	var out struct {
		Search []struct{ ID, Name string }
	}
	mustQuery(t, h, `query($q: String!, $k: [EntityKind!]) { search(query: $q, kinds: $k, first: 5) { id name } }`,
		map[string]any{"q": name, "k": []string{kind}}, &out)
	for _, e := range out.Search {
		if e.Name == name {
			return e.ID
		}
	}
	t.Fatalf("no %s named %s: %+v", kind, name, out.Search)
	return ""
}
