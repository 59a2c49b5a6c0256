package mention

import (
	"sort"

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
	t := newTrie()
	for section, class := range sectionClass {
		for _, w := range lex.words[section] {
			t.add(w, class)
		}
	}
	f := &finder{trie: t, city: city}
	for _, n := range known {
		var class uint32
		switch n.Kind {
		case kg.Person:
			class = cKnownPerson
		case kg.Organization:
			class = cKnownOrg
		case kg.Place:
			class = cKnownPlace
		default:
			continue
		}
		for _, name := range append([]string{n.Name}, n.Aliases...) {
			k := textnorm.Key(name)
			if class == cKnownPerson && !plausiblePersonKey(k) {
				continue
			}
			if class == cKnownPlace && runeLen(k) < 2 {
				continue
			}
			if k != "" {
				t.add(k, class)
			}
		}
	}
	if city != "" {
		t.add(city, cCity)
		t.add(city+"市", cCity)
	}
	return f
}

// finder implements Finder; it is safe for concurrent use, since Find
// keeps its state in a scan.
type finder struct {
	trie *trie
	city string
}

// Find implements Finder.
func (f *finder) Find(text string) []Span {
	if text == "" {
		return nil
	}
	s := newScan(f, text)
	s.findPeople()
	s.findOrgs()
	s.findProjects()
	s.titles()
	return s.result()
}

// scan is the state of one Find: the text as folded runes, the byte
// offset of each rune, every lexicon word found at each position, and the
// spans found so far.
type scan struct {
	f     *finder
	text  string
	rs    []rune
	off   []int    // off[i] is the byte offset of rs[i]; off[len(rs)] = len(text)
	first []int32  // matches starting at i are ms[first[i]:first[i+1]]
	ms    []wordAt // lexicon words, by start
	endAt []uint32 // classes of the words ending at each position
	taken []uint8  // the kind of span covering each rune (tag), 0 if none

	people   []person
	orgs     []Span
	projects []Span
}

// wordAt is one lexicon word found in the text, [i, j) in runes.
type wordAt struct {
	i, j  int32
	class uint32
}

func newScan(f *finder, text string) *scan {
	s := &scan{f: f, text: text}
	s.rs = make([]rune, 0, len(text)/3+1)
	s.off = make([]int, 0, len(text)/3+2)
	for i, r := range text {
		s.rs = append(s.rs, fold(r))
		s.off = append(s.off, i)
	}
	s.off = append(s.off, len(text))
	n := len(s.rs)
	s.first = make([]int32, n+1)
	s.endAt = make([]uint32, n+1)
	s.taken = make([]uint8, n)
	s.ms = make([]wordAt, 0, n)
	for i := 0; i < n; i++ {
		s.first[i] = int32(len(s.ms))
		cur := int32(0)
		for j := i; j < n; j++ {
			var next int32
			if j == i {
				next = f.trie.first(s.rs[j])
			} else {
				next = f.trie.next(cur, s.rs[j])
			}
			if next == 0 {
				break
			}
			cur = next
			if c := f.trie.nodes[cur].class; c != 0 {
				s.ms = append(s.ms, wordAt{int32(i), int32(j + 1), c})
				s.endAt[j+1] |= c
			}
		}
	}
	s.first[n] = int32(len(s.ms))
	return s
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
	for _, w := range s.at(i) {
		if int(w.j) == j && w.class&c != 0 {
			return true
		}
	}
	return false
}

// longestEnding returns the start of the longest word of class c ending
// at j, or -1. Words are at most maxWord runes long.
func (s *scan) longestEnding(j int, c uint32) int {
	if j <= 0 || j > len(s.rs) || s.endAt[j]&c == 0 {
		return -1
	}
	for i := max(0, j-maxWord); i < j; i++ {
		if s.hasAt(i, j, c) {
			return i
		}
	}
	return -1
}

// maxWord bounds the length of the words longestEnding looks for.
const maxWord = 24

// covering returns a word of class c that covers position p and is not
// inside [lo, hi), if any.
func (s *scan) covering(p int, c uint32, lo, hi int) bool {
	for i := max(0, p-maxWord); i <= p; i++ {
		for _, w := range s.at(i) {
			if w.class&c != 0 && int(w.j) > p && !(int(w.i) >= lo && int(w.j) <= hi) {
				return true
			}
		}
	}
	return false
}

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

// result returns the spans found, by position.
func (s *scan) result() []Span {
	var out []Span
	for _, p := range s.people {
		out = append(out, p.span)
	}
	out = append(out, s.orgs...)
	out = append(out, s.projects...)
	sort.Slice(out, func(a, b int) bool { return out[a].Start < out[b].Start })
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
