// Package resolve merges the partial graphs of the extractors into one
// graph with one node per real entity: the same kind and key are one
// entity; organizations and places that share a name or alias, or whose
// names are variants of each other (市委组织部 = 中共武威市委组织部), are
// one entity. People are merged on their exact key only: a person is never
// merged on a surname or on a name shared by two people the roster keeps
// apart (王磊@… keys).
package resolve

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// Merge merges graphs in order of trust: where two graphs state the same
// property, the earlier wins, so structured sources (the roster) go first.
// city is the yearbook's city (武威), used to recognise name variants.
func Merge(yb kg.Yearbook, city string, graphs ...*kg.Graph) *kg.Graph {
	out := &kg.Graph{Yearbook: yb}
	// The maps are sized for the entities of all graphs up front: grown
	// as they fill, they rehash every key several times over.
	n := 0
	var kinds kindSizes
	for _, g := range graphs {
		n += len(g.Entities)
		for i := range g.Entities {
			kinds.add(g.Entities[i].Kind)
		}
	}
	// Each entity of the graphs is copied once, into one array, and
	// known by its index there. Its mentions are gathered as the slices
	// of the graphs they come in (mentionParts), and copied only once all
	// are known, into one slice of the merged entity.
	//
	// The merged graph shares the property maps and mention slices of the
	// graphs it merges where it leaves them as they are: a map is copied
	// only when a property is added to it (owned tells which are copies),
	// and an entity of one graph keeps its mentions when they are already
	// ordered and without repeats. Most entities and relationships come
	// from one graph, and copying them all cost a tenth of the merge.
	//
	// The refs are indexed first, each entity given the index of its ref,
	// so that the array is made for the entities there are, not for
	// those of all graphs, which repeat many.
	byRef := newRefIndex(&kinds)
	idx := make([]int32, 0, n) // the index of each entity of the graphs, in order
	refs := 0
	for _, g := range graphs {
		for i := range g.Entities {
			e := &g.Entities[i]
			if e.Key == "" {
				continue
			}
			cur, ok := byRef.get(e.Ref())
			if !ok {
				cur = refs
				byRef.set(e.Ref(), cur)
				refs++
			}
			idx = append(idx, int32(cur))
		}
	}
	ents := make([]kg.Entity, 0, refs)
	owned := make([]bool, 0, refs)
	parts := mentionParts{at: make([]int32, refs)}
	for _, g := range graphs {
		out.Diagnostics = append(out.Diagnostics, g.Diagnostics...)
		for i := range g.Entities {
			e := &g.Entities[i]
			if e.Key == "" {
				continue
			}
			cur := int(idx[0])
			idx = idx[1:]
			if cur == len(ents) {
				ents = append(ents, *e)
				owned = append(owned, false)
				cp := &ents[len(ents)-1]
				cp.Aliases = append([]string(nil), e.Aliases...)
				continue
			}
			absorb(&ents[cur], &owned[cur], e)
			parts.add(cur, e.Mentions)
		}
	}
	// Each merged entity is the first of its own (canon[i] == i), and
	// absorbs the later ones.
	canon := unify(ents, city, &kinds)
	roots := make([]int, 0, len(ents))
	for i := range ents {
		if to := canon[i]; to != i {
			absorb(&ents[to], &owned[to], &ents[i])
			parts.add(to, ents[i].Mentions)
			parts.add(to, parts.others(i)...)
		} else {
			roots = append(roots, i)
		}
	}
	roots = byKindAndKey(ents, roots, &kinds)
	merged := func(r kg.Ref) (kg.Ref, int, bool) {
		i, ok := byRef.get(r)
		if !ok {
			return r, 0, false
		}
		return ents[canon[i]].Ref(), canon[i], true
	}
	// The relationships go first: they read the entities where they
	// stand in ents, before compact moves them.
	out.Relationships = relationships(graphs, merged, out)
	var buf [8][]kg.Source
	var sorter lineSorter
	for _, i := range roots {
		ms, shared := joinMentions(append(append(buf[:0], ents[i].Mentions), parts.others(i)...))
		ents[i].Mentions = ms
		finish(&ents[i], shared, &sorter)
	}
	if len(roots) > 0 {
		out.Entities = compact(ents, roots)
	}
	// An entity keeps the ID its extractor gave it (the roster's and the
	// events' do): an ID is the Ref.ID of its kind and key, which merging
	// keeps, and hashing is most of the cost of an ID.
	for i := range out.Entities {
		if e := &out.Entities[i]; e.ID == "" {
			e.ID = e.Ref().ID()
		}
	}
	return out
}

