package places

import (
	"strings"
	"testing"
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
