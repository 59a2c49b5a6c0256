package events

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/yearbookkg/kg/loaders/segment"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// subTitleEnds are the endings of the sub-title of a dated meeting
// sub-entry: 五届市委四十九次常委会会议, 第九次主任会议, 市委五届六次全体会议.
var subTitleEnds = []string{"会议", "全会", "大会", "会", "学习"}

// subEntry reports whether body line l starts a dated meeting sub-entry:
// a sub-title named like a meeting, U+3000, then a date (which may wrap
// to the next line: `…常委会会议　1 月 3` / `日，…`). It returns the
// sub-title and the byte offset in l.Text where the date starts.
func subEntry(l *segment.Line) (string, int, bool) {
	if l.Kind != segment.Body {
		return "", 0, false
	}
	// Every body line of the book is asked: the spaces are stepped over
	// in place, without a call.
	t := l.Text
	for t != "" && t[0] == ' ' {
		t = t[1:]
	}
	i := strings.Index(t, "\u3000")
	if i <= 0 {
		return "", 0, false
	}
	sub := textnorm.Key(t[:i])
	// The ending first: it is the test most lines fail, and the cheapest.
	if !textnorm.HasAnySuffix(sub, subTitleEnds...) {
		return "", 0, false
	}
	n := utf8.RuneCountInString(sub)
	if n < 4 || n > 40 || textnorm.ContainsAny(sub, "，", "。", "；", "：", "、", "！", "？", "【", "】", "“", "”", "《", "》") || textnorm.HanCount(sub) < 3 {
		return "", 0, false
	}
	rest := strings.TrimLeft(t[i:], " \u3000")
	if rest != "" && (rest[0] < '0' || rest[0] > '9') {
		return "", 0, false
	}
	return sub, len(l.Text) - len(rest), true
}

// meetingTopics reads the topics that record meetings: those with dated
// sub-entries, and those whose title names one happening and whose text
// starts with its date.
func (x *extractor) meetingTopics() {
	for _, p := range x.d.Parts {
		for _, s := range p.Sections {
			for _, t := range s.Topics {
				if x.subEntries(t) {
					x.used[t] = true
					continue
				}
				if x.singleMeeting(t) {
					x.used[t] = true
				}
			}
		}
	}
}

// subEntries adds an event for each dated sub-entry of topic t and reports
// whether it has any.
func (x *extractor) subEntries(t *segment.Topic) bool {
	d := x.d
	type sub struct {
		line, col int
		title     string
	}
	var subs []sub
	for n := t.TextStart + 1; n <= t.End; n++ {
		if title, col, ok := subEntry(d.Line(n)); ok {
			subs = append(subs, sub{n, col, title})
		}
	}
	for i, s := range subs {
		to := t.End
		if i+1 < len(subs) {
			to = subs[i+1].line - 1
		}
		p := d.Passage(s.line, to, s.col)
		ds, n, err := fullDate(p.Text, d.Year)
		if err != nil {
			x.diag(s.line, CodeMeetingBadDate, fmt.Sprintf("meeting sub-entry %q: no readable date: %v", s.title, err))
			continue
		}
		off := n + len(leadingPunct(p.Text[n:]))
		tx := text{p: p, off: off, end: len(p.Text)}
		name := x.qualify(s.title, t.Title, tx.String())
		src := d.Source(x.yb, p, off)
		src.Line, src.Page = s.line, d.Line(s.line).Page
		e := x.newEvent(name, ds, CategoryMeeting, tx, src)
		e.addName(s.title)
		x.add(e, meetingKey(e))
	}
	return len(subs) > 0
}

// leadingPunct returns the comma or space that follows a date.
func leadingPunct(s string) string {
	for _, p := range []string{"，", ",", "、", " "} {
		if strings.HasPrefix(s, p) {
			return p
		}
	}
	return ""
}

