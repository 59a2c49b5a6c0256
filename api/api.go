// Package api serves the knowledge graph over HTTP: the GraphQL endpoint,
// the GraphiQL playground, and the health and readiness probes a load
// balancer or an orchestrator polls. It holds no state of its own, so any
// number of replicas can serve the same database.
package api

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql/playground"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/graph"
	"github.com/yearbookkg/kg/graph/dataloader"
	"github.com/yearbookkg/kg/neo4jstore"
)

// Options configure the HTTP API.
type Options struct {
	// RequestTimeout bounds each request; Neo4j transactions inherit it.
	// 0 means 10s.
	RequestTimeout time.Duration
	// MaxBodyBytes caps a request body; 0 means 1 MiB.
	MaxBodyBytes int64
	// ComplexityLimit is passed to the GraphQL handler.
	ComplexityLimit int
	Logger          *slog.Logger
}

// New returns the service's HTTP handler:
//
//	POST|GET /graphql   GraphQL
//	GET /graphiql       the GraphiQL playground
//	GET /healthz        200 while the process runs
//	GET /readyz         200 when Neo4j answers and a yearbook is loaded, else 503
//	GET /               redirects to /graphiql
func New(store *neo4jstore.Store, opts Options) http.Handler {
	if opts.RequestTimeout == 0 {
		opts.RequestTimeout = 10 * time.Second
	}
	if opts.MaxBodyBytes == 0 {
		opts.MaxBodyBytes = 1 << 20
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	gql := graph.NewHandler(store, graph.Options{ComplexityLimit: opts.ComplexityLimit, Logger: opts.Logger})
	mux := http.NewServeMux()
	mux.Handle("/graphql", limit(opts, dataloader.Middleware(store, gql)))
	mux.Handle("GET /graphiql", playground.Handler("Yearbook knowledge graph", "/graphql"))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		if err := store.Ready(ctx); err != nil {
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "reason": kg.ErrorMessage(err)})
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"status": "ready"})
	})
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/graphiql", http.StatusFound)
	})
	return mux
}

// limit bounds a request's body size and duration. The deadline travels in
// the context down to the Neo4j transactions.
func limit(opts Options, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), opts.RequestTimeout)
		defer cancel()
		r.Body = http.MaxBytesReader(w, r.Body, opts.MaxBodyBytes)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
