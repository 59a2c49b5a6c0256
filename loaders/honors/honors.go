// Package honors extracts the honours a yearbook records: the profiles of
// its 人物与荣誉 chapter (【郭万刚】　男，汉族，生于 1952 年 1 月，…授予“林业英雄”
// 称号), its 先进集体 entries, and awards stated in running text
// (…被…授予“…”称号, 被评为“…”, 荣获“…”).
//
// An honour is not an entity here: a HONORED relationship points to
// kg.Ref{Kind: kg.Honor, Key: textnorm.Key(title)} and carries the title as
// written, the year and the first awarding body; the store makes the Honor
// node from the ref. The people and organizations the relationships name
// are emitted with a mention each. An honoree is taken only when the text
// bounds it: the profile's person, or a name right before 被/荣获 that ends
// like an organization or is a person profiled in the same yearbook.
// Places given titles (武威市被评为…) are skipped: HONORED starts at a person
// or an organization.
package honors

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/segment"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// Diagnostic codes.
const (
	CodeProfileUnparsed = "honor-profile-unparsed" // a profile without gender, birth or award
	CodeHonoreeSkipped  = "honor-honoree-skipped"  // an award whose honoree is not a bounded name
)

// Extract reads the honours of the yearbook d, identified as yearbook in
// the sources. It never fails; profiles it cannot read become diagnostics.
func Extract(d *segment.Document, yearbook string) *kg.Graph {
	return ExtractRunning(d, yearbook, d.Running())
}

// ExtractRunning is Extract with the running text of d already built
// (segment.Document.Running), for a pipeline that shares it between
// extractors.
func ExtractRunning(d *segment.Document, yearbook string, running []segment.Stretch) *kg.Graph {
	b := &builder{d: d, yb: yearbook, byKey: map[kg.Ref]*kg.Entity{}, related: map[relation]bool{}, people: map[string]bool{}}
	ps := passages(running)
	profiled := map[int]bool{}
	for _, p := range ps {
		if p.topic != nil && honorPart(p.part) && b.profile(p) {
			profiled[p.topic.Start] = true
		}
	}
	for _, p := range ps {
		if p.topic != nil && profiled[p.topic.Start] {
			continue
		}
		b.awards(p, nil)
	}
	b.listAwards(ps, profiled)
	return b.graph()
}

// honorPart reports whether a part is the chapter of people and honours.
func honorPart(p *segment.Part) bool {
	return strings.Contains(p.Title, "人物") || strings.Contains(p.Title, "荣誉")
}

type builder struct {
	d       *segment.Document
	yb      string
	ents    []*kg.Entity
	byKey   map[kg.Ref]*kg.Entity
	rels    []kg.Relationship
	related map[relation]bool // the relationships added, see relate
	diags   []kg.Diagnostic
	people  map[string]bool // keys of the profiled persons
}

// relation is what tells two relationships apart for relate: the type,
// the keys of the ends, the title and the source line.
type relation struct {
	typ, from, to, title string
	line                 int
}

func (b *builder) graph() *kg.Graph {
	g := &kg.Graph{Entities: make([]kg.Entity, 0, len(b.ents)), Relationships: b.rels, Diagnostics: b.diags}
	for _, e := range b.ents {
		g.Entities = append(g.Entities, *e)
	}
	if g.Relationships == nil {
		g.Relationships = []kg.Relationship{}
	}
	if g.Diagnostics == nil {
		g.Diagnostics = []kg.Diagnostic{}
	}
	return g
}

// entity returns the entity of kind and name, adding it when new, and
// records the mention src once a line. An entity of the honours has a
// few mentions: its line is sought among them, not in a map of the lines
// of all entities.
func (b *builder) entity(kind kg.Kind, name string, src kg.Source) *kg.Entity {
	ref := kg.Ref{Kind: kind, Key: textnorm.Key(name)}
	e := b.byKey[ref]
	if e == nil {
		e = &kg.Entity{Kind: kind, Key: ref.Key, Name: textnorm.Clean(name), Mentions: []kg.Source{}}
		b.byKey[ref] = e
		b.ents = append(b.ents, e)
	}
	if !slices.ContainsFunc(e.Mentions, func(m kg.Source) bool { return m.Line == src.Line }) {
		e.Mentions = append(e.Mentions, src)
	}
	return e
}