// compact moves the entities ents[order[k]] to ents[k], in place, and
// returns them: the merged entities, in order, are the first of the
// array that holds them all, not a copy of them (entities are large).
// An entity is moved along the chain of places it frees: the entity at
// its new place moves on to its own, until a place that holds none to
// keep (an absorbed entity, or one moved already) ends the chain.
func compact(ents []kg.Entity, order []int) []kg.Entity {
	to := make([]int, len(ents)) // the new place of ents[i], -1 when it is not to be kept or is placed
	for i := range to {
		to[i] = -1
	}
	for k, i := range order {
		to[i] = k
	}
	for i := range ents {
		at := to[i]
		if at < 0 || at == i {
			continue
		}
		to[i] = -1
		e := ents[i]
		for {
			next := to[at]
			ents[at], e = e, ents[at]
			to[at] = -1
			if next < 0 {
				break
			}
			at = next
		}
	}
	return ents[:len(order)]
}

// mentionParts holds the mentions of the entities in ents as the slices
// of the graphs they come in (parts), in order: an entity's first part is
// its own Mentions, and its others, which few entities have, are kept
// here, found by the entity's index. (A slice of parts for every entity
// was most of the merge's allocations.)
type mentionParts struct {
	at   []int32 // 1 + the place in more of the other parts of ents[i], 0 when none
	more [][][]kg.Source
}

// add appends ps to the other parts of entity i.
func (m *mentionParts) add(i int, ps ...[]kg.Source) {
	if len(ps) == 0 {
		return
	}
	if m.at[i] == 0 {
		m.more = append(m.more, nil)
		m.at[i] = int32(len(m.more))
	}
	k := m.at[i] - 1
	m.more[k] = append(m.more[k], ps...)
}

// others returns the parts of entity i after its first.
func (m *mentionParts) others(i int) [][]kg.Source {
	if m.at[i] == 0 {
		return nil
	}
	return m.more[m.at[i]-1]
}

// byKindAndKey orders the entities ents[i] of roots by kind and key. No
// two share both (each is the entity of its ref), so an unstable sort
// orders them as a stable sort would. The few kinds are told apart first
// (kinds, which counted the kinds of all entities), each entity put in
// the group of its kind, and each group sorted by key: a comparison of
// keys alone is half the cost of one of kinds and keys. A group holds the
// keys beside the indices, so that the sort compares them without
// reaching into the entities, which are large; the groups are cut from
// one array, at the places the count of each kind gives them.
func byKindAndKey(ents []kg.Entity, roots []int, kinds *kindSizes) []int {
	type keyed struct {
		key string
		i   int
	}
	// ends[k+1] counts, then ends, the group of kind k, and fill[k] is
	// where its next entity goes.
	ends := make([]int, len(kinds.kinds)+1)
	for _, i := range roots {
		ends[kinds.index(ents[i].Kind)+1]++
	}
	for k := 1; k < len(ends); k++ {
		ends[k] += ends[k-1]
	}
	fill := slices.Clone(ends[:len(kinds.kinds)])
	all := make([]keyed, len(roots))
	for _, i := range roots {
		k := kinds.index(ents[i].Kind)
		all[fill[k]] = keyed{ents[i].Key, i}
		fill[k]++
	}
	order := make([]int, len(kinds.kinds))
	for k := range order {
		order[k] = k
	}
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(string(kinds.kinds[a]), string(kinds.kinds[b])) })
	out := roots[:0]
	for _, k := range order {
		g := all[ends[k]:ends[k+1]]
		slices.SortFunc(g, func(a, b keyed) int { return strings.Compare(a.key, b.key) })
		for _, e := range g {
			out = append(out, e.i)
		}
	}
	return out
}

