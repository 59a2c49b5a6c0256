package mention

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// cand is a candidate span [i, j) in runes.
type cand struct {
	i, j int
}

// anchorClass are the words that start an organization's name: places,
// provinces and great cities, the city, known organizations, and words
// such as 中国, 国家, 中共.
const anchorClass = cKnownPlace | cProvince | cCity | cOrgPrefix | cKnownOrg

// maxOrgRunes bounds an organization's name; longer runs are sentences.
const maxOrgRunes = 32

// findOrgs finds organizations: known names, and names ending in an
// organization suffix whose left edge is found by rule (orgStart).
// Candidates that overlap are decided for the longer.
func (s *scan) findOrgs() {
	cands := s.orgCands[:0]
	for _, w := range s.named {
		if w.class&cKnownOrg != 0 && w.j-w.i >= 2 && !s.cutsSuffix(int(w.i), int(w.j)) {
			cands = append(cands, orgCand{cand: cand{i: int(w.i), j: int(w.j)}})
		}
		if w.class&cOrgPrefix != 0 && s.isWord(partyWords, int(w.i), int(w.j)) {
			if j, key, ok := s.partyCommittee(int(w.i), int(w.j)); ok {
				cands = append(cands, orgCand{cand: cand{i: int(w.i), j: j}, key: key})
			}
		}
	}
	for _, end := range s.ends {
		e := int(end)
		if s.endAt[e]&cOrg == 0 {
			continue
		}
		if i, j, claim, ok := s.orgAt(e); ok {
			cands = append(cands, orgCand{cand: cand{i: i, j: j}, claim: claim})
		}
	}
	for k := range cands {
		cands[k].claim = max(cands[k].claim, cands[k].j)
	}
	slices.SortStableFunc(cands, func(a, b orgCand) int {
		if la, lb := a.claim-a.i, b.claim-b.i; la != lb {
			return cmp.Compare(lb, la)
		}
		return cmp.Compare(a.i, b.i)
	})
	for _, c := range cands {
		if !s.free(c.i, c.claim) {
			continue
		}
		sp := s.span(kg.Organization, c.i, c.j)
		if c.key != "" {
			sp.Key = c.key
		} else {
			if strings.Contains(sp.Key, "“") {
				sp.Key = unquote.Replace(sp.Key)
			}
			sp.Key = withoutTerm(sp.Key)
		}
		s.orgs = append(s.orgs, sp)
		s.take(kg.Organization, c.i, c.claim)
	}
	clear(cands)
	s.orgCands = cands
	// A body named without its organization takes the organization into
	// its key, so that the bodies of two organizations stay apart.
	for k := range s.orgs {
		o := &s.orgs[k]
		i := s.runeAt(o.Start)
		if i < 2 || s.rs[i-1] != '、' {
			continue // no sub-body (subBody), without looking for its end
		}
		if s.subBody(i, s.runeAt(o.End)) && !s.anchorAt(i, i) && !s.hasAt(i, s.runeAt(o.End), cKnownOrg) {
			if p, ok := s.parentOf(i); ok {
				o.Key = p.Key + o.Key
			}
		}
	}
}

// orgCand is a candidate organization of findOrgs.
type orgCand struct {
	cand
	key   string // the match key when it is not the written name's
	claim int    // the end of the text the name claims, when past j
}

// countAfter reports whether a count follows rune e (驾培学校106家次): a
// name without an anchor before a count is a category.
func (s *scan) countAfter(e int) bool {
	k := e
	for k < len(s.rs) && (isDigit(s.rs[k]) || s.rs[k] == '.') {
		k++
	}
	return k > e && s.runeIn(k, counters)
}

// subBody reports whether the name [i, e) stands in a chain of titles
// between 、 after a title and a title head (全国政协常委、民族和宗教委员会
// 副主任): a body of the organization of the title before, which the
// chain does not write again.
func (s *scan) subBody(i, e int) bool {
	if i < 2 || s.rs[i-1] != '、' || s.longestEnding(i-1, cTitle) < 0 {
		return false
	}
	return s.longestAt(e, cTitle) > e
}

// parentOf returns the organization span that the title before the
// sub-body starting at rune i follows (全国政协 of 全国政协常委、…), if any.
func (s *scan) parentOf(i int) (Span, bool) {
	t := s.longestEnding(i-1, cTitle)
	if t < 0 {
		return Span{}, false
	}
	for _, o := range s.orgs {
		if s.runeAt(o.End) == t {
			return o, true
		}
	}
	return Span{}, false
}

// placeOrganEnd reports whether the organ of a place ends at p, written
// with its one-character prefix (市政协, 县政府).
func (s *scan) placeOrganEnd(p int) bool {
	o := s.longestEnding(p, cOrgan)
	return o > 0 && s.endAt[o]&cAdmin != 0
}