// relate adds a relationship once per type, ends, title and source line.
func (b *builder) relate(typ string, from, to kg.Ref, props map[string]string, src kg.Source) {
	k := relation{typ, from.Key, to.Key, props["title"], src.Line}
	if b.related[k] {
		return
	}
	b.related[k] = true
	b.rels = append(b.rels, kg.Relationship{Type: typ, From: from, To: to, Props: props, Source: src})
}

func (b *builder) diag(line int, code, msg string) {
	b.diags = append(b.diags, kg.Diagnostic{File: b.d.File, Line: line, Code: code, Message: msg})
}

// passage is a stretch of running text with where it sits, and the
// matches of its award verbs and list verbs, found in one pass over its
// text (findVerbs).
type passage struct {
	*segment.Passage
	part        *segment.Part
	topic       *segment.Topic
	award, list [][]int
	listClause  []int // where the clause before each list verb starts (listAwards)
}

// passages wraps the stretches of the yearbook's running text
// (segment.Document.Running) that can hold an honour: those with an
// award or list verb, and the topics of the chapter of people and honours
// (honorPart), which may be profiles. The others, most of them, are left
// out: the awards and lists of a passage are read at its verbs.
//
// The stretches of a part follow one another: whether the part is the
// chapter of people and honours is found once a part, not once a topic.
func passages(running []segment.Stretch) []passage {
	var out []passage
	var part *segment.Part
	inHonors := false // honorPart(part), part the last topic's
	for _, st := range running {
		if st.Topic != nil && st.Part != part {
			part, inHonors = st.Part, honorPart(st.Part)
		}
		award, list := findVerbs(st.Text)
		if len(award) > 0 || len(list) > 0 || st.Topic != nil && inHonors {
			out = append(out, passage{Passage: st.Passage, part: st.Part, topic: st.Topic, award: award, list: list})
		}
	}
	return out
}

// bornOn returns the year and month of a birth written 生于1952年1月 in
// the clause c, or "", "": the submatches of the regexp
// 生于(\d{4})年(\d{1,2})月 (reBorn of TestBornOn), found at each 生于 by
// dateFrom, whose dates are those of the regexp without its 生于 and with
// the month optional.
func bornOn(c string) (year, month string) {
	for i := 0; ; {
		k := strings.Index(c[i:], "生于")
		if k < 0 {
			return "", ""
		}
		i += k + len("生于")
		if d := dateFrom(c, i); d.start == i && d.month != "" {
			return d.year, d.month
		}
	}
}

