package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/yearbookkg/kg/api"
	"github.com/yearbookkg/kg/launcher"
	"github.com/yearbookkg/kg/loaders"
	"github.com/yearbookkg/kg/loaders/decode"
	"github.com/yearbookkg/kg/neo4jstore"
)

var errUsage = errors.New("usage")

const usage = `kg builds and serves a knowledge graph of Chinese yearbooks (年鉴).

Usage:
  kg serve [flags]          serve GraphQL at /graphql and GraphiQL at /graphiql
  kg load [flags] FILE...   extract yearbooks and load them into Neo4j
  kg extract FILE           print a yearbook's graph as JSON Lines
  kg eval [flags] [DIR]     score the extraction against a gold set
  kg probe URL              exit 0 if URL answers 200 (container health checks)

Environment: PORT (8080), NEO4J_URI (unset: start the bundled Neo4j),
NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE, NEO4J_BOLT_PORT (7687, bundled
Neo4j), KG_DATA_DIR (var/neo4j, bundled Neo4j), KG_YEARBOOK
(data/wuwei-2024.txt: loaded by serve when the graph is empty).
Run "kg COMMAND -h" for a command's flags.
`

// Main is the program: it owns the resources a command opens (the
// embedded Neo4j, the driver) and closes them in Close.
type Main struct {
	Stdout, Stderr io.Writer
	Logger         *slog.Logger

	// Addr reports the address serve listens on, once it does (tests read
	// it after starting serve on port 0).
	Addr chan string

	neo   *launcher.Server
	store *neo4jstore.Store
}

// NewMain returns a Main writing to stdout and stderr.
func NewMain(stdout, stderr io.Writer) *Main {
	return &Main{Stdout: stdout, Stderr: stderr, Logger: slog.New(slog.NewTextHandler(stderr, nil)), Addr: make(chan string, 1)}
}

// Run runs the command in args until it finishes or ctx is cancelled.
func (m *Main) Run(ctx context.Context, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(m.Stderr, usage)
		return errUsage
	}
	tuneGC()
	switch args[0] {
	case "serve":
		return m.serve(ctx, args[1:])
	case "load":
		return m.load(ctx, args[1:])
	case "extract":
		return m.extract(args[1:])
	case "eval":
		return m.eval(args[1:])
	case "probe":
		return m.probe(ctx, args[1:])
	case "-h", "-help", "--help", "help":
		fmt.Fprint(m.Stdout, usage)
		return nil
	}
	fmt.Fprintf(m.Stderr, "kg: unknown command %q\n\n%s", args[0], usage)
	return errUsage
}

// Close stops what Run started: the driver, then the embedded Neo4j.
func (m *Main) Close() error {
	var err error
	if m.store != nil {
		err = m.store.Close(context.Background())
		m.store = nil
	}
	if m.neo != nil {
		err = errors.Join(err, m.neo.Close())
		m.neo = nil
	}
	return err
}

// dbFlags are the flags of commands that use Neo4j.
type dbFlags struct {
	uri, user, password, database string
	boltPort                      int
	dataDir                       string
	timeout                       time.Duration
}

func (f *dbFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.uri, "neo4j-uri", os.Getenv("NEO4J_URI"), "Neo4j URI (bolt://, neo4j://, neo4j+s://); empty starts the bundled Neo4j")
	fs.StringVar(&f.user, "neo4j-user", envOr("NEO4J_USER", ""), "Neo4j user")
	fs.StringVar(&f.password, "neo4j-password", os.Getenv("NEO4J_PASSWORD"), "Neo4j password")
	fs.StringVar(&f.database, "neo4j-database", os.Getenv("NEO4J_DATABASE"), "Neo4j database (empty: the server's default)")
	fs.IntVar(&f.boltPort, "bolt-port", envInt("NEO4J_BOLT_PORT", 7687), "Bolt port of the bundled Neo4j on 127.0.0.1 (0: any free port)")
	fs.StringVar(&f.dataDir, "data-dir", envOr("KG_DATA_DIR", "var/neo4j"), "data folder of the bundled Neo4j")
	fs.DurationVar(&f.timeout, "connect-timeout", 2*time.Minute, "how long to wait for Neo4j to answer")
}

// open connects to Neo4j, starting the bundled one first when no URI is
// configured, and makes sure the schema exists.
func (m *Main) open(ctx context.Context, f *dbFlags, queryTimeout time.Duration) error {
	uri := f.uri
	if uri == "" {
		jar, err := launcher.FindJar()
		if errors.Is(err, launcher.ErrNoJar) {
			root, rerr := launcher.FindRoot(".")
			if rerr != nil {
				return err
			}
			fmt.Fprintln(m.Stderr, "kg: building the Neo4j launcher (first run downloads Neo4j from Maven Central)…")
			jar, err = launcher.EnsureJar(ctx, root, m.Stderr)
		}
		if err != nil {
			return err
		}
		dir, err := filepath.Abs(f.dataDir)
		if err != nil {
			return err
		}
		fmt.Fprintf(m.Stderr, "kg: starting the bundled Neo4j (data in %s)…\n", dir)
		t := time.Now()
		m.neo, err = launcher.Start(ctx, launcher.Config{Jar: jar, DataDir: dir, Port: f.boltPort})
		if err != nil {
			return fmt.Errorf("start bundled neo4j: %w", err)
		}
		uri = m.neo.URI()
		fmt.Fprintf(m.Stderr, "kg: Neo4j ready at %s in %s\n", uri, time.Since(t).Round(time.Millisecond))
	}
	cctx, cancel := context.WithTimeout(ctx, f.timeout)
	defer cancel()
	store, err := neo4jstore.Open(cctx, neo4jstore.Config{URI: uri, User: f.user, Password: f.password, Database: f.database, QueryTimeout: queryTimeout})
	if err != nil {
		return err
	}
	m.store = store
	if err := store.EnsureSchema(ctx); err != nil {
		return fmt.Errorf("create schema: %w", err)
	}
	return nil
}