// namedCentre reports whether the suffix [s0, e) is a centre named by its
// function (融媒体中心, 疾控中心, 急救中心), which a place alone makes an
// organization (市融媒体中心), unlike a generic one (服务中心, 研究中心).
func (s *scan) namedCentre(s0, e int) bool {
	return e-s0 >= 4 && s.rs[e-2] == '中' && s.rs[e-1] == '心' && !s.hasAt(s0, e, cGeneric)
}

// cutsSuffix reports whether the known name [i, j) ends inside an
// organization suffix that runs on after it (市委 in 依法治市委员会), or, for
// a two-character name, inside any word (民进 in 村民进行): neither is a
// mention of the name.
func (s *scan) cutsSuffix(i, j int) bool {
	class := cOrg
	if j-i == 2 {
		class = ^(cKnownOrg | cKnownPerson | cKnownPlace | cSurname2 | cMark)
	}
	for q := i + 1; q < j; q++ {
		if s.longestAt(q, class) > j {
			return true
		}
	}
	return false
}

// partyWords are the organization prefixes of parties and of the youth
// league (lexicon section party): written before a place and a term
// (共青团武威市四届六次全委会议), they name the place's committee.
var partyWords = newWordSet("party")

// partyCommittee reads a party's committee written as the party, a place
// and the term of a meeting (共青团武威市四届六次全委, 中共武威市第五次代表
// 大会): the name ends after the place, and its key is the committee's
// (共青团武威市委员会). i and j are the party word's runes.
func (s *scan) partyCommittee(i, j int) (int, string, bool) {
	k := j
	for {
		e := s.longestAt(k, cKnownPlace|cProvince|cCity)
		if e < 0 {
			break
		}
		k = e
	}
	if k == j || !s.termAt(k) {
		return 0, "", false
	}
	name := string(s.rs[i:k])
	return k, textnorm.Key(name) + "委员会", true
}

// termAt reports whether the term or session of a body starts at p: 四届,
// 第五届, 第三次.
func (s *scan) termAt(p int) bool {
	if p < len(s.rs) && s.rs[p] == '第' {
		p++
	}
	q := p
	for q < len(s.rs) && isNumeral(s.rs[q]) {
		q++
	}
	return q > p && q < len(s.rs) && (s.rs[q] == '届' || s.rs[q] == '次')
}

// unquote drops the quotation marks of a campaign in a name from its key:
// 市“三抓三促”行动领导小组 and 市三抓三促行动领导小组 are one.
var unquote = strings.NewReplacer("“", "", "”", "")

// withoutTerm returns the match key of an organization without the term
// written inside its name: the fifth committee of a city's party is the
// city's party committee, the same organization from term to term.
func withoutTerm(key string) string {
	if !strings.Contains(key, "届") {
		return key
	}
	a, b := termIndex(key)
	if a < 0 || a == 0 || b == len(key) {
		return key
	}
	return key[:a] + key[b:]
}

// termIndex returns the byte bounds of the first term of a body written
// in key (第五届 of 中国共产党武威市第五届委员会, 五届 of 市五届人大常委会),
// or -1, -1: the leftmost match of 第?[一二三四五六七八九十百零0-9]+届, read
// by hand (TestTermIndex holds it to the regexp).
func termIndex(key string) (int, int) {
	for i := 0; i < len(key); {
		r, size := utf8.DecodeRuneInString(key[i:])
		j := i
		if r == '第' {
			j += size
		}
		k := j
		for k < len(key) {
			n, size := utf8.DecodeRuneInString(key[k:])
			if !isNumeral(n) {
				break
			}
			k += size
		}
		if k > j && strings.HasPrefix(key[k:], "届") {
			return i, k + len("届")
		}
		i += size
	}
	return -1, -1
}

