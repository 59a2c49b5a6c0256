package places

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yearbookkg/kg/loaders/decode"
	"github.com/yearbookkg/kg/loaders/segment"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// indexCases are texts for the rune index: Chinese, ASCII between runes,
// runes of two and four bytes, U+FFFF, and broken UTF-8 (invalid bytes,
// an entry a byte, before a run of runes of three bytes use up the room
// indexRunes first makes).
var indexCases = []string{
	"", "a", "古浪县", "，西渠镇北沟村。", "a古b浪c", "é古ü", "𠀀古𠀁浪", "\uffff古", "古\xe5\x8e", "\xe5古\x80\x80浪", "(民勤县)收成镇", "县\xff", "甲。乙；丙！丁？", "。", "a。b", "\xe3\x80。\x82",
	"\xff\xff\xff\xff\xff\xff\xff古浪县民勤", "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff",
}

// TestRuneIndex checks the index against a left to right decoding of each
// case and of the yearbook's first passages: its entries, ix.rune,
// ix.before (the rune the decoding read last), the pairs (with runeAt),
// hanAfterBoundary and townStarts.
func TestRuneIndex(t *testing.T) {
	for _, text := range append(slices.Clone(indexCases), yearbookPassages(t, 300)...) {
		ix := indexRunes(text, &indexArrays{})
		starts := slices.Collect(ix.townStarts())
		if !slices.IsSorted(starts) || len(slices.Compact(slices.Clone(starts))) != len(starts) {
			t.Fatalf("%q: townStarts yields %v", text, starts)
		}
		k := 0
		prev := rune(0)
		for i := 0; i < len(text); {
			r, size := textnorm.DecodeRuneAt(text, i)
			before := prev
			if before < 0 {
				before = runeBefore(text, i)
			}
			prev = r
			if r == utf8.RuneError && size == 1 {
				prev = -1
			}
			if r < utf8.RuneSelf {
				i += size
				continue
			}
			if k >= len(ix.ents) || int(ix.ents[k].off) != i {
				t.Fatalf("%q: entry %d is not at byte %d", text, k, i)
			}
			if got, gotSize := ix.rune(text, k); got != r || gotSize != size {
				t.Fatalf("%q: rune(%d) = %U, %d, want %U, %d", text, k, got, gotSize, r, size)
			}
			if got := ix.before(text, k); got != before {
				t.Fatalf("%q: before(%d) = %U, want %U", text, k, got, before)
			}
			if got, want := ix.hanAfterBoundary(text, k), textnorm.IsHan(r) && boundary(before); got != want {
				t.Fatalf("%q: hanAfterBoundary(%d) = %v", text, k, got)
			}
			if ix.afterHan(k) && boundary(before) {
				t.Fatalf("%q: afterHan(%d) after a boundary", text, k)
			}
			if _, _, _, ok := townAfter(text, i, 3); ok && !slices.Contains(starts, k) {
				t.Fatalf("%q: townStarts misses the town at entry %d", text, k)
			}
			k++
			i += size
		}
		if k != len(ix.ents) {
			t.Fatalf("%q: %d entries, want %d", text, len(ix.ents), k)
		}
		if ix.valid != utf8.ValidString(text) {
			t.Fatalf("%q: valid = %v", text, ix.valid)
		}
	}
}

// TestScanIndexed checks scanIndexed against scanInto, and allIndexed
// against all, with the gazetteer and forms of the yearbook.
func TestScanIndexed(t *testing.T) {
	d := yearbookDoc(t)
	b := newBuilder(d, "y", d.Running())
	b.admin()
	b.discoverTowns()
	z := b.finder(true)
	set := newFormSet(append([]string{"→", "河流域", "县", "a"}, b.prefixForms().forms...))
	texts := slices.Clone(indexCases)
	for _, p := range b.texts {
		texts = append(texts, p.Text)
	}
	for _, text := range texts {
		ix := indexRunes(text, &indexArrays{})
		if got, want := z.scanIndexed(nil, text, &ix), z.scanInto(nil, text); !slices.Equal(got, want) {
			t.Fatalf("%q: scanIndexed = %v, want %v", text, got, want)
		}
		got, want := set.allIndexed(text, &ix), set.all(text)
		for j := range want {
			if !slices.Equal(got[j], want[j]) {
				t.Fatalf("%q: allIndexed finds %q at %v, want %v", text, set.forms[j], got[j], want[j])
			}
		}
	}
}

// yearbookDoc parses the yearbook.
func yearbookDoc(t *testing.T) *segment.Document {
	lines, _, err := decode.Lines("wuwei-2024.txt", []byte(yearbookText(t)))
	if err != nil {
		t.Fatal(err)
	}
	return segment.Parse("wuwei-2024.txt", lines)
}

