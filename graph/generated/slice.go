package generated

// This file is not generated: graph/gqlgen makes the executor call
// marshalSlice where gqlgen calls graphql.MarshalSliceConcurrently.

import (
	"context"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"

	"github.com/yearbookkg/kg/graph/selection"
)

// marshalSlice marshals a list of objects. gqlgen marshals each element
// in a goroutine of its own, so that the resolvers of all elements start
// together and the dataloaders they call see every key in one batch.
// When no field under the elements' selection (at any depth) has a
// resolver, there is nothing to batch and the goroutines are pure cost:
// one per element, each growing its stack and scheduled in turn, which
// for a neighbourhood of ~300 objects was half the request's CPU. Then
// the elements are marshalled one after another, in this goroutine.
func marshalSlice(ctx context.Context, sel ast.SelectionSet, length int, workerLimit int64, omitPanicHandler bool, marshalElement func(ctx context.Context, i int) graphql.Marshaler) graphql.Array {
	if length < 2 || !graphql.HasOperationContext(ctx) || reachesResolver(sel, graphql.GetOperationContext(ctx).Doc.Fragments) {
		return graphql.MarshalSliceConcurrently(ctx, length, workerLimit, omitPanicHandler, marshalElement)
	}
	ret := make(graphql.Array, length)
	// Each element's field context (its index, for the paths of errors),
	// allocated together rather than two allocations per element.
	index := make([]int, length)
	fcs := make([]graphql.FieldContext, length)
	for i := range length {
		index[i] = i
		fcs[i].Index = &index[i]
		childCtx := graphql.WithFieldContext(ctx, &fcs[i])
		if omitPanicHandler {
			ret[i] = marshalElement(childCtx, i)
			continue
		}
		func() {
			defer func() {
				if r := recover(); r != nil {
					graphql.AddError(childCtx, graphql.Recover(childCtx, r))
					ret[i] = graphql.Null
				}
			}()
			ret[i] = marshalElement(childCtx, i)
		}()
	}
	return ret
}

// reachesResolver reports whether set selects, at any depth, a field
// with a resolver that may wait for a dataloader's batch. A field selected
// on an object type is looked up as type.field; one selected on an
// interface or union (or in an operation not validated) by its name on any
// type, a superset, which errs on the side of gqlgen's goroutines.
//
// The resolvers of loadedFields (a post's person and organization) need
// not run together: the read that made the object had their value, and
// every such read (a person's posts, an organization's, a career, a
// timeline) primes the Nodes loader with it, while the post's own end is
// the same node for every post of the list, so that only the first element
// of a list may wait for a batch, and the others find its node cached.
// What they select in turn is still walked: organization { units }
// batches, and keeps the goroutines.
func reachesResolver(set ast.SelectionSet, frags ast.FragmentDefinitionList) bool {
	return !selection.WalkFields(set, frags, func(f *ast.Field) bool {
		if d := f.ObjectDefinition; d != nil && d.Kind == ast.Object {
			key := d.Name + "." + f.Name
			return loadedFields[key] || !typedResolverFields[key]
		}
		return !resolverFields[f.Name]
	})
}
