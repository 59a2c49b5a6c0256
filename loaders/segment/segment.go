// Package segment finds the structure of a yearbook text: printed pages,
// the lines that are PDF artefacts (running banners, page headers, photo
// captions and credits), chapters (parts), section headings, 【topic】
// entries and section author lines.
//
// It works on raw lines and keeps them: every later stage quotes the raw
// line and reports its number, so that a historian can check each fact.
// Nothing here knows one particular yearbook; the page, chapter and banner
// conventions are those of the printed Chinese city yearbook (年鉴).
package segment

import (
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/decode"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// Kind classifies a raw line.
type Kind uint8

// Line kinds. Only Body lines carry text of the yearbook's articles.
const (
	Body       Kind = iota
	Blank           // empty or only spaces
	Banner          // running page banner: city, 年鉴, letters, year, page+chapter
	PageHeader      // a page number and chapter name on a line of its own
	Caption         // a photo caption (图 N　…)
	Credit          // a photo credit ending a caption (（王丽　摄）)
	Heading         // a chapter title, section heading or index group letter
	Author          // a section's author line (（市委组织部）)
)

var kindNames = [...]string{"body", "blank", "banner", "page-header", "caption", "credit", "heading", "author"}

func (k Kind) String() string { return kindNames[k] }

// Line is one raw line of the file with what segmentation learned of it.
type Line struct {
	N         int    // 1-based line number in the file
	Raw       string // the line as written
	Text      string // Raw without the page-start space and trailing spaces
	Page      int    // printed page
	PageStart bool   // the first line of a printed page
	Kind      Kind
}

// Part is a chapter (特载, 大事记, 附录 …) or a stand-alone article.
type Part struct {
	Title      string
	Start, End int // line numbers, inclusive
	Sections   []*Section
}

// Section is the text under one section heading, or the text of a part
// before its first heading (then Title is "").
type Section struct {
	Title      string
	Start, End int
	Author     string // the contributing unit of its author line, if any
	Topics     []*Topic
}

// Topic is one 【title】 entry: the title and the lines of its text.
type Topic struct {
	Title      string // cleaned: no spaces
	Start, End int    // Start is the line of 【
	Page       int
	TextStart  int // the line where the text after 】 starts (Start, or later for wrapped titles)
	TextCol    int // byte offset in Lines[TextStart].Text where the text starts
}

// Document is a segmented yearbook.
type Document struct {
	File        string
	Lines       []Line // Lines[i].N == i+1
	Parts       []*Part
	Year        int    // the year the yearbook covers (2023 for the 2024 edition)
	City        string // the city the yearbook describes, without 市 (武威)
	Diagnostics []kg.Diagnostic

	// pathFrom, paths and pathEnd cache Path, which every Source asks
	// for: the path of the lines from pathFrom[i] up to pathFrom[i+1] is
	// paths[pathEnd[i]:pathEnd[i+1]]. The paths are written one after the
	// other into one string, one allocation for all. Parse fills them;
	// nil in a Document built by hand.
	pathFrom []int
	paths    string
	pathEnd  []int
	// clean holds every line cleaned (textnorm.Clean), one after the
	// other: line n is clean[cleanEnd[n-1]:cleanEnd[n]]. Each extractor
	// joins the same lines into passages, and this way a line is cleaned
	// once. Parse fills it last, from the final Text of each line; nil in
	// a Document built by hand.
	//
	// These tables, and those of the passages, hold int32, half the
	// memory of int: offsets in a yearbook, far below 2 GB.
	clean    string
	cleanEnd []int32
	// ends holds the offsets in clean of every sentence end (。；！？),
	// line n's from ends[endsFrom[n-1]] to ends[endsFrom[n]]: passages
	// copy them, shifted, for Sentence to find the ends around an offset
	// by a binary search instead of a walk over the text.
	ends     []int32
	endsFrom []int32
}

// Line returns the line numbered n (1-based).
func (d *Document) Line(n int) *Line { return &d.Lines[n-1] }

var (
	reCaptionStart = regexp.MustCompile(`图\s?\d{1,3}\x{3000}`)
	reSpacedYear   = regexp.MustCompile(`^\d( \d){3}$`)
	reAuthor       = regexp.MustCompile(`^\s?[（\[][^（）\[\]]*([（(][^）)]*[）)][^（）\[\]]*)*[）\]]\s*$`)
	reAuthorOpen   = regexp.MustCompile(`^\s?（[^）]{4,}$`)
	reYear         = regexp.MustCompile(`(20\d\d|19\d\d)\s?年`)
)

// reSpace is the class \s of the regexps above.
func reSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// afterSpace reports whether s, after at most one \s character, starts
// with prefix: the ^\s?prefix of the regexps above.
func afterSpace(s, prefix string) bool {
	return strings.HasPrefix(s, prefix) || (s != "" && reSpace(s[0]) && strings.HasPrefix(s[1:], prefix))
}

// topicStart is reTopicStart.MatchString(s), without the regexp. It is
// asked of every content line, so it rules out in line those whose first
// byte is neither the lead of 【 (E3 80 90) nor up to ' ', as the \s
// characters are, nearly every line, before afterSpace reads on.
func topicStart(s string) bool {
	return s != "" && (s[0] == 0xE3 || s[0] <= ' ') && topicAfterSpace(s)
}

// topicAfterSpace is topicStart past its first check.
func topicAfterSpace(s string) bool { return afterSpace(s, "【") }

// mayOpen reports whether s may start with （ or [ after at most one \s
// character, by its first byte (（ is EF BC 88): findSections asks it of
// every body line, in line, before mayBeAuthor and afterSpace read on.
func mayOpen(s string) bool {
	return s != "" && (s[0] == 0xEF || s[0] == '[' || reSpace(s[0]))
}

// mayBeAuthor reports what a match of reAuthor needs first: an opening
// and a closing bracket at the ends of s.
func mayBeAuthor(s string) bool {
	if !afterSpace(s, "（") && !afterSpace(s, "[") {
		return false
	}
	s = strings.TrimRight(s, " \t\n\f\r")
	return strings.HasSuffix(s, "）") || strings.HasSuffix(s, "]")
}

// Parse segments the decoded lines of file.
func Parse(file string, lines []string) *Document {
	d := &Document{File: file, Lines: make([]Line, len(lines))}
	// The years are counted (coveredYear) in the same pass over the lines.
	var years yearCounts
	for i, raw := range lines {
		if raw == "" {
			// Blank, and its text the empty string literal (see
			// below): only the fields that are not zero are set.
			d.Lines[i].N, d.Lines[i].Kind = i+1, Blank
			continue
		}
		years.add(raw)
		d.Lines[i] = Line{N: i + 1, Raw: raw, Text: textnorm.TrimRightSpace(raw)}
		if d.Lines[i].Text == "" {
			// Only spaces: what strings.TrimFunc(raw, textnorm.IsSpace)
			// would reduce to "" is what TrimRightFunc reduces to "".
			d.Lines[i].Kind = Blank
			// The empty string literal, whose pointer is nil: the lines
			// live as long as the Document, and the garbage collector
			// passes over a nil pointer at once, but follows an empty
			// piece of raw into the text it points into.
			d.Lines[i].Text = ""
		}
	}
	d.markPages()
	d.markCaptions()
	d.Year = years.most()
	if d.City == "" {
		d.City = commonCity(lines)
	}
	// One more mark than the lines need, for indexPaths.
	topics := make([]bool, len(d.Lines)+2)
	d.findParts(topics)
	// Every topic starts at a marked line: one array holds them all.
	nt := count(topics)
	b := &blocks{topics: make([]Topic, 0, nt), lists: make([]*Topic, 0, nt)}
	for _, p := range d.Parts {
		d.findSections(p, topics, b)
	}
	clear(topics)
	d.indexPaths(topics)
	d.cleanLines()
	return d
}

// cleanLines fills the cache of cleaned lines.
func (d *Document) cleanLines() {
	size := 0
	for i := range d.Lines {
		size += len(d.Lines[i].Text)
	}
	var b strings.Builder
	b.Grow(size)
	d.cleanEnd = make([]int32, len(d.Lines)+1)
	d.endsFrom = make([]int32, len(d.Lines)+1)
	// The sentence ends are noted as the lines are cleaned, where the
	// cleaning passes over punctuation anyway.
	for i := range d.Lines {
		if t := d.Lines[i].Text; t != "" { // a third or more of the lines are blank
			d.ends = textnorm.AppendCleanEnds(&b, t, d.ends)
		}
		d.cleanEnd[i+1] = int32(b.Len())
		d.endsFrom[i+1] = int32(len(d.ends))
	}
	d.clean = b.String()
}

// markPages numbers the printed pages. A page starts at a line that begins
// with exactly one ASCII space and follows a non-blank line directly (the
// PDF converter's trace of a page break), or at a running banner, whose
// last line gives the page number itself.
func (d *Document) markPages() {
	page := 1
	d.Lines[0].PageStart = true
	for i := 0; i < len(d.Lines); i++ {
		l := &d.Lines[i]
		if bannerWord(l.Raw) {
			if end, num, ok := d.banner(i); ok {
				if num > 0 {
					page = num
				} else {
					page++
				}
				for j := bannerStart(d, i); j <= end; j++ {
					d.Lines[j].Kind = Banner
					d.Lines[j].Page = page
				}
				// A banner's last line carries the number of the page it opens.
				d.Lines[end].PageStart = true
				i = end
				continue
			}
		}
		if i > 0 && l.Kind != Blank && strings.HasPrefix(l.Raw, " ") && !strings.HasPrefix(l.Raw, "  ") &&
			d.Lines[i-1].Kind != Blank && d.Lines[i-1].Kind != Banner {
			page++
			l.PageStart = true
			l.Text = l.Text[1:]
			if num, chapter, ok := pageChapter(l.Raw); ok {
				if n, _ := strconv.Atoi(num); (n == page || n == page+1) && utf8.RuneCountInString(textnorm.Key(chapter)) <= 8 && textnorm.HanCount(chapter) >= 2 {
					page = n
					l.Kind = PageHeader
				}
			}
		}
		l.Page = page
	}
}

// banner reports whether a running banner's year line (2 0 2 4) is
// after line index i, a 年鉴 line (bannerWord), within the banner block
// that starts at i, and returns the index of the banner's last line (page
// number + chapter) and the page number printed there.
func (d *Document) banner(i int) (end, page int, ok bool) {
	j := i + 1
	for ; j < len(d.Lines) && j < i+40; j++ {
		t := strings.TrimSpace(d.Lines[j].Raw)
		if t == "" || (len(t) == 1 && t[0] >= 'A' && t[0] <= 'Z') {
			continue
		}
		if reSpacedYear.MatchString(t) {
			break
		}
		return 0, 0, false
	}
	for j++; j < len(d.Lines) && d.Lines[j].Kind == Blank; j++ {
	}
	if j >= len(d.Lines) {
		return 0, 0, false
	}
	if num, _, ok := pageChapter(d.Lines[j].Raw); ok {
		n, _ := strconv.Atoi(num)
		return j, n, true
	}
	return j - 1, 0, true
}

// credit reports whether s ends a photo credit: reCredit,
// `(摄|供图)\s*[）)]\s*$`, without the regexp, which tries every start in
// s. Its end is read back: \s characters, a closing parenthesis, \s
// characters and 摄 or 供图, none of which is \s.
func credit(s string) bool {
	const space = " \t\n\f\r" // \s
	s = strings.TrimRight(s, space)
	if t, ok := strings.CutSuffix(s, "）"); ok {
		s = t
	} else if t, ok := strings.CutSuffix(s, ")"); ok {
		s = t
	} else {
		return false
	}
	s = strings.TrimRight(s, space)
	return strings.HasSuffix(s, "摄") || strings.HasSuffix(s, "供图")
}

// pageChapter is rePageChapter.FindStringSubmatch(s), `^\s?(\d{1,3})\s*(\S.*)$`,
// without the regexp, asked of every line that starts a page: it returns
// the page number and the chapter after it. The one \s is taken if there
// is one (a digit must follow it), and the digits greedily, up to three:
// when nothing but \s follows them, the regexp gives back the last digit
// to be the chapter's first character (\S), which no \s can be. The
// chapter runs to the end of s, so it may hold no line feed (.).
func pageChapter(s string) (num, chapter string, ok bool) {
	i := 0
	if s != "" && reSpace(s[0]) {
		i++
	}
	j := i
	for j < len(s) && j-i < 3 && isDigit(s[j]) {
		j++
	}
	if j == i {
		return "", "", false
	}
	k := j
	for k < len(s) && reSpace(s[k]) {
		k++
	}
	if k == len(s) {
		k = j - 1 // the digit given back
	}
	if k == i || strings.IndexByte(s[k:], '\n') >= 0 {
		return "", "", false
	}
	return s[i:min(j, k)], s[k:], true
}

// bannerWord reports whether strings.TrimSpace(raw) is 年鉴, the line that
// starts a running banner. It is asked of every line, so it rules out in
// line those whose first byte starts neither a space nor 年 (bannerLead),
// nearly every line, before bannerWordTrimmed reads on.
func bannerWord(raw string) bool {
	return raw != "" && bannerLead[raw[0]] && bannerWordTrimmed(raw)
}

// bannerLead marks the first bytes of 年 and of the spaces of Unicode: the
// ASCII spaces, U+0085, U+00A0 (C2), U+1680 (E1), U+2000–U+205F (E2) and
// U+3000 (E3).
var bannerLead = func() (t [256]bool) {
	for _, c := range []byte{"年"[0], ' ', '\t', '\n', '\v', '\f', '\r', 0xC2, 0xE1, 0xE2, 0xE3} {
		t[c] = true
	}
	return t
}()

// bannerWordTrimmed is bannerWord past its first byte. Past the ASCII
// spaces that start raw, a byte that cannot start a space of Unicode
// (any but C2, E1, E2 and E3) ends the spaces TrimSpace drops: the word
// must stand right there. So does a rune led by one of those four that
// is not a space, such as the 【 that starts a topic, and that rune is
// not the word's 年: TrimSpace, which decodes the whole line, is left
// to the lines that go on with a space of Unicode.
func bannerWordTrimmed(raw string) bool {
	const word = "年鉴"
	i := 0
	for i < len(raw) && (raw[i] == ' ' || raw[i] >= '\t' && raw[i] <= '\r') {
		i++
	}
	if i < len(raw) {
		switch raw[i] {
		case 0xE3:
			// Of the runes it leads, only U+3000 (E3 80 80) is a space:
			// most lines that start with E3 start with 【, a topic.
			return strings.HasPrefix(raw[i:], "\u3000") && strings.TrimSpace(raw) == word
		case 0xC2, 0xE1, 0xE2:
			r, _ := utf8.DecodeRuneInString(raw[i:])
			return unicode.IsSpace(r) && strings.TrimSpace(raw) == word
		}
	}
	return strings.HasPrefix(raw[i:], word) && strings.TrimSpace(raw[i+len(word):]) == ""
}

// bannerStart returns the index where the banner whose 年鉴 line is at i
// begins: the city name line before it, if short.
func bannerStart(d *Document, i int) int {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		t := strings.TrimSpace(d.Lines[j].Raw)
		if t == "" {
			continue
		}
		if utf8.RuneCountInString(t) <= 6 && textnorm.HanCount(t) == utf8.RuneCountInString(t) {
			d.Lines[j].Kind = Banner
			if d.City == "" {
				d.City = strings.TrimSuffix(t, "市")
			}
			return j
		}
		break
	}
	return i
}

