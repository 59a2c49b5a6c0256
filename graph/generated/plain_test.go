package generated

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/yearbookkg/kg/graph/model"
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

// TestPlainEnums checks that the fast path writes every value of every
// enum of the schema as the enum's own MarshalGQL does (setEnum keeps it
// as a string, which the fast path quotes with writeQuotedString), and
// leaves a value that is not the enum's to MarshalGQL.
func TestPlainEnums(t *testing.T) {
	enums := map[string]func(*testing.T) []string{
		"ChangeKind": checkEnum(model.AllChangeKind),
		"EntityKind": checkEnum(model.AllEntityKind),
		"GroupBy":    checkEnum(model.AllGroupBy),
		"ListOrder":  checkEnum(model.AllListOrder),
		"PlaceType":  checkEnum(model.AllPlaceType),
	}
	for _, def := range parsedSchema.Types {
		if def.Kind != ast.Enum || strings.HasPrefix(def.Name, "__") {
			continue
		}
		check, ok := enums[def.Name]
		if !ok {
			t.Errorf("enum %s is not checked: add it to the test", def.Name)
			continue
		}
		var want []string
		for _, v := range def.EnumValues {
			want = append(want, v.Name)
		}
		if got := check(t); !slices.Equal(slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))) {
			t.Errorf("enum %s: checked %v, the schema has %v", def.Name, got, want)
		}
	}
}

// checkEnum returns a check of the values all of an enum type, which
// returns their names.
func checkEnum[E interface {
	nameEnum
	graphql.Marshaler
}](all []E) func(*testing.T) []string {
	return func(t *testing.T) []string {
		t.Helper()
		var names []string
		for _, v := range all {
			var out plainValue
			if !setEnum(&out, v) || !out.isString {
				t.Errorf("%s: not kept as a string", string(v))
				continue
			}
			var want, got bytes.Buffer
			v.MarshalGQL(&want)
			writeQuotedString(&got, out.str)
			if got.String() != want.String() {
				t.Errorf("%s: got %s, want %s", string(v), got.String(), want.String())
			}
			names = append(names, string(v))
		}
		var out plainValue
		if setEnum(&out, E("not_a_value")) || out.isString {
			t.Errorf("a value not of the enum was kept as a string")
		}
		return names
	}
}
