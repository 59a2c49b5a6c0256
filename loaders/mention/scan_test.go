package mention

import (
	"maps"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yearbookkg/kg"
)

// TestScanDecode checks that newScan reads the runes and offsets a range
// loop over the text gives, on the lines of the vendored yearbook and on
// broken and edge-of-range UTF-8.
func TestScanDecode(t *testing.T) {
	texts := []string{"", "a", "中", "\xe4\xb8", "\xe0\xa0\x80", "\xe0\x80\x80", "\xed\x9f\xbf", "\xed\xa0\x80", "\xef\xbf\xbf", "\xe1\x80", "中\xff文", "\U0001F600", "ＡＢ\u3000c", "\xf0\x9f\x98", "x\xe5\x85"}
	if b, err := os.ReadFile("../../data/wuwei-2024.txt"); err == nil {
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	f := NewFinder(nil, "").(*finder)
	for _, text := range texts {
		var rs []rune
		var off []int
		for i, r := range text {
			rs = append(rs, fold(r))
			off = append(off, i)
		}
		off = append(off, len(text))
		s := newScan(f, text)
		if !slices.Equal(s.rs, rs) || !slices.Equal(s.off, off) {
			t.Fatalf("newScan(%q): runes %q at %v, want %q at %v", text, s.rs, s.off, rs, off)
		}
		s.release()
	}
}

// trieWords returns the words of a trie, with their classes.
func trieWords(t *trie) map[string]uint32 {
	children := map[int32][]edge{}
	for _, e := range t.edges {
		if e.child != 0 {
			children[e.node] = append(children[e.node], e)
		}
	}
	out := map[string]uint32{}
	var walk func(n int32, prefix []rune)
	walk = func(n int32, prefix []rune) {
		if c := t.class(n); c != 0 {
			out[string(prefix)] = c
		}
		for _, e := range children[n] {
			walk(e.child, append(prefix[:len(prefix):len(prefix)], e.r))
		}
	}
	walk(0, nil)
	return out
}

// TestTrieClone checks that words added to clones of a trie stay in the
// clone they were added to.
func TestTrieClone(t *testing.T) {
	base := newTrie()
	base.add("武威", 1)
	base.add("武汉", 2)
	base.add("凉州", 1)
	// Enough children under 武 that their arrays have room to grow in
	// place, where two clones would write over each other.
	for _, w := range []string{"武a", "武b", "武c", "武d", "武e"} {
		base.add(w, 1)
	}
	a := base.clone(0)
	a.add("武f", 1)
	a.add("武都", 4)
	a.add("武威市", 8)
	a.add("武威", 16)
	b := base.clone(0)
	b.add("武g", 1)
	b.add("武山", 32)
	b.add("凉", 64)
	want := map[string]map[string]uint32{
		"base": {"武威": 1, "武汉": 2, "凉州": 1, "武a": 1, "武b": 1, "武c": 1, "武d": 1, "武e": 1},
		"a":    {"武威": 17, "武汉": 2, "凉州": 1, "武a": 1, "武b": 1, "武c": 1, "武d": 1, "武e": 1, "武f": 1, "武都": 4, "武威市": 8},
		"b":    {"武威": 1, "武汉": 2, "凉州": 1, "武a": 1, "武b": 1, "武c": 1, "武d": 1, "武e": 1, "武g": 1, "武山": 32, "凉": 64},
	}
	for name, tr := range map[string]*trie{"base": base, "a": a, "b": b} {
		if got := trieWords(tr); !maps.Equal(got, want[name]) {
			t.Errorf("%s holds %v, want %v", name, got, want[name])
		}
	}
	// The clones find their own words only.
	if n := a.first('武'); n == 0 || a.class(a.next(n, '都')) != 4 {
		t.Error("clone a does not find 武都")
	}
	if fresh := base.clone(0); fresh.next(fresh.first('武'), '都') != 0 {
		t.Error("a fresh clone of base finds 武都, added to another clone")
	}
}

// TestTrieCloneRoom checks that a clone with room for the runes of the
// words added to it takes them without growing its arrays.
func TestTrieCloneRoom(t *testing.T) {
	base := newTrie()
	base.add("武威", 1)
	words := []string{"凉州区", "古浪县", "民勤", "天祝藏族自治县"}
	room := 0
	for _, w := range words {
		room += utf8.RuneCountInString(w)
	}
	for range 600 { // more nodes than the base's table of edges has room for
		room++
		words = append(words, string(rune('一'+room)))
	}
	c := base.clone(room)
	nodes, edges := &c.nodes[:cap(c.nodes)][0], &c.edges[0]
	for _, w := range words {
		c.add(w, 2)
	}
	if &c.nodes[0] != nodes || &c.edges[0] != edges {
		t.Error("the clone grew its arrays for words it had room for")
	}
	if got := trieWords(c); len(got) != len(words)+1 || got["武威"] != 1 || got["天祝藏族自治县"] != 2 {
		t.Errorf("the clone holds %v", got)
	}
}

// TestTrieGrows checks that a trie keeps every word when its table of
// edges is laid out again for more nodes than it had room for.
func TestTrieGrows(t *testing.T) {
	tr := newTrie()
	want := map[string]uint32{}
	for i := range 3000 {
		w := string([]rune{'市' + rune(i%50), '区' + rune(i/50), 'a' + rune(i%7)})
		c := uint32(1) << (i % 5)
		tr.add(w, c)
		want[w] |= c
	}
	if len(tr.edges) < 2*len(tr.nodes) {
		t.Errorf("%d slots for %d nodes: more than half used", len(tr.edges), len(tr.nodes))
	}
	if got := trieWords(tr); !maps.Equal(got, want) {
		t.Errorf("the trie holds %d words, want %d", len(got), len(want))
	}
}

// TestTermIndex checks termIndex against the regexp it reads by hand, on
// the lines of the vendored yearbook and on edge cases.
func TestTermIndex(t *testing.T) {
	re := regexp.MustCompile(`第?[一二三四五六七八九十百零0-9]+届`)
	texts := []string{"", "届", "第届", "第第五届", "五届", "市五届人大", "第12届会", "第五", "十二届第三届", "第x五届", "\xff五届"}
	if b, err := os.ReadFile("../../data/wuwei-2024.txt"); err == nil {
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	for _, text := range texts {
		want := []int{-1, -1}
		if loc := re.FindStringIndex(text); loc != nil {
			want = loc
		}
		if a, b := termIndex(text); a != want[0] || b != want[1] {
			t.Fatalf("termIndex(%q) = %d, %d, want %v", text, a, b, want)
		}
	}
}

// TestExtraTrie checks that a finder keeping its known names in a trie of
// their own (finder.extra) finds what one keeping them in a clone of the
// lexicon's trie finds, on the lines of the vendored yearbook.
func TestExtraTrie(t *testing.T) {
	texts := []string{"单体投资百亿元的黄羊抽水蓄能电站项目顺利开工建设。", "市委书记柳鹏到凉州区调研"}
	if b, err := os.ReadFile("../../data/wuwei-2024.txt"); err == nil {
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	known := []Name{
		{Kind: kg.Place, Name: "黄羊镇"}, {Kind: kg.Place, Name: "凉州区"}, {Kind: kg.Place, Name: "古浪县"},
		{Kind: kg.Person, Name: "柳鹏"}, {Kind: kg.Organization, Name: "武威市融媒体中心", Aliases: []string{"市融媒体中心"}},
	}
	extra, clone := newFinder(known, "武威", 64, true), newFinder(known, "武威", 64, false)
	if extra.extra == nil || clone.extra != nil {
		t.Fatal("newFinder did not keep the names as asked")
	}
	for _, text := range texts {
		if a, b := extra.Find(text), clone.Find(text); !reflect.DeepEqual(a, b) {
			t.Fatalf("Find(%q): %v with a trie of known names, %v with a clone", text, a, b)
		}
	}
}
