package graph

import (
	"context"
	"strconv"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/graph/dataloader"
	"github.com/yearbookkg/kg/graph/model"
	"github.com/yearbookkg/kg/neo4jstore"
)

// Page sizes: a client's first is capped, so one query cannot ask the
// database for everything.
const (
	defaultFirst = 50
	maxFirst     = 500
)

// first validates a page size argument.
func pageSize(p *int, def int) (int, error) {
	if p == nil {
		return def, nil
	}
	if *p < 0 {
		return 0, kg.Errorf(kg.EINVALID, "first must not be negative")
	}
	return min(*p, maxFirst), nil
}

func base(n *neo4jstore.Node) model.Base {
	aliases := n.Aliases
	if aliases == nil {
		aliases = []string{}
	}
	return model.Base{ID: n.ID, Name: n.Name, Aliases: aliases, MentionCount: n.MentionCount}
}

// toEntity converts a node of any kind to its GraphQL type.
func toEntity(n *neo4jstore.Node) model.Entity {
	if n == nil {
		return nil
	}
	switch n.Kind {
	case kg.Person:
		return toPerson(n)
	case kg.Organization:
		return toOrganization(n)
	case kg.Place:
		return toPlace(n)
	case kg.Event:
		return toEvent(n)
	case kg.Project:
		return toProject(n)
	}
	return nil
}

func toPerson(n *neo4jstore.Node) *model.Person {
	return &model.Person{Base: base(n), Gender: n.Prop("gender"), Ethnicity: n.Prop("ethnicity"), Born: n.Prop("born")}
}

func toOrganization(n *neo4jstore.Node) *model.Organization {
	return &model.Organization{Base: base(n)}
}

func toPlace(n *neo4jstore.Node) *model.Place {
	t := model.PlaceType(n.Props["placeType"])
	if !t.IsValid() {
		t = model.PlaceTypeOther
	}
	return &model.Place{Base: base(n), PlaceType: t}
}

func toEvent(n *neo4jstore.Node) *model.Event {
	return &model.Event{Base: base(n), Date: n.Props["date"], EndDate: n.Prop("endDate"), Description: n.Props["description"], Category: n.Prop("category")}
}

func toProject(n *neo4jstore.Node) *model.Project {
	return &model.Project{Base: base(n), Investment: n.Prop("investment"), Status: n.Prop("status")}
}

// convertAll converts nodes with conv, dropping nodes of another kind.
func convertAll[T any](nodes []*neo4jstore.Node, kind kg.Kind, conv func(*neo4jstore.Node) T) []T {
	out := make([]T, 0, len(nodes))
	for _, n := range nodes {
		if n != nil && n.Kind == kind {
			out = append(out, conv(n))
		}
	}
	return out
}

func toMention(s kg.Source) *model.Mention {
	m := mention(s)
	return &m
}

// mention converts a source; a page is allocated only when known.
func mention(s kg.Source) model.Mention {
	m := model.Mention{Yearbook: s.Yearbook, Section: s.Section, Line: s.Line, Quote: s.Quote}
	if s.Page > 0 {
		p := s.Page
		m.Page = &p
	}
	return m
}

// toPosition converts a post, keeping the other end it was read with
// unless r.resolveEnds.
func (r *Resolver) toPosition(p neo4jstore.Position) *model.Position {
	pos := &model.Position{PersonID: p.PersonID, OrganizationID: p.OrganizationID, Title: p.Title,
		Start: optional(p.Start), End: optional(p.End), Note: optional(p.Note), Concurrent: p.Concurrent, Source: toMention(p.Source)}
	if !r.resolveEnds {
		setLoadedEnd(pos, p.Other)
	}
	return pos
}

// setLoadedEnd sets the end of pos that other is (the organization of a
// person's post, the person of an organization's), converted once here
// rather than by the resolver at every use. It is the node the read
// primed the request's Nodes loader with, so the answer is the one the
// resolver would load.
func setLoadedEnd(pos *model.Position, other *neo4jstore.Node) {
	switch {
	case other == nil:
	case other.Kind == kg.Person && other.ID == pos.PersonID:
		pos.LoadedPerson = toPerson(other)
	case other.Kind == kg.Organization && other.ID == pos.OrganizationID:
		pos.LoadedOrganization = toOrganization(other)
	}
}

// loaders returns the request's dataloaders.
func (r *Resolver) loaders(ctx context.Context) *dataloader.Loaders {
	return dataloader.For(ctx, r.Store)
}

// mentions resolves Entity.mentions for any kind.
func (r *Resolver) mentions(ctx context.Context, id string, firstArg *int) ([]*model.Mention, error) {
	n, err := pageSize(firstArg, 20)
	if err != nil {
		return nil, err
	}
	ms, err := r.loaders(ctx).Mentions.Load(ctx, dataloader.Key{ID: id, First: n})
	if err != nil {
		return nil, err
	}
	out := make([]*model.Mention, len(ms))
	for i, m := range ms {
		out[i] = toMention(m)
	}
	return out, nil
}

// related loads the neighbours of id along rel and converts those of kind.
func related[T any](ctx context.Context, r *Resolver, rel neo4jstore.Relation, id string, firstArg *int, def int, kind kg.Kind, conv func(*neo4jstore.Node) T) ([]T, error) {
	n, err := pageSize(firstArg, def)
	if err != nil {
		return nil, err
	}
	nodes, err := r.loaders(ctx).Related(rel).Load(ctx, dataloader.Key{ID: id, First: n})
	if err != nil {
		return nil, err
	}
	return convertAll(nodes, kind, conv), nil
}

// one loads a single neighbour along rel (parent, awardedBy), or nil.
func one[T any](ctx context.Context, r *Resolver, rel neo4jstore.Relation, id string, kind kg.Kind, conv func(*neo4jstore.Node) T) (T, error) {
	var zero T
	all, err := related(ctx, r, rel, id, nil, 1, kind, conv)
	if err != nil || len(all) == 0 {
		return zero, err
	}
	return all[0], nil
}

// node loads one entity by ID and converts it, or returns nil if it is
// missing or of another kind.
func node[T any](ctx context.Context, r *Resolver, id string, kind kg.Kind, conv func(*neo4jstore.Node) T) (T, error) {
	var zero T
	n, err := r.loaders(ctx).Nodes.Load(ctx, id)
	if err != nil || n == nil || n.Kind != kind {
		return zero, err
	}
	return conv(n), nil
}

// cursor encodes a position in a list; it is opaque to clients.
func cursor(i int) string { return strconv.Itoa(i + 1) }

// offsetAfter decodes an after cursor into the offset of the next item.
func offsetAfter(after *string) (int, error) {
	if after == nil || *after == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(*after)
	if err != nil || n < 0 {
		return 0, kg.Errorf(kg.EINVALID, "invalid cursor %q", *after)
	}
	return n, nil
}
