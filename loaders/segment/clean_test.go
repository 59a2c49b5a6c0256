package segment

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yearbookkg/kg/loaders/textnorm"
)

// sampleLines returns every line of the vendored yearbook and of the
// fixtures, and a few made-up ones around the regexps' edges.
func sampleLines(t *testing.T) []string {
	lines := []string{"", " ", "\xe3\x80", "\u3000\xe3\x80", "\xe3\x80\u3000", "\u3000\u2002 \t", " 中 国 共 产 党 武 威 市 委 员 会中 国 共 产 党 武 威 市 委 员 会", " 专  记专  记", "法 　 治法 　 治", "ＡＢＡＢ", "AＢAB", "哈哈", "\uFFFD哈\uFFFD哈", "ab\xffab", strings.Repeat("长", 300), "2023年", "2023 年", "2023  年", "2023\t年", "20233年", "1999年2000年", "202年", "12023年x2024 年", "2023", "２０２３年", "年", " 年", "年2023年", "2023年年", "2023\f年", "2023\v年", "2023\n年", "19 99年", "1999 年2000  年",
		"【概况】", " 【概况】", "  【概况】", "\t【", "（市委组织部）", " （市委组织部）  ", "[作者]", "（未闭合的作者行", "（a（b）c）", "（）",
		"武威市", "凉州市市", "市市市", "a武威市", "\xe6武威市", "武\xff威市", "武威", "金昌市永昌县", "x市"}
	for _, f := range fixtureFiles() {
		if b, err := os.ReadFile(f); err == nil {
			lines = append(lines, strings.Split(string(b), "\n")...)
		}
	}
	return lines
}

// eachSample calls check on the sample lines and on every string of up to
// depth of pieces: the edge cases of a shortcut lie in short strings of
// the parts it tests for.
func eachSample(t *testing.T, pieces []string, depth int, check func(string)) {
	t.Helper()
	for _, s := range sampleLines(t) {
		check(s)
	}
	var walk func(s string, d int)
	walk = func(s string, d int) {
		check(s)
		if d < depth {
			for _, p := range pieces {
				walk(s+p, d+1)
			}
		}
	}
	walk("", 0)
}

// fixtureFiles returns the fixtures and the vendored yearbook: the
// shortcuts are checked against the code they stand for on all of them.
func fixtureFiles() []string {
	files, _ := filepath.Glob("testdata/*.txt")
	return append(files, "../../data/wuwei-2024.txt")
}

// parsed is a document of fixtureFiles, and bare the same without its
// cleaned text, whose methods then take the walks the cache replaces.
type parsed struct {
	file    string
	d, bare *Document
}

// parseFixtures parses every file of fixtureFiles.
func parseFixtures(t *testing.T) []parsed {
	var out []parsed
	for _, f := range fixtureFiles() {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d := Parse(f, strings.Split(string(b), "\n"))
		bare := *d
		bare.clean, bare.cleanEnd = "", nil
		out = append(out, parsed{f, d, &bare})
	}
	return out
}