// joinMentions returns the mentions of parts (nil when there are none):
// in a new slice, or, when only one part has any, that part itself,
// capped so that appending to it copies it (shared).
//
// The parts are mostly ordered by line already, each as its extractor
// found them: those are merged by line, earlier parts first on a tie,
// which is the order the stable sort of finish would give them, so that
// finish finds them sorted. Other parts are put one after the other, for
// finish to sort.
func joinMentions(parts [][]kg.Source) (ms []kg.Source, shared bool) {
	n, full, sorted := 0, 0, true
	for _, p := range parts {
		n += len(p)
		if len(p) > 0 {
			full++
			ms = p
			sorted = sorted && byLine(p)
		}
	}
	if n == 0 {
		return nil, false
	}
	if full == 1 {
		return slices.Clip(ms), true
	}
	out := make([]kg.Source, 0, n)
	if sorted {
		return mergeByLine(out, parts), false
	}
	for _, p := range parts {
		out = append(out, p...)
	}
	return out, false
}

// byLine reports whether the mentions ms are ordered by line.
func byLine(ms []kg.Source) bool {
	for i := 1; i < len(ms); i++ {
		if ms[i].Line < ms[i-1].Line {
			return false
		}
	}
	return true
}

// mergeByLine appends to out the mentions of parts, each ordered by line,
// merged by line: of equal lines, those of the earlier part first. An
// entity's mentions come in a few parts, so the next mention is found by
// a look at the head of each (at[k] is the head of part k).
func mergeByLine(out []kg.Source, parts [][]kg.Source) []kg.Source {
	var buf [8]int
	at := buf[:0]
	if len(parts) > len(buf) {
		at = make([]int, 0, len(parts))
	}
	at = at[:len(parts)]
	clear(at)
	for {
		next := -1
		for k, p := range parts {
			if at[k] < len(p) && (next < 0 || p[at[k]].Line < parts[next][at[next]].Line) {
				next = k
			}
		}
		if next < 0 {
			return out
		}
		out = append(out, parts[next][at[next]])
		at[next]++
	}
}

// absorb merges e into cur: aliases are united, properties cur lacks are
// taken from e. (Merge unites the mentions.) owned tells whether cur's
// properties are a map of the merge's own, which it may change; absorb
// copies them first when not.
//
// e's name is an alias of cur only when it is not cur's own name: most
// entities absorbed share it, and finish would drop it (uniqueAliases),
// having grown the aliases for it.
func absorb(cur *kg.Entity, owned *bool, e *kg.Entity) {
	if e.Name != cur.Name {
		cur.Aliases = append(cur.Aliases, e.Name)
	}
	cur.Aliases = append(cur.Aliases, e.Aliases...)
	for k, v := range e.Props {
		if _, ok := cur.Props[k]; !ok && v != "" {
			if !*owned {
				cur.Props = copyProps(cur.Props)
				*owned = true
			}
			if cur.Props == nil {
				cur.Props = map[string]string{}
			}
			cur.Props[k] = v
		}
	}
}

// lineSorter sorts mentions by line (sort), with one array of keys for
// all the entities of a merge, grown to the most mentions sorted.
type lineSorter struct {
	keys []uint64
}

// sort sorts the mentions ms stably by line. Sources are large
// structs: their indices are sorted and each moved once, which is several
// times cheaper than the swaps and rotations of an in-place stable sort.
// Each index is sorted with its line in one number, the line in the high
// half: numbers sort as their lines, and those of one line as their
// indices, which is the stable order, by the plain sort of integers, with
// no function to call to compare two. (A line and an index both fit in 32
// bits: a yearbook has far fewer lines.) The mentions are then moved
// along the cycles of the permutation, in place: no copy of ms is made.
func (s *lineSorter) sort(ms []kg.Source) {
	if byLine(ms) {
		return
	}
	if cap(s.keys) < len(ms) {
		s.keys = make([]uint64, len(ms))
	}
	keys := s.keys[:len(ms)]
	for i := range ms {
		keys[i] = uint64(ms[i].Line)<<32 | uint64(i)
	}
	slices.Sort(keys)
	// ms[k] is to be ms[keys[k]'s index]: follow each cycle from its
	// first place, marking the places filled.
	const filled = math.MaxUint64
	for k := range keys {
		if keys[k] == filled || int(uint32(keys[k])) == k {
			continue
		}
		first := ms[k]
		at := k
		for int(uint32(keys[at])) != k {
			next := int(uint32(keys[at]))
			ms[at] = ms[next]
			keys[at] = filled
			at = next
		}
		ms[at] = first
		keys[at] = filled
	}
}

