package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
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
		os.Exit(0) // main returns on success; the tests must not run in the child
	}
}

// startKG starts the test binary as the kg program with args, for tests
// that signal a real process; its stderr is returned to be read.
func startKG(t *testing.T, args ...string) (*exec.Cmd, io.Reader) {
	t.Helper()
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "KG_TEST_AS_KG=1")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, stderr
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

	cmd, stderr := startKG(t, "load", "-force", "-neo4j-uri", neo4jtest.URI(t), yearbook)
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

// TestSIGTERMDrains sends SIGTERM to a real `kg serve` while a request is in
// flight (its body half sent): the server stops accepting connections, still
// answers that request in full, and exits 0. A server that closed its
// connections instead of draining them would cut the request off.
func TestSIGTERMDrains(t *testing.T) {
	cmd, stderr := startKG(t, "serve", "-port", "0", "-host", "127.0.0.1", "-neo4j-uri", neo4jtest.URI(t), "-yearbook", "")
	defer cmd.Process.Kill()
	lines := make(chan string, 100)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	waitFor := func(re *regexp.Regexp) []string {
		t.Helper()
		timeout := time.After(2 * time.Minute)
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatalf("kg serve ended before logging %q", re)
				}
				if m := re.FindStringSubmatch(l); m != nil {
					return m
				}
			case <-timeout:
				t.Fatalf("kg serve did not log %q", re)
			}
		}
	}
	addr := waitFor(regexp.MustCompile(`graphql=http://([^/\s]+)/graphql`))[1]

	body := `{"query":"{ yearbooks { hash } }"}`
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /graphql HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", addr, len(body), body[:10])
	time.Sleep(300 * time.Millisecond) // let the server read the headers and start the handler

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	waitFor(regexp.MustCompile(`shutting down`))
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			break // no longer accepting
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatal("still accepting connections 10 s after SIGTERM")
		}
		time.Sleep(50 * time.Millisecond)
	}

	if _, err := io.WriteString(conn, body[10:]); err != nil {
		t.Fatalf("finish the in-flight request: %v", err)
	}
	conn.SetReadDeadline(time.Now().Add(30 * time.Second))
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("the in-flight request was cut off: %v", err)
	}
	defer resp.Body.Close()
	var out struct {
		Data   *struct{ Yearbooks []any }
		Errors []any
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || resp.StatusCode != http.StatusOK || out.Data == nil || len(out.Errors) > 0 {
		t.Fatalf("in-flight request: status %d, %+v, %v", resp.StatusCode, out, err)
	}
	exited := make(chan error, 1)
	go func() {
		for range lines {
		}
		exited <- cmd.Wait()
	}()
	select {
	case err := <-exited:
		if err != nil {
			t.Errorf("kg serve exited with %v after SIGTERM, want 0", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("kg serve did not exit after draining")
	}
}