// orgAt returns the organization [i, j) whose suffix ends at rune e, if
// its suffix and left edge pass the rules, and the end of the text it
// claims (past j when a hospital's department follows its name).
func (s *scan) orgAt(e int) (i, j, claim int, ok bool) {
	s0 := s.longestEnding(e, cOrg)
	if s0 < 0 || !s.free(s0, e) {
		return 0, 0, 0, false
	}
	weak := s.hasAt(s0, e, cOrgWeak)
	// The suffix must not be part of a title (部长, 常委, 院士) or of an
	// ordinary word (格局, 干部, 市中心).
	if t := s.longestEnding(e, cTitle); t >= 0 && t < s0 {
		return 0, 0, 0, false
	}
	for p := s0; p < e; p++ {
		if s.longestAt(p, cTitle) > e {
			return 0, 0, 0, false
		}
	}
	if s.covering(e-1, cNotOrg, s0, e) {
		return 0, 0, 0, false
	}
	// The suffix must not end a verb (协办, 举办).
	if b := s.longestEnding(e, cBoundary); b >= 0 && b < s0 {
		return 0, 0, 0, false
	}
	// A one-character suffix (局, 部, 委) must end a word: the next
	// character is punctuation or starts a known word (市委书记, 市委印发),
	// not the rest of an ordinary word (联赛, 人社大厦).
	if weak && e-s0 == 1 && e < len(s.rs) && isHan(s.rs[e]) {
		if !isNumeral(s.rs[e]) && !s.ordinalAt(e) && s.longestAt(e, cRight|cBoundary|cTitle|cLeading|cOrg|anchorClass|cAdmin|cProject|cStatus) < 0 {
			return 0, 0, 0, false
		}
	}
	i, anchored, ok := s.orgStart(s0, e)
	if !ok {
		return 0, 0, 0, false
	}
	core := s0 - s.anchorEnd(i, s0)
	if anchored {
		// 市局, 省厅, 武威站: too vague; 市委, 市政府, 省政协 and
		// 凉州区委 are the organs of the place before them.
		organ := s.endAt[s0]&cAdmin != 0 && s.hasAt(s0, e, cOrgan)
		// A body of the organization before it (市委常委会, 凉州区委常委会)
		// is named by it.
		gov := s.isWord(governing, s0, e)
		body := !gov && (s.longestEnding(s0, cKnownOrg) >= i || s.strongOrgEnd(s0) || s.placeOrganEnd(s0))
		if gov && s.strongOrgEnd(s0) {
			return 0, 0, 0, false // 县委政府: 县委 and 县政府
		}
		// A party's, the league's or the CPPCC's committee of a place
		// (中共凉州区委员会, 中国人民政治协商会议武威市委员会) is named by
		// the prefix and the place.
		committee := s.longestAt(i, cOrgPrefix) > i && (s.hasAt(s0, e, cOrgan) || s.written(s0, e) == "委员会")
		vague := !body && !committee && (core == 0 && !s.namedCentre(s0, e) || s.longestEnding(s0, cKnownPlace|cProvince|cCity) >= 0)
		// A branch after its parent and its own place (北京京能科技有限公司
		// 宁夏分公司, 中国农业银行武威分行) is named by them.
		branchPlace := s.longestEnding(s0, cKnownPlace|cProvince|cCity)
		parent := s.longestEnding(e, cBranch) >= 0 && (s.longestAt(i, cKnownOrg|cOrgPrefix) > i || branchPlace > i && s.orgEndsAt(branchPlace))
		known := s.hasAt(i, e, cKnownOrg)
		if (weak || s.hasAt(s0, e, cVague)) && vague && !organ && !parent && !known {
			return 0, 0, 0, false
		}
		// A place or 全国 before a category (凉州区公办幼儿园,
		// 全国公共图书馆) names no one.
		placed := s.longestAt(i, cKnownPlace|cProvince|cCity) > i
		if !known && core > 0 && s.allGeneric(s.anchorEnd(i, s0), s0) && (placed && s.hasAt(s0, e, cVague) || s.hasPrefixAt(i, "全国")) {
			return 0, 0, 0, false
		}
		// 全国 before an institution names all of its kind (全国文化馆,
		// 全国退役军人服务中心（站）), unless the name is known.
		if !known && s.hasPrefixAt(i, "全国") && s.longestEnding(e, cVague) >= 0 {
			return 0, 0, 0, false
		}
	} else if s.subBody(i, e) {
		// 全国政协常委、民族和宗教委员会副主任: a body of the organization
		// of the title before, named without it.
		if core < 2 || core > 12 || s.allGeneric(i, s0) {
			return 0, 0, 0, false
		}
	} else {
		if weak || core < 2 || core > 12 || s.allGeneric(i, s0) || !s.brandFirst(i, s0) || s.conjInside(i, s0) || s.countAfter(e) {
			return 0, 0, 0, false
		}
		if s.longestEnding(e, cInstitution) >= 0 && (core > 6 || s.anyGeneric(i, s0)) {
			return 0, 0, 0, false
		}
	}
	if !anchored && s.quoteIn(i, s0) {
		return 0, 0, 0, false
	}
	if s.sessionInside(i, s0, e) || !s.balanced(i, s0) {
		return 0, 0, 0, false
	}
	// A hospital's centre or department (…肿瘤医院重离子中心) is part of
	// the hospital, which is the organization.
	if h := s.clinicBefore(i, s0, e); h > 0 {
		return i, h, e, true
	}
	// So is the department of an organization before a title
	// (武威市妇联发展部副部长): the department belongs to the title.
	if h := s.deptBefore(i, s0, e); h > 0 {
		return i, h, e, true
	}
	j = s.parenAfter(e)
	return i, j, j, true
}

