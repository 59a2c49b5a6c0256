package places

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/segment"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// Units the counts of a 辖… sentence or of the statistical table refer to.
const (
	unitTowns       = "镇"
	unitTownships   = "乡"
	unitTownTotal   = "乡镇"
	unitSubdistrict = "街道"
	unitVillages    = "村"
	unitCommunities = "社区"
	unitCounties    = "县区"
)

// unitCount is one count a source states: owner holds n units.
type unitCount struct {
	owner string // key of the city or county
	unit  string
	n     int
	line  int
	table bool
}

// admin reads the province, city, counties and the towns of each county.
func (b *builder) admin() {
	cityName := b.d.City
	if cityName != "" && !textnorm.HasAnySuffix(cityName, "市", "州", "盟", "地区") {
		cityName += "市"
	}
	cityText := b.cityDivisions(cityName)
	if cityText == nil {
		// The city of the 辖 sentence, when the document's city guess
		// (from banners or 〈XX〉市 frequency) does not find it.
		if name, p := b.anyCityDivisions(); p != nil {
			cityName, cityText = name, p
		}
	}
	if cityName == "" {
		return
	}
	var citySrc kg.Source
	if cityText != nil {
		citySrc = b.src(*cityText, strings.Index(cityText.Text, cityName))
	} else {
		citySrc = b.firstMention(cityName)
	}
	_, bare := shortForms(cityName)
	b.city = b.add(cityName, City, citySrc, bare)
	b.findProvince(cityName)

	if cityText != nil {
		b.readDivisions(*cityText, b.city, true)
	} else {
		b.diag(0, CodeListUnparsed, "no city-level 行政区划 topic: counties taken from the county chapter")
	}
	b.countyChapter()
	for _, c := range b.counties {
		sec, ok := b.countySection[c.Key]
		if !ok {
			continue
		}
		for _, p := range b.texts {
			if p.topic == nil || p.topic.Start < sec[0] || p.topic.Start > sec[1] || !divisionTopic(p.topic.Title) {
				continue
			}
			b.readDivisions(p, c, false)
		}
	}
	b.readTable()
	b.checkCounts()
}

// divisionTopic reports whether a county entry's topic may list its towns.
func divisionTopic(title string) bool {
	return strings.Contains(title, "区划") || strings.Contains(title, "政区") || title == "概况" || strings.Contains(title, "建制")
}

// cityDivisions returns the text of the city-level 【行政区划】 topic: a
// topic about divisions whose text says the city 辖 its counties.
func (b *builder) cityDivisions(cityName string) *passage {
	for i := range b.texts {
		p := &b.texts[i]
		if p.topic == nil || !(strings.Contains(p.topic.Title, "区划") || strings.Contains(p.topic.Title, "政区")) {
			continue
		}
		if cityName != "" && strings.Contains(p.Text, cityName+"辖") {
			return p
		}
	}
	return nil
}

var reCityRules = regexp.MustCompile(`(\p{Han}{2,3}(?:市|州|盟))辖`)

// anyCityDivisions returns the city and text of the first topic about
// divisions whose text says some city 辖 its counties.
func (b *builder) anyCityDivisions() (string, *passage) {
	for i := range b.texts {
		p := &b.texts[i]
		if p.topic == nil || !(strings.Contains(p.topic.Title, "区划") || strings.Contains(p.topic.Title, "政区")) {
			continue
		}
		if m := reCityRules.FindStringSubmatch(p.Text); m != nil && strings.HasPrefix(p.Text, m[1]) {
			return m[1], p
		}
	}
	return "", nil
}

// findProvince finds the province of the city: from the national data, or
// else the province the text names most.
func (b *builder) findProvince(cityName string) {
	prov := provinceOf[cityName]
	if prov == "" {
		best := 0
		for _, pv := range provinces {
			if n := b.wordCount(pv); n > best {
				prov, best = pv, n
			}
		}
	}
	if prov == "" {
		return
	}
	// The source: a sentence that places the city in the province
	// (武威市地处甘肃省中部), else the first mention of the province.
	if k, i := b.placedIn(cityName, cityName+"地处"+prov, cityName+"位于"+prov); k >= 0 {
		p := b.texts[k]
		src := b.src(p, i)
		_, bare := shortForms(prov)
		b.province = b.add(prov, Province, src, bare)
		b.partOf(b.city, b.province, src, p.scope)
		return
	}
	src := b.firstMention(prov)
	if src.Line == 0 {
		return
	}
	_, bare := shortForms(prov)
	b.province = b.add(prov, Province, src, bare)
	b.partOf(b.city, b.province, src, 0)
}

