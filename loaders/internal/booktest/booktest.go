// Package booktest gives the extractors' tests the vendored yearbook, on
// whose every line the hand-written shortcuts are checked against the
// code or regexps they stand for.
package booktest

import (
	"os"
	"path/filepath"
	"regexp"
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

// SameAsDrop checks that drop(s) is re.ReplaceAllString(s, "") for every
// s of cases, the regexp being the specification of the hand-written
// drop, and that the regexp drops something from at least min of them:
// a check that meets no match checks little. name names drop in the
// messages.
func SameAsDrop(t *testing.T, name string, re *regexp.Regexp, cases []string, min int, drop func(string) string) {
	t.Helper()
	matched := 0
	for _, s := range cases {
		want := re.ReplaceAllString(s, "")
		if want != s {
			matched++
		}
		if got := drop(s); got != want {
			t.Fatalf("%s(%q) = %q, want %q", name, s, got, want)
		}
	}
	if matched < min {
		t.Errorf("%s: only %d cases hold a match: the check checks little", name, matched)
	}
}
