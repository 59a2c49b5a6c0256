package mention

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yearbookkg/kg"
)

// maxProjectRunes bounds a project's name.
const maxProjectRunes = 48

// pcand is a candidate project [i, j) in runes. lead is where the words
// stripped before it began (a project's 建成, 2023年), tail where the text
// that speaks of it continues (after a list's 等项目), and owner, when
// ownerJ > ownerI, the runes of the company or body named as its owner.
// A quoted name (…重点科技项目“河西戈壁…示范”) takes its owner from the
// name before the quote.
type pcand struct {
	i, j, lead, tail int
	ownerI, ownerJ   int
	list             bool // an item of a 等项目 list: figures after it are the list's
	ownPlace         bool // placed by its owner's name (古浪县医院迁建 → 古浪县)
}

// findProjects finds named projects:
//   - text ending in a project suffix (项目, 工程, 公路, 二期 …) whose
//     name is specific (projectSpecific);
//   - the items of lists that share one 等项目, also 等82个项目 and
//     等一批重点项目 (A、B、C等项目建成投产);
//   - a project name in quotes after the programme it belongs to
//     (…区域创新中心重点科技项目“河西戈壁…示范”启动会);
//   - a named facility without 项目 that its clause says is being built or
//     run (民勤通用机场建成投运, 古浪欢乐谷于2023年7月投入运营), alone or in
//     a list sharing the status (民勤通航乐园、古浪欢乐谷建成运营).
//
// An aggregate (275个…重大项目) or a category (重点项目, 高标准农田建设项目)
// is no project. Projects take the place of the organizations found
// inside them; their status, investment and year come from the same
// clause, and their owner and place from their name (Props "owner",
// "place"; a road's place may come from the section written after it).
func (s *scan) findProjects() {
	// An institution's own works first: of two readings of the same
	// name (天祝县藏医院扩建项目) theirs carries the owner.
	cands := s.institutionWorks()
	for _, end := range s.ends {
		e := int(end)
		if s.endAt[e]&cProject == 0 && (s.rs[e-1] != '路' || !s.sectionRoadEnd(e)) {
			continue
		}
		s0 := s.longestEnding(e, cProject)
		if s0 < 0 {
			s0 = e - 1 // 路 before its section: 古浪县十条路（…段）
		}
		if s.covering(e-1, cNotProject, s0, e) || s.inBookTitle(s0) {
			continue
		}
		if q := s.listMarker(s0); q >= 0 {
			for _, c := range s.listItems(q) {
				c.tail = e
				cands = append(cands, c)
			}
			continue
		}
		if c, ok := s.quotedAfter(s0, e); ok {
			cands = append(cands, c)
			continue
		}
		if c, ok := s.projectAt(s0, e); ok {
			cands = append(cands, c)
		}
	}
	cands = append(cands, s.builtFacilities()...)
	slices.SortStableFunc(cands, func(a, b pcand) int {
		if la, lb := a.j-a.i, b.j-b.i; la != lb {
			return cmp.Compare(lb, la)
		}
		return cmp.Compare(a.i, b.i)
	})
	var kept []pcand
	for _, c := range cands {
		if s.takenBy(c.i, c.j, kg.Person) || s.overlapsAny(kept, c) {
			continue
		}
		kept = append(kept, c)
	}
	// Kept candidates do not overlap and none is empty: no two start
	// at the same rune, so any sort by start gives the one order.
	slices.SortFunc(kept, func(a, b pcand) int { return cmp.Compare(a.i, b.i) })
	for k, c := range kept {
		exact := s.orgExactly(c.i, s.nameEnd(c))
		orgEnd := s.orgAtStart(c.i, s.nameEnd(c))
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
		if c.ownerJ <= c.ownerI {
			c.ownerI, c.ownerJ = c.i, s.ownerEnd(c.i, s.nameEnd(c))
		}
		if c.ownerJ > c.ownerI {
			sp.Props = setProp(sp.Props, "owner", string(s.rs[c.ownerI:c.ownerJ]))
		}
		// A project named by an organization alone (武威市融媒体中心项目)
		// lies where the organization does; its name places nothing.
		from := c.i
		if c.ownerJ > c.i && c.ownerI == c.i && !c.ownPlace {
			from = c.ownerJ
		}
		if k := orgEnd; k > from && !c.ownPlace {
			from = k // 美国仁社慈善基金会捐助项目: 美国 is the foundation's
		}
		if pl := s.placeIn(from, s.nameEnd(c)); pl != "" && !exact {
			sp.Props = setProp(sp.Props, "place", pl)
		} else if pl := s.sectionPlace(c.j); pl != "" && !exact {
			sp.Props = setProp(sp.Props, "place", pl)
		}
		s.projects = append(s.projects, sp)
	}
}

func setProp(m map[string]string, k, v string) map[string]string {
	if m == nil {
		m = map[string]string{}
	}
	m[k] = v
	return m
}

// projectAt returns the project whose suffix is runes [s0, e), if its name
// is specific. A section in parentheses after the name is part of it
// (古浪县十条路（十八里堡至小山子段）), and so is one written after a road
// or a railway (兰张三四线铁路中武段).
func (s *scan) projectAt(s0, e int) (pcand, bool) {
	i, lead, ok := s.projectStart(s0)
	if !ok || s0-i < 2 || !s.balanced(i, s0) {
		return pcand{}, false
	}
	i = s.roadCodesBefore(i)
	if s0-i < 3 && !(s.rs[s0] == '工' && s0-i == 2) && s.longestAt(i, cKnownPlace|cCity) != s0 {
		return pcand{}, false // 民勤通用机场 stays
	}
	if s.rs[e-1] == '路' && s.longestEnding(e, cProject) < 0 && !s.placeAt(i, s0) {
		return pcand{}, false // 十条路 only with a place
	}
	if s.countIn(i, s0) && s.sectionParen(e) < 0 {
		return pcand{}, false
	}
	if !s.projectSpecific(i, s0, false) && !s.statedProject(i, s0, e) {
		return pcand{}, false
	}
	j := s.sectionAfter(e)
	return pcand{i: i, j: j, lead: lead, tail: j}, true
}