// placedIn returns the passage k and byte i of the first occurrence of
// one of sentences, which start with the city's name: in the first
// passage that holds any, the first occurrence of the first of sentences
// it holds; k is -1 for none. It reads the text only where the city's
// name occurs (wordAt), each occurrence for the sentences ranked before
// the one found so far.
func (b *builder) placedIn(cityName string, sentences ...string) (k, i int) {
	k, i = -1, -1
	rank := len(sentences) // the rank of the sentence at i
	for j, off := range b.wordAt(cityName) {
		if k >= 0 && j != k {
			break // past the passage found
		}
		for n, w := range sentences[:rank] {
			if strings.HasPrefix(b.texts[j].Text[off:], w) {
				k, i, rank = j, off, n
				break
			}
		}
	}
	return k, i
}

// firstMention returns the source of the first occurrence of s in the
// running text, or a zero Source.
func (b *builder) firstMention(s string) kg.Source {
	for k, i := range b.wordAt(s) {
		return b.src(b.texts[k], i)
	}
	return kg.Source{}
}

// countyChapter finds the county entries: the sections, in one part, whose
// titles name the city's counties (or, when the city list is missing,
// county-like names), and adds counties not yet known.
func (b *builder) countyChapter() {
	var best *segment.Part
	bestN := 0
	for _, pt := range b.d.Parts {
		n := 0
		for _, s := range pt.Sections {
			if b.countyOfTitle(s.Title) != nil || (len(b.counties) == 0 && countyLike(s.Title)) {
				n++
			}
		}
		if n > bestN {
			best, bestN = pt, n
		}
	}
	if best == nil || bestN < 2 {
		return
	}
	for _, s := range best.Sections {
		c := b.countyOfTitle(s.Title)
		if c == nil && len(b.counties) == 0 && countyLike(s.Title) {
			src := b.d.LineSource(b.yb, s.Start)
			c = b.county(s.Title, src)
			if b.city != nil {
				b.partOf(c, b.city, src, 0)
			}
		}
		if c != nil {
			b.countySection[c.Key] = [2]int{s.Start, s.End}
		}
	}
}

// countyLike reports whether a section title looks like a county's name.
func countyLike(title string) bool {
	n := hanLen(title)
	return n >= 2 && n <= 12 && textnorm.HasAnySuffix(title, "县", "区", "旗") && !textnorm.ContainsAny(title, "园区", "开发区", "新区", "示范区", "工业", "景区")
}

// countyOfTitle returns the known county a section title names.
func (b *builder) countyOfTitle(title string) *kg.Entity {
	return b.countyIndex()[textnorm.Key(title)]
}

// countyIndex maps the keys of the counties' names and aliases to the
// first county that bears them, as countyOfTitle would find it by a walk
// of the counties. It is rebuilt when the counties or their aliases have
// changed since it was built.
func (b *builder) countyIndex() map[string]*kg.Entity {
	n := len(b.counties)
	for _, c := range b.counties {
		n += len(c.Aliases)
	}
	if b.countyIdx != nil && n == b.countyIdxForms && len(b.counties) == b.countyIdxN {
		return b.countyIdx
	}
	idx := make(map[string]*kg.Entity, n)
	for _, c := range b.counties {
		if _, ok := idx[c.Key]; !ok {
			idx[c.Key] = c
		}
		for _, a := range c.Aliases {
			if k := textnorm.Key(a); idx[k] == nil {
				idx[k] = c
			}
		}
	}
	b.countyIdx, b.countyIdxForms, b.countyIdxN = idx, n, len(b.counties)
	return idx
}

// county adds a county-level unit with its short forms as aliases.
func (b *builder) county(name string, src kg.Source) *kg.Entity {
	typ := County
	switch {
	case strings.HasSuffix(name, "区"):
		typ = District
	case strings.HasSuffix(name, "市"):
		typ = City
	}
	short, bare := shortForms(name)
	e := b.add(name, typ, src, short, bare)
	for _, c := range b.counties {
		if c == e {
			return e
		}
	}
	b.counties = append(b.counties, e)
	return e
}

var (
	countNoun = []string{"街道办事处", "城市社区", "居民委员会", "村民委员会", "村民小组", "行政村", "街道", "乡镇", "社区", "镇", "乡", "村", "县", "区", "市"}
	// listTrim are the words between one group of a 辖 sentence and the next.
	listTrim = []string{"共有", "共辖", "下辖", "全县辖", "全区辖", "全市辖", "辖", "共", "有", "和", "及", "以及", "，", "、", "（", "）", "(", ")", "；"}
)