// finish deduplicates an entity's aliases (dropping its own name) and
// mentions, and orders the mentions by line. Mentions shared with the
// graph they come from are copied before they are changed, and only when
// they must be.
//
// It runs for every entity, so it dedups without maps: aliases by a
// search of the few kept so far (a map only for an entity with many), and
// mentions, once sorted by line, within the run of their line.
func finish(e *kg.Entity, shared bool, sorter *lineSorter) {
	e.Aliases = uniqueAliases(e.Name, e.Aliases)
	if finalMentions(e.Mentions) {
		return
	}
	if shared {
		e.Mentions = slices.Clone(e.Mentions)
	}
	sorter.sort(e.Mentions)
	ms := e.Mentions[:0]
	run := 0 // where the kept mentions of the current line start in ms
	for _, m := range e.Mentions {
		if len(ms) > 0 && ms[len(ms)-1].Line != m.Line {
			run = len(ms)
		}
		if !slices.ContainsFunc(ms[run:], func(k kg.Source) bool { return k.Quote == m.Quote }) {
			ms = append(ms, m)
		}
	}
	e.Mentions = ms
}

// finalMentions reports whether ms are ordered by line and have no two
// mentions of one line with the same quote: what finish makes of them.
func finalMentions(ms []kg.Source) bool {
	run := 0 // where the mentions of the current line start
	for i := range ms {
		if i > 0 && ms[i].Line != ms[i-1].Line {
			if ms[i].Line < ms[i-1].Line {
				return false
			}
			run = i
		}
		for _, k := range ms[run:i] {
			if k.Quote == ms[i].Quote {
				return false
			}
		}
	}
	return true
}

// uniqueAliases returns aliases without "" and without repeats of a key
// (textnorm.Key), the entity's name's included, keeping the first of each,
// in place. Most entities have no aliases: their name is not keyed.
func uniqueAliases(name string, aliases []string) []string {
	if len(aliases) == 0 {
		return aliases
	}
	const few = 16 // past this many keys, a map is cheaper than a search
	var buf [few]string
	var keys []string
	var seen map[string]bool
	if len(aliases) < few {
		keys = append(buf[:0], textnorm.Key(name))
	} else {
		seen = map[string]bool{textnorm.Key(name): true}
	}
	out := aliases[:0]
	for _, a := range aliases {
		if a == "" {
			continue
		}
		k := textnorm.Key(a)
		if seen != nil {
			if seen[k] {
				continue
			}
			seen[k] = true
		} else if slices.Contains(keys, k) {
			continue
		} else {
			keys = append(keys, k)
		}
		out = append(out, a)
	}
	return out
}

