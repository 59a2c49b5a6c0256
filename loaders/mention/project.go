package mention

import (
	"sort"
	"strings"

	"github.com/yearbookkg/kg"
)

// maxProjectRunes bounds a project's name.
const maxProjectRunes = 48

// findProjects finds named projects: text ending in a project suffix
// (项目, 工程, 公路, 二期 …) whose name is specific, and the items of lists
// that share one 等项目 (A、B、C等项目建成投产). A name is specific when it
// holds a place, an organization, a capacity (年产6万吨, 70MW), a phase
// (二期) or a road code (X150); an aggregate (275个…重大项目) or a category
// (重点项目, 高标准农田建设项目) is no project. Projects take the place of
// the organizations found inside them; their status, investment and year
// come from the same clause.
func (s *scan) findProjects() {
	var cands []cand
	for e := 1; e <= len(s.rs); e++ {
		if s.endAt[e]&cProject == 0 {
			continue
		}
		s0 := s.longestEnding(e, cProject)
		if s0 < 0 || s.covering(e-1, cNotProject, s0, e) {
			continue
		}
		if s.inBookTitle(s0) {
			continue
		}
		if s0 > 0 && s.rs[s0-1] == '等' && (s.rs[s0] == '项' || s.rs[s0] == '工') {
			for _, c := range s.listItems(s0 - 1) {
				c.tail = e
				cands = append(cands, c)
			}
			continue
		}
		if c, ok := s.projectAt(s0, e); ok {
			cands = append(cands, c)
		}
	}
	sort.SliceStable(cands, func(a, b int) bool {
		la, lb := cands[a].j-cands[a].i, cands[b].j-cands[b].i
		if la != lb {
			return la > lb
		}
		return cands[a].i < cands[b].i
	})
	var kept []cand
	for _, c := range cands {
		if s.takenBy(c.i, c.j, kg.Person) || s.overlapsAny(kept, c) {
			continue
		}
		kept = append(kept, c)
	}
	sort.Slice(kept, func(a, b int) bool { return kept[a].i < kept[b].i })
	for k, c := range kept {
		// Organizations inside the project are part of its name.
		s.dropOrgsIn(c.i, c.j)
		s.take(kg.Project, c.i, c.j)
		sp := s.span(kg.Project, c.i, c.j)
		next := len(s.rs)
		for _, n := range kept[k+1:] {
			if n.i >= c.tail {
				next = n.i
				break
			}
		}
		sp.Props = s.projectProps(c, next)
		s.projects = append(s.projects, sp)
	}
}

// projectAt returns the project whose suffix is runes [s0, e), if its name
// is specific.
func (s *scan) projectAt(s0, e int) (cand, bool) {
	i, lead, ok := s.projectStart(s0)
	if !ok || s0-i < 3 || !s.balanced(i, s0) {
		return cand{}, false
	}
	if !s.projectSpecific(i, s0, false) {
		return cand{}, false
	}
	return cand{i: i, j: e, lead: lead, tail: e}, true
}

// listItems returns the items of the list that ends with 等 at rune q
// (A、B、C等项目): each item that is itself a named project.
func (s *scan) listItems(q int) []cand {
	var out []cand
	end := q
	for end > 0 {
		i, lead, ok := s.projectStart(end)
		if !ok {
			break
		}
		if lead > 0 && s.rs[lead-1] == '、' {
			// An item after 、 starts there: 和生源20万吨饲料.
			i = lead
		}
		j := end
		// 陇能重工风力塔架生产基地建设: the project is the base.
		if j-i > 4 && s.rs[j-2] == '建' && s.rs[j-1] == '设' {
			j -= 2
		}
		if j-i >= 4 && s.projectSpecific(i, j, true) {
			out = append(out, cand{i: i, j: j, lead: lead})
		}
		if i == 0 || s.rs[i-1] != '、' || lead != i {
			break
		}
		end = i - 1
	}
	return out
}

