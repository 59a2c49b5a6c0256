package decode

import (
	"slices"
	"strings"
	"testing"
)

// TestSplit holds split to strings.Split and strings.TrimSuffix, which it
// fuses, and to the line limit, on every string of up to five pieces of
// line ends and text.
func TestSplit(t *testing.T) {
	check := func(s string) {
		want := strings.Split(s, "\n")
		for i, l := range want {
			want[i] = strings.TrimSuffix(l, "\r")
		}
		got, err := split("f", s)
		if err != nil || !slices.Equal(got, want) {
			t.Fatalf("split(%q) = %q, %v; want %q", s, got, err, want)
		}
	}
	var walk func(s string, depth int)
	walk = func(s string, depth int) {
		check(s)
		if depth < 5 {
			for _, p := range []string{"\n", "\r", "\r\n", "a", "中", ""} {
				walk(s+p, depth+1)
			}
		}
	}
	walk("", 0)
	long := strings.Repeat("a", MaxLineBytes)
	check(long + "\r\n" + long)
	if _, err := split("f", "a\n"+long+"b\r\nc"); err == nil || err.(*Error).Line != 2 {
		t.Errorf("a line past the limit: err = %v, want one at line 2", err)
	}
}