func (m *Main) serve(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	var db dbFlags
	db.register(fs)
	port := fs.String("port", envOr("PORT", "8080"), "HTTP port")
	host := fs.String("host", envOr("KG_HOST", ""), "HTTP host to listen on (empty: all interfaces)")
	yearbook := fs.String("yearbook", envOr("KG_YEARBOOK", "data/wuwei-2024.txt"), "yearbook loaded when the graph is empty (empty: none)")
	timeout := fs.Duration("request-timeout", envDuration("KG_REQUEST_TIMEOUT", 10*time.Second), "per-request timeout, also the Neo4j transaction timeout")
	maxBody := fs.Int64("max-body", int64(envInt("KG_MAX_BODY_BYTES", 1<<20)), "maximum request body in bytes")
	complexity := fs.Int("complexity-limit", envInt("KG_COMPLEXITY_LIMIT", 20000), "maximum query complexity (list fields count by their first argument)")
	depth := fs.Int("depth-limit", envInt("KG_DEPTH_LIMIT", 12), "maximum query depth")
	rateLimit := fs.Float64("rate-limit", envFloat("KG_RATE_LIMIT", 0), "requests per second per client IP on /graphql (0: no limit)")
	rateBurst := fs.Int("rate-burst", envInt("KG_RATE_BURST", 0), "burst of the per-client rate limit (0: the rate)")
	origins := fs.String("cors-origins", envOr("KG_CORS_ORIGINS", "*"), "comma-separated origins allowed to call /graphql from a browser (* for any, empty for none)")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(*host, *port))
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	defer ln.Close()
	if err := m.open(ctx, &db, *timeout); err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           api.New(m.store, api.Options{RequestTimeout: *timeout, MaxBodyBytes: *maxBody, ComplexityLimit: *complexity, DepthLimit: *depth, RateLimit: *rateLimit, RateBurst: *rateBurst, CORSOrigins: splitList(*origins), Logger: m.Logger}),
		ReadHeaderTimeout: 10 * time.Second,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	m.Logger.Info("serving", "graphql", "http://"+ln.Addr().String()+"/graphql", "playground", "http://"+ln.Addr().String()+"/graphiql")
	m.Addr <- ln.Addr().String()
	if *yearbook != "" {
		go m.loadIfEmpty(ctx, *yearbook)
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	m.Logger.Info("shutting down: draining requests")
	sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	return srv.Shutdown(sctx)
}

// loadIfEmpty loads the default yearbook when no yearbook is loaded yet;
// meanwhile /readyz answers 503. A database that is still warming up (or
// briefly unreachable) is retried with backoff until ctx ends, so that a
// slow start never leaves the service empty for good.
func (m *Main) loadIfEmpty(ctx context.Context, path string) {
	delay := time.Second
	for {
		err := m.tryLoadIfEmpty(ctx, path)
		if err == nil || ctx.Err() != nil {
			return
		}
		var de *decode.Error
		if errors.As(err, &de) {
			m.Logger.Error("load default yearbook", "err", err)
			return // the file itself is bad: retrying cannot help
		}
		m.Logger.Warn("load default yearbook: will retry", "in", delay, "err", err)
		select {
		case <-ctx.Done():
			return
		case <-time.After(delay):
		}
		delay = min(2*delay, 30*time.Second)
	}
}

func (m *Main) tryLoadIfEmpty(ctx context.Context, path string) error {
	st, err := m.store.Stats(ctx)
	if err != nil {
		return fmt.Errorf("check for loaded yearbooks: %w", err)
	}
	if len(st.Yearbooks) > 0 {
		return nil
	}
	m.Logger.Info("graph is empty: loading the default yearbook", "file", path)
	_, _, err = loaders.LoadFile(ctx, m.store, path, m.Stderr, false)
	return err
}

func (m *Main) load(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	var db dbFlags
	db.register(fs)
	force := fs.Bool("force", false, "reload even if the same file was loaded before")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(m.Stderr, "usage: kg load [flags] FILE...")
		return errUsage
	}
	if err := m.open(ctx, &db, 0); err != nil {
		return err
	}
	for _, path := range fs.Args() {
		if _, _, err := loaders.LoadFile(ctx, m.store, path, m.Stderr, *force); err != nil {
			return err
		}
	}
	return nil
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func envInt(k string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(k)); err == nil {
		return n
	}
	return def
}

func envFloat(k string, def float64) float64 {
	if f, err := strconv.ParseFloat(os.Getenv(k), 64); err == nil {
		return f
	}
	return def
}

func envDuration(k string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(os.Getenv(k)); err == nil {
		return d
	}
	return def
}

// probe checks a URL for the container health check: the service image has
// no shell or curl.
func (m *Main) probe(ctx context.Context, args []string) error {
	if len(args) != 1 {
		fmt.Fprintln(m.Stderr, "usage: kg probe URL")
		return errUsage
	}
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, args[0], nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s: %s", args[0], resp.Status)
	}
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