// group is one run of names and the count that closes it (张义镇、…柏树镇
// 37 个镇), or a bare count (18 个镇).
type group struct {
	items  []string
	offs   []int
	counts []count
}

type count struct {
	n    int
	noun string
	off  int
}

// readDivisions reads the 辖… sentence of a city or county topic: the
// units owner holds, by name and by count.
func (b *builder) readDivisions(p passage, owner *kg.Entity, city bool) {
	i := strings.Index(p.Text, "辖")
	if i < 0 {
		if !city {
			return
		}
		b.diag(p.Start, CodeListUnparsed, "the 行政区划 topic has no 辖… sentence")
		return
	}
	start := i + len("辖")
	end := len(p.Text)
	if j := strings.Index(p.Text[start:], "。"); j >= 0 {
		end = start + j
	}
	groups := parseGroups(p.Text, start, end)
	if len(groups) == 0 {
		b.diag(p.Line(start), CodeListUnparsed, "辖 sentence without counts: "+clip(p.Text[start:end]))
		return
	}
	var towns, townships int
	haveTowns, haveTownships := false, false
	for _, g := range groups {
		b.readGroup(p, owner, city, g)
		for _, c := range g.counts {
			unit := unitOf(c.noun)
			if unit == "" {
				continue
			}
			b.counts = append(b.counts, unitCount{owner: owner.Key, unit: unit, n: c.n, line: p.Line(c.off)})
			switch unit {
			case unitTowns:
				towns, haveTowns = towns+c.n, true
			case unitTownships:
				townships, haveTownships = townships+c.n, true
			case unitTownTotal:
				if haveTowns && haveTownships && towns+townships != c.n && !city {
					b.diag(p.Line(c.off), CodeCountMismatch, fmt.Sprintf("%s: %d 镇 and %d 乡 listed, but the total says %d 乡镇", owner.Name, towns, townships, c.n))
				}
			}
		}
	}
	if !city && haveTowns && haveTownships && !hasUnit(groups, unitTownTotal) {
		b.counts = append(b.counts, unitCount{owner: owner.Key, unit: unitTownTotal, n: towns + townships, line: p.Line(start)})
	}
	if !city && haveTowns && !haveTownships && !hasUnit(groups, unitTownTotal) {
		b.counts = append(b.counts, unitCount{owner: owner.Key, unit: unitTownTotal, n: towns, line: p.Line(start)})
	}
}

func hasUnit(groups []group, unit string) bool {
	for _, g := range groups {
		for _, c := range g.counts {
			if unitOf(c.noun) == unit {
				return true
			}
		}
	}
	return false
}

// unitOf maps a count noun to its unit.
func unitOf(noun string) string {
	switch noun {
	case "镇":
		return unitTowns
	case "乡":
		return unitTownships
	case "乡镇":
		return unitTownTotal
	case "街道", "街道办事处":
		return unitSubdistrict
	case "村", "行政村", "村民委员会":
		return unitVillages
	case "社区", "城市社区", "居民委员会":
		return unitCommunities
	case "县", "区", "市":
		return unitCounties
	}
	return ""
}