// yearbookPassages returns the text of the first n passages of the
// yearbook's running text.
func yearbookPassages(t *testing.T, n int) []string {
	var out []string
	for _, st := range yearbookDoc(t).Running() {
		if len(out) == n {
			break
		}
		out = append(out, st.Text)
	}
	return out
}

// TestWordSet checks wordSet.in against containsAny on runs of 1 to 18
// bytes of the yearbook's first passages, for each list, and on lists
// with broken and empty words.
func TestWordSet(t *testing.T) {
	lists := [][]string{townStop, countyStop, orgVerbs, villageStop, genericSite, prefixStop,
		{"\x8e\xbf", "古"}, {"\xe5\x8e"}, {""}, {"a", "县"}, nil}
	texts := append(slices.Clone(indexCases), "县", "\xe5\x8e", "a县")
	for _, p := range yearbookPassages(t, 40) {
		for i := range p {
			for n := 1; n <= 18 && i+n <= len(p) && len(texts) < 50000; n++ {
				texts = append(texts, p[i:i+n])
			}
		}
	}
	for _, words := range lists {
		ws := newWordSet(words)
		for _, s := range texts {
			if ws.in(s) != textnorm.ContainsAny(s, words...) {
				t.Fatalf("in(%q) with %q = %v", s, words, ws.in(s))
			}
		}
	}
}

// TestEntryLists checks the book's grouped index on the yearbook's
// passages and the index cases, indexed as one book: each passage's part
// of the entries of a set of runes against a filter of its entries,
// contains against strings.Contains, and gallop against a linear count.
func TestEntryLists(t *testing.T) {
	texts := append(slices.Clone(indexCases), yearbookPassages(t, 400)...)
	a := &indexArrays{}
	ixs := make([]runeIndex, len(texts))
	for k, text := range texts {
		ixs[k] = indexRunes(text, a)
	}
	var set runeSet
	for _, r := range "县镇村古浪《》\uffff" {
		set.add(r)
	}
	var l entryList
	for k, text := range texts {
		ix := &ixs[k]
		var want []int32
		for j, e := range ix.ents {
			if set.has(e.r()) {
				want = append(want, int32(ix.base+j))
			}
		}
		if got := l.part(ix, &set, nil); !slices.Equal(got, want) {
			t.Fatalf("%q: part = %v, want %v", text, got, want)
		}
		for _, w := range []string{"县", "村", "社区", "语称", "古浪县", "\uffff"} {
			if got := ix.contains(text, w); got != strings.Contains(text, w) {
				t.Fatalf("%q: contains(%q) = %v", text, w, got)
			}
		}
	}
	list := []int32{1, 3, 3, 7, 9, 20, 21, 40}
	for x := int32(0); x <= 41; x++ {
		want := 0
		for _, v := range list {
			if v < x {
				want++
			}
		}
		if got := gallop(list, x); got != want {
			t.Fatalf("gallop(%d) = %d, want %d", x, got, want)
		}
	}
}

// TestLastRune checks lastRune against utf8.DecodeLastRuneInString on
// runes of every length, invalid bytes and cut runes.
func TestLastRune(t *testing.T) {
	for _, s := range []string{
		"", "a", "武", "武威", "a武", "é", "𠀀", "武𠀀", "\u0800", "\uFFFF",
		"\xe6\xad", "\xad\xa6", "\xed\xa0\x80", "\xe0\x80\x80", "\xe6\x80\x80",
		"\xe6\xad\xa6\x80", "\xf0\xe6\xad\xa6", "武\xc0",
	} {
		want, _ := utf8.DecodeLastRuneInString(s)
		if got := lastRune(s); got != want {
			t.Errorf("lastRune(%q) = %U, want %U", s, got, want)
		}
	}
}

// TestIndexAfterLists checks the lists by rune of a book indexed in two
// steps, lists asked for between them (indexRunes undoes the sort): each
// rune's list against a filter of the entries, in book order.
func TestIndexAfterLists(t *testing.T) {
	texts := append(slices.Clone(indexCases), yearbookPassages(t, 40)...)
	a := &indexArrays{}
	for k, text := range texts {
		indexRunes(text, a)
		if k != len(indexCases)-1 && k != len(texts)-1 {
			continue
		}
		for _, c := range []uint16{0, 'é', '古', '县', '，', noRune} {
			var want []int32
			for j, e := range a.ents {
				if e.r() == c {
					want = append(want, int32(j))
				}
			}
			var got []int32
			for _, e := range a.ofRune(c) {
				if a.ents[e.k].rh != e.rh {
					t.Fatalf("entry %d of rune %U: rh %x, want %x", e.k, c, e.rh, a.ents[e.k].rh)
				}
				got = append(got, e.k)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("after %d texts: ofRune(%U) = %v, want %v", k+1, c, got, want)
			}
		}
	}
}
