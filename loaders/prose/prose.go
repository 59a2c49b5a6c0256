// Package prose extracts the people, organizations, projects and places
// that a yearbook's running text mentions: every topic, speech, survey
// article, chronicle entry and appendix document, read with a
// mention.Finder. It adds what the mentions state: the posts that titles
// imply (市委书记柳鹏 → 柳鹏 HELD_POSITION 中共武威市委员会), the places of
// organizations and projects, and the companies that own projects.
//
// Structured blocks are left to their own extractors and skipped here:
// the leader roster (名录), the index (索引) and flattened tables.
package prose

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/mention"
	"github.com/yearbookkg/kg/loaders/places"
	"github.com/yearbookkg/kg/loaders/segment"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// Extract runs f over the running text of d and returns the entities it
// finds, one per kind and key with a mention per occurrence, and the
// relationships their mentions state. yearbook is the ID quoted in every
// source. It never fails: a passage it cannot read yields nothing.
func Extract(d *segment.Document, yearbook string, f mention.Finder) *kg.Graph {
	return ExtractRunning(d, yearbook, f, d.Running())
}

// ExtractRunning is Extract with the running text of d already built
// (segment.Document.Running), for a pipeline that shares it between
// extractors: the passages' texts are taken from it where they are
// stretches of it, instead of joined anew.
func ExtractRunning(d *segment.Document, yearbook string, f mention.Finder, running []segment.Stretch) *kg.Graph {
	x := &extractor{
		d:        d,
		running:  runningText{all: running},
		ls:       prepare(d),
		yb:       yearbook,
		f:        f,
		places:   placeFinder(f),
		city:     d.City,
		province: province(d),
	}
	x.seats = newSeats(x.city, x.province)
	for _, ps := range x.passages() {
		x.read(ps)
	}
	return &kg.Graph{Entities: x.entities(), Relationships: x.relList.flat()}
}

// extractor gathers the entities and relationships of one document.
type extractor struct {
	d        *segment.Document
	ls       lines // d's lines as prose reads them
	running  runningText
	yb       string
	f        mention.Finder
	places   *places.Gazetteer // f's finder of places, if known (placeFinder)
	city     string
	province string
	seats    seats // the bodies of city and province, for postOrg

	ents    slabs[kg.Entity]
	said    mentions                   // the mentions of ents, given to them at the end
	byKey   [len(kinds)]map[string]int // index in ents, by kind (slot) and key
	relList slabs[kg.Relationship]
	rels    map[relKey]int
	cache   map[string][]mention.Span // finder results on names
	leading map[string]*mention.Span  // leadingPlace of organizations' names
	cityPl  *foundSpan                // cityPlace, once asked
}

// relKey identifies a relationship by its ends' indices in ents rather
// than their refs: a key of two ints hashes in a fraction of the time of
// one of four strings.
type relKey struct {
	typ      string
	from, to int
	title    string
	line     int // the statement's line, for facts kept per statement
}

// runningText finds the passages of segment.Document.Running by what they
// are the text of: a topic, or a section's lines before its first topic
// (all of them in a section without topics). Running lists its stretches
// in the order of their lines, the order passages asks for them in, so
// that they are found by a walk of the list rather than looked up.
type runningText struct {
	all []segment.Stretch
	k   int // the first stretch not yet passed
}

// of returns the passage of the stretch of section s and topic t (nil:
// the section's own lines), which starts at line from, or nil if Running
// has none. The stretches that start before from are passed for good.
func (r *runningText) of(s *segment.Section, t *segment.Topic, from int) *segment.Passage {
	for r.k < len(r.all) && r.all[r.k].Start < from {
		r.k++
	}
	for k := r.k; k < len(r.all) && r.all[k].Start == from; k++ {
		if st := r.all[k]; st.Section == s && st.Topic == t {
			r.k = k + 1
			return st.Passage
		}
	}
	return nil
}

// passage is a piece of running text to read, with what its place in the
// book says about it.
type passage struct {
	p          *text
	lines      chunk            // the lines p is joined from
	src        *segment.Passage // the running passage of the lines, if known (see lines.join)
	historical bool             // a topic on history: no person or organization of the year
	chronicle  bool             // a chronicle (大事记): entries carry dates
	area       *mention.Span    // the county its headings name (mention.Area), if any
}

// read finds the spans of one passage and records them.
func (x *extractor) read(ps passage) {
	spans := x.f.Find(ps.p.Text)
	q := &quotes{p: ps.p}
	var prjs []projectMention
	for k, sp := range spans {
		switch sp.Kind {
		case kg.Person:
			if ps.historical || x.pastSentenceAt(q, sp.Start) {
				continue
			}
			src := x.source(q, sp.Start)
			e := x.mention(sp.Kind, sp.Key, sp.Name, src)
			x.posts(e, sp, src, ps)
		case kg.Organization:
			if ps.historical {
				continue
			}
			src := x.source(q, sp.Start)
			e := x.mention(sp.Kind, sp.Key, sp.Name, src)
			x.orgPlace(e, sp.Name, src, ps.area)
		case kg.Project:
			src := x.source(q, sp.Start)
			e := x.mention(sp.Kind, sp.Key, sp.Name, src, projectProps(sp)...)
			prjs = append(prjs, x.projectLinks(e, sp, spans[:k], ps.p, src))
		case kg.Place:
			src := x.source(q, sp.Start)
			x.mention(sp.Kind, sp.Key, sp.Name, src, placeProp(sp))
		}
	}
	x.projectPlaces(ps.p, spans, prjs, ps.area)
}