// unify returns, for every entity, the index of the entity it is merged
// into. Organizations and places are merged when any of their names or
// aliases share a variant key; the first entity met (the most trusted
// source) gives the merged entity its key and name, so every entity is
// merged into one before it, or is its own.
//
// A name is often both an entity's name and key, or the alias of
// several: each is reduced to its variant key once (the memos), and each
// variant key numbered once (variantIDs). The entity that claimed a
// variant first is then found by the variant's number in a slice of its
// kind (owners), not by hashing the key again for every name.
func unify(ents []kg.Entity, city string, kinds *kindSizes) []int {
	parent := make([]int, len(ents))
	for i := range parent {
		parent[i] = i
	}
	var find func(i int) int
	find = func(i int) int {
		if parent[i] == i {
			return i
		}
		root := find(parent[i])
		parent[i] = root
		return root
	}
	forms := newCityForms(city)
	nOrgs, nProjects := kinds.of(kg.Organization)+kinds.of(kg.Place), kinds.of(kg.Project)
	ids := variantIDs{ids: make(map[string]int32, nOrgs+nProjects)}
	// The memos of names, organizations' and places', and projects':
	// about one variant a name, since most names are their key and
	// aliases are few.
	orgNames := make(map[string]int32, nOrgs)
	projectNames := make(map[string]int32, nProjects)
	// By kind, then variant: 1 + the entity that claimed it, 0 for none.
	// A kind's slice is made once for about as many variants as there
	// are names, instead of grown variant by variant.
	owners := make([][]int32, len(kinds.kinds))
	var names []string
	for i := range ents {
		e := &ents[i]
		memo, variant := orgNames, forms.variant
		switch e.Kind {
		case kg.Organization, kg.Place:
		case kg.Project:
			memo, variant = projectNames, forms.projectVariant
		default:
			continue
		}
		own := &owners[kinds.index(e.Kind)]
		// A name that is its own key (most Chinese names are) is looked
		// up once: the second would find the variant claimed already.
		names = append(names[:0], e.Name)
		if e.Key != e.Name {
			names = append(names, e.Key)
		}
		names = append(names, e.Aliases...)
		for _, name := range names {
			id, ok := memo[name]
			if !ok {
				id = ids.of(variant(name))
				memo[name] = id
			}
			if id < 0 {
				continue
			}
			if int(id) >= len(*own) {
				if *own == nil {
					*own = make([]int32, 0, max(int(id)+1, nOrgs+nProjects))
				}
				*own = append(*own, make([]int32, int(id)+1-len(*own))...)
			}
			o := int((*own)[id]) - 1
			if o < 0 {
				(*own)[id] = int32(i + 1)
				continue
			}
			a, b := find(o), find(i)
			if a == b {
				continue
			}
			parent[max(a, b)] = min(a, b)
		}
	}
	for i := range parent {
		parent[i] = find(i)
	}
	return parent
}

// variantIDs numbers variant keys in the order they are met.
type variantIDs struct {
	ids map[string]int32
}

// of returns the number of variant key v, numbering it when new, or -1
// for "", which is no variant.
func (x *variantIDs) of(v string) int32 {
	if v == "" {
		return -1
	}
	id, ok := x.ids[v]
	if !ok {
		id = int32(len(x.ids))
		x.ids[v] = id
	}
	return id
}

// refIndex maps refs to indices, with a map of keys for each kind: a
// string key hashes on the runtime's fast path, which a struct of two
// strings does not, and a merge looks refs up tens of thousands of times.
// A kind's map sits at the kind's place among the kinds sizes counts.
type refIndex struct {
	sizes *kindSizes       // the expected number of refs of each kind
	keys  []map[string]int // by the kind's index in sizes; nil until a ref of it is set
}

func newRefIndex(sizes *kindSizes) *refIndex {
	return &refIndex{sizes: sizes}
}

func (x *refIndex) get(r kg.Ref) (int, bool) {
	if k := slices.Index(x.sizes.kinds, r.Kind); k >= 0 && k < len(x.keys) {
		i, ok := x.keys[k][r.Key]
		return i, ok
	}
	return 0, false
}

func (x *refIndex) set(r kg.Ref, i int) {
	k := x.sizes.index(r.Kind)
	if k >= len(x.keys) {
		x.keys = append(x.keys, make([]map[string]int, k+1-len(x.keys))...)
	}
	if x.keys[k] == nil {
		x.keys[k] = make(map[string]int, x.sizes.n[k])
	}
	x.keys[k][r.Key] = i
}

// kindSizes counts entities by kind, in the order the kinds are met.
// There are a few kinds: a search of them is cheaper than hashing the
// kind of every entity in a map.
type kindSizes struct {
	kinds []kg.Kind
	n     []int
}

func (s *kindSizes) add(k kg.Kind) { s.n[s.index(k)]++ }

