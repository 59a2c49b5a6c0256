package places

import (
	"strings"
	"testing"

	"github.com/yearbookkg/kg/loaders/segment"
)

// TestWordAt checks the walk of a word's occurrences over the yearbook's
// passages against strings.HasPrefix at each byte and strings.Count in
// each passage:
// every occurrence (overlapping ones too) for wordAt, the counts for
// wordCount, and the first for firstMention; with Han words, a word that
// overlaps itself, ASCII, a word that is not valid UTF-8 and "".
func TestWordAt(t *testing.T) {
	d := yearbookDoc(t)
	b := newBuilder(d, "y", d.Running())
	for _, w := range []string{"武威市", "甘肃省", "古浪县", "县", "哈哈", "。。", "2023", "a", "\xe6", "", "不在书中的词"} {
		var want [][2]int
		count := 0
		for k, p := range b.texts {
			for i := range len(p.Text) + 1 {
				if strings.HasPrefix(p.Text[i:], w) {
					want = append(want, [2]int{k, i})
				}
			}
			count += strings.Count(p.Text, w)
		}
		var got [][2]int
		for k, i := range b.wordAt(w) {
			got = append(got, [2]int{k, i})
		}
		if len(got) != len(want) {
			t.Fatalf("wordAt(%q): %d occurrences, want %d", w, len(got), len(want))
		}
		for j := range want {
			if got[j] != want[j] {
				t.Fatalf("wordAt(%q): occurrence %d at %v, want %v", w, j, got[j], want[j])
			}
		}
		if n := b.wordCount(w); n != count {
			t.Errorf("wordCount(%q) = %d, want %d", w, n, count)
		}
		src := b.firstMention(w)
		if len(want) > 0 && src != b.src(b.texts[want[0][0]], want[0][1]) || len(want) == 0 && src.Line != 0 {
			t.Errorf("firstMention(%q) = %+v", w, src)
		}
	}
}

// TestPlacedIn checks placedIn on a fixture, and against a search of
// each passage for each sentence on the fixture and the yearbook: the
// first passage that holds any of the sentences, and in it the first
// occurrence of the first sentence it holds, though another sentence
// occurs before it.
func TestPlacedIn(t *testing.T) {
	fixture, err := segment.ReadFile("testdata/placed-in.txt")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		sentences []string
		passage   int    // the passage of the fixture found, -1 for none
		want      string // the sentence found there
	}{
		{[]string{"武威市地处甘肃省", "武威市位于甘肃省"}, 1, "武威市地处甘肃省"},
		{[]string{"武威市位于甘肃省", "武威市地处甘肃省"}, 1, "武威市位于甘肃省"},
		{[]string{"武威市位于河西走廊", "武威市地处甘肃省"}, 1, "武威市地处甘肃省"},
		{[]string{"武威市地处甘肃省交通"}, 2, "武威市地处甘肃省交通"},
		{[]string{"武威市位于青海省", "武威市地处青海省"}, -1, ""},
		{nil, -1, ""},
	}
	b := newBuilder(fixture, "y", fixture.Running())
	for _, c := range cases {
		k, i := b.placedIn("武威市", c.sentences...)
		if k != c.passage || k >= 0 && !strings.HasPrefix(b.texts[k].Text[i:], c.want) {
			t.Errorf("placedIn(%q) = passage %d, byte %d, want %q in passage %d", c.sentences, k, i, c.want, c.passage)
		}
	}
	more := [][]string{{"武威市位于", "武威市地处"}, {"武威市委", "武威市位于", "武威市"}}
	for _, c := range cases {
		more = append(more, c.sentences)
	}
	yearbook := yearbookDoc(t)
	for name, d := range map[string]*segment.Document{"fixture": fixture, "yearbook": yearbook} {
		b := newBuilder(d, "y", d.Running())
		for _, sentences := range more {
			k, i := b.placedIn("武威市", sentences...)
			if wk, wi := searchPlacedIn(b, sentences); k != wk || i != wi {
				t.Errorf("%s: placedIn(%q) = %d, %d, want %d, %d", name, sentences, k, i, wk, wi)
			}
		}
	}
}

// searchPlacedIn is placedIn by a search of each passage for each
// sentence.
func searchPlacedIn(b *builder, sentences []string) (k, i int) {
	for k, p := range b.texts {
		for _, w := range sentences {
			if i := strings.Index(p.Text, w); i >= 0 {
				return k, i
			}
		}
	}
	return -1, -1
}
