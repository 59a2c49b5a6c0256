package mention

import (
	"cmp"
	"slices"
	"sync"
	"unicode/utf8"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// NewFinder returns the Finder of people, organizations and projects in
// running text. known are the names of structured sources (Known of the
// roster, places and honors graphs): known people and organizations are
// found wherever they are written, and known places start organization and
// project names. city is the yearbook's city without 市 (武威); it makes
// 武威 and 武威市 start names like any place. Both may be empty.
//
// People are found after a title (市委书记柳鹏), in appointments
// (王国斌同志任…, 选举马秀兰为…) and by known name; organizations by their
// suffix (…有限公司, …局) from a left edge found by rule, by known name and
// by the short forms of a city's organs (市委, 市政府); projects by their
// suffix (…项目, …工程) when their name is specific. The finder returns no
// PLACE spans: places are the places finder's.
func NewFinder(known []Name, city string) Finder {
	room := knownRunes(known) + 2*utf8.RuneCountInString(city) + 1
	return newFinder(known, city, room, room <= fewRunes)
}

// fewRunes bounds the runes of the known names that a finder keeps in a
// trie of their own (finder.extra): the honors finder knows a dozen
// places, and a clone of the lexicon's trie for them, the size of the
// lexicon's (430 KB), cost more than the few texts it reads.
const fewRunes = 256

// newFinder returns the finder NewFinder describes; room bounds the nodes
// its known names and city add. With extra, they are words of a trie of
// their own, walked after the lexicon's, shared; without, of a clone of
// the lexicon's trie.
func newFinder(known []Name, city string, room int, extra bool) *finder {
	f := &finder{trie: lexiconTrie(), city: city}
	var t *trie
	if extra {
		t = &trie{nodes: make([]node, 1, room+1), edges: make([]edge, 16)}
		f.extra = t
	} else {
		t = f.trie.clone(room)
		f.trie = t
	}
	for _, n := range known {
		class := knownClass(n.Kind)
		if class == 0 {
			continue
		}
		addKnown(t, n.Name, class)
		for _, alias := range n.Aliases {
			addKnown(t, alias, class)
		}
	}
	if city != "" {
		t.add(city, cCity)
		t.add(city+"市", cCity)
	}
	return f
}

// FindsNoPlaces reports whether f is a finder NewFinder made, which never
// returns a PLACE span: a caller combining it with a places finder may ask
// the places finder alone whether a text holds a place.
func FindsNoPlaces(f Finder) bool {
	_, ok := f.(*finder)
	return ok
}

// knownClass returns the class of the known names of kind k, or 0 for a
// kind the finder does not know names of.
func knownClass(k kg.Kind) uint32 {
	switch k {
	case kg.Person:
		return cKnownPerson
	case kg.Organization:
		return cKnownOrg
	case kg.Place:
		return cKnownPlace
	}
	return 0
}

// knownRunes bounds the nodes the known names add to a trie: the runes
// of the names and aliases NewFinder adds, whose keys are no longer.
func knownRunes(known []Name) int {
	n := 0
	for _, k := range known {
		if knownClass(k.Kind) == 0 {
			continue
		}
		n += utf8.RuneCountInString(k.Name)
		for _, alias := range k.Aliases {
			n += utf8.RuneCountInString(alias)
		}
	}
	return n
}

// addKnown adds to t the key of name, a known name of the given class,
// when it can be one.
func addKnown(t *trie, name string, class uint32) {
	k := textnorm.Key(name)
	if class == cKnownPerson && !plausiblePersonKey(k) {
		return
	}
	if class == cKnownPlace && runeLen(k) < 2 {
		return
	}
	if k != "" {
		t.add(k, class)
	}
}

// lexiconTrie is the trie of the lexicon's words, built once: every
// finder starts from a clone of it and adds its known names, instead of
// adding the thousands of lexicon words again (extraction builds two
// finders).
var lexiconTrie = sync.OnceValue(func() *trie {
	t := newTrie()
	t.addSections(sectionClass)
	for _, w := range markedWords() {
		t.add(w, cMark)
	}
	return t
})

// finder implements Finder; it is safe for concurrent use, since Find
// keeps its state in a scan.
type finder struct {
	trie *trie
	// extra, if not nil, holds the known names and the city, of a finder
	// given few (newFinder): a small trie without a table of root runes,
	// whose words addWords merges with those of trie, the lexicon's.
	extra *trie
	city  string
}

// Find implements Finder.
func (f *finder) Find(text string) []Span {
	if text == "" {
		return nil
	}
	return f.find(newScan(f, text), nil)
}

// FindDecoded implements DecodedFinder.
func (f *finder) FindDecoded(d *Decoded) []Span {
	if d.Text == "" {
		return nil
	}
	return f.find(newScanOf(f, d), nil)
}

// appendDecoded appends to out what FindDecoded(d) returns: Finders.Find
// has it append into d's buffer, and copies the spans out only when they
// are its answer as they are.
func (f *finder) appendDecoded(out []Span, d *Decoded) []Span {
	if d.Text == "" {
		return out
	}
	return f.find(newScanOf(f, d), out)
}

// find runs the passes over s, releases it and appends the spans found
// to out.
func (f *finder) find(s *scan, out []Span) []Span {
	if len(s.ends) == 0 && len(s.named) == 0 && len(s.marked) == 0 {
		// Every pass starts from a noted end, word or character: a text
		// with none (many headings and short sentences) holds no span.
		s.release()
		return out
	}
	s.findPeople()
	s.findOrgs()
	s.findProjects()
	s.titles()
	out = s.result(out)
	s.release()
	return out
}

// scan is the state of one Find: the text as folded runes, the byte
// offset of each rune, every lexicon word found at each position, and the
// spans found so far. newScan also notes, in the same pass over the
// words, what the rule passes start from (the ends of titles and suffixes,
// known names, marked characters) and the classes starting and ending at
// each position: the rules then visit those places only, and answer the
// many questions about words that are not there without reading words.
type scan struct {
	f       *finder
	text    string
	rs      []rune   // the Runes of the Decoded text
	off     []int    // its Offs: off[i] is the byte offset of rs[i]; off[len(rs)] = len(text)
	first   []int32  // matches starting at i are ms[first[i]:first[i+1]]
	ms      []wordAt // lexicon words, by start
	startAt []uint32 // classes of the words starting at each position
	endAt   []uint32 // classes of the words ending at each position
	taken   []uint8  // the kind of span covering each rune (tag), 0 if none
	// marked are the positions of the runes that runeMarks marks, in
	// order: those of the words of class cMark.
	marked []int32
	// ends are the positions where a word of a class of endClasses ends,
	// or a road's 路, in order: the passes over the ends of titles and of
	// organization and project suffixes visit them only.
	ends []int32
	// named are the words of a class of namedClasses, in the order of
	// ms: the passes over known names and prefixes read them only.
	named []wordAt
	// reach bounds the length of the words found, in runes: the
	// longest one's, at most maxWord. The searches for words ending at
	// or covering a position look that far back only: most passages
	// hold no word longer than five runes.
	reach int

	people   []person
	orgs     []Span
	projects []Span

	// Buffers of the passes, kept for the next scan.
	own        Decoded   // newScan's decoding of its text
	orgCands   []orgCand // findOrgs' candidates
	seenPlaces []cand    // the places orgStart has read
}

// wordAt is one lexicon word found in the text, [i, j) in runes.
type wordAt struct {
	i, j  int32
	class uint32
}

// scans recycles the buffers of finished scans: Find runs once per
// passage and per sentence, and allocating six arrays the size of the
// text each time was the largest source of garbage in extraction.
var scans = sync.Pool{New: func() any { return new(scan) }}

// resize returns b with length n and every element zero, reusing its
// array when it is large enough.
func resize[T any](b []T, n int) []T {
	if cap(b) < n {
		return make([]T, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// newScan returns the scan of text, decoded into the scan's own buffer.
func newScan(f *finder, text string) *scan {
	s := scans.Get().(*scan)
	s.own.decode(text)
	return s.of(f, &s.own)
}

// newScanOf returns the scan of a text decoded by the caller, who keeps d
// until the scan is released.
func newScanOf(f *finder, d *Decoded) *scan { return scans.Get().(*scan).of(f, d) }

// of starts s over d: the words of f's tries are listed (match, and
// addWords for the extra words), then indexed once, as one list (index).
func (s *scan) of(f *finder, d *Decoded) *scan {
	s.f, s.text, s.rs, s.off = f, d.Text, d.Runes, d.Offs
	s.marked, s.ends, s.named = s.marked[:0], s.ends[:0], s.named[:0]
	ms := s.match(f.trie)
	if f.extra != nil {
		ms = s.addWords(ms, f.extra)
	}
	s.index(ms)
	return s
}

// Marks of the Han characters that start the words some rule passes look
// for. The lexicon's trie holds those words as words of class cMark, so
// that newScan notes their positions among the words it finds, and those
// passes visit a few positions instead of every rune of the text. Whole
// words, not their first characters: the walk then lists a word at the
// few positions where one is written, where it listed one at every
// character starting one (建, 开, 总…), which the passes read to find no
// word there.
const (
	mAddress uint8 = 1 << iota // the first character of a title of address (总书记)
	mAppoint                   // 同 (同志), 为 or 任: an appointment's
	mStatus                    // the first character of a status word (建成)
	mRoad                      // 路, whose section may follow (findProjects)
)

// markWords lists the words each mark's passes look for: a pass visits
// only the positions where one of its words starts (an appointment's 同
// only before 志, a status where statusAt finds one).
var markWords = []struct {
	m     uint8
	words []string
}{
	{mAddress, lex.words["address"]},
	{mAppoint, []string{"同志", "为", "任"}},
	{mStatus, lex.words["status"]},
	{mStatus, lex.words["projectstatus"]},
	{mRoad, []string{"路"}},
}

// markedWords returns the words of markWords, every mark's.
func markedWords() []string {
	var out []string
	for _, mw := range markWords {
		out = append(out, mw.words...)
	}
	return out
}

// runeMarks holds the marks of the CJK block's characters, by rune -
// hanLo: those of the words of markWords they start. The words must start
// with such a character (TestMarkedWordsHan).
var runeMarks = func() *[hanHi - hanLo + 1]uint8 {
	out := new([hanHi - hanLo + 1]uint8)
	for _, mw := range markWords {
		for _, w := range mw.words {
			if r, _ := utf8.DecodeRuneInString(w); r >= hanLo && r <= hanHi {
				out[r-hanLo] |= mw.m
			}
		}
	}
	return out
}()

// hasMark reports whether the rune at p, one of s.marked, has mark m.
func (s *scan) hasMark(p int, m uint8) bool { return runeMarks[s.rs[p]-hanLo]&m != 0 }

// match returns the words of t at every position of s.rs, in the array
// of s.ms, sets their index s.first and clears the tables by position
// for index. The trie's walk (trie.words) only lists the words; the
// classes by position are read from the list after (index), so that the
// walk, done at every rune, keeps its few variables in registers.
func (s *scan) match(t *trie) []wordAt {
	n := len(s.rs)
	first := resize(s.first, n+1)
	s.first, s.startAt, s.endAt, s.taken = first, resize(s.startAt, n), resize(s.endAt, n+1), resize(s.taken, n)
	ms, ok := t.words(s.rs, s.ms[:cap(s.ms)], first)
	for !ok {
		// Most texts hold fewer words than runes.
		ms, ok = t.words(s.rs, make([]wordAt, 2*cap(ms)+n), first)
	}
	return ms
}

// index sets s.ms to ms, the words found in s.rs in order, s.reach and
// the noted ends, words and marks, and adds their classes to s.startAt
// and s.endAt.
func (s *scan) index(ms []wordAt) {
	startAt, endAt := s.startAt, s.endAt
	reach := int32(0)
	for _, w := range ms {
		startAt[w.i] |= w.class
		endAt[w.j] |= w.class
		reach = max(reach, w.j-w.i)
		if w.class&(endClasses|namedClasses|cMark) != 0 {
			s.note(w)
		}
	}
	s.ms, s.reach = ms, min(int(reach), maxWord)
	slices.Sort(s.ends)
	s.ends = slices.Compact(s.ends)
}

// addWords returns ws, the words match found, with the words of t, a
// trie without a table of root runes (finder.extra), as if they were
// words of the trie match walked: in the order of ws, a word both hold
// once with the classes of both, and s.first indexing them. index then
// reads them once, the merged list.
func (s *scan) addWords(ws []wordAt, t *trie) []wordAt {
	xs := t.appendWords(nil, s.rs)
	if len(xs) == 0 {
		return ws
	}
	ms := make([]wordAt, 0, len(ws)+len(xs))
	a, b := 0, 0
	for a < len(ws) || b < len(xs) {
		switch {
		case b == len(xs) || a < len(ws) && before(ws[a], xs[b]):
			ms = append(ms, ws[a])
			a++
		case a == len(ws) || before(xs[b], ws[a]):
			ms = append(ms, xs[b])
			b++
		default:
			w := ws[a]
			w.class |= xs[b].class
			ms = append(ms, w)
			a++
			b++
		}
	}
	k := 0
	for i := range s.rs {
		for k < len(ms) && int(ms[k].i) < i {
			k++
		}
		s.first[i] = int32(k)
	}
	s.first[len(s.rs)] = int32(len(ms))
	return ms
}

// before reports whether w comes before v in the order of scan.ms: by
// start, then shortest first.
func before(w, v wordAt) bool { return w.i < v.i || w.i == v.i && w.j < v.j }

// note notes the end of w, w itself or, for a marked word, its start
// (and the end of a road's 路) for the passes that read them. Marked words
// starting at one position (建成, 建成投产) note it once.
func (s *scan) note(w wordAt) {
	if w.class&endClasses != 0 {
		s.ends = append(s.ends, w.j)
	}
	if n := len(s.marked); w.class&cMark != 0 && (n == 0 || s.marked[n-1] != w.i) {
		s.marked = append(s.marked, w.i)
		if s.hasMark(int(w.i), mRoad) {
			s.ends = append(s.ends, w.i+1)
		}
	}
	if w.class&namedClasses != 0 {
		s.named = append(s.named, w)
	}
}

// release returns s to the pool. The spans of its result are copies and
// hold no reference into its buffers.
func (s *scan) release() {
	s.f, s.text, s.rs, s.off = nil, "", nil, nil
	clear(s.people)
	clear(s.orgs)
	clear(s.projects)
	s.people, s.orgs, s.projects = s.people[:0], s.orgs[:0], s.projects[:0]
	scans.Put(s)
}

// at returns the words starting at i, shortest first.
func (s *scan) at(i int) []wordAt {
	if i < 0 || i >= len(s.rs) {
		return nil
	}
	return s.ms[s.first[i]:s.first[i+1]]
}

// longestAt returns the end of the longest word of class c starting at i,
// or -1.
func (s *scan) longestAt(i int, c uint32) int {
	if !s.startsAt(i, c) {
		return -1
	}
	end := -1
	for _, w := range s.at(i) {
		if w.class&c != 0 {
			end = int(w.j)
		}
	}
	return end
}

// hasAt reports whether a word of class c spans exactly [i, j).
func (s *scan) hasAt(i, j int, c uint32) bool {
	if !s.startsAt(i, c) {
		return false
	}
	for _, w := range s.at(i) {
		if int(w.j) == j && w.class&c != 0 {
			return true
		}
	}
	return false
}

// endClasses are the classes whose ends newScan notes: those of the
// words the passes of people, organizations and projects start from.
const endClasses = cTitle | cOrg | cProject

// namedClasses are the classes of the words newScan notes in scan.named:
// known people and organizations, and the prefixes of parties.
const namedClasses = cKnownPerson | cKnownOrg | cOrgPrefix

// startsAt reports whether a word of class c starts at i: the rules ask
// about words that are not there far more often than about words that
// are, and this answers them without reading the words.
func (s *scan) startsAt(i int, c uint32) bool {
	return uint(i) < uint(len(s.startAt)) && s.startAt[i]&c != 0
}

// longestEnding returns the start of the longest word of class c ending
// at j, or -1. Words are at most maxWord runes long.
func (s *scan) longestEnding(j int, c uint32) int {
	if j <= 0 || j > len(s.rs) || s.endAt[j]&c == 0 {
		return -1
	}
	for i := max(0, j-s.reach); i < j; i++ {
		if s.hasAt(i, j, c) {
			return i
		}
	}
	return -1
}

// runeIn reports whether the rune at p is in set.
func (s *scan) runeIn(p int, set *hanSet) bool {
	return uint(p) < uint(len(s.rs)) && set.has(s.rs[p])
}

// maxWord bounds the length of the words longestEnding looks for.
const maxWord = 24

// covering returns a word of class c that covers position p and is not
// inside [lo, hi), if any.
func (s *scan) covering(p int, c uint32, lo, hi int) bool {
	for i := max(0, p-s.reach); i <= p; i++ {
		if !s.startsAt(i, c) {
			continue
		}
		for _, w := range s.at(i) {
			if w.class&c != 0 && int(w.j) > p && !(int(w.i) >= lo && int(w.j) <= hi) {
				return true
			}
		}
	}
	return false
}

// written returns runes [i, j) as the text writes them. For Han
// characters it equals string(s.rs[i:j]), since folding changes none of
// them, and it allocates nothing: the sets of Han words (TestHanWordSets)
// are looked up with it.
func (s *scan) written(i, j int) string { return s.text[s.off[i]:s.off[j]] }

// span makes a span of kind k over runes [i, j), with the written form as
// name.
func (s *scan) span(k kg.Kind, i, j int) Span {
	name := s.text[s.off[i]:s.off[j]]
	return Span{Kind: k, Start: s.off[i], End: s.off[j], Name: name, Key: textnorm.Key(name)}
}

// tag is the small code of a span kind in scan.taken.
func tag(k kg.Kind) uint8 {
	switch k {
	case kg.Person:
		return 1
	case kg.Organization:
		return 2
	case kg.Project:
		return 3
	}
	return 4
}

// take marks runes [i, j) as covered by a span of kind k.
func (s *scan) take(k kg.Kind, i, j int) {
	t := tag(k)
	for p := i; p < j; p++ {
		s.taken[p] = t
	}
}

// free reports whether no span covers any rune of [i, j).
func (s *scan) free(i, j int) bool {
	for p := i; p < j; p++ {
		if s.taken[p] != 0 {
			return false
		}
	}
	return true
}

// result appends the spans found, by position, to out.
func (s *scan) result(out []Span) []Span {
	n := len(s.people) + len(s.orgs) + len(s.projects)
	if n == 0 {
		return out
	}
	out = slices.Grow(out, n)
	from := len(out)
	for _, p := range s.people {
		out = append(out, p.span)
	}
	out = append(out, s.orgs...)
	out = append(out, s.projects...)
	// The spans do not overlap and none is empty (each pass takes the
	// runes of its spans, and the next leaves them be): no two start at
	// the same byte, so any sort by start gives the one order.
	slices.SortFunc(out[from:], func(a, b Span) int { return cmp.Compare(a.Start, b.Start) })
	return out
}

// isHan reports whether r is a CJK ideograph (the common blocks; faster
// than unicode.Is for the hot loops).
func isHan(r rune) bool {
	return (r >= 0x4E00 && r <= 0x9FFF) || (r >= 0x3400 && r <= 0x4DBF) || (r >= 0x20000 && r <= 0x2FA1F) || (r >= 0xF900 && r <= 0xFAFF)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func runeLen(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

// plausiblePersonKey reports whether k can be a personal name: 2–4 Han
// characters (a middle dot allowed in minority names).
func plausiblePersonKey(k string) bool {
	n := 0
	for _, r := range k {
		if !isHan(r) && r != '·' {
			return false
		}
		n++
	}
	return n >= 2 && n <= 6
}