// orgStart finds the left edge of the organization whose suffix starts at
// rune s0. It scans left over the name's characters to punctuation, a
// person, a boundary verb (深入, 考察, 在 …) or a count (26家), strips
// leading words (同日, 积极), starts again after an organization written
// just before (市委市政府) or a place written twice (新疆乌鲁木齐市新疆…),
// and prefers to start at an anchor (a place, 市, 国家, 中国 …). It
// reports whether the name starts at an anchor.
func (s *scan) orgStart(s0, e int) (int, bool, bool) {
	l0 := s0
	for l0 > 0 && s0-l0 < maxOrgRunes {
		r := s.rs[l0-1]
		if isHan(r) && s.taken[l0-1] == 0 {
			l0--
			continue
		}
		if r == ')' {
			if q := s.parenOpen(l0 - 1); q > 0 && isHan(s.rs[q-1]) {
				l0 = q
				continue
			}
		}
		// A quoted campaign inside a name (市“三抓三促”行动领导小组);
		// orgAt keeps it only when an anchor starts the name.
		if r == '”' {
			if q := s.quoteOpen(l0 - 1); q > 0 && isHan(s.rs[q-1]) {
				l0 = q
				continue
			}
		}
		break
	}
	if s0-l0 >= maxOrgRunes {
		return 0, false, false
	}
	// A count (26家人力资源公司, 3所学校) is no name.
	if l0 > 0 && isDigit(s.rs[l0-1]) && s.runeIn(l0, counters) {
		return 0, false, false
	}
	l1 := l0
	// A leading group is named for its task, verbs and all, after its
	// place (甘肃省实施乡村振兴战略领导小组, 市推进地方债务化解工作领导小组).
	task := s.taskStart(l0, s0, e)
	for p := s0; p > l0; p-- {
		if s.endAt[p]&cBoundary == 0 {
			continue
		}
		if b := s.boundaryEnding(p, l0); b >= 0 {
			if task >= 0 && b >= task {
				p = b + 1
				continue
			}
			l1 = p
			break
		}
	}
	// A title ends the text before a name (市委书记王国斌受市委常委会…);
	// the titles that organizations hold (委员会, 院士工作站) do not, nor
	// a title right before the suffix, which names the members
	// (市书法家协会), nor one that starts inside a place (武威市长城…).
	for p := s0; p > l1; p-- {
		if s.endAt[p]&cTitle == 0 {
			continue
		}
		t := s.longestEnding(p, cTitle)
		if t < l1 || p-t < 2 || strings.Contains("委员常委院士专家", s.written(t, p)) {
			continue
		}
		if p == s0 && s.hasAt(s0, e, cInstitution) || s.covering(t, cKnownPlace|cProvince|cCity, t, p) {
			continue
		}
		l1 = p
		break
	}
	// A conjunction ends the name when it follows a whole organization or
	// a place, or comes before an anchor or the suffix itself (市委和市政府,
	// 中国曲协及省文联, 古浪和红砂岗…, …发展及侨联); 发展和改革委员会 stays.
	for p := s0 - 1; p > l1; p-- {
		r := s.rs[p]
		if r != '和' && r != '与' && r != '及' || s.covering(p, cKeep, -1, -1) {
			continue
		}
		if s.endAt[p]&(cOrg|cKnownPlace|cProvince|cCity) != 0 || s.anchorAt(p+1, p+1) || p+1 == s0 {
			l1 = p + 1
			break
		}
	}
	l1 = s.stripLeading(l1, s0)
	if l1 > 0 && isDigit(s.rs[l1-1]) {
		if s.runeIn(l1, counters) {
			return 0, false, false
		}
		if r := s.rs[l1]; r == '日' || r == '月' || r == '年' || r == '号' {
			l1 = s.stripLeading(l1+1, s0)
		}
	}
	l1 = s.stripSession(l1, s0)
	if l1 >= s0 {
		return s0, false, true
	}
	// Start again after an organization followed by an anchor, unless the
	// name is a branch of it (中国人民银行武威市分行).
	branch := s.longestEnding(e, cBranch) >= 0
	if !branch {
		for p := s0 - 1; p > l1; p-- {
			if s.endAt[p]&cOrg != 0 && s.anchorAt(p, l1) && s.orgEndsAt(p) {
				// 政协 alone before a place is the prefix of its
				// committee (政协武威市委员会), no organization of its own.
				if !s.unitOf(l1, p, s0, e) && !(s.hasAt(l1, p, cOrgPrefix) && e-s0 > 1) {
					l1 = p
				}
				break
			}
		}
	}
	// A place written twice, or a place above the one before it
	// (凉州区古城镇小河村武威市利昇…公司), starts a new name.
	seen := s.seenPlaces[:0]
	last := 0
	for p := l1; p < s0; p++ {
		if k := s.longestAt(p, cKnownPlace|cProvince|cCity); k > 0 && k <= s0 {
			lv := s.placeLevel(p, k)
			prev, dup := s.seenAt(seen, p, k)
			if dup || (last > 0 && lv > last) {
				l1 = p
				// with the prefix written before it (…中国共产党武威市…)
				if b := s.longestEnding(p, cOrgPrefix); b >= 0 && b > prev {
					l1 = b
				}
			}
			seen = append(seen, cand{p, k})
			last = lv
			p = k - 1
		}
	}
	s.seenPlaces = seen
	if s.anchorAt(l1, l1) {
		return l1, true, true
	}
	quoted := false
	for p := l1 + 1; p < s0; p++ {
		switch s.rs[p-1] {
		case '“':
			quoted = true
		case '”':
			quoted = false
		}
		if s.rs[p-1] == '(' || quoted {
			continue
		}
		if k := s.longestAt(p, anchorClass); k > s0 && k < e {
			continue // a word that runs into the suffix (团中央 of 集团中央厨房)
		} else if k > p+1 || s.anchorAt(p, l1) {
			if branch && s.orgEndsAt(p) {
				// The parent before the place (交通银行甘肃省分行).
				return l1, true, true
			}
			return p, true, true
		}
	}
	// Without an anchor a quotation opens the text before the name
	// (组建“天马蓝焰”美团志愿服务队): the name starts after it.
	for p := s0 - 1; p >= l1; p-- {
		if s.rs[p] == '”' {
			return p + 1, false, true
		}
	}
	return l1, false, true
}

