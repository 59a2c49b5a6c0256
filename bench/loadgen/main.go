// Command loadgen measures the GraphQL API under load and compares it with
// its floor: the same data fetched by hand-written Cypher over Bolt as
// auto-commit queries of a read session, with no GraphQL in between.
//
// Each run is a closed loop: a fixed number of clients send a fixed number
// of requests, each client sending its next request when the previous one
// has answered; the requests cycle through a query's parameter sets in an
// order drawn from a fixed seed, the same for GraphQL and the floor.
//
// Two more modes measure what any HTTP service in front of this Neo4j
// would pay: the service's answers served by a bare HTTP server in a
// process of its own, from memory (http) or after running the floor's
// Cypher (relay).
//
//	loadgen -url http://127.0.0.1:8080/graphql -neo4j-uri bolt://127.0.0.1:7687 -pid PID -out results.json
//	loadgen -soak 10m ...          32 clients of mixed queries for 10 minutes: errors and memory over time
//	loadgen -inproc -cpuprofile cpu.prof -memprofile allocs.prof -neo4j-uri ...
//	                               serve the API inside this process and profile it under load
//	loadgen -plans -neo4j-uri ...  profile each floor query once: where its plan starts, whether it scans
//
// Load goes to 127.0.0.1 only.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"os/signal"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"

	"github.com/yearbookkg/kg/api"
	"github.com/yearbookkg/kg/bench/internal/measure"
	"github.com/yearbookkg/kg/bench/internal/results"
	"github.com/yearbookkg/kg/neo4jstore"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(1)
	}
}

// options are the command's flags.
type options struct {
	url, neo4jURI       string
	pid, jvmPID         int
	clients             []int
	requests            map[int]int
	rounds, warmup      int
	seed                uint64
	only, modes         []string
	out, label          string
	soak, soakEvery     time.Duration
	inproc              bool
	cpuProfile, memProf string
	verbose             bool
	plans               bool
	serveAnswers        string
}

func parse(args []string) (*options, error) {
	fs := flag.NewFlagSet("loadgen", flag.ContinueOnError)
	o := &options{}
	fs.StringVar(&o.url, "url", "http://127.0.0.1:8080/graphql", "GraphQL endpoint (loopback only)")
	fs.StringVar(&o.neo4jURI, "neo4j-uri", "bolt://127.0.0.1:7687", "Neo4j the service reads, for the floor (loopback only)")
	fs.IntVar(&o.pid, "pid", 0, "process ID of the service, for its resident memory (0: read process_resident_memory_bytes from /metrics)")
	fs.IntVar(&o.jvmPID, "jvm-pid", 0, "process ID of Neo4j's JVM, for its resident memory (0: not measured)")
	clients := fs.String("clients", "1,8,32", "concurrent clients of each run")
	requests := fs.String("requests", "1=150,8=400,32=800", "requests per run, by clients")
	fs.IntVar(&o.rounds, "rounds", 3, "times the whole suite runs; the report shows medians and ranges over rounds")
	fs.IntVar(&o.warmup, "warmup", 1, "rounds of the whole suite run first and not recorded (Neo4j's JIT and background index sampling settle)")
	fs.Uint64Var(&o.seed, "seed", 1, "seed of the order of parameter sets")
	only := fs.String("queries", "", "comma-separated query names to run (default all)")
	modes := fs.String("modes", "graphql,floor,http,relay", "what to measure: graphql, floor (its Cypher over Bolt), http (the service's answers served from memory by a bare HTTP server) and relay (the same server running the floor before it answers)")
	fs.StringVar(&o.serveAnswers, "serve-answers", "", "serve the answers in this file for the http and relay modes, printing the address (the suite starts it itself)")
	fs.StringVar(&o.out, "out", "bench/results/loadgen.json", "JSON results file")
	fs.StringVar(&o.label, "label", "", "label recorded with the results")
	fs.DurationVar(&o.soak, "soak", 0, "run a soak of this duration (32 clients, mixed queries) instead of the suite")
	fs.DurationVar(&o.soakEvery, "soak-every", 10*time.Second, "soak sampling interval")
	fs.BoolVar(&o.inproc, "inproc", false, "serve the API in this process (for profiles) instead of calling -url")
	fs.StringVar(&o.cpuProfile, "cpuprofile", "", "with -inproc: write a CPU profile of the GraphQL runs")
	fs.StringVar(&o.memProf, "memprofile", "", "with -inproc: write an allocation profile of the GraphQL runs")
	fs.BoolVar(&o.verbose, "v", false, "print every run")
	fs.BoolVar(&o.plans, "plans", false, "instead of timing, profile each floor query once and print where its plan starts (fails if one scans a whole kind)")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	var err error
	if o.clients, err = ints(*clients); err != nil {
		return nil, fmt.Errorf("-clients: %w", err)
	}
	o.requests = map[int]int{}
	for _, kv := range strings.Split(*requests, ",") {
		k, v, ok := strings.Cut(kv, "=")
		c, err1 := strconv.Atoi(k)
		n, err2 := strconv.Atoi(v)
		if !ok || err1 != nil || err2 != nil || n < 1 {
			return nil, fmt.Errorf("-requests: bad %q", kv)
		}
		o.requests[c] = n
	}
	for _, c := range o.clients {
		if o.requests[c] == 0 {
			return nil, fmt.Errorf("-requests: no count for %d clients", c)
		}
	}
	o.only, o.modes = list(*only), list(*modes)
	if o.rounds < 1 || o.warmup < 0 {
		return nil, errors.New("-rounds must be at least 1 and -warmup at least 0")
	}
	for _, u := range []string{o.url, o.neo4jURI} {
		if err := loopback(u); err != nil {
			return nil, err
		}
	}
	return o, nil
}

