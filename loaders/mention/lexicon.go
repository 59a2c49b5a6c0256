package mention

import (
	_ "embed"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yearbookkg/kg/loaders/textnorm"
)

// lexiconText is the word lists of recognition, kept as data so that they
// can grow without touching the rules.
//
//go:embed lexicon.txt
var lexiconText string

// Word classes: a word of the trie carries the classes of every list it
// is in. The lists of single characters that the rules ask about one
// position at a time, surnames and counters, are sets of characters
// instead (hanSet): as words of the trie they were a quarter of the words
// found in a text, every one listed and indexed for a question that the
// character alone answers.
const (
	cSurname2    uint32 = 1 << iota // double surname
	cTitle                          // title head written before a name
	cRight                          // word that may follow a name
	cNotName                        // word a surname starts that is no name
	cOrg                            // organization suffix
	cOrgWeak                        // suffix that needs an anchor
	cOrgPrefix                      // word that starts organization names
	cAdmin                          // one-character administrative prefix
	cProvince                       // province or great city
	cBoundary                       // word that ends the text before a name
	cLeading                        // word stripped from the left of a name
	cGeneric                        // word that alone makes no name
	cStatus                         // project status
	cProject                        // project suffix
	cNotOrg                         // ordinary word holding a suffix (格局, 干部)
	cKeep                           // word holding a boundary character (经济)
	cKnownPerson                    // a person of a structured source
	cKnownOrg                       // an organization of a structured source
	cKnownPlace                     // a place of a structured source
	cCity                           // the yearbook's city
	cCapacity                       // unit of a capacity (万吨, 千瓦)
	cBranch                         // suffix of a branch (分行, 支队)
	cNotProject                     // ordinary word holding a project suffix (工程师)
	cNotAdmin                       // word ending in 市, 县, 区 that is no prefix (上市, 社区)
	cOrgan                          // suffix of a place's organ (委, 政府)
	cInstitution                    // suffix of an institution (学校, 医院)
	cVague                          // institution suffix a place alone does not name
	cInfra                          // project suffix of works a capacity alone does not name
	cMark                           // a word of markWords, which some passes start from
)

// sectionClass maps the sections of lexicon.txt to word classes.
var sectionClass = map[string]uint32{
	"surname2":       cSurname2,
	"title":          cTitle,
	"right":          cRight,
	"notname":        cNotName,
	"org":            cOrg,
	"orgweak":        cOrgWeak,
	"orgprefix":      cOrgPrefix,
	"admin":          cAdmin,
	"province":       cProvince,
	"boundary":       cBoundary,
	"leading":        cLeading,
	"generic":        cGeneric,
	"status":         cStatus,
	"project":        cProject,
	"notorg":         cNotOrg,
	"keep":           cKeep,
	"capacity":       cCapacity,
	"branch":         cBranch,
	"national":       cKnownOrg,
	"notproject":     cNotProject,
	"notadmin":       cNotAdmin,
	"organ":          cOrgan,
	"institution":    cInstitution,
	"vague":          cVague,
	"infrastructure": cInfra,
}

// lexicon is the parsed lexicon.txt: the words of each section, and the
// characters of the notgiven section.
type lexicon struct {
	words    map[string][]string
	notGiven map[rune]bool
}

var lex = parseLexicon(lexiconText)

func parseLexicon(s string) *lexicon {
	l := &lexicon{words: map[string][]string{}, notGiven: map[rune]bool{}}
	section := ""
	for _, line := range strings.Split(s, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]") {
			section = line[1 : len(line)-1]
			continue
		}
		for _, w := range strings.Fields(line) {
			if section == "notgiven" {
				for _, r := range w {
					l.notGiven[r] = true
				}
				continue
			}
			l.words[section] = append(l.words[section], w)
		}
	}
	return l
}

// trie is a rune trie of words with their classes. Matching walks it from
// each position of a text, which finds every lexicon word in one pass
// without regular expressions.
//
// It is laid out for the walk, done for every rune of every passage. The
// root's children are found by rune in a table, the others in one hash
// table of all edges, at a fixed cost where a search among a node's
// children cost more the more children it had (with the known names, the
// root has about a thousand, the node of 市 some eighty, those of common
// surnames dozens). Most steps fail: a mask of each node's children's
// runes, kept beside its classes, fails them before the hash.
//
// Words are added in place, in the same layout: extraction builds two
// finders, each a clone of the lexicon's trie with its known names added,
// and a clone is a copy of three flat arrays, which hold no pointer. Only
// the project trie keeps a table of last characters (endsIn): it alone
// reads it, and filling it for the lexicon's trie cost every start-up.
type trie struct {
	nodes []node            // the nodes by number, the root first
	edges []edge            // the edges by hash (edgeSlot), a power of two of them, at most half used
	root  *[rootRunes]int32 // the root's children for the runes below rootRunes, by rune (0: none)
	last  []uint32          // the classes of the words ending in each character of the CJK block; nil but in the project trie
}

