package honors

import (
	"github.com/yearbookkg/kg/loaders/textnorm"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/yearbookkg/kg/loaders/internal/booktest"
)

// texts returns the vendored yearbook's lines and a few hand-made cases.
func texts(t *testing.T) []string {
	out := []string{"", "荣获得", "被评为“先进”", "授予授予", "命名为命名", "\xe8授予", "获\xff得", "荣获“A”、“B”称号。", "评为评",
		// Broken characters around the words, for the steps over whole runes.
		"\xe8\xaf授予", "授\x8e\x88予获得", "\xe6\x8e授予", "a\xe8\xaf\x84为评为", "\xef\xbf被评为", "中\xe8中评为"}
	if b, err := os.ReadFile("../../data/wuwei-2024.txt"); err == nil {
		out = append(out, string(b))
		out = append(out, strings.Split(string(b), "\n")...)
	}
	return out
}

// TestAwardVerbs checks awardVerbs against the regexp it replaces.
func TestAwardVerbs(t *testing.T) {
	found := 0
	for _, s := range texts(t) {
		got, want := awardVerbs(s), reAward.FindAllStringIndex(s, -1)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("awardVerbs(%q) = %v, want %v", s[:min(len(s), 200)], got, want)
		}
		found += len(want)
	}
	if found < 100 {
		t.Errorf("only %d award verbs: the yearbook was not read, and the check checks little", found)
	}
}

// TestAwardLeads checks that awardVerbs compares at the first character
// of every word.
func TestAwardLeads(t *testing.T) {
	firsts := map[uint32]bool{first授: true, first评: true, first荣: true, first获: true, first命: true}
	for _, w := range awardWords {
		if k := uint32(w[0])<<16 | uint32(w[1])<<8 | uint32(w[2]); !firsts[k] {
			t.Errorf("%s starts with %#x, not one of the first characters awardVerbs knows", w, k)
		}
	}
}

// TestVerbMin checks that verbMin is the length of the shortest verb,
// which verbAt's windows must not be longer than.
func TestVerbMin(t *testing.T) {
	shortest := len(awardWords[0])
	for _, w := range append(append([]string(nil), awardWords...), listVerbs...) {
		shortest = min(shortest, len(w))
	}
	if shortest != verbMin {
		t.Errorf("the shortest verb has %d bytes, verbMin is %d", shortest, verbMin)
	}
}

// TestSeparators checks lastEnd and firstStart against the strings.Index
// loops they replace.
func TestSeparators(t *testing.T) {
	lastRef := func(text string, i int, seps []string) int {
		start := 0
		for _, sep := range seps {
			if k := strings.LastIndex(text[:i], sep); k >= 0 && k+len(sep) > start {
				start = k + len(sep)
			}
		}
		return start
	}
	firstRef := func(s string, seps []string) int {
		end := -1
		for _, sep := range seps {
			if k := strings.Index(s, sep); k >= 0 && (end < 0 || k < end) {
				end = k
			}
		}
		return end
	}
	for k, s := range texts(t) {
		if len(s) > 5000 || k > 3000 {
			continue // the whole book and most lines: a sample is enough
		}
		for i := 0; i <= len(s); i++ {
			for _, seps := range []*separators{clauseSeps, sentenceSeps, honorSeps} {
				if got, want := lastEnd(s, i, seps), lastRef(s, i, seps.list); got != want {
					t.Fatalf("lastEnd(%q, %d) = %d, want %d", s, i, got, want)
				}
				if got, want := firstStart(s[i:], seps), firstRef(s[i:], seps.list); got != want {
					t.Fatalf("firstStart(%q) = %d, want %d", s[i:], got, want)
				}
			}
		}
	}
}

// reAward matches the verb of an award. It is the specification of
// awardVerbs; only the tests run it.
var reAward = regexp.MustCompile(`(授予|评为|荣获|获得|命名为)`)