func ints(s string) ([]int, error) {
	var out []int
	for _, f := range list(s) {
		n, err := strconv.Atoi(f)
		if err != nil || n < 1 {
			return nil, fmt.Errorf("bad number %q", f)
		}
		out = append(out, n)
	}
	return out, nil
}

func list(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// loopback refuses targets other than this machine: load is for 127.0.0.1.
func loopback(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(u.Hostname()); u.Hostname() != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("%s is not a loopback address: load goes to 127.0.0.1 only", raw)
	}
	return nil
}

func run(ctx context.Context, args []string) (err error) {
	o, err := parse(args)
	if err != nil {
		return err
	}
	if o.serveAnswers != "" {
		return serveAnswers(ctx, o)
	}
	driver, err := neo4j.NewDriverWithContext(o.neo4jURI, neo4j.NoAuth(), func(c *config.Config) {
		c.MaxConnectionPoolSize = 64 // as the service's store
	})
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, driver.Close(context.WithoutCancel(ctx))) }()
	if err := driver.VerifyConnectivity(ctx); err != nil {
		return fmt.Errorf("neo4j at %s: %w", o.neo4jURI, err)
	}
	fl := &floorClient{driver: driver}

	if o.inproc {
		stop, err := serveInProcess(ctx, o)
		if err != nil {
			return err
		}
		defer stop()
	}
	gql := newGraphQLClient(o.url, slices.Max(o.clients))
	qs, err := resolve(ctx, fl, o.only)
	if err != nil {
		return err
	}
	if o.plans {
		scanned, err := plans(ctx, os.Stdout, fl, qs)
		if err != nil {
			return err
		}
		if scanned {
			return errors.New("some floor queries scan a whole kind of node or relationship")
		}
		return nil
	}
	if o.soak > 0 {
		s, err := soak(ctx, o, qs, gql)
		if err != nil {
			return err
		}
		return results.Write(o.out, s)
	}
	res := &results.Loadgen{Label: o.label, Mode: "suite", Target: o.url, Seed: o.seed, Rounds: o.rounds, Requests: map[string]int{}}
	if o.inproc {
		res.Mode = "inproc"
	}
	for c, n := range o.requests {
		res.Requests[strconv.Itoa(c)] = n
	}
	for _, q := range qs {
		res.Queries = append(res.Queries, results.QueryInfo{Name: q.name, Title: q.title, GraphQL: q.graphql, Floor: q.cypher, Params: len(q.params)})
	}
	var answers map[string][]byte
	if res.Checks, answers, err = check(ctx, qs, gql, fl); err != nil {
		return err
	}
	for i, q := range qs {
		size := 0
		for _, p := range q.params {
			size += len(answers[string(body(q, p))])
		}
		res.Queries[i].AnswerBytes = size / len(q.params)
	}
	if err := suite(ctx, o, qs, gql, fl, answers, res); err != nil {
		return err
	}
	if err := results.Write(o.out, res); err != nil {
		return err
	}
	res.Markdown(os.Stdout)
	res.TargetsMarkdown(os.Stdout)
	res.ChecksMarkdown(os.Stdout)
	return nil
}

