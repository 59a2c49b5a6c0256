// Package events extracts the dated happenings of a yearbook: every entry
// of the chronicle (大事记), the dated sub-entries of meeting topics
// (【市委常委会会议】 and the like), single-meeting topics, the adoption
// lines of the documents in the appendix, and the sentences of running text
// that date a named meeting, forum, festival, ceremony, opening or disaster.
//
// Each happening becomes one Event entity; the people, organizations,
// projects and places the events' texts name (found by a mention.Finder
// supplied by the caller) are linked to it by PARTICIPATED_IN, INVOLVES and
// OCCURRED_IN. The entities of those names are not created here: the
// extractors of people, organizations, projects and places emit them.
//
// The chronicle is found by its form (a month marker on a line of its own,
// then day entries whose day is followed by U+3000), never by position, so
// that the same code reads the chronicles of other cities and years.
// Precision comes first: a sentence whose date or happening is unclear is
// left out rather than guessed.
package events

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/mention"
	"github.com/yearbookkg/kg/loaders/segment"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// Categories of events. A chronicle entry is CategoryChronicle whatever it
// reports (its "type" prop says what, when its name tells); the events
// found elsewhere take the category of their happening.
const (
	CategoryChronicle = "chronicle"
	CategoryMeeting   = "meeting"
	CategoryAdoption  = "adoption" // a document published by order, not by a meeting
	CategoryOther     = "event"
)

// Diagnostic codes.
const (
	CodeEmptyMonth     = "chronicle-empty-month"   // a month marker with no entries
	CodeBadDate        = "chronicle-bad-date"      // an entry whose date cannot be read or does not exist
	CodeDayBackwards   = "chronicle-day-backwards" // a day earlier than the entry before it in the month
	CodeMonthOrder     = "chronicle-month-order"   // a month marker earlier than the one before it
	CodeEmptyEntry     = "chronicle-empty-entry"   // a day marker with no text
	CodeMeetingBadDate = "meeting-bad-date"        // a meeting sub-entry whose date cannot be read
)

// Extract returns the events of the yearbook d, whose ID is yearbook, with
// their relationships to the names f finds in their texts (none when f is
// nil), and diagnostics for the chronicle lines it could not use. It never
// fails: a document without a chronicle or meetings gives an empty graph.
func Extract(d *segment.Document, yearbook string, f mention.Finder) *kg.Graph {
	return ExtractRunning(d, yearbook, f, nil)
}

// ExtractRunning is Extract with the running text of d already built
// (segment.Document.Running), for a pipeline that shares it between
// extractors; the topics' texts are taken from it.
func ExtractRunning(d *segment.Document, yearbook string, f mention.Finder, running []segment.Stretch) *kg.Graph {
	x := &extractor{d: d, yb: yearbook, f: f, byKey: map[string]*event{}, used: map[*segment.Topic]bool{}, marks: markLines(d)}
	if len(running) > 0 {
		x.topics = make(map[*segment.Topic]*segment.Passage, len(running))
		for _, st := range running {
			if st.Topic != nil {
				x.topics[st.Topic] = st.Passage
			}
		}
	}
	x.chronicle()
	x.meetingTopics()
	x.adoptionLines()
	x.runningText()
	return x.graph()
}

// extractor holds the state of one extraction.
type extractor struct {
	d     *segment.Document
	yb    string
	f     mention.Finder
	evs   []*event
	days  []eventDays // of evs, by index
	byKey map[string]*event
	used  map[*segment.Topic]bool // topics read as meetings: running text skips them
	diags []kg.Diagnostic
	marks lineMarks
	areas map[[2]string]headingArea // see area
	seen  map[linkKey]int           // see relate
	slab  []event                   // see alloc
	// topics holds the topics' texts built before (nil: build each
	// when read).
	topics map[*segment.Topic]*segment.Passage
}

