// Command loadtime measures loading yearbooks into Neo4j: extraction,
// schema creation and each write stage of neo4jstore.Load, with several
// batch sizes, and the load of many synthetic yearbooks one after another.
//
//	loadtime stages -neo4j-uri URI -yearbook FILE -batches 500,1000,2000,5000 -reps 3 -out loads.json
//	loadtime scale  -neo4j-uri URI -dir DIR -n 20 -reps 3 -out scale-20.json
//	loadtime fresh  -neo4j-uri URI     resample index statistics and drop cached plans (Store.Replan)
//	loadtime settle -neo4j-uri URI -jvm-pid PID   checkpoint, resample, wait for an idle JVM
//
// Both measurements empty the database first (every node, and for stages
// every constraint and index too), so each load writes into an empty
// graph. The database must be one you can wipe: loopback only.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/bench/internal/results"
	"github.com/yearbookkg/kg/loaders"
	"github.com/yearbookkg/kg/neo4jstore"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "loadtime:", err)
		os.Exit(1)
	}
}

const usage = "usage: loadtime stages|scale|fresh|settle -neo4j-uri URI [flags]"

func run(ctx context.Context, args []string) (err error) {
	if len(args) == 0 {
		return errors.New(usage)
	}
	cmd := args[0]
	fs := flag.NewFlagSet("loadtime "+cmd, flag.ContinueOnError)
	uri := fs.String("neo4j-uri", "bolt://127.0.0.1:7687", "Neo4j to wipe and load (loopback only)")
	yearbook := fs.String("yearbook", "data/wuwei-2024.txt", "stages: the yearbook to load")
	batches := fs.String("batches", "500,1000,2000,5000", "stages: rows per UNWIND query to try")
	reps := fs.Int("reps", 3, "stages: repetitions of each batch size; scale: of the whole run")
	dir := fs.String("dir", "", "scale: directory of synth-<i>-<year>.txt files")
	n := fs.Int("n", 1, "scale: how many of them to load (synth-0 … synth-(n-1))")
	out := fs.String("out", "", "JSON results file")
	resample := fs.Bool("fresh", true, "stages, scale: resample index statistics and drop cached plans after loading")
	jvmPID := fs.Int("jvm-pid", 0, "settle: process ID of Neo4j's JVM, to wait until it is idle (0: do not wait)")
	quiet := fs.Duration("quiet", 5*time.Second, "settle: how long the JVM must stay idle")
	idleCPU := fs.Float64("idle-cpu", 0.05, "settle: the JVM counts as idle below this CPU use (cores)")
	maxWait := fs.Duration("max-wait", 2*time.Minute, "settle: give up waiting for an idle JVM after this long")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	u, err := url.Parse(*uri)
	if err != nil {
		return err
	}
	if ip := net.ParseIP(u.Hostname()); u.Hostname() != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("%s is not a loopback address: loadtime wipes the database", *uri)
	}
	store, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: *uri})
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, store.Close(context.WithoutCancel(ctx))) }()
	driver, err := neo4j.NewDriverWithContext(*uri, neo4j.NoAuth())
	if err != nil {
		return err
	}
	defer func() { err = errors.Join(err, driver.Close(context.WithoutCancel(ctx))) }()
	db := &admin{driver: driver}

	switch cmd {
	case "stages":
		bs, err := sizes(*batches)
		if err != nil {
			return err
		}
		res, err := stages(ctx, store, db, *yearbook, bs, *reps)
		if err != nil {
			return err
		}
		if err := write(*out, res); err != nil {
			return err
		}
		res.BatchMarkdown(os.Stdout)
		res.StagesMarkdown(os.Stdout, neo4jstore.BatchSize)
		if !*resample {
			return nil
		}
		return store.Replan(ctx)
	case "scale":
		res, err := scale(ctx, store, *dir, *n, *reps)
		if err != nil {
			return err
		}
		if err := write(*out, res); err != nil {
			return err
		}
		results.ScaleMarkdown(os.Stdout, []*results.Scale{res})
		if !*resample {
			return nil
		}
		return store.Replan(ctx)
	case "fresh":
		return store.Replan(ctx)
	case "settle":
		return settle(ctx, store, db, *jvmPID, *quiet, *idleCPU, *maxWait)
	}
	return errors.New(usage)
}

func write(path string, v any) error {
	if path == "" {
		return nil
	}
	return results.Write(path, v)
}

func sizes(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return nil, fmt.Errorf("bad batch size %q", f)
		}
		out = append(out, n)
	}
	return out, nil
}