// seenAt returns where the same place as runes [p, k) was last written
// among seen, the places orgStart has read, if it was.
func (s *scan) seenAt(seen []cand, p, k int) (int, bool) {
	for n := len(seen) - 1; n >= 0; n-- {
		if c := seen[n]; slices.Equal(s.rs[c.i:c.j], s.rs[p:k]) {
			return c.i, true
		}
	}
	return 0, false
}

// unitOf reports whether the name from p to the suffix [s0, e) is a unit
// of the organization written in runes [l1, p) (中国农业大学石羊河实验站,
// 中国科学院上海应用物理研究所): the unit is named by a place of its own,
// not written in the parent's name, and neither is an organ of a place
// (市委市政府, 武威市人民政府武威市中级人民法院 are two).
func (s *scan) unitOf(l1, p, s0, e int) bool {
	k := s.longestAt(p, cKnownPlace|cProvince|cCity)
	if k < p+2 || k > s0 || s.hasAt(s0, e, cOrgan) {
		return false
	}
	if ps := s.longestEnding(p, cOrg); ps < 0 || s.hasAt(ps, p, cOrgan) {
		return false
	}
	place := string(s.rs[p:k])
	return !strings.Contains(string(s.rs[l1:p]), place)
}

// clinicBefore returns where a hospital's name ends inside runes (i, s0)
// when the suffix [s0, e) names one of its departments (lexicon sections
// clinic and ward) and only the department's own words come between;
// else -1.
func (s *scan) clinicBefore(i, s0, e int) int {
	if !s.isWord(wards, s0, e) {
		return -1
	}
	for h := s0; h > i && s0-h <= 6; h-- {
		if s.endAt[h]&cOrg == 0 {
			continue
		}
		if h < s0 && s.orgEndsAt(h) && !s.clinicEndsAt(h) {
			return -1
		}
		if s.clinicEndsAt(h) {
			return h
		}
	}
	return -1
}

// deptBefore returns where an organization's name ends inside runes
// (i, s0) when the one-character suffix [s0, e) ends the name of one of
// its departments (lexicon section dept: 发展部, 技术部) and a title head
// follows; else -1. The departments of a party committee or a government
// (市委组织部, 省委统战部) are organizations of their own.
func (s *scan) deptBefore(i, s0, e int) int {
	if e-s0 != 1 || !s.isWord(depts, s0, e) || s.longestAt(e, cTitle) <= e {
		return -1
	}
	for h := s0 - 2; h >= s0-3 && h > i; h-- {
		if !s.orgEndsAt(h) || s.longestEnding(h, cOrg) < i {
			continue
		}
		if s.isWord(orgWords, h, e) || !deptParent(s.written(i, h)) {
			return -1
		}
		return h
	}
	return -1
}

// deptParent reports whether an organization named name keeps its
// departments inside titles: not a party committee or a government.
func deptParent(name string) bool {
	return !strings.HasSuffix(name, "委") && !strings.HasSuffix(name, "政府") && !strings.HasSuffix(name, "党组")
}

var depts, orgWords = newWordSet("dept"), newWordSet("org")

// clinicEndsAt reports whether the name of a hospital ends at p.
func (s *scan) clinicEndsAt(p int) bool {
	for c := range clinics.words {
		n := utf8.RuneCountInString(c)
		if p-n >= 0 && s.written(p-n, p) == c {
			return true
		}
	}
	return false
}