// index returns the place of kind k among the kinds met, adding it with
// no entities when it is new.
func (s *kindSizes) index(k kg.Kind) int {
	if i := slices.Index(s.kinds, k); i >= 0 {
		return i
	}
	s.kinds = append(s.kinds, k)
	s.n = append(s.n, 0)
	return len(s.kinds) - 1
}

// of returns the number of entities of kind k.
func (s *kindSizes) of(k kg.Kind) int {
	if i := slices.Index(s.kinds, k); i >= 0 {
		return s.n[i]
	}
	return 0
}

// Variant returns the variant key of an organization or place name: the
// match key with the city's standard long forms reduced to their short
// forms, so that 中共武威市委组织部, 武威市委组织部 and 市委组织部 share one.
func Variant(name, city string) string { return newCityForms(city).variant(name) }

// cityForms holds the names Variant and projectVariant look for, which
// depend on the city only: unify builds them once for all the names of a
// yearbook instead of once a name.
type cityForms struct {
	city  string
	paren string      // the city in parentheses: (武威)
	long  [][2]string // the city's long forms and their short forms, in order
	// longLead holds the first bytes of the long forms: most names start
	// with none of them, and are compared with none.
	longLead [256]bool
}

func newCityForms(city string) *cityForms {
	f := &cityForms{city: city}
	if city == "" {
		return f
	}
	c := city + "市"
	f.paren = "(" + city + ")"
	f.long = [][2]string{
		{"中共" + c + "委员会", "市委"},
		{"中共" + c + "委", "市委"},
		{"中国人民政治协商会议" + c + "委员会", "市政协"},
		{"政协" + c + "委员会", "市政协"},
		{c + "政协", "市政协"},
		{"共青团" + c + "委员会", "团市委"},
		{"共青团" + c + "委", "团市委"},
		{c, "市"},
	}
	for _, r := range f.long {
		f.longLead[r[0][0]] = true
	}
	return f
}

// variant is Variant of name in the forms' city.
func (f *cityForms) variant(name string) string {
	k := textnorm.Key(name)
	if k == "" {
		return ""
	}
	k = strings.ReplaceAll(k, "中国共产党", "中共")
	k = dropTerms(k)
	if k == "" {
		return "" // a name of term numbers alone (第五届)
	}
	if city := f.city; city != "" {
		// 甘肃(武威)国际陆港, 甘肃省武威肿瘤医院: a province written before
		// the city adds nothing to the name. Only a province (…省, or a
		// name before the city in parentheses) is dropped: 共青团武威市委
		// and 民革武威市委 are other bodies than 市委.
		paren := strings.Index(k, f.paren)
		if paren >= 0 {
			k = k[:paren] + city + k[paren+len(city)+2:]
		}
		if i := strings.Index(k, city); i > 0 && i <= 4*3 {
			p := k[:i]
			if (paren == i || strings.HasSuffix(p, "省")) && textnorm.HanCount(p) == utf8.RuneCountInString(p) {
				k = k[i:]
			}
		}
		if f.longLead[k[0]] {
			k = f.shortForm(k)
		}
	}
	for _, i := range abbreviationsByEnd[k[len(k)-1]] {
		if r := abbreviations[i]; strings.HasSuffix(k, r[0]) {
			k = k[:len(k)-len(r[0])] + r[1]
			break
		}
	}
	// Each long form holds 委员会 or 政府: most names have neither.
	if strings.Contains(k, "委员会") || strings.Contains(k, "政府") {
		for _, r := range organForms {
			k = strings.Replace(k, r[0], r[1], 1)
		}
	}
	return k
}

// shortForm returns k with the first of the city's long forms that
// starts it replaced by its short form.
func (f *cityForms) shortForm(k string) string {
	for _, r := range f.long {
		if strings.HasPrefix(k, r[0]) {
			return r[1] + k[len(r[0]):]
		}
	}
	return k
}

// organForms are the long forms of organs and their short forms, replaced
// wherever they stand in a name.
var organForms = [][2]string{
	{"人民代表大会常务委员会", "人大常委会"},
	{"人民政府", "政府"},
	{"纪律检查委员会", "纪委"},
	{"监察委员会", "监委"},
}