// TestRegexpShortcuts checks the hand-written matchers against the regexps
// they stand for, and the prechecks against the regexps they guard.
func TestRegexpShortcuts(t *testing.T) {
	// How often each regexp matched: a check of a shortcut against a
	// regexp that never matches checks little.
	var nYears, nCities, nTopics, nAuthors, nOpen, nDoubled, nHeadings int
	for _, s := range sampleLines(t) {
		var ys []int
		years(s, func(y int) { ys = append(ys, y) })
		var want []int
		for _, m := range reYear.FindAllStringSubmatch(s, -1) {
			y, _ := strconv.Atoi(m[1])
			want = append(want, y)
		}
		if !reflect.DeepEqual(ys, want) {
			t.Fatalf("years(%q) = %v, want %v", s, ys, want)
		}
		nYears += len(want)
		var cs, wantCs []string
		cities(s, func(c string) { cs = append(cs, c) })
		for _, m := range reCity.FindAllStringSubmatch(s, -1) {
			wantCs = append(wantCs, m[1])
		}
		if !reflect.DeepEqual(cs, wantCs) {
			t.Fatalf("cities(%q) = %v, want %v", s, cs, wantCs)
		}
		nCities += len(wantCs)
		if topicStart(s) != reTopicStart.MatchString(s) {
			t.Fatalf("topicStart(%q) = %v", s, topicStart(s))
		}
		if topicStart(s) {
			nTopics++
		}
		if reAuthor.MatchString(s) {
			nAuthors++
			if !mayBeAuthor(s) {
				t.Fatalf("mayBeAuthor(%q) = false, but reAuthor matches", s)
			}
		}
		if reAuthorOpen.MatchString(s) {
			nOpen++
			if !afterSpace(s, "（") {
				t.Fatalf("afterSpace(%q, （) = false, but reAuthorOpen matches", s)
			}
		}
		if _, ok := textnorm.Doubled(s); ok {
			nDoubled++
			if !mayBeDoubled(s) {
				t.Fatalf("mayBeDoubled(%q) = false, but Doubled holds", s)
			}
		}
		if (strings.TrimFunc(s, textnorm.IsSpace) == "") != (strings.TrimRightFunc(s, textnorm.IsSpace) == "") {
			t.Fatalf("blank line %q: TrimFunc and TrimRightFunc disagree", s)
		}
		if headingLike(s) != headingLikeRef(s) {
			t.Fatalf("headingLike(%q) = %v", s, headingLike(s))
		}
		if headingLike(s) {
			nHeadings++
		}
	}
	for name, n := range map[string]int{"reYear": nYears, "reCity": nCities, "reTopicStart": nTopics, "reAuthor": nAuthors, "reAuthorOpen": nOpen, "Doubled": nDoubled, "headingLike": nHeadings} {
		if n == 0 {
			t.Errorf("%s never matched: its shortcut is not checked", name)
		}
	}
}

// headingLikeRef is headingLike as first written.
func headingLikeRef(s string) bool {
	k := textnorm.Key(s)
	n := utf8.RuneCountInString(k)
	if n < 2 || n > 18 || strings.ContainsAny(k, "，。；：,;:！？、”“%") {
		return false
	}
	return textnorm.HanCount(k)*2 >= n
}