// qualify returns the full name of a sub-entry's meeting. A sub-title that
// names the meeting only within its topic (第九次会议 under 【市人民代表大会
// 常务委员会会议】) takes the name the text gives it (市五届人大常委会第九次
// 会议召开) or else the topic's body before it.
func (x *extractor) qualify(sub, topic, desc string) string {
	if !strings.HasPrefix(sub, "第") {
		return sub
	}
	cs := clauses(firstSentence(desc))
	if len(cs) > 0 {
		c := strings.TrimSuffix(strings.TrimSuffix(cs[0], "召开"), "举行")
		if strings.HasSuffix(textnorm.Key(c), sub) && utf8.RuneCountInString(c) <= 40 {
			return c
		}
	}
	return strings.TrimSuffix(topic, "会议") + sub
}

// meetingKey is the key of an event that is not a chronicle entry: its date
// and its meeting signature, or its name.
func meetingKey(e *event) string {
	if e.sig != "" {
		return e.date.Start + "|" + e.sig
	}
	return e.date.Start + "|" + textnorm.Key(trimEllipsis(e.ent.Name))
}

// happeningTitleEnds are the endings of topic titles that name one
// happening rather than a subject: 【科技馆开馆】, 【…上市】.
var happeningTitleEnds = []string{"开馆", "开幕", "开业", "开园", "上市", "揭牌", "启动", "开班", "开营", "通车", "闭幕"}

// genericTitleStarts start the titles of topics that gather several
// happenings (【重要活动】); 节会 is in others (【旅游节会活动】): their
// text is running text.
var genericTitleStarts = []string{"重要", "主要", "其他", "各类", "各项", "系列", "有关", "相关", "会议活动"}

// genericTitle reports whether a topic's title gathers several
// happenings, as the regexp ^(重要|主要|其他|各类|各项|系列|有关|相关|会议活动)|节会
// matches it.
func genericTitle(title string) bool {
	return textnorm.HasAnyPrefix(title, genericTitleStarts...) || strings.Contains(title, "节会")
}

// singleMeeting adds the event of a topic whose title names one happening
// (【市委经济工作会议】) and whose text starts with its full date. It reports
// whether it added one.
func (x *extractor) singleMeeting(t *segment.Topic) bool {
	title := t.Title
	if !isEventNoun(title) && !textnorm.HasAnySuffix(title, happeningTitleEnds...) || genericTitle(title) {
		return false
	}
	d := x.d
	p := x.topicText(t)
	ds, n, err := fullDate(p.Text, d.Year)
	if err != nil {
		return false
	}
	off := n + len(leadingPunct(p.Text[n:]))
	tx := text{p: p, off: off, end: len(p.Text)}
	src := d.Source(x.yb, p, off)
	src.Line, src.Page = t.Start, t.Page
	category := eventType(title)
	if category == "" {
		category = CategoryOther
	}
	if textnorm.HasAnySuffix(title, happeningTitleEnds...) {
		// An opening's topic goes on about the thing opened: only its
		// first sentence tells of the event.
		category = "opening"
		tx.rel = off + len(firstSentence(tx.String()))
	}
	e := x.newEvent(title, ds, category, tx, src)
	if c := clauses(firstSentence(tx.String())); len(c) > 0 {
		if n, _ := happening(c[0]); n != "" {
			e.addName(n)
			if e.sig == "" {
				e.sig = meetingSig(n, d.City)
			}
		}
	}
	x.add(e, meetingKey(e))
	return true
}

// An adoption line follows the title of a document: （2023 年 6 月 20 日武威市
// 第五届人民代表大会常务委员会第十二次会议通过 / 2023 年 7 月 27 日…批准）.
// adoptionStart reports whether the clean line s opens an adoption line,
// as the regexp ^（\d{4}年\d{1,2}月 matches it: （, a year, 年, a month and
// 月 (a month of two digits is read whole: one digit would be followed by
// a digit, not by 月).
func adoptionStart(s string) bool {
	const q = len("（2023年")
	if !strings.HasPrefix(s, "（") || digitsAt(s, len("（"), 4) < 4 || !strings.HasPrefix(s[len("（")+4:], "年") {
		return false
	}
	mo := digitsAt(s, q, 2)
	return mo > 0 && strings.HasPrefix(s[q+mo:], "月")
}