// parseGroups splits text[start:end] into groups of names closed by counts.
func parseGroups(text string, start, end int) []group {
	var groups []group
	segStart := start
	var cur *group
	for i := start; i < end; {
		if num, numLen := countAt(text[i:end]); num > 0 && (i == start || !isDigit(runeBefore(text, i))) {
			numEnd := i + numLen
			n := textnorm.Number(text[i : i+num])
			noun := ""
			for _, cn := range countNoun {
				if strings.HasPrefix(text[numEnd:end], cn) {
					noun = cn
					break
				}
			}
			ascii := text[i] >= '0' && text[i] <= '9'
			if noun == "" && ascii && numLen > num {
				// 2 个生态建设指挥部: any noun after 个, up to punctuation.
				j := numEnd
				for j < end {
					r, size := textnorm.DecodeRuneAt(text, j)
					if !textnorm.IsHan(r) || r == '和' || r == '共' || hanLen(text[numEnd:j]) >= 10 {
						break
					}
					j += size
				}
				if j > numEnd {
					noun = text[numEnd:j]
				}
			}
			if noun != "" && n > 0 {
				seg := trimList(text[segStart:i])
				if seg != "" || cur == nil {
					groups = append(groups, group{})
					cur = &groups[len(groups)-1]
					if seg != "" {
						off := segStart + strings.Index(text[segStart:i], seg)
						cur.items, cur.offs = splitItems(seg, off)
					}
				}
				cur.counts = append(cur.counts, count{n: n, noun: noun, off: i})
				i = numEnd + len(noun)
				segStart = i
				// A bare count after names closes that group; the next
				// names start a new one.
				if r := runeAt(text, i); r != 0 && !isDigit(r) && !strings.ContainsRune("一二两三四五六七八九十百", r) {
					cur = nil
				}
				continue
			}
		}
		_, size := textnorm.DecodeRuneAt(text, i)
		i += size
	}
	return groups
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// listNumerals are the Chinese numerals of a count in a 辖 sentence.
var listNumerals = runesOf("一二两三四五六七八九十百")

// countAt reads the count that starts s, as the regexp
// ^(\d+|[一二两三四五六七八九十百]+)(个)? does: a run of ASCII digits, or
// else of Chinese numerals, and the 个 after it. num is the length of
// the numerals in bytes (0 for none), and n that of the count with its 个.
func countAt(s string) (num, n int) {
	if s != "" && isDigit(rune(s[0])) {
		for num < len(s) && isDigit(rune(s[num])) {
			num++
		}
	} else {
		for num < len(s) {
			r, size := textnorm.DecodeRuneAt(s, num)
			if !listNumerals.holds(r) {
				break
			}
			num += size
		}
	}
	if n = num; num > 0 && strings.HasPrefix(s[num:], "个") {
		n += len("个")
	}
	return num, n
}

// trimList strips the connecting words around a run of names.
func trimList(s string) string {
	for changed := true; changed; {
		changed = false
		for _, w := range listTrim {
			if strings.HasPrefix(s, w) {
				s, changed = s[len(w):], true
			}
			if strings.HasSuffix(s, w) && w != "和" && w != "有" {
				s, changed = s[:len(s)-len(w)], true
			}
		}
		for _, w := range []string{"全县", "全区", "全市"} {
			if strings.HasPrefix(s, w) {
				s, changed = s[len(w):], true
			}
		}
	}
	return s
}

// splitItems splits a run of names at 、 and at 和 where both sides are
// names (not inside 五和镇), returning the names and their offsets.
func splitItems(seg string, off int) ([]string, []int) {
	var items []string
	var offs []int
	pos := 0
	for _, part := range strings.Split(seg, "、") {
		o := off + pos
		pos += len(part) + len("、")
		if k := strings.Index(part, "和"); k > 0 {
			l, r := part[:k], part[k+len("和"):]
			if hanLen(l) >= 2 && hanLen(r) >= 2 {
				items = append(items, l, r)
				offs = append(offs, o, o+k+len("和"))
				continue
			}
		}
		items = append(items, part)
		offs = append(offs, o)
	}
	return items, offs
}

// readGroup adds the places one group names, checks the names against the
// count, and records the counts.
func (b *builder) readGroup(p passage, owner *kg.Entity, city bool, g group) {
	if len(g.items) == 0 {
		for _, c := range g.counts {
			if u := unitOf(c.noun); u == unitTowns || u == unitTownships || u == unitSubdistrict {
				if !city {
					b.diag(p.Line(c.off), CodeNamesMissing, fmt.Sprintf("%s: the text counts %d %s but names none", owner.Name, c.n, c.noun))
				}
			}
		}
		return
	}
	// The suffix for names written without one: the group's only noun.
	var nouns []string
	for _, c := range g.counts {
		nouns = append(nouns, c.noun)
	}
	listed := map[string]int{}
	for k, item := range g.items {
		item = textnorm.Key(item)
		src := b.src(p, g.offs[k])
		if hanLen(item) < 1 || hanLen(item) > 16 || textnorm.HanCount(item) != hanLen(item) {
			b.diag(src.Line, CodeListUnparsed, fmt.Sprintf("%s: %q is not a place name", owner.Name, item))
			continue
		}
		noun := ""
		for _, n := range nouns {
			if itemHasNoun(item, n) {
				noun = n
				break
			}
		}
		name := item
		if noun == "" {
			if len(nouns) != 1 {
				b.diag(src.Line, CodeListUnparsed, fmt.Sprintf("%s: %q has no suffix and the counts %v do not say which", owner.Name, item, nouns))
				continue
			}
			noun = nouns[0]
			switch noun {
			case "镇", "乡", "县", "区", "市":
				name = item + noun
			}
		}
		listed[noun]++
		if city {
			if unitOf(noun) == unitCounties {
				c := b.county(name, src)
				b.partOf(c, owner, src, p.scope)
			}
			continue
		}
		switch unitOf(noun) {
		case unitTowns:
			b.child(name, Town, owner, src, p.scope, bareIf(name != item, item))
		case unitTownships:
			b.child(name, Township, owner, src, p.scope, bareIf(name != item, item))
		case unitSubdistrict:
			b.child(subdistrictName(name), Subdistrict, owner, src, p.scope, subdistrictAliases(name)...)
		case unitCounties, unitVillages, unitCommunities, unitTownTotal:
			continue
		default:
			// 九墩滩生态建设指挥部: a unit of its own kind.
			bare := strings.TrimSuffix(name, noun)
			if !strings.HasSuffix(name, noun) {
				name, bare = name+noun, name
			}
			b.child(name, Other, owner, src, p.scope, bareIf(hanLen(bare) >= 2, bare))
		}
	}
	for _, c := range g.counts {
		if got := listed[c.noun]; got != c.n {
			b.diag(p.Line(c.off), CodeCountMismatch, fmt.Sprintf("%s: the text says %d %s but lists %d names", owner.Name, c.n, c.noun, got))
		}
	}
}

// itemHasNoun reports whether a listed name carries the suffix noun.
func itemHasNoun(item, noun string) bool {
	switch noun {
	case "街道办事处", "街道":
		return strings.HasSuffix(item, "街道") || strings.HasSuffix(item, "街道办事处") || strings.HasSuffix(item, "街")
	}
	return strings.HasSuffix(item, noun) && hanLen(item) > hanLen(noun)
}

// subdistrictName is the name of a listed subdistrict: as written (东大街),
// without 办事处.
func subdistrictName(item string) string { return strings.TrimSuffix(item, "办事处") }

// subdistrictAliases are the other forms of a subdistrict: 宣武街 →
// 宣武街街道, 宣武街道.
func subdistrictAliases(item string) []string {
	name := subdistrictName(item)
	if strings.HasSuffix(name, "街道") {
		return []string{name + "办事处"}
	}
	out := []string{name + "街道"}
	if strings.HasSuffix(name, "街") {
		out = append(out, name+"道")
	}
	return out
}

func bareIf(ok bool, s string) string {
	if ok {
		return s
	}
	return ""
}

// child adds a place under parent. A name already used under another
// parent of the same level is a different place: its key is qualified by
// the parent's.
func (b *builder) child(name, typ string, parent *kg.Entity, src kg.Source, scope int, aliases ...string) *kg.Entity {
	key := textnorm.Key(name)
	if level(typ) >= level(Village) && parent != nil {
		key = parent.Key + key
	} else if e := b.byKey[key]; e != nil && parent != nil {
		if pk := b.parent[key]; pk != "" && pk != parent.Key && level(typeOf(e)) == level(typ) {
			key = parent.Key + key
		}
	}
	e := b.place(key, name, typ, src, aliases...)
	if parent != nil {
		b.partOf(e, parent, src, scope)
	}
	return e
}

func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// readTable reads the counts of the statistical table whose header names
// the whole city (全市) and its counties: rows such as 乡镇政府 个 93 37 ….
func (b *builder) readTable() {
	if b.city == nil || len(b.counties) == 0 {
		return
	}
	lines := b.d.Lines
	// The lines that hold 全 are found in one search of the book; most
	// lines have none.
	for _, n := range b.d.LinesWith('全') {
		i := n - 1
		l := &lines[i]
		if l.Kind != segment.Body || !hasField(l.Text, "全市") {
			continue // a header names 全市 as a column
		}
		fields := strings.Fields(strings.ReplaceAll(l.Text, "\u3000", " "))
		cols := map[int]*kg.Entity{}
		for k, f := range fields {
			if f == "全市" {
				cols[k] = b.city
			} else if c := b.countyOfTitle(f); c != nil {
				cols[k] = c
			}
		}
		if len(cols) < 3 || cols[indexOf(fields, "全市")] == nil {
			continue
		}
		// Data rows follow: label, unit, then one value per column.
		for j, seen := i+1, 0; j < len(lines) && seen < 16; j++ {
			r := &lines[j]
			if r.Kind == segment.Blank {
				continue
			}
			seen++
			rf := strings.Fields(strings.ReplaceAll(r.Text, "\u3000", " "))
			if len(rf) == 0 || strings.HasPrefix(rf[0], "表") {
				break
			}
			label := strings.TrimLeft(rf[0], "#＃")
			if label == "" && len(rf) > 1 {
				rf = rf[1:]
				label = rf[0]
			}
			unit := tableUnit(label)
			if unit == "" {
				continue
			}
			// Values line up with the header from its first value column.
			shift := len(fields) - len(rf)
			for k, e := range cols {
				v := k - shift
				if v <= 0 || v >= len(rf) {
					continue
				}
				n, err := strconv.Atoi(rf[v])
				if rf[v] == "—" || rf[v] == "-" || rf[v] == "－" {
					n, err = 0, nil // none
				}
				if err != nil {
					continue
				}
				b.counts = append(b.counts, unitCount{owner: e.Key, unit: unit, n: n, line: r.N, table: true})
			}
		}
		return
	}
}

// hasField reports whether w, a word of valid UTF-8, is one of the fields of s
// (strings.Fields): it occurs between spaces or the ends of s. A table's
// header names 全市 so, where the many sentences that write it do not;
// it spares splitting them.
func hasField(s, w string) bool {
	for off := 0; ; off++ {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return false
		}
		off += i
		before := lastRune(s[:off])
		after, _ := utf8.DecodeRuneInString(s[off+len(w):])
		if (off == 0 || unicode.IsSpace(before)) && (off+len(w) == len(s) || unicode.IsSpace(after)) {
			return true
		}
	}
}

