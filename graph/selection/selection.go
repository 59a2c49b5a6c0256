// Package selection walks the selection sets of GraphQL operations by
// field name, for the decisions the service takes from what an operation
// selects at any depth: which properties its reads return, whether a
// list's elements reach a resolver.
package selection

import "github.com/vektah/gqlparser/v2/ast"

// Walk calls visit with the name of every field set selects, at any
// depth and through fragments, until visit returns false. It reports
// whether it went through the whole set: false when visit stopped it, or
// when the nesting passes 64 (a fragment cycle, which validation
// rejects), so that its callers assume the most.
func Walk(set ast.SelectionSet, frags ast.FragmentDefinitionList, visit func(name string) bool) bool {
	return walk(set, frags, 0, func(f *ast.Field) bool { return visit(f.Name) })
}

// WalkFields is Walk, calling visit with the fields themselves (whose
// ObjectDefinition, once the operation is validated, names the type the
// field is selected on).
func WalkFields(set ast.SelectionSet, frags ast.FragmentDefinitionList, visit func(f *ast.Field) bool) bool {
	return walk(set, frags, 0, visit)
}

func walk(set ast.SelectionSet, frags ast.FragmentDefinitionList, depth int, visit func(f *ast.Field) bool) bool {
	if depth > 64 {
		return false
	}
	for _, sel := range set {
		var sub ast.SelectionSet
		switch s := sel.(type) {
		case *ast.Field:
			if !visit(s) {
				return false
			}
			sub = s.SelectionSet
		case *ast.InlineFragment:
			sub = s.SelectionSet
		case *ast.FragmentSpread:
			if f := frags.ForName(s.Name); f != nil {
				sub = f.SelectionSet
			}
		}
		if !walk(sub, frags, depth+1, visit) {
			return false
		}
	}
	return true
}
