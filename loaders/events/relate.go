package events

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/mention"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// contentVerbs introduce what a meeting studied, heard or adopted: a name
// after one of them in the same clause is the subject matter of the event
// (会议传达学习习近平总书记在甘肃考察时…精神), not a participant or its place.
var contentVerbs = newWordList("传达", "学习", "贯彻", "落实", "审议", "听取", "研究", "讨论", "通过", "印发", "审定", "审查", "表决", "宣读", "部署", "按照", "根据")

// postWords are the titles that, written right after an organization,
// make it part of a post (市委书记柳鹏, 任中共武威市委书记): the organization
// names whose post it is, not a participant.
var postWords = newWordList("书记", "副书记", "常委", "委员", "主席", "副主席", "部长", "副部长", "市长", "副市长", "县长", "区长", "主任", "副主任", "局长", "副局长", "厅长", "副厅长", "院长", "校长", "董事长", "总经理", "行长", "组长", "副组长", "会长", "秘书长", "理事长", "社长", "站长", "所长", "馆长", "检察长", "政委", "司令员", "队长", "场长", "经理", "总裁", "董事", "党组书记", "省长", "副省长", "代市长", "代理市长")

// citedLeads are the words that, written right after a person's name,
// open a citation of the person (习近平新时代中国特色社会主义思想, 习近平总书记…
// 重要讲话精神, …署名文章), not a participant: 新时代 alone, the others with
// one of citedWorks later in the same clause.
var (
	citedLeads = []string{"新时代", "生态文明思想", "总书记", "总理", "委员长", "同志"}
	citedWorks = newWordList("思想", "讲话", "指示", "批示", "精神", "论述", "贺信", "回信", "贺词", "要求", "文章", "著作", "摘编", "嘱托")
)

// speechWords are the words of a person's speech or instruction told as
// what a meeting studied (传达学习…省长任振鹤在武威调研时的讲话精神): the
// person is cited, not a participant, even where the content verb is in
// an earlier clause.
var speechWords = []string{"讲话", "指示", "批示", "论述", "贺信", "回信"}

// citesPerson reports whether rest, the text after a person's name, cites
// the person, as one of the regexps
//
//	^新时代|^(?:生态文明思想|总书记|总理|委员长|同志)[^，；。]*?(?:思想|讲话|指示|批示|精神|论述|贺信|回信|贺词|要求|文章|著作|摘编|嘱托)
//	^[^，；。]{0,30}?(?:讲话|指示|批示|论述|贺信|回信)精神
//
// matches it: a lead of citedLeads and a word of citedWorks before the
// clause ends (a word starting there ends there, being made of Chinese
// characters), or a speech word and 精神 after at most 30 runes of the
// clause. Events check every person they find, and most are cited by
// neither: the second is read only where 精神 stands within the 34 runes
// it can reach (at most 4 bytes each).
func citesPerson(rest string) bool {
	switch lead := hasWhichPrefix(rest, citedLeads); lead {
	case "":
	case "新时代":
		return true
	default:
		after := rest[len(lead):]
		if citedWorks.in(after[:clauseRun(after)]) {
			return true
		}
	}
	if !strings.Contains(headRunes(rest, 34), "精神") {
		return false
	}
	for p, k := 0, 0; ; k++ {
		if w := hasWhichPrefix(rest[p:], speechWords); w != "" && strings.HasPrefix(rest[p+len(w):], "精神") {
			return true
		}
		if k == 30 {
			return false
		}
		w, ok := clauseRune(rest, p)
		if !ok {
			return false
		}
		p += w
	}
}