// stages loads the yearbook reps times with each batch size into an empty
// database, the batch sizes in a rotating order so that none always runs
// first after the wipe.
func stages(ctx context.Context, store *neo4jstore.Store, db *admin, path string, batches []int, reps int) (*results.Loads, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	res := &results.Loads{Yearbook: filepath.Base(path), Bytes: int(info.Size())}
	for rep := 1; rep <= reps; rep++ {
		order := slices.Clone(batches)
		for range rep - 1 {
			order = append(order[1:], order[0])
		}
		for _, b := range order {
			if err := store.DeleteAll(ctx); err != nil {
				return nil, err
			}
			if err := db.dropSchema(ctx); err != nil {
				return nil, err
			}
			r := results.LoadRun{Rep: rep, Batch: b}
			t := time.Now()
			if err := store.EnsureSchema(ctx); err != nil {
				return nil, err
			}
			r.Schema = time.Since(t).Seconds()
			t = time.Now()
			ex, err := loaders.ExtractFile(path)
			if err != nil {
				return nil, err
			}
			r.Extract = time.Since(t).Seconds()
			lr, err := store.Load(ctx, ex.Graph, neo4jstore.LoadOptions{Force: true, BatchSize: b})
			if err != nil {
				return nil, err
			}
			r.Load = lr.Total.Seconds()
			for _, st := range lr.Stages {
				r.Stages = append(r.Stages, results.Stage{Name: st.Name, Rows: st.Rows, Seconds: st.Duration.Seconds()})
			}
			res.Runs = append(res.Runs, r)
			fmt.Fprintf(os.Stderr, "rep %d batch %5d: extract %.2fs schema %.2fs load %.2fs\n", rep, b, r.Extract, r.Schema, r.Load)
		}
	}
	return res, nil
}

// scale empties the database and loads the first n synthetic yearbooks of
// dir one after another, each in its own transaction as `kg load` does,
// reps times.
func scale(ctx context.Context, store *neo4jstore.Store, dir string, n, reps int) (*results.Scale, error) {
	files, err := synthetic(dir, n)
	if err != nil {
		return nil, err
	}
	res := &results.Scale{N: n}
	for rep := 1; rep <= max(reps, 1); rep++ {
		if err := store.DeleteAll(ctx); err != nil {
			return nil, err
		}
		if err := store.EnsureSchema(ctx); err != nil {
			return nil, err
		}
		var run []results.ScaleFile
		for _, path := range files {
			f := results.ScaleFile{Name: filepath.Base(path)}
			t := time.Now()
			ex, err := loaders.ExtractFile(path)
			if err != nil {
				return nil, err
			}
			f.Extract = time.Since(t).Seconds()
			f.Bytes, f.Entities, f.Rels = ex.Graph.Yearbook.Bytes, len(ex.Graph.Entities), len(ex.Graph.Relationships)
			lr, err := store.Load(ctx, ex.Graph, neo4jstore.LoadOptions{})
			if err != nil {
				return nil, err
			}
			f.Load = lr.Total.Seconds()
			for _, st := range lr.Stages {
				f.Stages = append(f.Stages, results.Stage{Name: st.Name, Rows: st.Rows, Seconds: st.Duration.Seconds()})
			}
			run = append(run, f)
			fmt.Fprintf(os.Stderr, "rep %d %s: %d entities, %d relationships: extract %.2fs load %.2fs\n", rep, f.Name, f.Entities, f.Rels, f.Extract, f.Load)
		}
		res.Reps = append(res.Reps, run)
	}
	st, err := store.Stats(ctx)
	if err != nil {
		return nil, err
	}
	res.Entities = map[string]int{}
	for k, v := range st.Kinds {
		res.Entities[string(k)] = v
	}
	for _, t := range kg.RelationshipTypes {
		res.Rels += st.Relationships[t]
	}
	return res, nil
}

// synthetic returns synth-0 … synth-(n-1) of dir in order.
func synthetic(dir string, n int) ([]string, error) {
	var out []string
	for i := range n {
		m, err := filepath.Glob(filepath.Join(dir, fmt.Sprintf("synth-%d-*.txt", i)))
		if err != nil {
			return nil, err
		}
		if len(m) != 1 {
			return nil, fmt.Errorf("%s: want one synth-%d-*.txt, found %d (run bench/synth)", dir, i, len(m))
		}
		out = append(out, m[0])
	}
	return out, nil
}

// admin runs the schema and planner procedures the store does not offer.
type admin struct {
	driver neo4j.DriverWithContext
}

func (a *admin) run(ctx context.Context, cypher string) ([]*neo4j.Record, error) {
	session := a.driver.NewSession(ctx, neo4j.SessionConfig{AccessMode: neo4j.AccessModeWrite})
	defer session.Close(context.WithoutCancel(ctx))
	res, err := session.Run(ctx, cypher, nil)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cypher, err)
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cypher, err)
	}
	return recs, nil
}

// dropSchema drops every constraint and index but the token lookups, so
// that EnsureSchema is timed creating them.
func (a *admin) dropSchema(ctx context.Context) error {
	for _, q := range []struct{ show, drop string }{
		{"SHOW CONSTRAINTS YIELD name RETURN name", "DROP CONSTRAINT `%s` IF EXISTS"},
		{"SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name", "DROP INDEX `%s` IF EXISTS"},
	} {
		recs, err := a.run(ctx, q.show)
		if err != nil {
			return err
		}
		for _, r := range recs {
			name, _ := r.Get("name")
			if _, err := a.run(ctx, fmt.Sprintf(q.drop, name)); err != nil {
				return err
			}
		}
	}
	return nil
}