// resolve keeps the queries asked for and drops parameter sets whose
// entities are not in the database (the extractors change), failing if a
// query is left with none.
func resolve(ctx context.Context, fl *floorClient, only []string) ([]*query, error) {
	var ids []string
	all := queries()
	for _, q := range all {
		for _, p := range q.params {
			for _, k := range []string{"id", "place", "from", "to"} {
				if v, ok := p[k].(string); ok && strings.Contains(v, "_") {
					ids = append(ids, v)
				}
			}
		}
	}
	found, err := fl.existing(ctx, ids)
	if err != nil {
		return nil, err
	}
	var out []*query
	for _, q := range all {
		if len(only) > 0 && !slices.Contains(only, q.name) {
			continue
		}
		q.params = slices.DeleteFunc(q.params, func(p map[string]any) bool {
			for _, k := range []string{"id", "place", "from", "to"} {
				if v, ok := p[k].(string); ok && strings.Contains(v, "_") && !found[v] {
					fmt.Fprintf(os.Stderr, "loadgen: %s: no entity %s in the database, parameter set %v dropped\n", q.name, v, p)
					return true
				}
			}
			return false
		})
		if len(q.params) == 0 {
			return nil, fmt.Errorf("%s: none of its entities is in the database: is the yearbook loaded?", q.name)
		}
		out = append(out, q)
	}
	if len(out) == 0 {
		return nil, errors.New("no query selected")
	}
	return out, nil
}

// graphQLClient posts queries to the API over HTTP/1.1 keep-alive
// connections, accepting gzip like a browser.
type graphQLClient struct {
	url  string
	http *http.Client
}

func newGraphQLClient(u string, clients int) *graphQLClient {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.MaxIdleConns, tr.MaxIdleConnsPerHost = 2*clients, 2*clients
	return &graphQLClient{url: u, http: &http.Client{Transport: tr, Timeout: 30 * time.Second}}
}

func body(q *query, p map[string]any) []byte {
	b, err := json.Marshal(map[string]any{"query": q.graphql, "variables": p})
	if err != nil {
		panic(err) // the variables are strings
	}
	return b
}

// post sends one request and returns the response body; a GraphQL error
// in the body is an error.
func (c *graphQLClient) post(ctx context.Context, b []byte) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.url, bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, &requestError{kind: "transport", err: err}
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, &requestError{kind: "transport", err: err}
	}
	if resp.StatusCode != http.StatusOK {
		return out, &requestError{kind: "HTTP " + strconv.Itoa(resp.StatusCode), err: fmt.Errorf("%.200s", out)}
	}
	if bytes.Contains(out, []byte(`"errors"`)) {
		var r struct {
			Errors []struct {
				Message    string         `json:"message"`
				Extensions map[string]any `json:"extensions"`
			} `json:"errors"`
		}
		if json.Unmarshal(out, &r) == nil && len(r.Errors) > 0 {
			code, _ := r.Errors[0].Extensions["code"].(string)
			return out, &requestError{kind: "GraphQL " + code, err: errors.New(r.Errors[0].Message)}
		}
	}
	return out, nil
}

// requestError is a failed request, classified for the soak's error counts.
type requestError struct {
	kind string
	err  error
}

func (e *requestError) Error() string { return e.kind + ": " + e.err.Error() }

func kindOf(err error) string {
	var re *requestError
	if errors.As(err, &re) {
		return re.kind
	}
	return "other"
}

// floorClient runs the hand-written Cypher: a read session and auto-commit
// queries per request, as the service's store runs its reads. A managed
// transaction would cost the floor a round trip for its COMMIT that the
// service does not pay, and make the floor no floor.
type floorClient struct {
	driver neo4j.DriverWithContext
}

func (f *floorClient) do(ctx context.Context, q *query, p map[string]any) (string, error) {
	session := f.driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeRead})
	defer session.Close(context.WithoutCancel(ctx))
	return q.floor(ctx, autoCommit{session}, q.cypher, p)
}