// isNativePlace reports whether the clause c gives a native place: two
// to eight Han characters and 人 (the regexp ^(\p{Han}{2,8})人$, reNative
// of TestNativePlace).
func isNativePlace(c string) bool {
	place, ok := strings.CutSuffix(c, "人")
	if !ok {
		return false
	}
	n := 0
	for _, r := range place {
		if !textnorm.IsHan(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 8
}

// date is a date written 2023年 or 2023年2月 (the regexp
// (\d{4})年(?:(\d{1,2})月)? of TestDates): where it stands in the text,
// its year and its month, "" when not written. Dates are found without
// the regexp, which tries every position of the text, by a search for
// 年: a date starts four ASCII digits before it.
type date struct {
	start, end  int
	year, month string
}

// dateFrom returns the first date of s that starts at byte i or after,
// or one with start -1. The first 年 with four digits before it (not
// before i) ends the year of the leftmost date.
func dateFrom(s string, i int) date {
	for from := i; ; {
		k := strings.Index(s[from:], "年")
		if k < 0 {
			return date{start: -1}
		}
		at := from + k
		from = at + len("年")
		if at-4 < i || !textnorm.AllDigits(s[at-4:at]) {
			continue
		}
		d := date{start: at - 4, end: from, year: s[at-4 : at]}
		if n := monthDigits(s[from:]); n > 0 {
			d.month = s[from : from+n]
			d.end = from + n + len("月")
		}
		return d
	}
}

// monthDigits returns how many digits (one or two) of a month followed
// by 月 open s, or 0.
func monthDigits(s string) int {
	n := 0
	for n < 2 && n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	for ; n > 0; n-- {
		if strings.HasPrefix(s[n:], "月") {
			return n
		}
	}
	return 0
}

// dates returns the dates of s, one after the other.
func dates(s string) []date {
	var out []date
	for d := dateFrom(s, 0); d.start >= 0; d = dateFrom(s, d.end) {
		out = append(out, d)
	}
	return out
}

// dropDates returns s without its dates.
func dropDates(s string) string {
	d := dateFrom(s, 0)
	if d.start < 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for ; d.start >= 0; d = dateFrom(s, d.end) {
		b.WriteString(s[last:d.start])
		last = d.end
	}
	b.WriteString(s[last:])
	return b.String()
}

// profile reads a person's profile topic: the title is the name, the text
// starts with the gender. It reports whether the topic is a profile.
func (b *builder) profile(p passage) bool {
	name := p.topic.Title
	text := p.Text
	if !(strings.HasPrefix(text, "男，") || strings.HasPrefix(text, "女，")) {
		return false
	}
	if n := utf8.RuneCountInString(name); n < 2 || n > 6 || textnorm.HanCount(strings.ReplaceAll(name, "·", "")) != utf8.RuneCountInString(strings.ReplaceAll(name, "·", "")) {
		b.diag(p.topic.Start, CodeProfileUnparsed, "profile title is not a name: "+name)
		return false
	}
	src := b.d.LineSource(b.yb, p.topic.Start)
	person := b.entity(kg.Person, name, src)
	b.people[person.Key] = true
	props := map[string]string{}
	// The facts before the first full stop, one a clause.
	head := text
	if i := strings.Index(text, "。"); i >= 0 {
		head = text[:i]
	}
	clauses := strings.Split(head, "，")
	props["gender"] = clauses[0]
	post, postOff := "", -1
	off := 0
	for k, c := range clauses {
		switch {
		case k > 0 && strings.HasSuffix(c, "族") && utf8.RuneCountInString(c) <= 6 && props["ethnicity"] == "":
			props["ethnicity"] = c
		case strings.HasPrefix(c, "生于"):
			if y, m := bornOn(c); y != "" {
				props["born"] = y + "-" + pad2(m)
			}
		case strings.Contains(c, "党员") || c == "群众" || strings.HasSuffix(c, "团员"):
			props["party"] = c
		case isNativePlace(c) && props["nativePlace"] == "":
			props["nativePlace"] = strings.TrimSuffix(c, "人")
			if k+1 < len(clauses) && dateFrom(clauses[k+1], 0).start < 0 {
				post, postOff = clauses[k+1], off+len(c)+len("，")
			}
		}
		off += len(c) + len("，")
	}
	for k, v := range props {
		if person.Props == nil {
			person.Props = map[string]string{}
		}
		if _, ok := person.Props[k]; !ok {
			person.Props[k] = v
		}
	}
	if props["born"] == "" {
		b.diag(p.topic.Start, CodeProfileUnparsed, name+": no birth date")
	}
	if post != "" {
		b.position(p, person, post, postOff)
	}
	if n := b.awards(p, person); n == 0 {
		b.diag(p.topic.Start, CodeProfileUnparsed, name+": no award sentence")
	}
	return true
}

func pad2(s string) string {
	if len(s) == 1 {
		return "0" + s
	}
	return s
}

// employerSuffixes end the names of the units people work for.
var employerSuffixes = []string{
	"有限公司", "公司", "营业部", "分公司", "林场", "农场", "妇联", "侨联", "文联", "残联", "科协", "工商联", "团委",
	"办公室", "中学", "小学", "学校", "大学", "学院", "幼儿园", "医院", "卫生院", "法院", "检察院", "研究院", "设计院",
	"局", "中心", "公路段", "站", "所", "馆", "委员会", "协会", "合作社", "厂", "银行", "支行", "分行", "院",
}

// titleEnds end a job title.
var titleEnds = []string{"书记", "长", "员", "师", "人", "工", "主任", "委员", "手", "干部", "经理", "主席", "助理", "顾问", "专家"}

// position reads the post of a profile (古浪县八步沙林场党支部书记、场长):
// the longest unit name that leaves a job title, and relates the person
// to the unit by HELD_POSITION. A post it cannot split is left out.
//
// A unit name holds no 、 or ，: the names end before the first of them,
// and the longer ends after it are not tried.
func (b *builder) position(p passage, person *kg.Entity, post string, off int) {
	best := -1
	ends := post // the unit names end at the runes of ends
	if sep := strings.IndexAny(post, "、，"); sep >= 0 {
		ends = post[:sep+1] // up to the separator's start
	}
	for i := range ends {
		org := post[:i]
		if i == 0 || !textnorm.HasAnySuffix(org, employerSuffixes...) {
			continue
		}
		title := post[i:]
		if utf8.RuneCountInString(title) < 2 || !textnorm.HasAnySuffix(title, titleEnds...) {
			continue
		}
		best = i
	}
	if best < 0 || utf8.RuneCountInString(post[:best]) < 4 {
		return
	}
	orgName, title := post[:best], post[best:]
	src := b.d.Source(b.yb, p.Passage, off)
	org := b.entity(kg.Organization, orgName, src)
	b.relate(kg.HeldPosition, person.Ref(), org.Ref(), map[string]string{"title": title}, src)
}

// awardWords are the alternatives of reAward, in its order.
var awardWords = []string{"授予", "评为", "荣获", "获得", "命名为"}

// findVerbs returns the matches of the award verbs (reAward in the tests)
// and of the list verbs (reListVerb) in s, without the regexps, which try
// their alternatives at every position of the text: one pass over the
// text that looks at about one byte in five (verbAt), comparing the words
// only where one of them may start. Every word starts with a lead byte
// (E5–E8), which no rune a regexp decodes holds inside it, so the words
// are found where the regexps would find them. Each kind's matches do
// not overlap: a kind is not compared again before the end of its last
// match, but the other kind is.
//
// Award verbs: no word is a prefix of another, so the first that matches
// at the leftmost position is the regexp's match. List verbs: the
// prefixes and the verbs start with different characters, so a match is
// the leftmost verb with the longest run of prefixes before it that does
// not reach into the previous match.
//
// The matches' offsets are cut from arrays of 16 ints (cut), not
// allocated a match each.
func findVerbs(s string) (award, list [][]int) {
	awardFrom, listFrom := 0, 0
	var ints []int
	for i := verbAt(s, 0); i >= 0; i = verbAt(s, i+1) {
		if i >= awardFrom {
			if w := awardWordAt(s, i); w != "" {
				award = append(award, cut(&ints, i, i+len(w)))
				awardFrom = i + len(w)
			}
		}
		if i >= listFrom {
			if k := listVerbAt(s, i); k >= 0 {
				start := listPrefixStart(s, i, listFrom)
				end := i + len(listVerbs[k])
				list = append(list, cut(&ints, start, end, i, end))
				listFrom = end
			}
		}
	}
	return award, list
}

// cut returns the slice of vs, appended to *ints, capped at its end; it
// starts a new array when *ints is full.
func cut(ints *[]int, vs ...int) []int {
	if cap(*ints)-len(*ints) < len(vs) {
		*ints = make([]int, 0, 16)
	}
	n := len(*ints)
	*ints = append(*ints, vs...)
	return (*ints)[n : n+len(vs) : n+len(vs)]
}

// verbAt returns the first position from i on where a verb may start, or
// -1. It is the whole scan over the text, a skip search (Wu–Manber): it
// reads the two bytes s[k], s[k+1] that end a window of verbMin bytes and
// moves the window as far as verbShifts allows, verbMin-1 bytes when
// those bytes end no part of a verb, which in Chinese text they mostly do
// not. A window whose end bytes end the first verbMin bytes of a verb is
// a candidate, which the callers compare. The loop is the cost of the
// package: its table holds the shifts themselves, read with one load of
// the pair, and k, from max(i, 0), is known not to be negative, which
// spares a bounds check.
func verbAt(s string, i int) int {
	t := &verbShifts
	for k := max(i, 0) + verbMin - 2; k < len(s)-1; {
		d := t[uint16(s[k])|uint16(s[k+1])<<8]
		if d == 0 {
			return k - (verbMin - 2)
		}
		k += int(d)
	}
	return -1
}

// awardWordAt returns the word of awardWords at s[i:], or "".
func awardWordAt(s string, i int) string {
	switch lead3(s, i) {
	case first授, first评, first荣, first获, first命:
		for _, w := range awardWords {
			if strings.HasPrefix(s[i:], w) {
				return w
			}
		}
	}
	return ""
}

// The first characters of awardWords, their three UTF-8 bytes in one
// number; TestAwardLeads checks them.
const (
	first授 = 0xE68E88
	first评 = 0xE8AF84
	first荣 = 0xE88DA3
	first获 = 0xE88EB7
	first命 = 0xE591BD
)

// awards reads the awards of a passage. honoree, when set, is the subject
// of sentences that have none (a profile's 2023 年 2 月，被…授予…). It returns
// the number of awards found.
func (b *builder) awards(p passage, honoree *kg.Entity) int {
	n := 0
	text := p.Text
	for _, m := range p.award {
		verb := text[m[0]:m[1]]
		honors, titleWritten, _ := honorsAfter(text, m[1], verb)
		if len(honors) == 0 {
			continue
		}
		// The clause before the verb: 〈honoree〉被〈awarders〉授予.
		clauseStart := lastBoundary(text, m[0])
		clause := text[clauseStart:m[0]]
		var awarders []string
		subject := clause
		if i := strings.Index(clause, "被"); i >= 0 {
			subject = clause[:i]
			awarders = splitNames(clause[i+len("被"):])
		} else if verb == "授予" {
			// 全国绿化委员会…授予〈title〉〈person〉“林业英雄”称号: the
			// honoree follows the verb.
			subject = ""
		}
		src := b.d.Source(b.yb, p.Passage, m[0])
		var from []kg.Ref
		switch {
		case verb == "授予" && !strings.Contains(clause, "被"):
			if person := b.personBefore(text[m[1]:]); person != "" {
				from = append(from, b.entity(kg.Person, b.byKey[kg.Ref{Kind: kg.Person, Key: person}].Name, src).Ref())
				for _, h := range honors {
					titleWritten[h] = h // the words before the quote name the person
				}
			}
			if len(from) == 0 {
				continue
			}
			awarders = splitNames(strings.TrimSpace(clause))
		case honoree != nil && textnorm.HanCount(dropDates(subject)) == 0:
			from = append(from, honoree.Ref())
		default:
			names := b.honorees(subject)
			if len(names) == 0 {
				if strings.TrimSpace(subject) != "" {
					b.diag(src.Line, CodeHonoreeSkipped, "honoree not a bounded name: "+clip(subject))
				}
				continue
			}
			for _, nm := range names {
				kind := kg.Organization
				if b.people[textnorm.Key(nm)] {
					kind = kg.Person
				}
				from = append(from, b.entity(kind, nm, src).Ref())
			}
		}
		if len(awarders) > 0 && !validOrgs(awarders) {
			awarders = nil
		}
		for _, a := range awarders {
			b.entity(kg.Organization, a, src)
		}
		year := b.yearOf(text, clauseStart, m[0])
		for _, h := range honors {
			props := map[string]string{"title": titleWritten[h]}
			for k, v := range year {
				props[k] = v
			}
			if len(awarders) > 0 {
				props["awardedBy"] = awarders[0]
			}
			for _, f := range from {
				b.relate(kg.Honored, f, kg.Ref{Kind: kg.Honor, Key: textnorm.Key(h)}, props, src)
				n++
			}
		}
	}
	return n
}

// lastBoundary returns the start of the clause that ends at byte i.
func lastBoundary(text string, i int) int {
	return lastEnd(text, i, clauseSeps)
}

var (
	clauseSeps   = newSeparators("。", "；", "，", "：", "！", "？", "）", "】")
	sentenceSeps = newSeparators("。", "；", "】")
)

// separators is a list of separators with the bytes lastEnd and
// firstStart look for before they compare the separators: the first,
// last and last but one bytes of each. They are sets of the list, made
// once with it (newSeparators), not at every search.
type separators struct {
	list              []string
	first, last, prev byteSet
	single            bool // a separator of one byte: prev rules nothing out
}

func newSeparators(list ...string) *separators {
	s := &separators{list: list}
	for _, sep := range list {
		s.first.add(sep[0])
		s.last.add(sep[len(sep)-1])
		if len(sep) == 1 {
			s.single = true
		} else {
			s.prev.add(sep[len(sep)-2])
		}
	}
	return s
}

// lastEnd returns the largest end, at most i, of an occurrence of one of
// seps in text, or 0: the largest k+len(sep) over the seps of
// strings.LastIndex(text[:i], sep) = k ≥ 0, found by reading back from i
// rather than once a separator. The seps are compared only where text
// holds the last byte of one of them and, when none is a single byte,
// the byte before it the last but one of one of them (a clause runs for
// dozens of bytes, and in Chinese text many bytes end a character as a
// full-width separator does).
func lastEnd(text string, i int, seps *separators) int {
	for e := i; e > 0; e-- {
		if !seps.last.has(text[e-1]) || !seps.single && (e < 2 || !seps.prev.has(text[e-2])) {
			continue
		}
		for _, sep := range seps.list {
			if strings.HasSuffix(text[:e], sep) {
				return e
			}
		}
	}
	return 0
}

// firstStart returns the smallest offset in s of one of seps, or -1: the
// least strings.Index(s, sep) ≥ 0, found by reading forward once and
// comparing the seps only where s holds the first byte of one of them.
func firstStart(s string, seps *separators) int {
	for k := 0; k < len(s); k++ {
		if !seps.first.has(s[k]) {
			continue
		}
		for _, sep := range seps.list {
			if strings.HasPrefix(s[k:], sep) {
				return k
			}
		}
	}
	return -1
}

// byteSet is a set of bytes, one bit a byte.
type byteSet [4]uint64

func (b *byteSet) add(c byte)      { b[c>>6] |= 1 << (c & 63) }
func (b *byteSet) has(c byte) bool { return b[c>>6]&(1<<(c&63)) != 0 }

// honorsAfter reads the honours after an award verb at byte i: quoted
// titles (“A”和“B”称号) or, after 荣获/获得, a prize 第…届…奖. It returns each
// honour's key form with the title as written, and the end.
func honorsAfter(text string, i int, verb string) ([]string, map[string]string, int) {
	rest := text[i:]
	end := len(rest)
	if k := firstStart(rest, honorSeps); k >= 0 {
		end = k
	}
	seg := rest[:end]
	var out []string
	if strings.Contains(seg, "或") {
		return nil, nil, 0 // “A”或“B”: which one is not said
	}
	q := strings.Index(seg, "“")
	if q >= 0 {
		// The words written before the first quote (全国第四位, 2022 年度)
		// belong to the title as written, not to the honour's name.
		prefix := seg[:q]
		if utf8.RuneCountInString(prefix) > 16 {
			return nil, nil, 0
		}
		// Made only here: most verbs are followed by no quote.
		written := map[string]string{}
		for pos := q; ; {
			c := strings.Index(seg[pos:], "”")
			if c < 0 {
				break
			}
			name := seg[pos+len("“") : pos+c]
			if name != "" && utf8.RuneCountInString(name) <= 30 {
				out = append(out, name)
				written[name] = textnorm.Clean(prefix + name)
			}
			prefix = ""
			next := pos + c + len("”")
			after := seg[next:]
			// Another title joined by 和 or 、: “A”和“B”称号.
			if strings.HasPrefix(after, "和“") {
				pos = next + len("和")
				continue
			}
			if strings.HasPrefix(after, "、“") {
				pos = next + len("、")
				continue
			}
			if !(after == "" || strings.HasPrefix(after, "称号") || strings.HasPrefix(after, "荣誉") || strings.HasPrefix(after, "认证")) {
				// A quoted word inside a longer unquoted prize.
				return nil, nil, 0
			}
			break
		}
		return out, written, i + end
	}
	if (verb == "荣获" || verb == "获得") && strings.HasPrefix(seg, "第") && strings.HasSuffix(seg, "奖") && utf8.RuneCountInString(seg) <= 30 {
		name := textnorm.Clean(seg)
		return []string{name}, map[string]string{name: name}, i + end
	}
	return nil, nil, 0
}

// honorSeps end the words after an award verb.
var honorSeps = newSeparators("。", "；", "，")

// honoreeStop are the words that make a clause's subject something other
// than a named honoree: counts, generic references, adverbs.
var honoreeStop = []string{"“", "”", "《", "》", "等", "及", "或", "先后", "分别", "其中"}

// honoreeLead are the words that open a subject that is not a name
// (学校少先队大队, 并被…, 全市…).
var honoreeLead = []string{"学校", "该", "本", "其", "全", "各", "我", "并", "还", "也", "均", "又"}

// orgSuffixes end organization names that can be honorees.
var orgSuffixes = append([]string{"委", "部", "厅", "科", "分局", "支部", "团支部", "大队", "支队", "中队", "工作室", "集团", "牧业", "乳业", "企业", "社区"}, employerSuffixes...)

// placeSuffixes end the names of places, which receive titles (武威市被评为…)
// but are not honorees of a HONORED relationship.
var placeSuffixes = []string{"省", "市", "县", "区", "镇", "乡", "村", "州", "旗"}

// honorees returns the names a clause's subject holds: organizations (by
// their suffix) or profiled persons, joined by 、; nothing when any part is
// not such a name.
func (b *builder) honorees(subject string) []string {
	subject = strings.TrimSpace(subject)
	// Adverbs of time before 被: 连续 6 年, 2023 年 2 月.
	subject = dropWhere(reRepeat, subject, repeatWords...)
	subject = dropDates(subject)
	subject = dropWhere(reEtc, subject, "等")
	if subject == "" {
		return nil
	}
	// A profiled person after a title: 凉州区林业和草原局党组书记、局长陆科.
	subjectKey := textnorm.Key(subject)
	for k := range b.people {
		if strings.HasSuffix(subjectKey, k) {
			return []string{b.byKey[kg.Ref{Kind: kg.Person, Key: k}].Name}
		}
	}
	var out []string
	for nm := range strings.SplitSeq(subject, "、") {
		for _, w := range honoreeLead {
			if strings.HasPrefix(nm, w) {
				return nil
			}
		}
		n := utf8.RuneCountInString(nm)
		if n < 2 || n > 30 || textnorm.HanCount(nm) != n {
			return nil
		}
		if textnorm.ContainsAny(nm, honoreeStop...) {
			return nil
		}
		if b.people[textnorm.Key(nm)] {
			out = append(out, nm)
			continue
		}
		if textnorm.HasAnySuffix(nm, placeSuffixes...) || n < 3 || !textnorm.HasAnySuffix(nm, orgSuffixes...) {
			return nil
		}
		out = append(out, nm)
	}
	return out
}

// reEtc matches the count that closes a list of honorees, of which the
// text names only the first (…有限公司等 3 家企业).
var reEtc = regexp.MustCompile(`等(\d+|[一二三四五六七八九十]+)(家|个|所)(企业|单位|学校)?$`)

// dropWhere is re.ReplaceAllString(s, ""), with the regexp run only when
// s holds one of words, one of which every match of re holds: most
// subjects have no date, count or repetition to drop.
func dropWhere(re *regexp.Regexp, s string, words ...string) string {
	if !textnorm.ContainsAny(s, words...) {
		return s
	}
	return re.ReplaceAllString(s, "")
}

var reRepeat = regexp.MustCompile(`(连续|已连续|再次|首次|又)(\d+|[一二三四五六七八九十]+)?(年|次)?`)

// repeatWords are words one of which every match of reRepeat holds.
var repeatWords = []string{"连续", "再次", "首次", "又"}

// splitNames splits a list of awarding bodies (全国绿化委员会、人力资源社会
// 保障部、国家林草局).
func splitNames(s string) []string {
	var out []string
	for _, x := range strings.Split(s, "、") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// validOrgs reports whether every awarding body is a name of 2–20
// characters without counts or quotes.
func validOrgs(names []string) bool {
	for _, n := range names {
		c := utf8.RuneCountInString(n)
		if c < 2 || c > 20 || textnorm.HanCount(n) != c {
			return false
		}
	}
	return true
}

// personBefore returns the profiled person whose name ends the text before
// the first honour (授予古浪县八步沙林场场长郭万刚“林业英雄”称号).
func (b *builder) personBefore(rest string) string {
	q := strings.Index(rest, "“")
	if q < 0 {
		return ""
	}
	before := textnorm.Key(rest[:q])
	for k := range b.people {
		if strings.HasSuffix(before, k) {
			return k
		}
	}
	return ""
}

// yearOf returns the year (and month) of an award: the last date written
// in the sentence before the verb, else the year the yearbook covers.
// The clause before the verb starts at clauseStart: a sentence separator
// being a clause separator too, none ends between the two, so the
// sentence's start is sought from there back.
func (b *builder) yearOf(text string, clauseStart, verb int) map[string]string {
	sentStart := lastEnd(text, clauseStart, sentenceSeps)
	sentence := text[sentStart:verb]
	ms := dates(sentence)
	// A date inside the title (2022 年度) is not the date of the award.
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if strings.Contains(sentence, sentence[m.start:m.end]+"度") {
			continue
		}
		out := map[string]string{"year": m.year}
		if m.month != "" {
			out["date"] = m.year + "-" + pad2(m.month)
		}
		return out
	}
	if b.d.Year > 0 {
		return map[string]string{"year": strconv.Itoa(b.d.Year)}
	}
	return map[string]string{}
}

func clip(s string) string {
	if r := []rune(s); len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return s
}