// TestListPrechecks checks that the words listHonorees looks for before
// running reListLead, reListTrail and reListCount are there in every
// string they match: the lines of the yearbook, each cut before every
// 、 and ，, and made-up cases.
func TestListPrechecks(t *testing.T) {
	cases := []string{"均", "分别均", "先后也已", "2023年其中", "同年A", "等5家企业", "3所学校", "十二座", "A均B", "其中"}
	for _, s := range texts(t) {
		for _, sep := range []string{"、", "，"} {
			for i := 0; i < len(s) && len(cases) < 200000; {
				k := strings.Index(s[i:], sep)
				if k < 0 {
					break
				}
				cases = append(cases, strings.TrimSpace(s[max(0, i+k-60):i+k]))
				i += k + len(sep)
			}
		}
	}
	matched := 0
	for _, s := range cases {
		if reListTrail.MatchString(s) {
			matched++
			if dropTrail(s) != reListTrail.ReplaceAllString(s, "") {
				t.Fatalf("dropTrail(%q) = %q", s, dropTrail(s))
			}
		}
		if reListCount.MatchString(s) && !strings.ContainsAny(s, listCountWords) {
			t.Fatalf("reListCount matches %q, which has none of %s", s, listCountWords)
		}
		if reListLead.MatchString(s) && !(s[0] >= '0' && s[0] <= '9' || textnorm.HasAnyPrefix(s, listLeadWords...)) {
			t.Fatalf("reListLead matches %q, which starts with neither a digit nor one of %v", s, listLeadWords)
		}
	}
	if matched == 0 {
		t.Error("reListTrail never matched: the check checks little")
	}
}

// awardVerbs returns what reAward.FindAllStringIndex(text, -1) returns,
// without the regexp: the award verbs findVerbs finds.
func awardVerbs(text string) [][]int {
	award, _ := findVerbs(text)
	return award
}

// TestItemPlace checks itemPlace against the regexp it replaces, on the
// pieces of the yearbook's lines between 、 and on made-up items.
func TestItemPlace(t *testing.T) {
	re := regexp.MustCompile(`^(\p{Han}{2,4}?(?:县|区))\p{Han}{2,}$`)
	items := []string{"", "凉州区", "凉州区一", "凉州区一中", "天祝县城关第二小学", "天祝藏族自治县第一中学", "区区区区区", "县县县县县县",
		"民勤县a中学", "古浪县\xff中学", "阿拉善左旗学校", "武威市凉州区第一中学"}
	for _, s := range texts(t) {
		for _, it := range strings.FieldsFunc(s, func(r rune) bool { return r == '、' || r == '，' || r == '。' || r == '\n' }) {
			items = append(items, it)
		}
	}
	matched := 0
	for _, it := range items {
		want := ""
		if m := re.FindStringSubmatch(it); m != nil {
			want = m[1]
			matched++
		}
		if got := itemPlace(it); got != want {
			t.Fatalf("itemPlace(%q) = %q, want %q", it, got, want)
		}
	}
	if matched < 10 {
		t.Errorf("only %d items open with a place: the check checks little", matched)
	}
}

// TestDropWords checks that every match of the regexps honorees drops
// holds one of the words dropWhere is given for them, and that every date
// dropDates drops holds 年, which dateFrom looks for.
func TestDropWords(t *testing.T) {
	matches := func(re *regexp.Regexp) func(string) []string {
		return func(s string) []string { return re.FindAllString(s, -1) }
	}
	cases := []struct {
		name  string
		find  func(string) []string
		words []string
	}{
		{reRepeat.String(), matches(reRepeat), repeatWords},
		{"dates", func(s string) []string {
			var out []string
			for _, d := range dates(s) {
				out = append(out, s[d.start:d.end])
			}
			return out
		}, []string{"年"}},
		{reEtc.String(), matches(reEtc), []string{"等"}},
	}
	for _, s := range texts(t) {
		for _, c := range cases {
			for _, m := range c.find(s) {
				if !textnorm.ContainsAny(m, c.words...) {
					t.Fatalf("%s matches %q, which holds none of %v", c.name, m, c.words)
				}
			}
		}
	}
}

// reDate is the specification of dateFrom, dates and dropDates; only the
// tests run it.
var reDate = regexp.MustCompile(`(\d{4})年(?:(\d{1,2})月)?`)

