package events

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yearbookkg/kg/loaders/textnorm"
)

// maxName bounds the display name of an event: it is a title for lists,
// the description holds the rest.
const maxName = 30

// happenVerbs are the verbs that report that a named happening took place.
var happenVerbs = newWordList("召开", "举行", "举办", "开幕", "闭幕", "启动", "开启", "开班", "开赛", "开馆", "上演", "开展", "展开", "揭牌", "开营", "走进")

// eventNounEnds are the last characters of names of happenings: 会 (大会,
// 座谈会, 博览会), 议 (会议), 坛 (论坛), 节, 展, 赛, 式 (仪式), 礼, 典, 动
// (活动, 行动), 班, 演 (巡演), 试 (考试), and names in quotes or book-title
// marks.
const eventNounEnds = "会议坛节展赛式礼典动班演试》”"

// nounEnds is the set of the runes of eventNounEnds.
var nounEnds = runesOf(eventNounEnds)

// isEventNoun reports whether name looks like the name of a happening: it
// ends like one and is not a count (2 次全体会议) or a generic plural
// (各类培训班).
//
// The last rune is tested first: longestEventNoun asks every prefix of a
// text, and most end in no such rune.
func isEventNoun(name string) bool {
	if r, _ := utf8.DecodeLastRuneInString(name); r != '）' && !nounEnds.has(r) {
		return false
	}
	if utf8.RuneCountInString(name) < 4 {
		return false
	}
	if strings.HasSuffix(name, "）") {
		// 联赛（甘肃武威站）: the name is what stands before the note.
		if i := strings.LastIndex(name, "（"); i > 0 {
			return isEventNoun(name[:i])
		}
	}
	r, _ := utf8.DecodeLastRuneInString(name)
	if !strings.ContainsRune(eventNounEnds, r) {
		return false
	}
	if countName(name) || textnorm.HasAnySuffix(name, orgEnds...) {
		return false
	}
	return !textnorm.HasAnyPrefix(name, "各类", "各项", "各种", "多场", "多次", "系列", "一系列", "一批", "等")
}

// orgEnds are endings of names of bodies, not of meetings: 甘肃省总工会
// 举行… names the organizer.
var orgEnds = []string{"工会", "协会", "委员会", "联合会", "商会", "学会", "研究会", "促进会", "基金会", "红十字会", "管委会", "居委会", "村委会", "常委会", "党委会", "董事会", "理事会", "学社"}

// countUnits are the units of a count (2 次, 3 场).
var countUnits = []string{"次", "场", "期", "个", "项", "届", "批", "家", "名", "人"}

// countName reports whether name is a count (2 次全体会议) or starts with
// 会议 or 活动, as the regexp ^\d+(次|场|期|个|项|届|批|家|名|人)|^(会议|活动)
// matches it (the number is read whole: a shorter one would be followed
// by a digit, not by a unit).
func countName(name string) bool {
	if n := digitsAt(name, 0, len(name)); n > 0 {
		return textnorm.HasAnyPrefix(name[n:], countUnits...)
	}
	return textnorm.HasAnyPrefix(name, "会议", "活动")
}

// firstSentence returns s up to and including its first 。；！？, or all of s.
func firstSentence(s string) string {
	m := markFinder{s: s, dot: -1}
	if j := m.next(0); j < len(s) {
		return s[:j+len("。")]
	}
	return s
}

// clauses splits a sentence at its commas and colons and drops the final
// punctuation.
func clauses(s string) []string {
	s = trimEnds(s)
	f := func(r rune) bool { return r == '，' || r == '：' || r == ',' }
	return strings.FieldsFunc(s, f)
}

// organizerVerbs end the organizer a clause may open with (由…主办的).
var organizerVerbs = []string{"联合主办", "共同主办", "主办", "承办", "组织发运", "组织", "举办", "发运"}

// withoutOrganizer returns s without the organizer it opens with, as the
// regexp ^由[^，。]{2,60}?(?:联合主办|共同主办|主办|承办|组织发运|组织|举办|发运)的
// replaced by "" would: after 由, the fewest runes, two to 60, none of
// them ，。, that one of organizerVerbs and 的 follow (no two of them
// and 的 stand at the same place).
func withoutOrganizer(s string) string {
	if !strings.HasPrefix(s, "由") {
		return s
	}
	p := len("由")
	for k := 1; k <= 60; k++ {
		r, w := utf8.DecodeRuneInString(s[p:])
		if w == 0 || r == '，' || r == '。' {
			return s
		}
		p += w
		if v := hasWhichPrefix(s[p:], organizerVerbs); k >= 2 && v != "" && strings.HasPrefix(s[p+len(v):], "的") {
			return s[p+len(v)+len("的"):]
		}
	}
	return s
}