// topicText returns the passage of a topic's text (segment.Document.TopicText).
func (x *extractor) topicText(t *segment.Topic) *segment.Passage {
	if p := x.topics[t]; p != nil {
		return p
	}
	return x.d.TopicText(t)
}

// event is an Event entity under construction with the texts that
// describe it; relationships are drawn from every text at the end.
type event struct {
	ent   kg.Entity
	date  dateSpan
	names []string // match keys of the names it is known by
	long  []string // the names of five runes or more, which same looks for in texts
	// longSets holds the runes of each long name, keySets those of each
	// text key (see writesName).
	longSets, keySets []runeSet
	sig               string // meetingSig of its name, if a numbered meeting
	// first and last are date.bounds() as numbers (dayNumber): same
	// compares every candidate with every event found so far.
	first, last int
	texts       []text
	keys        []string // textnorm.Key of texts[i], filled in by textKey as same needs them ("": not yet)
	chronicle   bool
	weak        bool // dated by year only: kept only as a mention of a better-dated event
	// ownText and ownNames hold the first text and the first two names,
	// ownSet the rune set of the first text: most events have no more,
	// and texts, names and keySets start in them instead of in arrays of
	// their own.
	ownText  [1]text
	ownNames [2]string
	ownSet   [1]runeSet
}

// eventSlab is how many events alloc allocates at once.
const eventSlab = 32

// alloc returns a new zero event. Events are allocated eventSlab at a
// time: an extraction makes hundreds, and keeps them all to its end.
func (x *extractor) alloc() *event {
	if len(x.slab) == 0 {
		x.slab = make([]event, eventSlab)
	}
	e := &x.slab[0]
	x.slab = x.slab[1:]
	return e
}

// text is a description of an event: Text[off:end] of a passage. Names
// are related to the event only up to rel (when set): a sentence of running
// text goes on about other things after the clause that dates the event.
// A weak text (a year-dated mention merged into a better-dated event)
// gives no relationships: it is only a mention.
type text struct {
	p        *segment.Passage
	off, end int
	rel      int
	weak     bool
}

func (t text) String() string { return t.p.Text[t.off:t.end] }

// newEvent returns an event of the given name (shown clipped to maxName),
// date, category and description, mentioned at source.
func (x *extractor) newEvent(full string, ds dateSpan, category string, t text, src kg.Source) *event {
	name := clip(full)
	desc := strings.TrimSpace(t.String())
	e := x.alloc()
	e.date = ds
	e.ownText[0] = t
	e.texts, e.names, e.keySets = e.ownText[:], e.ownNames[:0], e.ownSet[:0]
	lo, hi := ds.bounds()
	e.first, e.last = dayNumber(lo), dayNumber(hi)
	e.ent = kg.Entity{
		Kind:     kg.Event,
		Name:     name,
		Props:    map[string]string{"date": ds.Start, "description": desc, "category": category},
		Mentions: []kg.Source{src},
	}
	if ds.End != "" {
		e.ent.Props["endDate"] = ds.End
	}
	if category == CategoryChronicle {
		if typ := eventType(full); typ != "" {
			e.ent.Props["type"] = typ
		}
	}
	e.addName(strings.TrimSuffix(strings.TrimPrefix(full, "“"), "”"))
	e.addName(full)
	e.sig = meetingSig(full, x.d.City)
	return e
}

// addName records a name the event is known by, for matching.
func (e *event) addName(name string) {
	k := textnorm.Key(trimEllipsis(name))
	if k == "" || strings.HasSuffix(name, "…") {
		return
	}
	for _, n := range e.names {
		if n == k {
			return
		}
	}
	e.names = append(e.names, k)
	if utf8.RuneCountInString(k) >= 5 {
		e.long = append(e.long, k)
		e.longSets = append(e.longSets, runesOf(k))
	}
}

