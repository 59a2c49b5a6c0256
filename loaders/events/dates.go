package events

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// dateSpan is the date of an event as written: a day, a range of days, or,
// for running text that names a distinct happening without its day, a
// month or a year. Start and End are ISO dates of the same precision
// (2023-03-31, 2023-05, 2023); End is "" for a single day.
type dateSpan struct {
	Start, End string
}

// overlaps reports whether s and o share a day, reading a month or a year
// as the whole period: a happening dated 2023 年 may be the one of 5 月 19 日.
func (s dateSpan) overlaps(o dateSpan) bool {
	a0, a1 := s.bounds()
	b0, b1 := o.bounds()
	return a0 <= b1 && b0 <= a1
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
	return t.Format("2006-01-02"), true
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
var reFullDate = regexp.MustCompile(fullDatePattern)

// reFullDateAt is reFullDate anchored at the start of the text: the
// regexp then tries one position instead of every position of the
// sentence.
var reFullDateAt = regexp.MustCompile(`^(?:` + fullDatePattern + `)`)

const fullDatePattern = `(?:(\d{4})年)?(\d{1,2})月(\d{1,2})(?:日?(?:至|—|－|–|-|～|~)(?:(\d{1,2})月)?(\d{1,2})日|日)`

// fullDateBefore is the most bytes a reFullDate match has before its
// first 月: a four-digit year, 年 and a two-digit month.
const fullDateBefore = len("2023年12")

// findFullDate returns reFullDate.FindStringSubmatchIndex(s). Every match
// has a 月 at most fullDateBefore bytes after its start, so the regexp
// starts there instead of running over the whole sentence, and does not
// run at all on the many sentences without 月.
func findFullDate(s string) []int {
	p := strings.Index(s, "月")
	if p < 0 {
		return nil
	}
	k := max(0, p-fullDateBefore)
	m := reFullDate.FindStringSubmatchIndex(s[k:])
	for i := range m {
		if m[i] >= 0 {
			m[i] += k
		}
	}
	return m
}

// A month without its day (2023年5月, 5月) or a year alone (2023年).
var (
	reMonthDate = regexp.MustCompile(`^(?:(\d{4})年)?(\d{1,2})月(?:份|上旬|中旬|下旬|初|中旬|底|末)?`)
	reYearDate  = regexp.MustCompile(`^(\d{4})年(?:度)?`)
)

// fullDate parses the full date at the start of s (cleaned text), with
// defYear for a date that omits its year. It returns the date and the
// length of its text.
func fullDate(s string, defYear int) (dateSpan, int, error) {
	if !digitFirst(s) {
		return dateSpan{}, 0, errNoDate // every date starts with a digit
	}
	m := reFullDateAt.FindStringSubmatchIndex(s)
	if m == nil {
		return dateSpan{}, 0, errNoDate
	}
	return parseFull(s, m, defYear)
}

var errNoDate = fmt.Errorf("no date")

// digitFirst reports whether s starts with an ASCII digit (\d), as every
// date fullDate and partialDate read does: most sentences they are asked
// about do not, and need no regexp.
func digitFirst(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// parseFull converts a reFullDate match (submatch indexes into s).
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
		return dateSpan{}, 0, false // both regexps start with a digit
	}
	if m := reMonthDate.FindStringSubmatch(s); m != nil {
		rest := s[len(m[0]):]
		if rest != "" && rest[0] >= '0' && rest[0] <= '9' {
			return dateSpan{}, 0, false
		}
		y := defYear
		if m[1] != "" {
			y, _ = strconv.Atoi(m[1])
		}
		mo, _ := strconv.Atoi(m[2])
		if mo < 1 || mo > 12 {
			return dateSpan{}, 0, false
		}
		return dateSpan{Start: fmt.Sprintf("%04d-%02d", y, mo)}, len(m[0]), true
	}
	if m := reYearDate.FindStringSubmatch(s); m != nil {
		rest := s[len(m[0]):]
		if rest != "" && rest[0] >= '0' && rest[0] <= '9' {
			return dateSpan{}, 0, false
		}
		return dateSpan{Start: m[1]}, len(m[0]), true
	}
	return dateSpan{}, 0, false
}
