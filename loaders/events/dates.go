package events

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/yearbookkg/kg/loaders/textnorm"
)

// dateSpan is the date of an event as written: a day, a range of days, or,
// for running text that names a distinct happening without its day, a
// month or a year. Start and End are ISO dates of the same precision
// (2023-03-31, 2023-05, 2023); End is "" for a single day.
type dateSpan struct {
	Start, End string
}

// bounds returns the first and last day of s as comparable ISO strings.
func (s dateSpan) bounds() (string, string) {
	lo := s.Start
	hi := s.End
	if hi == "" {
		hi = s.Start
	}
	switch len(lo) {
	case 4:
		lo += "-01-01"
	case 7:
		lo += "-01"
	}
	switch len(hi) {
	case 4:
		hi += "-12-31"
	case 7:
		hi += "-31"
	}
	return lo, hi
}

// dayNumber returns the ISO date d (2023-05-31) as the number 20230531.
// The dates of bounds are all of this form, so the numbers compare as
// the dates do.
func dayNumber(d string) int {
	n := 0
	for i := 0; i < len(d); i++ {
		if isDigit(d[i]) {
			n = 10*n + int(d[i]-'0')
		}
	}
	return n
}

// day returns the ISO date of y-m-d, or false when there is no such day
// (2 月 30 日): chronicle dates must be exact, so an impossible date is
// reported, not rolled over.
func day(y, m, d int) (string, bool) {
	if m < 1 || m > 12 || d < 1 {
		return "", false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != m {
		return "", false
	}
	if y < 0 || y > 9999 {
		return t.Format("2006-01-02"), true
	}
	// The format of time.Format("2006-01-02"), without its parsing of the
	// layout and its buffer.
	b := [10]byte{'0' + byte(y/1000), '0' + byte(y/100%10), '0' + byte(y/10%10), '0' + byte(y%10), '-', '0' + byte(m/10), '0' + byte(m%10), '-', '0' + byte(d/10), '0' + byte(d%10)}
	return string(b[:]), true
}

// dayRange returns the span from y-m-d to the end day em-ed (em 0 means the
// same month). A range that ends in an earlier month than it starts runs
// into the next year (28 日至 1 月 3 日 in December).
func dayRange(y, m, d, em, ed int) (dateSpan, error) {
	start, ok := day(y, m, d)
	if !ok {
		return dateSpan{}, fmt.Errorf("no such day %d-%02d-%02d", y, m, d)
	}
	if ed == 0 {
		return dateSpan{Start: start}, nil
	}
	ey := y
	if em == 0 {
		em = m
	} else if em < m {
		ey++
	}
	end, ok := day(ey, em, ed)
	if !ok {
		return dateSpan{}, fmt.Errorf("no such day %d-%02d-%02d", ey, em, ed)
	}
	if end <= start {
		return dateSpan{}, fmt.Errorf("range ends (%s) before it starts (%s)", end, start)
	}
	return dateSpan{Start: start, End: end}, nil
}

// The full dates of running text, after textnorm.Clean has closed up the
// spaces: 2023年4月16日, 1月3日, 8月28—29日, 1月13至16日, 11月5日至11日,
// 3月31日至4月2日. The range dash is written —, －, – or -.
//
// A full date is what the regexp
//
//	(?:(\d{4})年)?(\d{1,2})月(\d{1,2})(?:日?(?:至|—|－|–|-|～|~)(?:(\d{1,2})月)?(\d{1,2})日|日)
//
// matches; fullDateAt reads it by hand. Every date has to be looked for
// in every sentence of the book, and each number of the pattern is
// followed by a word that is no digit, so the match at a position is
// found without trying other lengths of its numbers: the regexp tried
// them all, at every position of the sentence. TestFullDates holds the
// reading to the regexp.

// findFullDate returns the submatch indexes (as
// regexp.FindStringSubmatchIndex) of the first full date in s, or nil.
func findFullDate(s string) []int {
	return findFullDateFrom(s, 0)
}

// findFullDateFrom is findFullDate from byte i of s on. A date's month
// is followed by the first 月 after its start, at most fullDateBefore
// bytes on: the positions tried are the digits just before each 月.
func findFullDateFrom(s string, i int) []int {
	for {
		k := textnorm.Index(s[i:], "月")
		if k < 0 {
			return nil
		}
		p := i + k
		for st := max(i, p-fullDateBefore); st < p; st++ {
			if isDigit(s[st]) {
				if m := fullDateAt(s, st); m != nil {
					return m
				}
			}
		}
		i = p + len("月")
	}
}

// fullDateBefore is the most bytes a full date has before its first 月:
// a four-digit year, 年 and a two-digit month.
const fullDateBefore = len("2023年12")

// findAllFullDates returns every full date of s, one after the other, as
// regexp.FindAllStringSubmatchIndex.
func findAllFullDates(s string) [][]int {
	var out [][]int
	for m := findFullDate(s); m != nil; m = findFullDateFrom(s, m[1]) {
		out = append(out, m)
	}
	return out
}

// fullDateAt returns the submatch indexes of the full date that starts at
// byte p of s, or nil: a year and 年 if written, then the month and the
// day (see monthDayAt).
func fullDateAt(s string, p int) []int {
	var m [12]int
	for i := range m {
		m[i] = -1
	}
	if n := digitsAt(s, p, 4); n == 4 && strings.HasPrefix(s[p+4:], "年") {
		if end, ok := monthDayAt(s, p+4+len("年"), &m); ok {
			m[0], m[1], m[2], m[3] = p, end, p, p+4
			return append([]int(nil), m[:]...)
		}
	}
	if end, ok := monthDayAt(s, p, &m); ok {
		m[0], m[1] = p, end
		return append([]int(nil), m[:]...)
	}
	return nil
}

// monthDayAt reads the rest of a full date from byte q of s: the month
// and 月, the day, then 日, or a range: 日 if written, the dash, the end
// month and 月 if written, the end day and 日. It fills in the indexes of
// the submatches 2 to 5 in m and returns the end of the date. A number is
// read whole: a shorter one would be followed by a digit, which no word of
// the pattern starts with.
func monthDayAt(s string, q int, m *[12]int) (int, bool) {
	mo := digitsAt(s, q, 2)
	if mo == 0 || !strings.HasPrefix(s[q+mo:], "月") {
		return 0, false
	}
	r := q + mo + len("月")
	day := digitsAt(s, r, 2)
	if day == 0 {
		return 0, false
	}
	m[4], m[5], m[6], m[7] = q, q+mo, r, r+day
	t := r + day
	// A range, with or without 日 after its first day.
	u := t
	if strings.HasPrefix(s[u:], "日") {
		u += len("日")
	}
	if n := rangeDashAt(s, u); n > 0 {
		v := u + n
		// The end month, if written.
		if em := digitsAt(s, v, 2); em > 0 && strings.HasPrefix(s[v+em:], "月") {
			w := v + em + len("月")
			if ed := digitsAt(s, w, 2); ed > 0 && strings.HasPrefix(s[w+ed:], "日") {
				m[8], m[9], m[10], m[11] = v, v+em, w, w+ed
				return w + ed + len("日"), true
			}
		}
		if ed := digitsAt(s, v, 2); ed > 0 && strings.HasPrefix(s[v+ed:], "日") {
			m[10], m[11] = v, v+ed
			return v + ed + len("日"), true
		}
	}
	if strings.HasPrefix(s[t:], "日") {
		return t + len("日"), true
	}
	return 0, false
}

// rangeDashAt returns the length of the word of a range (至 or a dash)
// at byte i of s, or 0.
func rangeDashAt(s string, i int) int {
	for _, w := range []string{"至", "—", "－", "–", "-", "～", "~"} {
		if strings.HasPrefix(s[i:], w) {
			return len(w)
		}
	}
	return 0
}

// digitsAt returns how many ASCII digits (\d), up to most, stand at byte
// i of s.
func digitsAt(s string, i, most int) int {
	n := 0
	for n < most && i+n < len(s) && isDigit(s[i+n]) {
		n++
	}
	return n
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// monthAfter are the words that may follow the 月 of a month without its
// day (2023年5月份, 5月上旬), tried in this order.
var monthAfter = []string{"份", "上旬", "中旬", "下旬", "初", "底", "末"}

// monthDate reads a month without its day at the start of s, as the
// regexp ^(?:(\d{4})年)?(\d{1,2})月(?:份|上旬|中旬|下旬|初|中旬|底|末)? does:
// the year (4 digits and 年) if written, the month, 月, and a word of
// monthAfter if one follows. It returns the year ("" if not written), the
// month and the length of the date. Each number is read whole: a shorter
// one would be followed by a digit, not by 年 or 月.
func monthDate(s string) (year, month string, n int, ok bool) {
	q := 0
	if digitsAt(s, 0, 4) == 4 && strings.HasPrefix(s[4:], "年") {
		if mo := digitsAt(s, 4+len("年"), 2); mo > 0 && strings.HasPrefix(s[4+len("年")+mo:], "月") {
			year, q = s[:4], 4+len("年")
		}
	}
	mo := digitsAt(s, q, 2)
	if mo == 0 || !strings.HasPrefix(s[q+mo:], "月") {
		return "", "", 0, false
	}
	n = q + mo + len("月")
	return year, s[q : q+mo], n + len(hasWhichPrefix(s[n:], monthAfter)), true
}

// yearDate reads a year alone at the start of s, as the regexp
// ^(\d{4})年(?:度)? does, and returns the length of the date.
func yearDate(s string) (int, bool) {
	if digitsAt(s, 0, 4) < 4 || !strings.HasPrefix(s[4:], "年") {
		return 0, false
	}
	n := 4 + len("年")
	if strings.HasPrefix(s[n:], "度") {
		n += len("度")
	}
	return n, true
}

// fullDate parses the full date at the start of s (cleaned text), with
// defYear for a date that omits its year. It returns the date and the
// length of its text.
func fullDate(s string, defYear int) (dateSpan, int, error) {
	if !digitFirst(s) {
		return dateSpan{}, 0, errNoDate // every date starts with a digit
	}
	m := fullDateAt(s, 0)
	if m == nil {
		return dateSpan{}, 0, errNoDate
	}
	return parseFull(s, m, defYear)
}

var errNoDate = fmt.Errorf("no date")

// digitFirst reports whether s starts with an ASCII digit (\d), as every
// date fullDate and partialDate read does: most sentences they are asked
// about do not, and need no regexp.
func digitFirst(s string) bool { return s != "" && isDigit(s[0]) }

// parseFull converts a full date match (submatch indexes into s).
func parseFull(s string, m []int, defYear int) (dateSpan, int, error) {
	num := func(i int) int {
		if m[2*i] < 0 {
			return 0
		}
		n, _ := strconv.Atoi(s[m[2*i]:m[2*i+1]])
		return n
	}
	y := num(1)
	if y == 0 {
		y = defYear
	}
	ds, err := dayRange(y, num(2), num(3), num(4), num(5))
	return ds, m[1] - m[0], err
}

// partialDate parses a month or year date at the start of s: 2023年5月 is
// 2023-05, 2023年 is 2023. It is used only for running text that names a
// distinct happening.
func partialDate(s string, defYear int) (dateSpan, int, bool) {
	if !digitFirst(s) {
		return dateSpan{}, 0, false // both forms start with a digit
	}
	if year, month, n, ok := monthDate(s); ok {
		rest := s[n:]
		if rest != "" && rest[0] >= '0' && rest[0] <= '9' {
			return dateSpan{}, 0, false
		}
		y := defYear
		if year != "" {
			y, _ = strconv.Atoi(year)
		}
		mo, _ := strconv.Atoi(month)
		if mo < 1 || mo > 12 {
			return dateSpan{}, 0, false
		}
		return dateSpan{Start: fmt.Sprintf("%04d-%02d", y, mo)}, n, true
	}
	if n, ok := yearDate(s); ok {
		rest := s[n:]
		if rest != "" && rest[0] >= '0' && rest[0] <= '9' {
			return dateSpan{}, 0, false
		}
		return dateSpan{Start: s[:4]}, n, true
	}
	return dateSpan{}, 0, false
}