// add files e under key, or merges it into an event already filed that
// reports the same happening (see same). Dates overlap when they share a
// day, a month or a year read as the whole period: a happening dated 2023
// 年 may be the one of 5 月 19 日. Year-dated events that merge nowhere
// are dropped.
func (x *extractor) add(e *event, key string) {
	for i, d := range x.days {
		if d.first <= e.last && e.first <= d.last && !(d.chronicle && e.chronicle) && x.same(x.evs[i], e) {
			x.merge(x.evs[i], e)
			return
		}
	}
	if e.weak {
		return
	}
	if _, dup := x.byKey[key]; dup {
		for i := 2; ; i++ {
			k := key + "#" + strconv.Itoa(i)
			if _, dup := x.byKey[k]; !dup {
				key = k
				break
			}
		}
	}
	e.ent.Key = key
	e.ent.ID = kg.Ref{Kind: kg.Event, Key: key}.ID()
	x.byKey[key] = e
	x.evs = append(x.evs, e)
	x.days = append(x.days, eventDays{e.first, e.last, e.chronicle})
}

// eventDays are the dates of an event filed and whether it is a
// chronicle entry: what add asks before same, and what rules out most of
// the events filed. add reads them from an array of their own, instead of
// from each event, which spreads them over hundreds of bytes apart.
type eventDays struct {
	first, last int
	chronicle   bool
}

// same reports whether the candidate c reports the happening o already
// holds: their dates overlap and either both are the same numbered meeting
// (equal meetingSig) or a name of one is written in the text of the other.
// Two chronicle entries are never the same: the chronicle lists each
// happening once.
//
// add asks only about events whose dates overlap and that are not both
// chronicle entries (from x.days, without reading the events), so same
// does not test those again.
func (x *extractor) same(o, c *event) bool {
	if o.sig != "" && c.sig != "" {
		return o.sig == c.sig
	}
	return sharesName(o, c) || writesName(o, c) || writesName(c, o)
}

// sharesName reports whether a and b are known by a same name.
func sharesName(a, b *event) bool {
	for _, n := range a.names {
		for _, m := range b.names {
			if n == m {
				return true
			}
		}
	}
	return false
}

// writesName reports whether a text of a writes a name of b of five runes
// or more.
//
// A text can hold a name only if it holds every rune of it: the sets of
// runes of both (see runeSet) rule out most pairs before the search.
func writesName(a, b *event) bool {
	for j, n := range b.long {
		for i := range a.texts {
			if a.textSet(i).holds(b.longSets[j]) && strings.Contains(a.textKey(i), n) {
				return true
			}
		}
	}
	return false
}

// runeSet is a set of runes hashed into 256 bits. Every rune of a string
// sets its bit; a text whose set lacks a bit of a name's set lacks a rune
// of the name, and cannot contain it. (Keys are valid UTF-8, so a name
// found in a text starts at a rune of it, and its runes are the text's.)
type runeSet [4]uint64

// runesOf returns the set of the runes of s. The Chinese characters are
// read from their three bytes (textnorm.HanAt).
func runesOf(s string) runeSet { return runeSetOf(s, false) }

// add puts r in the set.
func (s *runeSet) add(r rune) {
	h := runeBit(r)
	s[h>>6] |= 1 << (h & 63)
}

// runeBit returns the bit of r in a runeSet: Fibonacci hashing into 0..255.
func runeBit(r rune) uint32 { return uint32(r) * 2654435761 >> 24 }

// has reports whether r may be in the set: whether its bit is.
func (s runeSet) has(r rune) bool {
	h := runeBit(r)
	return s[h>>6]&(1<<(h&63)) != 0
}

// holds reports whether every bit of o is in s.
func (s runeSet) holds(o runeSet) bool {
	return o[0]&^s[0] == 0 && o[1]&^s[1] == 0 && o[2]&^s[2] == 0 && o[3]&^s[3] == 0
}

