package roster

import (
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yearbookkg/kg/loaders/textnorm"
)

// unitName is a roster unit as written, taken apart: the name, the other
// names of the same unit given in parentheses at its end, and the notes
// about the unit itself.
type unitName struct {
	name      string
	aliases   []string // from the parentheses, qualified (研究室 → 市人大常委会研究室)
	dissolved string   // YYYY-MM when a note says the unit was abolished
	note      string   // any other note about the unit
}

var reNoteMonth = regexp.MustCompile(`(\d{4})年(?:(\d{1,2})月)?`)

// unitActs are the acts a note about a unit names (2023 年 2 月撤销).
var unitActs = []string{"撤销", "整合", "组建", "更名", "成立", "合并", "加挂", "挂牌", "划转", "划入"}

// unitNote reports whether the text c of a unit's parenthesis is a note
// about the unit: it holds a year (four digits and 年) or one of
// unitActs. It is the regexp \d{4}年|撤销|整合|… (TestUnitNote), without
// the regexp's attempt at every position of the text.
func unitNote(c string) bool {
	for i := 0; i < len(c); {
		k := strings.Index(c[i:], "年")
		if k < 0 {
			break
		}
		if at := i + k; at >= 4 && textnorm.AllDigits(c[at-4:at]) {
			return true
		}
		i += k + len("年")
	}
	return textnorm.ContainsAny(c, unitActs...)
}

// readUnit takes apart the unit text s. Parentheses at the end are read
// from the last one back: a note with a date or an act (2023 年 2 月撤销,
// 2023 年 5 月整合…) is a note; a list of items that each end like a unit
// name (局, 办公室, 中心, 院 …) and are at least three characters long gives
// aliases (市委办公室（市档案局）); anything else is part of the name, as
// are parentheses inside it (甘肃（武威）国际陆港管委会,
// 市文化旅游发展（集团）股份有限公司).
func readUnit(s string) unitName {
	c := compact(s)
	if !strings.HasSuffix(c, "）") {
		return unitName{name: c} // most units: no parenthesis to read
	}
	r := []rune(c)
	var u unitName
	var notes, aliases []string
	for len(r) > 0 && r[len(r)-1] == '）' {
		open := matchingOpen(r, len(r)-1)
		if open <= 0 {
			break
		}
		c := string(r[open+1 : len(r)-1])
		head := r[:open]
		if unitNote(c) {
			if d := dissolvedOn(c, string(head)); d != "" {
				u.dissolved = d
			} else {
				notes = append([]string{c}, notes...)
			}
			r = head
			continue
		}
		items := strings.Split(c, "、")
		ok := true
		for _, it := range items {
			if !isUnitLike(it) {
				ok = false
			}
		}
		if !ok {
			break
		}
		aliases = append(items, aliases...)
		r = head
	}
	u.name = string(r)
	for _, a := range aliases {
		u.aliases = append(u.aliases, qualify(a, u.name))
	}
	u.note = strings.Join(notes, "；")
	return u
}