// autoCommit runs each query as an auto-commit query of its session: the
// query and its records in one Bolt round trip.
type autoCommit struct{ session neo4j.SessionWithContext }

func (a autoCommit) Run(ctx context.Context, cypher string, params map[string]any) (neo4j.ResultWithContext, error) {
	return a.session.Run(ctx, cypher, params)
}

func (f *floorClient) existing(ctx context.Context, ids []string) (map[string]bool, error) {
	session := f.driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeRead})
	defer session.Close(context.WithoutCancel(ctx))
	found, err := neo4j.ExecuteRead(ctx, session, func(tx neo4j.ManagedTransaction) ([]any, error) {
		recs, err := collect(ctx, tx, "MATCH (n:Entity) WHERE n.id IN $ids RETURN collect(n.id) AS ids", map[string]any{"ids": ids})
		if err != nil || len(recs) == 0 {
			return nil, err
		}
		return get[[]any](recs[0], "ids"), nil
	})
	out := map[string]bool{}
	for _, v := range found {
		out[str(v)] = true
	}
	return out, err
}

// check runs every parameter set once each way and compares the shapes of
// the answers; it also warms both paths up. It returns the GraphQL
// answers by request body, for the http and relay modes.
func check(ctx context.Context, qs []*query, gql *graphQLClient, fl *floorClient) ([]results.Check, map[string][]byte, error) {
	var out []results.Check
	answers := map[string][]byte{}
	for _, q := range qs {
		for _, p := range q.params {
			req := body(q, p)
			b, err := gql.post(ctx, req)
			if err != nil {
				return nil, nil, fmt.Errorf("%s %v through GraphQL: %w", q.name, p, err)
			}
			answers[string(req)] = b
			var r struct {
				Data map[string]any `json:"data"`
			}
			if err := json.Unmarshal(b, &r); err != nil {
				return nil, nil, fmt.Errorf("%s: %w", q.name, err)
			}
			floor, err := fl.do(ctx, q, p)
			if err != nil {
				return nil, nil, fmt.Errorf("%s %v through the floor: %w", q.name, p, err)
			}
			c := results.Check{Query: q.name, Params: fmt.Sprint(p), GraphQL: q.shape(r.Data), Floor: floor}
			if c.GraphQL != c.Floor {
				fmt.Fprintf(os.Stderr, "loadgen: %s %s: GraphQL gave %s, the floor %s\n", q.name, c.Params, c.GraphQL, c.Floor)
			}
			out = append(out, c)
		}
	}
	return out, answers, nil
}