// projectStart finds the left edge of a project name ending at rune s0:
// like an organization's, but digits and Latin letters belong to the name
// (X150裕东公路, 70MW光伏), 暨 joins two names of one project, and a status
// or year before the name is kept aside as the name's lead. It returns
// the start, where the stripped lead began, and whether a name is there.
func (s *scan) projectStart(s0 int) (int, int, bool) {
	l0 := s0
	for l0 > 0 && s0-l0 < maxProjectRunes {
		r := s.rs[l0-1]
		if (isHan(r) || isDigit(r) || isLatin(r) || r == '.' || r == '×' || r == '+') && s.taken[l0-1] != tag(kg.Person) {
			l0--
			continue
		}
		if r == ')' {
			if q := s.parenOpen(l0 - 1); q > 0 {
				l0 = q
				continue
			}
		}
		break
	}
	if s0-l0 >= maxProjectRunes {
		return 0, 0, false
	}
	l1 := l0
	for p := s0; p > l0; p-- {
		if s.endAt[p]&cBoundary == 0 {
			continue
		}
		if b := s.boundaryEnding(p, l0); b >= 0 && !(p-b == 1 && s.rs[b] == '暨') {
			l1 = p
			break
		}
	}
	// After another project or an organization joined by a conjunction.
	for p := s0 - 1; p > l1; p-- {
		if r := s.rs[p]; (r == '和' || r == '与' || r == '及') && (s.endAt[p]&(cProject|cOrg) != 0 || s.anchorAt(p+1, p+1)) {
			l1 = p + 1
			break
		}
	}
	for p := s0 - 1; p > l1; p-- {
		if s.endAt[p]&cProject != 0 && s.longestEnding(p, cProject) >= l1 && s.anchorAt(p, p) {
			l1 = p
			break
		}
	}
	lead := l1
	for {
		k := s.stripLeading(l1, s0)
		if k2 := s.longestAt(k, cStatus); k2 > k && k2 < s0 {
			k = k2
		}
		k = s.stripYear(k, s0)
		if k == l1 {
			break
		}
		l1 = k
	}
	// Counts and amounts (275个…, 500万元以上…) make an aggregate.
	for p := l1; p < s0; p++ {
		if !isDigit(s.rs[p]) || (p > l1 && (isDigit(s.rs[p-1]) || s.rs[p-1] == '.')) {
			continue
		}
		k := p
		for k < s0 && (isDigit(s.rs[k]) || s.rs[k] == '.') {
			k++
		}
		if k < s0 && s.hasAt(k, k+1, cCounter) && !s.capacityAt(p) {
			return 0, 0, false
		}
	}
	return l1, lead, l1 < s0
}

// stripYear skips a date before a name (2023年, 3月, 第三批).
func (s *scan) stripYear(i, limit int) int {
	k := i
	for k < limit && isDigit(s.rs[k]) {
		k++
	}
	if k > i && k < limit && (s.rs[k] == '年' || s.rs[k] == '月' || s.rs[k] == '日') {
		return k + 1
	}
	if s.rs[i] == '第' {
		k = i + 1
		for k < limit && isNumeral(s.rs[k]) {
			k++
		}
		if k > i+1 && k < limit && (s.rs[k] == '批' || s.rs[k] == '期') {
			return k + 1
		}
	}
	return i
}

