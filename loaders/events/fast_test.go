package events

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/yearbookkg/kg/loaders/internal/booktest"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// TestCitedShortcuts holds citesPerson, citesOrg and the disaster words
// to the regexps they stand for, on every rune offset of the lines of
// the vendored yearbook that hold any of the words they look for, and
// on made-up text.
func TestCitedShortcuts(t *testing.T) {
	texts := []string{"", "同志", "总书记关于……的重要讲话精神", "新时代", "同志，讲话", "总理讲\xff话精神", "文件", "精神。", "长长精神和", "在调研时的讲话精神", "有关文件精神", "文件", "十四届三次全会精神，", "精神和", "\xe7精神", "讲话精\xe7神",
		strings.Repeat("长", 29) + "讲话精神", strings.Repeat("长", 31) + "讲话精神", strings.Repeat("长", 16) + "文件", strings.Repeat("长", 17) + "文件。", strings.Repeat("\xff", 40) + "讲话精神", "古浪暴雨", "山体滑坡", "地震局", "冰雹x"}
	for _, l := range booktest.Lines(t) {
		if strings.Contains(l, "精神") || strings.Contains(l, "文件") || textnorm.HasAnyPrefix(l, citedLeads...) || strings.Contains(l, "同志") {
			for i := range l {
				texts = append(texts, l[i:])
			}
		}
	}
	citedAfter := regexp.MustCompile(`^新时代|^(?:生态文明思想|总书记|总理|委员长|同志)[^，；。]*?(?:思想|讲话|指示|批示|精神|论述|贺信|回信|贺词|要求|文章|著作|摘编|嘱托)`)
	citedSpeech := regexp.MustCompile(`^[^，；。]{0,30}?(?:讲话|指示|批示|论述|贺信|回信)精神`)
	citedOrg := regexp.MustCompile(`^[^，；。、]{0,16}?(?:精神|文件)(?:[，；。、和及]|$)`)
	reDisaster := regexp.MustCompile(`(地震|洪水|洪灾|火灾|泥石流|山体滑坡|暴雨|冰雹|沙尘暴|雪灾|旱灾)$`)
	person, org := 0, 0
	for _, s := range texts {
		want := citedAfter.MatchString(s) || citedSpeech.MatchString(s)
		if got := citesPerson(s); got != want {
			t.Fatalf("citesPerson(%q) = %v, want %v", s, got, want)
		}
		if want {
			person++
		}
		want = citedOrg.MatchString(s)
		if got := citesOrg(s); got != want {
			t.Fatalf("citesOrg(%q) = %v, want %v", s, got, want)
		}
		if want {
			org++
		}
		for _, end := range []int{len(s), min(len(s), 12)} {
			if got, want := textnorm.HasAnySuffix(s[:end], disasters...), reDisaster.MatchString(s[:end]); got != want {
				t.Fatalf("disaster suffix of %q = %v, want %v", s[:end], got, want)
			}
		}
	}
	if person == 0 || org == 0 {
		t.Errorf("matches: %d of people, %d of organizations: the check checks little", person, org)
	}
}

// TestSentences holds sentences to a split after each 。；！？ that a
// range loop over the runes finds, and firstSentence to the first end
// strings.Index finds, on the lines of the vendored yearbook, joined
// lines, and broken UTF-8 around the sentence ends.
func TestSentences(t *testing.T) {
	byRunes := func(s string) []sentence {
		var out []sentence
		start := 0
		for i, r := range s {
			if r == '。' || r == '；' || r == '！' || r == '？' {
				out = append(out, sentence{start, i + len(string(r))})
				start = i + len(string(r))
			}
		}
		if start < len(s) {
			out = append(out, sentence{start, len(s)})
		}
		return out
	}
	texts := []string{"", "。", "。。", "a。b；c！d？", "\xe3。", "\xe3\x80。\x82", "\xef\xbc。\x9b；", "。\x80", "\xef\xbc\x9f", "无句末", "？\xef\xbc！"}
	lines := booktest.Lines(t)
	texts = append(texts, lines...)
	for i := 0; i+4 < len(lines); i += 4 {
		texts = append(texts, strings.Join(lines[i:i+4], ""))
	}
	ends := 0
	for _, s := range texts {
		got, want := slices.Collect(sentences(s, 0)), byRunes(s)
		if !slices.Equal(got, want) {
			t.Fatalf("sentences(%q) = %v, want %v", s, got, want)
		}
		if len(want) > 0 {
			if got := slices.Collect(sentences(s, want[0].end)); !slices.Equal(got, want[1:]) {
				t.Fatalf("sentences(%q) after the first = %v, want %v", s, got, want[1:])
			}
		}
		if got, want := firstSentence(s), firstSentenceByIndex(s); got != want {
			t.Fatalf("firstSentence(%q) = %q, want %q", s, got, want)
		}
		ends += len(want)
	}
	if ends < 1000 {
		t.Errorf("only %d sentences: the check checks little", ends)
	}
}

// firstSentenceByIndex is the specification of firstSentence.
func firstSentenceByIndex(s string) string {
	end := len(s)
	for _, sep := range []string{"。", "；", "！", "？"} {
		if i := strings.Index(s, sep); i >= 0 && i+len(sep) < end {
			end = i + len(sep)
		}
	}
	return s[:end]
}