// TestDates checks dates, dropDates and dateFrom against reDate, on
// made-up dates and on the yearbook's lines.
func TestDates(t *testing.T) {
	cases := []string{"年", "2023年", "023年", "12345年", "2023年1月", "2023年12月", "2023年123月", "2023年1", "2023年2024年3月",
		"x2023年5月度", "２０２３年", "2023 年", "2023年 5月", "年2023年年", "2023年\xe6\x9c"}
	matched := 0
	for _, s := range append(cases, texts(t)[1:]...) {
		var got [][]int
		for _, d := range dates(s) {
			m := []int{d.start, d.end, d.start, d.start + 4, -1, -1}
			if d.month != "" {
				m[4] = d.start + 4 + len("年")
				m[5] = m[4] + len(d.month)
			}
			if s[m[2]:m[3]] != d.year || m[4] >= 0 && s[m[4]:m[5]] != d.month {
				t.Fatalf("dates(%q): %+v has the wrong year or month", s, d)
			}
			got = append(got, m)
		}
		want := reDate.FindAllStringSubmatchIndex(s, -1)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("dates(%q) = %v, want %v", s[:min(len(s), 200)], got, want)
		}
		matched += len(want)
		if got, want := dropDates(s), reDate.ReplaceAllString(s, ""); got != want {
			t.Fatalf("dropDates(%q) = %q, want %q", s[:min(len(s), 200)], got[:min(len(got), 200)], want[:min(len(want), 200)])
		}
		if got, want := dateFrom(s, 0).start >= 0, reDate.MatchString(s); got != want {
			t.Fatalf("dateFrom(%q, 0) found a date: %v, want %v", s[:min(len(s), 200)], got, want)
		}
	}
	if matched < 10 {
		t.Errorf("only %d dates: the check checks little", matched)
	}
}

// reListCount matches the count that closes a list (…等5所学校, …2家企业).
// It is the specification of dropListCount; only the tests run it.
var reListCount = regexp.MustCompile(`(?:等)?\s*(?:\d+|[一二三四五六七八九十]+)\s*(?:家|个|所|座)\s*(?:企业|单位|学校|医院|中小学|幼儿园|机构|合作社|园区)?\s*$`)

// TestDropListCount checks dropListCount against reListCount on made-up
// lists and on the text before every 、, ， and 。 of the yearbook.
func TestDropListCount(t *testing.T) {
	cases := []string{"", "家", "5家", "等5家", "A等5家企业", "A等 5 家 企业 ", "A 等5所学校", "A十3家", "A三十二座", "A等十二个单位\n", "A5家企", "A5家业",
		"A5企业", "A等家企业", "A\xe5家", "A5\xe5家", "A5家中小学", "A5家小学", "A等5家幼儿园园区", "A12345个", "A等等5家", "A、B等 3所医院", "5\t家\r"}
	for _, s := range texts(t) {
		for i := 0; i < len(s) && len(cases) < 200000; {
			k := strings.IndexAny(s[i:], "、，。")
			if k < 0 {
				break
			}
			cases = append(cases, s[max(0, i+k-60):i+k])
			i += k + 1
		}
	}
	booktest.SameAsDrop(t, "dropListCount", reListCount, cases, 10, dropListCount)
}

// reBorn and reNative are the specifications of bornOn and isNativePlace;
// only the tests run them.
var (
	reBorn   = regexp.MustCompile(`生于(\d{4})年(\d{1,2})月`)
	reNative = regexp.MustCompile(`^(\p{Han}{2,8})人$`)
)

// clauses returns made-up clauses and those of the yearbook's lines.
func clauses(t *testing.T, made ...string) []string {
	for _, s := range texts(t)[1:] {
		made = append(made, strings.FieldsFunc(s, func(r rune) bool { return r == '，' || r == '。' || r == '；' })...)
	}
	return made
}

// TestBornOn checks bornOn against reBorn.
func TestBornOn(t *testing.T) {
	matched := 0
	for _, c := range clauses(t, "", "生于", "生于1952年1月", "生于1952年12月", "生于1952年123月", "生于1952年", "生于 1952 年 1 月", "生于x生于1952年1月",
		"生于1952年1月生于1953年2月", "生于21952年1月", "1952年1月生于", "生于1952年生于1953年1月", "生于1952年\xff1月") {
		want := []string{"", ""}
		if sub := reBorn.FindStringSubmatch(c); sub != nil {
			want = sub[1:]
			matched++
		}
		if y, m := bornOn(c); !slices.Equal([]string{y, m}, want) {
			t.Fatalf("bornOn(%q) = %q, %q; want %q", c, y, m, want)
		}
	}
	if matched < 5 {
		t.Errorf("only %d births: the check checks little", matched)
	}
}

// TestNativePlace checks isNativePlace against reNative.
func TestNativePlace(t *testing.T) {
	matched := 0
	for _, c := range clauses(t, "", "人", "甘肃人", "甘肃武威人", "甘人", "一二三四五六七八人", "一二三四五六七八九人", "甘肃a人", "甘肃\xff人", "人人人", "甘肃人x") {
		want := reNative.MatchString(c)
		if want {
			matched++
		}
		if got := isNativePlace(c); got != want {
			t.Fatalf("isNativePlace(%q) = %v, want %v", c, got, want)
		}
	}
	if matched < 5 {
		t.Errorf("only %d native places: the check checks little", matched)
	}
}
