package events

import (
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yearbookkg/kg/loaders/segment"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// A month marker stands alone on its line: `1 月`, ` 4 月` (a page-start
// space), `12 月`, or in Chinese numerals `十二月`: its key is one or two
// digits, or one to three of monthNumerals, then 月.
const monthNumerals = "一二三四五六七八九十"

// monthNumber returns the numerals of the key k of a month marker, as the
// regexp ^(\d{1,2}|[一二三四五六七八九十]{1,3})月$ finds them, or "".
func monthNumber(k string) string {
	m, ok := strings.CutSuffix(k, "月")
	if !ok || m == "" {
		return ""
	}
	if n := digitsAt(m, 0, 2); n == len(m) {
		return m
	}
	runes := 0
	for _, r := range m {
		if runes++; runes > 3 || !strings.ContainsRune(monthNumerals, r) {
			return ""
		}
	}
	return m
}

// lineMarks are the lines the readers of structured lines look at,
// found in one pass over the book's lines: most lines are none of them,
// and each test reads only a line's first or last bytes.
type lineMarks struct {
	months []int // body lines and headings whose key ends in 月 (monthMarker)
	parens []int // body and author lines whose clean text opens with （ (adoptionLines)
}

// markLines returns the lineMarks of d. Nearly every line starts and
// ends with a Chinese character, which textnorm.HanAt tells and the line's tests
// would tell again, and most others end with punctuation (punctEnd):
// both are inlined here, and the tests are called only for the other
// lines and for those that end in 月. Whether a line opens
// with （ is read from its clean text, which Parse made: Clean keeps （ as
// it is and makes it from no other rune.
func markLines(d *segment.Document) lineMarks {
	var m lineMarks
	for i := range d.Lines {
		l := &d.Lines[i]
		t := l.Text
		if l.Kind == segment.Body || l.Kind == segment.Heading {
			if n := len(t); (!textnorm.HanAt(t, n-3) && !punctEnd(t) || t[n-3:] == "月") && keyEndsInMonth(t) {
				m.months = append(m.months, l.N)
			}
		}
		if l.Kind == segment.Body || l.Kind == segment.Author {
			if !textnorm.HanAt(t, 0) && strings.HasPrefix(d.CleanLine(l.N), "（") {
				m.parens = append(m.parens, l.N)
			}
		}
	}
	return m
}

// monthMarker returns the month of a month-marker line, or 0.
func monthMarker(l *segment.Line) int {
	if l.Kind != segment.Body && l.Kind != segment.Heading {
		return 0
	}
	if !keyEndsInMonth(l.Text) {
		return 0
	}
	// A marker's key is at most three numerals and 月: twelve bytes.
	k := textnorm.Key(l.Text)
	if len(k) > 12 || !strings.HasSuffix(k, "月") {
		return 0
	}
	m := monthNumber(k)
	if m == "" {
		return 0
	}
	n, err := strconv.Atoi(m)
	if err != nil {
		n = textnorm.Number(m)
	}
	if n < 1 || n > 12 {
		return 0
	}
	return n
}

// keyEndsInMonth reports whether textnorm.Key(s) ends in 月, as a month
// marker's key does. Key neither adds nor folds 月: a line that does not
// end in 月 before the runes Key drops needs no key. Every line of the
// book is asked, and its end is read, not all of it; most end in a
// Chinese character or an ASCII letter or digit, which Key keeps, and
// their last bytes tell (see textnorm.HanAt).
func keyEndsInMonth(s string) bool {
	n := len(s)
	switch {
	case textnorm.HanAt(s, n-3):
		return s[n-3:] == "月"
	case n > 0 && s[n-1] < utf8.RuneSelf && !asciiSpace(s[n-1]):
		return false
	}
	return strings.HasSuffix(keyEnd(s), "月")
}

// keyEnd returns s without the runes at its end that textnorm.Key drops
// (spaces, U+FFFD and bytes that are not UTF-8), so that Key(s) ends as
// keyEnd(s) does. It decodes backwards: a valid rune decoded backwards is
// the rune a forward reading finds there, for a forward reading stops at
// every byte that does not continue a rune.
func keyEnd(s string) string {
	for s != "" {
		if keptEnd(s) {
			return s
		}
		r, n := utf8.DecodeLastRuneInString(s)
		if !textnorm.IsSpace(r) && r != utf8.RuneError {
			break
		}
		s = s[:len(s)-n]
	}
	return s
}

// punctEnd reports whether s ends with the three bytes of a rune of
// U+3001–U+303F (、。“) or of U+FF00–U+FF7F (，；）and the full widths):
// punctuation that ends a line, which Key keeps, folded or not, and
// which is not 月.
func punctEnd(s string) bool {
	n := len(s)
	return n >= 3 && s[n-1]&0xC0 == 0x80 && (s[n-3] == 0xE3 && s[n-2] == 0x80 && s[n-1] != 0x80 || s[n-3] == 0xEF && (s[n-2] == 0xBC || s[n-2] == 0xBD))
}

// keptEnd reports, without decoding, whether s ends in a rune Key keeps
// as it is: an ASCII byte but a space, or the three bytes of a rune from
// U+1000 to U+CFFF but the spaces U+2002, U+2003 and U+3000, where the
// Chinese characters and 。 are. (Such a lead byte and two continuation
// bytes are always a valid rune.)
func keptEnd(s string) bool {
	n := len(s)
	if c := s[n-1]; c < utf8.RuneSelf {
		return c != ' ' && c != '\t' && c != '\r'
	}
	if n < 3 || s[n-2]&0xC0 != 0x80 || s[n-1]&0xC0 != 0x80 {
		return false
	}
	switch c := s[n-3]; {
	case c < 0xE1 || c > 0xEC:
		return false
	case c == 0xE2 && s[n-2] == 0x80:
		return s[n-1] != 0x82 && s[n-1] != 0x83
	case c == 0xE3 && s[n-2] == 0x80:
		return s[n-1] != 0x80
	}
	return true
}

// The forms of a day marker, as the text before its U+3000 reads once its
// spaces are removed (see readMarker): 4 日; 7 至 11 日, 7 日至 11 日; 31 日至
// 4 月 2 日; 4 月 4 日 (chronicles that repeat the month); 同日, 同 日; or
// one of markerPeriods.
var markerPeriods = []string{"上旬", "中旬", "下旬", "月初", "月中", "月底", "月末", "月内", "是月", "本月", "同月"}

// markerLikeRunes are the runes of what a damaged day marker could look
// like: short, starting with a digit or 同, ending in 日, with no other
// words.
const markerLikeRunes = "0123456789同日至月—－–-～~"

// marker is a parsed day marker.
type marker struct {
	kind      int // markerDay, markerSame, markerPeriod
	d, em, ed int // day, end month (0: same), end day (0: single day)
	m         int // month written in the marker (4 月 4 日), else 0
	col       int // byte offset in Line.Text where the entry's text starts
}

const (
	markerDay = iota + 1
	markerSame
	markerPeriod
)

// dayMarker reads the day marker at the start of line l: the marker text,
// then U+3000. ok is false when the line starts no entry; bad is set when
// it looks like a marker but its date cannot be read.
func dayMarker(l *segment.Line) (mk marker, ok, bad bool) {
	if l.Kind != segment.Body {
		return marker{}, false, false
	}
	t := strings.TrimLeft(l.Text, " ")
	i := strings.Index(t, "\u3000")
	if i <= 0 || i > 40 {
		return marker{}, false, false
	}
	mk, ok, bad = readMarker(textnorm.Key(t[:i]))
	if ok {
		mk.col = len(l.Text) - len(t) + i + len("\u3000")
	}
	return mk, ok, bad
}

// readMarker reads the key p of the text of a day marker, as the regexps
//
//	^(\d{1,2})日$
//	^(\d{1,2})日?(?:至|—|－|–|-|～|~)(\d{1,2})日$
//	^(\d{1,2})日(?:至|—|－|–|-|～|~)(\d{1,2})月(\d{1,2})日$
//	^(\d{1,2})月(\d{1,2})日$
//	^同日$
//
// and those of markerPeriods would, which no two match alike, and reports
// whether it looks like a damaged marker (markerLike) if it is none. A
// number is read whole: a shorter one would be followed by a digit, which
// no word of the forms starts with.
func readMarker(p string) (mk marker, ok, bad bool) {
	switch {
	case p == "同日":
		return marker{kind: markerSame}, true, false
	case slices.Contains(markerPeriods, p):
		return marker{kind: markerPeriod}, true, false
	}
	if d, q := numberAt(p, 0); q > 0 {
		switch {
		case p[q:] == "日":
			return marker{kind: markerDay, d: d}, true, false
		case strings.HasPrefix(p[q:], "月"):
			if d2, r := numberAt(p, q+len("月")); r > 0 && p[r:] == "日" {
				return marker{kind: markerDay, m: d, d: d2}, true, false
			}
		default:
			u := q
			if strings.HasPrefix(p[u:], "日") {
				u += len("日")
			}
			if w := rangeDashAt(p, u); w > 0 {
				if e, r := numberAt(p, u+w); r > 0 {
					if p[r:] == "日" {
						return marker{kind: markerDay, d: d, ed: e}, true, false
					}
					if ed, v := numberAt(p, r+len("月")); u > q && strings.HasPrefix(p[r:], "月") && v > 0 && p[v:] == "日" {
						return marker{kind: markerDay, d: d, em: e, ed: ed}, true, false
					}
				}
			}
		}
	}
	return marker{}, false, markerLike(p)
}

// numberAt returns the number of one or two ASCII digits at byte i of s
// and the offset after it, or 0, 0.
func numberAt(s string, i int) (int, int) {
	n := digitsAt(s, i, 2)
	if n == 0 {
		return 0, 0
	}
	v := 0
	for _, c := range []byte(s[i : i+n]) {
		v = 10*v + int(c-'0')
	}
	return v, i + n
}

// markerLike reports whether p looks like a damaged day marker, as the
// regexp ^[\d同][\d同日至月—－–\-～~]{0,10}日$ matches it: two to twelve
// runes of markerLikeRunes, the first a digit or 同, the last 日.
func markerLike(p string) bool {
	if !strings.HasSuffix(p, "日") || !(digitFirst(p) || strings.HasPrefix(p, "同")) {
		return false
	}
	n := 0
	for _, r := range p {
		if n++; n > 12 || !strings.ContainsRune(markerLikeRunes, r) {
			return false
		}
	}
	return n >= 2
}

// chronicle finds every chronicle in the document and adds an event for
// each of its entries. A chronicle starts at a month marker whose next
// content line is a day entry, and runs until an author line, a heading, a
// 【topic】 or the end of the part.
//
// Only the lines whose key ends in 月 are asked (see lineMarks).
func (x *extractor) chronicle() {
	d := x.d
	last := 0 // the last line of the chronicle read last
	for _, n := range x.marks.months {
		if n <= last || monthMarker(d.Line(n)) == 0 {
			continue
		}
		// Months without entries may come first: look past them.
		next := x.nextBody(n)
		for next > 0 && monthMarker(d.Line(next)) > 0 {
			next = x.nextBody(next)
		}
		if next == 0 {
			continue
		}
		if _, ok, _ := dayMarker(d.Line(next)); !ok {
			continue
		}
		last = x.readChronicle(n)
	}
}

// nextBody returns the next line after n that is body text, a heading or
// an author line (skipping blanks, banners, captions), or 0.
func (x *extractor) nextBody(n int) int {
	for k := n + 1; k <= len(x.d.Lines); k++ {
		switch x.d.Line(k).Kind {
		case segment.Body, segment.Heading, segment.Author:
			return k
		}
	}
	return 0
}

// partEnd returns the last line of the part that holds line n.
func (x *extractor) partEnd(n int) int {
	for _, p := range x.d.Parts {
		if n >= p.Start && n <= p.End {
			return p.End
		}
	}
	return len(x.d.Lines)
}

// entry is a chronicle entry being read.
type entry struct {
	line  int // the day-marker line
	col   int
	date  dateSpan
	month int
}

// readChronicle reads the chronicle that starts at month marker start and
// returns its last line.
func (x *extractor) readChronicle(start int) int {
	d := x.d
	end := x.partEnd(start)
	var (
		entries []entry
		month   int
		monthAt int // line of the current month marker
		inMonth int // entries in the current month
		prevDay int // start day of the previous entry in the month
		last    = start
		stops   []int // the line after each entry's text: next marker or the end
	)
	closeMonth := func() {
		if month > 0 && inMonth == 0 {
			x.diag(monthAt, CodeEmptyMonth, fmt.Sprintf("month marker %d 月 has no entries", month))
		}
	}
	n := start
	for ; n <= end; n++ {
		l := d.Line(n)
		if l.Kind == segment.Author || (l.Kind == segment.Heading && monthMarker(l) == 0) ||
			(l.Kind == segment.Body && strings.HasPrefix(strings.TrimLeft(l.Text, " "), "【")) {
			break
		}
		if m := monthMarker(l); m > 0 {
			stops = append(stops, n)
			closeMonth()
			if m < month {
				x.diag(n, CodeMonthOrder, fmt.Sprintf("month %d 月 follows %d 月", m, month))
			}
			month, monthAt, inMonth, prevDay = m, n, 0, 0
			last = n
			continue
		}
		mk, ok, bad := dayMarker(l)
		if bad {
			x.diag(n, CodeBadDate, fmt.Sprintf("unreadable day marker %q", strings.TrimSpace(l.Text)))
		}
		if !ok {
			if l.Kind == segment.Body {
				last = n
			}
			continue
		}
		stops = append(stops, n)
		last = n
		e := entry{line: n, col: mk.col, month: month}
		switch mk.kind {
		case markerSame:
			if len(entries) == 0 || entries[len(entries)-1].month != month || entries[len(entries)-1].date.Start == "" {
				x.diag(n, CodeBadDate, "同日 entry without an entry before it in the month")
			} else {
				e.date = dateSpan{Start: entries[len(entries)-1].date.Start}
			}
		case markerPeriod:
			e.date = dateSpan{Start: fmt.Sprintf("%04d-%02d", d.Year, month)}
		case markerDay:
			m := month
			if mk.m > 0 {
				if mk.m != month {
					x.diag(n, CodeBadDate, fmt.Sprintf("entry dated %d 月 under the %d 月 marker", mk.m, month))
				}
				m = mk.m
			}
			ds, err := dayRange(d.Year, m, mk.d, mk.em, mk.ed)
			if err != nil && mk.ed > 0 {
				// The start day is sound, the end is not (26 至 29 日 in
				// February): keep the day and report the range.
				if start, ok := day(d.Year, m, mk.d); ok {
					x.diag(n, CodeBadDate, fmt.Sprintf("impossible end of range %q: %v; end date dropped", strings.TrimSpace(l.Text[:mk.col]), err))
					ds, err = dateSpan{Start: start}, nil
				}
			}
			if err != nil {
				x.diag(n, CodeBadDate, fmt.Sprintf("unreadable date %q: %v", strings.TrimSpace(l.Text[:mk.col]), err))
			} else {
				if mk.d < prevDay {
					x.diag(n, CodeDayBackwards, fmt.Sprintf("day %d follows day %d in %d 月", mk.d, prevDay, month))
				}
				prevDay = mk.d
				e.date = ds
			}
		}
		inMonth++
		entries = append(entries, e)
	}
	closeMonth()
	stops = append(stops, last+1)
	// Each entry's text runs to the line before the next marker.
	si := 0
	for _, e := range entries {
		for stops[si] <= e.line {
			si++
		}
		x.chronicleEvent(e, stops[si]-1)
	}
	return last
}

// chronicleEvent adds the event of entry e, whose text ends at line to.
func (x *extractor) chronicleEvent(e entry, to int) {
	if e.date.Start == "" {
		return
	}
	d := x.d
	p := d.Passage(e.line, to, e.col)
	off := len(p.Text) - len(strings.TrimLeft(p.Text, " "))
	t := text{p: p, off: off, end: len(strings.TrimRight(p.Text, " "))}
	desc := t.String()
	if desc == "" {
		x.diag(e.line, CodeEmptyEntry, "day marker without text")
		return
	}
	first := firstSentence(desc)
	src := x.quoted(p, off, first)
	src.Line, src.Page = e.line, d.Line(e.line).Page
	ev := x.newEvent(chronicleName(desc), e.date, CategoryChronicle, t, src)
	ev.chronicle = true
	x.add(ev, e.date.Start+"|"+textnorm.Key(firstRunes(desc, 24)))
	// A dated happening told inside the entry (…。4 月 4 日，召开全市领导
	// 干部会议进行宣布。) is an event of its own.
	for sn := range sentences(desc, len(first)) {
		x.datedSentence(p, off+sn.off, desc[sn.off:sn.end], true)
	}
}

// firstRunes returns the first n runes of s, stepping over the Chinese
// characters by their bytes (textnorm.HanAt).
func firstRunes(s string, n int) string {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		if textnorm.HanAt(s, i) {
			i += 3
			continue
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return s[:i]
}

// sentence is a byte range of a text.
type sentence struct{ off, end int }

// sentences yields the sentences of s from byte from on, which starts
// one, split after each 。；！？ (segment.SentenceEndAt). The readers
// want those after the first, and stop early: none is kept in a slice.
func sentences(s string, from int) iter.Seq[sentence] {
	return func(yield func(sentence) bool) {
		start := from
		m := markFinder{s: s, dot: -1}
		for {
			j := m.next(start)
			if j == len(s) {
				break
			}
			if !yield(sentence{start, j + len("。")}) {
				return
			}
			start = j + len("。")
		}
		if start < len(s) {
			yield(sentence{start, len(s)})
		}
	}
}

// markFinder finds the sentence ends of a text (segment.SentenceEndAt)
// with the byte searches of package strings instead of a test at every
// byte: 。 (E3 80 82) is searched for as a whole, and ；！？ (EF BC 9B, 81,
// 9F) among the bytes EF of the full-width forms before the next 。. The
// marks are three bytes and cannot overlap, so the first found is the
// first a byte-by-byte walk finds.
type markFinder struct {
	s   string
	dot int // the offset of the next 。 after the last search, len(s) if none; -1 before the first
}

// next returns the offset of the first sentence end at or after byte i,
// or len(s). Successive calls must not go back.
func (m *markFinder) next(i int) int {
	s := m.s
	if m.dot < i {
		m.dot = len(s)
		if k := strings.Index(s[i:], "。"); k >= 0 {
			m.dot = i + k
		}
	}
	for j := i; j < m.dot; j++ {
		k := strings.IndexByte(s[j:m.dot], 0xEF)
		if k < 0 {
			break
		}
		j += k
		if j+3 <= len(s) && s[j+1] == 0xBC && (s[j+2] == 0x9B || s[j+2] == 0x81 || s[j+2] == 0x9F) {
			return j
		}
	}
	return m.dot
}
