package generated

import (
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// TestReachesResolver checks the choice of marshalSlice: elements whose
// selection reaches a resolver at any depth, however it is reached, keep
// gqlgen's goroutine each (their dataloaders batch); others do not.
func TestReachesResolver(t *testing.T) {
	tests := []struct {
		name, query string
		want        bool
	}{
		{"scalars", `{ x { nodes { id kind name } } }`, false},
		{"plain object fields", `{ x { nodes { type from { id } to { id } } } }`, false},
		{"resolver", `{ x { nodes { name positions { title } } } }`, true},
		{"resolver deep", `{ x { nodes { position { title organization { name } } } } }`, true},
		{"inline fragment", `{ x { nodes { ... on Person { career { position { title } } } } } }`, true},
		{"named fragment", `{ x { nodes { ...F } } } fragment F on Person { mentions { quote } }`, true},
		{"named fragment without", `{ x { nodes { ...F } } } fragment F on Person { name gender }`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parser.ParseQuery(&ast.Source{Input: tt.query})
			if err != nil {
				t.Fatal(err)
			}
			// The selection of the list's elements: x { nodes { … } }.
			x := doc.Operations[0].SelectionSet[0].(*ast.Field)
			nodes := x.SelectionSet[0].(*ast.Field)
			if got := reachesResolver(nodes.SelectionSet, doc.Fragments); got != tt.want {
				t.Errorf("reachesResolver = %v, want %v", got, tt.want)
			}
		})
	}
}