// textSet returns the set of the runes of the match key of e.texts[i],
// read from the text without building the key (see keyRunesOf). same
// compares every candidate with every event found so far; the sets of an
// event's texts are computed once, not once per comparison, and most
// rule the names out without a key. texts only grows.
func (e *event) textSet(i int) runeSet {
	for len(e.keySets) <= i {
		e.keySets = append(e.keySets, keyRunesOf(e.texts[len(e.keySets)].String()))
	}
	return e.keySets[i]
}

// textKey returns the match key of e.texts[i], built once, when a name
// is to be looked for in it.
func (e *event) textKey(i int) string {
	for len(e.keys) <= i {
		e.keys = append(e.keys, "")
	}
	if e.keys[i] == "" {
		e.keys[i] = textnorm.Key(e.texts[i].String())
	}
	return e.keys[i]
}

// keyRunesOf returns runesOf(textnorm.Key(s)) without building the key:
// Key drops spaces and U+FFFD (which bytes that are not UTF-8 decode to)
// and folds the width of each other rune on its own. The Chinese
// characters, nearly all of a text, are read from their three bytes
// (textnorm.HanAt): Key keeps them as they are.
func keyRunesOf(s string) runeSet { return runeSetOf(s, true) }

// runeSetOf is runesOf, or keyRunesOf when key is set. Only the runes
// that are not Chinese characters, a few in a text, test key.
func runeSetOf(s string, key bool) runeSet {
	var set runeSet
	for i := 0; i < len(s); {
		if textnorm.HanAt(s, i) {
			set.add(textnorm.HanRune(s, i))
			i += 3
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		i += w
		switch {
		case !key:
			set.add(r)
		case !textnorm.IsSpace(r) && r != utf8.RuneError:
			set.add(textnorm.FoldWidth(r))
		}
	}
	return set
}

// merge adds what c knows of a happening to o: its mention, its text (for
// relationships) and its name as an alias. The dates and description of o
// stand: chronicle entries are added first and are the record of the day.
func (x *extractor) merge(o, c *event) {
	o.ent.Mentions = append(o.ent.Mentions, c.ent.Mentions...)
	o.texts = append(o.texts, c.texts...)
	if c.ent.Name != o.ent.Name && !strings.HasSuffix(c.ent.Name, "…") {
		dup := false
		for _, a := range o.ent.Aliases {
			dup = dup || a == c.ent.Name
		}
		if !dup {
			o.ent.Aliases = append(o.ent.Aliases, c.ent.Name)
		}
	}
	for _, n := range c.names {
		o.addName(n)
	}
	if o.sig == "" {
		o.sig = c.sig
	}
	if o.chronicle && o.ent.Props["type"] == "" {
		if t := eventType(c.ent.Name); t != "" {
			o.ent.Props["type"] = t
		}
	}
}

// quoted returns the provenance of byte off of p, as
// segment.Document.Source, with the quote given: the sentence Source
// would find is not looked for.
func (x *extractor) quoted(p *segment.Passage, off int, quote string) kg.Source {
	n := p.Line(off)
	return x.d.Quote(x.yb, n, quote)
}

// diag records a diagnostic at line n.
func (x *extractor) diag(n int, code, msg string) {
	x.diags = append(x.diags, kg.Diagnostic{File: x.d.File, Line: n, Code: code, Message: msg})
}

// graph builds the result: the events, then for each its relationships.
func (x *extractor) graph() *kg.Graph {
	// An event relates to two names or so: the relationships are sized
	// for that, and grow past it as append grows them.
	g := &kg.Graph{
		Entities:      make([]kg.Entity, 0, len(x.evs)),
		Relationships: make([]kg.Relationship, 0, 2*len(x.evs)),
		Diagnostics:   x.diags,
	}
	if g.Diagnostics == nil {
		g.Diagnostics = []kg.Diagnostic{}
	}
	for _, e := range x.evs {
		g.Entities = append(g.Entities, e.ent)
		g.Relationships = x.relate(e, g.Relationships)
	}
	sort.SliceStable(g.Diagnostics, func(i, j int) bool { return g.Diagnostics[i].Line < g.Diagnostics[j].Line })
	return g
}