// suite runs every query at every client count through each mode, rounds
// times after o.warmup rounds it forgets, and samples the service's
// memory during the GraphQL runs with the most clients. With one client
// among the counts, each round starts with the hop. The http and relay
// modes ask the answer server (startAnswers) for the answers check
// collected, by request body.
func suite(ctx context.Context, o *options, qs []*query, gql *graphQLClient, fl *floorClient, answers map[string][]byte, res *results.Loadgen) error {
	most := slices.Max(o.clients)
	var service, jvm []int64
	if o.cpuProfile != "" {
		f, err := os.Create(o.cpuProfile)
		if err != nil {
			return err
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer func() {
			pprof.StopCPUProfile()
			f.Close()
		}()
	}
	var web, relay *graphQLClient
	if slices.Contains(o.modes, "http") || slices.Contains(o.modes, "relay") {
		u, stop, err := startAnswers(ctx, o, answers)
		if err != nil {
			return err
		}
		defer stop()
		web = newGraphQLClient(u+"/answer", slices.Max(o.clients))
		relay = newGraphQLClient(u+"/relay", slices.Max(o.clients))
	}
	for round := 1 - o.warmup; round <= o.rounds; round++ {
		if round == 1 { // the warm-up rounds are over: forget them
			res.Hop, res.Runs, service, jvm = nil, nil, nil, nil
		}
		if slices.Contains(o.modes, "graphql") && slices.Contains(o.clients, 1) {
			h, err := hop(ctx, gql, o.requests[1])
			if err != nil {
				return err
			}
			res.Hop = append(res.Hop, h)
		}
		for _, q := range qs {
			for _, clients := range o.clients {
				n := o.requests[clients]
				seq := order(o.seed, q.name, clients, round, n, len(q.params))
				modes := slices.Clone(o.modes)
				if round%2 == 0 {
					slices.Reverse(modes) // neither path always runs on a cache the other warmed
				}
				for _, mode := range modes {
					do := requester(q, mode, gql, fl, web, relay)
					if do == nil {
						return fmt.Errorf("unknown mode %q", mode)
					}
					closedLoop(ctx, clients, max(2*clients, 20), func(ctx context.Context, i int) error {
						return do(ctx, q.params[i%len(q.params)])
					})
					var svc, vm *measure.Sampler
					if mode == "graphql" && clients == most {
						svc = measure.Sample(100*time.Millisecond, serviceRSS(ctx, o))
						if o.jvmPID > 0 {
							vm = measure.Sample(100*time.Millisecond, func() (int64, error) { return measure.RSS(o.jvmPID) })
						}
					}
					var before *timers
					if mode == "graphql" {
						before = readTimers(ctx, o.url)
					}
					lat, errs, first, wall := closedLoop(ctx, clients, n, func(ctx context.Context, i int) error {
						return do(ctx, q.params[seq[i]])
					})
					var peak int64
					if svc != nil {
						s, err := svc.Stop()
						if err != nil {
							return fmt.Errorf("service memory: %w", err)
						}
						service = append(service, s...)
						peak = slices.Max(append(s, 0))
					}
					if vm != nil {
						s, err := vm.Stop()
						if err != nil {
							return fmt.Errorf("JVM memory: %w", err)
						}
						jvm = append(jvm, s...)
					}
					if err := ctx.Err(); err != nil {
						return err
					}
					r := results.Run{Round: round, Query: q.name, Mode: mode, Clients: clients, Wall: wall.Seconds(),
						RPS: float64(n) / wall.Seconds(), Errors: errs, Latency: measure.Summarise(lat), ServiceMB: measure.MB(peak)}
					if first != nil {
						r.FirstError = first.Error()
					}
					if before != nil {
						r.Service = readTimers(ctx, o.url).since(before)
					}
					res.Runs = append(res.Runs, r)
					fmt.Fprintf(os.Stderr, "round %d %-14s %-7s %2d clients: %5.0f req/s  p50 %6.1f  p95 %6.1f  p99 %6.1f ms  %d errors%s\n",
						round, q.name, mode, clients, r.RPS, r.Latency.P50, r.Latency.P95, r.Latency.P99, errs, r.Service)
				}
			}
		}
	}
	if len(service) > 0 {
		res.Memory = &results.Memory{Source: memorySource(o), Service: spreadMB(service), JVM: spreadMB(jvm), Samples: len(service)}
	}
	if o.memProf != "" {
		f, err := os.Create(o.memProf)
		if err != nil {
			return err
		}
		defer f.Close()
		return pprof.Lookup("allocs").WriteTo(f, 0)
	}
	return nil
}

func spreadMB(bs []int64) measure.Spread {
	xs := make([]float64, len(bs))
	for i, b := range bs {
		xs[i] = measure.MB(b)
	}
	return measure.SpreadOf(xs)
}

// hopBody is a GraphQL request that reads nothing from Neo4j.
var hopBody = []byte(`{"query":"{ __typename }"}`)

// hop measures n requests of hopBody by one client after a warm-up: what
// every request through the service costs before it reads anything.
func hop(ctx context.Context, gql *graphQLClient, n int) (measure.Latencies, error) {
	do := func(ctx context.Context, _ int) error {
		_, err := gql.post(ctx, hopBody)
		return err
	}
	closedLoop(ctx, 1, 20, do)
	lat, errs, first, _ := closedLoop(ctx, 1, n, do)
	if errs > 0 {
		return measure.Latencies{}, fmt.Errorf("the hop ({ __typename }): %d of %d requests failed: %w", errs, n, first)
	}
	l := measure.Summarise(lat)
	fmt.Fprintf(os.Stderr, "hop ({ __typename }), 1 client: p50 %.2f  p99 %.2f ms\n", l.P50, l.P99)
	return l, nil
}

// startAnswers starts the answer server of the http and relay modes
// (serveAnswers): this program again, with -serve-answers, in a process
// of its own as the service is (a server in the client's process answers
// three times faster on this machine, its wake-ups never crossing
// processes). It returns the server's base URL and a function that stops
// it.
func startAnswers(ctx context.Context, o *options, answers map[string][]byte) (string, func(), error) {
	f, err := os.CreateTemp("", "loadgen-answers-*.json")
	if err != nil {
		return "", nil, fmt.Errorf("the HTTP floor: %w", err)
	}
	defer os.Remove(f.Name())
	m := make(map[string]string, len(answers))
	for k, v := range answers {
		m[k] = string(v)
	}
	if err := errors.Join(json.NewEncoder(f).Encode(m), f.Close()); err != nil {
		return "", nil, fmt.Errorf("the HTTP floor: %w", err)
	}
	exe, err := os.Executable()
	if err != nil {
		return "", nil, fmt.Errorf("the HTTP floor: %w", err)
	}
	cmd := exec.CommandContext(ctx, exe, "-serve-answers", f.Name(), "-neo4j-uri", o.neo4jURI)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", nil, fmt.Errorf("the HTTP floor: %w", err)
	}
	if err := cmd.Start(); err != nil {
		return "", nil, fmt.Errorf("the HTTP floor: %w", err)
	}
	stop := func() { cmd.Process.Kill(); cmd.Wait() }
	addr, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		stop()
		return "", nil, fmt.Errorf("the HTTP floor: the answer server did not start: %w", err)
	}
	return "http://" + strings.TrimSpace(addr), stop, nil
}