var clinics, wards, governing = newWordSet("clinic"), newWordSet("ward"), newWordSet("governing")

// taskVerbs and taskBodies are the lexicon's verbs that open a task and
// the suffixes of the bodies named for a task (领导小组, 指挥部).
var taskVerbs, taskBodies = newWordSet("taskverb"), newWordSet("taskbody")

// wordSet is the set of the words of a lexicon section, with bit r&63
// set in last for the last rune r of each: most texts the rules ask about
// end in a rune whose bit is clear, which answers without hashing them.
type wordSet struct {
	words map[string]bool
	last  uint64
}

func newWordSet(section string) wordSet {
	set := wordSet{words: map[string]bool{}}
	for _, w := range lex.words[section] {
		set.words[w] = true
		r, _ := utf8.DecodeLastRuneInString(w)
		set.last |= 1 << (uint32(r) & 63)
	}
	return set
}

// has reports whether w is a word of set.
func (set wordSet) has(w string) bool {
	r, _ := utf8.DecodeLastRuneInString(w)
	return set.last&(1<<(uint32(r)&63)) != 0 && set.words[w]
}

// isWord reports whether runes [i, j), Han characters, are a word of set
// (TestHanWordSets).
func (s *scan) isWord(set wordSet, i, j int) bool {
	return j > i && set.last&(1<<(uint32(s.rs[j-1])&63)) != 0 && set.words[s.written(i, j)]
}

// taskStart returns where the task of a body named for one starts: the
// first task verb in runes [lo, s0) right after a place, or -1 when the
// suffix [s0, e) is no such body's or no task verb follows a place.
func (s *scan) taskStart(lo, s0, e int) int {
	if !s.isWord(taskBodies, s0, e) {
		return -1
	}
	for b := lo + 1; b+2 <= s0; b++ {
		if s.isWord(taskVerbs, b, b+2) && s.placeEndsAt(b, lo) {
			return b
		}
	}
	return -1
}

// placeEndsAt reports whether a place ends at p, or a one-character
// administrative prefix that starts the text at lo, follows a boundary
// (市实施…) or completes a place (甘肃省).
func (s *scan) placeEndsAt(p, lo int) bool {
	if s.longestEnding(p, cKnownPlace|cProvince|cCity) >= 0 {
		return true
	}
	a := p - 1
	return a >= lo && s.hasAt(a, p, cAdmin) && (a == lo || s.endAt[a]&(cBoundary|cLeading|cProvince|cKnownPlace|cCity) != 0)
}

// placeLevel ranks the place written in runes [i, j) by its last
// character: village 1, town 2, county 3, city 4, province 5; 0 when
// unknown.
func (s *scan) placeLevel(i, j int) int {
	if s.hasAt(i, j, cProvince) {
		if s.hasAt(i, j, cCity) {
			return 4
		}
		return 5
	}
	if s.hasAt(i, j, cCity) {
		return 4
	}
	switch s.rs[j-1] {
	case '村':
		return 1
	case '镇', '乡':
		return 2
	case '县', '区', '旗':
		return 3
	case '市', '州', '盟':
		return 4
	case '省':
		return 5
	}
	return 0
}

// anchorEnd returns where the anchors that start a name at i end: a chain
// of places and prefixes (甘肃省武威, 中共武威市), so that what is left
// before the suffix is the name's own core.
func (s *scan) anchorEnd(i, limit int) int {
	for i < limit {
		k := s.longestAt(i, anchorClass|cAdmin)
		if k < 0 || k > limit {
			break
		}
		i = k
	}
	return i
}

// brandFirst reports whether a name without an anchor starts with its
// own word (莱沃科技, 苏氏集团) rather than a generic word or a verb
// (配套建设旅客服务中心), and holds no clause word inside.
func (s *scan) brandFirst(i, j int) bool {
	if !s.brandStart(i, j) {
		return false
	}
	for p := i + 1; p < j; p++ {
		if k := s.longestAt(p, cLeading|cBoundary); k > p+1 && k <= j && !s.covering(p, cKeep, -1, -1) {
			return false
		}
	}
	return true
}

// boundaryEnding reports the start of a boundary word ending at p and
// starting at or after lo, or -1; a boundary inside a word that belongs
// in names (经济, 对外, 和平) or inside an anchor does not count, nor does
// 和, 与, 及 (发展和改革委员会), which orgStart judges on its own.
func (s *scan) boundaryEnding(p, lo int) int {
	for a := max(lo, p-s.reach); a < p; a++ {
		if !s.hasAt(a, p, cBoundary) {
			continue
		}
		if p-a == 1 {
			r := s.rs[a]
			if r == '和' || r == '与' || r == '及' {
				continue
			}
			// 向, 对, 为 … inside a name that an anchor starts
			// (甘肃潮讯志向新能源科技有限公司).
			if strings.ContainsRune("向经于同至由", r) && s.anchorBefore(a, lo) {
				continue
			}
		}
		if s.covering(a, cKeep|anchorClass, a, p) || s.covering(p-1, cKeep|anchorClass, a, p) {
			continue
		}
		return a
	}
	return -1
}