// atEventOn returns the name of the happening of 在…上, as the group of
// the regexp ^在(?:由[^，。]*?的)?(.{4,60}?)上$: what stands between 在 and
// the 上 that ends s, after the organizer (由…的, to the first 的 that
// leaves a name) if one leads to a name, of 4 to 60 runes (nameRunes).
func atEventOn(s string) (string, bool) {
	if !strings.HasPrefix(s, "在") || !strings.HasSuffix(s, "上") {
		return "", false
	}
	body := s[len("在") : len(s)-len("上")]
	if strings.HasPrefix(body, "由") {
		for p := len("由"); ; {
			i := strings.Index(body[p:], "的")
			if i < 0 || strings.ContainsAny(body[len("由"):p+i], "，。") {
				break
			}
			if name := body[p+i+len("的"):]; nameRunes(name) {
				return name, true
			}
			p += i + len("的")
		}
	}
	if nameRunes(body) {
		return body, true
	}
	return "", false
}

// nameRunes reports whether s is 4 to 60 runes, none of them a newline
// (the regexp .{4,60}).
func nameRunes(s string) bool {
	n := utf8.RuneCountInString(s)
	return n >= 4 && n <= 60 && !strings.Contains(s, "\n")
}

// withoutTheme returns s without the theme it opens with, as the regexp
// ^以“[^”]*”为主题的 replaced by "" would.
func withoutTheme(s string) string {
	rest, ok := strings.CutPrefix(s, "以“")
	if !ok {
		return s
	}
	if i := strings.Index(rest, "”"); i >= 0 && strings.HasPrefix(rest[i+len("”"):], "为主题的") {
		return rest[i+len("”")+len("为主题的"):]
	}
	return s
}

// happening finds, in one clause, the name of the happening the clause
// reports: "X(在Y)召开" gives X, "S(在Y)举办X" gives X, when X is named
// like a happening (see isEventNoun). The verbs are tried from the last,
// which is the clause's main verb more often than one inside a name
// (…项目启动会在…举办). It returns "" when the clause names none, and
// whether the name is the object of the verb (S举办X) rather than its
// subject.
func happening(clause string) (name string, object bool) {
	clause = withoutOrganizer(clause)
	clause = withoutTheme(clause)
	if at, ok := atEventOn(clause); ok && isEventNoun(at) {
		return at, false
	}
	for i := happenVerbs.last(clause, len(clause)); i >= 0; i = happenVerbs.last(clause, i) {
		before := clause[:i]
		if i := strings.LastIndex(before, "在"); i > 0 && utf8.RuneCountInString(before[:i]) >= 2 {
			before = before[:i]
		}
		before = trimTrailAdverbs(before)
		if isEventNoun(before) && !startsContinued(before) {
			return before, false
		}
		verb := hasWhichPrefix(clause[i:], happenVerbs.words)
		after := strings.TrimPrefix(clause[i+len(verb):], "了")
		if n := longestEventNoun(after); n != "" {
			rest := after[len(n):]
			// A quoted name followed by more words (“加强…教育”专题调研)
			// is only the modifier of the name.
			quoted := strings.HasSuffix(n, "”") || strings.HasSuffix(n, "》")
			if (rest == "" || !quoted && utf8.RuneCountInString(rest) <= 6) && !startsContinued(rest) && !startsContinued(n) {
				return n, true
			}
		}
	}
	return "", false
}

// trailAdverbs are the adverbs that may stand between a happening's name
// and its verb (…大会隆重召开).
var trailAdverbs = []string{"正式", "顺利", "隆重", "成功", "圆满", "胜利", "集中", "分别", "同时"}

// trimTrailAdverbs returns s without the run of trailAdverbs it ends
// with, as the regexp (?:正式|…|同时)+$ replaced by "" would: all the
// adverbs are six bytes long, so the run the regexp finds, from its
// leftmost start, is the one taken off the end adverb by adverb.
func trimTrailAdverbs(s string) string {
	for {
		w := hasWhichSuffix(s, trailAdverbs)
		if w == "" {
			return s
		}
		s = s[:len(s)-len(w)]
	}
}