// TestClauseStart holds clauseStart to the last of the separators
// strings.LastIndex finds, at every byte of the lines of the vendored
// yearbook that hold one, and of made-up text with broken UTF-8.
func TestClauseStart(t *testing.T) {
	byLastIndex := func(s string, i int) int {
		start := 0
		for _, sep := range []string{"，", "；", "：", "。", "！", "？"} {
			if j := strings.LastIndex(s[:i], sep); j >= 0 && j+len(sep) > start {
				start = j + len(sep)
			}
		}
		return start
	}
	texts := []string{"", "，", "a，b；c：d。e！f？g", "\xef，", "\xef\xbc，\x8c", "。\xe3\x80", "：\xef\xbc\x9a"}
	for _, l := range booktest.Lines(t) {
		if strings.ContainsAny(l, "，；：。！？") {
			texts = append(texts, l)
		}
	}
	found := 0
	for _, s := range texts {
		for i := 0; i <= len(s); i++ {
			got, want := clauseStart(s, i), byLastIndex(s, i)
			if got != want {
				t.Fatalf("clauseStart(%q, %d) = %d, want %d", s, i, got, want)
			}
			if got > 0 {
				found++
			}
		}
	}
	if found < 10000 {
		t.Errorf("only %d clause starts: the check checks little", found)
	}
}

// TestFullDates holds findFullDate, fullDateAt and findAllFullDates to
// the regexp they read by hand, on every line of the vendored yearbook
// that holds 月, from every digit of it, and on made-up dates.
func TestFullDates(t *testing.T) {
	reFullDate := regexp.MustCompile(`(?:(\d{4})年)?(\d{1,2})月(\d{1,2})(?:日?(?:至|—|－|–|-|～|~)(?:(\d{1,2})月)?(\d{1,2})日|日)`)
	reFullDateAt := regexp.MustCompile(`^(?:` + reFullDate.String() + `)`)
	texts := []string{"", "2023年4月16日", "1月3日", "8月28—29日", "1月13至16日", "11月5日至11日", "3月31日至4月2日", "3月31日至4月2号", "3月31日至4月", "3月31日至", "3月31至", "12023年5月1日", "2023年123月1日", "5月123日", "5月12日至", "5月1日-2日", "5月1-2日", "5月1～6月2日", "5月1~2日", "5月1–2日", "5月1－2日", "5月1至6月23日", "5月1至6月234日", "5月1至623日", "2023年5月", "２０２３年5月1日", "5\xff月1日", "x12月31日至1月3日y"}
	for _, l := range booktest.Lines(t) {
		if strings.Contains(l, "月") {
			texts = append(texts, textnorm.Clean(l), l)
		}
	}
	found := 0
	for _, s := range texts {
		if got, want := findFullDate(s), reFullDate.FindStringSubmatchIndex(s); !slices.Equal(got, want) {
			t.Fatalf("findFullDate(%q) = %v, want %v", s, got, want)
		}
		if got, want := findAllFullDates(s), reFullDate.FindAllStringSubmatchIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Fatalf("findAllFullDates(%q) = %v, want %v", s, got, want)
		}
		for i := range len(s) {
			if !isDigit(s[i]) {
				continue
			}
			got, want := fullDateAt(s[i:], 0), reFullDateAt.FindStringSubmatchIndex(s[i:])
			if !slices.Equal(got, want) {
				t.Fatalf("fullDateAt(%q) = %v, want %v", s[i:], got, want)
			}
			if got != nil {
				found++
			}
		}
	}
	if found < 200 {
		t.Errorf("only %d dates found: the check checks little", found)
	}
}

// TestSuffixShortcuts holds trimTrailAdverbs and the ends of time
// clauses to the regexps they stand for, on every start of the lines of
// the vendored yearbook that hold the last rune of a word they look for
// (and of every twentieth line), and on made-up text.
func TestSuffixShortcuts(t *testing.T) {
	reTrailAdverb := regexp.MustCompile(`(?:正式|顺利|隆重|成功|圆满|胜利|集中|分别|同时)+$`)
	reTimeClause := regexp.MustCompile(`(后|时|之际|期间|前夕)$`)
	texts := []string{"", "正式", "大会隆重召开", "大会正式隆重", "大会正式\xff隆重", "正式正式", "正正式", "\xe6正式", "会后", "之际", "期间x"}
	for k, l := range booktest.Lines(t) {
		if k%20 != 0 && !strings.ContainsAny(l, "式利重功满中别时后际间夕") {
			continue
		}
		for i := range l {
			texts = append(texts, l[:i])
		}
	}
	trimmed, timed := 0, 0
	for _, s := range texts {
		got, want := trimTrailAdverbs(s), reTrailAdverb.ReplaceAllString(s, "")
		if got != want {
			t.Fatalf("trimTrailAdverbs(%q) = %q, want %q", s, got, want)
		}
		if got != s {
			trimmed++
		}
		if got, want := textnorm.HasAnySuffix(s, timeClauseEnds...), reTimeClause.MatchString(s); got != want {
			t.Fatalf("time clause %q: %v, want %v", s, got, want)
		}
		if textnorm.HasAnySuffix(s, timeClauseEnds...) {
			timed++
		}
	}
	if trimmed < 100 || timed < 100 {
		t.Errorf("%d trimmed, %d time clauses: the check checks little", trimmed, timed)
	}
}

