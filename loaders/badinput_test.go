package loaders_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders"
	"github.com/yearbookkg/kg/loaders/decode"
)

// excerpt returns the raw lines from..to of the vendored yearbook: the
// first months of the chronicle are a small yearbook of their own.
func excerpt(t *testing.T, from, to int) string {
	t.Helper()
	lines := strings.Split(string(read(t)), "\n")
	return strings.Join(lines[from-1:to], "\n") + "\n"
}

func countEvents(g *kg.Graph) int {
	n := 0
	for _, e := range g.Entities {
		if e.Kind == kg.Event {
			n++
		}
	}
	return n
}

func hasDiagnostic(g *kg.Graph, code string) bool {
	for _, d := range g.Diagnostics {
		if d.Code == code {
			return true
		}
	}
	return false
}

// TestBadInput covers the files a loader meets that are not clean
// yearbooks: each is refused with an error naming the file (and line), or
// extracted with a diagnostic, never a crash or a silent loss.
func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	chronicle := excerpt(t, 5520, 5700) // 大事记 1–2 月, with 【…】 topics after
	chronicle += excerpt(t, 7715, 7760)
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(chronicle)
	if err != nil {
		t.Fatal(err)
	}
	cut := []byte(chronicle)
	cut = cut[:len(cut)-2] // inside the last character of the last line

	tests := []struct {
		name     string
		data     string
		size     int64 // a sparse file of this size, instead of data
		errLine  int   // >0: the error must name this line
		errMatch string
		diag     string // the extraction must carry this diagnostic
	}{
		{name: "empty", data: "", errMatch: "empty file"},
		{name: "binary", data: "\x7fELF\x02\x01\x01\x00\x00\x00", errLine: 1, errMatch: "binary"},
		{name: "not a yearbook", data: strings.Repeat("今天天气很好，我们去公园散步。\n", 200), errMatch: "not a yearbook"},
		{name: "invalid bytes mid-file", data: chronicle[:300] + "\xff\xfe\xfd" + chronicle[300:], errLine: strings.Count(chronicle[:300], "\n") + 1, errMatch: "invalid UTF-8"},
		{name: "line of 1 MB", data: chronicle + strings.Repeat("字", 1<<20/3+1) + "\n", errLine: strings.Count(chronicle, "\n") + 1, errMatch: "line of"},
		{name: "100 MB file", size: 100 << 20, errMatch: "larger than any yearbook"},
		{name: "GB18030 yearbook is decoded", data: gb, diag: "encoding"},
		{name: "truncated mid-character", data: string(cut), diag: "truncated"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".txt")
			if tt.size > 0 {
				f, err := os.Create(path)
				if err != nil {
					t.Fatal(err)
				}
				if err := f.Truncate(tt.size); err != nil {
					t.Fatal(err)
				}
				f.Close()
			} else if err := os.WriteFile(path, []byte(tt.data), 0o644); err != nil {
				t.Fatal(err)
			}
			res, err := loaders.ExtractFile(path)
			if tt.errMatch != "" {
				var de *decode.Error
				if !errors.As(err, &de) || !strings.Contains(err.Error(), tt.errMatch) || !strings.Contains(err.Error(), path) {
					t.Fatalf("err = %v, want a decode error naming %s with %q", err, path, tt.errMatch)
				}
				if tt.errLine > 0 && de.Line != tt.errLine {
					t.Errorf("error names line %d, want %d", de.Line, tt.errLine)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !hasDiagnostic(res.Graph, tt.diag) {
				t.Errorf("no %q diagnostic: %+v", tt.diag, res.Graph.Diagnostics)
			}
			// Nothing is lost: the damaged file gives the events of the clean one.
			clean, err := loaders.Extract("clean.txt", []byte(chronicle))
			if err != nil {
				t.Fatal(err)
			}
			if got, want := countEvents(res.Graph), countEvents(clean.Graph); got != want || want == 0 {
				t.Errorf("%d events, the clean excerpt gives %d", got, want)
			}
		})
	}
}