// node is a node of a trie: the classes of the word that ends
// there, and bit r&63 set for the rune r of each child.
type node struct {
	mask  uint64
	class uint32
}

// edge is an edge of a trie, from node to child by rune r; a free
// slot has child 0 (the root is no node's child).
type edge struct {
	node  int32
	r     rune
	child int32
}

// Bounds of the CJK block (the Han characters of a text, which
// runeMarks and trie.last index directly).
const hanLo, hanHi = 0x4E00, 0x9FFF

// rootRunes bounds the runes whose root child trie.root holds: ASCII,
// the punctuation and the CJK block, all but a few runes of a text.
const rootRunes = hanHi + 1

// first returns the node a word starting with r leads to, or 0. It is
// small enough to be inlined.
func (t *trie) first(r rune) int32 {
	if uint32(r) < uint32(len(t.root)) {
		return t.root[r]
	}
	return t.firstOther(r)
}

// firstOther is first for the runes from rootRunes up; it stays a call,
// so that first is inlined.
//
//go:noinline
func (t *trie) firstOther(r rune) int32 { return t.next(0, r) }

// next returns the child of node n for rune r, or 0. It is small enough
// to be inlined in the walk, where most steps end at the mask.
func (t *trie) next(n int32, r rune) int32 {
	if t.nodes[n].mask&(1<<(uint32(r)&63)) == 0 {
		return 0
	}
	return t.edge(n, r)
}

// class returns the classes of the word that ends at node n.
func (t *trie) class(n int32) uint32 { return t.nodes[n].class }

// edge returns the child of node n for rune r from the hash table, or 0.
// It stays a call, so that next is inlined.
//
//go:noinline
func (t *trie) edge(n int32, r rune) int32 {
	return probe(t.edges, uint32(len(t.edges)-1), n, r)
}

// words lists in ms the words of t found at each position of rs, by start
// and, at one start, shortest first, and sets first[i] to the index in ms
// of the first word starting at i (first[len(rs)] to the end). It writes
// into ms as it is, without growing it, and reports false when ms is too
// short. The loop, done at every rune, makes no call, not even to grow
// ms: a call would cost every step the reload of its variables. For the
// same reason it keeps no variable it can do without: the table of root
// runes and the table of edges are read from t where a step needs them,
// the mask of the table of edges taken from its length.
func (t *trie) words(rs []rune, ms []wordAt, first []int32) ([]wordAt, bool) {
	nodes := t.nodes
	first = first[:len(rs)+1]
	n := 0
	for i, r := range rs {
		first[i] = int32(n)
		var cur int32
		if uint32(r) < rootRunes {
			cur = t.root[r]
		} else if nodes[0].mask&(1<<(uint32(r)&63)) != 0 {
			cur = probe(t.edges, uint32(len(t.edges)-1), 0, r)
		}
		if cur == 0 {
			// Most positions start no word: they leave at once,
			// before the walk's loop and its setup.
			continue
		}
		for j := i + 1; cur != 0; j++ {
			nd := &nodes[cur]
			if nd.class != 0 {
				if n >= len(ms) {
					return ms, false
				}
				ms[n] = wordAt{int32(i), int32(j), nd.class}
				n++
			}
			if j >= len(rs) {
				break
			}
			r := rs[j]
			if nd.mask&(1<<(uint32(r)&63)) == 0 {
				break
			}
			cur = probe(t.edges, uint32(len(t.edges)-1), cur, r)
		}
	}
	first[len(rs)] = int32(n)
	return ms[:n], true
}

// appendWords appends to ms the words of t found at each position of rs,
// by start and, at one start, shortest first, as words lists them. It
// reads no table of root runes: the tries without one (finder.extra) are
// small and read few texts.
func (t *trie) appendWords(ms []wordAt, rs []rune) []wordAt {
	for i := range rs {
		cur := int32(0)
		for j := i; j < len(rs); j++ {
			if cur = t.next(cur, rs[j]); cur == 0 {
				break
			}
			if c := t.class(cur); c != 0 {
				ms = append(ms, wordAt{int32(i), int32(j + 1), c})
			}
		}
	}
	return ms
}

// probe returns the child of node n for rune r from the table of edges,
// or 0; wrap is len(edges)-1. It is small enough to be inlined.
func probe(edges []edge, wrap uint32, n int32, r rune) int32 {
	h := edgeSlot(n, r) & wrap
	for edges[h].child != 0 && (edges[h].node != n || edges[h].r != r) {
		h = (h + 1) & wrap
	}
	return edges[h].child
}

// endsIn returns the classes of the words that may end in r: exactly
// those for a Han character, all for any other rune.
func (t *trie) endsIn(r rune) uint32 {
	if h := uint32(r - hanLo); h <= hanHi-hanLo {
		return t.last[h]
	}
	return ^uint32(0)
}