// serveAnswers is the answer server: the answers in file (a JSON object
// from request body to answer) from memory, through a bare net/http
// server with the service's compression (api.Compress), on a loopback
// port it prints on stdout. POST /answer answers at once: the floor of
// any HTTP service. POST /relay first runs the request's floor (its
// Cypher over Bolt, the records decoded) against o.neo4jURI: the floor
// of any HTTP service reading this Neo4j, short of turning the records
// into its answer.
func serveAnswers(ctx context.Context, o *options) error {
	b, err := os.ReadFile(o.serveAnswers)
	if err != nil {
		return err
	}
	var answers map[string]string
	if err := json.Unmarshal(b, &answers); err != nil {
		return fmt.Errorf("%s: %w", o.serveAnswers, err)
	}
	driver, err := neo4j.NewDriverWithContext(o.neo4jURI, neo4j.NoAuth(), func(c *config.Config) {
		c.MaxConnectionPoolSize = 64 // as the service's store
	})
	if err != nil {
		return err
	}
	defer driver.Close(context.WithoutCancel(ctx))
	fl := &floorClient{driver: driver}
	// Every parameter set of every query, not only those the suite kept
	// (resolve): the suite asks only for the bodies it has answers for.
	type floor struct {
		q *query
		p map[string]any
	}
	floors := map[string]floor{}
	for _, q := range queries() {
		for _, p := range q.params {
			floors[string(body(q, p))] = floor{q, p}
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	fmt.Println(ln.Addr())
	mux := http.NewServeMux()
	answer := func(w http.ResponseWriter, r *http.Request, relay bool) {
		b, err := io.ReadAll(r.Body)
		a, ok := answers[string(b)]
		f, known := floors[string(b)]
		if err != nil || !ok || relay && !known {
			http.Error(w, "no such request", http.StatusNotFound)
			return
		}
		if relay {
			if _, err := fl.do(r.Context(), f.q, f.p); err != nil {
				http.Error(w, err.Error(), http.StatusBadGateway)
				return
			}
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, a)
	}
	mux.HandleFunc("POST /answer", func(w http.ResponseWriter, r *http.Request) { answer(w, r, false) })
	mux.HandleFunc("POST /relay", func(w http.ResponseWriter, r *http.Request) { answer(w, r, true) })
	srv := &http.Server{Handler: api.Compress(mux)}
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// requester returns the function that sends one request of q by mode:
// through GraphQL, the floor, the HTTP floor (the service's answers from
// the answer server, web) or the relay (the answer server running the
// floor's Cypher before it answers).
func requester(q *query, mode string, gql *graphQLClient, fl *floorClient, web, relay *graphQLClient) func(context.Context, map[string]any) error {
	post := func(c *graphQLClient) func(context.Context, map[string]any) error {
		bodies := map[string][]byte{}
		for _, p := range q.params {
			bodies[fmt.Sprint(p)] = body(q, p)
		}
		return func(ctx context.Context, p map[string]any) error {
			_, err := c.post(ctx, bodies[fmt.Sprint(p)])
			return err
		}
	}
	switch mode {
	case "graphql":
		return post(gql)
	case "http":
		return post(web)
	case "relay":
		return post(relay)
	case "floor":
		return func(ctx context.Context, p map[string]any) error {
			_, err := fl.do(ctx, q, p)
			return err
		}
	}
	return nil
}

// order returns the parameter set of each of n requests, drawn from the
// seed, the query, the client count and the round: the same for GraphQL
// and the floor.
func order(seed uint64, name string, clients, round, n, sets int) []int {
	h := fnv.New64a()
	fmt.Fprintf(h, "%s/%d/%d", name, clients, round)
	rng := rand.New(rand.NewPCG(seed, h.Sum64()))
	out := make([]int, n)
	for i := range out {
		out[i] = rng.IntN(sets)
	}
	return out
}

// closedLoop has clients send n requests in all, each client sending its
// next request when its previous one has answered, and returns the
// latency of every request, the errors and the wall time.
func closedLoop(ctx context.Context, clients, n int, do func(ctx context.Context, i int) error) ([]time.Duration, int, error, time.Duration) {
	var next atomic.Int64
	lats := make([]time.Duration, n)
	var mu sync.Mutex
	errs := 0
	var first error
	var wg sync.WaitGroup
	start := time.Now()
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n || ctx.Err() != nil {
					return
				}
				t := time.Now()
				err := do(ctx, i)
				lats[i] = time.Since(t)
				if err != nil {
					mu.Lock()
					errs++
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	return lats, errs, first, time.Since(start)
}

// serviceRSS reads the service's resident memory: /proc for a PID, else
// its /metrics.
func serviceRSS(ctx context.Context, o *options) func() (int64, error) {
	if o.pid > 0 {
		return func() (int64, error) { return measure.RSS(o.pid) }
	}
	return func() (int64, error) {
		v, err := measure.Metric(ctx, metricsURL(o.url), "process_resident_memory_bytes")
		return int64(v), err
	}
}

// metricsURL is the /metrics beside the GraphQL endpoint u.
func metricsURL(u string) string { return strings.TrimSuffix(u, "/graphql") + "/metrics" }

// timers are the service's cumulative timers of GraphQL requests and of
// Neo4j reads (api.Metrics), read before and after a run: their
// differences split the run's latency into HTTP, the service's own work
// and the database's.
type timers struct{ handler, requests, reads, readCount float64 }

// The series of the timers in the service's /metrics.
const (
	handlerSeries = `kg_http_request_duration_seconds_%s{route="/graphql"}`
	readSeries    = `kg_neo4j_transaction_duration_seconds_%s{outcome="%s"}`
)

// readTimers reads the service's timers, or returns nil when its /metrics
// cannot be read (a service not of this repository): the run is then
// measured from the client alone, and the failure said once.
func readTimers(ctx context.Context, u string) *timers {
	ms, err := measure.Metrics(ctx, metricsURL(u))
	if err == nil {
		if _, ok := ms[fmt.Sprintf(handlerSeries, "count")]; !ok {
			err = fmt.Errorf("%s: no GraphQL request timer", metricsURL(u))
		}
	}
	if err != nil {
		timersFailed.Do(func() { fmt.Fprintf(os.Stderr, "loadgen: the service's own timings are not measured: %v\n", err) })
		return nil
	}
	t := &timers{handler: ms[fmt.Sprintf(handlerSeries, "sum")], requests: ms[fmt.Sprintf(handlerSeries, "count")]}
	for _, outcome := range []string{"ok", "error"} {
		t.reads += ms[fmt.Sprintf(readSeries, "sum", outcome)]
		t.readCount += ms[fmt.Sprintf(readSeries, "count", outcome)]
	}
	return t
}

var timersFailed sync.Once

// since returns the means per request of the requests timed between
// before and t, or nil when either is missing or none was timed.
func (t *timers) since(before *timers) *results.ServiceTime {
	if t == nil || before == nil || t.requests <= before.requests {
		return nil
	}
	n := t.requests - before.requests
	return &results.ServiceTime{
		HandlerMs: (t.handler - before.handler) / n * 1000,
		ReadsMs:   (t.reads - before.reads) / n * 1000,
		Reads:     (t.readCount - before.readCount) / n,
	}
}

func memorySource(o *options) string {
	switch {
	case o.inproc:
		return "VmRSS of the load generator, which serves the API in-process"
	case o.pid > 0:
		return fmt.Sprintf("VmRSS of the service (pid %d) from /proc", o.pid)
	}
	return "process_resident_memory_bytes from the service's /metrics"
}

// serveInProcess serves the API from this process on a loopback port and
// points o.url at it; the profiles then see the handler's own work.
func serveInProcess(ctx context.Context, o *options) (func(), error) {
	store, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: o.neo4jURI})
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, errors.Join(err, store.Close(ctx))
	}
	srv := &http.Server{Handler: api.New(store, api.Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))}), ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	o.url, o.pid = "http://"+ln.Addr().String()+"/graphql", os.Getpid()
	return func() {
		_ = srv.Shutdown(context.Background())
		_ = store.Close(context.Background())
	}, nil
}