// TestRegexpGuards holds the readers of names (withoutOrganizer,
// withoutTheme, atEventOn, concluded, countName, meetingActs and the lead
// words) to the regexps they read by hand, and checks that the tests
// that spare most texts the reading pass every text the regexps match:
// every start and every end of every fourth line of the vendored yearbook
// that holds a word the regexps need, and made-up text.
func TestRegexpGuards(t *testing.T) {
	texts := []string{"", "由市委主办的", "由市，委主办的", "由市委组织的的", "由长组织发运的", "在大会上", "在…上", "在由市委主办的大会上", "在由的的大会会上", "在由，的大会上", "在上", "在长\n长长上", "以“美丽”为主题的", "以“美丽”为", "据悉大会", "正式完成", "大会正式完成", "大会\n完成", "12次会议", "12x次", "武威市第五次会议审议", strings.Repeat("长", 38) + "大会通过", strings.Repeat("长", 39) + "大会通过", "展销会圆满完成", "完成", "3次会议", "会议活动"}
	for k, l := range booktest.Lines(t) {
		l = textnorm.Clean(l)
		if k%4 != 0 || !strings.ContainsAny(l, "由以在会完束幕次场期个项届批家名人动") {
			continue
		}
		for i := range l {
			texts = append(texts, l[i:], l[:i])
		}
	}
	reOrganizedBy := regexp.MustCompile(`^由[^，。]{2,60}?(?:联合主办|共同主办|主办|承办|组织发运|组织|举办|发运)的`)
	reAtEventOn := regexp.MustCompile(`^在(?:由[^，。]*?的)?(.{4,60}?)上$`)
	reLead := regexp.MustCompile(`^(?:随着|据悉|近日|当日|当天|期间)`)
	reThemed := regexp.MustCompile(`^以“[^”]*”为主题的`)
	reConcluded := regexp.MustCompile(`^(.+?)(?:正式|顺利|圆满|成功)?(?:完成|结束|落幕|闭幕)$`)
	reCountName := regexp.MustCompile(`^\d+(次|场|期|个|项|届|批|家|名|人)|^(会议|活动)`)
	reMeetingActs := regexp.MustCompile(`^([^，。；]{4,40}?(?:会议|全会|大会))(?:审议|审定|审查|确定|通过|决定|表决|选举|作出|批准)`)
	matched := 0
	check := func(name string, guard bool, re *regexp.Regexp, s string) {
		if re.MatchString(s) {
			matched++
			if !guard {
				t.Fatalf("%s: the guard refuses %q, which the regexp matches", name, s)
			}
		}
	}
	for _, s := range texts {
		check("organizer", strings.HasPrefix(s, "由"), reOrganizedBy, s)
		check("themed", strings.HasPrefix(s, "以“"), reThemed, s)
		check("at event", strings.HasPrefix(s, "在") && strings.HasSuffix(s, "上"), reAtEventOn, s)
		for _, c := range []struct {
			name      string
			got, want string
		}{
			{"withoutOrganizer", withoutOrganizer(s), reOrganizedBy.ReplaceAllString(s, "")},
			{"withoutTheme", withoutTheme(s), reThemed.ReplaceAllString(s, "")},
			{"lead", strings.TrimPrefix(s, hasWhichPrefix(s, leadWords)), reLead.ReplaceAllString(s, "")},
		} {
			if c.got != c.want {
				t.Fatalf("%s(%q) = %q, want %q", c.name, s, c.got, c.want)
			}
		}
		for _, c := range []struct {
			name string
			re   *regexp.Regexp
			read func(string) (string, bool)
		}{{"atEventOn", reAtEventOn, atEventOn}, {"concluded", reConcluded, concluded}} {
			got, ok := c.read(s)
			if m := c.re.FindStringSubmatch(s); ok != (m != nil) || ok && got != m[1] {
				t.Fatalf("%s(%q) = %q, %v; want %q", c.name, s, got, ok, m)
			}
		}
		if got, want := countName(s), reCountName.MatchString(s); got != want {
			t.Fatalf("countName(%q) = %v, want %v", s, got, want)
		}
		check("meeting acts", strings.Contains(headRunes(s, 42), "会"), reMeetingActs, s)
		got, ok := meetingActs(s)
		if m := reMeetingActs.FindStringSubmatch(s); ok != (m != nil) || ok && got != m[1] {
			t.Fatalf("meetingActs(%q) = %q, %v; want %q", s, got, ok, m)
		}
		check("concluded", textnorm.HasAnySuffix(s, concludedEnds...), reConcluded, s)
		check("count name", digitFirst(s) || textnorm.HasAnyPrefix(s, "会议", "活动"), reCountName, s)
	}
	if matched < 1000 {
		t.Errorf("only %d matches: the check checks little", matched)
	}
}

// TestMeetingSigShortcuts holds appendNumerals and localCommittee to the
// regexps they stand for, on the keys of the lines of the vendored
// yearbook and on made-up text.
func TestMeetingSigShortcuts(t *testing.T) {
	reNumeral := regexp.MustCompile(`\d+|[〇零一二两三四五六七八九十百]+`)
	reLocalCommittee := regexp.MustCompile(`[市县区省州盟旗]委`)
	texts := []string{"", "委", "市委", "五届市委四十九次常委会会议", "12三4", "第2023十次", "\xff委", "县\xff委", "九\xe4十"}
	for _, l := range booktest.Lines(t) {
		texts = append(texts, textnorm.Key(l))
	}
	found := 0
	for _, s := range texts {
		var want []int
		for _, m := range reNumeral.FindAllString(s, -1) {
			if n, err := strconv.Atoi(m); err == nil {
				want = append(want, n)
			} else if n := textnorm.Number(m); n > 0 {
				want = append(want, n)
			}
		}
		if got := appendNumerals(nil, s); !slices.Equal(got, want) {
			t.Fatalf("appendNumerals(%q) = %v, want %v", s, got, want)
		}
		if got, want := localCommittee(s), reLocalCommittee.MatchString(s); got != want {
			t.Fatalf("localCommittee(%q) = %v, want %v", s, got, want)
		}
		found += len(want)
	}
	if found < 1000 {
		t.Errorf("only %d numerals: the check checks little", found)
	}
}

