// Package booktest gives the extractors' tests the vendored yearbook, on
// whose every line the hand-written shortcuts are checked against the
// code or regexps they stand for.
package booktest

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Path returns the path of the vendored yearbook, found from this file so
// that tests at any depth of the tree read the same file.
func Path() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "data", "wuwei-2024.txt")
}

// Lines returns every line of the vendored yearbook.
func Lines(t testing.TB) []string {
	t.Helper()
	b, err := os.ReadFile(Path())
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(string(b), "\n")
}
