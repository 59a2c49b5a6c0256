package mention

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yearbookkg/kg"
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

// TestScanIndexes checks what newScan notes for the passes against the
// words it found: the classes starting at each position, the ends of
// titles and of organization and project suffixes (and of 路), and the
// known names and prefixes, on the lines of the vendored yearbook.
func TestScanIndexes(t *testing.T) {
	texts := []string{"", "市委书记柳鹏主持会议", "古浪县十条路（十八里堡至小山子段）建成通车"}
	if b, err := os.ReadFile("../../data/wuwei-2024.txt"); err == nil {
		texts = append(texts, strings.Split(string(b), "\n")...)
	}
	f := NewFinder([]Name{{Kind: kg.Person, Name: "柳鹏"}, {Kind: kg.Organization, Name: "武威市融媒体中心"}}, "武威").(*finder)
	for _, text := range texts {
		s := newScan(f, text)
		startAt := make([]uint32, len(s.rs))
		var ends []int32
		var named []wordAt
		for _, w := range s.ms {
			startAt[w.i] |= w.class
			if w.class&endClasses != 0 {
				ends = append(ends, w.j)
			}
			if w.class&namedClasses != 0 {
				named = append(named, w)
			}
		}
		for p, r := range s.rs {
			if r == '路' {
				ends = append(ends, int32(p+1))
			}
		}
		slices.Sort(ends)
		ends = slices.Compact(ends)
		if !slices.Equal(s.startAt, startAt) || !slices.Equal(s.ends, ends) || !slices.Equal(s.named, named) {
			t.Fatalf("newScan(%q): starts %v ends %v named %v, want %v, %v, %v", text, s.startAt, s.ends, s.named, startAt, ends, named)
		}
		s.release()
	}
}

// TestHanSets checks that the sections read as sets of characters
// (hanSetOf) hold single characters of the CJK block only: a longer word,
// or another character, would be lost from the set.
func TestHanSets(t *testing.T) {
	for _, section := range []string{"surname", "counter"} {
		if len(lex.words[section]) == 0 {
			t.Errorf("[%s] is empty", section)
		}
		for _, w := range lex.words[section] {
			if r, size := utf8.DecodeRuneInString(w); size != len(w) || r < hanLo || r > hanHi {
				t.Errorf("[%s] %q is not one character of the CJK block", section, w)
			}
		}
	}
	if !surnames.has('王') || surnames.has('的') || !counters.has('家') || counters.has('的') {
		t.Error("the sets do not hold what their sections list")
	}
}