// TestRuneSets checks that the set of runes of a key holds the set of
// every piece of it, on the keys of the lines of the vendored yearbook,
// and that the sets rule out most names of other lines.
func TestRuneSets(t *testing.T) {
	var keys []string
	for _, l := range booktest.Lines(t) {
		if k := textnorm.Key(l); utf8.RuneCountInString(k) >= 10 {
			keys = append(keys, k)
		}
	}
	ruledOut, asked := 0, 0
	for i, k := range keys {
		set := runesOf(k)
		r := []rune(k)
		for a := 0; a+5 <= len(r); a += 3 {
			if n := string(r[a : a+5]); !set.holds(runesOf(n)) {
				t.Fatalf("the set of %q does not hold that of %q", k, n)
			}
		}
		other := []rune(keys[(i*7919)%len(keys)])
		if n := string(other[:5]); !strings.Contains(k, n) {
			asked++
			if !set.holds(runesOf(n)) {
				ruledOut++
			}
		}
	}
	if asked == 0 || ruledOut*2 < asked {
		t.Errorf("the sets ruled out %d of %d names not written: they spare little", ruledOut, asked)
	}
}

// TestKeyEnd holds keyEndsInMonth, and the test it makes with keyEnd, to
// the one they stand for, whether textnorm.Key ends in 月, on the lines of
// the vendored yearbook and on made-up ones.
func TestKeyEnd(t *testing.T) {
	lines := []string{"", "月", "1 月", "12月 ", "十二月\u3000", "月\ufffd", "月\xe6\x9c", "月\xff \xe6", "\xe6\x9c\x88", "\x88", "月x", "月份", " 月 \u00a0\t", "月\u3000", "月\u2002", "月\u2003", "月。", "月\u2001", "月\ufeff", "\xe0\x80\x80", "月\xed\xa0\x80"}
	keyEndsIn := func(l string) bool { return strings.HasSuffix(textnorm.Key(l), "月") }
	holdsOnLines(t, "keyEnd ends in 月", lines, 12, func(l string) bool { return strings.HasSuffix(keyEnd(l), "月") }, keyEndsIn)
	holdsOnLines(t, "keyEndsInMonth", append(lines, "x月", "\xe4\xb8月", "月\xe4\xb8"), 12, keyEndsInMonth, keyEndsIn)
}

// TestPunctEnd holds punctEnd to the last rune of a line, decoded, on the
// lines of the vendored yearbook and on made-up ones, and checks that
// textnorm.Key of none of the lines it holds for ends in 月.
func TestPunctEnd(t *testing.T) {
	lines := []string{"", "。", "，", "月，", "　", "月　", "�", "！", "ｿ", "ﾀ", "぀", "¼", "ï¼", "ãÿ"}
	holdsOnLines(t, "punctEnd", lines, 100, punctEnd, func(l string) bool {
		r, n := utf8.DecodeLastRuneInString(l)
		return n == 3 && (r > 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFF7F)
	})
	for _, l := range append(lines, booktest.Lines(t)...) {
		if punctEnd(l) && strings.HasSuffix(textnorm.Key(l), "月") {
			t.Fatalf("textnorm.Key(%q) ends in 月", l)
		}
	}
}

// holdsOnLines checks the shortcut got against the test want it stands
// for on lines and on every line of the vendored yearbook, and that want
// holds on at least min of them: a test true nowhere checks little.
func holdsOnLines(t *testing.T, name string, lines []string, min int, got, want func(string) bool) {
	t.Helper()
	holds(t, name, append(lines, booktest.Lines(t)...), min, got, want)
}

// holds checks the shortcut got against the test want it stands for on
// texts, and that want holds on at least min of them.
func holds(t *testing.T, name string, texts []string, min int, got, want func(string) bool) {
	t.Helper()
	held := 0
	for _, s := range texts {
		w := want(s)
		if g := got(s); g != w {
			t.Fatalf("%s(%q) = %v, want %v", name, s, g, w)
		}
		if w {
			held++
		}
	}
	if held < min {
		t.Errorf("%s holds on only %d texts: the check checks little", name, held)
	}
}

// readsAsSubmatch checks that read finds in s what the first group of re
// does, and reports whether it found anything.
func readsAsSubmatch(t *testing.T, name string, re *regexp.Regexp, read func(string) (string, bool), s string) bool {
	t.Helper()
	got, ok := read(s)
	m := re.FindStringSubmatch(s)
	if ok != (m != nil) || ok && got != m[1] {
		t.Fatalf("%s(%q) = %q, %v; want %q", name, s, got, ok, m)
	}
	return ok
}

// cleanStarts returns texts and every start (suffix) of the cleaned lines
// of the vendored yearbook that keep accepts (given the line's index):
// a reader anchored at the start of its text must agree with its regexp
// wherever a sentence may begin.
func cleanStarts(t *testing.T, texts []string, keep func(k int, l string) bool) []string {
	t.Helper()
	for k, l := range booktest.Lines(t) {
		if l = textnorm.Clean(l); keep(k, l) {
			for i := range l {
				texts = append(texts, l[i:])
			}
		}
	}
	return texts
}