// soak has 32 clients send mixed queries for o.soak and samples latency,
// errors and memory every o.soakEvery.
func soak(ctx context.Context, o *options, qs []*query, gql *graphQLClient) (*results.Soak, error) {
	const clients = 32
	res := &results.Soak{Duration: o.soak.String(), Clients: clients, ByError: map[string]int{}}
	bodies := make([][][]byte, len(qs))
	for i, q := range qs {
		for _, p := range q.params {
			bodies[i] = append(bodies[i], body(q, p))
		}
	}
	ctx, cancel := context.WithTimeout(ctx, o.soak)
	defer cancel()
	var mu sync.Mutex
	var window []time.Duration
	windowErrs := 0
	var wg sync.WaitGroup
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(o.seed, uint64(c)))
			for ctx.Err() == nil {
				qi := rng.IntN(len(qs))
				b := bodies[qi][rng.IntN(len(bodies[qi]))]
				t := time.Now()
				_, err := gql.post(ctx, b)
				d := time.Since(t)
				if ctx.Err() != nil {
					return // the soak ended mid-request: not the service's error
				}
				mu.Lock()
				window = append(window, d)
				res.Requests++
				if err != nil {
					windowErrs++
					res.Errors++
					res.ByError[kindOf(err)]++
				}
				mu.Unlock()
			}
		}()
	}
	service := serviceRSS(context.WithoutCancel(ctx), o)
	metrics := strings.TrimSuffix(o.url, "/graphql") + "/metrics"
	start := time.Now()
	tick := time.NewTicker(o.soakEvery)
	defer tick.Stop()
	sample := func() {
		mu.Lock()
		lat, errs := window, windowErrs
		window, windowErrs = nil, 0
		mu.Unlock()
		l := measure.Summarise(lat)
		w := results.Window{At: time.Since(start).Seconds(), Requests: len(lat), Errors: errs, P50: l.P50, P99: l.P99}
		if b, err := service(); err == nil {
			w.ServiceMB = measure.MB(b)
		}
		if h, err := measure.Metric(context.WithoutCancel(ctx), metrics, "go_memstats_heap_inuse_bytes"); err == nil {
			w.HeapMB = h / (1 << 20)
		}
		if o.jvmPID > 0 {
			if b, err := measure.RSS(o.jvmPID); err == nil {
				w.JVMMB = measure.MB(b)
			}
		}
		res.Windows = append(res.Windows, w)
		fmt.Fprintf(os.Stderr, "soak %6.0fs: %5d requests %3d errors  p50 %6.1f  p99 %6.1f ms  service %5.1f MB (heap %5.1f)  JVM %6.1f MB\n",
			w.At, w.Requests, w.Errors, w.P50, w.P99, w.ServiceMB, w.HeapMB, w.JVMMB)
	}
	for done := false; !done; {
		select {
		case <-ctx.Done():
			done = true
		case <-tick.C:
			sample()
		}
	}
	wg.Wait()
	if len(window) > 0 {
		sample()
	}
	return res, nil
}