// abbreviationsByEnd indexes abbreviations by the last byte of their long
// form, in their order: a name is compared with the few that can end it,
// found without decoding its last character (a long form that ends a
// name ends in its last byte).
var abbreviationsByEnd = func() (by [256][]int) {
	for i, r := range abbreviations {
		last := r[0][len(r[0])-1]
		by[last] = append(by[last], i)
	}
	return by
}()

// projectVariant returns the variant key of a project name: 项目
// ("project") at the end and the city in parentheses add nothing, so
// 稻盛云（武威）智算中心项目 and 稻盛云智算中心 are one project.
func (f *cityForms) projectVariant(name string) string {
	k := textnorm.Key(name)
	if f.city != "" {
		k = strings.Replace(k, f.paren, "", 1)
	}
	if t := strings.TrimSuffix(k, "项目"); t != "" {
		k = t
	}
	return k
}

// dropTerms returns k without the term numbers of the names of bodies
// elected for a term (中国共产党武威市第五届委员会, 市五届人大常委会): the body
// is the same from term to term. A term number is a run of the numerals
// 一 to 十 right before 届, with the 第 before the run, if any (the regexp
// 第?[一二三四五六七八九十]+届 of TestDropTerms). Each 届 is sought, and the
// run read back from it: most names have none.
func dropTerms(k string) string {
	var b strings.Builder
	last := 0 // the end of the last term dropped
	for from := 0; ; {
		i := strings.Index(k[from:], "届")
		if i < 0 {
			break
		}
		end := from + i + len("届")
		start := from + i
		// A numeral's lead byte starts it in termNumerals, as in k.
		for start-3 >= last && k[start-3] >= 0xC0 && strings.Contains(termNumerals, k[start-3:start]) {
			start -= 3
		}
		if start < from+i {
			if strings.HasSuffix(k[last:start], "第") {
				start -= len("第")
			}
			b.WriteString(k[last:start])
			last = end
		}
		from = end
	}
	if last == 0 {
		return k
	}
	b.WriteString(k[last:])
	return b.String()
}

// termNumerals are the numerals of a term number, three bytes each.
const termNumerals = "一二三四五六七八九十"

// abbreviations are the standard short forms of organization names, as
// Chinese officialdom writes them (市青年联合会 → 市青联). They are data: a
// name ending in the long form shares its variant key with the short form.
var abbreviations = [][2]string{
	{"青年联合会", "青联"},
	{"妇女联合会", "妇联"},
	{"残疾人联合会", "残联"},
	{"文学艺术界联合会", "文联"},
	{"归国华侨联合会", "侨联"},
	{"工商业联合会", "工商联"},
	{"科学技术协会", "科协"},
	{"社会科学界联合会", "社科联"},
	{"红十字会", "红会"},
	{"发展和改革委员会", "发展改革委"},
	{"发改委", "发展改革委"},
	{"人力资源和社会保障局", "人社局"},
	{"文体广电和旅游局", "文旅局"},
	{"文体广电旅游局", "文旅局"},
	{"生态环境局", "生态环境局"},
	{"市场监督管理局", "市场监管局"},
	{"住房和城乡建设局", "住建局"},
	{"农业农村局", "农业农村局"},
	{"卫生健康委员会", "卫健委"},
	{"教育局", "教育局"},
	{"科学技术局", "科技局"},
	{"工业和信息化局", "工信局"},
	{"自然资源局", "自然资源局"},
	{"交通运输局", "交通运输局"},
	{"民族宗教事务委员会", "民宗委"},
	{"机构编制委员会办公室", "编办"},
	{"政策研究室", "政研室"},
	{"老干部局", "老干局"},
	{"总工会", "总工会"},
}

// perStatement lists the relationship types kept once per source line
// rather than once per fact, so that every passage stating a fact keeps
// its own provenance (a historian wants each place the yearbook says that
// 王国斌 was 市委书记). Readers collapse the repeats (neo4jstore.Positions).
// Participation is kept once per fact: an event's participants are
// stated in the event's own text.
var perStatement = map[string]bool{kg.PartOf: true, kg.LocatedIn: true, kg.OwnedBy: true, kg.Involves: true, kg.OccurredIn: true, kg.HeldPosition: true, kg.Honored: true}