// citesOrg reports whether rest, the text after an organization's name,
// cites the organization's decision or document as content (省委有关文件
// 精神, 省委十四届三次全会精神), as the regexp
//
//	^[^，；。、]{0,16}?(?:精神|文件)(?:[，；。、和及]|$)
//
// matches it: 精神 or 文件 after at most 16 runes, none of them ，；。、,
// then the end or one of ，；。、和及. It is read only where 精神 or 文件
// stands within the 18 runes it can reach before its last one.
func citesOrg(rest string) bool {
	h := headRunes(rest, 18)
	if !strings.Contains(h, "精神") && !strings.Contains(h, "文件") {
		return false
	}
	for p, k := 0, 0; ; k++ {
		if q := p + len("精神"); textnorm.HasAnyPrefix(rest[p:], "精神", "文件") && (q == len(rest) || textnorm.HasAnyPrefix(rest[q:], "，", "；", "。", "、", "和", "及")) {
			return true
		}
		if k == 16 {
			return false
		}
		r, w := utf8.DecodeRuneInString(rest[p:])
		if w == 0 || r == '，' || r == '；' || r == '。' || r == '、' {
			return false
		}
		p += w
	}
}

// headRunes returns the start of s that holds its first n runes, and
// perhaps a few more bytes: n runes of UTF-8 are at most 4n bytes.
func headRunes(s string, n int) string { return s[:min(len(s), 4*n)] }

// placePreps are the words after which a place is where the event happened.
var placePreps = []string{"在", "于", "赴", "到", "来到", "深入", "走进", "抵达", "位于"}

// placeVerbs are the verbs before which a place is where the event
// happened (凉州区召开…).
var placeVerbs = []string{"召开", "举行", "举办", "启动", "开幕"}

// departVerbs are the verbs of a departure: the place after 从 and before
// one of them is where the departing happened (班列从武威南站驶出), unlike an
// origin of goods (从哈萨克斯坦进口).
var departVerbs = []string{"驶出", "出发", "始发", "发车", "开出", "启程", "出港"}

// siteType is the place type of stations, parks and scenic areas: a site is
// never an actor, so a site written as the subject is where the event
// happened (武威工业园区6个项目集中开工).
const siteType = "SITE"

// linkKey is a relationship's type and ends: relate keeps one link per
// key. A struct, not the parts joined into a string, costs no string per
// link.
type linkKey struct {
	typ      string
	from, to kg.Ref
}

// relate returns the relationships of event e to the names found in its
// texts: people and organizations PARTICIPATED_IN it, it INVOLVES projects,
// and it OCCURRED_IN the place where it happened (see places).
//
// It appends them to out, the relationships of the events before, and
// returns it; x.seen, cleared here, maps the links of e to their place in
// out.
func (x *extractor) relate(e *event, out []kg.Relationship) []kg.Relationship {
	if x.f == nil {
		return out
	}
	ref := kg.Ref{Kind: kg.Event, Key: e.ent.Key}
	if x.seen == nil {
		x.seen = map[linkKey]int{}
	}
	seen := x.seen
	clear(seen)
	emit := func(r kg.Relationship) {
		k := linkKey{r.Type, r.From, r.To}
		if i, ok := seen[k]; ok {
			// One link per pair; a later text that shows the chair wins.
			if r.Props["role"] == "chair" && out[i].Props["role"] != "chair" {
				out[i] = r
			}
			return
		}
		seen[k] = len(out)
		out = append(out, r)
	}
	placed := false
	var projects []string // keys of the projects the event involves
	for _, t := range e.texts {
		if t.weak {
			continue
		}
		s := t.String()
		if t.rel > t.off && t.rel < t.end {
			s = t.p.Text[t.off:t.rel]
		}
		spans := x.f.Find(s)
		first := len(firstSentence(s))
		source := func(sp mention.Span) kg.Source {
			return x.d.Source(x.yb, t.p, t.off+sp.Start)
		}
		for _, sp := range spans {
			if sp.Key == "" || insideMarks(s, sp.Start) || isContent(s, sp.Start) {
				continue
			}
			if sp.Kind == kg.Person && citesPerson(s[sp.End:]) {
				continue
			}
			if sp.Kind == kg.Organization && citesOrg(s[sp.End:]) {
				continue
			}
			if sp.Kind == kg.Organization && (postWords.prefix(s[sp.End:]) || inTitle(sp, spans)) {
				continue
			}
			// An organization's own numbered meeting told after the
			// first sentence is another happening (…参加省残联第八次代表
			// 大会的代表), not this one.
			if sp.Kind == kg.Organization && sp.Start >= first && ownSession(s[sp.End:]) {
				continue
			}
			switch sp.Kind {
			case kg.Person, kg.Organization:
				emit(kg.Relationship{Type: kg.ParticipatedIn, From: sp.Ref(), To: ref, Props: roleProps(sp, chairs(s, sp.End)), Source: source(sp)})
			case kg.Project:
				if shortFormOf(sp.Key, projects) {
					continue // 甘肃马铃薯现代种业园项目 after 雪川农业集团甘肃马铃薯…项目
				}
				projects = append(projects, sp.Key)
				emit(kg.Relationship{Type: kg.Involves, From: ref, To: sp.Ref(), Source: source(sp)})
			}
		}
		// The place comes from the first text that names one: texts merged
		// later may place the same happening differently.
		if !placed {
			for _, sp := range places(s, spans) {
				placed = true
				emit(kg.Relationship{Type: kg.OccurredIn, From: ref, To: sp.Ref(), Source: source(sp)})
			}
		}
	}
	// A happening told under a county's heading that names no place
	// happened in that county (民勤县's pages: 召开…大会).
	if !placed && !e.chronicle && len(e.texts) > 0 && !e.texts[0].weak {
		t := e.texts[0]
		sec, top := x.d.Headings(t.p.Line(t.off))
		if area, ok := x.area(sec, top); ok {
			emit(kg.Relationship{Type: kg.OccurredIn, From: ref, To: area.Ref(), Source: x.d.Source(x.yb, t.p, t.off)})
		}
	}
	return out
}

