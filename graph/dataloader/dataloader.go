// Package dataloader batches the per-entity lookups of one GraphQL request
// into one Cypher query per kind of lookup (each an UNWIND $ids query), so
// that a list of fifty people with their positions costs the same few
// queries as a list of one.
package dataloader

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/vikstrous/dataloadgen"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/neo4jstore"
)

// wait is how long a loader collects keys before it runs its batch: long
// enough for gqlgen to resolve all siblings of a list, short enough to be
// invisible in latency.
const wait = 5 * time.Millisecond

// Key is an entity ID with the page size of the field that asked for it.
type Key struct {
	ID    string
	First int
}

// Loaders is the set of loaders of one request. Never share it between
// requests: it caches what it loaded.
type Loaders struct {
	store     *neo4jstore.Store
	Nodes     *dataloadgen.Loader[string, *neo4jstore.Node]
	Mentions  *dataloadgen.Loader[Key, []kg.Source]
	PersonPos *dataloadgen.Loader[string, []neo4jstore.Position]
	OrgPos    *dataloadgen.Loader[string, []neo4jstore.Position]
	Honors    *dataloadgen.Loader[string, []neo4jstore.Honor]

	mu      sync.Mutex
	related map[neo4jstore.Relation]*dataloadgen.Loader[Key, []*neo4jstore.Node]
}

// New returns the loaders of one request.
func New(store *neo4jstore.Store) *Loaders {
	opt := dataloadgen.WithWait(wait)
	l := &Loaders{store: store, related: map[neo4jstore.Relation]*dataloadgen.Loader[Key, []*neo4jstore.Node]{}}
	l.Nodes = dataloadgen.NewLoader(func(ctx context.Context, ids []string) ([]*neo4jstore.Node, []error) {
		nodes, err := store.Nodes(ctx, ids)
		return nodes, fill(len(ids), err)
	}, opt)
	l.Mentions = dataloadgen.NewLoader(byFirst(store.Mentions), opt)
	l.PersonPos = dataloadgen.NewLoader(func(ctx context.Context, ids []string) ([][]neo4jstore.Position, []error) {
		ps, err := store.Positions(ctx, ids, true)
		return ps, fill(len(ids), err)
	}, opt)
	l.OrgPos = dataloadgen.NewLoader(func(ctx context.Context, ids []string) ([][]neo4jstore.Position, []error) {
		ps, err := store.Positions(ctx, ids, false)
		return ps, fill(len(ids), err)
	}, opt)
	l.Honors = dataloadgen.NewLoader(func(ctx context.Context, ids []string) ([][]neo4jstore.Honor, []error) {
		hs, err := store.Honors(ctx, ids)
		return hs, fill(len(ids), err)
	}, opt)
	return l
}

// Related returns the loader of the neighbours along rel.
func (l *Loaders) Related(rel neo4jstore.Relation) *dataloadgen.Loader[Key, []*neo4jstore.Node] {
	l.mu.Lock()
	defer l.mu.Unlock()
	if ld, ok := l.related[rel]; ok {
		return ld
	}
	ld := dataloadgen.NewLoader(byFirst(func(ctx context.Context, ids []string, first int) ([][]*neo4jstore.Node, error) {
		return l.store.Related(ctx, rel, ids, first)
	}), dataloadgen.WithWait(wait))
	l.related[rel] = ld
	return ld
}

// byFirst adapts a batch function that takes one page size to keys that
// carry their own: keys are grouped by page size, one query per group (in
// practice one, since sibling fields share their arguments).
func byFirst[V any](fetch func(ctx context.Context, ids []string, first int) ([]V, error)) func(ctx context.Context, keys []Key) ([]V, []error) {
	return func(ctx context.Context, keys []Key) ([]V, []error) {
		out := make([]V, len(keys))
		errs := make([]error, len(keys))
		groups := map[int][]int{}
		for i, k := range keys {
			groups[k.First] = append(groups[k.First], i)
		}
		for first, idx := range groups {
			ids := make([]string, len(idx))
			for j, i := range idx {
				ids[j] = keys[i].ID
			}
			vs, err := fetch(ctx, ids, first)
			for j, i := range idx {
				if err != nil {
					errs[i] = err
				} else {
					out[i] = vs[j]
				}
			}
		}
		return out, errs
	}
}

func fill(n int, err error) []error {
	if err == nil {
		return nil
	}
	errs := make([]error, n)
	for i := range errs {
		errs[i] = err
	}
	return errs
}

type ctxKey struct{}

// Middleware puts a fresh set of loaders into every request's context.
func Middleware(store *neo4jstore.Store, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, New(store))))
	})
}

// For returns the loaders of the request in ctx. Outside a request (tests,
// tools) it returns a fresh set, so callers never see nil.
func For(ctx context.Context, store *neo4jstore.Store) *Loaders {
	if l, ok := ctx.Value(ctxKey{}).(*Loaders); ok {
		return l
	}
	return New(store)
}
