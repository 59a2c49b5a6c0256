package graph

import (
	"context"
	"slices"
	"sort"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/yearbookkg/kg/graph/dataloader"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/graph/selection"
	"github.com/yearbookkg/kg/neo4jstore"

	"github.com/yearbookkg/kg/graph/model"
)

// honors resolves Person.honors and Organization.honors.
func (r *Resolver) honors(ctx context.Context, id string) ([]*model.Honor, error) {
	hs, err := r.loaders(ctx).Honors.Load(ctx, id)
	if err != nil {
		return nil, err
	}
	out := make([]*model.Honor, len(hs))
	for i, h := range hs {
		out[i] = &model.Honor{Title: h.Title, AwardedByID: h.AwardedBy, Source: toMention(h.Source)}
		if h.Year != "" {
			y := h.Year
			out[i].Year = &y
		}
	}
	return out, nil
}

// timeline turns an organization's positions into their dated changes, in
// date order; positions without dates make no change.
func (r *Resolver) timeline(ps []neo4jstore.Position) []*model.PositionChange {
	var out []*model.PositionChange
	for _, p := range ps {
		pos := r.toPosition(p)
		if p.Start != "" {
			out = append(out, &model.PositionChange{Date: p.Start, Kind: model.ChangeKindStart, Position: pos})
		}
		if p.End != "" {
			out = append(out, &model.PositionChange{Date: p.End, Kind: model.ChangeKindEnd, Position: pos})
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date < out[j].Date
		}
		// On the same date a departure reads before the arrival it makes room for.
		return out[i].Kind == model.ChangeKindEnd && out[j].Kind == model.ChangeKindStart
	})
	return out
}

// career pairs each position (in start order) with the events of the
// person that fall within it. The steps' event lists are consecutive,
// clipped pieces of one array grown for them all, each event tested once
// against each post.
func (r *Resolver) career(ps []neo4jstore.Position, events []*model.Event) []*model.CareerStep {
	out := make([]*model.CareerStep, 0, len(ps))
	steps := make([]model.CareerStep, len(ps)) // one allocation for all
	all := make([]*model.Event, 0, len(events))
	for i, p := range ps {
		start := len(all)
		for _, e := range events {
			if kg.HeldAt(p.Start, p.End, e.Date) {
				all = append(all, e)
			}
		}
		step := &steps[i]
		step.Position, step.Events = r.toPosition(p), all[start:len(all):len(all)]
		out = append(out, step)
	}
	return out
}

// validIDs rejects IDs that cannot be entity IDs before the database is
// asked.
func validIDs(ids ...string) error {
	for _, id := range ids {
		if kg.KindOfID(id) == "" {
			return kg.Errorf(kg.EINVALID, "invalid ID %q", id)
		}
	}
	return nil
}

func toKinds(kinds []model.EntityKind) []kg.Kind {
	out := make([]kg.Kind, len(kinds))
	for i, k := range kinds {
		out[i] = kg.Kind(k)
	}
	return out
}

// optional returns a pointer to a copy of s, or nil when s is empty. It
// allocates only in the first case, where taking the address of s (or of
// a variable declared in an if's statement) would move s to the heap
// whatever its value: a neighbourhood's ~200 relationships, most without
// title or dates, paid three allocations each that way.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	p := new(string)
	*p = s
	return p
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// subgraph converts the nodes and relationships of a path or a
// neighbourhood, setting each relationship's ends to the converted nodes.
// An end that is not among the nodes (the store never returns one) is
// loaded.
func (r *Resolver) subgraph(ctx context.Context, nodes []*neo4jstore.Node, rels []neo4jstore.Rel) ([]model.Entity, []*model.Relationship, error) {
	ents := make([]model.Entity, 0, len(nodes))
	byID := make(map[string]model.Entity, len(nodes))
	for _, n := range nodes {
		if e := toEntity(n); e != nil {
			ents = append(ents, e)
			byID[n.ID] = e
		}
	}
	end := func(id string) (model.Entity, error) {
		if e, ok := byID[id]; ok {
			return e, nil
		}
		n, err := r.loaders(ctx).Nodes.Load(ctx, id)
		if err != nil {
			return nil, err
		}
		e := toEntity(n)
		if e == nil {
			return nil, kg.Errorf(kg.ENOTFOUND, "entity %s not found", id)
		}
		byID[id] = e
		return e, nil
	}
	out := toRelationships(rels)
	for _, rel := range out {
		var err error
		if rel.From, err = end(rel.FromID); err != nil {
			return nil, nil, err
		}
		if rel.To, err = end(rel.ToID); err != nil {
			return nil, nil, err
		}
	}
	return ents, out, nil
}

