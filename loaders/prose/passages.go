package prose

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/yearbookkg/kg/loaders/mention"
	"github.com/yearbookkg/kg/loaders/segment"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// chunkBytes is the size after which a passage is cut at the next sentence
// end. Speeches and the chronicle run to tens of kilobytes without a
// topic; cutting them keeps each sentence lookup of a mention's quote
// short without ever cutting a sentence.
const chunkBytes = 4000

// skipped is the kind lines reports for the lines of structured blocks
// (tables, the roster, the index). Caption is the kind that already
// means "not running text", and the marking rules treat both alike.
const skipped = segment.Caption

var (
	reTableMark  = regexp.MustCompile(`^(续)?表\s?[0-9０-９]{1,2}`)
	reIndexTitle = regexp.MustCompile(`索\s*引`)
)

// lines are the lines of a document as prose reads them: the lines of
// tables, of the leader roster and of the index are skipped, for their
// rows are parsed by their own extractors, and joined into prose they
// would glue names and numbers together. The marks are kept beside the
// document rather than in a copy of its lines with another Kind: the book
// has tens of thousands of lines, and copying them cost more than all the
// marking.
type lines struct {
	d    *segment.Document
	skip []bool // by line number
}

// kind returns the kind of line n as prose reads it.
func (ls lines) kind(n int) segment.Kind {
	if ls.skip[n] {
		return skipped
	}
	return ls.d.Line(n).Kind
}

// body reports whether line n is running text as prose reads it.
func (ls lines) body(n int) bool { return !ls.skip[n] && ls.d.Line(n).Kind == segment.Body }

// prepare marks the lines of d that prose skips.
func prepare(d *segment.Document) lines {
	ls := lines{d: d, skip: make([]bool, len(d.Lines)+1)}
	for _, p := range d.Parts {
		if reIndexTitle.MatchString(p.Title) {
			for n := p.Start; n <= p.End; n++ {
				ls.skip[n] = true
			}
		}
	}
	ls.markTables()
	ls.markRoster()
	return ls
}

// markTables marks the flattened tables: a table starts at its 表 N (or
// 续表 N) line, takes the title line before it, and runs over the lines
// that read as rows (cells without sentence punctuation) up to the first
// line of prose.
func (ls lines) markTables() {
	d := ls.d
	for i := 1; i <= len(d.Lines); i++ {
		l := &d.Lines[i-1]
		if ls.skip[i] || l.Kind != segment.Body || l.Text == "" || !tableLeadByte(l.Text[0]) {
			continue
		}
		if text := l.Text; !tableMarkLead(text) || !reTableMark.MatchString(textnorm.TrimSpace(text)) {
			continue
		}
		ls.skip[i] = true
		// The title line above (2023年武威市年末人口数及构成).
		for j := i - 1; j >= 1 && j >= i-3; j-- {
			k := ls.kind(j)
			if k == segment.Blank {
				continue
			}
			if k == segment.Body && !textnorm.ContainsAny(d.Line(j).Text, cellBreaks...) {
				ls.skip[j] = true
			}
			break
		}
		j := i + 1
		for ; j <= len(d.Lines); j++ {
			k := ls.kind(j)
			if k == segment.Blank || k == segment.PageHeader || k == segment.Banner || k == skipped {
				continue
			}
			if k != segment.Body || !tableRow(d.Line(j).Text) {
				break
			}
			ls.skip[j] = true
		}
		i = j - 1
	}
}

// cellBreaks are the punctuation and the topic bracket that no row of a
// flattened table holds.
var cellBreaks = []string{"，", "。", "；", "、", "【"}

// tableMarkLead reports whether s, after its leading spaces, starts as
// reTableMark needs (表 or 续表): a cheap test that spares the regexp the
// lines of the book that cannot match.
func tableMarkLead(s string) bool {
	s = trimLeftSpace(s)
	return strings.HasPrefix(s, "表") || strings.HasPrefix(s, "续表")
}

// tableLeadByte reports whether a line that starts with byte c may pass
// tableMarkLead: c starts 表 (E8), 续 (E7) or a space. Most lines are told
// by it, without a call.
func tableLeadByte(c byte) bool {
	switch c {
	case 0xE8, 0xE7, ' ', '\t', '\r', 0xC2, 0xE2, 0xE3:
		return true
	}
	return false
}

