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
}