// TestKeyRunesOf holds keyRunesOf to runesOf of textnorm.Key on the lines
// of the vendored yearbook and on made-up ones.
func TestKeyRunesOf(t *testing.T) {
	lines := []string{"", " ", "ＡＢ　c", "\ufffd甲", "乙\xff丙\xe4\xb8", "\u00a0\t\r\u2002\u2003x", "（１２）"}
	lines = append(lines, booktest.Lines(t)...)
	for _, l := range lines {
		if got, want := keyRunesOf(l), runesOf(textnorm.Key(l)); got != want {
			t.Fatalf("keyRunesOf(%q) = %x, want %x", l, got, want)
		}
	}
}

// TestYuDate holds yuDate to a regexp of 于 before a digit, on the lines
// of the vendored yearbook (raw and cleaned) and on made-up text with
// broken UTF-8.
func TestYuDate(t *testing.T) {
	reYuDate := regexp.MustCompile(`于\d`)
	texts := []string{"", "于", "于2", "x于", "\x8e于1", "\xe4\xba于3", "月月", "\x88月", "于于9"}
	for _, l := range booktest.Lines(t) {
		texts = append(texts, l, textnorm.Clean(l))
	}
	holds(t, "yuDate", texts, 10, yuDate, reYuDate.MatchString)
}

// TestWordLists holds the walks of wordList to a search per word: last,
// latest first, to the places strings.Index finds, in to
// strings.Contains and prefix to strings.HasPrefix, on the lines of the vendored yearbook and on made-up
// text with broken UTF-8; and checks that every word starts as
// textnorm.HanAt needs.
func TestWordLists(t *testing.T) {
	texts := []string{"", "召开", "召开召开", "开展开", "\xe5召开", "召\xe5开", "大会在京召开举行", "开", "传达学习", "x审\xe5议"}
	found := 0
	for _, l := range []wordList{happenVerbs, contentVerbs, postWords} {
		for _, w := range l.words {
			if !textnorm.HanAt(w, 0) {
				t.Fatalf("%q does not start with a Chinese character textnorm.HanAt tells", w)
			}
		}
		for _, s := range append(texts, booktest.Lines(t)...) {
			var want []int
			for _, v := range l.words {
				for off := 0; ; {
					i := strings.Index(s[off:], v)
					if i < 0 {
						break
					}
					want = append(want, off+i)
					off += i + len(v)
				}
			}
			slices.Sort(want)
			want = slices.Compact(want) // 董事 and 董事长 start at one place
			slices.Reverse(want)
			var got []int
			for i := l.last(s, len(s)); i >= 0; i = l.last(s, i) {
				got = append(got, i)
			}
			if !slices.Equal(got, want) {
				t.Fatalf("last walk of %q = %v, want %v", s, got, want)
			}
			if got, want := l.in(s), len(want) > 0; got != want {
				t.Fatalf("in(%q) = %v, want %v", s, got, want)
			}
			if got, want := l.prefix(s), textnorm.HasAnyPrefix(s, l.words...); got != want {
				t.Fatalf("prefix(%q) = %v, want %v", s, got, want)
			}
			found += len(want)
		}
	}
	if found < 1000 {
		t.Errorf("only %d words: the check checks little", found)
	}
}

// TestSentenceReaders holds the readers of datedSentence to the regexps
// they stand for, on every start of the cleaned lines of the vendored
// yearbook that hold a word they look for (and of every tenth line), and
// on made-up text.
func TestSentenceReaders(t *testing.T) {
	reAtThenVerb := regexp.MustCompile(`^(?:在|于)[^，。；]{1,40}?(?:召开|举行|举办|开幕|启动|开班|开赛|开馆)了?([^，。；]+)`)
	reVerbFirst := regexp.MustCompile(`^(?:召开|举行|举办|开展|启动)了?([^，。；]+)`)
	reNotHappening := regexp.MustCompile(`^(?:前|起|以来|之前|以后|之后|至今|止|以前|开始|底前|中旬前)`)
	reNotHappeningBefore := regexp.MustCompile(`(?:截至|截止|自|从|到|至|于|在)$`)
	texts := []string{"", "在", "在京召开", "在京召开了", "在京召开了，", "在京召开了会", "于召开大会", "在" + strings.Repeat("长", 39) + "召开大会", "在" + strings.Repeat("长", 40) + "召开大会", "在长，召开大会", "召开了", "召开了；", "举办\xff", "在\xff举行会", "开展了活动，", "前", "以来x", "截至", "x在"}
	for k, l := range booktest.Lines(t) {
		l = textnorm.Clean(l)
		if k%10 != 0 && !strings.ContainsAny(l, "召举开启前起来后今止始至自从到于在") {
			continue
		}
		for i := range l {
			texts = append(texts, l[i:], l[:i])
		}
	}
	matched := 0
	for _, s := range texts {
		if readsAsSubmatch(t, "atThenVerb", reAtThenVerb, atThenVerb, s) {
			matched++
		}
		if readsAsSubmatch(t, "verbFirst", reVerbFirst, verbFirst, s) {
			matched++
		}
		if got, want := textnorm.HasAnyPrefix(s, notHappeningAfter...), reNotHappening.MatchString(s); got != want {
			t.Fatalf("not happening after %q: %v, want %v", s, got, want)
		}
		if got, want := textnorm.HasAnySuffix(s, notHappeningBefore...), reNotHappeningBefore.MatchString(s); got != want {
			t.Fatalf("not happening before %q: %v, want %v", s, got, want)
		}
		want := s
		if i := strings.IndexAny(s, "，。；："); i >= 0 {
			want = s[:i]
		}
		if got := firstClause(s); got != want {
			t.Fatalf("firstClause(%q) = %q, want %q", s, got, want)
		}
	}
	if matched < 100 {
		t.Errorf("only %d matches: the check checks little", matched)
	}
}