// trimLeftSpace is strings.TrimLeftFunc(s, textnorm.IsSpace), comparing
// bytes instead of decoding runes: it is asked of every line of the book
// that starts with a space or a character of the same first byte, and
// paragraphs start with U+3000.
func trimLeftSpace(s string) string {
	for s != "" {
		n := 0 // the length of the space s starts with
		switch s[0] {
		case ' ', '\t', '\r':
			n = 1
		case 0xC2:
			if strings.HasPrefix(s, "\u00a0") {
				n = len("\u00a0")
			}
		case 0xE2:
			if strings.HasPrefix(s, "\u2002") || strings.HasPrefix(s, "\u2003") {
				n = len("\u2002")
			}
		case 0xE3:
			if strings.HasPrefix(s, "\u3000") {
				n = len("\u3000")
			}
		}
		if n == 0 {
			return s
		}
		s = s[n:]
	}
	return s
}

// tableRow reports whether a line reads as a row of a flattened table:
// no sentence punctuation, not a 【topic】, and not a full line of Han text
// without cell gaps.
func tableRow(s string) bool {
	t := textnorm.TrimSpace(s)
	if t == "" || textnorm.ContainsAny(t, cellBreaks...) {
		return false
	}
	return !(textnorm.HanCount(t) >= 14 && !strings.Contains(t, " "))
}

// markRoster marks the leader roster and other lists: from a short
// heading ending in 名录 (武威市组织机构及主要负责人名录, 武威市小贷公司名录)
// to the author line that closes its section.
func (ls lines) markRoster() {
	d := ls.d
	for i := 1; i <= len(d.Lines); i++ {
		if !ls.body(i) {
			continue
		}
		// A line whose key ends in 名录 ends in 录 once the runes Key
		// drops are left out: most lines are told from their last
		// runes, without a key or a search of the line, and most of
		// those from their last three bytes, a Chinese character
		// (textnorm.HanAt), without a call.
		text := d.Line(i).Text
		if !strings.HasSuffix(text, "录") && (textnorm.HanAt(text, len(text)-3) || lastKeyRune(text) != '录') {
			continue
		}
		k := textnorm.Key(text)
		if !strings.HasSuffix(k, "名录") || utf8.RuneCountInString(k) > 30 || textnorm.ContainsAny(k, "，", "。", "；", "：") {
			continue
		}
		for j := i; j <= len(d.Lines); j++ {
			if k := ls.kind(j); k == segment.Author {
				break
			} else if k == segment.Body || k == segment.Heading {
				ls.skip[j] = true
			}
		}
	}
}

// lastKeyRune returns the last rune of textnorm.Key(s), or -1 if the key
// is empty: the last rune of s that is not a space nor U+FFFD, folded.
// Decoding backwards finds the runes decoding forwards does, for a rune's
// leading byte never continues another. It is asked of every line of the
// book, most of which end in a Chinese character: three bytes from
// U+4000 to U+9FFF, which are read without a call to the decoder.
func lastKeyRune(s string) rune {
	for s != "" {
		if n := len(s) - 3; textnorm.HanAt(s, n) {
			return textnorm.HanRune(s, n)
		}
		r, n := utf8.DecodeLastRuneInString(s)
		if !textnorm.IsSpace(r) && r != utf8.RuneError {
			return textnorm.FoldWidth(r)
		}
		s = s[:len(s)-n]
	}
	return -1
}

// passages returns the running text of the document: each topic's text,
// the body of sections without topics (speeches, survey articles, the
// chronicle, appendix documents), each cut into chunks at sentence ends.
//
// The chunks are found first and their texts joined afterwards (joinAll),
// so that the texts and tables of all are sized at once and cut from
// three arrays, instead of three allocations a chunk.
func (x *extractor) passages() []passage {
	most := 0 // the passages before any is cut in chunks
	for _, p := range x.d.Parts {
		for _, s := range p.Sections {
			most += len(s.Topics) + 1
		}
	}
	out := make([]passage, 0, most)
	for _, p := range x.d.Parts {
		chron := strings.Contains(p.Title, "大事记")
		for _, s := range p.Sections {
			sec := passage{chronicle: chron, area: x.area(s.Title)}
			own := sec // the section's lines before its first topic
			own.src = x.running.of(s, nil, s.Start)
			if len(s.Topics) == 0 {
				out = x.chunks(out, s.Start, s.End, 0, own)
				continue
			}
			if first := s.Topics[0].Start; first > s.Start {
				out = x.chunks(out, s.Start, first-1, 0, own)
			}
			for _, t := range s.Topics {
				tp := sec
				tp.src = x.running.of(s, t, t.TextStart)
				tp.historical = historical(t.Title)
				// A topic named for a county's thing (凉州区…产业园) is
				// about that county.
				if tp.area == nil && textnorm.ContainsAny(t.Title, "县", "区") {
					tp.area = x.area(t.Title)
				}
				out = x.chunks(out, t.TextStart, t.End, t.TextCol, tp)
			}
		}
	}
	return x.joinAll(out)
}

