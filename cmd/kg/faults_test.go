package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders"
	"github.com/yearbookkg/kg/neo4jstore"
	"github.com/yearbookkg/kg/neo4jstore/neo4jtest"
)

func init() {
	// The test binary doubles as the kg program for tests that need a real
	// process to kill (see TestKillDuringLoad).
	if os.Getenv("KG_TEST_AS_KG") == "1" {
		main()
	}
}

type counts struct {
	kinds map[kg.Kind]int
	rels  map[string]int
	hash  string
}

func snapshot(t *testing.T, s *neo4jstore.Store) counts {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	c := counts{kinds: st.Kinds, rels: st.Relationships}
	if len(st.Yearbooks) > 0 {
		c.hash = st.Yearbooks[0].Hash
	}
	return c
}

func (c counts) equal(o counts) bool {
	for _, k := range kg.Kinds {
		if c.kinds[k] != o.kinds[k] {
			return false
		}
	}
	for _, r := range kg.RelationshipTypes {
		if c.rels[r] != o.rels[r] {
			return false
		}
	}
	return c.hash == o.hash
}

// TestKillDuringLoad kills a real `kg load` process with SIGKILL in the
// middle of its write transaction and checks that the graph loaded before
// is still there, count for count.
func TestKillDuringLoad(t *testing.T) {
	store := neo4jtest.Store(t)
	neo4jtest.Reset(t, store)
	ctx := context.Background()
	if _, _, err := loaders.LoadFile(ctx, store, yearbook, io.Discard, false); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, store)
	if before.kinds[kg.Person] == 0 {
		t.Fatal("nothing loaded")
	}

	cmd := exec.Command(os.Args[0], "load", "-force", "-neo4j-uri", neo4jtest.URI(t), yearbook)
	cmd.Env = append(os.Environ(), "KG_TEST_AS_KG=1")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	killed := false
	sc := bufio.NewScanner(stderr)
	for sc.Scan() {
		// Mentions are written after the entities: the transaction has
		// deleted the old facts and written new nodes by now.
		if strings.Contains(sc.Text(), "names") {
			if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
			killed = true
			break
		}
	}
	cmd.Wait()
	if !killed {
		t.Fatal("the load finished before it could be killed")
	}
	// The server rolls the open transaction back when its connection dies.
	deadline := time.Now().Add(30 * time.Second)
	for {
		after := snapshot(t, store)
		if after.equal(before) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after the kill: %+v, before: %+v", after, before)
		}
		time.Sleep(500 * time.Millisecond)
	}
	// And loading the same file again is still a no-op.
	_, lr, err := loaders.LoadFile(ctx, store, yearbook, io.Discard, false)
	if err != nil || !lr.Skipped {
		t.Fatalf("reload after the kill: %v, skipped=%v", err, lr != nil && lr.Skipped)
	}
}

// TestServeBundledNeo4j runs serve the way `make run` does, with the
// bundled Neo4j, stops it as SIGTERM would, and starts it again on the same
// data folder: the store is consistent and the yearbook is not reloaded.
func TestServeBundledNeo4j(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Neo4j")
	}
	dataDir := t.TempDir()
	small := filepath.Join(t.TempDir(), "excerpt.txt")
	b, err := os.ReadFile(yearbook)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	os.WriteFile(small, []byte(strings.Join(lines[5520:7800], "\n")+"\n"), 0o644)

	for run := 1; run <= 2; run++ {
		ctx, cancel := context.WithCancel(context.Background())
		var stderr bytes.Buffer
		m := NewMain(io.Discard, &syncWriter{w: &stderr})
		done := make(chan error, 1)
		go func() {
			done <- m.Run(ctx, []string{"serve", "-port", "0", "-host", "127.0.0.1", "-neo4j-uri", "", "-bolt-port", "0", "-data-dir", dataDir, "-yearbook", small})
		}()
		var addr string
		select {
		case addr = <-m.Addr:
		case err := <-done:
			t.Fatalf("run %d: serve ended: %v\n%s", run, err, stderr.String())
		case <-time.After(5 * time.Minute):
			t.Fatalf("run %d: serve did not listen\n%s", run, stderr.String())
		}
		deadline := time.Now().Add(2 * time.Minute)
		for get(t, "http://"+addr+"/readyz") != 200 {
			if time.Now().After(deadline) {
				t.Fatalf("run %d: not ready\n%s", run, stderr.String())
			}
			time.Sleep(200 * time.Millisecond)
		}
		loaded := strings.Contains(stderr.String(), "graph is empty: loading")
		if loaded != (run == 1) {
			t.Errorf("run %d: loaded the default yearbook: %v", run, loaded)
		}
		cancel()
		if err := <-done; err != nil {
			t.Errorf("run %d: serve: %v", run, err)
		}
		if err := m.Close(); err != nil {
			t.Errorf("run %d: close: %v", run, err)
		}
	}
}