// statedProject reports whether the name [i, s0) + suffix [s0, e), not
// specific by itself, is one project because its clause goes on with its
// own status or investment (古浪县冷链仓储物流建设项目总投资1.7亿元), and
// it holds a place or starts with a word of its own.
func (s *scan) statedProject(i, s0, e int) bool {
	if s.rs[s0] != '项' || s.pAllGeneric(i, s0) && !s.placeAt(i, s0) {
		return false
	}
	if s.rs[s0-1] == '地' || i > 0 && s.rs[i-1] == '的' && !s.placeAt(i, s0) {
		return false
	}
	if !s.placeAt(i, s0) && !s.pBrandStart(i, s0) {
		return false
	}
	p := s.skipAdverbs(e)
	if k := s.statusAt(p); k > p {
		return s.statusEnds(k)
	}
	for _, w := range []string{"总投资", "计划总投资", "计划投资", "批复总投资"} {
		if s.hasPrefixAt(p, w) && p+len([]rune(w)) < len(s.rs) && isDigit(s.rs[p+len([]rune(w))]) {
			return true
		}
	}
	return false
}

// listMarker returns the position of the 等 that makes the project suffix
// at s0 the shared suffix of a list (A、B等项目, A、B等82个项目, A、B等一批
// 重点项目, A、B等8个协同产业项目), or -1.
func (s *scan) listMarker(s0 int) int {
	// 等 and a count, then what the items are (等9个清洁取暖项目).
	for q := s0 - 1; q > 0 && q >= s0-12; q-- {
		r := s.rs[q]
		if !isHan(r) && !isDigit(r) {
			break
		}
		if r == '等' && q+1 < s0 && (isDigit(s.rs[q+1]) || s.hasPrefixAt(q+1, "一批") || s.hasPrefixAt(q+1, "多个") || s.hasPrefixAt(q+1, "一系列")) {
			return q
		}
	}
	p := s0
	for steps := 0; p > 0 && steps < 6; steps++ {
		if s.rs[p-1] == '等' {
			return p - 1
		}
		// A count: 82个, 一批, 多个.
		if s.rs[p-1] == '个' || s.rs[p-1] == '项' || s.rs[p-1] == '批' {
			k := p - 1
			for k > 0 && isNumeral(s.rs[k-1]) {
				k--
			}
			if k < p-1 {
				p = k
				continue
			}
			if k > 0 && (s.rs[k-1] == '多' || s.rs[k-1] == '几') {
				p = k - 1
				continue
			}
		}
		b := -1
		if s.endAt[p]&(cGeneric|cLeading) != 0 || projectTrie.endsIn(s.rs[p-1])&pGeneric != 0 {
			for a := max(0, p-8); a < p; a++ {
				if s.hasAt(a, p, cGeneric|cLeading) || s.pHasAt(a, p, pGeneric) {
					b = a
					break
				}
			}
		}
		if b < 0 {
			return -1
		}
		p = b
	}
	return -1
}

// listItems returns the items of the list that ends with 等 at rune q
// (A、B、C等项目): each item that is itself a named project.
func (s *scan) listItems(q int) []pcand {
	var out []pcand
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
		if j-i >= 4 && s.balanced(i, j) && !s.countIn(i, j) && s.projectSpecific(i, j, true) {
			out = append(out, pcand{i: i, j: j, lead: lead, list: true})
		}
		if i == 0 || s.rs[i-1] != '、' || lead != i {
			break
		}
		end = i - 1
	}
	return out
}