// adoptionVerbs are the verbs an adoption clause ends with.
var adoptionVerbs = []string{"通过", "批准", "公布", "修订", "修正"}

// adoptionLines adds the meetings that adopted the documents of the
// appendix, and the publication of documents issued by order. Nothing else
// of those documents is read: they are texts, not a record of events.
//
// Only the lines that open with （ are asked (see lineMarks).
func (x *extractor) adoptionLines() {
	d := x.d
	last := 0 // the last line of the adoption line read last
	for _, n := range x.marks.parens {
		if n <= last {
			continue
		}
		// A body or author line (one that holds the whole parenthesis
		// looks like an author line) that opens with （. Clean drops the
		// spaces a line starts with: its clean line is that of the line
		// without them.
		if !adoptionStart(d.CleanLine(n)) {
			continue
		}
		// The parenthesis may wrap over a few lines.
		to := n
		for k := n; k > 0 && k <= len(d.Lines) && k < n+6; k = x.nextBody(k) {
			to = k
			if strings.Contains(d.Line(k).Text, "）") {
				break
			}
		}
		// Built by hand: an author-like line is no body text for Passage.
		var b strings.Builder
		for k := n; k <= to; k++ {
			if kd := d.Line(k).Kind; kd == segment.Body || kd == segment.Author {
				b.WriteString(d.CleanLine(k))
			}
		}
		p := &segment.Passage{Text: b.String(), Start: n}
		body := p.Text
		if i := strings.Index(body, "）"); i >= 0 {
			body = body[:i]
		}
		doc := x.documentTitle(n)
		locs := findAllFullDates(body)
		for i, m := range locs {
			end := len(body)
			if i+1 < len(locs) {
				end = locs[i+1][0]
			}
			clause := strings.TrimRight(body[m[0]:end], " 自，、；")
			verb := hasWhichSuffix(clause, adoptionVerbs)
			if verb == "" {
				continue
			}
			ds, _, err := parseFull(body, m, d.Year)
			if err != nil {
				continue
			}
			who := strings.TrimSuffix(clause[m[1]-m[0]:], verb)
			var name, category string
			switch {
			case strings.Contains(who, "会议") || strings.Contains(who, "全会"):
				name, category = who, CategoryMeeting
			case doc != "":
				name, category = verb+"《"+doc+"》", CategoryAdoption
			default:
				continue
			}
			desc := clause
			if doc != "" {
				desc += "《" + doc + "》"
			}
			tp := &segment.Passage{Text: desc, Start: n}
			src := x.quoted(p, m[0], d.CleanLine(n))
			if to > n {
				src.Quote = "（" + body + "）"
			}
			e := x.newEvent(name, ds, category, text{p: tp, end: len(desc)}, src)
			x.add(e, meetingKey(e))
		}
		last = to
	}
}

// documentTitle returns the title of the document whose adoption line is
// line n: the short lines without sentence punctuation just above it.
func (x *extractor) documentTitle(n int) string {
	var parts []string
	for k := n - 1; k > 0 && len(parts) < 3; k-- {
		l := x.d.Line(k)
		if l.Kind == segment.Blank {
			continue
		}
		if l.Kind != segment.Body && l.Kind != segment.Heading {
			break
		}
		t := x.d.CleanLine(k)
		if t == "" || textnorm.ContainsAny(t, "。", "；", "，", "：", "！", "？") || utf8.RuneCountInString(t) > 30 {
			break
		}
		parts = append([]string{t}, parts...)
	}
	return strings.Join(parts, "")
}
