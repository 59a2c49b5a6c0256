package places

import (
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/mention"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// Gazetteer finds mentions of known places in running text: their names
// and aliases, longest first, and the villages and communities written
// right after a known town or county (永昌镇白洪村), known or new. Short
// forms without a suffix (凉州, 天祝, 甘肃) are taken only where the next
// character ends the name (凉州、民勤), where another place follows
// (天祝抓喜秀龙镇, 甘肃古浪人), or as a native place (甘肃古浪人).
//
// A place that starts an organization's name (凉州区人民法院) is left to the
// organization recogniser; where both match, mention.Finders keeps the
// longest span (凉州区委 over 凉州区).
type Gazetteer struct {
	// The candidate forms by first rune, longest first once finish has
	// sorted them (starting). For the runes below U+10000, where scan
	// looks up every rune, dense[r] is 1 + the index in lists of r's
	// forms, 0 for none (the surrogates, never a decoded rune, leave
	// room in 16 bits); astral holds the others. A rune keeps its list
	// when the gazetteer is refilled (reset): the lists keep their room,
	// and a rebuild looks up and appends to them without hashing or
	// growing.
	dense  *[0x10000]uint16
	lists  [][]*entry
	astral map[rune][]*entry
	// stops marks the runes below U+10000 scan stops at: those that
	// start a form, and 《 》, which it counts. The others it steps over
	// after one look at this table, small enough to stay in cache.
	stops runeSet
	// stopAt lists the entries of a book's index where scanIndexed
	// calls scanner.at.
	stopAt entryList
	// lone marks the stops below U+10000 where the scans always call
	// scanner.at: the runes that start a form of one rune (or one whose
	// second is not valid UTF-8), 《》 and noRune. At the other stops
	// they first look up the rune and the next one in pairs, which
	// marks the first two runes of every form by pairHash: most stops
	// start no form (民 of 人民, not of 民勤).
	lone   runeSet
	pairs  [1 << 16 / 64]uint64
	byKey  map[string]*entry // the entry of each key's name
	parent map[string]string // child key → parent key
	// villages maps a village or community name to the keys of the known
	// places of that name, to resolve county + village chains.
	villages map[string][]string
	// home is the key of the yearbook's city, whose short form (武威)
	// stands alone; other cities' short forms (白银 is also silver) are
	// taken only in a chain.
	home string
	// block is where alloc puts entries, one of blocks, the arrays of
	// entries made so far, which reset hands out again from the first.
	block  []entry
	blocks [][]entry
	used   int // the blocks handed out since reset
}

// entry is one written form of a place.
type entry struct {
	form      string
	key       string
	name      string
	typ       string
	bare      bool // a short form: needs a boundary or a chain
	chainOnly bool // a short form taken only in a chain (兰州 of 兰州市)
	virtual   bool // national data not yet in the graph (Extract only)
	parent    string
	// second is the form's second rune, which marks the pairs that
	// start a form (Gazetteer.pairs); -1 when the form has none or is not
	// valid UTF-8 there.
	second rune
	// head is the form's first eight bytes, zero past its end, and mask
	// marks those of the form (prefixOf).
	head, mask uint64
}

// NewFinder returns the gazetteer of the places of g (entities of kind
// PLACE and their PART_OF relationships).
func NewFinder(g *kg.Graph) *Gazetteer {
	z := newGazetteer(2 * len(g.Entities))
	most := -1
	for i := range g.Entities {
		e := &g.Entities[i]
		if e.Kind == kg.Place && typeOf(e) == City && len(e.Mentions) > most {
			z.home, most = e.Key, len(e.Mentions)
		}
	}
	for i := range g.Entities {
		e := &g.Entities[i]
		if e.Kind == kg.Place {
			z.addEntity(e)
		}
	}
	for _, r := range g.Relationships {
		if r.Type == kg.PartOf && r.From.Kind == kg.Place && r.To.Kind == kg.Place {
			z.setParent(r.From.Key, r.To.Key)
		}
	}
	z.finish()
	return z
}

// newGazetteer returns an empty gazetteer with room for about n forms.
func newGazetteer(n int) *Gazetteer {
	z := &Gazetteer{dense: new([0x10000]uint16), astral: map[rune][]*entry{}, byKey: make(map[string]*entry, n), parent: map[string]string{}, villages: map[string][]string{}}
	z.reset()
	return z
}

// reset empties z, keeping the memory of its maps and tables for the
// forms to come.
func (z *Gazetteer) reset() {
	for i, l := range z.lists {
		clear(l) // no stale entries kept alive
		z.lists[i] = l[:0]
	}
	clear(z.astral)
	z.stops, z.lone, z.pairs = runeSet{}, runeSet{}, [1 << 16 / 64]uint64{}
	z.stopAt.forget()
	clear(z.byKey)
	clear(z.parent)
	clear(z.villages)
	z.home = ""
	z.block, z.used = nil, 0
	z.always('《')
	z.always('》')
	z.always(noRune) // for scanIndexed; scanInto finds no form there
}

// setParent records the closest parent of child: a parent of a lower level
// than one known replaces it (a town's county rather than its province).
func (z *Gazetteer) setParent(child, parent string) {
	old := z.parent[child]
	if old == "" {
		z.parent[child] = parent
		return
	}
	po, pn := z.byKey[old], z.byKey[parent]
	if po != nil && pn != nil && level(pn.typ) > level(po.typ) {
		z.parent[child] = parent
	}
}

// addEntity adds the forms of a place entity.
func (z *Gazetteer) addEntity(e *kg.Entity) {
	typ := typeOf(e)
	z.add(entry{form: e.Name, key: e.Key, name: e.Name, typ: typ})
	for _, a := range e.Aliases {
		bare := isBare(a, typ)
		z.add(entry{form: a, key: e.Key, name: e.Name, typ: typ, bare: bare, chainOnly: bare && typ == City && e.Key != z.home})
	}
	if typ == Village || typ == Community {
		z.villages[e.Name] = append(z.villages[e.Name], e.Key)
	}
}

// isBare reports whether a form is a short form without the suffix of its
// type, which is recognised only at a boundary or in a chain.
func isBare(form, typ string) bool {
	switch typ {
	case Site:
		return !textnorm.HasAnySuffix(form, siteSuffixes...)
	case Natural:
		return !textnorm.HasAnySuffix(form, naturalSuffixes...)
	case Other:
		return !textnorm.HasAnySuffix(form, naturalSuffixes...) && adminType(form) == ""
	}
	return adminType(form) == ""
}

// add indexes one form; a form already held by another place keeps the
// full name over an alias, and the larger unit over the smaller (古浪 is
// the county, not 古浪镇).
func (z *Gazetteer) add(v entry) {
	if hanLen(v.form) < 2 && !v.virtual {
		return
	}
	x := z.alloc(v)
	x.head, x.mask = headOf(x.form)
	if !x.bare && x.form == x.name {
		if _, ok := z.byKey[x.key]; !ok {
			z.byKey[x.key] = x
		}
	}
	r, size := firstRune(x.form)
	x.second = -1
	if r2, size2 := firstRune(x.form[size:]); !(r == utf8.RuneError && size == 1) && size2 > 0 && !(r2 == utf8.RuneError && size2 == 1) {
		x.second = r2
	}
	list := z.starting(r)
	for i, y := range list {
		if y.form != x.form {
			continue
		}
		if y.key == x.key {
			return
		}
		if better(x, y) {
			list[i] = x
		}
		if (x.typ == Village || x.typ == Community) && y.typ == x.typ && !x.bare && !y.bare {
			// Two villages of one name: the bare name is ambiguous.
			list[i] = z.alloc(entry{form: x.form, key: "", name: x.name, typ: x.typ, second: x.second, head: x.head, mask: x.mask})
		}
		return
	}
	z.setStarting(r, append(list, x))
	if x.second < 0 {
		z.always(r)
		return
	}
	z.stop(r)
	h := pairHash(r, x.second)
	z.pairs[h>>6] |= 1 << (h & 63)
}

// firstRune is utf8.DecodeRuneInString by textnorm.DecodeRuneAt, which
// decodes a rune of three bytes in line: Gazetteer.add reads the first
// two runes of each of the thousands of forms of each build, nearly all
// Han.
func firstRune(s string) (rune, int) {
	if s == "" {
		return utf8.RuneError, 0
	}
	return textnorm.DecodeRuneAt(s, 0)
}

// alloc returns a pointer to a copy of x in a block of entries: a
// gazetteer holds thousands, which one allocation each made slow to build.
// A gazetteer refilled (reset) writes over the blocks of its last
// filling, which nothing reads any more: the builder's passes drop their
// hits before the next pass refills it.
func (z *Gazetteer) alloc(x entry) *entry {
	if len(z.block) == cap(z.block) {
		if z.used == len(z.blocks) {
			z.blocks = append(z.blocks, make([]entry, 0, 256))
		}
		z.block = z.blocks[z.used][:0]
		z.used++
	}
	z.block = append(z.block, x)
	return &z.block[len(z.block)-1]
}

// stop marks r in stops, unless it is ASCII: no scan acts at an ASCII
// rune (scanInto and scanIndexed read none, scanDecoded steps over them,
// perhaps folded), so scanDecoded tests only the stops.
func (z *Gazetteer) stop(r rune) {
	if r >= utf8.RuneSelf {
		z.stops.add(r)
	}
	z.stopAt.forget()
}

// always marks r in stops and lone.
func (z *Gazetteer) always(r rune) {
	z.stop(r)
	z.lone.add(r)
}

// pair reports whether a form may start with a pair of runes of hash h
// (pairKey).
func (z *Gazetteer) pair(h uint16) bool {
	return z.pairs[h>>6]&(1<<(h&63)) != 0
}

// pairHash maps two runes to 16 bits, for Gazetteer.pairs.
func pairHash(a, b rune) uint32 {
	return (uint32(a)*0x9E3779B1 ^ uint32(b)*0x85EBCA77) >> 16
}

// starting returns the forms that start with r, longest first.
func (z *Gazetteer) starting(r rune) []*entry {
	if uint32(r) < 0x10000 {
		if k := z.dense[r]; k > 0 {
			return z.lists[k-1]
		}
		return nil
	}
	return z.astral[r]
}

// setStarting sets the forms that start with r.
func (z *Gazetteer) setStarting(r rune, list []*entry) {
	if uint32(r) >= 0x10000 {
		z.astral[r] = list
		return
	}
	if z.dense[r] == 0 {
		z.lists = append(z.lists, nil)
		z.dense[r] = uint16(len(z.lists))
	}
	z.lists[z.dense[r]-1] = list
}

// better reports whether form entry x should replace y for the same text.
func better(x, y *entry) bool {
	if x.bare != y.bare {
		return !x.bare
	}
	if x.virtual != y.virtual {
		return !x.virtual
	}
	lx, ly := level(x.typ), level(y.typ)
	if lx == 0 {
		lx = 9
	}
	if ly == 0 {
		ly = 9
	}
	return lx < ly
}

// finish sorts each rune's candidates longest first.
func (z *Gazetteer) finish() {
	for _, list := range z.lists {
		sortLongestFirst(list)
	}
	for _, list := range z.astral {
		sortLongestFirst(list)
	}
}

// sortLongestFirst sorts forms longest first, in the order added among
// forms of one length.
func sortLongestFirst(list []*entry) {
	slices.SortStableFunc(list, func(x, y *entry) int { return len(y.form) - len(x.form) })
}

// hit is one mention found by scan: an entry (nil for a new village or
// community) at text[start:end].
type hit struct {
	start, end int
	e          *entry
	key, name  string
	typ        string
	isNew      bool // a village or community not in the gazetteer
	parent     string
}

// Find implements mention.Finder. A place, or a chain of places, that is
// the first word of an organization's name (凉州区人民法院, 古浪县八步沙林场)
// is not returned: the yearbook's places inside organization names are not
// mentions of the place.
func (z *Gazetteer) Find(text string) []mention.Span { return z.spans(text, z.scan(text)) }

// PlacePrefixes appends to buf the length in bytes of each prefix of
// text that Find reads as one place covering all of it, longest first,
// in one pass over the forms starting with text's first rune. A prefix
// p is one when a form equal to p, held by one place (an ambiguous
// village name has no key), starts with a Han rune and is not a short
// form taken only in a chain: at the end of p, Find takes p's own form,
// the longest that matches there, as soon as bareOK lets it (a short
// form ends the text, which only chainOnly forms refuse), finds no
// village or organization after it, and so returns it alone. It is
// Find's answer for every prefix at once, for a caller that asks which
// beginnings of a name are places (prose's organizations).
func (z *Gazetteer) PlacePrefixes(buf []int, text string) []int {
	if text == "" {
		return buf
	}
	r, _ := textnorm.DecodeRuneAt(text, 0)
	if !textnorm.IsHan(r) {
		return buf
	}
	w := wordOf(text)
	for _, x := range z.starting(r) {
		if x.key != "" && !x.chainOnly && x.prefixOf(text, w) {
			buf = append(buf, len(x.form))
		}
	}
	return buf
}

// FindDecoded implements mention.DecodedFinder: Find over the runes
// mention.Finders has decoded for all its finders (scanDecoded).
func (z *Gazetteer) FindDecoded(d *mention.Decoded) []mention.Span {
	buf := hitBufs.Get().(*[]hit)
	*buf = z.scanDecoded(*buf, d)
	out := z.spans(d.Text, *buf)
	hitBufs.Put(buf)
	return out
}

// hitBufs recycles the arrays of FindDecoded's hits, read once into its
// answer: prose and events find the places of every passage and
// sentence, and growing a new slice each time was most of FindDecoded's
// garbage.
var hitBufs = sync.Pool{New: func() any { return new([]hit) }}

// spans returns the mentions of the hits of text, but for the chains
// that start an organization's name.
func (z *Gazetteer) spans(text string, hits []hit) []mention.Span {
	out := make([]mention.Span, 0, len(hits))
	for chain := range chains(text, hits) {
		for _, h := range chain {
			if h.key != "" {
				out = append(out, mention.Span{Kind: kg.Place, Start: h.start, End: h.end, Name: h.name, Key: h.key, Type: h.typ})
			}
		}
	}
	return out
}

// scan finds the places of text, left to right, longest match first.
func (z *Gazetteer) scan(text string) []hit { return z.scanInto(nil, text) }

// scanInto is scan into buf's array, overwriting it: the passes over the
// whole book read each passage's hits before scanning the next, and
// reusing one array spares growing a new slice per passage.
func (z *Gazetteer) scanInto(buf []hit, text string) []hit {
	s := scanner{z: z, text: text, hits: buf[:0]}
	for i := 0; i < len(text); {
		if i = z.skip3(text, i); i == len(text) {
			break
		}
		b0 := text[i]
		if b0 < utf8.RuneSelf {
			i++
			continue
		}
		// textnorm.DecodeRuneAt, by hand: this loop reads every rune of the text.
		r, ok := decode3(text, i)
		size := 3
		if !ok {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		i = s.visit(i, r, size, -2)
	}
	return s.hits
}

// scanDecoded is scanInto over a decoded text: it looks for the stops in
// the array of its runes, a few instructions a rune, where skip3 decodes
// the bytes again. A folded rune (full-width ASCII, the ideographic
// space) is ASCII in d.Runes and is stepped over: it is neither 《》 nor
// Han, so scanner.at would find no form there. Every other rune is as
// written, and so is the rune after a stop unless it is ASCII. After a
// match the runes before its end are stepped over, as scanInto resumes
// there.
func (z *Gazetteer) scanDecoded(buf []hit, d *mention.Decoded) []hit {
	s := scanner{z: z, text: d.Text, hits: buf[:0]}
	rs, offs, stops := d.Runes, d.Offs[:len(d.Runes)+1], &z.stops
	resume := 0 // the byte past the last match
	for k, r := range rs {
		if c := uint32(r); c < 0x10000 && stops[c>>6]&(1<<(c&63)) == 0 {
			continue // neither 《》 nor the start of a form, or ASCII
		}
		if i := offs[k]; i >= resume {
			next := rune(0) // runeAt past the end
			if k+1 < len(rs) {
				if next = rs[k+1]; next < utf8.RuneSelf {
					next = -2 // perhaps folded: visitStop reads it
				}
			}
			resume = s.visitStop(i, r, offs[k+1]-i, next)
		}
	}
	return s.hits
}

// visit reads the text at byte i, where the rune r of size bytes starts,
// and returns the byte the scan resumes at: past r unless r is a stop
// and, for most stops, r and the rune after it start a form
// (Gazetteer.lone); scanner.at otherwise. next is the rune after r, or -2
// for visit to read it when it needs it.
func (s *scanner) visit(i int, r rune, size int, next rune) int {
	if r < 0x10000 && s.z.stops[r>>6]&(1<<(r&63)) == 0 {
		return i + size // neither 《》 nor the start of a form
	}
	return s.visitStop(i, r, size, next)
}

// visitStop is visit at a rune r that is a stop, or U+10000 or above,
// which a caller that has tested the stops, as visit does, calls itself.
func (s *scanner) visitStop(i int, r rune, size int, next rune) int {
	z := s.z
	if r < 0x10000 && z.lone[r>>6]&(1<<(r&63)) == 0 {
		if next == -2 {
			next = runeAt(s.text, i+size)
		}
		if !z.pair(pairKey(r, next)) {
			return i + size // no form starts with r and next
		}
	}
	return s.at(i, r, size)
}

// skip3 returns the first byte from i of text that does not start a rune
// of three bytes (is3) that is no stop: the runes scanInto steps over
// after one look, nearly all of a Chinese text, in a loop of their own.
func (z *Gazetteer) skip3(text string, i int) int {
	stops := &z.stops
	for ; i+2 < len(text); i += 3 {
		b0, b1, b2 := text[i], text[i+1], text[i+2]
		if !is3(b0, b1, b2) {
			break
		}
		if r := rune3(b0, b1, b2); stops[r>>6]&(1<<(r&63)) != 0 {
			break
		}
	}
	return i
}

// scanner is the state of one scan: the hits so far and the depth of 《》
// (names in a document's title are not mentions).
type scanner struct {
	z     *Gazetteer
	text  string
	hits  []hit
	title int
}

// at reads the text at byte i, where the rune r of size bytes is a stop
// (a rune that starts a form, or 《》), and returns the byte the scan
// resumes at: past the longest form that matches, or past r.
func (s *scanner) at(i int, r rune, size int) int {
	z, text := s.z, s.text
	switch r {
	case '《':
		s.title++
	case '》':
		if s.title > 0 {
			s.title--
		}
	}
	if s.title > 0 {
		return i + size
	}
	cands := z.starting(r)
	if cands == nil || !textnorm.IsHan(r) {
		return i + size
	}
	var best *entry
	t := text[i:]
	w := wordOf(t)
	for _, x := range cands {
		if !x.prefixOf(t, w) {
			continue
		}
		if x.bare && !z.bareOK(text, i, i+len(x.form), len(s.hits) > 0 && s.hits[len(s.hits)-1].end == i, x.chainOnly, x.typ) {
			continue
		}
		best = x
		break
	}
	if best == nil {
		return i + size
	}
	end := i + len(best.form)
	s.hits = append(s.hits, hit{start: i, end: end, e: best, key: best.key, name: best.name, typ: best.typ})
	if isTownLevel(best.typ) || (isCountyLevel(best.typ) && !best.virtual) {
		if v, ok := z.villageAt(text, end, best); ok {
			s.hits = append(s.hits, v)
			return v.end
		}
	}
	return end
}

// prefixOf reports whether t starts with x's form, w being wordOf(t):
// strings.HasPrefix, but for the first eight bytes, compared as one
// word where t has them. Most forms are of two or three Han runes, and
// a stop's candidates mostly share their first rune: one compare tells
// most of them apart.
func (x *entry) prefixOf(t string, w uint64) bool {
	if len(t) < 8 {
		return strings.HasPrefix(t, x.form)
	}
	return w&x.mask == x.head && (len(x.form) <= 8 || strings.HasPrefix(t[8:], x.form[8:]))
}

// headOf returns the first eight bytes of form as load64 reads them,
// zero past its end, and the mask of those bytes.
func headOf(form string) (head, mask uint64) {
	if len(form) >= 8 {
		return load64(form), ^uint64(0)
	}
	for k := range len(form) {
		head |= uint64(form[k]) << (8 * k)
		mask |= 0xFF << (8 * k)
	}
	return head, mask
}

// wordOf returns load64(t), or 0 when t is shorter (prefixOf).
func wordOf(t string) uint64 {
	if len(t) < 8 {
		return 0
	}
	return load64(t)
}

// load64 returns the first eight bytes of t (len(t) >= 8) as a
// little-endian word, which the compiler reads in one load.
func load64(t string) uint64 {
	_ = t[7]
	return uint64(t[0]) | uint64(t[1])<<8 | uint64(t[2])<<16 | uint64(t[3])<<24 |
		uint64(t[4])<<32 | uint64(t[5])<<40 | uint64(t[6])<<48 | uint64(t[7])<<56
}

// bareOK reports whether the short form at text[start:end] is a mention:
// followed by a non-Han character, by another place (a chain), or, right
// after another place, by 人 and a non-Han character (甘肃古浪人，).
func (z *Gazetteer) bareOK(text string, start, end int, chained, chainOnly bool, typ string) bool {
	if chained && level(typ) <= level(County) {
		return true // 甘肃古浪, 武威民勤
	}
	next := runeAt(text, end)
	if !chainOnly {
		if next == 0 || !textnorm.IsHan(next) || conjunctionRunes.holds(next) {
			return true
		}
		if prepositionRunes.holds(runeBefore(text, start)) {
			return true // 对甘肃重要讲话, 到武威调研
		}
	}
	if !chainOnly && fewRunes.holds(next) && runeAt(text, end+utf8.RuneLen(next)) == '大' {
		return true // 腾格里和巴丹吉林两大沙漠
	}
	t := text[end:]
	w := wordOf(t)
	for _, x := range z.starting(next) {
		if !x.prefixOf(t, w) {
			continue
		}
		if !x.bare || !x.chainOnly || runeAt(text, end+len(x.form)) == '人' {
			return true
		}
	}
	return false
}

// prepositions are the characters after which a short form is a place
// (在武威, 对甘肃, 赴天祝).
const prepositions = "对在到赴来至从向于驻经往"

// The lists of runes bareOK tests, as sets (runeSet.holds).
var (
	conjunctionRunes = runesOf("和与及等至")
	prepositionRunes = runesOf(prepositions)
	fewRunes         = runesOf("两三四五")
)

// villageAt returns the village or community written right after the
// town or county at, when there is one: the known place of that name
// under at, or a new one keyed under it.
func (z *Gazetteer) villageAt(text string, end int, at *entry) (hit, bool) {
	name, vend, typ, ok := villageAfter(text, end)
	if !ok {
		return hit{}, false
	}
	key := at.key + textnorm.Key(name)
	if x, ok := z.byKey[key]; ok {
		return hit{start: end, end: vend, e: x, key: x.key, name: x.name, typ: x.typ}, true
	}
	if isCountyLevel(at.typ) {
		// A village under one of the county's towns (古浪县富民新村).
		for _, k := range z.villages[name] {
			if z.under(k, at.key) {
				x := z.byKey[k]
				return hit{start: end, end: vend, e: x, key: k, name: name, typ: x.typ}, true
			}
		}
	}
	// Otherwise a village of this name under another town is another
	// village: the new one is keyed under this town.
	// A known form longer than the village at this point wins (its own
	// scan would find it).
	if r := runeAt(text, end); r != 0 {
		t := text[end:]
		w := wordOf(t)
		for _, x := range z.starting(r) {
			if x.prefixOf(t, w) && end+len(x.form) >= vend && !x.bare {
				return hit{}, false
			}
		}
	}
	return hit{start: end, end: vend, key: key, name: name, typ: typ, isNew: true, parent: at.key}, true
}

// under reports whether key lies under ancestor in the tree.
func (z *Gazetteer) under(key, ancestor string) bool {
	k := z.parent[key]
	for i := 0; k != "" && i < 8; i++ {
		if k == ancestor {
			return true
		}
		k = z.parent[k]
	}
	return false
}

// villageStop are words that make a 村/社区 candidate a common noun
// phrase (省级示范村, 各村, 行政村) rather than a name.
var villageStop = []string{
	"村", "各", "全", "每", "多", "个", "等", "和", "与", "及", "的", "了", "在", "有", "为", "是", "把", "将", "对", "向", "到", "从", "共", "均", "已", "所", "辖", "内", "外",
	"农", "乡", "镇", "县", "市", "省", "区", "级", "街", "社", "示范", "样板", "重点", "试点", "行政", "集体", "美丽", "和美", "文明", "贫困", "搬迁", "移民", "中心",
	"城市", "城镇", "城乡", "小康", "特色", "旅游", "产业", "生态", "幸福", "万", "千", "百", "第", "创建", "建设", "开展", "推进", "打造", "实施", "完成", "组织", "召开", "举办", "该", "本", "此", "其",
}

// villageAfter reads a village (…村) or community (…社区) name of 2–4
// characters plus suffix starting at byte i of text.
func villageAfter(text string, i int) (name string, end int, typ string, ok bool) {
	j := i
	for n := 0; n <= 4 && j < len(text); n++ {
		r, size := textnorm.DecodeRuneAt(text, j)
		if !textnorm.IsHan(r) {
			return
		}
		if n >= 2 {
			switch {
			case r == '村':
				name, end, typ = text[i:j+size], j+size, Village
			case strings.HasPrefix(text[j:], "社区"):
				name, end, typ = text[i:j+len("社区")], j+len("社区"), Community
			}
			if name != "" {
				stem := text[i:j]
				if villageStopSet.in(stem) {
					return "", 0, "", false
				}
				return name, end, typ, true
			}
		}
		j += size
	}
	return
}