// toRelationships converts rels, allocating the relationships and their
// sources in one slice each rather than two objects per relationship (a
// neighbourhood has ~200).
func toRelationships(rels []neo4jstore.Rel) []*model.Relationship {
	out := make([]*model.Relationship, len(rels))
	all := make([]model.Relationship, len(rels))
	sources := make([]model.Mention, len(rels))
	for i, r := range rels {
		sources[i] = mention(r.Source)
		all[i] = model.Relationship{Type: r.Type, FromID: r.From, ToID: r.To, Source: &sources[i],
			Title: optional(r.Props["title"]), Start: optional(r.Props["start"]), End: optional(r.Props["end"])}
		out[i] = &all[i]
	}
	return out
}

func toYearbooks(ys []neo4jstore.Yearbook) []*model.Yearbook {
	out := []*model.Yearbook{}
	for _, y := range ys {
		out = append(out, &model.Yearbook{ID: y.ID, Title: y.Title, File: y.File, Hash: y.Hash, LoadedAt: y.LoadedAt,
			Entities: y.Entities, Relationships: y.Relationships, Diagnostics: y.Diagnostics})
	}
	return out
}

// eventFilter validates the arguments of events and eventCounts.
func eventFilter(from, to, place, person, org, project *string) (neo4jstore.EventFilter, error) {
	f := neo4jstore.EventFilter{From: deref(from), To: deref(to), PlaceID: deref(place), PersonID: deref(person), OrganizationID: deref(org), ProjectID: deref(project)}
	for _, d := range []string{f.From, f.To} {
		if d != "" {
			if err := kg.ValidDate(d); err != nil {
				return f, err
			}
		}
	}
	for _, id := range []string{f.PlaceID, f.PersonID, f.OrganizationID, f.ProjectID} {
		if id != "" {
			if err := validIDs(id); err != nil {
				return f, err
			}
		}
	}
	return f, nil
}

// listPage is a page of a browsing list.
type listPage struct {
	*model.PageInfo
	offset int
}

// list runs a browsing query for the connections people, organizations,
// places and projects.
func (r *Resolver) list(ctx context.Context, f neo4jstore.ListFilter, orderBy *model.ListOrder, first *int, after *string) ([]*neo4jstore.Node, listPage, int, error) {
	n, err := pageSize(first, defaultFirst)
	if err != nil {
		return nil, listPage{}, 0, err
	}
	offset, err := offsetAfter(after)
	if err != nil {
		return nil, listPage{}, 0, err
	}
	for _, id := range []string{f.WithinPlace, f.PositionAt, f.Organization} {
		if id != "" {
			if err := validIDs(id); err != nil {
				return nil, listPage{}, 0, err
			}
		}
	}
	order := model.ListOrderName
	if orderBy != nil {
		order = *orderBy
	}
	nodes, total, err := r.Store.List(ctx, f, string(order), offset, n)
	if err != nil {
		return nil, listPage{}, 0, err
	}
	return nodes, listPage{PageInfo: pageInfo(offset, len(nodes), offset+len(nodes) < total), offset: offset}, total, nil
}

// pageInfo describes a page that starts at offset and holds n items.
func pageInfo(offset, n int, hasNext bool) *model.PageInfo {
	pi := &model.PageInfo{HasNextPage: hasNext, HasPreviousPage: offset > 0}
	if n > 0 {
		s, e := cursor(offset), cursor(offset+n-1)
		pi.StartCursor, pi.EndCursor = &s, &e
	}
	return pi
}

// selectsDescription reports whether the request's operation selects a
// field named description anywhere. Reads that return many entities
// (paths, neighbourhoods, pages of events) leave events' descriptions out
// unless it does: they are the long texts of the graph. The whole
// operation is searched, not only the field's own selection, because the
// nodes such reads return prime the request's Nodes loader, which any
// other field of the request may then read.
func selectsDescription(ctx context.Context) bool {
	return selectionOf(ctx).fields&neo4jstore.FieldDescription != 0
}

