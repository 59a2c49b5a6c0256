// Package graph is the GraphQL API: gqlgen resolvers over the Neo4j store.
// Resolvers are thin: they validate arguments, then call a per-request
// dataloader or the store; all Cypher lives in neo4jstore.
package graph

import (
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
}
