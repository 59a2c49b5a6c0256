package prose

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yearbookkg/kg/loaders/internal/booktest"
	"github.com/yearbookkg/kg/loaders/segment"
)

// TestQuotes holds quotes.sentence to segment.Passage.Sentence on the
// running text of the vendored yearbook, asked at every rune offset in
// order, at every other offset backwards, and on made-up passages with
// broken UTF-8 and marks at either end.
func TestQuotes(t *testing.T) {
	d, err := segment.ReadFile("../../data/wuwei-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	var ps []*segment.Passage
	for _, st := range d.Running() {
		ps = append(ps, st.Passage)
	}
	for _, s := range []string{"", "。", "。。", "a。b；c！d？", "\xe3。", "\xe3\x80。\x82", "\xef\xbc。\x9b；", "。\x80", "无句末", "？\xef\xbc！x"} {
		ps = append(ps, &segment.Passage{Text: s})
	}
	asked := 0
	for _, p := range ps {
		q := &quotes{p: &text{Text: p.Text}}
		for off := 0; off <= len(p.Text); off++ {
			if got, want := q.sentence(off), p.Sentence(off); got != want {
				t.Fatalf("sentence(%d) of %.40q… = %q, want %q (cache %+v)", off, p.Text, got, want, *q)
			}
			asked++
		}
		for off := len(p.Text); off >= 0; off -= 2 {
			if got, want := q.sentence(off), p.Sentence(off); got != want {
				t.Fatalf("sentence(%d) of %.40q… backwards = %q, want %q", off, p.Text, got, want)
			}
		}
	}
	if asked < 100000 {
		t.Errorf("only %d offsets: the check checks little", asked)
	}
}

// TestYears holds years to reYear on every line of the vendored yearbook
// that holds 年, and on made-up ones.
func TestYears(t *testing.T) {
	lines := []string{"", "年", "2023年", "2023 年", "2023  年", "2023\t年", "2023\v年", "1499年", "1500年", "2100年", "20233年", "12023年", "2023年2024年", "2023年2024 年", "１９５０年", "1950年\xff", "199年"}
	for _, l := range booktest.Lines(t) {
		if strings.Contains(l, "年") {
			lines = append(lines, l)
		}
	}
	atoi := func(s string) int { y, _ := strconv.Atoi(s); return y }
	sameAsRegexp(t, "years", lines, reYear, 1000, years, atoi)
}

// reYear is the specification of years; only the tests run it.
var reYear = regexp.MustCompile(`(1[5-9]\d\d|20\d\d)\s?年`)

// TestSentenceEnd holds sentenceEnd to a walk over the runes, from every
// byte of the lines of the vendored yearbook that hold a sentence end,
// and of made-up text with broken UTF-8.
func TestSentenceEnd(t *testing.T) {
	byRunes := func(text string, i int) int {
		for j := i; j < len(text); {
			r, n := utf8.DecodeRuneInString(text[j:])
			j += n
			if r == '。' || r == '；' || r == '！' || r == '？' {
				return j
			}
		}
		return len(text)
	}
	texts := []string{"", "。", "a。b；c！d？", "\xe3。", "\xe3\x80。\x82", "\xef\xbc。\x9b；", "。\x80", "？\xef\xbc！x", "\xe3\x80", "\xef"}
	for _, l := range booktest.Lines(t) {
		if strings.ContainsAny(l, "。；！？") {
			texts = append(texts, l)
		}
	}
	for _, s := range texts {
		for i := 0; i <= len(s); i++ {
			if got, want := sentenceEnd(s, i), byRunes(s, i); got != want {
				t.Fatalf("sentenceEnd(%q, %d) = %d, want %d", s, i, got, want)
			}
		}
	}
}
