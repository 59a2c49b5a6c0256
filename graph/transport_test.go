package graph_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/99designs/gqlgen/graphql"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/graph"
)

// TestPOSTAnswersAsGqlgen checks the POST transport (graph/transport.go)
// against gqlgen's own: for answers with data only (written directly),
// with errors, with HTML characters and line separators in strings,
// invalid JSON, invalid queries and content types, the status, the content
// type and the body must be the same, byte for byte.
func TestPOSTAnswersAsGqlgen(t *testing.T) {
	_, store := service(t)
	ours := graph.NewHandler(store, graph.Options{})
	theirs := graph.NewHandler(store, graph.WithGqlgenPOST(graph.Options{}))

	person := kg.Ref{Kind: kg.Person, Key: "王国斌"}.ID()
	tests := []struct {
		name, body, accept string
	}{
		{"career", `{"query":"query($id: ID!) { node(id: $id) { ... on Person { name career { position { title start end organization { name } } events { date name } } } } }","variables":{"id":"` + person + `"}}`, ""},
		{"graphql-response+json", `{"query":"{ stats { people } }"}`, "application/graphql-response+json"},
		{"accept any", `{"query":"{ stats { people } }"}`, "text/html, */*;q=0.8"},
		{"accept other", `{"query":"{ stats { people } }"}`, "text/html"},
		{"html and separators in an argument", `{"query":"{ search(query: \"<a&b>\u2028\u2029\") { id } __typename }"}`, ""},
		{"alias and operation name", `{"query":"query Q { a: __typename }","operationName":"Q"}`, ""},
		{"resolver error", `{"query":"{ node(id: \"x\") { id } }"}`, ""},
		{"not found", `{"query":"{ node(id: \"per_aaaaaaaaaaaaaaaa\") { id } }"}`, ""},
		{"invalid query", `{"query":"{ nope }"}`, ""},
		{"invalid query, graphql-response+json", `{"query":"{ nope }"}`, "application/graphql-response+json"},
		{"syntax error", `{"query":"{ stats { "}`, ""},
		{"bad variables", `{"query":"query($id: ID!) { node(id: $id) { id } }","variables":{"id":3}}`, ""},
		{"invalid JSON", `{"query":`, ""},
		{"no query", `{}`, ""},
		{"persisted query not found", `{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"0000000000000000000000000000000000000000000000000000000000000000"}}}`, ""},
	}
	send := func(h http.Handler, body, accept string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, "/graphql", bytes.NewReader([]byte(body)))
		req.Header.Set("Content-Type", "application/json")
		if accept != "" {
			req.Header.Set("Accept", accept)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, want := send(ours, tt.body, tt.accept), send(theirs, tt.body, tt.accept)
			if got.Code != want.Code || got.Header().Get("Content-Type") != want.Header().Get("Content-Type") || !bytes.Equal(got.Body.Bytes(), want.Body.Bytes()) {
				t.Errorf("got %d %s %.1500s\nwant %d %s %.1500s", got.Code, got.Header().Get("Content-Type"), got.Body.Bytes(),
					want.Code, want.Header().Get("Content-Type"), want.Body.Bytes())
			}
		})
	}
	// The escaping itself, on data the yearbook's answers do not show:
	// the same bytes as json.Marshal of the response.
	for _, data := range []string{`{"a":"<x>&\u2028\u2029\u2027"}`, `{"a":"\u2028"}`, `{"a":"x\u2029"}`, `{"a":["&","<<>>"],"b":null}`, `null`, `{}`} {
		var b bytes.Buffer
		graph.WriteResponse(&b, &graphql.Response{Data: []byte(data)})
		want, err := json.Marshal(&graphql.Response{Data: []byte(data)})
		if err != nil {
			t.Fatal(err)
		}
		if b.String() != string(want) {
			t.Errorf("%s: wrote %s, want %s", data, b.String(), want)
		}
	}
}
