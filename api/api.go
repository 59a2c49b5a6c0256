// Package api serves the knowledge graph over HTTP: the GraphQL endpoint,
// the GraphiQL playground, and the health and readiness probes a load
// balancer or an orchestrator polls. It holds no state of its own, so any
// number of replicas can serve the same database.
package api

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"time"

	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/klauspost/compress/gzhttp"
	"github.com/klauspost/compress/gzip"
	"github.com/rs/cors"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/explorer"
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
	// ComplexityLimit and DepthLimit are passed to the GraphQL handler.
	ComplexityLimit, DepthLimit int
	// RateLimit is the requests per second allowed to each client IP on
	// /graphql, with RateBurst; 0 disables the limit.
	RateLimit float64
	RateBurst int
	// CORSOrigins lists the origins browsers may call /graphql from; "*"
	// allows any. Empty allows none (same-origin only).
	CORSOrigins []string
	Logger      *slog.Logger
}

// New returns the service's HTTP handler:
//
//	POST|GET /graphql   GraphQL
//	GET /graphiql       the GraphiQL playground
//	GET /healthz        200 while the process runs
//	GET /readyz         200 when Neo4j answers and a yearbook is loaded, else 503
//	GET /metrics        Prometheus metrics
//	GET /               the graph explorer (a page over the same /graphql)
//	GET /e/{id}         the explorer on one entity (a shareable deep link)
//	GET /path           the explorer's "how are these two connected?" view
//	GET /assets/…       the explorer's script and stylesheet
//
// Responses are gzip-compressed for clients that accept it.
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
	metrics := NewMetrics()
	store.Observe(metrics.Transaction)
	gql := graph.NewHandler(store, graph.Options{ComplexityLimit: opts.ComplexityLimit, DepthLimit: opts.DepthLimit, Logger: opts.Logger, OnError: metrics.GraphQLError})
	corsPolicy := cors.New(cors.Options{AllowedOrigins: opts.CORSOrigins, AllowedMethods: []string{http.MethodGet, http.MethodPost}, AllowedHeaders: []string{"Content-Type", "Accept", "Authorization"}, MaxAge: 600})
	var gqlHandler http.Handler = corsPolicy.Handler(limit(opts, dataloader.Middleware(store, gql)))
	if opts.RateLimit > 0 {
		gqlHandler = newRateLimiter(opts.RateLimit, opts.RateBurst).middleware(gqlHandler)
	}
	mux := http.NewServeMux()
	mux.Handle("/graphql", metrics.instrument("/graphql", gqlHandler))
	mux.Handle("GET /graphiql", graphiql())
	mux.Handle("GET /metrics", metrics.Handler())
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
	// The explorer routes on the path in the browser, so each of its
	// routes serves the same page.
	ex := explorer.New()
	mux.Handle("GET /{$}", ex.Index())
	mux.Handle("GET /e/{id}", ex.Index())
	mux.Handle("GET /path", ex.Index())
	mux.Handle("GET /assets/", ex.Assets())
	return Compress(mux)
}

// Compress gzips responses for clients that accept it, at level 1 (the
// fastest) and only answers over 2 kB. On a small machine the service's
// CPU is taken from Neo4j: level 1 compresses a 28 kB neighbourhood in
// 57 µs against 118 µs at the default level, and shrinks it by 85 %
// against 86 %; answers under 2 kB gain nothing (they fit a packet or
// two either way).
//
// It is exported for the load generator, whose floor of an HTTP service
// serves the same answers with the same compression.
func Compress(h http.Handler) http.Handler {
	wrap, err := gzhttp.NewWrapper(gzhttp.CompressionLevel(gzip.BestSpeed), gzhttp.MinSize(2048))
	if err != nil {
		panic(err) // the options are constants
	}
	return wrap(h)
}

// examples are the worked queries of docs/api.md, which the playground
// opens with.
//
//go:embed examples.graphql
var examples string

// graphiql serves the GraphiQL playground, opening with the worked examples
// when the URL carries no query of its own (the playground keeps the query
// it edits in the URL, so links to a query can be shared).
func graphiql() http.Handler {
	page := playground.Handler("Yearbook knowledge graph", "/graphql", playground.WithGraphiqlPersistStateInURL(true))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("query") == "" {
			http.Redirect(w, r, "/graphiql?"+url.Values{"query": {examples}}.Encode(), http.StatusFound)
			return
		}
		page.ServeHTTP(w, r)
	})
}

// limit bounds a request's body size and duration. The deadline travels in
// the context down to the Neo4j transactions. A body over the limit is
// refused here with 413, before the GraphQL transport reads it.
func limit(opts Options, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), opts.RequestTimeout)
		defer cancel()
		if r.Body != nil && r.Method == http.MethodPost {
			body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, opts.MaxBodyBytes))
			if err != nil {
				status, msg := http.StatusBadRequest, "could not read the request body"
				var tooBig *http.MaxBytesError
				if errors.As(err, &tooBig) {
					status, msg = http.StatusRequestEntityTooLarge, fmt.Sprintf("request body over %d bytes", opts.MaxBodyBytes)
				}
				writeJSON(w, status, map[string]any{"errors": []map[string]any{{"message": msg, "extensions": map[string]string{"code": "BAD_REQUEST"}}}})
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