// markCaptions marks photo captions and their credits. A caption starts
// with 图 N and U+3000, usually on a line of its own, sometimes glued to
// the end of a body line; it runs to the credit line (… 摄）/ 供图）).
func (d *Document) markCaptions() {
	for i := 0; i < len(d.Lines); i++ {
		l := &d.Lines[i]
		if l.Kind != Body {
			continue
		}
		if !strings.Contains(l.Text, "图") {
			continue // reCaptionStart starts with 图
		}
		loc := reCaptionStart.FindStringIndex(l.Text)
		if loc == nil {
			continue
		}
		if loc[0] > 0 {
			// Glued to body text: the text before the caption stays body.
			prev, _ := utf8.DecodeLastRuneInString(l.Text[:loc[0]])
			if !textnorm.IsHan(prev) && !strings.ContainsRune("。；，）”%0123456789", prev) {
				continue
			}
			d.Diagnostics = append(d.Diagnostics, kg.Diagnostic{File: d.File, Line: l.N, Column: utf8.RuneCountInString(l.Text[:loc[0]]) + 1, Code: "caption-glued", Message: "photo caption glued to body text; cut off"})
			l.Text = l.Text[:loc[0]]
			if credit(l.Raw) {
				continue
			}
		} else {
			l.Kind = Caption
			if credit(l.Raw) {
				continue
			}
		}
		// Mark the following lines up to the credit, within a few lines.
		for j := i + 1; j < len(d.Lines) && j <= i+8; j++ {
			n := &d.Lines[j]
			if n.Kind == Blank {
				continue
			}
			if n.PageStart || topicStart(n.Raw) {
				break
			}
			if credit(n.Raw) {
				n.Kind = Credit
				for k := i + 1; k < j; k++ {
					if d.Lines[k].Kind == Body {
						d.Lines[k].Kind = Caption
					}
				}
				i = j
				break
			}
		}
	}
}

