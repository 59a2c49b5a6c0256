// Package graph is the GraphQL API: gqlgen resolvers over the Neo4j store.
// Resolvers are thin: they validate arguments, then call a per-request
// dataloader or the store; all Cypher lives in neo4jstore.
package graph

import (
	"github.com/yearbookkg/kg/graph/generated"
	"github.com/yearbookkg/kg/neo4jstore"
)

// Resolver is the one wiring point of the API: the store it reads.
type Resolver struct {
	Store *neo4jstore.Store
	// resolveEnds leaves a post's person and organization to their
	// resolvers, which load them from the request's Nodes loader, rather
	// than keeping the end the post was read with (see toPosition); tests
	// set it (through Options) to compare the two.
	resolveEnds bool
	// gqlgenFields writes every object through gqlgen's field-by-field
	// marshalling, without the generated fast path for plain objects
	// (see PlainObjects); tests set it (through Options) to compare the
	// two.
	gqlgenFields bool
}

// PlainObjects tells the generated executor whether to write objects whose
// selected fields are all plain from their struct fields directly
// (generated.PlainObjectsSetting). The handler installs no field
// middleware, which that fast path skips, so only tests turn it off.
func (r *Resolver) PlainObjects() bool { return !r.gqlgenFields }

var _ generated.PlainObjectsSetting = (*Resolver)(nil)