// conjInside reports whether runes [i, j) hold a conjunction: a name
// without an anchor has none (法治宣传教育和执法队).
func (s *scan) conjInside(i, j int) bool {
	for p := i; p < j; p++ {
		if r := s.rs[p]; r == '和' || r == '与' || r == '及' {
			return !s.covering(p, cKeep, -1, -1)
		}
	}
	return false
}

// anyGeneric reports whether a generic word starts anywhere in runes
// [i, j).
func (s *scan) anyGeneric(i, j int) bool {
	for p := i; p < j; p++ {
		if k := s.longestAt(p, cGeneric); k > p && k <= j {
			return true
		}
	}
	return false
}

// brandStart reports whether runes [i, j) start with a word of their own
// rather than a generic word or a verb.
func (s *scan) brandStart(i, j int) bool {
	k := s.longestAt(i, cGeneric|cLeading|cBoundary)
	return !(k > i && k <= j)
}

// anchorBefore reports whether a multi-character anchor starts in
// runes [lo, p) with no boundary word after it.
func (s *scan) anchorBefore(p, lo int) bool {
	for q := p - 1; q >= lo; q-- {
		if s.longestAt(q, anchorClass) > q+1 {
			return true
		}
		if s.endAt[q+1]&cBoundary != 0 && s.longestEnding(q+1, cBoundary) < q {
			return false
		}
	}
	return false
}

// stripLeading skips words at i that open a clause but no name (同日,
// 积极, 重点), unless a longer anchor starts there (全国 before 全).
func (s *scan) stripLeading(i, limit int) int {
	for i < limit {
		k := s.longestAt(i, cLeading)
		if k < 0 || k >= limit || s.longestAt(i, anchorClass|cGeneric|cOrg|cProject|cKeep) > k || s.longestAt(i, anchorClass) == k {
			break
		}
		i = k
	}
	return i
}

// anchorAt reports whether an anchor starts at p. A one-character
// administrative prefix (市, 省, 县) counts only at the left edge lo, after
// punctuation or after a word that ends names (an organization, a verb),
// and not in words such as 市级, 市直, 县区, 市场.
func (s *scan) anchorAt(p, lo int) bool {
	if s.longestAt(p, anchorClass) > p {
		return true
	}
	if !s.hasAt(p, p+1, cAdmin) && !s.hasAt(p, p+3, cAdmin) {
		return false
	}
	if p != lo && p > 0 && isHan(s.rs[p-1]) && s.endAt[p]&(cBoundary|cLeading|cTitle) == 0 && !s.strongOrgEnd(p) {
		return false
	}
	if p+1 >= len(s.rs) || s.endAt[p+1]&cNotAdmin != 0 && s.longestEnding(p+1, cNotAdmin) < p {
		return false
	}
	if s.rs[p+1] == '市' && p+2 < len(s.rs) && s.rs[p+2] == '场' {
		return true // 省市场监督管理局
	}
	// 市民, 市乡, 市城, 市外 and 市区 are words (citizens, city and
	// township, outside the city …), but 市民政局, 市民族宗教事务委员会,
	// 市乡村振兴局, 市城市管理执法局, 市外事办 and 市区域…中心 are organs
	// of the city.
	if p+2 < len(s.rs) {
		switch next, then := s.rs[p+1], s.rs[p+2]; {
		case next == '民' && strings.ContainsRune("政族宗", then), next == '乡' && then == '村',
			next == '城' && then == '市', next == '外' && strings.ContainsRune("国事办", then), next == '区' && then == '域':
			return true
		}
	}
	switch s.rs[p+1] {
	case '(', '级', '直', '属', '场', '民', '内', '外', '域', '城', '乡', '镇', '情', '况', '长', '县', '区', '市', '省', '州', '里', '面', '容', '貌', '值', '郊', '际', '辖', '列', '管', '重':
		return false
	}
	return true
}

// strongOrgEnd reports whether a whole organization ends at p: a
// multi-character suffix (政府, 委员会) or a city organ's 委 (市委).
func (s *scan) strongOrgEnd(p int) bool {
	s0 := s.longestEnding(p, cOrg)
	if s0 < 0 || !s.orgEndsAt(p) {
		return false
	}
	if !s.hasAt(s0, p, cOrgWeak) {
		return true
	}
	return p-s0 == 1 && s.rs[s0] == '委' && s.endAt[s0]&cAdmin != 0
}