// chunk is the stretch of lines a passage reads: the body lines from..last
// that are not skipped, beginning at byte col of line from's text. count
// is the number of those lines and size the sum of the lengths of their
// texts, which bounds the text (cleaning only shortens a line). gaps is
// set when a body line among them is skipped: the text is then not a
// stretch of the running passage (see join).
type chunk struct {
	from, last, col, count, size int
	gaps                         bool
}

// joinAll joins the text of each passage of ps and returns those whose
// text is not empty.
func (x *extractor) joinAll(ps []passage) []passage {
	count, size := 0, 0
	for _, p := range ps {
		count += p.lines.count
		size += x.ls.written(p.lines, p.src)
	}
	j := newJoins(len(ps), count)
	j.b.Grow(size)
	out := ps[:0]
	for _, p := range ps {
		if p.p = x.ls.join(j, p.lines, p.src); p.p.Text != "" {
			out = append(out, p)
		}
	}
	return out
}

// written bounds the bytes join writes to its buffer for the chunk c of
// the running passage src: the whole text where it cannot be a stretch
// of src (sharable), else its head, which join cleans to compare. It
// asks what join asks, so that the two cannot disagree. (A sharable
// chunk that src does not hold is written whole, and the buffer grows:
// src is made of the same cleaned lines, so none is.)
func (ls lines) written(c chunk, src *segment.Passage) int {
	if !sharable(c, src) {
		return c.size
	}
	head, _ := ls.head(c)
	return len(head)
}

// sharable reports whether the text of the chunk c may be a stretch of
// src, the running passage of its lines: not where there is none, nor
// where a body line among c's lines is skipped.
func sharable(c chunk, src *segment.Passage) bool { return src != nil && !c.gaps }

// head returns the text of c's first line from byte c.col, and true,
// when c starts inside a body line it reads (a topic's text after its
// 【title】); else "" and false.
func (ls lines) head(c chunk) (string, bool) {
	if c.count == 0 || c.col <= 0 || !ls.body(c.from) {
		return "", false
	}
	text := ls.d.Line(c.from).Text
	if c.col > len(text) {
		return "", false
	}
	return text[c.col:], true
}

// area returns the county a heading names (mention.Area), or nil. The
// span is copied to the heap only when found: a pointer to the variable
// Area's answer lands in would cost every heading an allocation.
func (x *extractor) area(title string) *mention.Span {
	if x.f == nil {
		return nil
	}
	if sp, ok := mention.Area(x.f, title); ok {
		found := new(mention.Span)
		*found = sp
		return found
	}
	return nil
}

// historical reports whether a topic is about history (历史名人,
// 建置沿革), whose people and organizations are not those of the year.
func historical(title string) bool {
	return textnorm.ContainsAny(title, "历史", "人物传", "名人", "先贤", "历代", "沿革")
}

// chunks appends to out the passages of lines from..to (col: where the
// text of the first line starts), cut after a sentence end once a chunk
// passes chunkBytes, their texts not yet joined.
//
// The chunk's body lines are counted and measured on the way, for
// joinAll to size its tables and texts without a pass of its own.
func (x *extractor) chunks(out []passage, from, to, col int, proto passage) []passage {
	start, count, size, gaps := from, 0, 0, false
	lines, skip := x.d.Lines, x.ls.skip
	last := min(to, len(lines))
	for n := from; n <= last; n++ {
		l := &lines[n-1]
		if skip[n] || l.Kind != segment.Body { // !x.ls.body(n), on the slices
			gaps = gaps || l.Kind == segment.Body
			continue
		}
		count++
		size += len(l.Text)
		if size >= chunkBytes && endsSentence(l.Text) {
			c := proto
			c.lines = chunk{start, n, colAt(start, from, col), count, size, gaps}
			out = append(out, c)
			start, count, size, gaps = n+1, 0, 0, false
		}
	}
	if start <= to {
		c := proto
		c.lines = chunk{start, last, colAt(start, from, col), count, size, gaps}
		out = append(out, c) // joinAll drops it if its text is empty
	}
	return out
}