// hasWhichSuffix returns the first of ws that s ends with, or "".
func hasWhichSuffix(s string, ws []string) string {
	for _, w := range ws {
		if strings.HasSuffix(s, w) {
			return w
		}
	}
	return ""
}

// hasWhichPrefix returns the first of ws that s starts with, or "".
func hasWhichPrefix(s string, ws []string) string {
	for _, w := range ws {
		if strings.HasPrefix(s, w) {
			return w
		}
	}
	return ""
}

// startsContinued reports whether s starts with a word that joins it to
// what comes before (暨, 和 …): a name cut there is only part of a name.
func startsContinued(s string) bool {
	return textnorm.HasAnyPrefix(s, "暨", "和", "及", "与", "、")
}

// longestEventNoun returns the longest prefix of s that is named like a
// happening: in "全市领导干部会议进行宣布" it is 全市领导干部会议.
func longestEventNoun(s string) string {
	for end := len(s); end > 0; {
		if isEventNoun(s[:end]) {
			return s[:end]
		}
		_, n := utf8.DecodeLastRuneInString(s[:end])
		end -= n
	}
	return ""
}

// chronicleName returns a short title for a chronicle entry: the name of
// the meeting or happening its first sentence reports, or else its first
// clause (two when the first is only a person: 市委书记柳鹏，市委副书记…).
func chronicleName(desc string) string {
	sent := trimEnds(firstSentence(desc))
	cs := clauseSpans(sent)
	if len(cs) == 0 {
		return clip(desc)
	}
	// A leading clause of time (…开工活动后) is not the entry's subject.
	if len(cs) > 1 && textnorm.HasAnySuffix(sent[cs[0].off:cs[0].end], timeClauseEnds...) {
		cs = cs[1:]
	}
	if m, ok := meetingActs(sent[cs[0].off:cs[0].end]); ok {
		return clip(m) // 甘肃省…第四次会议审查批准《…》: the meeting
	}
	for i, c := range cs {
		if i > 1 {
			break
		}
		clause := sent[c.off:c.end]
		n, object := happening(clause)
		if n == "" {
			continue
		}
		if object && utf8.RuneCountInString(n) < 10 {
			// S举行授牌仪式: the object alone says too little.
			return clip(withoutOrganizer(clause))
		}
		return clip(n)
	}
	c := sent[cs[0].off:cs[0].end]
	if utf8.RuneCountInString(textnorm.Key(c)) < 8 && len(cs) > 1 {
		c = sent[cs[0].off:cs[1].end]
	}
	c = withoutOrganizer(c)
	c = strings.TrimPrefix(c, hasWhichPrefix(c, leadWords))
	if m, ok := concluded(c); ok && isEventNoun(m) {
		c = m
	}
	return clip(c)
}

// timeClauseEnds end a clause of time (…开工活动后, …之际).
var timeClauseEnds = []string{"后", "时", "之际", "期间", "前夕"}

// leadWords open a clause before its subject (据悉, 近日…).
var leadWords = []string{"随着", "据悉", "近日", "当日", "当天", "期间"}

// A happening reported as concluded (武威市首届房地产展销会圆满完成) ends with
// one of concludedEnds, which one of concludedAdverbs may precede.
var (
	concludedEnds    = []string{"完成", "结束", "落幕", "闭幕"}
	concludedAdverbs = []string{"正式", "顺利", "圆满", "成功"}
)

// concluded returns the happening s reports as concluded, as the group of
// the regexp ^(.+?)(?:正式|顺利|圆满|成功)?(?:完成|结束|落幕|闭幕)$: s
// without its end and, if what is left is more, the adverb before it.
// The words are Chinese characters, whose lead bytes no rune before them
// holds: the group ends at a rune of s.
func concluded(s string) (string, bool) {
	end := hasWhichSuffix(s, concludedEnds)
	if end == "" {
		return "", false
	}
	g := s[:len(s)-len(end)]
	if a := hasWhichSuffix(g, concludedAdverbs); a != "" && len(g) > len(a) {
		g = g[:len(g)-len(a)]
	}
	if g == "" || strings.Contains(g, "\n") {
		return "", false
	}
	return g, true
}

