package generated

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/99designs/gqlgen/graphql"
)

// TestPlainString checks that the fast path quotes strings exactly as
// graphql.MarshalString does, and writes an object as graphql.FieldSet
// would.
func TestPlainString(t *testing.T) {
	for _, s := range []string{"", "武威市", `a"b\c`, "tab\there\r\nnew", "\x00\x01\x1f\x7f", "<&>", "\u2028\u2029", "\xff invalid utf-8", "中\"文\\"} {
		var want, got bytes.Buffer
		graphql.MarshalString(s).MarshalGQL(&want)
		writeQuotedString(&got, s)
		if got.String() != want.String() {
			t.Errorf("%q: got %s, want %s", s, got.String(), want.String())
		}
	}
	var b bytes.Buffer
	plainObject{{alias: "a", str: "x", isString: true}, {alias: "b", value: graphql.MarshalInt(2)}, {alias: "a", str: "y", isString: true}, {alias: "c", value: graphql.Null}}.MarshalGQL(&b)
	if want := `{"a":"x","b":2,"c":null}`; b.String() != want {
		t.Errorf("object: got %s, want %s", b.String(), want)
	}
}

// TestPlainList checks that a plainList writes its objects as a
// graphql.Array of the same plainObjects does: objects of one type with n
// fields each, and objects of an interface type, whose fields end where
// ends says.
func TestPlainList(t *testing.T) {
	values := []plainValue{
		{alias: "d", str: "2023-01", isString: true}, {alias: "n", str: "a\"b", isString: true},
		{alias: "d", str: "2023-02", isString: true}, {alias: "n", value: graphql.MarshalInt(7)},
		{alias: "d", value: graphql.Null}, {alias: "d", str: "repeated", isString: true},
	}
	check := func(t *testing.T, name string, l *plainList, objects []plainObject) {
		t.Helper()
		arr := graphql.Array{}
		for _, o := range objects {
			arr = append(arr, o)
		}
		var want, got bytes.Buffer
		arr.MarshalGQL(&want)
		l.MarshalGQL(&got)
		if got.String() != want.String() {
			t.Errorf("%s: got %s, want %s", name, got.String(), want.String())
		}
	}
	for _, n := range []int{1, 2, 3} {
		for _, count := range []int{0, 1, len(values) / n} {
			var objects []plainObject
			for i := range count {
				objects = append(objects, values[i*n:(i+1)*n])
			}
			check(t, fmt.Sprintf("%d objects of %d fields", count, n), &plainList{n: n, values: values[:count*n]}, objects)
		}
	}
	for _, ends := range [][]int{{}, {1}, {6}, {2, 3, 6}, {1, 2, 3, 4, 5, 6}, {3, 4}} {
		var objects []plainObject
		start := 0
		for _, end := range ends {
			objects = append(objects, values[start:end])
			start = end
		}
		check(t, fmt.Sprintf("objects ending at %v", ends), &plainList{ends: ends, values: values[:start]}, objects)
	}
}

// TestChunks checks that chunks hands out zero slices that do not
// overlap, each capped at its length (so that no append reaches the
// next), and that a list's nested objects take a few chunks, not one
// allocation each.
func TestChunks(t *testing.T) {
	var c chunks[int]
	var all [][]int
	for i := range 200 {
		n := i%7 + 1
		s := c.take(n)
		if len(s) != n || cap(s) != n {
			t.Fatalf("take(%d): len %d, cap %d", n, len(s), cap(s))
		}
		for j := range s {
			if s[j] != 0 {
				t.Fatalf("take(%d): not zero: %v", n, s)
			}
			s[j] = i + 1
		}
		all = append(all, s)
	}
	for i, s := range all {
		for _, v := range s {
			if v != i+1 {
				t.Fatalf("slice %d was overwritten: %v", i, s)
			}
		}
	}
	var nest plainNest
	if allocs := testing.AllocsPerRun(1, func() {
		nest = plainNest{}
		for range 400 {
			nest.object(1)
		}
	}); allocs > 10 {
		t.Errorf("400 nested objects took %.0f allocations", allocs)
	}
}