// pastSentence reports whether a sentence tells of the past only: every
// year it writes lies a generation or more before the covered year
// (天祝…是周恩来总理命名的…自治县，成立于1950年). Overviews open with such
// history, and the people it names are not people of the year.
func (x *extractor) pastSentence(s string) bool {
	if x.d.Year == 0 || !strings.Contains(s, "年") {
		return false
	}
	ys := years(s)
	if len(ys) == 0 {
		return false
	}
	for _, y := range ys {
		if y > x.d.Year-20 {
			return false
		}
	}
	return true
}

// years returns the years written in s, as the regexp
// (1[5-9]\d\d|20\d\d)\s?年 finds them from the left, without it: four
// ASCII digits from 1500 to 2099, an optional space (\s: tab, newline,
// form feed, return or space) and 年. Person mentions ask for every
// sentence that holds 年.
//
// It looks for each 年 and reads the digits before it, rather than trying
// the digits at every byte: a match ends at a 年 and holds no other, so
// the matches are those that end at the 年s of s, one at most at each.
func years(s string) []int {
	var out []int
	for j := 0; ; j += len("年") {
		k := strings.Index(s[j:], "年")
		if k < 0 {
			return out
		}
		j += k
		i := j - 4 // where its digits start
		if i > 0 && isRESpace(s[j-1]) {
			i--
		}
		if i >= 0 && yearDigits(s[i:i+4]) {
			y, _ := strconv.Atoi(s[i : i+4])
			out = append(out, y)
		}
	}
}

// yearDigits reports whether the four bytes of d are 1[5-9]\d\d or 20\d\d.
func yearDigits(d string) bool {
	digit := func(c byte) bool { return c >= '0' && c <= '9' }
	lead := d[0] == '1' && d[1] >= '5' && d[1] <= '9' || d[0] == '2' && d[1] == '0'
	return lead && digit(d[2]) && digit(d[3])
}

// isRESpace reports whether c is in the regexp class \s.
func isRESpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// mention records one occurrence of an entity and returns its index in
// ents. The first written form is the entity's name; other forms with the
// same key become aliases; properties fill in as they are met.
func (x *extractor) mention(k kg.Kind, key, name string, src at, props ...prop) int {
	byKey := &x.byKey[slot(k)]
	if *byKey == nil {
		*byKey = map[string]int{}
	}
	i, ok := (*byKey)[key]
	if !ok {
		i = x.ents.add(kg.Entity{Kind: k, Key: key, Name: name})
		(*byKey)[key] = i
		x.said.ents = append(x.said.ents, entityMentions{last: -1})
	}
	e := x.ents.at(i)
	if name != e.Name && !contains(e.Aliases, name) {
		e.Aliases = append(e.Aliases, name)
	}
	for _, p := range props {
		if p.value == "" {
			continue
		}
		if e.Props == nil {
			e.Props = map[string]string{}
		}
		if _, ok := e.Props[p.name]; !ok {
			e.Props[p.name] = p.value
		}
	}
	x.said.add(i, src)
	return i
}

// kinds are the kinds of entity prose records, in the order of their
// maps in extractor.byKey.
var kinds = [...]kg.Kind{kg.Person, kg.Organization, kg.Project, kg.Place}

// slot returns the index of k in kinds: a few string comparisons, where a
// map keyed by kind would hash it at every mention.
func slot(k kg.Kind) int {
	for i, kk := range kinds {
		if kk == k {
			return i
		}
	}
	panic("prose: no entity of kind " + string(k))
}

// relate records a relationship between the entities ents[from] and
// ents[to] once per type, ends and title. A later statement of the same
// relationship adds the start or end the first lacked (柳鹏 市委书记 …
// 柳鹏同志不再担任中共武威市委书记), with its source.
func (x *extractor) relate(typ string, from, to int, props map[string]string, src at) {
	if from == to {
		return
	}
	k := relKey{typ, from, to, props["title"], 0}
	if i, ok := x.rels[k]; ok {
		r := x.relList.at(i)
		for _, p := range []string{"start", "end"} {
			if r.Props[p] == "" && props[p] != "" {
				r.Props[p] = props[p]
				r.Source = x.sourceOf(src)
			}
		}
		return
	}
	x.add(k, kg.Relationship{Type: typ, From: x.ents.at(from).Ref(), To: x.ents.at(to).Ref(), Props: props, Source: x.sourceOf(src)})
}

// add records a new relationship under its key.
func (x *extractor) add(k relKey, r kg.Relationship) {
	if x.rels == nil {
		x.rels = map[relKey]int{}
	}
	x.rels[k] = x.relList.add(r)
}

// prop is a property of an entity, set by its first mention that has a
// value for it: a list of them costs no map per mention.
type prop struct{ name, value string }

// projectProps returns the properties a project's span gives.
func projectProps(sp mention.Span) []prop {
	return []prop{{"investment", sp.Props["investment"]}, {"status", sp.Props["status"]}, {"year", sp.Props["year"]}}
}

// placeProp returns the type a place's span gives.
func placeProp(sp mention.Span) prop { return prop{"placeType", sp.Type} }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// lastRuneCut returns s without its last rune.
func lastRuneCut(s string) string {
	_, n := utf8.DecodeLastRuneInString(s)
	return s[:len(s)-n]
}

// key is the match key of a name.
func key(s string) string { return textnorm.Key(s) }