// projectSpecific reports whether the name in runes [i, j) names one
// project. inList relaxes the rule for the items of a 等项目 list, which
// the list already marks as projects: a brand first (伊牧兰肉类扩产) is
// enough there.
func (s *scan) projectSpecific(i, j int, inList bool) bool {
	if s.allGeneric(i, j) {
		return false
	}
	place, owner, capacity := false, false, false
	for p := i; p < j; p++ {
		switch {
		case s.longestAt(p, cKnownPlace|cProvince|cCity) > p+1:
			place = true
		case s.longestAt(p, cKnownOrg) > p+1, s.endAt[p+1]&cOrg != 0 && s.orgInside(i, p+1),
			s.phaseAt(p, i), s.roadCodeAt(p, i):
			owner = true
		case s.capacityAt(p):
			capacity = true
		}
	}
	infra := s.longestAt(j, cInfra) > j || s.endAt[j]&cInfra != 0
	if owner || capacity && !infra {
		return true
	}
	if s.rs[j-1] == '地' && !inList {
		// A base (基地) is a project only with an owner or a capacity;
		// with a place alone it is a designation (研学基地).
		return false
	}
	if place {
		// A place and a category (凉州区高标准农田建设项目) is a programme.
		return !s.genericAfterPlaces(i, j)
	}
	// A list's item with a brand of its own (伊牧兰肉类扩产), not a
	// programme of generic words (退化林草修复).
	return inList && j-i >= 5 && s.brandStart(i, j) && !s.allGeneric(i+2, j)
}

// orgInside reports whether a company (…有限公司, …集团, …厂) ends at e
// inside a project name starting at i: the project's owner.
func (s *scan) orgInside(i, e int) bool {
	s0 := s.longestEnding(e, cOrg)
	if s0 <= i || s.hasAt(s0, e, cOrgWeak) {
		return false
	}
	w := string(s.rs[s0:e])
	return strings.HasSuffix(w, "公司") || strings.HasSuffix(w, "集团") || strings.HasSuffix(w, "厂") || strings.HasSuffix(w, "合作社")
}

// genericAfterPlaces reports whether runes [i, j) are places and generic
// words only.
func (s *scan) genericAfterPlaces(i, j int) bool {
	p := i
	for p < j {
		if r := s.rs[p]; r == '和' || r == '与' || r == '及' || r == '、' || r == '(' || r == ')' {
			p++
			continue
		}
		k := s.longestAt(p, cKnownPlace|cProvince|cCity|cGeneric|cLeading|cAdmin)
		if k < 0 || k > j {
			return false
		}
		p = k
	}
	return true
}

// capacityAt reports whether a capacity starts at p: a number followed
// by a unit (6万吨, 70MW, 2×100千瓦), or 年产.
func (s *scan) capacityAt(p int) bool {
	if s.rs[p] == '年' && p+1 < len(s.rs) && s.rs[p+1] == '产' {
		return true
	}
	if !isDigit(s.rs[p]) || (p > 0 && (isDigit(s.rs[p-1]) || s.rs[p-1] == '.')) {
		return false
	}
	k := p
	for k < len(s.rs) && (isDigit(s.rs[k]) || s.rs[k] == '.' || s.rs[k] == '×') {
		k++
	}
	return s.longestAt(k, cCapacity) > k
}

// phaseAt reports whether a phase (一期, 二期) starts at p, after a name
// of its own (景电二期, not 六期建设).
func (s *scan) phaseAt(p, lo int) bool {
	if p+1 >= len(s.rs) || s.rs[p+1] != '期' || !strings.ContainsRune("一二三四五六", s.rs[p]) {
		return false
	}
	return p-lo >= 2 && !s.allGeneric(lo, p)
}

// roadCodeAt reports whether a road code (G30, S308, X150) starts at p.
func (s *scan) roadCodeAt(p, lo int) bool {
	if !strings.ContainsRune("GSXYC", s.rs[p]) || (p > lo && isLatin(s.rs[p-1])) {
		return false
	}
	return p+1 < len(s.rs) && isDigit(s.rs[p+1])
}

