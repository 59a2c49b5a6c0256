package events

import (
	"strings"
	"unicode/utf8"

	"github.com/yearbookkg/kg/loaders/segment"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// skippedParts are the conventional chapters of a Chinese yearbook whose
// text is not a record of the year's happenings: the speeches of 特载 and
// the survey articles of 专记 summarise the year, the appendix holds
// documents (their adoption lines are read by adoptionLines), the index
// only page numbers.
var skippedParts = []string{"特载", "专记", "专文", "附录", "索引"}

// runningText adds the events that sentences of running text date and
// name, in every topic not already read as a meeting record.
func (x *extractor) runningText() {
	for _, p := range x.d.Parts {
		if textnorm.HasAnyPrefix(textnorm.Key(p.Title), skippedParts...) {
			continue
		}
		for _, s := range p.Sections {
			for _, t := range s.Topics {
				if x.used[t] {
					continue
				}
				// The passage's own sentence ends split it: they were
				// found when it was built, and need no search here.
				ps := x.topicText(t)
				for off := 0; off < len(ps.Text); {
					s := ps.Sentence(off)
					x.datedSentence(ps, off, s, false)
					off += len(s)
				}
			}
		}
	}
}

// atVerbs and firstVerbs are the verbs of the two commonest forms of a
// sentence that a date opens: 在/于 a place or venue, then one of atVerbs,
// then the name; or one of firstVerbs first (举办了 2023 年…培训班).
var (
	atVerbs    = []string{"召开", "举行", "举办", "开幕", "启动", "开班", "开赛", "开馆"}
	firstVerbs = []string{"召开", "举行", "举办", "开展", "启动"}
)

// atThenVerb reads the regexp
//
//	^(?:在|于)[^，。；]{1,40}?(?:召开|举行|举办|开幕|启动|开班|开赛|开馆)了?([^，。；]+)
//
// (atVerbs) at the start of s and returns its group: after 在 or 于, the
// fewest runes, one to 40, none of them ，。；, that a verb and its
// object follow (verbObject).
func atThenVerb(s string) (string, bool) {
	if !textnorm.HasAnyPrefix(s, "在", "于") {
		return "", false
	}
	p := len("在")
	for range 40 {
		w, ok := clauseRune(s, p)
		if !ok {
			return "", false
		}
		p += w
		if v := hasWhichPrefix(s[p:], atVerbs); v != "" {
			if obj, ok := verbObject(s[p+len(v):]); ok {
				return obj, true
			}
		}
	}
	return "", false
}

// verbFirst reads the regexp ^(?:召开|举行|举办|开展|启动)了?([^，。；]+)
// (firstVerbs) at the start of s and returns its group.
func verbFirst(s string) (string, bool) {
	v := hasWhichPrefix(s, firstVerbs)
	if v == "" {
		return "", false
	}
	return verbObject(s[len(v):])
}

// verbObject reads 了?([^，。；]+) at the start of s and returns the group:
// the runes up to the first ，。； after 了 if any stand there, else from
// the start (了 itself, before a ，).
func verbObject(s string) (string, bool) {
	if strings.HasPrefix(s, "了") {
		if n := clauseRun(s[len("了"):]); n > 0 {
			return s[len("了") : len("了")+n], true
		}
	}
	if n := clauseRun(s); n > 0 {
		return s[:n], true
	}
	return "", false
}

// clauseRun returns the length of the run of s before its first ，。；
// (all of s if none).
func clauseRun(s string) int { return markEnd(s, false) }

// markEnd returns the offset of the first ，。； in s, or of the first
// ，。；： if colon is set, or len(s). The marks are three bytes that no
// rune a walk decodes can hold, so the first found by bytes is the first
// a walk finds.
func markEnd(s string, colon bool) int {
	for i := 0; i+3 <= len(s); i++ {
		switch s[i] {
		case 0xE3:
			if s[i+1] == 0x80 && s[i+2] == 0x82 { // 。
				return i
			}
		case 0xEF:
			if c := s[i+2]; s[i+1] == 0xBC && (c == 0x8C || c == 0x9B || colon && c == 0x9A) { // ，；：
				return i
			}
		}
	}
	return len(s)
}

// clauseRune returns the rune at byte p of s and its length, and whether
// it is a rune of a clause: not ，。； and not past the end. It is one
// step of the regexp class [^，。；].
func clauseRune(s string, p int) (int, bool) {
	r, w := utf8.DecodeRuneInString(s[p:])
	return w, w > 0 && r != '，' && r != '。' && r != '；'
}

// disasterWords are the words of the disasters running text dates.
var disasterWords = []string{"地震", "洪水", "洪灾", "火灾", "泥石流", "山体滑坡", "雪灾"}

// disasterAt returns the disaster named at the start of s (积石山地震发生后 /
// 积石山 6.2 级地震), as the group of the regexp
//
//	^(?:在)?([^，。；]{2,20}?(?:\d+(?:\.\d+)?级)?(?:地震|洪水|洪灾|火灾|泥石流|山体滑坡|雪灾))(?:发生|中|后|，|。|$)
//
// finds it: after 在 if one leads to a match, else from the start, the
// fewest runes of the clause, two to 20, then a disaster (disasterAfter)
// and a word that ends it.
func disasterAt(s string) (string, bool) {
	starts := []int{0}
	if strings.HasPrefix(s, "在") {
		starts = []int{len("在"), 0}
	}
	for _, st := range starts {
		p := st
		for k := 1; k <= 20; k++ {
			w, ok := clauseRune(s, p)
			if !ok {
				break
			}
			p += w
			if n := disasterAfter(s[p:]); k >= 2 && n > 0 && (p+n == len(s) || textnorm.HasAnyPrefix(s[p+n:], "发生", "中", "后", "，", "。")) {
				return s[st : p+n], true
			}
		}
	}
	return "", false
}

// disasterAfter returns the length of the disaster that s starts with, a
// magnitude (6.2 级) if written and one of disasterWords, as the regexp
// ^(?:\d+(?:\.\d+)?级)?(?:地震|洪水|洪灾|火灾|泥石流|山体滑坡|雪灾) matches
// it, or 0. The numbers are read whole: a shorter one would be followed
// by a digit, not by . or 级.
func disasterAfter(s string) int {
	p := 0
	if n := digitsAt(s, 0, len(s)); n > 0 {
		q := n
		if q < len(s) && s[q] == '.' {
			if f := digitsAt(s, q+1, len(s)); f > 0 {
				q += 1 + f
			}
		}
		if strings.HasPrefix(s[q:], "级") {
			p = q + len("级")
		}
	}
	if w := hasWhichPrefix(s[p:], disasterWords); w != "" {
		return p + len(w)
	}
	return 0
}

// openingAdverbs may stand before the verb of an opening, one of
// openingWords or 推出 and what was launched (2 to 20 runes of the clause).
var (
	openingAdverbs = []string{"正式", "成功", "顺利"}
	openingWords   = []string{"开馆", "开园", "开业", "上市", "揭牌", "投入运营", "投入使用", "建成启用", "正式运行", "上线运行", "开通运营"}
)

// opening returns the opening or launch of a named thing at the start of
// s (普康集团成功登陆纳斯达克上市), as the group of the regexp
//
//	^([^，。；]{2,30}?(?:正式|成功|顺利)?(?:开馆|开园|开业|上市|揭牌|投入运营|投入使用|建成启用|正式运行|上线运行|开通运营|推出[^，。；]{2,20}))(?:，|。|；|（|$)
//
// finds it: the fewest runes of the clause, two to 30, then an opening
// (openingAt), after an adverb if one leads to a match.
func opening(s string) (string, bool) {
	p := 0
	for k := 1; k <= 30; k++ {
		w, ok := clauseRune(s, p)
		if !ok {
			return "", false
		}
		p += w
		if k < 2 {
			continue
		}
		if a := hasWhichPrefix(s[p:], openingAdverbs); a != "" {
			if e, ok := openingAt(s, p+len(a)); ok {
				return s[:e], true
			}
		}
		if e, ok := openingAt(s, p); ok {
			return s[:e], true
		}
	}
	return "", false
}

// openingAt reads the verb of an opening at byte q of s, one of
// openingWords or 推出 and the most runes of the clause (2 to 20), and a
// word that ends it (openingEnd). It returns the end of the verb.
func openingAt(s string, q int) (int, bool) {
	for _, w := range openingWords {
		if strings.HasPrefix(s[q:], w) && openingEnd(s, q+len(w)) {
			return q + len(w), true
		}
	}
	if !strings.HasPrefix(s[q:], "推出") {
		return 0, false
	}
	var ends [20]int // ends[j-1]: the end of j runes of the clause
	n, p := 0, q+len("推出")
	for n < len(ends) {
		w, ok := clauseRune(s, p)
		if !ok {
			break
		}
		p += w
		ends[n] = p
		n++
	}
	for j := n; j >= 2; j-- {
		if openingEnd(s, ends[j-1]) {
			return ends[j-1], true
		}
	}
	return 0, false
}

// openingEnd reports whether an opening may end at byte i of s: at the
// end, or before ，。；（.
func openingEnd(s string, i int) bool {
	return i == len(s) || textnorm.HasAnyPrefix(s[i:], "，", "。", "；", "（")
}

// What may follow a date and makes it no date of a happening: a deadline
// (9 月 10 日前), a start (6 月 1 日起), a period (以来); and what may
// precede it to the same effect: 截至, 自, 从.
var (
	notHappeningAfter  = []string{"前", "起", "以来", "之前", "以后", "之后", "至今", "止", "以前", "开始", "底前", "中旬前"}
	notHappeningBefore = []string{"截至", "截止", "自", "从", "到", "至", "于", "在"}
)

// meetingEnds are the words a meeting's name ends with before the verb
// of its acts (meetingVerbs): 武威市四届人大常委会第三十三次会议确定….
var (
	meetingEnds  = []string{"会议", "全会", "大会"}
	meetingVerbs = []string{"审议", "审定", "审查", "确定", "通过", "决定", "表决", "选举", "作出", "批准"}
)

// meetingActs returns the meeting named at the start of s before a verb
// of its acts, as the regexp
//
//	^([^，。；]{4,40}?(?:会议|全会|大会))(?:审议|审定|审查|确定|通过|决定|表决|选举|作出|批准)
//
// finds it: the fewest runes, four to 40, none of them ，。；, that one of
// meetingEnds and one of meetingVerbs follow. The meeting ends in 会议,
// 全会 or 大会 within the first 42 runes, so only a text where 会 stands
// in them (each at most four bytes) is read.
func meetingActs(s string) (string, bool) {
	if !strings.Contains(headRunes(s, 42), "会") {
		return "", false
	}
	p := 0
	for k := 1; k <= 40; k++ {
		w, ok := clauseRune(s, p)
		if !ok {
			return "", false
		}
		p += w
		if e := hasWhichPrefix(s[p:], meetingEnds); k >= 4 && e != "" && textnorm.HasAnyPrefix(s[p+len(e):], meetingVerbs...) {
			return s[:p+len(e)], true
		}
	}
	return "", false
}

// datedSentence adds the event that sentence s (at byte off of passage p)
// dates and names, if any. The date must open the sentence (9 月 23 日，在
// …举办“…论坛”) or follow 于 (古浪新站于 2023 年 1 月 1 日正式运行); a date
// inside a clause (会议传达学习 2 月 16 日中央政治局会议精神) is reported
// speech, not a happening of the passage. A date of month precision is
// accepted only with a named happening; one of year precision only when
// the happening is also recorded with its day elsewhere.
func (x *extractor) datedSentence(p *segment.Passage, off int, s string, inChronicle bool) {
	d := x.d
	lead := strings.TrimLeft(s, " ")
	off += len(s) - len(lead)
	s = lead
	var (
		ds      dateSpan
		n       int // the end of the date in s
		subject string
		precise = true
		weak    bool
	)
	if v, k, err := fullDate(s, d.Year); err == nil {
		ds, n = v, k
	} else if m := yuFullDate(s); m != nil {
		// X 于 date verb: the subject is the clause before 于.
		before := s[:m[0]-len("于")]
		if textnorm.HasAnySuffix(before, notHappeningBefore...) || textnorm.ContainsAny(before, "，", "；", "：") {
			return
		}
		v, _, err := parseFull(s, m, d.Year)
		if err != nil {
			return
		}
		ds, n, subject = v, m[1], before
	} else if v, k, ok := partialDate(s, d.Year); ok && !inChronicle {
		ds, n, precise = v, k, false
		weak = len(v.Start) == 4
	} else {
		return
	}
	after := s[n:]
	if textnorm.HasAnyPrefix(after, notHappeningAfter...) {
		return
	}
	after = strings.TrimPrefix(after, leadingPunct(after))
	name, category := "", ""
	switch {
	case subject != "":
		if o, ok := opening(subject + after); ok {
			name, category = o, "opening"
		} else if c := firstClause(after); textnorm.HasAnyPrefix(c, "召开", "举行", "举办", "开幕", "启动", "开馆", "正式运行", "上线运行", "正式推出", "推出") {
			name, category = subject+c, "opening"
		}
	default:
		if obj, ok := atThenVerb(after); ok {
			name = longestEventNoun(obj)
		}
		if name == "" {
			if obj, ok := verbFirst(after); ok {
				name = longestEventNoun(obj)
			}
		}
		if name == "" {
			name, _ = happening(firstClause(after))
		}
		if name == "" && precise {
			if m, ok := meetingActs(after); ok {
				name, category = m, CategoryMeeting
			} else if d, ok := disasterAt(after); ok {
				name, category = d, "disaster"
			} else if o, ok := opening(after); ok && !inChronicle {
				name, category = o, "opening"
			}
		}
	}
	name = strings.TrimSpace(name)
	if name == "" || utf8.RuneCountInString(name) < 4 {
		return
	}
	if category == "" {
		category = eventType(name)
		if category == "" {
			category = CategoryOther
		}
	}
	tx := text{p: p, off: off, end: off + len(s), rel: off + relEnd(s, name, n), weak: weak}
	src := x.quoted(p, off, strings.TrimSpace(s))
	e := x.newEvent(name, ds, category, tx, src)
	e.weak = weak
	x.add(e, meetingKey(e))
}

// yuFullDate returns the submatch indexes of the first full date of s
// (findFullDate) if 于 stands right before it, else nil. Such a date
// starts with a digit after 于: a sentence without one is not searched.
func yuFullDate(s string) []int {
	if !yuDate(s) {
		return nil
	}
	if m := findFullDate(s); m != nil && m[0] > 0 && strings.HasSuffix(s[:m[0]], "于") {
		return m
	}
	return nil
}

// relEnd returns the end of the clause of s that names the event (or, when
// the name is not written as such, the clause after its date, which ends
// at byte dateEnd): the rest of the sentence tells of other things.
func relEnd(s, name string, dateEnd int) int {
	from := dateEnd
	if i := strings.Index(s, trimEllipsis(name)); i >= 0 {
		from = i + len(name)
	} else if i := strings.IndexAny(s[from:], "，"); i == 0 {
		from += len("，")
	}
	if from > len(s) {
		return len(s)
	}
	if i := strings.IndexAny(s[from:], "，；。"); i >= 0 {
		return from + i
	}
	return len(s)
}

// firstClause returns s up to its first comma, colon or sentence end
// (，。；：).
func firstClause(s string) string { return s[:markEnd(s, true)] }
