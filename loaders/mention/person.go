package mention

import (
	"slices"
	"strings"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// person is a person found, with the title head before the name (runes
// [headI, headJ), headJ = name start) when there is one.
type person struct {
	span         Span
	i, j         int // the name, in runes
	headI, headJ int
}

// findPeople finds people after a title head (市委书记柳鹏), in
// appointment formulas (王国斌同志任…, 选举马秀兰为…) and by known name.
// A name is 2–3 Han characters (4 with a double surname) starting with a
// surname, and must be followed by what follows names: punctuation or a
// verb such as 主持, 到, 在, 一行.
func (s *scan) findPeople() {
	n := len(s.rs)
	// After a title head.
	from := 1
	for _, end := range s.ends {
		j := int(end)
		if j < from || j >= n || s.endAt[j]&cTitle == 0 {
			continue
		}
		hi := s.longestEnding(j, cTitle)
		if hi < 0 {
			continue
		}
		if k := s.nameAfter(j); k > 0 && s.free(j, k) {
			s.addPerson(j, k, hi, j)
			from = k
		}
	}
	// Before a title of address (习近平总书记).
	for _, m := range s.marked {
		p := int(m)
		if p < 2 || !s.hasMark(p, mAddress) {
			continue
		}
		for _, w := range addressWords {
			if s.hasPrefixAt(p, w) {
				s.nameAddressed(p)
				break
			}
		}
	}
	// Appointments: X同志, 选举X为, 任命X为, 决定X为, ：X任.
	for _, m := range s.marked {
		p := int(m)
		if p < 2 || p+1 >= n || !s.hasMark(p, mAppoint) {
			continue
		}
		switch {
		case s.rs[p] == '同' && s.rs[p+1] == '志':
			if s.nameBefore(p, nil) {
				s.appointment(p + 2)
			}
		case s.rs[p] == '为' || s.rs[p] == '任':
			if s.nameBefore(p, func(i int) bool {
				if i > 0 && s.rs[i-1] == ':' {
					return true
				}
				return i >= 2 && (s.hasPrefixAt(i-2, "选举") || s.hasPrefixAt(i-2, "任命") || s.hasPrefixAt(i-2, "决定"))
			}) {
				s.appointment(p)
			}
		}
	}
	// Known names anywhere, when bounded.
	for _, w := range s.named {
		if w.class&cKnownPerson == 0 {
			continue
		}
		i, j := int(w.i), int(w.j)
		if !s.free(i, j) || !s.rightOK(j) {
			continue
		}
		if j-i >= 3 || s.leftOK(i) {
			s.addPerson(i, j, -1, -1)
		}
	}
}

// addressWords are the titles of address (lexicon section address).
var addressWords = lex.words["address"]

// nameAddressed adds the name written right before the title of address
// at p, when there is one after a boundary: a valid name none of whose
// characters starts a word of organizations or places.
func (s *scan) nameAddressed(p int) {
	for l := 3; l >= 2; l-- {
		i := p - l
		if i < 0 || !s.free(i, p) || !s.leftOK(i) || !s.validName(i, p) {
			continue
		}
		ok := true
		for q := i; q < p && ok; q++ {
			ok = s.longestAt(q, cOrg|cOrgPrefix|cAdmin|cKnownPlace|cProvince|cCity) < 0
		}
		if ok {
			s.addPerson(i, p, -1, -1)
			return
		}
	}
}

// nameBefore looks for a name ending at p (before 同志, 为, 任) and adds
// it. When left is nil the name must start after a boundary; otherwise
// left decides.
func (s *scan) nameBefore(p int, left func(i int) bool) bool {
	for l := 4; l >= 2; l-- {
		i := p - l
		if i < 0 || !s.free(i, p) || !s.validName(i, p) {
			continue
		}
		ok := false
		if left != nil {
			ok = left(i)
		} else {
			ok = s.leftOK(i)
		}
		if ok {
			s.addPerson(i, p, -1, -1)
			return true
		}
	}
	return false
}

// appointment reads the post after the person just added, from rune p:
// 任…, 为…, 担任… give Props["appointed"], 不再担任…(职务) Props["removed"],
// as written up to the end of the clause (中共武威市委委员、常委、副书记).
func (s *scan) appointment(p int) {
	key := "appointed"
	switch {
	case s.hasPrefixAt(p, "不再担任"):
		key, p = "removed", p+4
	case s.hasPrefixAt(p, "担任"), s.hasPrefixAt(p, "兼任"), s.hasPrefixAt(p, "出任"):
		p += 2
	case s.hasPrefixAt(p, "任"), s.hasPrefixAt(p, "为"):
		p++
	default:
		return
	}
	e := p
	for e < len(s.rs) && (isHan(s.rs[e]) || s.rs[e] == '、') && e-p < 40 {
		e++
	}
	post := strings.TrimSuffix(string(s.rs[p:e]), "职务")
	post = strings.TrimSuffix(post, "、")
	if post == "" || !strings.ContainsAny(post, "书记长主任委员席") {
		return
	}
	sp := &s.people[len(s.people)-1].span
	if sp.Props == nil {
		sp.Props = map[string]string{}
	}
	sp.Props[key] = post
}

// hasPrefixAt reports whether the text at rune p starts with w.
func (s *scan) hasPrefixAt(p int, w string) bool {
	// The runes of w are decoded in line: the rules ask this of Chinese
	// words at many positions.
	for i := 0; i < len(w); p++ {
		r, size := textnorm.DecodeRuneAt(w, i)
		if p >= len(s.rs) || s.rs[p] != r {
			return false
		}
		i += size
	}
	return true
}

func (s *scan) addPerson(i, j, hi, hj int) {
	sp := s.span(kg.Person, i, j)
	s.people = append(s.people, person{span: sp, i: i, j: j, headI: hi, headJ: hj})
	s.take(kg.Person, i, j)
}

// nameAfter returns the end of the name starting at j, right after a
// title, or -1. A known name wins; otherwise of a 2- and a 3-character
// reading the one followed by a name's right context wins, and when both
// are, the shorter if its next character is itself such a word (柳鹏在会上).
func (s *scan) nameAfter(j int) int {
	for _, w := range s.at(j) {
		if w.class&cKnownPerson != 0 && w.j-w.i >= 2 && s.rightOK(int(w.j)) {
			return int(w.j)
		}
	}
	var lens []int
	if s.longestAt(j, cSurname2) == j+2 {
		lens = []int{3, 4}
	} else if s.runeIn(j, surnames) {
		lens = []int{2, 3}
	} else {
		return -1
	}
	var ok []int
	for _, l := range lens {
		if k := j + l; k <= len(s.rs) && s.validName(j, k) && s.rightOK(k) {
			ok = append(ok, k)
		}
	}
	switch len(ok) {
	case 0:
		return -1
	case 1:
		return ok[0]
	}
	if s.hasAt(ok[0], ok[0]+1, cRight) {
		return ok[0]
	}
	return ok[1]
}

// validName reports whether runes [i, j) can be a personal name: a surname
// and a given name of one or two characters that are not function words,
// measure words or characters of titles and organizations, and not a word
// such as 马上 or 全面.
func (s *scan) validName(i, j int) bool {
	l := j - i
	sur := 1
	if s.longestAt(i, cSurname2) == i+2 {
		sur = 2
	} else if !s.runeIn(i, surnames) {
		return false
	}
	if l-sur < 1 || l-sur > 2 {
		return false
	}
	for p := i; p < j; p++ {
		if !isHan(s.rs[p]) {
			return false
		}
		if p >= i+sur && lex.notGiven[s.rs[p]] {
			return false
		}
	}
	for _, w := range s.at(i) {
		if w.class&cNotName != 0 && int(w.j) > i+1 {
			return false
		}
	}
	// The name must not cut a title or an organization word (和副主 of
	// 和副主任).
	for p := i + 1; p < j; p++ {
		if s.longestAt(p, cTitle|cOrg) > j {
			return false
		}
	}
	return true
}

// rightOK reports whether a name may end before position j.
func (s *scan) rightOK(j int) bool {
	if j >= len(s.rs) {
		return true
	}
	r := s.rs[j]
	if !isHan(r) {
		return r != '·'
	}
	return s.longestAt(j, cRight|cBoundary) > 0
}

// leftOK reports whether a name may start at position i: after
// punctuation, a boundary verb or a title.
func (s *scan) leftOK(i int) bool {
	if i == 0 {
		return true
	}
	r := s.rs[i-1]
	if !isHan(r) {
		return r != '·'
	}
	return s.endAt[i]&(cBoundary|cTitle|cLeading) != 0 && !s.insideWord(i)
}

// insideWord reports whether position i falls inside a lexicon word that
// is not a boundary (so that 高强 in 高强度 is not a name after 高).
func (s *scan) insideWord(i int) bool {
	for p := max(0, i-4); p < i; p++ {
		for _, w := range s.at(p) {
			if int(w.j) > i && w.class&(cNotName|cGeneric|cOrg) != 0 {
				return true
			}
		}
	}
	return false
}

// titles fills in the title of each person found after a title head: the
// chain of titles joined by 、 that ends at the name (市委副书记、市长),
// each with the organization written before its head.
func (s *scan) titles() {
	if !slices.ContainsFunc(s.people, func(p person) bool { return p.headI >= 0 }) {
		return // no title to read: most texts
	}
	for k := range s.people {
		p := &s.people[k]
		if p.headI < 0 {
			continue
		}
		// The chain is read right to left, title by title; the titles
		// joined by 、 are the text from the first one's start to the
		// head's end, as written.
		hi, hj := p.headI, p.headJ
		for {
			start := hi
			if os, ok := s.orgEndingAt(hi); ok {
				start = os
			} else if os, ok := s.deptOrg(hi); ok {
				start = os
			} else if pl := s.longestEnding(hi, cKnownPlace|cCity|cProvince); pl >= 0 && (pl == 0 || !isHan(s.rs[pl-1])) {
				start = pl
			}
			if hj == p.headJ {
				p.span.Title = s.text[s.off[start]:s.off[hj]]
			}
			hi = start
			// Another title joined by 、 before this one?
			if start < 2 || s.rs[start-1] != '、' {
				break
			}
			nhj := start - 1
			nhi := s.longestEnding(nhj, cTitle)
			if nhi < 0 {
				break
			}
			hi, hj = nhi, nhj
		}
		if p.span.Props == nil {
			p.span.Props = map[string]string{}
		}
		p.span.Props["titles"] = s.text[s.off[hi]:s.off[p.headJ]]
	}
}

// deptOrg returns the start of the organization whose department is
// written between it and the title head at hi (武威市妇联 of 武威市妇联发展部
// 副部长), if any.
func (s *scan) deptOrg(hi int) (int, bool) {
	if hi < 1 || !s.isWord(depts, hi-1, hi) {
		return 0, false
	}
	for h := hi - 3; h >= hi-4 && h > 0; h-- {
		if os, ok := s.orgEndingAt(h); ok && s.taken[h] == tag(kg.Organization) && s.taken[hi-1] == tag(kg.Organization) {
			return os, true
		}
	}
	return 0, false
}

// orgEndingAt returns the start of the organization found that ends at
// rune p, if any. A text holds few: a search of them allocates nothing,
// where a map of their ends was made for every text with a title.
func (s *scan) orgEndingAt(p int) (int, bool) {
	if p < 0 || p >= len(s.off) {
		return 0, false
	}
	for _, o := range s.orgs {
		if o.End == s.off[p] {
			return s.runeAt(o.Start), true
		}
	}
	return 0, false
}

// runeAt returns the rune index of byte offset b.
func (s *scan) runeAt(b int) int {
	lo, hi := 0, len(s.off)-1
	for lo < hi {
		m := (lo + hi) / 2
		if s.off[m] < b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