// TestPartialDates holds monthDate and yearDate to the regexps they read
// by hand, from every digit of the cleaned lines of the vendored yearbook
// that hold 月 or 年, and on made-up dates.
func TestPartialDates(t *testing.T) {
	reMonthDate := regexp.MustCompile(`^(?:(\d{4})年)?(\d{1,2})月(?:份|上旬|中旬|下旬|初|中旬|底|末)?`)
	reYearDate := regexp.MustCompile(`^(\d{4})年(?:度)?`)
	texts := []string{"", "2023年5月", "5月", "12月份", "123月", "2023年123月", "2023年度", "2023年", "20231年", "5月中旬前", "2023年5", "1月末", "2023年5月底", "5\xff月"}
	for _, l := range booktest.Lines(t) {
		if l = textnorm.Clean(l); strings.Contains(l, "月") || strings.Contains(l, "年") {
			for i := range len(l) {
				if isDigit(l[i]) && (i == 0 || !isDigit(l[i-1])) {
					texts = append(texts, l[i:])
				}
			}
		}
	}
	found := 0
	for _, s := range texts {
		year, month, n, ok := monthDate(s)
		if m := reMonthDate.FindStringSubmatch(s); ok != (m != nil) || ok && (year != m[1] || month != m[2] || n != len(m[0])) {
			t.Fatalf("monthDate(%q) = %q, %q, %d, %v; want %q", s, year, month, n, ok, m)
		}
		if ok {
			found++
		}
		n, ok = yearDate(s)
		if m := reYearDate.FindString(s); ok != (m != "") || n != len(m) {
			t.Fatalf("yearDate(%q) = %d, %v; want %q", s, n, ok, m)
		}
	}
	if found < 100 {
		t.Errorf("only %d dates: the check checks little", found)
	}
}

// TestClipAndRunes holds clip to its cut of the runes of a name, and
// runesOf to a range loop, on the lines of the vendored yearbook and on
// made-up text with broken UTF-8.
func TestClipAndRunes(t *testing.T) {
	byRunes := func(s string) string {
		s = strings.TrimSpace(s)
		if strings.HasPrefix(s, "“") && strings.HasSuffix(s, "”") && strings.Count(s, "“") == 1 {
			s = strings.TrimSuffix(strings.TrimPrefix(s, "“"), "”")
		}
		if r := []rune(s); len(r) > maxName {
			return string(r[:maxName-1]) + "…"
		}
		return s
	}
	texts := []string{"", "“会”", strings.Repeat("长", 30), strings.Repeat("长", 31), "\xff" + strings.Repeat("长", 31), strings.Repeat("长", 28) + "\xe4\xb8" + strings.Repeat("长", 5), strings.Repeat("长", 29) + "\xff"}
	clipped := 0
	for _, s := range append(texts, booktest.Lines(t)...) {
		got, want := clip(s), byRunes(s)
		if got != want {
			t.Fatalf("clip(%q) = %q, want %q", s, got, want)
		}
		if strings.HasSuffix(got, "…") {
			clipped++
		}
		var set runeSet
		for _, r := range s {
			set.add(r)
		}
		if runesOf(s) != set {
			t.Fatalf("runesOf(%q) differs from a range loop", s)
		}
	}
	if clipped < 100 {
		t.Errorf("only %d names clipped: the check checks little", clipped)
	}
}

// TestTrims holds trimEllipsis, trimEnds and trimQuotes to the
// strings.TrimRight and strings.Trim they stand for, on every end of the
// lines of the vendored yearbook that hold a mark they trim, and on
// made-up text with broken UTF-8.
func TestTrims(t *testing.T) {
	texts := []string{"", "…", "会……", "会…\xff", "。", "会。；！？", "\xe3。", "“”", "”会“", "“会”\x9d", "\x80“会"}
	for _, l := range booktest.Lines(t) {
		if strings.ContainsAny(l, "…。；！？“”") {
			for i := range l {
				texts = append(texts, l[:i], l[i:])
			}
		}
	}
	trimmed := 0
	for _, s := range texts {
		for _, c := range []struct {
			name      string
			got, want string
		}{
			{"trimEllipsis", trimEllipsis(s), strings.TrimRight(s, "…")},
			{"trimEnds", trimEnds(s), strings.TrimRight(s, "。；！？")},
			{"trimQuotes", trimQuotes(s), strings.Trim(s, "“”")},
		} {
			if c.got != c.want {
				t.Fatalf("%s(%q) = %q, want %q", c.name, s, c.got, c.want)
			}
			if c.got != s {
				trimmed++
			}
		}
	}
	if trimmed < 1000 {
		t.Errorf("only %d trimmed: the check checks little", trimmed)
	}
}

// TestDayNumbers checks that the numbers of the bounds of dates compare
// as the ISO strings do.
func TestDayNumbers(t *testing.T) {
	var days []string
	for _, s := range []dateSpan{{"2023", ""}, {"2023-02", ""}, {"2023-02-28", ""}, {"2023-12", ""}, {"2023-12-31", "2024-01-02"}, {"2024-01-01", ""}, {"2022", ""}, {"2023-02-07", "2023-02-11"}} {
		lo, hi := s.bounds()
		days = append(days, lo, hi)
	}
	for _, a := range days {
		for _, b := range days {
			if (a < b) != (dayNumber(a) < dayNumber(b)) || (a == b) != (dayNumber(a) == dayNumber(b)) {
				t.Fatalf("%s, %s: numbers %d, %d compare otherwise", a, b, dayNumber(a), dayNumber(b))
			}
		}
	}
}