// relationships rewrites the relationships of all graphs to the merged
// refs, drops those whose ends were not extracted (each with a
// diagnostic), and keeps one relationship per type, ends and title: the
// first, which comes from the most trusted source.
//
// merged gives the merged ref of an entity's ref and its index among the
// merged entities; the relationships' ends are told apart by that index
// (an honour by one of its own, below 0), which is cheaper to hash than
// the refs. Their types are told apart by their index among the few types
// met (relTypes), which also looks up perStatement once a type instead of
// once a relationship. The four numbers of a key are 32 bits each, which
// they fit (a yearbook has far fewer entities and lines), so that the
// map of the keys is a third smaller.
func relationships(graphs []*kg.Graph, merged func(kg.Ref) (kg.Ref, int, bool), out *kg.Graph) []kg.Relationship {
	type relKey struct {
		typ, from, to, line int32
		title               string
	}
	var types relTypes
	n := 0
	for _, g := range graphs {
		n += len(g.Relationships)
	}
	seen := make(map[relKey]int, n)
	rels := make([]kg.Relationship, 0, n)
	owned := make([]bool, 0, n) // whether rels[i].Props is a copy, see Merge
	honors := map[string]int{}
	resolveRef := func(r kg.Ref) (kg.Ref, int, bool) {
		if r.Kind == kg.Honor {
			id, ok := honors[r.Key]
			if !ok {
				id = -1 - len(honors)
				honors[r.Key] = id
			}
			return r, id, r.Key != ""
		}
		return merged(r)
	}
	for _, g := range graphs {
		for _, r := range g.Relationships {
			from, fromID, ok1 := resolveRef(r.From)
			to, toID, ok2 := resolveRef(r.To)
			if !ok1 || !ok2 {
				out.Diagnostics = append(out.Diagnostics, kg.Diagnostic{File: r.Source.Yearbook, Line: r.Source.Line, Code: "dangling-relationship",
					Message: fmt.Sprintf("%s %s:%s → %s:%s: an end was not extracted", r.Type, r.From.Kind, r.From.Key, r.To.Kind, r.To.Key)})
				continue
			}
			if fromID == toID {
				continue
			}
			typ, perLine := types.index(r.Type)
			k := relKey{typ: int32(typ), from: int32(fromID), to: int32(toID), title: r.Props["title"]}
			if perLine {
				k.line = int32(r.Source.Line)
			}
			if i, ok := seen[k]; ok {
				// Keep the first, but let it gain dates a later source adds.
				for _, p := range []string{"start", "end"} {
					if rels[i].Props[p] == "" && r.Props[p] != "" {
						if !owned[i] {
							rels[i].Props = copyProps(rels[i].Props)
							owned[i] = true
						}
						if rels[i].Props == nil {
							rels[i].Props = map[string]string{}
						}
						rels[i].Props[p] = r.Props[p]
					}
				}
				continue
			}
			seen[k] = len(rels)
			r.From, r.To = from, to
			rels = append(rels, r)
			owned = append(owned, false)
		}
	}
	if len(rels) == 0 {
		return nil // nil, as always, for a graph without relationships
	}
	return rels
}

// relTypes numbers the relationship types met, in the order met, and
// knows which are kept per statement. There are a dozen types at most, so
// a search of them is cheaper than hashing the type of every relationship.
type relTypes struct {
	names   []string
	perLine []bool
}

// index returns the number of type t and whether it is kept per statement.
func (x *relTypes) index(t string) (int, bool) {
	if i := slices.Index(x.names, t); i >= 0 {
		return i, x.perLine[i]
	}
	x.names = append(x.names, t)
	x.perLine = append(x.perLine, perStatement[t])
	return len(x.names) - 1, x.perLine[len(x.names)-1]
}

func copyProps(p map[string]string) map[string]string {
	if p == nil {
		return nil
	}
	out := make(map[string]string, len(p))
	for k, v := range p {
		out[k] = v
	}
	return out
}
