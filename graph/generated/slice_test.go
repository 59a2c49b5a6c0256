package generated

import (
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"

	"github.com/yearbookkg/kg/graph/selection"
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

// TestReachesResolverTyped checks the choice on operations validated
// against the schema, where fields are looked up with their type: a
// post's person and organization, answered from the primed Nodes loader,
// leave the elements in turn unless what they select batches; other
// resolvers, and fields of interfaces, keep the goroutines.
func TestReachesResolverTyped(t *testing.T) {
	tests := []struct {
		name, query string
		want        bool
	}{
		{"career", `query($id: ID!) { node(id: $id) { ... on Person { career { position { title start end organization { name } } events { date name } } } } }`, false},
		{"posts", `{ people(first: 5) { edges { node { positions { title person { name } organization { name aliases } } } } } }`, false},
		{"timeline", `{ organizations(first: 1) { edges { node { timeline { date position { person { name } } } } } } }`, false},
		{"primed then batched", `{ people(first: 5) { edges { node { positions { organization { units { name } } } } } } }`, true},
		{"career events of an organization", `query($id: ID!) { node(id: $id) { ... on Person { career { position { organization { events { name } } } } } } }`, true},
		{"a person's resolver", `{ people(first: 5) { edges { node { positions { person { mentions { quote } } } } } } }`, true},
		{"interface field", `{ search(query: "x") { id name } }`, false},
		{"interface resolver", `{ search(query: "x") { id mentions { quote } } }`, true},
	}
	schema := NewExecutableSchema(Config{}).Schema()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, errs := gqlparser.LoadQuery(schema, tt.query)
			if errs != nil {
				t.Fatal(errs)
			}
			// The selection of the innermost list of posts or steps: the
			// deepest field named positions, career or timeline.
			var list *ast.Field
			selection.WalkFields(doc.Operations[0].SelectionSet, doc.Fragments, func(f *ast.Field) bool {
				switch f.Name {
				case "positions", "career", "timeline", "search":
					list = f
				}
				return true
			})
			if list == nil {
				t.Fatal("no list")
			}
			if got := reachesResolver(list.SelectionSet, doc.Fragments); got != tt.want {
				t.Errorf("reachesResolver = %v, want %v", got, tt.want)
			}
		})
	}
}