// orgEndsAt reports whether an organization suffix ends at p that is not
// part of an ordinary word.
func (s *scan) orgEndsAt(p int) bool {
	s0 := s.longestEnding(p, cOrg)
	return s0 >= 0 && !s.covering(p-1, cNotOrg, s0, p)
}

// allGeneric reports whether runes [i, j) are covered by generic words
// (人力资源, 党群服务) and conjunctions, so that they name no one.
func (s *scan) allGeneric(i, j int) bool {
	p := i
	for p < j {
		if r := s.rs[p]; r == '和' || r == '与' || r == '及' || r == '、' {
			p++
			continue
		}
		k := s.longestAt(p, cGeneric|cLeading)
		if k < 0 || k > j {
			// Allow a generic word that runs into the suffix (服务中心).
			if k2 := s.longestAt(p, cGeneric); k2 > j {
				return true
			}
			return false
		}
		p = k
	}
	return true
}

// sessionInside reports whether runes [i, j) hold a session number: a
// meeting (四届六次全委) is no organization, and a name after an
// organization's session (…青年联合会第三届委员会) is that organization,
// found on its own. A committee named with its term (中国共产党武威市第五届
// 委员会) stays.
func (s *scan) sessionInside(i, j, e int) bool {
	for p := i; p < j; p++ {
		q := p
		if s.rs[q] == '第' {
			q++
		}
		k := q
		for k < j && isNumeral(s.rs[k]) {
			k++
		}
		if k == q || k >= j {
			continue
		}
		switch s.rs[k] {
		case '次':
			return true
		case '届':
			if s.orgEndsAt(p) || s.rs[e-1] != '会' {
				return true
			}
		}
	}
	return false
}

// stripSession skips a term written before a name (五届市政府 →
// 市政府).
func (s *scan) stripSession(i, limit int) int {
	q := i
	if q < limit && s.rs[q] == '第' {
		q++
	}
	k := q
	for k < limit && isNumeral(s.rs[k]) {
		k++
	}
	if k > q && k+1 < limit && s.rs[k] == '届' {
		return k + 1
	}
	return i
}

// ordinalAt reports whether an ordinal starts at p (第二次, 第三届).
func (s *scan) ordinalAt(p int) bool {
	return p+1 < len(s.rs) && s.rs[p] == '第' && isNumeral(s.rs[p+1])
}

func isNumeral(r rune) bool {
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '百', '零':
		return true
	}
	return isDigit(r)
}

// balanced reports whether the parentheses and the quotes of runes
// [i, j) pair up.
func (s *scan) balanced(i, j int) bool {
	depth, quote := 0, 0
	for p := i; p < j; p++ {
		switch s.rs[p] {
		case '(':
			depth++
		case ')':
			if depth--; depth < 0 {
				return false
			}
		case '“':
			quote++
		case '”':
			if quote--; quote < 0 {
				return false
			}
		}
	}
	return depth == 0 && quote == 0
}

// quoteIn reports whether runes [i, j) hold a quotation mark.
func (s *scan) quoteIn(i, j int) bool {
	for p := i; p < j; p++ {
		if s.rs[p] == '“' || s.rs[p] == '”' {
			return true
		}
	}
	return false
}

// quoteOpen returns the index of the “ that opens the ” at p, when the
// quotation holds a short Han text (a campaign's name), or -1.
func (s *scan) quoteOpen(p int) int {
	return s.openBefore(p, '“', 10, func(r rune) bool { return isHan(r) || isDigit(r) || r == '·' })
}

// parenOpen returns the index of the ( that opens the ) at p, when the
// parenthesis holds a short Han text, or -1.
func (s *scan) parenOpen(p int) int { return s.openBefore(p, '(', 12, isHan) }

// openBefore returns the index of the open mark that opens the closing
// mark at p, when at most max runes that all satisfy inside lie between
// them (and at least one), or -1.
func (s *scan) openBefore(p int, open rune, max int, inside func(rune) bool) int {
	for q := p - 1; q >= 0 && q >= p-max; q-- {
		switch r := s.rs[q]; {
		case r == open:
			if q < p-1 {
				return q
			}
			return -1
		case !inside(r):
			return -1
		}
	}
	return -1
}

// parenAfter extends an organization ending at e over a parenthesis that
// names it again (武威医学科学院（肿瘤医院）, 市委党校（行政学院）).
func (s *scan) parenAfter(e int) int {
	if e >= len(s.rs) || s.rs[e] != '(' {
		return e
	}
	for q := e + 1; q < len(s.rs) && q <= e+12; q++ {
		r := s.rs[q]
		if r == ')' {
			if q > e+2 && s.endAt[q]&cOrg != 0 && !s.hasAt(e+1, e+2, cAdmin) && s.free(e+1, q) && s.longestAt(e+1, cBoundary|cLeading) < 0 {
				return q + 1
			}
			return e
		}
		if !isHan(r) {
			return e
		}
	}
	return e
}