// headingArea is what mention.Area finds in a section's and a topic's
// headings.
type headingArea struct {
	span mention.Span
	ok   bool
}

// area returns mention.Area of the headings sec and top, asked once per
// pair: the events of one topic share its headings, and each asks the
// finder again otherwise.
func (x *extractor) area(sec, top string) (mention.Span, bool) {
	k := [2]string{sec, top}
	if a, ok := x.areas[k]; ok {
		return a.span, a.ok
	}
	sp, ok := mention.Area(x.f, sec, top)
	if x.areas == nil {
		x.areas = map[[2]string]headingArea{}
	}
	x.areas[k] = headingArea{sp, ok}
	return sp, ok
}

// roleProps returns the props of the link of a participant: its role, the
// title written before its name or "chair" if it chairs the happening
// (with the title kept as title); nil when it has neither.
func roleProps(sp mention.Span, chair bool) map[string]string {
	switch {
	case chair && sp.Title != "":
		return map[string]string{"role": "chair", "title": sp.Title}
	case chair:
		return map[string]string{"role": "chair"}
	case sp.Title != "":
		return map[string]string{"role": sp.Title}
	}
	return nil
}

// shortFormOf reports whether the project key k is a shorter form of a
// project already named (…二期 for 武威昊天…二期; the name without its
// owner): the same project told again, not another one.
func shortFormOf(k string, named []string) bool {
	k = strings.TrimSuffix(k, "项目")
	for _, n := range named {
		if n = strings.TrimSuffix(n, "项目"); n != k && strings.HasSuffix(n, k) && utf8.RuneCountInString(k) >= 4 {
			return true
		}
	}
	return false
}

// inTitle reports whether the organization span o lies inside the title a
// person span carries (省委统战部 in 省委统战部部长孙雪涛).
func inTitle(o mention.Span, spans []mention.Span) bool {
	for _, p := range spans {
		if p.Kind == kg.Person && p.Title != "" && o.Start >= p.Start-len(p.Title) && o.End <= p.Start {
			return true
		}
	}
	return false
}