// TestAdoptionStart holds adoptionStart to the regexp it reads by hand,
// on the clean lines of the vendored yearbook, and checks that Clean
// drops the spaces a line starts with, which adoptionLines leaves to it.
func TestAdoptionStart(t *testing.T) {
	reAdoptionStart := regexp.MustCompile(`^（\d{4}年\d{1,2}月`)
	lines := []string{"", "（", "（2023年6月", "（2023年12月", "（2023年123月", "（202年6月", "（2023年月", "(2023年6月", " （2023年6月", "  a b", " 1 2"}
	var clean []string
	for _, l := range append(lines, booktest.Lines(t)...) {
		c := textnorm.Clean(l)
		if got := textnorm.Clean(strings.TrimLeft(l, " ")); got != c {
			t.Fatalf("Clean of %q without its leading spaces = %q, want %q", l, got, c)
		}
		clean = append(clean, c)
	}
	holds(t, "adoptionStart", clean, 5, adoptionStart, reAdoptionStart.MatchString)
}

// TestGenericTitle holds genericTitle to the regexp it stands for, on
// every start of the cleaned lines of the vendored yearbook that hold a
// word it looks for, and on made-up titles.
func TestGenericTitle(t *testing.T) {
	reGenericTitle := regexp.MustCompile(`^(重要|主要|其他|各类|各项|系列|有关|相关|会议活动)|节会`)
	texts := cleanStarts(t, []string{"", "重要活动", "旅游节会活动", "会议", "会议活动", "节", "主要\xff"},
		func(_ int, l string) bool { return strings.ContainsAny(l, "重主其各系有相会节") })
	holds(t, "genericTitle", texts, 100, genericTitle, reGenericTitle.MatchString)
}

// TestDayMarkers holds readMarker and monthNumber to the regexps they
// read by hand, on the keys of the text before the first U+3000 of every
// line of the vendored yearbook, the keys of its short lines, and made-up
// markers.
func TestDayMarkers(t *testing.T) {
	reDay := regexp.MustCompile(`^(\d{1,2})日$`)
	reDays := regexp.MustCompile(`^(\d{1,2})日?(?:至|—|－|–|-|～|~)(\d{1,2})日$`)
	reDaysMonth := regexp.MustCompile(`^(\d{1,2})日(?:至|—|－|–|-|～|~)(\d{1,2})月(\d{1,2})日$`)
	reFullDay := regexp.MustCompile(`^(\d{1,2})月(\d{1,2})日$`)
	rePeriod := regexp.MustCompile(`^(上旬|中旬|下旬|月初|月中|月底|月末|月内|是月|本月|同月)$`)
	reMarkerLike := regexp.MustCompile(`^[\d同][\d同日至月—－–\-～~]{0,10}日$`)
	reMonthMarker := regexp.MustCompile(`^(\d{1,2}|[一二三四五六七八九十]{1,3})月$`)
	num := func(s string) int { n, _ := strconv.Atoi(s); return n }
	want := func(p string) (marker, bool, bool) {
		if m := reDay.FindStringSubmatch(p); m != nil {
			return marker{kind: markerDay, d: num(m[1])}, true, false
		}
		if m := reDays.FindStringSubmatch(p); m != nil {
			return marker{kind: markerDay, d: num(m[1]), ed: num(m[2])}, true, false
		}
		if m := reDaysMonth.FindStringSubmatch(p); m != nil {
			return marker{kind: markerDay, d: num(m[1]), em: num(m[2]), ed: num(m[3])}, true, false
		}
		if m := reFullDay.FindStringSubmatch(p); m != nil {
			return marker{kind: markerDay, m: num(m[1]), d: num(m[2])}, true, false
		}
		if p == "同日" {
			return marker{kind: markerSame}, true, false
		}
		if rePeriod.MatchString(p) {
			return marker{kind: markerPeriod}, true, false
		}
		return marker{}, false, reMarkerLike.MatchString(p)
	}
	keys := []string{"", "日", "4日", "04日", "123日", "7至11日", "7日至11日", "7日-11日", "7~11日", "7至11", "31日至4月2日", "31至4月2日", "31日至4月2", "4月4日", "4月4", "同日", "同月", "中旬", "1日2", "1同日", "12345678901日", "123456789012日", "1\xff日", "1月", "十二月", "十三十月", "123月", "月", "一二三四月", "１２月"}
	for _, l := range booktest.Lines(t) {
		if i := strings.Index(l, "\u3000"); i > 0 {
			keys = append(keys, textnorm.Key(l[:i]))
		}
		if k := textnorm.Key(l); len(k) <= 40 {
			keys = append(keys, k)
		}
	}
	days, like, months := 0, 0, 0
	for _, p := range keys {
		mk, ok, bad := readMarker(p)
		wmk, wok, wbad := want(p)
		if mk != wmk || ok != wok || bad != wbad {
			t.Fatalf("readMarker(%q) = %+v, %v, %v; want %+v, %v, %v", p, mk, ok, bad, wmk, wok, wbad)
		}
		if ok {
			days++
		}
		if bad {
			like++
		}
		var w string
		if m := reMonthMarker.FindStringSubmatch(p); m != nil {
			w = m[1]
			months++
		}
		if got := monthNumber(p); got != w {
			t.Fatalf("monthNumber(%q) = %q, want %q", p, got, w)
		}
	}
	if days < 100 || like == 0 || months < 12 {
		t.Errorf("%d markers, %d damaged, %d months: the check checks little", days, like, months)
	}
}

