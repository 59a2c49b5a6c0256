// Package places extracts the places a city yearbook (年鉴) describes and
// finds their mentions in running text.
//
// The administrative tree is read from the text's own structured sentences,
// never from a list of this city: the province and city from the city's
// 【行政区划】 topic and the yearbook's city, the districts and counties from
// that topic's 辖… list, the towns (镇), townships (乡) and subdistricts (街道)
// from the county entries' lists (names may lack their suffix: 古浪、泗水…15
// 镇), and villages (村) and communities (社区) from county?–town–village
// chains in running text (凉州区永昌镇白洪村). Named sites and natural places
// are taken only where the text bounds them: a topic title, a tour route
// (A→B→C), a list closed by 等景点, a count list (…8 条河流), or a county
// prefix with a typed suffix (民勤白亭海). Counts the text states are
// checked against the names it lists and against the statistical table, and
// every disagreement becomes a diagnostic rather than a silent merge.
//
// Gazetteer is the running-text recogniser built from the extracted graph;
// it returns mention.Span values like the other recognisers.
package places

import (
	"iter"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/segment"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// Place types: the values of an entity's placeType prop and of Span.Type.
const (
	Province    = "PROVINCE"
	City        = "CITY"
	District    = "DISTRICT"
	County      = "COUNTY"
	Town        = "TOWN"
	Township    = "TOWNSHIP"
	Subdistrict = "SUBDISTRICT"
	Village     = "VILLAGE"
	Community   = "COMMUNITY"
	Site        = "SITE"
	Natural     = "NATURAL"
	Other       = "OTHER"
)

// Diagnostic codes.
const (
	CodeCountMismatch  = "place-count-mismatch"  // a list names more or fewer places than the count it states
	CodeCountConflict  = "place-count-conflict"  // two sources state different counts for one unit
	CodeNamesMissing   = "place-names-missing"   // a count without the names it counts
	CodeTypeConflict   = "place-type-conflict"   // one place written as 乡 in one source and 镇 in another
	CodeParentConflict = "place-parent-conflict" // a chain puts a place under a parent other than its list
	CodeParentUnknown  = "place-parent-unknown"  // a town found in text whose county is not stated
	CodeListUnparsed   = "place-list-unparsed"   // a 辖… sentence whose names could not be read
)

// level orders place types from the largest unit; 0 for types outside the
// administrative tree.
func level(typ string) int {
	switch typ {
	case Province:
		return 1
	case City:
		return 2
	case District, County:
		return 3
	case Town, Township, Subdistrict, Other:
		return 4
	case Village, Community:
		return 5
	}
	return 0
}

// levelOrder ranks a place for keeping a shared form: the larger unit
// first, sites and natural places last.
func levelOrder(e *kg.Entity) int {
	if l := level(typeOf(e)); l > 0 {
		return l
	}
	return 9
}

// isTownLevel reports whether typ is a unit that holds villages.
func isTownLevel(typ string) bool { return typ == Town || typ == Township || typ == Subdistrict }

// isCountyLevel reports whether typ is a unit that holds towns.
func isCountyLevel(typ string) bool { return typ == District || typ == County }

// Extract reads the places of the yearbook d (identified as yearbook in the
// sources): the administrative tree, villages and communities, sites and
// natural places, each with its mentions, PART_OF relationships child →
// parent, and diagnostics for counts and types the sources disagree on.
// It never fails: a yearbook without a 行政区划 topic yields the places its
// county chapter and running text reveal, with a diagnostic.
func Extract(d *segment.Document, yearbook string) *kg.Graph {
	return ExtractRunning(d, yearbook, d.Running())
}

// ExtractRunning is Extract with the running text of d already built
// (segment.Document.Running), for a pipeline that shares it between
// extractors.
func ExtractRunning(d *segment.Document, yearbook string, running []segment.Stretch) *kg.Graph {
	b := newBuilder(d, yearbook, running)
	defer b.index.release()
	b.admin()
	b.discoverTowns()
	b.discoverVillages()
	b.discoverSites()
	b.mentions()
	return b.graph()
}

// builder accumulates the graph of one yearbook.
type builder struct {
	d        *segment.Document
	yb       string
	ents     []*kg.Entity
	byKey    map[string]*kg.Entity
	parent   map[string]string // child key → parent key in the tree
	rels     []kg.Relationship
	relSeen  map[relKey]bool
	seen     map[mentionKey]bool // each recorded mention
	diags    []kg.Diagnostic
	texts    []passage
	index    *indexArrays // the arrays of the texts' rune indexes
	city     *kg.Entity
	province *kg.Entity
	counties []*kg.Entity
	// countySection maps a county's key to the lines of its entry in the
	// county chapter, so that a bare town there belongs to it.
	countySection map[string][2]int
	// counts holds the unit counts each source states, for cross-checks.
	counts []unitCount
	words  map[string]int // occurrences of words in the running text
	// order is each entity's index in ents; aliasOwner maps the key of
	// an alias to the first entity (in ents) that bears it, for lookup.
	order      map[*kg.Entity]int
	aliasOwner map[string]*kg.Entity
	// adminForms holds the names and aliases of the administrative
	// places that carry an administrative suffix, for lookupEnd, and
	// adminFormLens their lengths in bytes (a few, of whole runes).
	adminForms    map[string]bool
	adminFormLens []int
	// countyIdx caches countyIndex, built over countyIdxN counties with
	// countyIdxForms names and aliases.
	countyIdx                  map[string]*kg.Entity
	countyIdxN, countyIdxForms int
}

func newBuilder(d *segment.Document, yb string, running []segment.Stretch) *builder {
	b := &builder{
		d: d, yb: yb,
		byKey:         map[string]*kg.Entity{},
		parent:        map[string]string{},
		relSeen:       map[relKey]bool{},
		seen:          map[mentionKey]bool{},
		countySection: map[string][2]int{},
		order:         map[*kg.Entity]int{},
		aliasOwner:    map[string]*kg.Entity{},
		adminForms:    map[string]bool{},
	}
	b.texts, b.index = passages(running)
	return b
}

// graph returns the result. A form two places share (古浪 of 古浪县 and
// of 古浪镇) stays only with the larger unit, since the resolver merges
// places that share a name or alias.
func (b *builder) graph() *kg.Graph {
	owner := map[string]*kg.Entity{}
	for _, e := range b.ents {
		owner[e.Key] = e
	}
	for _, e := range b.ents {
		for _, a := range e.Aliases {
			k := textnorm.Key(a)
			o := owner[k]
			if o == nil || o == e {
				owner[k] = e
				continue
			}
			if o.Key != k && levelOrder(e) < levelOrder(o) {
				owner[k] = e
			}
		}
	}
	for _, e := range b.ents {
		kept := e.Aliases[:0]
		for _, a := range e.Aliases {
			if owner[textnorm.Key(a)] == e {
				kept = append(kept, a)
			}
		}
		e.Aliases = kept
	}
	g := &kg.Graph{Relationships: b.rels, Diagnostics: b.diags}
	for _, e := range b.ents {
		g.Entities = append(g.Entities, *e)
	}
	if g.Relationships == nil {
		g.Relationships = []kg.Relationship{}
	}
	if g.Diagnostics == nil {
		g.Diagnostics = []kg.Diagnostic{}
	}
	return g
}

// typeOf returns the placeType of e.
func typeOf(e *kg.Entity) string { return e.Props["placeType"] }

// place returns the place with key, adding it (named name, of type typ)
// when new, and records the mention src.
func (b *builder) place(key, name, typ string, src kg.Source, aliases ...string) *kg.Entity {
	e := b.byKey[key]
	if e == nil {
		e = &kg.Entity{Kind: kg.Place, Key: key, Name: name, Props: map[string]string{"placeType": typ}, Mentions: []kg.Source{}}
		b.byKey[key] = e
		b.order[e] = len(b.ents)
		b.ents = append(b.ents, e)
		b.indexForm(e, name)
	}
	for _, a := range aliases {
		b.alias(e, a)
	}
	b.mention(e, src)
	return e
}

// add is place keyed by the name itself.
func (b *builder) add(name, typ string, src kg.Source, aliases ...string) *kg.Entity {
	return b.place(textnorm.Key(name), name, typ, src, aliases...)
}

// alias adds a as an alias of e unless it is e's name or already known.
func (b *builder) alias(e *kg.Entity, a string) {
	if a == "" || a == e.Name || textnorm.Key(a) == e.Key {
		return
	}
	for _, x := range e.Aliases {
		if x == a {
			return
		}
	}
	e.Aliases = append(e.Aliases, a)
	k := textnorm.Key(a)
	if o := b.aliasOwner[k]; o == nil || b.order[o] > b.order[e] {
		b.aliasOwner[k] = e
	}
	b.indexForm(e, a)
}

// indexForm records a name or alias of e for lookupEnd.
func (b *builder) indexForm(e *kg.Entity, f string) {
	if level(typeOf(e)) == 0 || adminType(f) == "" {
		return
	}
	b.adminForms[f] = true
	if !slices.Contains(b.adminFormLens, len(f)) {
		b.adminFormLens = append(b.adminFormLens, len(f))
		slices.Sort(b.adminFormLens)
	}
}

// mentionKey is a place's key and a line it is mentioned on.
type mentionKey struct {
	key  string
	line int
}

// relKey is a PART_OF and the scope it is stated once in.
type relKey struct {
	child, parent string
	scope         int
}

// mention records src as a mention of e, once per line.
func (b *builder) mention(e *kg.Entity, src kg.Source) {
	if b.mentioned(e, src.Line) {
		return
	}
	b.seen[mentionKey{e.Key, src.Line}] = true
	e.Mentions = append(e.Mentions, src)
}

// mentioned reports whether mention would ignore a source at line: a
// mention of e is recorded on that line, or the line is 0.
func (b *builder) mentioned(e *kg.Entity, line int) bool {
	return line == 0 || b.seen[mentionKey{e.Key, line}]
}

// partOf records child PART_OF parent, once per scope (a passage), and
// the parent in the tree if child has none yet.
func (b *builder) partOf(child, parent *kg.Entity, src kg.Source, scope int) {
	if child == nil || parent == nil || child.Key == parent.Key {
		return
	}
	if b.parent[child.Key] == "" {
		b.parent[child.Key] = parent.Key
	}
	k := relKey{child.Key, parent.Key, scope}
	if b.relSeen[k] {
		return
	}
	b.relSeen[k] = true
	b.rels = append(b.rels, kg.Relationship{Type: kg.PartOf, From: child.Ref(), To: parent.Ref(), Source: src})
}

// ancestor reports whether a is a proper ancestor of e in the tree, or by
// the national data (a prefecture's province).
func (b *builder) ancestor(a, e *kg.Entity) bool {
	k := e.Key
	for i := 0; k != "" && i < 8; i++ {
		next := b.parent[k]
		if next == "" {
			if x := b.byKey[k]; x != nil && typeOf(x) == City {
				next = textnorm.Key(provinceOf[x.Name])
			}
		}
		if next == a.Key {
			return true
		}
		k = next
	}
	return false
}

func (b *builder) diag(line int, code, msg string) {
	b.diags = append(b.diags, kg.Diagnostic{File: b.d.File, Line: line, Code: code, Message: msg})
}

// passage is one stretch of running text with where it sits.
type passage struct {
	*segment.Passage
	part    *segment.Part
	section *segment.Section
	topic   *segment.Topic // nil for a section's text outside topics
	scope   int            // the section's first line: relationships are stated once a section
	hist    bool           // see historical
	ix      *runeIndex     // the runes of Text
}

// historical reports whether the passage tells history (建置沿革, 历史名人),
// whose place names are former units, not places of the yearbook's year.
func (p passage) historical() bool { return p.hist }

// historicalTitle reports whether a topic's title is one of history.
func historicalTitle(title string) bool {
	return strings.Contains(title, "沿革") || strings.Contains(title, "名人")
}

// passages keeps the non-empty stretches of the yearbook's running text
// (segment.Document.Running): each topic's text, and each section's text
// outside its topics. It indexes their runes (runeIndex) into arrays
// from spareArrays, which it returns for the caller to release, and
// which hold the passages and their indexes too.
func passages(running []segment.Stretch) ([]passage, *indexArrays) {
	arrays := spareArrays.Swap(nil)
	if arrays == nil {
		n := 0
		for _, st := range running {
			n += len(st.Text)
		}
		// A rune takes at least two bytes (indexRunes): at most n/2 entries.
		arrays = &indexArrays{ents: make([]indexEntry, 0, n/2+64)}
	}
	arrays.reset()
	// The passages point into ixs, which has room for all of them: it
	// does not move while they are appended.
	out := slices.Grow(arrays.texts[:0], len(running))
	ixs := slices.Grow(arrays.ixs[:0], len(running))
	for _, st := range running {
		if st.Text == "" {
			continue
		}
		ixs = append(ixs, indexRunes(st.Text, arrays))
		p := passage{Passage: st.Passage, part: st.Part, section: st.Section, topic: st.Topic, scope: st.Section.Start, ix: &ixs[len(ixs)-1]}
		if st.Topic != nil {
			p.hist = historicalTitle(st.Topic.Title)
		}
		out = append(out, p)
	}
	arrays.texts, arrays.ixs = out, ixs
	return out, arrays
}

// wordAt yields, in book order, each passage k and byte i of its text
// where w occurs, overlapping occurrences too. A word that starts with a
// rune of two bytes or more starts at an entry of that rune (startsOf),
// and the entries come in book order, passage after passage: the walk
// reads those, not the passages without w, most of them. Another word
// (ASCII first, or not valid UTF-8 there) is looked for with
// strings.Index.
func (b *builder) wordAt(w string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		if _, size := utf8.DecodeRuneInString(w); size < 2 {
			for k, p := range b.texts {
				for off := 0; off <= len(p.Text); off++ {
					i := strings.Index(p.Text[off:], w)
					if i < 0 {
						break
					}
					off += i
					if !yield(k, off) {
						return
					}
				}
			}
			return
		}
		k := 0 // the passage of entry g
		for _, g := range b.index.startsOf(w) {
			for ix := b.texts[k].ix; int(g.k) >= ix.base+len(ix.ents); ix = b.texts[k].ix {
				k++
			}
			text, i := b.texts[k].Text, int(b.index.ents[g.k].off)
			if strings.HasPrefix(text[i:], w) && !yield(k, i) {
				return
			}
		}
	}
}

