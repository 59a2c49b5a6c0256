package events

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yearbookkg/kg/loaders/segment"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// A month marker stands alone on its line: `1 月`, ` 4 月` (a page-start
// space), `12 月`, or in Chinese numerals `十二月`.
var reMonthMarker = regexp.MustCompile(`^(\d{1,2}|[一二三四五六七八九十]{1,3})月$`)

// lineMarks are the lines the readers of structured lines look at,
// found in one pass over the book's lines: most lines are none of them,
// and each test reads only a line's first or last bytes.
type lineMarks struct {
	months []int // body lines and headings whose key ends in 月 (monthMarker)
	parens []int // body and author lines whose clean text opens with （ (adoptionLines)
}

// markLines returns the lineMarks of d.
func markLines(d *segment.Document) lineMarks {
	var m lineMarks
	for i := range d.Lines {
		l := &d.Lines[i]
		switch l.Kind {
		case segment.Body:
			if keyEndsInMonth(l.Text) {
				m.months = append(m.months, l.N)
			}
			if opensParen(l.Text) {
				m.parens = append(m.parens, l.N)
			}
		case segment.Heading:
			if keyEndsInMonth(l.Text) {
				m.months = append(m.months, l.N)
			}
		case segment.Author:
			if opensParen(l.Text) {
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
	m := reMonthMarker.FindStringSubmatch(k)
	if m == nil {
		return 0
	}
	n, err := strconv.Atoi(m[1])
	if err != nil {
		n = textnorm.Number(m[1])
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
// their last bytes tell (see hanAt).
func keyEndsInMonth(s string) bool {
	n := len(s)
	switch {
	case hanAt(s, n-3):
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
// spaces are removed.
var (
	reDay       = regexp.MustCompile(`^(\d{1,2})日$`)                                      // 4 日
	reDays      = regexp.MustCompile(`^(\d{1,2})日?(?:至|—|－|–|-|～|~)(\d{1,2})日$`)          // 7 至 11 日, 7 日至 11 日
	reDaysMonth = regexp.MustCompile(`^(\d{1,2})日(?:至|—|－|–|-|～|~)(\d{1,2})月(\d{1,2})日$`) // 31 日至 4 月 2 日
	reFullDay   = regexp.MustCompile(`^(\d{1,2})月(\d{1,2})日$`)                            // 4 月 4 日 (chronicles that repeat the month)
	reSameDay   = regexp.MustCompile(`^同日$`)                                              // 同日, 同 日
	rePeriod    = regexp.MustCompile(`^(上旬|中旬|下旬|月初|月中|月底|月末|月内|是月|本月|同月)$`)
	// reMarkerLike is what a damaged day marker could look like: short,
	// starting with a digit or 同, ending in 日, with no other words.
	reMarkerLike = regexp.MustCompile(`^[\d同][\d同日至月—－–\-～~]{0,10}日$`)
)

// marker is a parsed day marker.
type marker struct {
	kind      int // markerDay, markerSame, markerPeriod
	d, em, ed int // day, end month (0: same), end day (0: single day)
	m         int // month written in the marker (reFullDay), else 0
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
	prefix := textnorm.Key(t[:i])
	mk.col = len(l.Text) - len(t) + i + len("\u3000")
	num := func(s string) int { n, _ := strconv.Atoi(s); return n }
	switch {
	case reDay.MatchString(prefix):
		m := reDay.FindStringSubmatch(prefix)
		mk.kind, mk.d = markerDay, num(m[1])
	case reDays.MatchString(prefix):
		m := reDays.FindStringSubmatch(prefix)
		mk.kind, mk.d, mk.ed = markerDay, num(m[1]), num(m[2])
	case reDaysMonth.MatchString(prefix):
		m := reDaysMonth.FindStringSubmatch(prefix)
		mk.kind, mk.d, mk.em, mk.ed = markerDay, num(m[1]), num(m[2]), num(m[3])
	case reFullDay.MatchString(prefix):
		m := reFullDay.FindStringSubmatch(prefix)
		mk.kind, mk.m, mk.d = markerDay, num(m[1]), num(m[2])
	case reSameDay.MatchString(prefix):
		mk.kind = markerSame
	case rePeriod.MatchString(prefix):
		mk.kind = markerPeriod
	case reMarkerLike.MatchString(prefix):
		return marker{}, false, true
	default:
		return marker{}, false, false
	}
	return mk, true, false
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
	src := x.quoted(p, off, firstSentence(desc))
	src.Line, src.Page = e.line, d.Line(e.line).Page
	ev := x.newEvent(chronicleName(desc), e.date, CategoryChronicle, t, src)
	ev.chronicle = true
	x.add(ev, e.date.Start+"|"+textnorm.Key(firstRunes(desc, 24)))
	// A dated happening told inside the entry (…。4 月 4 日，召开全市领导
	// 干部会议进行宣布。) is an event of its own.
	ss := sentences(desc)
	for i := 1; i < len(ss); i++ {
		x.datedSentence(p, off+ss[i].off, desc[ss[i].off:ss[i].end], true)
	}
}

// firstRunes returns the first n runes of s.
func firstRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// sentence is a byte range of a text.
type sentence struct{ off, end int }

// sentences splits s after each 。；！？ (segment.SentenceEndAt).
func sentences(s string) []sentence {
	var out []sentence
	start := 0
	m := markFinder{s: s, dot: -1}
	for {
		j := m.next(start)
		if j == len(s) {
			break
		}
		out = append(out, sentence{start, j + len("。")})
		start = j + len("。")
	}
	if start < len(s) {
		out = append(out, sentence{start, len(s)})
	}
	return out
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