// detail returns what a traversal (path, neighborhood) must read for
// the field being resolved: descriptions as selectsDescription says, and
// relationships' facts when the field's selection asks for any of them.
func detail(ctx context.Context) neo4jstore.Detail {
	d := neo4jstore.Detail{Descriptions: selectsDescription(ctx), RelationshipFacts: true}
	if fc := graphql.GetFieldContext(ctx); fc != nil && graphql.HasOperationContext(ctx) {
		d.RelationshipFacts = selects(fc.Field.Selections, graphql.GetOperationContext(ctx).Doc.Fragments, "title", "start", "end", "source")
	}
	return d
}

// selects reports whether set selects a field of one of the names, at any
// depth.
func selects(set ast.SelectionSet, frags ast.FragmentDefinitionList, names ...string) bool {
	return !selection.Walk(set, frags, func(name string) bool { return !slices.Contains(names, name) })
}

// facts returns what Query.node should read with the entity id, from the
// fields selected under it: a person's posts and career events, an
// organization's posts. One query then answers the whole selection
// instead of one per level, and the fields' resolvers find the facts
// in the request's loaders (see Loaders.PrimeEntity).
func facts(ctx context.Context, id string) neo4jstore.Facts {
	f := neo4jstore.Facts{EventsFirst: dataloader.CareerEvents, Descriptions: selectsDescription(ctx), Sources: true}
	if !graphql.HasOperationContext(ctx) || graphql.GetFieldContext(ctx) == nil {
		return f
	}
	// Posts read here prime the request's loaders, which any field of the
	// operation may read: leave their sources out only when no field asks
	// for a source.
	f.Sources = selectionOf(ctx).source
	var typ string
	switch kg.KindOfID(id) {
	case kg.Person:
		typ = "Person"
	case kg.Organization:
		typ = "Organization"
	default:
		return f
	}
	for _, fld := range graphql.CollectFieldsCtx(ctx, []string{typ, "Entity"}) {
		switch {
		case typ == "Person" && fld.Name == "career":
			f.Positions, f.Events = true, true
		case typ == "Person" && fld.Name == "positions":
			f.Positions = true
		case typ == "Organization" && (fld.Name == "positions" || fld.Name == "timeline"):
			f.Positions = true
		}
	}
	return f
}

// selected is what an operation selects anywhere, by field name: a
// superset (a field of another type with the same name counts too),
// which is safe, since reading a property no field shows costs only
// bytes. withSelection finds it in one walk of the operation per request;
// the resolvers that need it, some once per element of a list, read it.
type selected struct {
	fields neo4jstore.Fields // the optional entity properties
	source bool              // a field named source
}

// everything is what to assume selected when the operation cannot be read.
var everything = selected{fields: neo4jstore.AllFields, source: true}

type selectionKey struct{}

// selectionIn returns what set selects at any depth.
func selectionIn(set ast.SelectionSet, frags ast.FragmentDefinitionList) selected {
	var s selected
	if !selection.Walk(set, frags, func(name string) bool {
		s.fields |= neo4jstore.FieldOf(name)
		s.source = s.source || name == "source"
		return true
	}) {
		return everything
	}
	return s
}

// selectionOf returns the selection of the request's operation: the one
// withSelection found, else (outside the handler) a new walk, else, with
// no operation to read, everything.
func selectionOf(ctx context.Context) selected {
	if s, ok := ctx.Value(selectionKey{}).(selected); ok {
		return s
	}
	if !graphql.HasOperationContext(ctx) {
		return everything
	}
	oc := graphql.GetOperationContext(ctx)
	if oc.Operation == nil {
		return everything
	}
	return selectionIn(oc.Operation.SelectionSet, oc.Doc.Fragments)
}

// withSelection walks the operation once per request for the fields it
// selects: the resolvers read the selection from the context, and every
// read of the operation returns only the optional entity properties it
// selects somewhere (see neo4jstore.Fields), one set per request, so that
// the nodes the request's dataloaders share hold every field any part of
// it shows.
func withSelection(ctx context.Context, next graphql.OperationHandler) graphql.ResponseHandler {
	oc := graphql.GetOperationContext(ctx)
	if oc.Operation != nil {
		s := selectionIn(oc.Operation.SelectionSet, oc.Doc.Fragments)
		ctx = neo4jstore.WithFields(context.WithValue(ctx, selectionKey{}, s), s.fields)
	}
	return next(ctx)
}