// src returns the provenance of offset off in p.
func (b *builder) src(p passage, off int) kg.Source {
	return b.d.Source(b.yb, p.Passage, off)
}

// runeAt returns the rune starting at byte i of s (0 past the end).
func runeAt(s string, i int) rune {
	if i < 0 || i >= len(s) {
		return 0
	}
	r, _ := textnorm.DecodeRuneAt(s, i)
	return r
}

// runeBefore returns the rune ending at byte i of s (0 at the start).
func runeBefore(s string, i int) rune {
	if i <= 0 || i > len(s) {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return r
}

// hanRun returns the number of bytes of the run of at most n Han runes
// starting at byte i of s.
func hanRun(s string, i, n int) int {
	j := i
	for k := 0; k < n && j < len(s); k++ {
		r, size := textnorm.DecodeRuneAt(s, j)
		if !textnorm.IsHan(r) {
			break
		}
		j += size
	}
	return j - i
}

// hanLen is the number of runes of s, which callers only use on Han text.
func hanLen(s string) int { return utf8.RuneCountInString(s) }

// shortForms returns the short forms of an administrative name: the
// suffixed short form of an autonomous unit (天祝藏族自治县 → 天祝县) and the
// bare form (天祝, 凉州, 甘肃, 内蒙古), when at least two characters remain.
func shortForms(name string) (short, bare string) {
	for _, suf := range []string{"自治区", "自治州", "自治县", "自治旗"} {
		if !strings.HasSuffix(name, suf) {
			continue
		}
		base := strings.TrimSuffix(name, suf)
		// Strip the ethnic groups that precede 自治 (保安族东乡族撒拉族).
		for {
			cut := false
			for _, eg := range ethnicGroups {
				if strings.HasSuffix(base, eg) && hanLen(base) > hanLen(eg) {
					base = strings.TrimSuffix(base, eg)
					cut = true
					break
				}
			}
			if !cut {
				// 维吾尔自治区, 蒙古自治州 drop the 族.
				for _, eg := range ethnicGroups {
					stem := strings.TrimSuffix(eg, "族")
					if strings.HasSuffix(base, stem) && hanLen(base) > hanLen(stem)+1 {
						base = strings.TrimSuffix(base, stem)
						cut = true
						break
					}
				}
			}
			if !cut {
				break
			}
		}
		if base == strings.TrimSuffix(name, suf) {
			// 西藏自治区: no ethnic group to strip.
			if suf == "自治区" && hanLen(base) >= 2 {
				return "", base
			}
			return "", ""
		}
		switch suf {
		case "自治州":
			short = base + "州"
		case "自治县":
			short = base + "县"
		case "自治旗":
			short = base + "旗"
		}
		if hanLen(base) >= 2 && suf != "自治旗" {
			bare = base
		}
		return short, bare
	}
	for _, suf := range []string{"特别行政区", "地区", "省", "市", "县", "区", "盟"} {
		if strings.HasSuffix(name, suf) {
			base := strings.TrimSuffix(name, suf)
			if hanLen(base) >= 2 {
				return "", base
			}
			return "", ""
		}
	}
	return "", ""
}

// adminType returns the type an administrative name's suffix gives, or "".
func adminType(name string) string {
	for _, s := range adminSuffix {
		if strings.HasSuffix(name, s.suffix) && hanLen(name) > hanLen(s.suffix) {
			return s.typ
		}
	}
	if strings.HasSuffix(name, "市") && hanLen(name) > 1 {
		return City
	}
	return ""
}

// wordSet holds a list of words that short strings (a candidate name, the
// run before a suffix) are checked for, indexed by first rune: the string
// is read once, rune by rune, where containsAny calls strings.Contains
// once a word.
type wordSet struct {
	first map[rune][]string
	runes *runeSet // of first's keys (runeSet.mayHave)
	slow  []string // words that are not valid UTF-8 (or empty), for strings.Contains
}

func newWordSet(words []string) wordSet {
	ws := wordSet{first: map[rune][]string{}, runes: new(runeSet)}
	for _, w := range words {
		if w == "" || !utf8.ValidString(w) {
			ws.slow = append(ws.slow, w)
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		ws.first[r] = append(ws.first[r], w)
		ws.runes.add(r)
	}
	return ws
}

// in is textnorm.ContainsAny(s, words...). A valid word starts with an ASCII or a lead
// byte, where a pass over the runes of s reads a rune, and that rune is
// the word's first.
func (ws wordSet) in(s string) bool {
	if textnorm.ContainsAny(s, ws.slow...) {
		return true
	}
	for i := 0; i < len(s); {
		// The runes of s as range reads them, those of three bytes
		// without the runtime's decoder (decode3).
		r, size := textnorm.DecodeRuneAt(s, i)
		if ws.runes.mayHave(r) {
			for _, w := range ws.first[r] {
				if strings.HasPrefix(s[i:], w) {
					return true
				}
			}
		}
		i += size
	}
	return false
}

// The word lists that candidates are checked for most.
var (
	townStopSet    = newWordSet(townStop)
	countyStopSet  = newWordSet(countyStop)
	orgVerbsSet    = newWordSet(orgVerbs)
	villageStopSet = newWordSet(villageStop)
	genericSiteSet = newWordSet(genericSite)
	prefixStopSet  = newWordSet(prefixStop)
)