// TestPathIndex checks the cached Path against the path built from the
// parts, for every line of the fixtures and of the vendored yearbook and
// for line numbers outside them.
func TestPathIndex(t *testing.T) {
	checked := 0
	for _, pf := range parseFixtures(t) {
		f, d := pf.file, pf.d
		if len(d.pathFrom) == 0 {
			t.Fatalf("%s: no path index", f)
		}
		for n := -1; n <= len(d.Lines)+2; n++ {
			if got, want := d.Path(n), d.path(n); got != want {
				t.Errorf("%s: Path(%d) = %q, want %q", f, n, got, want)
			}
			if d.Path(n) != "" {
				checked++
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d lines have a path: the check checks little", checked)
	}
}

// sentenceByRunes is the specification of Passage.Sentence: a walk over
// the runes either side of off to the nearest sentence ends.
func sentenceByRunes(text string, off int) string {
	isEnd := func(r rune) bool { return r == '。' || r == '；' || r == '！' || r == '？' }
	start := 0
	for i := off; i > 0; {
		r, n := utf8.DecodeLastRuneInString(text[:i])
		if isEnd(r) {
			start = i
			break
		}
		i -= n
	}
	end := len(text)
	for i := off; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		if isEnd(r) {
			end = i
			break
		}
	}
	return text[start:end]
}

// TestSentence holds Passage.Sentence to sentenceByRunes at every byte
// offset of every line of the samples, of joined lines, and of texts with
// broken UTF-8 around the sentence ends.
func TestSentence(t *testing.T) {
	texts := []string{"。", "。。", "a。b；c！d？e", "\x80。", "。\x80", "\xe3。", "\xe3\x80。\x82", "\xef\xbc。\x9b；", "句子。\xbc\x9b后", "？\xef\xbc\x9f！", "无句末"}
	lines := sampleLines(t)
	texts = append(texts, lines...)
	for i := 0; i+5 < len(lines); i += 5 {
		texts = append(texts, strings.Join(lines[i:i+5], ""))
	}
	ends := 0
	for _, s := range texts {
		p := &Passage{Text: s}
		for off := 0; off <= len(s); off++ {
			got, want := p.Sentence(off), sentenceByRunes(s, off)
			if got != want {
				t.Fatalf("Sentence(%q, %d) = %q, want %q", s, off, got, want)
			}
			if want != s {
				ends++
			}
		}
	}
	if ends == 0 {
		t.Error("no sample has a sentence end: the check checks little")
	}
}

// TestCleanLines checks the lines Parse cleans once against cleaning them
// anew, line by line and joined into the passages of every topic and
// section, and CleanLine of a Document built by hand.
func TestCleanLines(t *testing.T) {
	passages := 0
	for _, pf := range parseFixtures(t) {
		f, d, bare := pf.file, pf.d, pf.bare
		if d.cleanEnd == nil {
			t.Fatalf("%s: no cleaned lines", f)
		}
		for n := 1; n <= len(d.Lines); n++ {
			if got, want := d.CleanLine(n), textnorm.Clean(d.Line(n).Text); got != want {
				t.Errorf("%s: CleanLine(%d) = %q, want %q", f, n, got, want)
			}
			if got, want := bare.CleanLine(n), textnorm.Clean(d.Line(n).Text); got != want {
				t.Errorf("%s: CleanLine(%d) without the cache = %q, want %q", f, n, got, want)
			}
		}
		for _, p := range d.Parts {
			for _, s := range p.Sections {
				check := func(got, want *Passage) {
					passages++
					if !reflect.DeepEqual(got, want) {
						t.Errorf("%s: passage at line %d = %+v, want %+v", f, want.Start, got, want)
					}
				}
				check(d.Passage(s.Start, s.End, 0), bare.Passage(s.Start, s.End, 0))
				for _, tp := range s.Topics {
					check(d.TopicText(tp), bare.TopicText(tp))
				}
			}
		}
	}
	if passages < 100 {
		t.Errorf("only %d passages: the check checks little", passages)
	}
}

// The regexps that topicStart, cities and indexEntry stand for, their
// specification; only the tests run them.
var (
	reTopicStart = regexp.MustCompile(`^\s?【`)
	reCity       = regexp.MustCompile(`(\p{Han}{2})市`)
	reIndexEntry = regexp.MustCompile(`^(\S.*?)((?:\x{3000}+\d{1,3}[ab]?)+)\s*$`)
)

// TestPassageSentence holds Sentence of the passages Parse's documents
// build, which search their sentence ends found in advance, to
// sentenceByRunes at the byte offsets of every topic and section text of
// the fixtures and of the vendored yearbook.
func TestPassageSentence(t *testing.T) {
	ends := 0
	for _, pf := range parseFixtures(t) {
		f, d, bare := pf.file, pf.d, pf.bare
		// Every offset of the fixtures; every seventh of the yearbook,
		// which meets every alignment to its three-byte runes.
		step := 1
		if len(d.Lines) > 10000 {
			step = 7
		}
		check := func(p, q *Passage) {
			if p.ends == nil && p.Text != "" {
				t.Fatalf("%s: passage at line %d has no sentence ends", f, p.Start)
			}
			if !slices.Equal(p.ends, q.ends) {
				t.Fatalf("%s: passage at line %d: ends %v, without the cache %v", f, p.Start, p.ends, q.ends)
			}
			ends += len(p.ends)
			for off := 0; off <= len(p.Text); off += step {
				if got, want := p.Sentence(off), sentenceByRunes(p.Text, off); got != want {
					t.Fatalf("%s: Sentence(%d) of the passage at line %d = %q, want %q", f, off, p.Start, got, want)
				}
			}
		}
		for _, p := range d.Parts {
			for _, s := range p.Sections {
				check(d.Passage(s.Start, s.End, 0), bare.Passage(s.Start, s.End, 0))
				for _, tp := range s.Topics {
					check(d.TopicText(tp), bare.TopicText(tp))
					check(d.Passage(tp.Start, tp.End, 1), bare.Passage(tp.Start, tp.End, 1))
				}
			}
		}
	}
	if ends < 1000 {
		t.Errorf("only %d sentence ends: the check checks little", ends)
	}
}

// TestLinesWith holds LinesWith to a search of every line's Text, with
// and without the cleaned text, on the fixtures and the vendored yearbook.
func TestLinesWith(t *testing.T) {
	found := 0
	for _, pf := range parseFixtures(t) {
		f, d, bare := pf.file, pf.d, pf.bare
		for _, r := range "录负。市【（\u3001" {
			var want []int
			for n := 1; n <= len(d.Lines); n++ {
				if strings.ContainsRune(d.Line(n).Text, r) {
					want = append(want, n)
				}
			}
			if got := d.LinesWith(r); !slices.Equal(got, want) {
				t.Fatalf("%s: LinesWith(%q) = %v, want %v", f, r, got, want)
			}
			if got := bare.LinesWith(r); !slices.Equal(got, want) {
				t.Fatalf("%s: LinesWith(%q) without the cleaned text = %v, want %v", f, r, got, want)
			}
			found += len(want)
		}
	}
	if found < 1000 {
		t.Errorf("only %d lines found: the check checks little", found)
	}
}

// TestIndexEntry holds indexEntry to reIndexEntry on the sample lines and
// on made-up entries around its edges.
func TestIndexEntry(t *testing.T) {
	lines := append(sampleLines(t), "大事记\u300045", "大事记\u3000\u300045a\u30007b", "\u3000\u300012", "\u300012", "x\u30001234", "x1\u300012",
		"索引\u3000123\u3000\t", "a\u3000\u30001\u3000", "a\n\u30001", "\t大\u30001", "\xff\u30001", "\u30001\u30002", "ab", "a\u3000b", "a\u30001ab", "名\u3000\u3000\u300012b \r")
	matched := 0
	for _, s := range lines {
		s = strings.TrimLeft(strings.TrimRight(s, " "), " ")
		title, pages, ok := indexEntry(s)
		m := reIndexEntry.FindStringSubmatch(s)
		if ok != (m != nil) || ok && (title != m[1] || pages != m[2]) {
			t.Fatalf("indexEntry(%q) = %q, %q, %v; want %q", s, title, pages, ok, m)
		}
		if ok {
			matched++
		}
	}
	if matched < 100 {
		t.Errorf("only %d entries matched: the check checks little", matched)
	}
}

// TestBannerWord holds bannerWord to strings.TrimSpace on the sample lines
// and on the word among spaces of every kind.
func TestBannerWord(t *testing.T) {
	lines := sampleLines(t)
	for _, sp := range []string{"", " ", "\t", "\v", "\u0085", "\u00a0", "\u1680", "\u2002", "\u205f", "\u3000", "\u3001", "x", "\xe3"} {
		lines = append(lines, sp+"年鉴", "年鉴"+sp, sp+"年鉴"+sp, sp+sp+"年鉴 ", sp+"年鉴x", sp+"年")
	}
	found := 0
	for _, s := range lines {
		if want := strings.TrimSpace(s) == "年鉴"; bannerWord(s) != want {
			t.Fatalf("bannerWord(%q) = %v, want %v", s, bannerWord(s), want)
		} else if want {
			found++
		}
	}
	if found < 10 {
		t.Errorf("only %d banner words: the check checks little", found)
	}
}
