package roster

import (
	"strconv"
	"strings"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// resolvePersons decides which posts of the same name belong to one person
// and sets each post's person key.
//
// A roster names each person by name alone, and a city has namesakes. Two
// posts of one name are taken to be one person's when they are compatible:
//   - one of them is a leadership post (a city leadership block or a county
//     leader line): leaders hold many posts at once;
//   - one of them is marked 兼 (concurrent);
//   - the units are related: the same unit, one indented under the other,
//     or both under the same parent;
//   - the units are listed next to each other (纪委 and 监委, one body
//     with two plates);
//   - one post ended (免) and the other began (任) during the year: a
//     transfer;
//   - one of them is a democratic party's chair (主委), a part-time post.
//
// Compatibility is closed transitively. A name whose posts fall into
// several groups names several persons; each is keyed name@unit key (the
// unit of its first post), keeps the plain name, and a homonym diagnostic
// reports the split.
func (x *extractor) resolvePersons() {
	// Sized for a name a post, as most names have one: grown as it
	// fills, the map would rehash its keys several times over.
	byName := make(map[string][]*post, len(x.posts))
	var names []string
	for _, p := range x.posts {
		k := textnorm.Key(p.h.name)
		if byName[k] == nil {
			names = append(names, k)
		}
		byName[k] = append(byName[k], p)
	}
	for _, k := range names {
		ps := byName[k]
		if len(ps) == 1 { // most names: one post, one person
			ps[0].person = k
			continue
		}
		root := make([]int, len(ps))
		for i := range root {
			root[i] = i
		}
		var find func(int) int
		find = func(i int) int {
			for root[i] != i {
				i = root[i]
			}
			return i
		}
		for i := range ps {
			for j := i + 1; j < len(ps); j++ {
				if compatible(ps[i], ps[j]) {
					root[find(j)] = find(i)
				}
			}
		}
		var groups []int
		for i := range ps {
			if find(i) == i {
				groups = append(groups, i)
			}
		}
		if len(groups) == 1 {
			for _, p := range ps {
				p.person = k
			}
			continue
		}
		var where []string
		for _, g := range groups {
			where = append(where, ps[g].unit.name)
		}
		for _, p := range ps {
			p.person = k + "@" + ps[find(indexOf(ps, p))].unit.key
		}
		x.diag(ps[groups[1]].src.Line, CodeHomonym, "%s names %d persons: posts in %s are unrelated", ps[0].h.name, len(groups), strings.Join(where, ", "))
	}
}

func indexOf(ps []*post, p *post) int {
	for i, q := range ps {
		if q == p {
			return i
		}
	}
	return -1
}

// compatible reports whether two posts of one name can be one person's.
func compatible(a, b *post) bool {
	na, nb := a.h.notes, b.h.notes
	ua, ub := a.unit, b.unit
	switch {
	case a.leader || b.leader:
	case na.concurrent || nb.concurrent:
	case ua == ub, ua.parent == ub, ub.parent == ua, ua.parent != nil && ua.parent == ub.parent:
	case a.useq-b.useq == 1 || b.useq-a.useq == 1:
	case na.end != "" && nb.start != "", na.start != "" && nb.end != "":
	case strings.Contains(a.title, "主委") || strings.Contains(b.title, "主委"):
	default:
		return false
	}
	return true
}

// emit turns units, posts and links into the graph.
func (x *extractor) emit() {
	x.resolvePersons()
	// The units, about a person a post and the posts' and links'
	// relationships: sized once, not grown entity by entity (and left
	// nil for a yearbook without a roster).
	if n := len(x.order) + len(x.posts); n > 0 {
		x.g.Entities = make([]kg.Entity, 0, n)
	}
	if n := len(x.posts) + len(x.parts); n > 0 {
		x.g.Relationships = make([]kg.Relationship, 0, n)
	}
	for _, u := range x.order {
		e := kg.Entity{Kind: kg.Organization, Key: u.key, Name: u.name, Aliases: u.aliases, Mentions: u.mentions}
		if len(u.props) > 0 {
			e.Props = u.props
		}
		e.ID = e.Ref().ID()
		x.g.Entities = append(x.g.Entities, e)
	}
	persons := make(map[string]int, len(x.posts)) // about a person a post
	for _, p := range x.posts {
		i, ok := persons[p.person]
		if !ok {
			e := kg.Entity{Kind: kg.Person, Key: p.person, Name: p.h.name}
			e.ID = e.Ref().ID()
			i = len(x.g.Entities)
			persons[p.person] = i
			x.g.Entities = append(x.g.Entities, e)
		}
		e := &x.g.Entities[i]
		if n := p.h.notes; n.gender != "" || n.ethnicity != "" {
			if e.Props == nil {
				e.Props = map[string]string{}
			}
			if n.gender != "" && e.Props["gender"] == "" {
				e.Props["gender"] = n.gender
			}
			if n.ethnicity != "" && e.Props["ethnicity"] == "" {
				e.Props["ethnicity"] = n.ethnicity
			}
		}
		if len(e.Mentions) == 0 || e.Mentions[len(e.Mentions)-1].Line != p.src.Line {
			e.Mentions = append(e.Mentions, p.src)
		}
		props := map[string]string{"title": p.title, "concurrent": strconv.FormatBool(p.h.notes.concurrent)}
		if p.h.notes.start != "" {
			props["start"] = p.h.notes.start
		}
		if p.h.notes.end != "" {
			props["end"] = p.h.notes.end
		}
		if len(p.h.notes.other) > 0 {
			props["note"] = strings.Join(p.h.notes.other, "；")
		}
		x.g.Relationships = append(x.g.Relationships, kg.Relationship{
			Type: kg.HeldPosition, From: kg.Ref{Kind: kg.Person, Key: p.person}, To: kg.Ref{Kind: kg.Organization, Key: p.unit.key},
			Props: props, Source: p.src,
		})
	}
	for _, po := range x.parts {
		x.g.Relationships = append(x.g.Relationships, kg.Relationship{
			Type: kg.PartOf, From: kg.Ref{Kind: kg.Organization, Key: po.child.key}, To: kg.Ref{Kind: kg.Organization, Key: po.parent.key},
			Source: po.src,
		})
	}
}