// quotedAfter reads a project named in quotes right after the programme
// or body it belongs to (…区域创新中心重点科技项目“河西戈壁日光温室蔬菜…
// 示范”): the quote is the project, and an organization written before the
// generic words of the programme is its owner.
func (s *scan) quotedAfter(s0, e int) (pcand, bool) {
	if e >= len(s.rs) || s.rs[e] != '“' {
		return pcand{}, false
	}
	close := -1
	for q := e + 1; q < len(s.rs) && q <= e+48; q++ {
		if s.rs[q] == '”' {
			close = q
			break
		}
		if !isHan(s.rs[q]) && !isDigit(s.rs[q]) && !isLatin(s.rs[q]) {
			return pcand{}, false
		}
	}
	if close < 0 || close-e-1 < 6 || s.pAllGeneric(e+1, close) {
		return pcand{}, false
	}
	c := pcand{i: e + 1, j: close, lead: e + 1, tail: close + 1}
	// The owner: an organization ending before the programme's generic
	// words (区域创新中心 + 重点科技).
	for _, o := range s.orgs {
		oi, oj := s.runeAt(o.Start), s.runeAt(o.End)
		if oj <= s0 && oj > s0-12 && (oj == s0 || s.pAllGeneric(oj, s0)) {
			c.ownerI, c.ownerJ = oi, oj
		}
	}
	return c, true
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
		if (isHan(r) || isDigit(r) || isLatin(r) || r == '.' || r == '×' || r == '+' || r == '±') && s.taken[l0-1] != tag(kg.Person) {
			l0--
			continue
		}
		// A middle dot between two names of one site (凉州十七巷·罗什寺街区).
		if r == '·' && l0 >= 2 && isHan(s.rs[l0-2]) && isHan(s.rs[l0]) {
			l0--
			continue
		}
		if r == ')' {
			if q := s.parenOpen(l0 - 1); q > 0 {
				l0 = q
				continue
			}
		}
		// A short quote inside a name (慢乙肝临床治愈“创优”项目).
		if r == '”' && l0 == s0 && s.rs[s0] == '项' {
			if q := s.pQuoteOpen(l0 - 1); q > 0 && isHan(s.rs[q-1]) {
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
		if b := s.boundaryEnding(p, l0); b >= 0 && !(p-b == 1 && s.rs[b] == '暨') && !s.jointBuilt(l0, b, p) && !s.pKept(b, p) {
			l1 = p
			break
		}
	}
	for p := s0 - 1; p > l1; p-- {
		if b := s.pEnding(p, pBoundary); b >= l1 {
			l1 = p // 与天津港互设|国际物流中转集散基地
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
	// A note in parentheses before a name ((藏族), (四)) is not part of it.
	if l1 < s0 && s.rs[l1] == '(' {
		for k := l1 + 1; k < s0; k++ {
			if s.rs[k] == ')' {
				l1 = k + 1
				break
			}
		}
	}
	for {
		if s.pLongestAt(l1, pKeep) > l1 {
			break // 再生水, 标准化: a word, not 再 + 生水
		}
		k := s.stripLeading(l1, s0)
		if k2 := s.pLongestAt(k, pLeading); k2 > k && k2 < s0 {
			k = k2
		}
		if k2 := s.statusAt(k); k2 > k && k2 < s0 {
			k = k2
		}
		k = s.stripYear(k, s0)
		if k == l1 {
			break
		}
		l1 = k
	}
	// A kind of work before the name (控制性工程新乌鞘岭隧道).
	for p := s0 - 1; p > l1+2; p-- {
		if s.rs[p-2] == '工' && s.rs[p-1] == '程' && s.pAllGeneric(l1, p-2) {
			l1 = p
			break
		}
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
		if k < s0 && s.runeIn(k, counters) && !s.capacityAt(p) {
			return 0, 0, false
		}
	}
	return l1, lead, l1 < s0
}

// countIn reports whether runes [i, j) hold a count in words (千项工程,
// 两个中心): an aggregate, unless a section names the work (十条路（…段）).
func (s *scan) countIn(i, j int) bool {
	for p := i; p+1 < j; p++ {
		if r := s.rs[p]; (isNumeral(r) && !isDigit(r) || r == '两') && s.runeIn(p+1, counters) && s.rs[p+1] != '期' {
			return true
		}
	}
	return false
}

// pKept reports whether the boundary word [b, p) lies inside a word of
// a project's name (示范园, 标准化, 再生水).
func (s *scan) pKept(b, p int) bool {
	for a := max(0, b-3); a <= b; a++ {
		if k := s.pLongestAt(a, pKeep); k >= p {
			return true
		}
	}
	return false
}

// jointBuilt reports whether the boundary word [b, p) is the verb of a
// name that two places build together (津陇共建铁海联运…通道项目): a
// 共建 right after a clause's first two characters, one of them a
// province's short form.
func (s *scan) jointBuilt(l0, b, p int) bool {
	w := s.written(b, p)
	if w != "共建" && w != "联建" && w != "合建" || b-l0 != 2 {
		return false
	}
	return s.longestAt(l0, cProvince) > l0 || s.longestAt(l0+1, cProvince) > l0+1
}

// pQuoteOpen returns the index of the “ that opens the ” at p, when the
// quote holds a short Han text, or -1.
func (s *scan) pQuoteOpen(p int) int { return s.openBefore(p, '“', 8, isHan) }

// stripYear skips a date before a name (2023年, 3月, 第三批).
func (s *scan) stripYear(i, limit int) int {
	k := i
	for k < limit && isDigit(s.rs[k]) {
		k++
	}
	if k > i && k < limit && (s.rs[k] == '年' || s.rs[k] == '月' || s.rs[k] == '日') {
		if s.rs[k] == '年' && k+1 < limit && s.rs[k+1] == '度' {
			return k + 2 // 2023年度
		}
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
// the list already marks as projects: a brand first (伊牧兰肉类扩产) or a
// work of its own (风机塔筒制作生产线) is enough there.
func (s *scan) projectSpecific(i, j int, inList bool) bool {
	if s.allGeneric(i, j) && !(inList && s.longestEnding(j, cProject) > i) {
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
	if s.ownerEnd(i, j) > i {
		owner = true
	}
	infra := s.longestAt(j, cInfra) > j || s.endAt[j]&cInfra != 0
	if infra && s.pLongestAt(j, pSectionRoad) > j && s.localPlaceEnd(i, j) == j && !strings.ContainsRune(string(s.rs[i:j]), '至') {
		return false // …凉州公路: a place's road, not a work (…至互助二级公路 is)
	}
	if owner || capacity && !infra {
		return true
	}
	// A work at a place (黄羊抽水蓄能电站, 民勤通用机场): one facility, even
	// with generic words, unlike a programme at a place.
	if infra && (s.bareTownAt(i, j) > i && s.bareTownAt(i, j) <= j-2 || s.localPlaceEnd(i, j) > i && s.localPlaceEnd(i, j) <= j-2) {
		return true
	}
	if s.rs[j-1] == '地' && !inList {
		// A base (基地) is a project only with an owner or a capacity;
		// with a place alone it is a designation (研学基地).
		return false
	}
	if place {
		// A place and a category (凉州区高标准农田建设项目) is a programme.
		if !s.genericAfterPlaces(i, j) {
			return true
		}
		return inList && s.workEnd(i, j) && !s.pAllGeneric(i, j)
	}
	if s.quotedInside(i, j) {
		return true // 慢乙肝临床治愈“创优”项目
	}
	if inList {
		// A list's item with a brand of its own (伊牧兰肉类扩产), not a
		// programme or a product of generic words (退化林草修复, 工业硅);
		// or a work of its own (风机塔筒制作生产线).
		if j-i >= 5 && s.longestEnding(j, cProject) > i {
			return true
		}
		return j-i >= 5 && s.pBrandStart(i, j) && !s.pAllGeneric(i, j) && !s.allGeneric(i+2, j) && s.activityEnd(i+2, j)
	}
	// A facility of a brand (稻盛云智算中心项目, 顺佳农产品冷链物流配送中心
	// 项目), or a work named for itself (景电工程, 引大延伸增效工程).
	if s.pBrandStart(i, j) && !s.pAllGeneric(i, j) && (i == 0 || s.rs[i-1] != '的') {
		if h := s.facilityEnd(j); j-i >= 5 && h > i+1 && j-h >= 2 && j+1 < len(s.rs) && (s.rs[j] == '项' || s.rs[j+1] == '期') {
			return true
		}
		if j < len(s.rs) && s.rs[j] == '工' && s.namedWork(i, j) {
			return true
		}
	}
	return false
}

// activityEnd reports whether the name [i, j) ends with a word of what
// is built or done (扩产, 加工, 防治, …基地): a brand's project, not a
// product (角膜塑形镜) or a service (孕前优生健康检查).
func (s *scan) activityEnd(i, j int) bool {
	for a := i; a < j; a++ {
		if s.longestAt(a, cGeneric|cProject) == j || s.pLongestAt(a, pGeneric|pIndustry|pFacility) == j {
			return true
		}
	}
	return false
}

// namedWork reports whether [i, j) before 工程 names a work of its own
// (景电工程, 引大入秦工程, 引大延伸增效工程): a few words, the first of its
// own, no numeral, one of them a word of waterworks, power or roads; a
// programme (青蓝工程, 千万工程, 形象工程) is none.
func (s *scan) namedWork(i, j int) bool {
	if j-i < 2 || j-i > 8 || s.anyPGeneric(i, j) || s.longestAt(i, cGeneric|cLeading|cBoundary) > i {
		return false
	}
	works := false
	for _, r := range s.rs[i:j] {
		if !isHan(r) || isNumeral(r) || r == '两' {
			return false
		}
		if strings.ContainsRune(worksChars, r) {
			works = true
		}
	}
	return works
}

// worksChars are the characters of waterworks, power lines, roads and
// buildings that the name of a work (…工程) holds.
const worksChars = "水渠电路桥隧蓄灌堤坝闸泵库引调输楼站"

// workEnd reports whether the name [i, j) ends with a work or a facility
// of its own (…生产线, …工程, …基地, …批发市场).
func (s *scan) workEnd(i, j int) bool {
	if k := s.longestEnding(j, cProject); k > i {
		return true
	}
	return s.facilityEnd(j) > i
}

// quotedInside reports whether the name [i, j) holds a short quote after
// words of its own (慢乙肝临床治愈“创优”).
func (s *scan) quotedInside(i, j int) bool {
	if j >= len(s.rs) || s.rs[j] != '项' {
		return false
	}
	for p := i + 3; p < j; p++ {
		if s.rs[p] != '“' {
			continue
		}
		// A slogan of numbers (“两高一低”, “五个一”) names a kind.
		for _, r := range s.rs[p:j] {
			if isNumeral(r) || r == '两' {
				return false
			}
		}
		return !s.pAllGeneric(i, p) && s.pBrandStart(i, p)
	}
	return false
}

// orgInside reports whether a company (…有限公司, …集团, …厂) ends at e
// inside a project name starting at i: the project's owner.
func (s *scan) orgInside(i, e int) bool {
	s0 := s.longestEnding(e, cOrg)
	if s0 <= i || s.hasAt(s0, e, cOrgWeak) {
		return false
	}
	w := s.written(s0, e)
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
	switch s.rs[p] {
	case 'G', 'S', 'X', 'Y', 'C': // asked at every rune of a name: no string search
	default:
		return false
	}
	if p > lo && isLatin(s.rs[p-1]) {
		return false
	}
	return p+1 < len(s.rs) && isDigit(s.rs[p+1])
}

// roadCodesBefore extends a road's name that starts with a code over the
// codes listed before it (X159、X161四坝镇乡镇通三级公路).
func (s *scan) roadCodesBefore(i int) int {
	if !s.roadCodeAt(i, i) {
		return i
	}
	for i >= 3 && s.rs[i-1] == '、' {
		k := i - 1
		for k > 0 && isDigit(s.rs[k-1]) {
			k--
		}
		if k == i-1 || k == 0 || !s.roadCodeAt(k-1, k-1) || k-1 > 0 && (isLatin(s.rs[k-2]) || isHan(s.rs[k-2]) || isDigit(s.rs[k-2])) {
			break
		}
		i = k - 1
	}
	return i
}

// sectionRoadEnd reports whether a road named with 路 alone ends at e,
// followed by its section in parentheses (十条路（十八里堡至小山子段）).
func (s *scan) sectionRoadEnd(e int) bool {
	return e < len(s.rs) && s.rs[e-1] == '路' && s.rs[e] == '(' && s.sectionParen(e) > e
}

// sectionParen returns the end of a section in parentheses at p
// ((十八里堡至小山子段)), or -1.
func (s *scan) sectionParen(p int) int {
	if p >= len(s.rs) || s.rs[p] != '(' {
		return -1
	}
	for q := p + 1; q < len(s.rs) && q <= p+24; q++ {
		switch s.rs[q] {
		case ')':
			if s.rs[q-1] == '段' && q-p > 3 {
				return q + 1
			}
			return -1
		case '(', ',', '。', ';':
			return -1
		}
	}
	return -1
}

// sectionAfter returns the end of the name of a work ending at e with the
// section written after it: in parentheses (…（十八里堡至小山子段）), or
// glued to a road or railway (兰张三四线铁路中武段, 北仙高速武仙段).
func (s *scan) sectionAfter(e int) int {
	if k := s.sectionParen(e); k > 0 {
		return k
	}
	if !s.pHasEnding(e, pSectionRoad) {
		return e
	}
	for k := e + 2; k <= e+4 && k < len(s.rs); k++ {
		if !isHan(s.rs[k-1]) {
			break
		}
		if s.rs[k] == '段' {
			return k + 1
		}
	}
	return e
}

// sectionPlace returns the place named in the parentheses after a road
// (X150裕东公路（G569线K267+776处至收成镇镇区）): the last known place there.
func (s *scan) sectionPlace(j int) string {
	if j >= len(s.rs) || s.rs[j] != '(' {
		return ""
	}
	pl := ""
	for q := j + 1; q < len(s.rs) && q <= j+32 && s.rs[q] != ')'; q++ {
		if k := s.longestAt(q, cKnownPlace); k > q+1 {
			pl = string(s.rs[q:k])
			q = k - 1
		}
	}
	return pl
}

// nameEnd returns where the words of a candidate's name end before its
// suffix, for reading its owner and place.
func (s *scan) nameEnd(c pcand) int {
	if k := s.longestEnding(c.j, cProject); k > c.i {
		return k
	}
	return c.j
}

// placeAt reports whether a known place, a province or the city starts
// somewhere in runes [i, j).
func (s *scan) placeAt(i, j int) bool {
	for p := i; p < j; p++ {
		if k := s.longestAt(p, cKnownPlace|cProvince|cCity); k > p+1 && k <= j {
			return true
		}
	}
	return false
}

// placeIn returns the place a project's name [i, j) puts it in: the most
// precise place of the first chain of places written together
// (中电新能源武威凉州区… → 凉州区, 甘肃电投辰旭凉州九墩滩… → 九墩滩).
// Provinces are left out: 甘肃马铃薯 names a crop, not a site.
func (s *scan) placeIn(i, j int) string {
	pl := ""
	for p := i; p < j; p++ {
		if s.rs[p] == '(' || s.rs[p] == ')' {
			continue
		}
		k := s.longestAt(p, cKnownPlace|cCity)
		if k <= p+1 || k > j || s.provinceAt(p, k) {
			if pl != "" {
				break
			}
			if k2 := s.longestAt(p, cProvince); k2 > p {
				p = k2 - 1
			}
			continue
		}
		pl = string(s.rs[p:k])
		p = k - 1
	}
	return pl
}

// provinceAt reports whether the place word [p, k) is a province (甘肃,
// 甘肃省, 陇), which locates no project of the yearbook's city.
func (s *scan) provinceAt(p, k int) bool {
	if s.pHasAt(p, k, pProvince) {
		return true
	}
	if s.rs[k-1] == '省' || k-p > 3 && string(s.rs[k-3:k]) == "自治区" {
		return s.pLongestAt(p, pProvince) > p
	}
	return false
}

// orgAtStart returns where an organization that starts a project's name
// [i, j) ends, or -1 (美国仁社慈善基金会 in …基金会捐助项目).
func (s *scan) orgAtStart(i, j int) int {
	lo, hi := s.off[i], s.off[j]
	end := -1
	for _, o := range s.orgs {
		if o.Start == lo && o.End <= hi {
			end = max(end, s.runeAt(o.End))
		}
	}
	return end
}

// orgExactly reports whether an organization span covers exactly runes
// [i, j): a project named by it alone (武威市融媒体中心项目).
func (s *scan) orgExactly(i, j int) bool {
	lo, hi := s.off[i], s.off[j]
	for _, o := range s.orgs {
		if o.Start == lo && o.End == hi {
			return true
		}
	}
	return false
}

// ownerEnd returns where the owner a project's name [i, j) starts with
// ends, or -1: a company written out (甘肃新玉通新高新材料有限公司年产…),
// or a brand, with its province and its firm's words (甘肃电投辰旭,
// 乾动新能源, 金风科技), followed by a place, a capacity or what it
// produces (重通成飞大兆瓦级风电叶片…, 远景武威民勤智能风机制造基地).
func (s *scan) ownerEnd(i, j int) int {
	// A company written out.
	for p := i + 2; p < j-1; p++ {
		if s.endAt[p]&cOrg != 0 && s.orgInside(i, p) && s.longestEnding(p, cOrg) > i+1 {
			if k := s.longestAt(p, cOrg); k > p && k < j {
				continue // 有限 + 公司: take the longer
			}
			return p
		}
	}
	p := i
	if k := s.longestAt(p, cProvince); k > p && s.longestAt(p, cCity) != k {
		p = k
	}
	if s.longestAt(p, cKnownPlace|cCity) > p {
		return -1
	}
	core := p
	for core < j && core-p < 5 && !s.pStopAt(core, p) {
		core++
	}
	if core < j && !s.pStopAt(core, p) {
		return -1 // no word ends the brand: a product (黄骨鱼高密度…)
	}
	minCore := 2
	if k := s.pLongestAt(core, pFirm); k > core && core-p >= 1 {
		minCore = 1
	}
	if core-p < minCore || !s.pBrandStart(p, j) || s.placeWithoutSuffix(p, core) {
		return -1
	}
	for _, r := range s.rs[p:core] {
		if !isHan(r) || strings.ContainsRune("入至到向与和及的在是为", r) {
			return -1
		}
	}
	end := core
	firm := false
	for end < j {
		k := s.pLongestAt(end, pFirm)
		if k <= end || k > j {
			break
		}
		end, firm = k, true
	}
	if j-end < 2 {
		return -1
	}
	// The name goes on with a capacity or production.
	rest := false
	for q := end; q < j && !rest; q++ {
		rest = s.capacityAt(q) || s.pLongestAt(q, pIndustry) > q
	}
	if !rest && !(firm && (s.pAnyAt(end, j, pIndustry) || s.phaseAt(end, i))) {
		return -1 // a firm's phase: 伊利乳业二期
	}
	return end
}

// localPlaceEnd returns the end of the last known place below a province
// in runes [i, j), or -1: a work needs words of its own after it
// (武威铁路 is no work).
func (s *scan) localPlaceEnd(i, j int) int {
	end := -1
	for p := i; p < j; p++ {
		if k := s.longestAt(p, cKnownPlace|cCity); k > p+1 && k <= j && !s.provinceAt(p, k) {
			end = k
			p = k - 1
		}
	}
	return end
}

// bareTownAt returns the end of a known place written without its suffix
// at the start of runes [i, j) (黄羊 for 黄羊镇), or -1.
func (s *scan) bareTownAt(i, j int) int {
	for k := i + 2; k <= i+4 && k < j; k++ {
		if s.placeWithoutSuffix(i, k) {
			return k
		}
	}
	return -1
}

// placeWithoutSuffix reports whether runes [i, j) are a known town,
// county or district written without its suffix (黄羊 for 黄羊镇).
func (s *scan) placeWithoutSuffix(i, j int) bool {
	return s.placeWithoutSuffixIn(s.f.trie, i, j) || s.f.extra != nil && s.placeWithoutSuffixIn(s.f.extra, i, j)
}

// placeWithoutSuffixIn is placeWithoutSuffix for the known places of t,
// a finder's trie or its extra one, which has no table of root runes.
func (s *scan) placeWithoutSuffixIn(t *trie, i, j int) bool {
	cur := t.next(0, s.rs[i])
	for q := i + 1; cur != 0 && q < j; q++ {
		cur = t.next(cur, s.rs[q])
	}
	if cur == 0 {
		return false
	}
	for _, r := range "镇乡县区村市" {
		if n := t.next(cur, r); n != 0 && t.class(n)&cKnownPlace != 0 {
			return true
		}
	}
	return false
}

// pStopAt reports whether the core of a brand starting at from ends at p:
// a place, a capacity, a digit, a generic word, a facility, a phase or a
// suffix, or a firm's word after the first character (乾动|新能源, but
// 电投辰旭 whole).
func (s *scan) pStopAt(p, from int) bool {
	r := s.rs[p]
	if !isHan(r) || s.capacityAt(p) {
		return true
	}
	if s.longestAt(p, cKnownPlace|cCity|cProvince|cGeneric|cProject|cCapacity|cStatus) > p {
		return true
	}
	if s.pLongestAt(p, pGeneric|pFacility|pIndustry) > p {
		return true
	}
	if p > from && s.pLongestAt(p, pFirm) > p {
		return true
	}
	return p+1 < len(s.rs) && s.rs[p+1] == '期' && strings.ContainsRune("一二三四五六", r)
}

// builtFacilities finds the facilities without 项目 that a clause says are
// being built or run: a name ending in a facility (机场, 乐园, 批发市场,
// 铁路…段) right before a status (建成投运, 开放运营, 路基完工), after the
// clause's start or another such name joined by 、.
func (s *scan) builtFacilities() []pcand {
	var out []pcand
	from := 1
	for _, m := range s.marked {
		p := int(m)
		if p < from || !s.hasMark(p, mStatus) {
			continue
		}
		k := s.statusAt(p)
		if k <= p || !s.statusEnds(k) {
			continue
		}
		if w := s.written(p, k); w == "签约" || w == "落地" || w == "签约落地" || w == "续建" || w == "复工" {
			continue
		}
		q := s.beforeStatus(p)
		last := q
		for q > 0 {
			c, ok := s.facilityBefore(q)
			if !ok {
				break
			}
			c.tail = last
			out = append(out, c)
			if c.i < 2 || s.rs[c.i-1] != '、' {
				break
			}
			q = c.i - 1
		}
		from = k
	}
	return out
}

// institutionWorks finds the works an institution does on itself, named
// by the institution and the work (市肿瘤医院整体搬迁, 古浪县人民医院提标
// 扩能迁建, 武威肿瘤医院整体搬迁及功能提升项目): a relocation or an
// extension of a hospital, school or museum is its own project, owned by
// it and lying where it does. The work words must end the name: either
// 项目/工程 follows, or the clause goes on with a status, a list's
// separator or punctuation (…迁建、…扩建项目加快建设), so that a building
// the institution puts up (…医院新建门诊楼) is not taken for a move.
func (s *scan) institutionWorks() []pcand {
	var out []pcand
	for _, o := range s.orgs {
		// The rune after the name, read from the text, passes over most
		// organizations before their runes are looked for.
		if r, _ := utf8.DecodeRuneInString(s.text[o.End:]); !institutionWorkFirst(fold(r)) {
			continue
		}
		oi, oj := s.runeAt(o.Start), s.runeAt(o.End)
		if oj >= len(s.rs) || s.endAt[oj]&cInstitution == 0 {
			continue
		}
		p, moved := oj, false
		for p < len(s.rs) {
			k := longestWord(s, p, institutionWork)
			if k <= p || s.rs[p] == '及' && longestWord(s, p+1, institutionWork) <= p+1 {
				break
			}
			if longestWord(s, p, institutionMove) == k {
				moved = true
			}
			p = k
		}
		if !moved {
			continue
		}
		j := p
		switch {
		case s.hasPrefixAt(p, "建设项目"):
			j = p + 4
		case s.hasPrefixAt(p, "项目"), s.hasPrefixAt(p, "工程"):
			j = p + 2
		case p < len(s.rs) && isHan(s.rs[p]) && !strings.ContainsRune("等和与", s.rs[p]):
			if k := s.statusAt(s.skipAdverbs(p)); k <= p {
				continue
			}
		}
		out = append(out, pcand{i: oi, j: j, lead: oi, tail: j, ownerI: oi, ownerJ: oj, ownPlace: true})
	}
	return out
}

var (
	institutionWork = lex.words["institutionwork"]
	institutionMove = lex.words["institutionmove"]
)

// institutionWorkFirst reports whether r starts a word of
// [institutionwork], so that most organizations are passed over at once.
func institutionWorkFirst(r rune) bool { return institutionWorkFirsts[r] }

// institutionWorkFirsts are the first runes of the words of
// [institutionwork].
var institutionWorkFirsts = func() map[rune]bool {
	m := map[rune]bool{}
	for _, w := range institutionWork {
		f, _ := utf8.DecodeRuneInString(w)
		m[f] = true
	}
	return m
}()

// longestWord returns the end of the longest of words written at rune p,
// or -1.
func longestWord(s *scan, p int, words []string) int {
	end := -1
	for _, w := range words {
		if n := utf8.RuneCountInString(w); p+n > end && s.hasPrefixAt(p, w) {
			end = p + n
		}
	}
	return end
}

// statusEnds reports whether a status word ending at k ends there, not a
// noun it starts (建成区, 开工率, 建成后).
func (s *scan) statusEnds(k int) bool {
	if k >= len(s.rs) {
		return true
	}
	return !strings.ContainsRune("区率后时前面", s.rs[k])
}

// beforeStatus skips back from a status at p over the adverbs, dates and
// parts written between a name and its status (…于2023年7月正式…,
// …路基…), and returns where the name ends.
func (s *scan) beforeStatus(p int) int {
	for p > 0 {
		switch {
		case s.pEnding(p, pAdverb|pPart) >= 0:
			p = s.pEnding(p, pAdverb|pPart)
		case s.rs[p-1] == '年' || s.rs[p-1] == '月' || s.rs[p-1] == '日' || s.rs[p-1] == '底' || s.rs[p-1] == '初':
			k := p - 1
			if s.rs[k] == '底' || s.rs[k] == '初' {
				k--
			}
			d := k
			for d > 0 && isDigit(s.rs[d-1]) {
				d--
			}
			if d == k {
				return p
			}
			p = d
		default:
			return p
		}
	}
	return p
}

// facilityBefore returns the facility whose name ends at rune q, if it
// starts a clause (or follows another one and 、), ends in a facility's
// head, and starts with a place or a word of its own.
func (s *scan) facilityBefore(q int) (pcand, bool) {
	if q < 3 || !isHan(s.rs[q-1]) {
		return pcand{}, false
	}
	h := s.facilityEnd(q)
	if h < 0 {
		// A phase of a named work (宣肺止嗽合剂提升改造一期).
		if !(s.rs[q-1] == '期' && s.phaseAt(q-2, max(0, q-12))) {
			return pcand{}, false
		}
		h = q - 2
	}
	i, lead, ok := s.projectStart(q)
	if !ok || q-i < 3 || h <= i || !s.balanced(i, q) {
		return pcand{}, false
	}
	// The name starts its clause: nothing but a date or an opening word
	// (同日, 其中) before it.
	if lead > 0 && !strings.ContainsRune(",。;:、!?“”()", s.rs[lead-1]) && !isDigit(s.rs[lead-1]) {
		return pcand{}, false
	}
	if s.rs[h] == '段' && !s.pAnyAt(i, h, pSectionRoad) {
		return pcand{}, false
	}
	if s.pAllGeneric(i, q) || s.orgExactly(i, q) || s.takenBy(i, q, kg.Person) || s.countIn(i, q) {
		return pcand{}, false
	}
	if !s.placeAt(i, i+4) && !s.pBrandStart(i, q) {
		return pcand{}, false
	}
	// A place alone is the actor, not a facility (凉州区建成…).
	if k := s.longestAt(i, cKnownPlace|cCity|cProvince); k == q && strings.ContainsRune("市县区镇乡村省旗州", s.rs[q-1]) {
		return pcand{}, false
	}
	return pcand{i: i, j: q, lead: lead, tail: q}, true
}

// facilityEnd returns the start of the facility's head ending at q (机场,
// 欢乐谷's 谷, 铁路中武段's 段), or -1.
func (s *scan) facilityEnd(q int) int {
	if q > 0 && s.rs[q-1] == '段' {
		return q - 1
	}
	if k := s.pEnding(q, pFacility); k >= 0 {
		return k
	}
	if s.endAt[q]&cInfra != 0 {
		return s.longestEnding(q, cInfra) // 青山旅游公路通车运营
	}
	return -1
}

// statusAt returns the end of the longest status word at p, or -1.
func (s *scan) statusAt(p int) int {
	k := s.longestAt(p, cStatus)
	if k2 := s.pLongestAt(p, pStatus); k2 > k {
		k = k2
	}
	return k
}

// skipAdverbs skips the adverbs written after a name before its status.
func (s *scan) skipAdverbs(p int) int {
	for p < len(s.rs) {
		k := s.pLongestAt(p, pAdverb)
		if k <= p {
			break
		}
		p = k
	}
	return p
}

// projectProps returns what the clause of a project states: its status
// (建成投产), its investment (总投资10.06亿元, as written) and its year.
// The clause runs from the lead before the name to the end of the
// sentence or the next project.
func (s *scan) projectProps(c pcand, next int) map[string]string {
	props := map[string]string{}
	end := c.tail
	for end < next && end < len(s.rs) && s.rs[end] != '。' && s.rs[end] != ';' && s.rs[end] != '；' {
		end++
	}
	// Before the name (its lead) and after it (from the list's 等项目 on),
	// up to a clause that speaks of something else (…中武段启动静态验收，
	// 3个高铁站房…全部建成).
	inside := func(p int) bool { return p >= c.i && p < c.tail }
	for p := min(c.lead, c.i); p < end; p++ {
		if inside(p) {
			continue
		}
		if p > c.tail && s.rs[p-1] == ',' && !s.sameSubject(p) {
			break
		}
		if k := s.statusAt(p); k > p && k <= end && s.statusEnds(k) {
			from := p
			// The part whose status it is (北仙高速武仙段路基完工).
			if a := s.pEnding(p, pPart); a >= c.tail && a >= c.j {
				from = a
			}
			props["status"] = string(s.rs[from:k])
			p = k - 1
		}
	}
	if inv := s.investmentBefore(c.lead); inv != "" {
		props["investment"] = inv // 投资4200万元的古浪县…项目
	} else if inv := s.investment(c.tail, end); inv != "" && !c.list {
		props["investment"] = inv
	}
	for p := min(c.lead, c.i); p+4 < end; p++ {
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

// sameSubject reports whether the clause starting at p goes on about the
// project before it: it opens with a date, a status, an adverb or a word
// of its figures (2023年8月建成通车, 总投资…, 全长…).
func (s *scan) sameSubject(p int) bool {
	if p >= len(s.rs) {
		return false
	}
	if isDigit(s.rs[p]) {
		k := p
		for k < len(s.rs) && isDigit(s.rs[k]) {
			k++
		}
		return k < len(s.rs) && strings.ContainsRune("年月日", s.rs[k])
	}
	if s.statusAt(p) > p || s.pLongestAt(p, pAdverb|pPart) > p {
		return true
	}
	for _, w := range []string{"总投资", "计划", "投资", "全长", "项目", "工程", "主体", "该", "并", "目前", "截至", "预计", "完成", "从", "于", "自", "已", "将", "正在"} {
		if s.hasPrefixAt(p, w) {
			return true
		}
	}
	return false
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

func (s *scan) overlapsAny(kept []pcand, c pcand) bool {
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

// The word lists of project recognition (the project sections of
// lexicon.txt), kept in a trie of their own so that they leave the
// recognition of people and organizations as it is.
const (
	pGeneric     uint32 = 1 << iota // word that names no project
	pFirm                           // word of a company's short name (科技, 新能源)
	pFacility                       // head of a facility's name (机场, 乐园)
	pIndustry                       // word of production (制造, 光伏)
	pAdverb                         // word between a name and its status (正式)
	pPart                           // part of a work whose status is told (路基)
	pStatus                         // project status besides [status]
	pSectionRoad                    // work whose sections are named after it (铁路)
	pLeading                        // word that opens a clause before a project (随着)
	pProvince                       // a province's name (甘肃, 陇)
	pKeep                           // word of a name holding a boundary (示范园, 标准化)
	pBoundary                       // verb that ends the text before a project (互设)
)

// maxPWord bounds the length of the words of the project trie.
const maxPWord = 8

var projectTrie = func() *trie {
	t := newTrie().withLast()
	t.addSections(map[string]uint32{
		"projectgeneric":  pGeneric,
		"firm":            pFirm,
		"facility":        pFacility,
		"industry":        pIndustry,
		"statusadverb":    pAdverb,
		"statuspart":      pPart,
		"projectstatus":   pStatus,
		"sectionroad":     pSectionRoad,
		"projectleading":  pLeading,
		"provincename":    pProvince,
		"projectkeep":     pKeep,
		"projectboundary": pBoundary,
	})
	return t
}()

// pLongestAt returns the end of the longest project word of class c
// starting at p, or -1.
func (s *scan) pLongestAt(p int, c uint32) int {
	if p < 0 || p >= len(s.rs) {
		return -1
	}
	t := projectTrie
	end := -1
	cur := t.first(s.rs[p])
	for q := p; cur != 0; {
		nd := &t.nodes[cur]
		if nd.class&c != 0 {
			end = q + 1
		}
		q++
		if q >= len(s.rs) || q-p >= maxPWord {
			break
		}
		r := s.rs[q]
		if nd.mask&(1<<(uint32(r)&63)) == 0 {
			break
		}
		cur = probe(t.edges, uint32(len(t.edges)-1), cur, r)
	}
	return end
}

// pHasAt reports whether a project word of class c spans exactly [i, j).
func (s *scan) pHasAt(i, j int, c uint32) bool {
	if i < 0 || j > len(s.rs) || j-i > maxPWord || j <= i {
		return false
	}
	t := projectTrie
	cur := t.first(s.rs[i])
	for q := i + 1; cur != 0 && q < j; q++ {
		cur = t.next(cur, s.rs[q])
	}
	return cur != 0 && t.class(cur)&c != 0
}

// pEnding returns the start of the longest project word of class c ending
// at q, or -1.
func (s *scan) pEnding(q int, c uint32) int {
	if q <= 0 || q > len(s.rs) || projectTrie.endsIn(s.rs[q-1])&c == 0 {
		return -1
	}
	for a := max(0, q-maxPWord); a < q; a++ {
		if s.pHasAt(a, q, c) {
			return a
		}
	}
	return -1
}

// pHasEnding reports whether a project word of class c ends at q.
func (s *scan) pHasEnding(q int, c uint32) bool { return s.pEnding(q, c) >= 0 }

// pAnyAt reports whether a project word of class c lies in runes [i, j).
func (s *scan) pAnyAt(i, j int, c uint32) bool {
	for p := i; p < j; p++ {
		if k := s.pLongestAt(p, c); k > p && k <= j {
			return true
		}
	}
	return false
}

// pGenericAt returns the end of the longest generic word at p, of the
// shared lists or of the project's own, or -1.
func (s *scan) pGenericAt(p int) int {
	k := s.longestAt(p, cGeneric|cLeading)
	if k2 := s.pLongestAt(p, pGeneric); k2 > k {
		k = k2
	}
	return k
}

// pAllGeneric reports whether runes [i, j) are generic words and
// conjunctions only, by the shared lists and the project's own.
func (s *scan) pAllGeneric(i, j int) bool {
	p := i
	for p < j {
		if r := s.rs[p]; r == '和' || r == '与' || r == '及' || r == '、' || r == '(' || r == ')' || r == '“' || r == '”' || isDigit(r) || r == '.' {
			p++
			continue
		}
		k := s.pGenericAt(p)
		if k > j {
			return true // a generic word that runs into the suffix
		}
		if k <= p {
			return false
		}
		p = k
	}
	return true
}

// anyPGeneric reports whether a generic word of the project's own list
// lies in runes [i, j).
func (s *scan) anyPGeneric(i, j int) bool { return s.pAnyAt(i, j, pGeneric) }

// pBrandStart reports whether runes [i, j) start with a word of their own
// rather than a generic word, a programme's word or a verb.
func (s *scan) pBrandStart(i, j int) bool {
	if !s.brandStart(i, j) {
		return false
	}
	k := s.pLongestAt(i, pGeneric)
	return !(k > i && k <= j)
}