// text is the running text of lines from..to as prose reads it: the body
// lines that are not skipped, each cleaned, end to end, as
// segment.Document.Passage joins body lines. Prose builds its own tables
// rather than segment passages: it reads each text once, and needs
// neither the sentence ends a segment passage copies for its Sentence nor
// a passage for each run of lines between skipped ones; its tables are of
// int32, in one array. The text itself is a stretch of the running
// passage of its lines where that holds it (see lines.join).
type text struct {
	Text  string
	start int     // the first line, of an offset in no run
	runs  []run   // the runs of lines between skipped lines that hold a body line, in order
	offs  []int32 // offs[k] is where the k-th body line of the text begins in Text
	lines []int32 // lines[k] is its line number
	run1  [1]run  // the array of runs of a text of one run, which most are
}

// run is a stretch of a text whose lines follow each other in the
// document, with no skipped line between them.
type run struct {
	at    int // where it begins in Text
	first int // the index in offs of its first body line
}

// joins are the arrays the texts of a document's passages are cut from:
// the structs, their tables, and a buffer for the texts that are not
// stretches of a running passage (see join). src and at are where the
// next text is looked for: the running passage of the chunks being
// joined, and the offset in its Text where the chunk before ended (-1
// once a chunk of src was not found in it).
type joins struct {
	texts []text
	table []int32
	b     strings.Builder
	src   *segment.Passage
	at    int
}

// newJoins returns the joins of n texts of count lines in all.
func newJoins(n, count int) *joins {
	return &joins{texts: make([]text, n), table: make([]int32, 2*count)}
}

// join returns the text of the chunk c (c.last <= len(lines)), cut from
// j: chunks tallies its lines as it looks for the chunks' ends.
//
// src, if not nil, is the running passage (segment.Document.Running) of
// the lines c was cut from, whose chunks are joined in order: where c's
// cleaned lines are the next bytes of src.Text, as they are unless a line
// is skipped here, the text is that stretch of src.Text and is not copied.
// Each line is compared with src.Text, so that the text is the same
// whichever way it was made; only the lines that do not follow src are
// written to j's buffer.
func (ls lines) join(j *joins, c chunk, src *segment.Passage) *text {
	t := &j.texts[0]
	j.texts = j.texts[1:]
	t.start = c.from
	t.runs = t.run1[:0]
	if c.count == 0 {
		return t
	}
	if src != j.src {
		j.src, j.at = src, 0
	}
	lines, skip := ls.d.Lines, ls.skip
	count := c.count
	table := j.table[: 2*count : 2*count]
	j.table = j.table[2*count:]
	t.offs, t.lines = table[:0:count], table[count:count]
	b := &j.b
	base := b.Len() // where the text starts in the buffer, if written there
	shared := sharable(c, src) && j.at >= 0 && j.at <= len(src.Text)
	head, cut := ls.head(c) // if cut, the head is written at base
	size := 0               // the length of the text so far
	gaps := 0               // the length of the skipped body lines, which src holds
	open := false           // the last body line written and line n have no skipped line between them
	for n := c.from; n <= c.last; n++ {
		l := &lines[n-1]
		switch {
		case skip[n]:
			if c.gaps && l.Kind == segment.Body {
				gaps += len(ls.d.CleanLine(n))
			}
			open = false
			continue
		case l.Kind != segment.Body:
			continue
		case !open:
			t.runs = append(t.runs, run{at: size, first: len(t.offs)})
			open = true
		}
		t.offs = append(t.offs, int32(size))
		t.lines = append(t.lines, int32(n))
		var line string
		if n == c.from && cut {
			textnorm.AppendClean(b, head)
			line = b.String()[base:]
		} else {
			line = ls.d.CleanLine(n)
		}
		shared = shared && strings.HasPrefix(src.Text[j.at+size:], line)
		size += len(line)
	}
	if shared {
		t.Text = src.Text[j.at : j.at+size]
		j.at += size
		return t
	}
	// The next chunk of src is looked for past the lines skipped here,
	// or nowhere after a chunk src does not hold.
	if c.gaps && j.at >= 0 {
		j.at += size + gaps
	} else {
		j.at = -1
	}
	ls.write(b, c, cut)
	t.Text = b.String()[base:]
	return t
}

// write writes to b the cleaned body lines of c that are not skipped, but
// for the first if cut, already written.
func (ls lines) write(b *strings.Builder, c chunk, cut bool) {
	from := c.from
	if cut {
		from++
	}
	for n := from; n <= c.last; n++ {
		if !ls.skip[n] && ls.d.Lines[n-1].Kind == segment.Body {
			b.WriteString(ls.d.CleanLine(n))
		}
	}
}