// insideMarks reports whether byte i of s is inside 《…》: a name in the
// title of a document is not an actor of the event. Most texts name no
// document: one search for 《 spares them the counts.
func insideMarks(s string, i int) bool {
	if !strings.Contains(s[:i], "《") {
		return false
	}
	return strings.Count(s[:i], "《") > strings.Count(s[:i], "》")
}

// clauseStart returns the byte offset where the clause holding byte i
// starts (after the last ，；：。 before it).
//
// It reads back from i to the first separator: all six are three bytes
// (。 E3 80 82, the others EF BC xx) and cannot overlap, so that one is the
// separator that ends last before i.
func clauseStart(s string, i int) int {
	for j := i - 3; j >= 0; j-- {
		switch s[j] {
		case 0xE3:
			if s[j+1] == 0x80 && s[j+2] == 0x82 {
				return j + 3
			}
		case 0xEF:
			if c := s[j+2]; s[j+1] == 0xBC && (c == 0x8C || c == 0x9B || c == 0x9A || c == 0x81 || c == 0x9F) {
				return j + 3
			}
		}
	}
	return 0
}

// isContent reports whether byte i of s follows a content verb in its
// clause, or is in a clause that names a document (关于…的决议).
func isContent(s string, i int) bool {
	c := s[clauseStart(s, i):i]
	if strings.HasPrefix(c, "关于") {
		return true // a document named without 《》: 关于…工作报告的决议
	}
	return contentVerbs.in(c)
}

// chairs reports whether the name ending at byte end of s is followed by
// 主持 (…市委书记柳鹏主持会议).
func chairs(s string, end int) bool {
	rest := s[end:]
	return strings.HasPrefix(rest, "主持") || strings.HasPrefix(rest, "同志主持")
}

// places returns the place spans of s where the event of s happened, from
// its first sentence only (later sentences tell of plans and visits):
//   - the places after 在/于/赴/到/来到/深入/走进/抵达/位于; of a chain of
//     places written together (新疆维吾尔自治区乌鲁木齐市) the last, most
//     specific; a list after one preposition (分别在厦门市、广州市) gives each;
//   - else a place directly before 召开/举行/举办/启动/开幕, or before the
//     disaster it names (积石山地震);
//   - else the only place of the first clause, if the sentence has no
//     preposition of place (a venue that is an organization, 在厦门大学,
//     leaves it unplaced) and the place is not a subject, an origin, a
//     destination or one of a list.
func places(s string, spans []mention.Span) []mention.Span {
	first := len(firstSentence(s))
	if out := placesIn(s, spans, first); out != nil {
		return out
	}
	// Where the thing the event is about lies (批发市场位于凉州区永昌镇白洪村),
	// told in a later sentence.
	var second sentence
	later := 0
	for sn := range sentences(s, first) {
		if later++; later == 1 {
			second = sn
		}
		for _, sp := range placesAfter(s, spans, sn, "位于") {
			return []mention.Span{sp}
		}
	}
	// Where the people of the happening went, told right after it
	// (武威市开展…观摩活动。市委书记王国斌…带队深入天祝县、古浪县…).
	if later > 0 {
		if sp, ok := leadingPerson(s, spans, second); ok {
			return placesBy(s, spans, sn2(second, sp))
		}
	}
	return nil
}

// leadingPerson returns the last of the people who open sentence sn of s
// as its subject (市委书记王国斌，市委副书记、市长马秀兰带队…): each written
// with its title and nothing else before, separated by commas.
func leadingPerson(s string, spans []mention.Span, sn sentence) (mention.Span, bool) {
	at := sn.off
	var last mention.Span
	found := false
	for _, sp := range spans {
		if sp.Start < at || sp.Start >= sn.end || sp.Kind != kg.Person {
			continue
		}
		if sp.Title == "" || s[at:sp.Start] != sp.Props["titles"] {
			break
		}
		last, found = sp, true
		at = sp.End
		if strings.HasPrefix(s[at:], "，") {
			at += len("，")
		}
	}
	if found && citesPerson(s[last.End:]) {
		return mention.Span{}, false
	}
	return last, found
}

