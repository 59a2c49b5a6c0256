package graph

import (
	"context"

	"github.com/99designs/gqlgen/complexity"
	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/yearbookkg/kg/graph/generated"
	"github.com/yearbookkg/kg/graph/model"
)

// Error codes of the limits, reported in extensions.code.
const (
	codeComplexity = "COMPLEXITY_LIMIT"
	codeDepth      = "DEPTH_LIMIT"
)

// listGuess is the multiplier of list fields without a first argument
// (positions, children …): about the size of such lists in a yearbook.
const listGuess = 10

// limits rejects operations that are too deep or too costly before any
// resolver runs, so that one request cannot make the database walk the
// whole graph.
type limits struct {
	maxDepth, maxComplexity int
	es                      graphql.ExecutableSchema
}

var _ interface {
	graphql.OperationContextMutator
	graphql.HandlerExtension
} = &limits{}

func (l *limits) ExtensionName() string { return "Limits" }

func (l *limits) Validate(es graphql.ExecutableSchema) error {
	l.es = es
	return nil
}

func (l *limits) MutateOperationContext(ctx context.Context, oc *graphql.OperationContext) *gqlerror.Error {
	op := oc.Doc.Operations.ForName(oc.OperationName)
	if op == nil {
		return nil
	}
	if d := depth(op.SelectionSet, oc.Doc.Fragments, 0); d > l.maxDepth {
		return limitError(codeDepth, "query depth %d exceeds the limit of %d", d, l.maxDepth)
	}
	if c := complexity.Calculate(ctx, l.es, op, oc.Variables); c > l.maxComplexity {
		return limitError(codeComplexity, "query complexity %d exceeds the limit of %d; ask for fewer items (first) or fewer nested lists", c, l.maxComplexity)
	}
	return nil
}

func limitError(code, format string, args ...any) *gqlerror.Error {
	err := gqlerror.Errorf(format, args...)
	err.Extensions = map[string]any{"code": code}
	return err
}

// depth returns the nesting depth of a selection set; introspection
// fields do not count, so that GraphiQL's schema query passes.
func depth(set ast.SelectionSet, frags ast.FragmentDefinitionList, seen int) int {
	if seen > 64 {
		return seen // a fragment cycle; validation reports it
	}
	max := 0
	for _, sel := range set {
		var d int
		switch s := sel.(type) {
		case *ast.Field:
			if s.Name == "__schema" || s.Name == "__type" {
				continue
			}
			d = 1
			if len(s.SelectionSet) > 0 {
				d += depth(s.SelectionSet, frags, seen+1)
			}
		case *ast.InlineFragment:
			d = depth(s.SelectionSet, frags, seen+1)
		case *ast.FragmentSpread:
			if f := frags.ForName(s.Name); f != nil {
				d = depth(f.SelectionSet, frags, seen+1)
			}
		}
		if d > max {
			max = d
		}
	}
	return max
}

// times multiplies a field's children by its page size.
func times(first *int, def, child int) int {
	n := def
	if first != nil {
		n = min(max(*first, 0), maxFirst)
	}
	return 1 + n*child
}

// costs sets the complexity of list fields: a list costs its page size
// times the cost of one item.
func costs(c *generated.ComplexityRoot) {
	list := func(child int) int { return 1 + listGuess*child }
	q := &c.Query
	q.Search = func(child int, _ string, _ []model.EntityKind, first *int) int { return times(first, 20, child) }
	q.Events = func(child int, _, _, _, _, _, _ *string, first *int, _ *string) int {
		return times(first, defaultFirst, child)
	}
	q.People = func(child int, _ *model.PersonFilter, _ *model.ListOrder, first *int, _ *string) int {
		return times(first, defaultFirst, child)
	}
	q.Organizations = func(child int, _ *model.OrganizationFilter, _ *model.ListOrder, first *int, _ *string) int {
		return times(first, defaultFirst, child)
	}
	q.Places = func(child int, _ *model.PlaceFilter, _ *model.ListOrder, first *int, _ *string) int {
		return times(first, defaultFirst, child)
	}
	q.Projects = func(child int, _ *model.ProjectFilter, _ *model.ListOrder, first *int, _ *string) int {
		return times(first, defaultFirst, child)
	}
	q.Neighborhood = func(child int, _ string, _ *int, _ []model.EntityKind, first *int) int {
		return times(first, 100, child)
	}
	q.CoOccurrences = func(child int, _ string, first *int) int { return times(first, 20, child) }
	q.Path = func(child int, _, _ string, maxHops *int) int { return times(maxHops, 4, 2*child) }
	q.EventCounts = func(child int, _ model.GroupBy, _, _, _ *string) int { return list(child) }

	mentions := func(child int, first *int) int { return times(first, 20, child) }
	c.Person.Mentions, c.Organization.Mentions, c.Place.Mentions, c.Event.Mentions, c.Project.Mentions = mentions, mentions, mentions, mentions, mentions
	events := func(child int, first *int) int { return times(first, defaultFirst, child) }
	c.Person.Events, c.Organization.Events, c.Place.Events = events, events, events
	c.Organization.Projects, c.Place.Projects = events, events
	c.Person.Positions, c.Person.Career, c.Person.Honors = list, list, list
	c.Organization.Units, c.Organization.Timeline, c.Organization.Honors, c.Organization.Places = list, list, list, list
	c.Organization.Positions = func(child int, _ *string) int { return list(child) }
	c.Place.Children = list
	c.Event.People, c.Event.Organizations, c.Event.Places, c.Event.Projects = list, list, list, list
	c.Project.Places, c.Project.Organizations, c.Project.Events = list, list, list
}