func indexOf(fields []string, s string) int {
	for i, f := range fields {
		if f == s {
			return i
		}
	}
	return -1
}

// tableUnit maps a table row label to its unit.
func tableUnit(label string) string {
	switch label {
	case "乡镇政府", "乡镇":
		return unitTownTotal
	case "镇政府", "镇":
		return unitTowns
	case "乡政府", "乡":
		return unitTownships
	case "街道办事处", "街道":
		return unitSubdistrict
	case "村民委员会", "行政村":
		return unitVillages
	case "居民委员会", "社区":
		return unitCommunities
	}
	return ""
}

// checkCounts compares the counts the sources state for one unit: the
// county text with the table, and the city's totals with the sum of its
// counties.
func (b *builder) checkCounts() {
	name := func(key string) string {
		if e := b.byKey[key]; e != nil {
			return e.Name
		}
		return key
	}
	type ou struct{ owner, unit string }
	text := map[ou]unitCount{}
	table := map[ou]unitCount{}
	for _, c := range b.counts {
		k := ou{c.owner, c.unit}
		if c.table {
			table[k] = c
		} else if _, ok := text[k]; !ok {
			text[k] = c
		}
	}
	for _, c := range b.counts {
		k := ou{c.owner, c.unit}
		t, ok := text[k]
		if c.table || !ok || t != c {
			continue // each text count once, in the order read
		}
		if tb, ok := table[k]; ok && tb.n != t.n {
			b.diag(t.line, CodeCountConflict, fmt.Sprintf("%s %s: the text (line %d) says %d, the table (line %d) says %d", name(k.owner), k.unit, t.line, t.n, tb.line, tb.n))
		}
	}
	// The city's totals against its counties' text, where every county
	// states the unit.
	if b.city == nil {
		return
	}
	stated := map[string]bool{}
	for k := range text {
		stated[k.owner] = true
	}
	for _, unit := range []string{unitTownTotal, unitTowns, unitTownships, unitSubdistrict, unitVillages, unitCommunities} {
		ct, ok := text[ou{b.city.Key, unit}]
		if !ok {
			continue
		}
		sum, all := 0, true
		for _, c := range b.counties {
			if !stated[c.Key] {
				all = false // a county without an entry: nothing to add up
				break
			}
			if x, ok := text[ou{c.Key, unit}]; ok {
				sum += x.n
				continue
			}
			switch unit {
			case unitTownships:
				// 乡 = 乡镇 − 镇 where a county states both (or only 镇).
				tt, ok1 := text[ou{c.Key, unitTownTotal}]
				tw, ok2 := text[ou{c.Key, unitTowns}]
				if ok1 && ok2 {
					sum += tt.n - tw.n
					continue
				}
			case unitSubdistrict:
				continue // a county that states none has none
			}
			all = false
		}
		if all && sum != ct.n {
			b.diag(ct.line, CodeCountConflict, fmt.Sprintf("%s %s: the city total says %d, its counties' entries add up to %d", b.city.Name, unit, ct.n, sum))
		}
	}
}
