package neo4jstore

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// WriteInReadTransaction tries to write through the same path the API's
// reads take; tests check that the database refuses.
func (s *Store) WriteInReadTransaction(ctx context.Context) error {
	_, err := read(ctx, s, func(tx neo4j.ManagedTransaction) (int, error) {
		_, err := run(ctx, s, tx, "CREATE (:Intruder {at: timestamp()})", nil)
		return 0, err
	})
	return err
}