// Line returns the line the byte at offset off of Text came from, as
// segment.Passage.Line does: the last body line that begins at or before
// off, in the last run that does.
func (t *text) Line(off int) int {
	i := 0
	if len(t.runs) > 1 {
		i = sort.Search(len(t.runs), func(i int) bool { return t.runs[i].at > off }) - 1
	}
	if i < 0 || len(t.runs) == 0 {
		return t.start
	}
	lo, hi := t.runs[i].first, len(t.offs)
	if i+1 < len(t.runs) {
		hi = t.runs[i+1].first
	}
	// offs[lo] is where run i begins, at or before off: k >= 0.
	k := sort.Search(hi-lo, func(k int) bool { return int(t.offs[lo+k]) > off }) - 1
	return int(t.lines[lo+k])
}

// endsSentence reports whether s ends with 。, ；, ！ or ？ before its
// trailing spaces (ASCII and U+3000). It is asked only of the lines a
// chunk may end at.
func endsSentence(s string) bool {
	for {
		if strings.HasSuffix(s, " ") {
			s = s[:len(s)-1]
		} else if strings.HasSuffix(s, "\u3000") {
			s = s[:len(s)-len("\u3000")]
		} else {
			break
		}
	}
	return len(s) >= 3 && segment.SentenceEndAt(s, len(s)-3)
}

func colAt(start, from, col int) int {
	if start == from {
		return col
	}
	return 0
}

// appendProvinceNames appends to out the submatches
// reProvince.FindAllStringSubmatch finds in s, without the regexp: two
// Han runes and 省, from the left, the runes of a match not read again.
// Each 省 is found by a byte search and the two runes before it decoded
// backwards: a valid rune decoded backwards is the rune a forward reading
// finds there, for a forward reading stops at every byte that does not
// continue a rune. province reads hundreds of lines with one buffer.
func appendProvinceNames(out []string, s string) []string {
	from := 0 // where the runes not spent by a match start
	for i := 0; ; {
		k := strings.Index(s[i:], "省")
		if k < 0 {
			return out
		}
		p := i + k
		r2, n2 := utf8.DecodeLastRuneInString(s[from:p])
		r1, n1 := utf8.DecodeLastRuneInString(s[from : p-n2])
		if n1 > 0 && n2 > 0 && textnorm.IsHan(r1) && textnorm.IsHan(r2) {
			out = append(out, s[p-n2-n1:p])
			from = p + len("省")
		}
		i = p + len("省")
	}
}

// provinceWindow returns the stretch of s whose key appendProvinceNames
// reads as it reads the key of s: from the second rune Key keeps before the
// first 省 to the end of the last 省. A match takes two runes and a 省, and
// the first 省 starts with none spent, so the runes before that stretch
// and after it are never read. Most lines that hold 省 hold one, and
// their key is then that of three runes instead of a whole line.
func provinceWindow(s string) string {
	first := strings.Index(s, "省")
	if first < 0 {
		return ""
	}
	start, kept := first, 0
	for start > 0 && kept < 2 {
		r, n := utf8.DecodeLastRuneInString(s[:start])
		start -= n
		if !textnorm.IsSpace(r) && r != utf8.RuneError {
			kept++
		}
	}
	return s[start : lastAfter(s, first, "省")+len("省")]
}

// lastAfter returns the offset of the last w in s, which holds one at
// byte first: strings.LastIndex, found by searches forward from there,
// which pass over the bytes many at a time where LastIndex reads them
// one by one from the end of s. Most lines hold one 省, and are searched
// once after it.
func lastAfter(s string, first int, w string) int {
	last := first
	for {
		k := strings.Index(s[last+len(w):], w)
		if k < 0 {
			return last
		}
		last += len(w) + k
	}
}

// province returns the province the yearbook's city belongs to: the name
// most often written before 省 (甘肃 in 甘肃省). The lines that hold 省
// are found by one search of the document (LinesWith), and only the
// stretch of each that appendProvinceNames reads is keyed (provinceWindow).
func province(d *segment.Document) string {
	counts := map[string]int{}
	var names []string
	for _, n := range d.LinesWith('省') {
		names = appendProvinceNames(names[:0], textnorm.Key(provinceWindow(d.Line(n).Text)))
		for _, name := range names {
			counts[name]++
		}
	}
	best := ""
	for p, n := range counts {
		if n > counts[best] || (n == counts[best] && p < best) {
			best = p
		}
	}
	if counts[best] < 3 {
		return ""
	}
	return best
}