// edgeSlot returns the hash of an edge, whose low bits are its first slot.
func edgeSlot(n int32, r rune) uint32 {
	return (uint32(n)*0x9E3779B1 ^ uint32(r)) * 0x85EBCA6B >> 7
}

// newTrie returns a trie without words and without a table of last
// characters (withLast adds one).
func newTrie() *trie {
	return &trie{
		nodes: make([]node, 1, 1024),
		edges: make([]edge, 1024),
		root:  new([rootRunes]int32),
	}
}

// withLast gives t, still without words, the table of the classes of
// the words ending in each character that endsIn reads, and returns t.
func (t *trie) withLast() *trie {
	t.last = make([]uint32, hanHi-hanLo+1)
	return t
}

// clone returns a copy of t, to which words can be added without
// changing t, with room for room more nodes: a finder's clone takes its
// known names into arrays sized for them once, where growing them name
// by name allocated them, and laid the edges out, again and again. The
// copy has no table of last characters (endsIn).
func (t *trie) clone(room int) *trie {
	root := *t.root
	c := &trie{nodes: make([]node, len(t.nodes), len(t.nodes)+room), root: &root}
	copy(c.nodes, t.nodes)
	size := len(t.edges)
	for 2*cap(c.nodes) > size {
		size *= 2
	}
	if size == len(t.edges) {
		c.edges = slices.Clone(t.edges)
	} else {
		c.edges = t.edges
		c.rehash(size)
	}
	return c
}

// add adds word (folded, without spaces) with the given classes.
func (t *trie) add(word string, class uint32) {
	n, last := int32(0), rune(-1)
	for _, r := range word {
		r = fold(r)
		c := t.next(n, r)
		if c == 0 {
			c = t.addChild(n, r)
		}
		n, last = c, r
	}
	if n == 0 {
		return
	}
	t.nodes[n].class |= class
	if h := uint32(last - hanLo); h <= hanHi-hanLo && t.last != nil {
		t.last[h] |= class
	}
}

// addChild adds a child of node n for rune r and returns it.
func (t *trie) addChild(n int32, r rune) int32 {
	c := int32(len(t.nodes))
	t.nodes = append(t.nodes, node{})
	t.nodes[n].mask |= 1 << (uint32(r) & 63)
	if n == 0 && r >= 0 && r < rootRunes && t.root != nil {
		t.root[r] = c
	}
	if 2*len(t.nodes) > len(t.edges) {
		t.rehash(2 * len(t.edges))
	}
	t.putEdge(edge{n, r, c})
	return c
}

// putEdge puts e in the first free slot from its hash.
func (t *trie) putEdge(e edge) {
	wrap := uint32(len(t.edges) - 1)
	h := edgeSlot(e.node, e.r) & wrap
	for t.edges[h].child != 0 {
		h = (h + 1) & wrap
	}
	t.edges[h] = e
}

// rehash lays the edges out in a table of size slots, a power of two.
func (t *trie) rehash(size int) {
	old := t.edges
	t.edges = make([]edge, size)
	for _, e := range old {
		if e.child != 0 {
			t.putEdge(e)
		}
	}
}

// addSections adds the words of the lexicon's sections with their
// classes, section by section in the order of their names: the nodes are
// then numbered, and the edges hashed, the same in every run.
func (t *trie) addSections(classes map[string]uint32) {
	for _, section := range slices.Sorted(maps.Keys(classes)) {
		for _, w := range lex.words[section] {
			t.add(w, classes[section])
		}
	}
}

// hanSet is a set of characters of the CJK block, a bit each.
type hanSet [(hanHi - hanLo + 64) / 64]uint64

// hanSetOf returns the set of the characters of the lexicon's section,
// whose words are single characters of the CJK block (TestHanSets).
func hanSetOf(section string) *hanSet {
	set := new(hanSet)
	for _, w := range lex.words[section] {
		if r, size := utf8.DecodeRuneInString(w); size == len(w) && r >= hanLo && r <= hanHi {
			set[(r-hanLo)>>6] |= 1 << ((r - hanLo) & 63)
		}
	}
	return set
}

// has reports whether r is in set.
func (set *hanSet) has(r rune) bool {
	h := uint32(r - hanLo)
	return h <= hanHi-hanLo && set[h>>6]&(1<<(h&63)) != 0
}

// The single-character surnames (王, 马) and the measure words written
// after a number (26家, 3所).
var surnames, counters = hanSetOf("surname"), hanSetOf("counter")

// fold maps full-width ASCII forms to ASCII, so that （武威） and (武威)
// match the same words.
func fold(r rune) rune {
	if r == '\u3000' {
		return ' '
	}
	return textnorm.FoldWidth(r)
}
