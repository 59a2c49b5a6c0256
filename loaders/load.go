package loaders

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/yearbookkg/kg/neo4jstore"
)

// LoadFile extracts the yearbook at path and loads it into store, writing
// progress lines to progress. The store's schema must exist (EnsureSchema).
// A failed load leaves the store as it was (see neo4jstore.Store.Load).
func LoadFile(ctx context.Context, store *neo4jstore.Store, path string, progress io.Writer, force bool) (*Result, *neo4jstore.LoadResult, error) {
	t := time.Now()
	res, err := ExtractFile(path)
	if err != nil {
		return nil, nil, err
	}
	g := res.Graph
	fmt.Fprintf(progress, "extract %s: %d entities, %d relationships, %d diagnostics in %s\n",
		g.Yearbook.ID, len(g.Entities), len(g.Relationships), len(g.Diagnostics), time.Since(t).Round(time.Millisecond))
	lr, err := store.Load(ctx, g, neo4jstore.LoadOptions{Progress: progress, Force: force})
	if err != nil {
		return res, nil, fmt.Errorf("load %s: %w", path, err)
	}
	return res, &lr, nil
}