// TestOpeningsAndDisasters holds opening, disasterAt and disasterAfter to
// the regexps they read by hand, on every start of the cleaned lines of
// the vendored yearbook that hold a word they look for (and of every
// tenth line), and on made-up text.
func TestOpeningsAndDisasters(t *testing.T) {
	reOpening := regexp.MustCompile(`^([^，。；]{2,30}?(?:正式|成功|顺利)?(?:开馆|开园|开业|上市|揭牌|投入运营|投入使用|建成启用|正式运行|上线运行|开通运营|推出[^，。；]{2,20}))(?:，|。|；|（|$)`)
	reDisasterAt := regexp.MustCompile(`^(?:在)?([^，。；]{2,20}?(?:\d+(?:\.\d+)?级)?(?:地震|洪水|洪灾|火灾|泥石流|山体滑坡|雪灾))(?:发生|中|后|，|。|$)`)
	reDisasterAfter := regexp.MustCompile(`^(?:\d+(?:\.\d+)?级)?(?:地震|洪水|洪灾|火灾|泥石流|山体滑坡|雪灾)`)
	texts := []string{"", "科技馆开馆", "科技馆正式开馆。", "古浪新站正式运行", "新站正式运行，", "集团成功登陆纳斯达克上市（", "市场推出新品", "市场推出" + strings.Repeat("长", 25), "市场推出" + strings.Repeat("长", 25) + "（", "推出长长", "积石山地震发生后", "在积石山6.2级地震中", "积石山6.级地震", "积石山6.2地震", "6.2级地震", "12级洪水", "地震", "在在地震后", "长，地震", strings.Repeat("长", 21) + "地震", "开馆x", "长长开馆x", "长长正式上市"}
	texts = cleanStarts(t, texts, func(k int, l string) bool {
		return k%10 == 0 || strings.ContainsAny(l, "馆园业市牌营用运推震水灾流坡")
	})
	matched := 0
	for _, s := range texts {
		if readsAsSubmatch(t, "opening", reOpening, opening, s) {
			matched++
		}
		if readsAsSubmatch(t, "disasterAt", reDisasterAt, disasterAt, s) {
			matched++
		}
		if got, want := disasterAfter(s), len(reDisasterAfter.FindString(s)); got != want {
			t.Fatalf("disasterAfter(%q) = %d, want %d", s, got, want)
		}
	}
	if matched < 50 {
		t.Errorf("only %d matches: the check checks little", matched)
	}
}

// TestOwnSession holds ownSession to the regexp it reads by hand, on
// every start of the cleaned lines of the vendored yearbook that hold 次,
// and on made-up text.
func TestOwnSession(t *testing.T) {
	reOwnSession := regexp.MustCompile(`^(?:第?[一二三四五六七八九十百零0-9]+届)?第?[一二三四五六七八九十百零0-9]+次[^，。；]{0,12}?(?:会议|大会|全会|全委会)`)
	texts := cleanStarts(t, []string{"", "第八次代表大会", "五届二次会议", "第五届第二次全体会议", "届二次会议", "第第八次会议", "八次" + strings.Repeat("长", 12) + "会议", "八次" + strings.Repeat("长", 13) + "会议", "八次长，会议", "12次全委会", "第五届会议"},
		func(_ int, l string) bool { return strings.Contains(l, "次") })
	holds(t, "ownSession", texts, 50, ownSession, reOwnSession.MatchString)
}

// TestDay holds day to time.Format on every day of three years, a year
// before 1000 and one after 9999, and to its refusals.
func TestDay(t *testing.T) {
	for _, y := range []int{999, 2023, 2024, 2100, 12345} {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				got, ok := day(y, m, d)
				tm := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
				wantOK := m >= 1 && m <= 12 && d >= 1 && tm.Day() == d && int(tm.Month()) == m
				if ok != wantOK || ok && got != tm.Format("2006-01-02") {
					t.Fatalf("day(%d, %d, %d) = %q, %v", y, m, d, got, ok)
				}
			}
		}
	}
}

// TestClauseSpansAndRunes holds clauseSpans to a split at the commas and
// colons a range loop finds, and firstRunes to the runes a range loop
// counts, on the lines of the vendored yearbook and on made-up text with
// broken UTF-8.
func TestClauseSpansAndRunes(t *testing.T) {
	byRunes := func(s string) []sentence {
		var out []sentence
		start := 0
		for i, r := range s {
			if r == '，' || r == '：' || r == ',' {
				if i > start {
					out = append(out, sentence{start, i})
				}
				start = i + utf8.RuneLen(r)
			}
		}
		if start < len(s) {
			out = append(out, sentence{start, len(s)})
		}
		return out
	}
	firstByRange := func(s string, n int) string {
		for i := range s {
			if n == 0 {
				return s[:i]
			}
			n--
		}
		return s
	}
	texts := []string{"", "，", ",,", "a，b：c,d", "\xef，", "\xef\xbc，\x8c", "：\xef\xbc", "长\xe4\xb8长", "\xff\xfe长"}
	spans := 0
	for _, s := range append(texts, booktest.Lines(t)...) {
		got, want := clauseSpans(s), byRunes(s)
		if !slices.Equal(got, want) {
			t.Fatalf("clauseSpans(%q) = %v, want %v", s, got, want)
		}
		spans += len(want)
		for _, n := range []int{0, 1, 24, 29, 1000} {
			if got, want := firstRunes(s, n), firstByRange(s, n); got != want {
				t.Fatalf("firstRunes(%q, %d) = %q, want %q", s, n, got, want)
			}
		}
	}
	if spans < 10000 {
		t.Errorf("only %d clauses: the check checks little", spans)
	}
}