// projectProps returns what the clause of a project states: its status
// (建成投产), its investment (总投资10.06亿元, as written) and its year.
// The clause runs from the lead before the name to the end of the
// sentence or the next project.
func (s *scan) projectProps(c cand, next int) map[string]string {
	props := map[string]string{}
	end := c.tail
	for end < next && end < len(s.rs) && s.rs[end] != '。' && s.rs[end] != ';' && s.rs[end] != '；' {
		end++
	}
	// Before the name (its lead) and after it (from the list's 等项目 on).
	inside := func(p int) bool { return p >= c.i && p < c.tail }
	for p := c.lead; p < end; p++ {
		if inside(p) {
			continue
		}
		if k := s.longestAt(p, cStatus); k > p && k <= end {
			props["status"] = string(s.rs[p:k])
			p = k - 1
		}
	}
	if inv := s.investment(c.tail, end); inv != "" {
		props["investment"] = inv
	} else if inv := s.investmentBefore(c.lead); inv != "" {
		props["investment"] = inv
	}
	for p := c.lead; p+4 < end; p++ {
		if inside(p) {
			continue
		}
		if isDigit(s.rs[p]) && (p == 0 || !isDigit(s.rs[p-1])) && s.rs[p] == '2' && isDigit(s.rs[p+1]) && isDigit(s.rs[p+2]) && isDigit(s.rs[p+3]) && s.rs[p+4] == '年' {
			props["year"] = string(s.rs[p : p+4])
			break
		}
	}
	if len(props) == 0 {
		return nil
	}
	return props
}

// investment returns the first 总投资/投资 amount in runes [i, j), as
// written (10.06亿元).
func (s *scan) investment(i, j int) string {
	for p := i; p+2 < j; p++ {
		if s.rs[p] != '投' || s.rs[p+1] != '资' {
			continue
		}
		if a := s.amountAt(p+2, j); a != "" {
			return a
		}
	}
	return ""
}

// investmentBefore reads 投资4023万元的 right before a name.
func (s *scan) investmentBefore(i int) string {
	if i < 2 || s.rs[i-1] != '的' {
		return ""
	}
	for p := i - 2; p >= 1 && p >= i-14; p-- {
		if s.rs[p-1] == '投' && s.rs[p] == '资' {
			return s.amountAt(p+1, i-1)
		}
	}
	return ""
}

// amountAt returns the amount of money written at p (10.06亿元, 11230万元),
// or "".
func (s *scan) amountAt(p, limit int) string {
	k := p
	for k < limit && (isDigit(s.rs[k]) || s.rs[k] == '.') {
		k++
	}
	if k == p {
		return ""
	}
	for _, unit := range []string{"亿元", "万元", "元"} {
		u := []rune(unit)
		if k+len(u) <= limit && string(s.rs[k:k+len(u)]) == unit {
			return string(s.rs[p : k+len(u)])
		}
	}
	return ""
}

// inBookTitle reports whether rune p is inside 《…》: a document's title
// names a plan, not a project.
func (s *scan) inBookTitle(p int) bool {
	for q := p - 1; q >= 0 && q >= p-60; q-- {
		switch s.rs[q] {
		case '《':
			return true
		case '》', '。':
			return false
		}
	}
	return false
}

// takenBy reports whether any rune of [i, j) is covered by a span of kind k.
func (s *scan) takenBy(i, j int, k kg.Kind) bool {
	t := tag(k)
	for p := i; p < j; p++ {
		if s.taken[p] == t {
			return true
		}
	}
	return false
}

func (s *scan) overlapsAny(kept []cand, c cand) bool {
	for _, k := range kept {
		if c.i < k.j && k.i < c.j {
			return true
		}
	}
	return false
}

// dropOrgsIn removes the organizations that overlap runes [i, j).
func (s *scan) dropOrgsIn(i, j int) {
	lo, hi := s.off[i], s.off[j]
	kept := s.orgs[:0]
	for _, o := range s.orgs {
		if o.Start < hi && lo < o.End {
			continue
		}
		kept = append(kept, o)
	}
	s.orgs = kept
}

func isLatin(r rune) bool { return (r >= 'A' && r <= 'Z') || (r >= 'a' && r <= 'z') }