// clauseSpans returns the byte ranges of the clauses of a sentence,
// between its commas and colons.
//
// It compares bytes: ， and ： (EF BC 8C, EF BC 9A) start with a lead
// byte and the ASCII comma is one byte, none of which a rune a walk
// decodes can hold, so the marks found are those of a walk.
func clauseSpans(s string) []sentence {
	var out []sentence
	start := 0
	for i := 0; i < len(s); i++ {
		w := 1
		switch c := s[i]; {
		case c == ',':
		case c == 0xEF && i+3 <= len(s) && s[i+1] == 0xBC && (s[i+2] == 0x8C || s[i+2] == 0x9A):
			w = 3
		default:
			continue
		}
		if i > start {
			out = append(out, sentence{start, i})
		}
		start = i + w
		i += w - 1
	}
	if start < len(s) {
		out = append(out, sentence{start, len(s)})
	}
	return out
}

// clip trims quotes that wrap the whole name and cuts it to maxName runes,
// marking the cut with an ellipsis.
func clip(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "“") && strings.HasSuffix(s, "”") && strings.Count(s, "“") == 1 {
		s = strings.TrimSuffix(strings.TrimPrefix(s, "“"), "”")
	}
	if utf8.RuneCountInString(s) <= maxName {
		return s
	}
	// The first runes as they are written, unless a byte that is not
	// UTF-8 among them would have been written as U+FFFD.
	if head := firstRunes(s, maxName-1); utf8.ValidString(head) {
		return head + "…"
	}
	return string([]rune(s)[:maxName-1]) + "…"
}

// eventType classifies a happening by its name: meeting, forum, festival,
// exhibition, ceremony, competition, training, activity, disaster. It
// returns "" for a name that says nothing of its kind.
func eventType(name string) string {
	name = trimEllipsis(name)
	if i := strings.LastIndex(name, "（"); i > 0 && strings.HasSuffix(name, "）") {
		name = name[:i] // 联赛（甘肃武威站）
	}
	name = trimQuotes(name)
	switch {
	case textnorm.HasAnySuffix(name, disasters...):
		return "disaster"
	case textnorm.HasAnySuffix(name, "论坛", "峰会"):
		return "forum"
	case strings.Contains(name, "博览会") || strings.Contains(name, "展销会") || textnorm.HasAnySuffix(name, "展", "展会", "展览"):
		return "exhibition"
	case textnorm.HasAnySuffix(name, "节", "旅游日"):
		return "festival"
	case textnorm.HasAnySuffix(name, "仪式", "典礼", "庆典", "大典"):
		return "ceremony"
	case textnorm.HasAnySuffix(name, "赛", "联赛", "比赛", "运动会"):
		return "competition"
	case textnorm.HasAnySuffix(name, "培训班", "研讨班", "班", "培训会"):
		return "training"
	case textnorm.HasAnySuffix(name, "会议", "大会", "全会", "会"):
		return "meeting"
	case textnorm.HasAnySuffix(name, "活动", "行动", "巡演", "演出"):
		return "activity"
	}
	return ""
}

// disasters are the words an event named for a disaster ends with.
var disasters = []string{"地震", "洪水", "洪灾", "火灾", "泥石流", "山体滑坡", "暴雨", "冰雹", "沙尘暴", "雪灾", "旱灾"}

// meetingSig returns the signature of the name of an official meeting, so
// that the forms one meeting is written in compare equal:
// 中国共产党武威市第五届委员会第七次全体会议 and 市委五届七次全体会议, or
// 武威市第五届人民代表大会常务委员会第十二次会议 and 市五届人大常委会第十二次会议,
// all read as level|body|session numbers. It returns "" for a name that
// is not a numbered meeting of a known body; such names are compared as
// written.
func meetingSig(name, city string) string {
	k := textnorm.Key(name)
	set := runesOf(k)
	for _, r := range sigForms {
		if set.holds(r.runes) {
			k = strings.ReplaceAll(k, r.long, r.short)
		}
	}
	party := strings.Contains(k, "中共") || localCommittee(k)
	var body string
	switch {
	case strings.Contains(k, "政协") && strings.Contains(k, "常委会"):
		body = "政协常委会"
	case strings.Contains(k, "政协"):
		body = "政协"
	case strings.Contains(k, "人大常委会") && strings.Contains(k, "主任会议"):
		body = "人大主任会议"
	case strings.Contains(k, "人大常委会"):
		body = "人大常委会"
	case strings.Contains(k, "人大"):
		body = "人大"
	case strings.Contains(k, "纪委"):
		body = "纪委全会"
	case strings.Contains(k, "政府") && strings.Contains(k, "常务会议"):
		body = "政府常务会议"
	case party && strings.Contains(k, "常委会"):
		body = "党委常委会"
	case party && strings.Contains(k, "全会"):
		body = "党委全会"
	default:
		return ""
	}
	var buf [8]int
	nums := appendNumerals(buf[:0], k)
	if len(nums) == 0 {
		return ""
	}
	level := "市"
	switch {
	case strings.Contains(k, "全国") || strings.Contains(k, "中央"):
		level = "国"
	case strings.Contains(k, "省"):
		level = "省"
	case city != "" && strings.Contains(k, city):
	case strings.Contains(k, "市"):
	case strings.ContainsAny(k, "县区"):
		level = "县"
	}
	s := make([]string, len(nums))
	for i, n := range nums {
		s[i] = strconv.Itoa(n)
	}
	return level + "|" + body + "|" + strings.Join(s, ",")
}

