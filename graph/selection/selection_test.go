package selection

import (
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

func TestWalk(t *testing.T) {
	tests := []struct {
		name, query, stop string
		visited           string
		whole             bool
	}{
		{"fields at any depth", `{ a { b c { d } } }`, "", "a b c d", true},
		{"fragments", `{ a { ... on T { b } ...F } } fragment F on T { c }`, "", "a b c", true},
		{"stopped", `{ a { b c { d } } }`, "b", "a b", false},
		{"fragment cycle", `{ a { ...F } } fragment F on T { b { ...F } }`, "", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parser.ParseQuery(&ast.Source{Input: tt.query})
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			whole := Walk(doc.Operations[0].SelectionSet, doc.Fragments, func(name string) bool {
				names = append(names, name)
				return name != tt.stop
			})
			if whole != tt.whole || (tt.visited != "" && strings.Join(names, " ") != tt.visited) {
				t.Errorf("Walk = %v, visited %v; want %v, %q", whole, names, tt.whole, tt.visited)
			}
		})
	}
}