// sn2 returns the part of sentence sn after the span sp.
func sn2(sn sentence, sp mention.Span) sentence { return sentence{sp.End, sn.end} }

// placesBy returns the places written after a place preposition in
// sentence sn of s (带队深入天祝县、古浪县), the most specific of each
// chain.
func placesBy(s string, spans []mention.Span, sn sentence) []mention.Span {
	var sub []mention.Span
	for _, sp := range spans {
		if sp.Start >= sn.off && sp.End <= sn.end {
			sp.Start -= sn.off
			sp.End -= sn.off
			sub = append(sub, sp)
		}
	}
	t := s[sn.off:sn.end]
	var keep []mention.Span
	for _, sp := range placesIn(t, sub, len(t)) {
		// The chain the place ends must follow a preposition: the
		// fallback of placesIn (a lone place) tells nothing here.
		start := sp.Start
		for k := len(sub) - 1; k >= 0; k-- {
			q := sub[k]
			if q.Kind != kg.Place || q.End > start {
				continue
			}
			if gap := t[q.End:start]; gap == "" || gap == "、" || gap == "和" || gap == "及" || gap == "与" {
				start = q.Start
			}
		}
		if textnorm.HasAnySuffix(t[:start], placePreps...) {
			sp.Start += sn.off
			sp.End += sn.off
			keep = append(keep, sp)
		}
	}
	return keep
}

// placesAfter returns the most specific place of the chain written right
// after word in sentence sn of s.
func placesAfter(s string, spans []mention.Span, sn sentence, word string) []mention.Span {
	var out []mention.Span
	for _, sp := range spans {
		if sp.Kind != kg.Place || sp.Start < sn.off || sp.Start >= sn.end || sp.Key == "" {
			continue
		}
		switch {
		case len(out) == 0 && strings.HasSuffix(s[sn.off:sp.Start], word):
			out = append(out, sp)
		case len(out) > 0 && out[len(out)-1].End == sp.Start:
			out[len(out)-1] = sp
		}
	}
	return out
}