// sigForm is a long form of a word in the name of a meeting, which
// meetingSig replaces by its short form.
type sigForm struct {
	long, short string
	runes       runeSet // runesOf(long)
}

// sigForms are the words meetingSig shortens, in order. Each short form
// is made of runes of its long form, so the runes of a name only lose
// some as its words are shortened: a long form whose runes the name did
// not hold (see runeSet) is not in it after any replacement, and is not
// looked for.
var sigForms = func() []sigForm {
	var out []sigForm
	for _, r := range [][2]string{
		{"中国人民政治协商会议", "政协"},
		{"中国共产党", "中共"},
		{"人民代表大会常务委员会", "人大常委会"},
		{"人民代表大会", "人大"},
		{"常务委员会", "常委会"},
		{"纪律检查委员会", "纪委"},
		{"人民政府", "政府"},
		{"全体会议", "全会"},
		{"扩大会议", "会议"},
	} {
		out = append(out, sigForm{r[0], r[1], runesOf(r[0])})
	}
	return out
}()

// localCommittee reports whether the key k names a local Party committee
// (市委, 县委 …): one of 市县区省州盟旗 before 委, as the regexp
// [市县区省州盟旗]委 finds. A key is valid UTF-8, so the rune before each
// 委 decodes backwards as it reads forwards.
func localCommittee(k string) bool {
	for i := 0; ; {
		j := strings.Index(k[i:], "委")
		if j < 0 {
			return false
		}
		r, _ := utf8.DecodeLastRuneInString(k[:i+j])
		if strings.ContainsRune("市县区省州盟旗", r) {
			return true
		}
		i += j + len("委")
	}
}

// appendNumerals appends to out the numbers written in s, in Arabic or
// Chinese digits (五届 四十九次 → 5, 49): each run of ASCII digits, and
// each run of 〇零一二两三四五六七八九十百, as the regexp \d+|[〇零…十百]+
// finds them. meetingSig hands it a buffer of its own.
//
// A Chinese character outside the set of the numerals (cnNumerals), most
// of a name, is stepped over from its bytes (textnorm.HanAt), without decoding it
// for numeralRun and again to step over it.
func appendNumerals(out []int, s string) []int {
	for i := 0; i < len(s); {
		if textnorm.HanAt(s, i) && !cnNumerals.has(textnorm.HanRune(s, i)) {
			i += 3
			continue
		}
		n := numeralRun(s[i:])
		if n == 0 {
			_, w := utf8.DecodeRuneInString(s[i:])
			i += w
			continue
		}
		out = appendNumeral(out, s[i:i+n])
		i += n
	}
	return out
}

// appendNumeral appends the number of the run m of numerals to out: by
// strconv.Atoi, or else by textnorm.Number if it is positive. A run of
// Chinese numerals is no number for Atoi, which is not asked: it would
// only build an error.
func appendNumeral(out []int, m string) []int {
	if isDigit(m[0]) {
		if v, err := strconv.Atoi(m); err == nil {
			return append(out, v)
		}
	}
	if v := textnorm.Number(m); v > 0 {
		return append(out, v)
	}
	return out
}

// numeralRun returns the length of the run of ASCII digits, or else of
// Chinese numerals, that s starts with.
func numeralRun(s string) int {
	if n := digitsAt(s, 0, len(s)); n > 0 {
		return n
	}
	n := 0
	for n < len(s) {
		r, w := utf8.DecodeRuneInString(s[n:])
		if !cnNumerals.has(r) || !strings.ContainsRune(chineseNumerals, r) {
			break
		}
		n += w
	}
	return n
}

// chineseNumerals are the numerals of numeralRun; cnNumerals is the set
// of them, which rules most other runes out before the search.
const chineseNumerals = "〇零一二两三四五六七八九十百"

var cnNumerals = runesOf(chineseNumerals)
