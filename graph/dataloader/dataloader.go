// Package dataloader batches the per-entity lookups of one GraphQL request
// into one Cypher query per kind of lookup (each a WHERE n.id IN $ids
// query), so that a list of fifty people with their positions costs the
// same few queries as a list of one. Reads that already hold entities
// (posts with their other end, paths, subgraphs, Query.node) prime the
// loaders, so that fields resolving those entities cost no query at all.
package dataloader

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/neo4jstore"
)

// wait is how long a loader collects keys before it runs its batch: long
// enough for gqlgen to start the resolvers of all siblings of a list
// (they start within microseconds of each other), short enough to be
// invisible in latency. It is paid once per level of nesting that goes
// through a loader: at 5 ms, a career (three levels) spent 15 ms idle
// against a database that answers in 1 ms.
const wait = time.Millisecond

// Key is an entity ID with the page size of the field that asked for it.
type Key struct {
	ID    string
	First int
}

// CareerKey is a person's ID and whether the events of the career need
// their descriptions.
type CareerKey struct {
	ID   string
	Desc bool
}

// Loaders is the set of loaders of one request. Never share it between
// requests: it caches what it loaded.
type Loaders struct {
	store     *neo4jstore.Store
	Nodes     *loader[string, *neo4jstore.Node]
	Mentions  *loader[Key, []kg.Source]
	PersonPos *loader[string, []neo4jstore.Position]
	OrgPos    *loader[string, []neo4jstore.Position]
	Careers   *loader[CareerKey, neo4jstore.Career]
	Honors    *loader[string, []neo4jstore.Honor]

	mu      sync.Mutex
	related map[neo4jstore.Relation]*loader[Key, []*neo4jstore.Node]
}

// New returns the loaders of one request.
func New(store *neo4jstore.Store) *Loaders {
	l := &Loaders{store: store, related: map[neo4jstore.Relation]*loader[Key, []*neo4jstore.Node]{}}
	l.Nodes = newLoader(func(ctx context.Context, ids []string) ([]*neo4jstore.Node, []error) {
		nodes, err := store.Nodes(ctx, ids)
		return nodes, fill(len(ids), err)
	})
	l.Mentions = newLoader(byFirst(store.Mentions))
	l.PersonPos = newLoader(func(ctx context.Context, ids []string) ([][]neo4jstore.Position, []error) {
		ps, err := store.Positions(ctx, ids, true)
		l.primeOthers(ps...)
		return ps, fill(len(ids), err)
	})
	l.OrgPos = newLoader(func(ctx context.Context, ids []string) ([][]neo4jstore.Position, []error) {
		ps, err := store.Positions(ctx, ids, false)
		l.primeOthers(ps...)
		return ps, fill(len(ids), err)
	})
	l.Careers = newLoader(func(ctx context.Context, keys []CareerKey) ([]neo4jstore.Career, []error) {
		out := make([]neo4jstore.Career, len(keys))
		errs := make([]error, len(keys))
		for _, desc := range []bool{false, true} {
			var ids []string
			var idx []int
			for i, k := range keys {
				if k.Desc == desc {
					ids, idx = append(ids, k.ID), append(idx, i)
				}
			}
			if len(ids) == 0 {
				continue
			}
			cs, err := store.Careers(ctx, ids, CareerEvents, desc)
			for j, i := range idx {
				if err != nil {
					errs[i] = err
					continue
				}
				out[i] = cs[j]
				l.primeOthers(cs[j].Positions)
				l.PersonPos.Prime(ids[j], cs[j].Positions)
			}
		}
		return out, errs
	})
	l.Honors = newLoader(func(ctx context.Context, ids []string) ([][]neo4jstore.Honor, []error) {
		hs, err := store.Honors(ctx, ids)
		return hs, fill(len(ids), err)
	})
	return l
}

// CareerEvents is the most events a career shows.
const CareerEvents = 500

// Prime adds nodes the request has already read, with every field it
// selects, to the Nodes loader, so that resolving them again (a
// relationship's from and to, a post's organization) costs no query.
func (l *Loaders) Prime(nodes ...*neo4jstore.Node) {
	for _, n := range nodes {
		if n != nil {
			l.Nodes.Prime(n.ID, n)
		}
	}
}

// PrimeEntity primes the loaders with an entity read by Store.Entity
// and the facts read with it; desc tells whether events' descriptions
// were read (the key of the career).
func (l *Loaders) PrimeEntity(e *neo4jstore.EntityFacts, desc bool) {
	l.Prime(e.Node)
	id := e.Node.ID
	if e.HasPositions {
		l.primeOthers(e.Positions)
		switch e.Node.Kind {
		case kg.Person:
			l.PersonPos.Prime(id, e.Positions)
		case kg.Organization:
			l.OrgPos.Prime(id, e.Positions)
		}
	}
	if e.HasPositions && e.HasEvents {
		l.Careers.Prime(CareerKey{ID: id, Desc: desc}, neo4jstore.Career{Positions: e.Positions, Events: e.Events})
	}
}

// primeOthers primes the Nodes loader with the other ends of posts (people
// and organizations, which have no descriptions to leave out).
func (l *Loaders) primeOthers(lists ...[]neo4jstore.Position) {
	for _, ps := range lists {
		for _, p := range ps {
			l.Prime(p.Other)
		}
	}
}

// Related returns the loader of the neighbours along rel.
func (l *Loaders) Related(rel neo4jstore.Relation) *loader[Key, []*neo4jstore.Node] {
	l.mu.Lock()
	defer l.mu.Unlock()
	if ld, ok := l.related[rel]; ok {
		return ld
	}
	ld := newLoader(byFirst(func(ctx context.Context, ids []string, first int) ([][]*neo4jstore.Node, error) {
		return l.store.Related(ctx, rel, ids, first)
	}))
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
