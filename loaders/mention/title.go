package mention

import (
	"strings"
	"unicode/utf8"
)

// titleHeads is the set of title heads of the lexicon.
var titleHeads = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range lex.words["title"] {
		m[w] = true
	}
	return m
}()

// SplitTitle splits one title (a segment of Props["titles"], without 、)
// into the organization written before its head and the head:
// 省委统战部部长 → 省委统战部, 部长; 市长 → "", 市长; 甘肃银行党委书记 →
// 甘肃银行, 党委书记. When no head of the lexicon ends the title, head is
// the whole title and org is "".
func SplitTitle(title string) (org, head string) {
	for i := range title {
		if titleHeads[title[i:]] {
			return deptOut(title[:i], title[i:])
		}
	}
	return "", title
}

// deptOut moves the department that ends org into head, when org is an
// organization and one of its departments (武威市妇联发展部, 副部长 →
// 武威市妇联, 发展部副部长); the departments of party committees and
// governments (省委统战部) stay organizations.
func deptOut(org, head string) (string, string) {
	rs := []rune(org)
	if len(rs) < 4 || !depts.has(string(rs[len(rs)-1])) {
		return org, head
	}
	for k := 3; k <= 4 && k < len(rs); k++ {
		parent, dept := string(rs[:len(rs)-k]), string(rs[len(rs)-k:])
		if orgWords.has(dept) || !deptParent(parent) {
			return org, head
		}
		for w := range orgWords.words {
			if utf8.RuneCountInString(w) >= 2 && strings.HasSuffix(parent, w) {
				return parent, dept + head
			}
		}
	}
	return org, head
}

// SplitTitles splits a chain of titles joined by 、 (市委副书记、市长) into
// its titles.
func SplitTitles(titles string) []string {
	var out []string
	for _, t := range strings.Split(titles, "、") {
		if t != "" {
			out = append(out, t)
		}
	}
	return out
}

// PlausiblePerson reports whether name (a match key, without spaces) can
// be a personal name: a surname of the lexicon followed by a given name
// of one or two characters (two or three after a double surname) that are
// not function words or the characters of titles and organizations.
func PlausiblePerson(name string) bool {
	rs := []rune(name)
	sur := 1
	switch {
	case len(rs) >= 3 && surnames2[string(rs[:2])]:
		sur = 2
	case len(rs) >= 2 && surnames.has(rs[0]):
	default:
		return false
	}
	if g := len(rs) - sur; g < 1 || g > 2 {
		return false
	}
	for _, r := range rs[sur:] {
		if !isHan(r) || lex.notGiven[r] {
			return false
		}
	}
	return true
}

var surnames2 = func() map[string]bool {
	two := map[string]bool{}
	for _, w := range lex.words["surname2"] {
		two[w] = true
	}
	return two
}()
