package roster

import (
	"sort"
	"strings"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/segment"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// lline is a logical roster line: one raw line, or several when a
// parenthesis is left open at a line end (a wrapped unit name or note) or
// the next line starts with one. Text is the content without the leading
// indentation and continuation mark, the parts joined without separator.
type lline struct {
	text   string
	lines  []int  // raw line numbers
	offs   []int  // byte offset in text where each raw line's content starts
	ideo   int    // leading U+3000 of the first line
	deep   bool   // a continuation: marked by … or U+2002, or indented two U+3000 or more
	quoted string // the quote, made on first use: a unit's line is quoted by all its posts

	// The backing of lines and offs for a logical line of one or two raw
	// lines, most of them: no allocation of their own.
	lbuf, obuf [2]int
}

// lineAt returns the raw line of byte offset off of the text.
func (l *lline) lineAt(off int) int {
	i := sort.Search(len(l.offs), func(i int) bool { return l.offs[i] > off }) - 1
	return l.lines[max(i, 0)]
}

// quote is the line as shown in a provenance quote. A logical line of
// one raw line is quoted as segment cleaned that line (logicalLines sets
// it): Clean drops the spaces of the indentation that the text lacks,
// and keeps only the continuation mark …, a line with which is cleaned
// here.
func (l *lline) quote() string {
	if l.quoted == "" {
		l.quoted = textnorm.Clean(l.text)
	}
	return l.quoted
}

// indentation splits a raw line's text into its indentation facts and
// content. The page-start space is already gone from Text.
func indentation(s string) (content string, ideo int, deep bool) {
	i := 0
	for i < len(s) {
		switch {
		case strings.HasPrefix(s[i:], "\u3000"):
			ideo++
			i += len("\u3000")
		case strings.HasPrefix(s[i:], "\u2002"), strings.HasPrefix(s[i:], "\u2003"), strings.HasPrefix(s[i:], "…"):
			deep = true
			i += len("…") // all three are three bytes
		case s[i] == ' ' || s[i] == '\t':
			i++
		default:
			return strings.TrimRight(s[i:], " \t\u3000\u2002\u2003"), ideo, deep || ideo >= 2
		}
	}
	return "", ideo, deep || ideo >= 2
}

// maxWrap bounds the lines joined to one logical line: the longest note of
// the roster (a unit merger) takes five.
const maxWrap = 7

// logicalLines reads the body lines of a roster span into logical lines,
// and returns those that still leave a parenthesis open.
func logicalLines(d *segment.Document, s span) (out, unclosed []*lline) {
	type raw struct {
		n       int
		content string
		ideo    int
		deep    bool
	}
	raws := make([]raw, 0, s.last-s.first+1)
	for n := s.first; n <= s.last; n++ {
		l := d.Line(n)
		if l.Kind != segment.Body && l.Kind != segment.Author {
			continue
		}
		c, ideo, deep := indentation(l.Text)
		if c == "" {
			continue
		}
		raws = append(raws, raw{n, c, ideo, deep})
	}
	// The logical lines, at most one a raw line, are cut from one array
	// that never grows, instead of allocated one by one.
	all := make([]lline, 0, len(raws))
	for i := 0; i < len(raws); i++ {
		r := raws[i]
		all = append(all, lline{text: r.content, ideo: r.ideo, deep: r.deep})
		l := &all[len(all)-1]
		l.lines, l.offs = append(l.lbuf[:0], r.n), append(l.obuf[:0], 0)
		open := openParens(l.text)
		for k := 0; i+1 < len(raws) && k < maxWrap; k++ {
			next := raws[i+1].content
			if open == 0 && !strings.HasPrefix(next, "（") && !strings.HasPrefix(next, "(") {
				break
			}
			i++
			l.offs = append(l.offs, len(l.text))
			l.lines = append(l.lines, raws[i].n)
			l.text += next
			open = parensAfter(open, next)
		}
		if open > 0 {
			unclosed = append(unclosed, l)
		}
		if len(l.lines) == 1 && !strings.Contains(d.Line(r.n).Text, "…") {
			l.quoted = d.CleanLine(r.n)
		}
		out = append(out, l)
	}
	return out, unclosed
}

// block is a block heading of the roster: a category (人民团体) or a
// leadership body (中共武威市委员会) whose posts follow as title：name.
type block struct {
	text string
	line *lline
	unit *unit // set once a title：name line shows that the heading is a body
}

// parser is the state of reading one roster.
type parser struct {
	*extractor
	span  span
	block *block
	cur   *unit  // the unit the following posts belong to
	occs  []occ  // the unit lines and block headings in order, for PART_OF
	title string // the last title, for the names that follow it
	tline *lline // the line of the last title
	await bool   // a title was written without a name: the name follows

	secPath  string // the document path, block and section of the last section call
	secBlock *block
	sec      string
}

// parse reads the roster s line by line.
func (x *extractor) parse(s span) {
	p := &parser{extractor: x, span: s}
	ls, unclosed := logicalLines(x.d, s)
	for _, l := range unclosed {
		x.diag(l.lines[0], CodeUnclosed, "parenthesis left open over %d lines: %s", len(l.lines), l.quote())
	}
	for i := 0; i < len(ls); i++ {
		i = p.line(ls, i)
	}
	p.nest()
}

// occ is a unit line of the roster (or, with u nil, a block heading).
type occ struct {
	u     *unit
	level int
	line  *lline
}

// nest links each indented unit to the unit above it with less
// indentation (PART_OF). The PDF drops the indentation of some lines (a
// justified line, 市 疾 病 预 防 控 制 中 心…; a long wrapped name): an
// unindented unit between two indented ones is taken as indented too when
// its name is that of an institution (中心, 医院, 站 …) rather than of an
// administrative department (局, 委员会, 部, 办公室), which would be the
// parent of the units after it. Block headings end every nesting.
func (p *parser) nest() {
	var stack []occ
	for i, o := range p.occs {
		if o.u == nil {
			stack = nil
			continue
		}
		if o.level == 0 && i > 0 && i+1 < len(p.occs) && p.occs[i-1].u != nil && p.occs[i-1].level > 0 &&
			p.occs[i+1].u != nil && p.occs[i+1].level > 0 && !department(o.u.name) {
			o.level = p.occs[i-1].level
			p.diag(o.line.lines[0], CodeIndent, "%s listed between sub-units without indentation: taken as a sub-unit", o.u.name)
		}
		for len(stack) > 0 && stack[len(stack)-1].level >= o.level {
			stack = stack[:len(stack)-1]
		}
		if len(stack) > 0 && o.level > 0 {
			p.link(o.u, stack[len(stack)-1].u, o.line)
		}
		stack = append(stack, o)
	}
}

// department reports whether a unit's name is that of an administrative
// department, the kind of unit that has sub-units.
func department(name string) bool {
	return textnorm.HasAnySuffix(name, "局", "委员会", "委", "部", "办公室", "办", "厅")
}

// line reads the logical line ls[i] and returns the index of the last line
// it used.
func (p *parser) line(ls []*lline, i int) int {
	l := ls[i]
	if ci, w := colon(l.text); ci >= 0 {
		p.colonLine(l, l.text[:ci], l.text[ci+w:], ci+w)
		return i
	}
	q := squeeze(l.text)
	if e := splitTitle(q); e > 0 {
		if p.cur == nil {
			p.diag(l.lines[0], CodeNoUnit, "post line before any unit: %s", l.quote())
			return i
		}
		p.titled(l, q, e, 0)
		return i
	}
	// Names alone: marked as a continuation, or awaited after a title
	// written without one. An unmarked short line after a post is more
	// likely a block heading (党派, 高校) than a name.
	hs, _, junk := readHolders(l.text)
	if len(hs) > 0 && junk == "" && p.cur != nil && (l.deep || p.await) && namesOK(hs, l.deep) {
		if p.title == "" {
			p.diag(l.lines[0], CodeNoTitle, "name without a title in %s: %s", p.cur.name, l.quote())
		}
		p.holders(l, hs, 0, p.title, p.tline, l.deep)
		return i
	}
	if headingLike(l) {
		// A heading may wrap (武威市人民代表大会 / 常务委员会): join the
		// heading-like lines that follow. The last of them may instead
		// begin a unit name wrapped before its colon (…工作委员 / 会：…).
		j := i
		for j+1 < len(ls) && j < i+2 && headingLike(ls[j+1]) {
			j++
		}
		if j+1 < len(ls) && wrappedUnitEnd(ls[j+1]) {
			if j > i {
				p.heading(ls[i:j])
			}
			m := join(ls[j], ls[j+1])
			ci, w := colon(m.text)
			p.colonLine(m, m.text[:ci], m.text[ci+w:], ci+w)
			return j + 1
		}
		p.heading(ls[i : j+1])
		return j
	}
	// unit　title　name with the colon lost.
	if j := strings.IndexRune(l.text, '\u3000'); j > 0 && !l.deep && l.ideo <= 1 {
		left, right := l.text[:j], l.text[j:]
		if !isTitle(left) && isUnitLike(compact(left)) && splitTitle(squeeze(right)) > 0 {
			p.colonLine(l, left, right, j)
			return i
		}
	}
	p.diag(l.lines[0], CodeUnparsed, "roster line not understood: %s", l.quote())
	return i
}

// heading makes the lines ls the current block heading.
func (p *parser) heading(ls []*lline) {
	h := ls[0]
	for _, l := range ls[1:] {
		h = join(h, l)
	}
	p.block = &block{text: compact(h.text), line: h}
	p.occs = append(p.occs, occ{})
	p.cur, p.title, p.tline, p.await = nil, "", nil, false
}

// join returns the logical line of a followed by b.
func join(a, b *lline) *lline {
	j := &lline{text: a.text + b.text, ideo: a.ideo, deep: a.deep}
	j.lines = append(append(j.lbuf[:0], a.lines...), b.lines...)
	j.offs = append(j.obuf[:0], a.offs...)
	for _, o := range b.offs {
		j.offs = append(j.offs, len(a.text)+o)
	}
	return j
}

// headingLike reports whether l can be (part of) a block heading: not a
// continuation, no colon, no name or title, Han text without digits or
// inner U+3000.
func headingLike(l *lline) bool {
	if l.deep || l.ideo > 1 || strings.ContainsRune(l.text, '\u3000') || strings.ContainsAny(l.text, "：:0123456789") {
		return false
	}
	k := compact(l.text)
	n := textnorm.HanCount(k) + strings.Count(k, "、") + strings.Count(k, "·") + strings.Count(k, "“") + strings.Count(k, "”")
	return runeLen(k) >= 2 && n*10 >= runeLen(k)*9
}

// wrappedUnitEnd reports whether l is the end of a unit name wrapped
// before its colon (…工作委员 / 会：主任　某某): its text before the colon is
// one to three characters that are neither a title nor a unit by
// themselves.
func wrappedUnitEnd(l *lline) bool {
	ci, _ := colon(l.text)
	if ci < 0 || l.ideo > 0 || l.deep {
		return false
	}
	left := compact(l.text[:ci])
	n := runeLen(left)
	return n >= 1 && n <= 3 && !isTitle(left) && !absolute(left) && !strings.ContainsRune(left, '（')
}

// namesOK reports whether every holder is a vacancy or a plausible name;
// loose accepts names of an unknown surname (see looseName).
func namesOK(hs []holder, loose bool) bool {
	for _, h := range hs {
		if !h.vacant && !plausibleName(h.name, h.notes.ethnicity != "") && !(loose && looseName(h.name)) {
			return false
		}
	}
	return true
}

// colonLine reads a line with a colon. Three forms:
//   - title：name (a city leadership block: 副市长：李宏伟)
//   - unit+title：name (county leaders: 凉州区委书记：李万岳（藏族）)
//   - unit：title　name, or unit：title (name below), or unit： (posts below)
//
// rest is the byte offset of right in l.text.
func (p *parser) colonLine(l *lline, left, right string, rest int) {
	lq := squeeze(left)
	rq := squeeze(right)
	if len(lq.r) > 0 && isTitleSeq(lq.r) {
		if p.block == nil {
			p.diag(l.lines[0], CodeNoUnit, "title：name before any block heading: %s", l.quote())
			return
		}
		if p.block.unit == nil {
			p.block.unit = p.unit(p.block.text, p.block.line, 0, true, "")
		}
		p.cur = p.block.unit
		p.title, p.tline = string(lq.r), l
		hs, alt, junk := readHolders(right)
		p.title += altTitles(alt)
		p.await = len(hs) == 0
		if junk != "" {
			p.diag(l.lines[0], CodeJunk, "unread text %q in %s", junk, l.quote())
		}
		p.holders(l, hs, rest, p.title, l, true)
		return
	}
	e := splitTitle(rq)
	if e == 0 && len(rq.r) > 0 {
		hs, _, junk := readHolders(right)
		if t := suffixTitle(string(lq.r)); t != "" && len(hs) > 0 && junk == "" && namesOK(hs, true) {
			// County leaders: the title is the end of the unit.
			name := strings.TrimSuffix(string(lq.r), t)
			u := p.unit(name, l, 0, true, p.category())
			p.occs = append(p.occs, occ{u: u, line: l})
			p.cur = u
			p.title, p.tline, p.await = t, l, false
			p.holders(l, hs, rest, t, l, true)
			return
		}
	}
	u := p.unit(left, l, min(l.ideo, 3), false, p.category())
	p.occs = append(p.occs, occ{u: u, level: u.level, line: l})
	p.cur, p.title, p.tline, p.await = u, "", nil, false
	switch {
	case len(rq.r) == 0:
	case e > 0:
		p.titled(l, rq, e, rest)
	default:
		hs, _, junk := readHolders(right)
		if len(hs) == 0 || junk != "" {
			p.diag(l.lines[0], CodeUnparsed, "unit line not understood: %s", l.quote())
			return
		}
		p.diag(l.lines[0], CodeNoTitle, "name without a title in %s: %s", u.name, l.quote())
		p.holders(l, hs, rest, "", l, true)
	}
}

// titled reads a post written title　name (or a title alone, whose names
// follow on the next lines). q is the seq of l.text[base:], e the end of
// the title in it.
func (p *parser) titled(l *lline, q seq, e, base int) {
	title := q.sub(0, e)
	var hs []holder
	if e < len(q.r) {
		off := q.off(e)
		var alt []string
		var junk string
		hs, alt, junk = readHolders(l.text[base+off:])
		title += altTitles(alt)
		for i := range hs {
			hs[i].off += off
		}
		if junk != "" {
			p.diag(l.lines[0], CodeJunk, "unread text %q in %s", junk, l.quote())
		}
	}
	p.title, p.tline, p.await = title, l, len(hs) == 0
	p.holders(l, hs, base, title, l, true)
}

func altTitles(alt []string) string {
	s := ""
	for _, a := range alt {
		s += "（" + a + "）"
	}
	return s
}

// category is the block heading the current units are listed under.
func (p *parser) category() string {
	if p.block == nil {
		return ""
	}
	return p.block.text
}

// section is the section path of a roster line: the document's path, the
// roster title and the block heading. The lines of a block share one
// path: the last is kept, and made again only when path or block change.
func (p *parser) section(n int) string {
	path := p.d.Path(n)
	if path == p.secPath && p.block == p.secBlock && p.sec != "" {
		return p.sec
	}
	p.secPath, p.secBlock = path, p.block
	if !strings.HasSuffix(path, p.span.title) {
		if path != "" {
			path += " > "
		}
		path += p.span.title
	}
	if p.block != nil {
		path += " > " + p.block.text
	}
	p.sec = path
	return path
}

// source is the provenance of a post or unit: the raw line n, quoting the
// lines given (unit, title and name lines when they differ) joined by " / ".
func (p *parser) source(n int, ls ...*lline) kg.Source {
	// Made here rather than by segment's LineSource, whose quote and
	// section path would both be replaced.
	s := kg.Source{Yearbook: p.yb, Page: p.d.Line(n).Page, Section: p.section(n), Line: n}
	// At most three lines (unit, title and name): the quotes and the
	// lines seen are kept on the stack.
	var qbuf [4]string
	var sbuf [4]*lline
	qs, seen := qbuf[:0], sbuf[:0]
	for _, l := range ls {
		if l == nil || containsLine(seen, l) {
			continue
		}
		seen = append(seen, l)
		qs = append(qs, l.quote())
	}
	s.Quote = strings.Join(qs, " / ")
	return s
}

func containsLine(ls []*lline, l *lline) bool {
	for _, m := range ls {
		if m == l || len(m.lines) > 0 && len(l.lines) > 0 && m.lines[0] == l.lines[0] {
			return true
		}
	}
	return false
}

// unit returns the unit written text on line l, creating it on first use.
func (p *parser) unit(text string, l *lline, level int, leader bool, category string) *unit {
	un := readUnit(text)
	key := textnorm.Key(un.name)
	src := p.source(l.lines[0], l)
	u := p.units[key]
	if u == nil {
		u = &unit{key: key, name: un.name}
		p.units[key] = u
		p.order = append(p.order, u)
	}
	u.level, u.leader, u.line = level, u.leader || leader, l
	p.seq++
	u.idx = p.seq // units listed one after the other are neighbours
	for _, a := range append(un.aliases, p.names.forms(un.name)...) {
		u.addAlias(a)
	}
	for _, a := range un.aliases {
		for _, f := range p.names.forms(a) {
			u.addAlias(f)
		}
	}
	if un.dissolved != "" {
		u.setProp("dissolved", un.dissolved)
	}
	if un.note != "" {
		u.setProp("note", un.note)
	}
	if category != "" && u.props["category"] == "" && !leader {
		u.setProp("category", category)
	}
	u.mentions = append(u.mentions, src)
	return u
}

// setProp sets a property of the unit, making the map on first use: most
// units have none.
func (u *unit) setProp(k, v string) {
	if u.props == nil {
		u.props = map[string]string{}
	}
	u.props[k] = v
}

func (u *unit) addAlias(a string) {
	if a == "" || a == u.name {
		return
	}
	for _, b := range u.aliases {
		if a == b {
			return
		}
	}
	u.aliases = append(u.aliases, a)
}

// link records that child is indented under parent.
func (p *parser) link(child, parent *unit, l *lline) {
	child.parent = parent
	for _, po := range p.parts {
		if po.child == child && po.parent == parent {
			return
		}
	}
	p.parts = append(p.parts, partOf{child: child, parent: parent, src: p.source(l.lines[0], l)})
}

// holders records the posts of the names hs read from l (their offsets
// relative to base in l.text), under the current unit and title. strong
// says that the names stand where the roster's layout puts a name (after a
// title, a colon or a continuation mark), so that a name of an unknown
// surname is accepted, with a diagnostic.
func (p *parser) holders(l *lline, hs []holder, base int, title string, tline *lline, strong bool) {
	u := p.cur
	for _, h := range hs {
		n := l.lineAt(base + h.off)
		if h.vacant {
			p.diag(n, CodeVacant, "%s %s: vacant (空缺)", u.name, title)
			continue
		}
		if !plausibleName(h.name, h.notes.ethnicity != "") {
			if !strong || !looseName(h.name) {
				p.diag(n, CodeBadName, "%q in the name slot of %s %s is not a personal name", h.name, u.name, title)
				continue
			}
			p.diag(n, CodeRareName, "%q (%s %s): surname not in the lexicon, accepted from its place", h.name, u.name, title)
		}
		p.await = false
		p.posts = append(p.posts, &post{
			h: h, unit: u, useq: u.idx, title: title, leader: u.leader,
			src: p.source(n, u.line, tline, l),
		})
	}
}