// yearCounts counts the years a text speaks of (years), by year from
// 1900: years finds no other.
type yearCounts [200]int

// add counts the years of line s.
func (counts *yearCounts) add(s string) {
	years(s, func(y int) { counts[y-1900]++ })
}

// most returns the year the text speaks of most, the latest of a tie, or
// 0 for none: the year a yearbook covers, for a yearbook of edition N
// covers year N-1, and its dates often omit the year.
func (counts *yearCounts) most() int {
	best, n := 0, 0
	for i, c := range counts {
		if y := 1900 + i; c > n || (c == n && c > 0 && y > best) {
			best, n = y, c
		}
	}
	return best
}

// years calls f with the year of each match of reYear in s, left to right,
// as reYear.FindAllStringSubmatch finds them. Every match ends in 年 and
// none holds one before its end, so matches cannot overlap, and each is
// found from its 年: the four digits (19xx or 20xx) right before it, or
// before one \s character before it. Searching for the last byte of 年,
// rarer in Chinese text than its first, passes over the lines of the book
// far faster than trying each byte. It is textnorm.Index's search, kept in
// line: a call per 年 found costs nearly a million instructions a book.
func years(s string, f func(int)) {
	const word = "年"
	for off := len(word) - 1; off < len(s); {
		end := strings.IndexByte(s[off:], word[len(word)-1])
		if end < 0 {
			return
		}
		end += off + 1
		off = end
		k := end - len(word)
		if s[k:end] != word {
			continue
		}
		i := k - 4
		if k >= 1 && reSpace(s[k-1]) {
			i-- // 2023 年
		}
		if i < 0 || !(s[i] == '2' && s[i+1] == '0' || s[i] == '1' && s[i+1] == '9') || !isDigit(s[i+2]) || !isDigit(s[i+3]) {
			continue
		}
		f(int(s[i]-'0')*1000 + int(s[i+1]-'0')*100 + int(s[i+2]-'0')*10 + int(s[i+3]-'0'))
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// cities calls f with the two characters before 市 of each match of reCity
// in s, left to right, as reCity.FindAllStringSubmatch finds them.
func cities(s string, f func(string)) {
	for i := 0; i < len(s); {
		r0, n0 := utf8.DecodeRuneInString(s[i:])
		if textnorm.IsHan(r0) {
			r1, n1 := utf8.DecodeRuneInString(s[i+n0:])
			if textnorm.IsHan(r1) && strings.HasPrefix(s[i+n0+n1:], "市") {
				f(s[i : i+n0+n1])
				i += n0 + n1 + len("市")
				continue
			}
		}
		i += n0
	}
}

// commonCity returns the two-character city name most often written
// before 市, for yearbooks whose running banner does not name the city.
func commonCity(lines []string) string {
	counts := map[string]int{}
	for _, l := range lines {
		cities(l, func(c string) { counts[c]++ })
	}
	best := ""
	for c, n := range counts {
		if n > counts[best] || (n == counts[best] && c < best) {
			best = c
		}
	}
	return best
}

// findParts splits the document into chapters. Chapters are found from
// two independent signs: the chapter title lines the PDF writes twice
// (市 情 概 览市 情 概 览), and the index at the back, whose entries with
// a bare page number (大事记　45) are chapters and articles. The index
// gives chapters that have no title line in the text.
//
// As it walks the lines, it also marks in topics, by line number, the
// content lines (body, heading or author) that start a 【topic】, for
// findSections, in the same pass. Before it all content lines are body
// lines; it turns some into headings, and findSections some into
// headings and author lines, all content, and neither changes a line's
// text, so the marks hold until findSections is done.
func (d *Document) findParts(topics []bool) {
	type start struct {
		line  int
		title string
	}
	var starts []start
	for i := range d.Lines {
		l := &d.Lines[i]
		if l.Kind != Body {
			continue
		}
		topics[l.N] = topicStart(l.Text)
		if !mayBeDoubled(l.Text) {
			continue
		}
		if t, ok := textnorm.Doubled(l.Text); ok {
			l.Kind = Heading
			starts = append(starts, start{l.N, t})
		}
	}
	firstOnPage := d.firstOnPage()
	for _, e := range d.indexChapters() {
		if e.page >= 0 && e.page < len(firstOnPage) && firstOnPage[e.page] > 0 {
			starts = append(starts, start{firstOnPage[e.page], e.title})
		}
	}
	sort.SliceStable(starts, func(i, j int) bool { return starts[i].line < starts[j].line })
	var parts []*Part
	for _, s := range starts {
		if len(parts) > 0 && parts[len(parts)-1].Start >= s.line-2 {
			// The same chapter found twice (title line and index), or an
			// article sharing its chapter's first page: keep the first.
			last := parts[len(parts)-1]
			if len(s.title) < len(last.Title) {
				last.Title = s.title
			}
			continue
		}
		parts = append(parts, &Part{Title: s.title, Start: s.line})
	}
	if len(parts) == 0 || parts[0].Start > 1 {
		parts = append([]*Part{{Title: "", Start: 1}}, parts...)
	}
	for i, p := range parts {
		if i+1 < len(parts) {
			p.End = parts[i+1].Start - 1
		} else {
			p.End = len(d.Lines)
		}
	}
	d.Parts = parts
}

// firstOnPage returns, by page number, the first body or heading line of
// each page, 0 for a page without one; pages past the last that has one
// are left out. Pages are numbered up from 1 or from a banner's number,
// so a slice indexed by page is small, and it grows as the pages come.
func (d *Document) firstOnPage() []int {
	var first []int
	for i := range d.Lines {
		l := &d.Lines[i]
		if l.Page < 0 || l.Kind != Body && l.Kind != Heading {
			continue
		}
		if l.Page >= len(first) {
			first = append(first, make([]int, l.Page+1-len(first))...)
		}
		if first[l.Page] == 0 {
			first[l.Page] = l.N
		}
	}
	return first
}

type indexChapter struct {
	title string
	page  int
	line  int
}

// indexChapters reads the index (索引) at the end of the book and returns
// its entries that carry a bare page number: chapters and articles.
func (d *Document) indexChapters() []indexChapter {
	start := -1
	for i := len(d.Lines) - 1; i >= 0 && i > len(d.Lines)-len(d.Lines)/4-100; i-- {
		raw := d.Lines[i].Raw
		if !strings.Contains(raw, "说") && !strings.Contains(raw, "索") {
			continue // Key keeps every Han character: neither word is there
		}
		k := textnorm.Key(raw)
		if k == "说明:" || k == "说明：" || strings.HasPrefix(k, "索引索引") {
			start = i
		}
	}
	if start < 0 {
		return nil
	}
	var out []indexChapter
	prev := ""
	for i := start; i < len(d.Lines); i++ {
		raw := d.Lines[i].Raw
		t := strings.TrimRight(raw, " ")
		entry, pageList, ok := indexEntry(strings.TrimLeft(t, " "))
		if !ok {
			if d.Lines[i].Kind == Blank {
				continue
			}
			prev = ""
			if k := textnorm.Key(t); k != "" && !strings.HasPrefix(t, "\u3000") && utf8.RuneCountInString(k) > 2 {
				prev = k // a wrapped title; its page follows on the next line
			}
			continue
		}
		title := textnorm.Key(entry)
		if strings.HasPrefix(t, "\u3000") && prev != "" {
			title = prev + title
		}
		prev = ""
		if page, ok := barePage(pageList); ok {
			n, _ := strconv.Atoi(page)
			out = append(out, indexChapter{title: title, page: n, line: i + 1})
		}
	}
	return out
}

// indexEntry is reIndexEntry.FindStringSubmatch(s) without the regexp,
// which tries every length of its lazy title on every line of the index:
// it returns the two groups, the entry's title and its pages. The pages
// are read back from the end of s, after its \s characters: one or more
// times U+3000s, one to three digits and an optional a or b, in one way
// only (a page's digits and letter are not U+3000, and its U+3000s not a
// digit or letter). The title is the shortest start of s they can follow:
// one character at least, the first not \s, and none a line feed (.); the
// pages may start at any U+3000 of a run but its last, which then pads the
// title.
func indexEntry(s string) (title, pages string, ok bool) {
	const ideo = "\u3000"
	if s == "" || reSpace(s[0]) {
		return "", "", false
	}
	_, first := utf8.DecodeRuneInString(s)
	end := len(strings.TrimRight(s, " \t\n\f\r"))
	start := -1
	for p := end; ; {
		q := p // a page's end: [ab]? \d{1,3} (\x{3000})+ read backwards
		if q > 0 && (s[q-1] == 'a' || s[q-1] == 'b') {
			q--
		}
		digits := q
		for digits > 0 && q-digits < 3 && isDigit(s[digits-1]) {
			digits--
		}
		run := digits
		for run >= len(ideo) && s[run-len(ideo):run] == ideo {
			run -= len(ideo)
		}
		if digits == q || run == digits {
			break
		}
		// The first U+3000 of the run at or after the title's first
		// character, if not the run's last one.
		at := run
		for at < first {
			at += len(ideo)
		}
		if at < digits {
			start = at
		}
		p = run
	}
	if start < 0 || strings.IndexByte(s[:start], '\n') >= 0 {
		return "", "", false
	}
	return s[:start], s[start:end], true
}

// blocks hands out the Sections and Topics of a Document from arrays of
// them: a few allocations for a book instead of one for each of its
// thousand topics. A pointer keeps its array alive, and the Document
// keeps them all.
type blocks struct {
	sections []Section
	topics   []Topic
	lists    []*Topic // the Topics of the sections, one after the other
}

// addTopic appends t to the Topics of s, the section whose topics are
// the last ones added: the lists of all sections are pieces of one array.
func (b *blocks) addTopic(s *Section, t *Topic) {
	b.lists = append(b.lists, t)
	n := len(b.lists)
	s.Topics = b.lists[n-len(s.Topics)-1 : n : n]
}

// take returns a pointer to a new element of *free set to v, and makes
// the next array when *free is full.
func take[T any](free *[]T, v T) *T {
	if len(*free) == cap(*free) {
		*free = make([]T, 0, 64)
	}
	*free = append(*free, v)
	return &(*free)[len(*free)-1]
}

// count returns the number of true values in marks.
func count(marks []bool) int {
	n := 0
	for _, m := range marks {
		if m {
			n++
		}
	}
	return n
}

// barePage returns the page of an index entry's pages (of indexEntry)
// when they are one bare page number, not several or a page with a
// column letter (45a). The pages are runs of U+3000 each followed by
// digits and an optional a or b, so they are one page when no U+3000
// follows the first run.
//
// The first run is cut off by prefix, not by strings.TrimLeft, which
// decodes rune by rune for a cutset that is not ASCII.
func barePage(pages string) (string, bool) {
	const ideo = "\u3000"
	p := pages
	for strings.HasPrefix(p, ideo) {
		p = p[len(ideo):]
	}
	if strings.Contains(p, ideo) || strings.IndexByte(p, 'a') >= 0 || strings.IndexByte(p, 'b') >= 0 {
		return "", false
	}
	return p, true
}

// findSections splits a part into sections at its section headings and
// finds the topics and author lines of each.
//
// topics marks the lines that start a 【topic】 (findParts).
func (d *Document) findSections(p *Part, topics []bool, b *blocks) {
	cur := take(&b.sections, Section{Start: p.Start})
	p.Sections = append(p.Sections, cur)
	ahead := 0 // the next 【topic】 line, for topicWithin
	for n := p.Start; n <= p.End; n++ {
		l := d.Line(n)
		if l.Kind != Body {
			continue
		}
		switch {
		case topics[n]: // topicStart(l.Text), marked already
			t := d.topic(n, b)
			b.addTopic(cur, t)
			n = t.TextStart
		case mayOpen(l.Text) && mayBeAuthor(l.Text) && reAuthor.MatchString(l.Text) && n > p.Start:
			l.Kind = Author
			cur.Author = strings.Trim(textnorm.Clean(l.Text), "（）[] ")
			cur.End = n
		case mayOpen(l.Text) && afterSpace(l.Text, "（") && reAuthorOpen.MatchString(l.Text):
			if next := d.nextContent(n); next > 0 && next <= p.End && d.Line(next).Kind == Body && strings.HasSuffix(strings.TrimSpace(d.Line(next).Text), "）") && utf8.RuneCountInString(d.Line(next).Text) < 16 {
				l.Kind, d.Line(next).Kind = Author, Author
				cur.Author = strings.Trim(textnorm.Clean(l.Text+d.Line(next).Text), "（）[] ")
				cur.End = next
				n = next
			}
		default:
			if !topicWithin(n, p.End, topics, &ahead) {
				continue
			}
			if title, last, ok := d.heading(n, p.End); ok {
				cur.End = n - 1
				cur = take(&b.sections, Section{Title: title, Start: n})
				p.Sections = append(p.Sections, cur)
				for k := n; k <= last; k++ {
					if d.Line(k).Kind == Body {
						d.Line(k).Kind = Heading
					}
				}
				n = last
			}
		}
	}
	for i, s := range p.Sections {
		if i+1 < len(p.Sections) {
			s.End = p.Sections[i+1].Start - 1
		} else {
			s.End = p.End
		}
		for j, t := range s.Topics {
			if j+1 < len(s.Topics) {
				t.End = s.Topics[j+1].Start - 1
			} else {
				t.End = s.End
			}
			// A topic's text stops at its section's author line.
			for k := t.TextStart; k <= t.End; k++ {
				if d.Line(k).Kind == Author {
					t.End = k - 1
					break
				}
			}
		}
	}
	if len(p.Sections) > 1 && p.Sections[0].Start == p.Sections[1].Start {
		p.Sections = p.Sections[1:]
	}
}

// topic reads the 【title】 starting at line n; a title may wrap onto the
// next content line.
func (d *Document) topic(n int, b *blocks) *Topic {
	l := d.Line(n)
	t := take(&b.topics, Topic{Start: n, Page: l.Page, TextStart: n})
	text := strings.TrimLeft(l.Text, " ")
	open := strings.Index(l.Text, "【")
	title := text[len("【"):]
	if i := strings.Index(l.Text, "】"); i >= 0 {
		t.Title = textnorm.Key(l.Text[open+len("【") : i])
		t.TextCol = i + len("】")
		return t
	}
	if next := d.nextContent(n); next > 0 {
		nl := d.Line(next)
		if i := strings.Index(nl.Text, "】"); i >= 0 && i < 60 {
			t.Title = textnorm.Key(title + nl.Text[:i])
			t.TextStart, t.TextCol = next, i+len("】")
			return t
		}
	}
	t.Title = textnorm.Key(title)
	t.TextCol = len(l.Text)
	d.Diagnostics = append(d.Diagnostics, kg.Diagnostic{File: d.File, Line: n, Code: "topic-unclosed", Message: "【 without 】"})
	return t
}

// heading reports whether a section heading starts at line n: one or two
// short lines without sentence punctuation, followed directly by a 【topic】
// line. It returns the heading and its last line.
//
// Only a line shortly before a 【topic】 can be a heading: findSections
// asks it only where a 【topic】 line is among the lines it would read
// (topicWithin).
func (d *Document) heading(n, end int) (string, int, bool) {
	title := ""
	last := n
	for k := n; k > 0 && k <= end && k < n+4; k = d.nextContent(k) {
		l := d.Line(k)
		if topicStart(l.Text) {
			if title == "" {
				return "", 0, false
			}
			return title, last, true
		}
		if l.Kind != Body || !headingLike(l.Text) || utf8.RuneCountInString(title) > 20 {
			return "", 0, false
		}
		title += textnorm.Key(l.Text)
		last = k
	}
	return "", 0, false
}

// topicWithin reports whether a 【topic】 line is among the lines heading
// reads from n, a body line: line n, and the content lines after it below
// n+4 and up to end. ahead is the first 【topic】 line at or after some
// line up to n (nextTopic), moved on to the first at or after n:
// findSections asks it of nearly every body line, in order, and this way
// passes over the marks of topics once, not up to four times a line.
func topicWithin(n, end int, topics []bool, ahead *int) bool {
	if *ahead < n {
		*ahead = nextTopic(topics, n)
	}
	return *ahead <= end && *ahead < n+4
}

// nextTopic returns the first line at or after n marked in topics, or
// len(topics).
func nextTopic(topics []bool, n int) int {
	for n < len(topics) && !topics[n] {
		n++
	}
	return n
}

// headingLike reports whether s could be (part of) a section heading:
// 2 to 18 runes of textnorm.Key(s), no sentence punctuation, at least
// half of them Han. It reads the runes of Key(s) without building it
// (spaces, U+FFFD and bytes that are not UTF-8 dropped, full-width ASCII
// folded), in one pass that stops at the 19th rune or the first
// punctuation, which rules out most lines after a few runes. It is asked
// of nearly every body line, so the runes U+4000–U+9FFF, most of the
// text, are told apart by their bytes alone: none is a space or
// punctuation, and all are Han but U+4DC0–U+4DFF (E4 B7 xx).
func headingLike(s string) bool {
	n, han := 0, 0
	for i := 0; i < len(s); {
		c := s[i]
		if textnorm.HanAt(s, i) {
			if n++; n > 18 {
				return false
			}
			if c != 0xE4 || s[i+1] != 0xB7 {
				han++
			}
			i += 3
			continue
		}
		r, size := textnorm.DecodeRuneAt(s, i)
		i += size
		if r == utf8.RuneError || textnorm.IsSpace(r) {
			continue
		}
		if n++; n > 18 {
			return false
		}
		switch textnorm.FoldWidth(r) {
		case '，', '。', '；', '：', ',', ';', ':', '！', '？', '、', '”', '“', '%':
			return false
		}
		if textnorm.IsHan(r) {
			han++
		}
	}
	return n >= 2 && han*2 >= n
}

// mayBeDoubled reports whether the runes of textnorm.Key(s) are one
// sequence written twice, which textnorm.Doubled(s) requires, without
// building the key; but false for a key that starts with a digit, a
// parenthesis or %, which Doubled refuses in a half.
//
// The second half starts with the first rune of the key, so it is looked
// for only where that rune is written again, and there the two halves are
// compared rune by rune (halvesEqual), which fails within a rune or two
// on nearly every line. For a rune no other folds into (not ASCII, not
// full width), the places are found by a search for its bytes, which
// rules out most lines of a book at once: valid bytes of a rune are
// decoded as that rune wherever they stand, since they start with a byte
// that continues no rune.
func mayBeDoubled(s string) bool {
	r0, start, next := keyRune(s, 0)
	if r0 < 0 || r0 < utf8.RuneSelf && strings.IndexByte("0123456789()%", byte(r0)) >= 0 {
		return false
	}
	if r0 >= utf8.RuneSelf && textnorm.FoldWidth(r0) == r0 {
		w := s[start:next]
		for q := next; ; q += len(w) {
			k := strings.Index(s[q:], w)
			if k < 0 {
				return false
			}
			if q += k; halvesEqual(s, start, q) {
				return true
			}
		}
	}
	for q := next; ; {
		r, at, end := keyRune(s, q)
		if r < 0 {
			return false
		}
		if r == r0 && halvesEqual(s, start, at) {
			return true
		}
		q = end
	}
}

// halvesEqual reports whether the runes of textnorm.Key(s[:q]), which
// starts at s[from], are those of textnorm.Key(s[q:]), where q is the
// start of a rune.
func halvesEqual(s string, from, q int) bool {
	a, b := from, q
	for {
		ra, _, enda := keyRune(s[:q], a)
		rb, _, endb := keyRune(s, b)
		if ra != rb {
			return false
		}
		if ra < 0 {
			return true
		}
		a, b = enda, endb
	}
}

// keyRune returns the next rune of textnorm.Key(s) at or after s[i], with
// where it starts and ends in s, or -1 at the end of the key: spaces,
// U+FFFD and bytes that are not UTF-8 are passed over, and full-width
// ASCII is folded. The runes U+4000–U+9FFF, most of the text, are decoded
// in line: none is a space, U+FFFD or full width.
func keyRune(s string, i int) (r rune, start, end int) {
	for i < len(s) {
		if textnorm.HanAt(s, i) {
			return textnorm.HanRune(s, i), i, i + 3
		}
		r, size := textnorm.DecodeRuneAt(s, i)
		if r != utf8.RuneError && !textnorm.IsSpace(r) {
			return textnorm.FoldWidth(r), i, i + size
		}
		i += size
	}
	return -1, i, i
}

// nextContent returns the number of the next line after n that is body
// text or a heading, skipping blanks and artefacts, or 0.
func (d *Document) nextContent(n int) int {
	for k := n + 1; k <= len(d.Lines); k++ {
		switch d.Line(k).Kind {
		case Body, Heading, Author:
			return k
		}
	}
	return 0
}

// indexPaths builds the cache of Path. The path of a line changes only
// where a part, section or topic starts or ends, so it is built once at
// each of those lines and holds until the next.
//
// Those lines are marked by number in marks, all false and two longer
// than the lines, and then read off in order: the starts and ends come
// nearly but not quite in order, and marking them costs a tenth of
// sorting them.
func (d *Document) indexPaths(marks []bool) {
	marks[1] = true
	for _, p := range d.Parts {
		marks[p.Start], marks[p.End+1] = true, true
		for _, s := range p.Sections {
			marks[s.Start], marks[s.End+1] = true, true
			for _, t := range s.Topics {
				marks[t.Start], marks[t.End+1] = true, true
			}
		}
	}
	from := make([]int, 0, count(marks))
	for n, m := range marks {
		if m {
			from = append(from, n)
		}
	}
	// The paths are written once, into a string that grows as they are
	// (a few tens of kilobytes for a book): measuring them first would
	// cost as much again as writing them.
	var b strings.Builder
	d.pathEnd = make([]int, len(from)+1)
	for i, n := range from {
		d.writePath(&b, n)
		d.pathEnd[i+1] = b.Len()
	}
	d.paths = b.String()
	d.pathFrom = from
}

// Path returns the section path of line n: part > section > 【topic】.
func (d *Document) Path(n int) string {
	if i := sort.SearchInts(d.pathFrom, n+1) - 1; i >= 0 {
		return d.paths[d.pathEnd[i]:d.pathEnd[i+1]]
	}
	return d.path(n)
}

// path is Path, built from the parts.
func (d *Document) path(n int) string {
	var b strings.Builder
	d.writePath(&b, n)
	return b.String()
}

// writePath writes the path of line n to b: the non-empty titles of its
// part, section and topic, joined by " > ".
func (d *Document) writePath(b *strings.Builder, n int) {
	start := b.Len()
	sep := func() {
		if b.Len() > start {
			b.WriteString(" > ")
		}
	}
	for _, p := range d.Parts {
		if n < p.Start || n > p.End {
			continue
		}
		if p.Title != "" {
			b.WriteString(p.Title)
		}
		for _, s := range p.Sections {
			if n < s.Start || n > s.End {
				continue
			}
			if s.Title != "" {
				sep()
				b.WriteString(s.Title)
			}
			for _, t := range s.Topics {
				if n >= t.Start && n <= t.End {
					sep()
					b.WriteString("【")
					b.WriteString(t.Title)
					b.WriteString("】")
				}
			}
		}
		return
	}
}

// Headings returns the titles of the section and of the 【topic】 that hold
// line n ("" where there is none): what the book says a passage is about,
// for the facts its text leaves implicit (the county of a county's section).
func (d *Document) Headings(n int) (section, topic string) {
	for _, p := range d.Parts {
		if n < p.Start || n > p.End {
			continue
		}
		for _, s := range p.Sections {
			if n < s.Start || n > s.End {
				continue
			}
			section = s.Title
			for _, t := range s.Topics {
				if n >= t.Start && n <= t.End {
					topic = t.Title
				}
			}
		}
		break
	}
	return section, topic
}

// ReadFile decodes and segments the yearbook file at path.
func ReadFile(path string) (*Document, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	lines, _, err := decode.Lines(path, b)
	if err != nil {
		return nil, err
	}
	return Parse(path, lines), nil
}
