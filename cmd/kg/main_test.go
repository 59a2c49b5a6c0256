package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/yearbookkg/kg/neo4jstore/neo4jtest"
)

func TestMain(m *testing.M) { os.Exit(neo4jtest.Main(m)) }

const yearbook = "../../data/wuwei-2024.txt"

// TestServe runs the real program: serve on a free port against the test
// Neo4j, wait until the default yearbook is loaded, and ask the question of
// the quick start.
func TestServe(t *testing.T) {
	store := neo4jtest.Store(t)
	neo4jtest.Reset(t, store)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr bytes.Buffer
	m := NewMain(&bytes.Buffer{}, &syncWriter{w: &stderr})
	done := make(chan error, 1)
	go func() {
		done <- m.Run(ctx, []string{"serve", "-port", "0", "-host", "127.0.0.1", "-neo4j-uri", neo4jtest.URI(t), "-yearbook", yearbook})
	}()
	var addr string
	select {
	case addr = <-m.Addr:
	case err := <-done:
		t.Fatalf("serve ended early: %v\n%s", err, stderr.String())
	case <-time.After(2 * time.Minute):
		t.Fatal("serve did not listen")
	}
	base := "http://" + addr
	if code := get(t, base+"/healthz"); code != http.StatusOK {
		t.Errorf("/healthz = %d", code)
	}
	deadline := time.Now().Add(3 * time.Minute)
	for get(t, base+"/readyz") != http.StatusOK {
		if time.Now().After(deadline) {
			t.Fatalf("/readyz never became 200\n%s", stderr.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
	body := `{"query":"{ search(query:\"谢宏杰\", kinds:[PERSON]) { ... on Person { positions { title end organization { name aliases } } } } }"}`
	resp, err := http.Post(base+"/graphql", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		Data struct {
			Search []struct {
				Positions []struct {
					Title, End   string
					Organization struct {
						Name    string
						Aliases []string
					}
				}
			}
		}
		Errors []any
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || len(out.Errors) > 0 {
		t.Fatalf("graphql: %v %v", err, out.Errors)
	}
	found := false
	for _, p := range out.Data.Search {
		for _, pos := range p.Positions {
			if pos.Title == "主任" && pos.End == "2023-11" && pos.Organization.Name == "市委办公室" && contains(pos.Organization.Aliases, "市档案局") {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("谢宏杰 is not 主任 of 市委办公室 (市档案局) until 2023-11: %+v\n%s", out.Data.Search, stderr.String())
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not shut down")
	}
	if err := m.Close(); err != nil {
		t.Error(err)
	}
}

func TestCommandErrors(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.txt")
	notYearbook := filepath.Join(dir, "novel.txt")
	os.WriteFile(empty, nil, 0o644)
	os.WriteFile(notYearbook, []byte(strings.Repeat("这不是年鉴，只是一段普通的文字。\n", 50)), 0o644)
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"no command", nil, ""},
		{"unknown command", []string{"frobnicate"}, ""},
		{"extract without file", []string{"extract"}, ""},
		{"extract of a missing file", []string{"extract", filepath.Join(dir, "missing.txt")}, "missing.txt"},
		{"extract of an empty file", []string{"extract", empty}, "empty.txt: empty file"},
		{"extract of a text that is not a yearbook", []string{"extract", notYearbook}, "novel.txt: not a yearbook"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := NewMain(&bytes.Buffer{}, &bytes.Buffer{})
			err := m.Run(context.Background(), tt.args)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not name %q", err, tt.want)
			}
		})
	}
}

func TestExtract(t *testing.T) {
	var out, errb bytes.Buffer
	m := NewMain(&out, &errb)
	if err := m.Run(context.Background(), []string{"extract", yearbook}); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var rec struct{ Type string }
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("not JSON Lines: %q: %v", line, err)
		}
		kinds[rec.Type]++
	}
	if kinds["yearbook"] != 1 || kinds["entity"] < 1000 || kinds["relationship"] < 1000 {
		t.Errorf("records by type: %v", kinds)
	}
}

func get(t *testing.T, url string) int {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

func contains(xs []string, x string) bool {
	for _, s := range xs {
		if s == x {
			return true
		}
	}
	return false
}
