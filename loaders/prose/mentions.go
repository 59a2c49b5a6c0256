package prose

import "github.com/yearbookkg/kg"

// mentions are the mentions of the entities read so far, noted in the
// order they are read and given to the entities at the end
// (fillMentions): each entity's mentions then take their share of one
// array, sized for all of them. Appended one by one to each entity, they
// grew an array of their own for each entity mentioned more than once,
// most of what reading allocated. Only the line and quote of a mention
// is noted: its page and section are looked up at the end, once for the
// mentions of a line read one after another, and not for the mentions
// dropped.
type mentions struct {
	noted slabs[noted]     // the mentions, in order
	ents  []entityMentions // by index in ents
}

// noted is one mention of the entity ents[ent].
type noted struct {
	ent int32
	at
}

// entityMentions are how many mentions an entity has and which is its
// last: a title chain names one organization several times in one quote,
// and a mention in the quote of the last is dropped.
type entityMentions struct {
	n    int32
	last int32 // the index of the last mention noted, or -1
}

// add notes a mention at src of the entity ents[i], unless its last one
// was written at the same line and quote.
func (m *mentions) add(i int, src at) {
	e := &m.ents[i]
	if e.last >= 0 && m.noted.at(int(e.last)).at == src {
		return
	}
	e.last = int32(m.noted.add(noted{int32(i), src}))
	e.n++
}

// entities returns the entities read, each with its mentions, in one
// array: Extract's and Photographers' graphs. The mentions are given
// (fillMentions) before flat copies the entities, whose copies would not
// see them.
func (x *extractor) entities() []kg.Entity {
	x.fillMentions()
	return x.ents.flat()
}

// fillMentions gives each entity its mentions, in the order they were
// read, as kg.Sources cut from one array. The mentions are read in the
// order of the text, so that a mention shares the page and section of
// the one before it when they are on one line.
func (x *extractor) fillMentions() {
	m := &x.said
	total := 0
	next := make([]int32, len(m.ents)) // where each entity's next mention goes
	for i, e := range m.ents {
		next[i] = int32(total)
		total += int(e.n)
	}
	all := make([]kg.Source, total)
	var src kg.Source
	for k := range m.noted.len() {
		r := m.noted.at(k)
		if k == 0 || r.Line != src.Line {
			src = x.sourceOf(r.at)
		}
		src.Quote = r.Quote
		all[next[r.ent]] = src
		next[r.ent]++
	}
	for i, e := range m.ents {
		end := int(next[i])
		x.ents.at(i).Mentions = all[end-int(e.n) : end : end]
	}
}