// placesIn applies the rules of places to the first sentence of s, which
// ends at byte first.
func placesIn(s string, spans []mention.Span, first int) []mention.Span {
	var ps []mention.Span
	for _, sp := range spans {
		if sp.Kind == kg.Place && sp.Start < first && sp.Key != "" && !insideMarks(s, sp.Start) && !insideQuotes(s, sp.Start) && !isContent(s, sp.Start) {
			ps = append(ps, sp)
		}
	}
	if len(ps) == 0 {
		return nil
	}
	// Chains: runs of places written one after another, or joined by 、/和/及.
	type chain struct {
		spans []mention.Span // the places, in order
		glued []bool         // glued[i]: span i follows span i-1 with no separator
	}
	var chains []chain
	for i, sp := range ps {
		if i > 0 {
			prev := ps[i-1]
			gap := s[prev.End:sp.Start]
			if gap == "" || gap == "、" || gap == "和" || gap == "及" || gap == "与" || slices.Contains(mention.EdgeWords, gap) {
				c := &chains[len(chains)-1]
				c.spans = append(c.spans, sp)
				c.glued = append(c.glued, gap != "、" && gap != "和" && gap != "及" && gap != "与")
				continue
			}
		}
		chains = append(chains, chain{spans: []mention.Span{sp}, glued: []bool{false}})
	}
	// most specific place of each list item of a chain
	items := func(c chain) []mention.Span {
		var out []mention.Span
		for i, sp := range c.spans {
			if i > 0 && c.glued[i] {
				out[len(out)-1] = sp
				continue
			}
			out = append(out, sp)
		}
		return out
	}
	var out []mention.Span
	for _, c := range chains {
		before := s[:c.spans[0].Start]
		for _, p := range placePreps {
			if strings.HasSuffix(before, p) && !strings.HasSuffix(before, "正在") && !strings.HasSuffix(before, "存在") {
				out = append(out, items(c)...)
				break
			}
		}
		last := c.spans[len(c.spans)-1]
		if strings.HasSuffix(before, "从") && textnorm.HasAnyPrefix(s[last.End:], departVerbs...) && len(items(c)) == 1 {
			out = append(out, last)
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, c := range chains {
		last := c.spans[len(c.spans)-1]
		after := s[last.End:]
		for _, v := range placeVerbs {
			if strings.HasPrefix(after, v) && len(items(c)) == 1 {
				return []mention.Span{last}
			}
		}
	}
	// The place that names a disaster (积石山地震, 6.2 级地震 after it).
	for _, c := range chains {
		last := c.spans[len(c.spans)-1]
		if disasterAfter(s[last.End:]) > 0 {
			return []mention.Span{last}
		}
	}
	// The only place of the first clause.
	if len(chains) != 1 || len(items(chains[0])) != 1 {
		return nil
	}
	sentence := s[:first]
	for _, p := range placePreps {
		if strings.Contains(sentence, p) {
			return nil
		}
	}
	c := chains[0]
	sp := c.spans[len(c.spans)-1]
	if sp.Type == siteType && c.spans[0].Start == 0 {
		return []mention.Span{sp} // a site as the subject
	}
	if clauseStart(s, c.spans[0].Start) != 0 || c.spans[0].Start == clauseStart(s, c.spans[0].Start) {
		return nil // not in the first clause, or its subject
	}
	before, after := s[:c.spans[0].Start], s[sp.End:]
	if textnorm.HasAnySuffix(before, "从", "自", "由", "向", "往", "发往", "为", "对", "与") {
		return nil
	}
	// A place followed by more words is the start of a name the finder did
	// not know (共青团武威市四届…全委会议) rather than a location.
	if after != "" && !textnorm.HasAnyPrefix(after, "，", "。", "；") {
		return nil
	}
	return []mention.Span{sp}
}

// ownSession reports whether s opens with a numbered meeting (第八次代表
// 大会, 五届二次会议), as the regexp
//
//	^(?:第?[一二三四五六七八九十百零0-9]+届)?第?[一二三四五六七八九十百零0-9]+次[^，。；]{0,12}?(?:会议|大会|全会|全委会)
//
// matches it: a term (sessionNumber 届) if written, a session (次), then
// one of sessionWords after at most 12 runes of the clause.
func ownSession(s string) bool {
	p := max(sessionNumber(s, 0, "届"), 0)
	q := sessionNumber(s, p, "次")
	if q < 0 {
		return false
	}
	for k := 0; ; k++ {
		if textnorm.HasAnyPrefix(s[q:], sessionWords...) {
			return true
		}
		w, ok := clauseRune(s, q)
		if k == 12 || !ok {
			return false
		}
		q += w
	}
}

// sessionWords end the name of a numbered meeting.
var sessionWords = []string{"会议", "大会", "全会", "全委会"}

// sessionNumerals are the Chinese numerals of a term or a session.
const sessionNumerals = "一二三四五六七八九十百零"

// sessionNumber reads 第 if written, a run of ASCII digits and
// sessionNumerals, and unit at byte i of s, and returns the offset after
// them, or -1. The run is read whole: a shorter one would be followed by
// a numeral, not by the unit.
func sessionNumber(s string, i int, unit string) int {
	if strings.HasPrefix(s[i:], "第") {
		i += len("第")
	}
	n := i
	for n < len(s) {
		r, w := utf8.DecodeRuneInString(s[n:])
		if !isDigit(s[n]) && !strings.ContainsRune(sessionNumerals, r) {
			break
		}
		n += w
	}
	if n == i || !strings.HasPrefix(s[n:], unit) {
		return -1
	}
	return n + len(unit)
}

// insideQuotes reports whether byte i of s is inside “…”: a place in a
// slogan or a title (“美丽中国·最佳全域旅游休闲目的地”) is not where the
// event happened.
func insideQuotes(s string, i int) bool {
	return strings.Count(s[:i], "“") > strings.Count(s[:i], "”")
}