// matchingOpen returns the index of the （ that the ） at r[j] closes.
func matchingOpen(r []rune, j int) int {
	depth := 0
	for i := j; i >= 0; i-- {
		switch r[i] {
		case '）':
			depth++
		case '（':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// dissolvedOn returns the month of the unit note c when it says that the
// unit itself was abolished: 2023 年 2 月撤销, or …撤销<the unit's name>.
func dissolvedOn(c, unit string) string {
	i := strings.LastIndex(c, "撤销")
	if i < 0 {
		return ""
	}
	what := c[i+len("撤销"):]
	if j := strings.IndexAny(what, "，。；,"); j >= 0 {
		what = what[:j]
	}
	if what != "" && !sameUnit(what, unit) {
		return ""
	}
	m := reNoteMonth.FindStringSubmatch(c)
	if m == nil {
		return ""
	}
	if m[2] == "" {
		return m[1]
	}
	return m[1] + "-" + pad2(m[2])
}

// sameUnit reports whether a and b name the same unit once a leading
// place (武威市, 市) is ignored: 武威市卫生计生委综合监督执法局 and
// 市卫生计生委综合监督执法局.
func sameUnit(a, b string) bool {
	a, b = textnorm.Key(a), textnorm.Key(b)
	if a == b {
		return true
	}
	if len(a) < len(b) {
		a, b = b, a
	}
	b = strings.TrimPrefix(b, "市")
	return strings.HasSuffix(a, b) && utf8.RuneCountInString(b) >= 4
}

// isUnitLike reports whether s ends like the name of a unit and is long
// enough to be one by itself (not 集团 or 公司 alone).
func isUnitLike(s string) bool {
	if utf8.RuneCountInString(s) < 3 {
		return false
	}
	for _, suf := range orgSuffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// organMarkers end the part of a unit name that names its parent body
// (市人大常委会 of 市人大常委会办公室); a relative alias (研究室) is read
// under it.
var organMarkers = []string{"人大常委会", "人民政府", "政府", "政协", "市委", "县委", "区委", "党委"}

// qualify gives a relative alias the body of the unit's name: the
// 研究室 of 市人大常委会办公室（研究室） is 市人大常委会研究室. Aliases that
// name their own place or level (市…, 甘肃…, 国家…) are kept as written, as
// are those for which the unit's name has no body to borrow (民间商会).
func qualify(alias, name string) string {
	if absolute(alias) {
		return alias
	}
	best := -1
	for _, m := range organMarkers {
		if i := strings.LastIndex(name, m); i >= 0 && i+len(m) > best {
			best = i + len(m)
		}
	}
	if best <= 0 || best >= len(name) {
		return alias
	}
	return name[:best] + alias
}

// absolute reports whether an alias names its place or level itself.
func absolute(a string) bool {
	if textnorm.HasAnyPrefix(a, "市", "县", "区", "省", "中共", "中国", "国家", "共青团", "全国") {
		return true
	}
	r := []rune(a)
	for i := 1; i < len(r) && i < 6; i++ {
		if strings.ContainsRune("省市县区州旗盟", r[i]) {
			return true
		}
	}
	return false
}

// cityNames holds the names of the city's leading bodies that forms
// looks for: they depend on the city only, and the roster builds them
// once instead of once a unit name.
type cityNames struct {
	city, c string     // the city, and the city with 市
	groups  [][]string // the forms of one body, the short form last
}

func newCityNames(city string) *cityNames {
	c := city + "市"
	return &cityNames{city: city, c: c, groups: [][]string{
		{"中国共产党" + c + "委员会", "中共" + c + "委员会", "中共" + c + "委", "市委"},
		{"中国人民政治协商会议" + c + "委员会", "政协" + c + "委员会", c + "政协", "市政协"},
		{"共青团" + c + "委员会", "共青团" + c + "委", "团市委"},
	}}
}

// forms returns the other usual forms of a unit name of the city of cn:
// the short form of a full name (武威市人民代表大会常务委员会 → 市人大常委会,
// 中共武威市委员会 → 市委) and the full form of a short one (市委办公室 →
// 中共武威市委办公室, 市信访局 → 武威市信访局), and for county units the
// forms with 中共 and 人民政府 (凉州区委 → 中共凉州区委).
//
// The forms are gathered in one slice, sized for the most a name has, and
// made unique in place: forms runs for every unit line of the roster.
func (cn *cityNames) forms(name string) []string {
	out := make([]string, 0, 8)
	add := func(s ...string) { out = append(out, s...) }
	city, c, groups := cn.city, cn.c, cn.groups
	grouped := false
	if city != "" {
	group:
		for _, g := range groups {
			for _, p := range g {
				if !strings.HasPrefix(name, p) {
					continue
				}
				rest := name[len(p):]
				if p == "市委" && strings.HasPrefix(rest, "员会") {
					continue
				}
				grouped = true
				if rest == "" {
					for _, o := range g {
						if o != p {
							add(o)
						}
					}
				} else if p != g[2] {
					// The committee's own offices: 市委办公室 → 中共武威市委办公室.
					add(g[2] + rest)
				}
				break group
			}
		}
		if !grouped {
			switch {
			case strings.HasPrefix(name, c):
				add("市" + name[len(c):])
			case strings.HasPrefix(name, "市") && runeLen(name) > 2:
				add(c + name[len("市"):])
			}
		}
	}
	for _, p := range partyShort {
		if rest, ok := strings.CutPrefix(name, p[0]); ok {
			add(p[1] + rest)
			if city != "" && rest == c+"委员会" {
				add(p[1] + c + "委")
			}
		}
	}
	// County bodies (凉州区委, 凉州区人大常委会, 凉州区政府, 凉州区政协).
	if place, body := countyBody(name); body != "" {
		switch body {
		case "委":
			add("中共"+name, "中共"+place+"委员会")
		case "人大常委会":
			add(place + "人民代表大会常务委员会")
		case "政府":
			add(place + "人民政府")
		case "政协":
			add("中国人民政治协商会议"+place+"委员会", "政协"+place+"委员会")
		}
	}
	// Short forms of everything so far: 人民代表大会常务委员会 → 人大常委会.
	abbreviate := func(f string) {
		for _, ab := range abbreviations {
			if strings.Contains(f, ab[0]) {
				add(strings.Replace(f, ab[0], ab[1], 1))
				break
			}
		}
	}
	n := len(out)
	abbreviate(name)
	for _, f := range out[:n] {
		abbreviate(f)
	}
	uniq := out[:0]
	for _, f := range out {
		if f != name && !slices.Contains(uniq, f) {
			uniq = append(uniq, f)
		}
	}
	if len(uniq) == 0 {
		return nil // as always for a name without other forms
	}
	return uniq
}

// countyBodies are the bodies of a county that countyBody reads, each
// told by its last character.
var countyBodies = []string{"委", "人大常委会", "政府", "政协"}

// countyBody takes apart the name of a county's body (凉州区委, 古浪县政府):
// one to eight Han characters, then 县, 区 or 旗, then one of
// countyBodies. It returns "" as body for any other name. No two bodies
// end alike, so the name's end says which one to try: this is the regexp
// ^(\p{Han}{1,8}[县区旗])(委|人大常委会|政府|政协)$ (TestCountyBody) at
// the cost of a few comparisons for the unit names that are none.
func countyBody(name string) (place, body string) {
	for _, b := range countyBodies {
		if !strings.HasSuffix(name, b) {
			continue
		}
		place = name[:len(name)-len(b)]
		r := []rune(place)
		if len(r) < 2 || len(r) > 9 || !strings.ContainsRune("县区旗", r[len(r)-1]) {
			return "", ""
		}
		for _, c := range r[:len(r)-1] {
			if !textnorm.IsHan(c) {
				return "", ""
			}
		}
		return place, b
	}
	return "", ""
}
