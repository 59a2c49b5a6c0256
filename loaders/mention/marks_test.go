package mention

import (
	"testing"
	"unicode/utf8"
)

// TestMarkedWordsHan checks that the words whose first characters
// runeMarks marks start with a character of the CJK block: newScan notes
// only those, and a pass would miss a word starting with any other.
func TestMarkedWordsHan(t *testing.T) {
	for _, section := range []string{"address", "status", "projectstatus"} {
		for _, w := range lex.words[section] {
			if r, _ := utf8.DecodeRuneInString(w); r < hanLo || r > hanHi {
				t.Errorf("[%s] %s starts with %q, outside the CJK block", section, w, r)
			}
		}
	}
}

// TestMarked checks that newScan notes the positions of the marked
// characters, and of no other.
func TestMarked(t *testing.T) {
	f := NewFinder(nil, "").(*finder)
	s := newScan(f, "ＡＢ王国斌同志任市长，项目建成。")
	defer s.release()
	var want []int32
	for p, r := range s.rs {
		if r >= hanLo && r <= hanHi && runeMarks[r-hanLo] != 0 {
			want = append(want, int32(p))
		}
	}
	if len(want) < 3 || len(s.marked) != len(want) {
		t.Fatalf("marked %v, want %v", s.marked, want)
	}
	for k := range want {
		if s.marked[k] != want[k] {
			t.Fatalf("marked %v, want %v", s.marked, want)
		}
	}
}

// TestHanWordSets checks that the sections whose words scan.written looks
// up hold Han words only: for them the written text and the folded runes
// are one.
func TestHanWordSets(t *testing.T) {
	for _, section := range []string{"party", "governing", "ward", "dept", "taskbody", "taskverb", "org", "clinic", "title"} {
		for _, w := range lex.words[section] {
			for _, r := range w {
				if !isHan(r) {
					t.Errorf("[%s] %s holds %q, which is no Han character", section, w, r)
				}
			}
		}
	}
}
