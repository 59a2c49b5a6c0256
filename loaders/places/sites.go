package places

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/mention"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// discoverSites adds the named sites and natural places the text bounds:
// topic titles of sites, the stops of tour routes (A→B→C), lists closed by
// 等景点 or 等名胜古迹, lists of rivers counted by 条河流, names after a
// county (民勤白亭海, 天祝冷龙岭), peaks (冷龙岭主峰咔哇掌) and basins
// (石羊河流域). Each site under a county is PART_OF it.
func (b *builder) discoverSites() {
	// The words each step looks for are found in one pass a passage,
	// which the prefixes of the second loop reuse (kept in pre, those
	// of passage k at pre[spans[k][0]:spans[k][1]]): the text does not
	// change, and the city and counties are known since admin.
	pf := b.prefixForms()
	forms := append(append([]string{"→", "河流域"}, sightListWords...), countedNouns...)
	first := len(forms)
	forms = append(forms, pf.forms...)
	set := newFormSet(forms)
	nouns := 2 + len(sightListWords)
	var pre []formAt
	spans := make([][2]int, len(b.texts))
	for k, p := range b.texts {
		if p.historical() {
			continue
		}
		occ := set.allIndexed(p.Text, p.ix)
		lo := len(pre)
		pre = appendOccurrences(pre, occ[first:])
		spans[k] = [2]int{lo, len(pre)}
		b.siteTitle(p)
		if len(occ[0]) > 0 {
			b.routes(p)
		}
		if anyOccurs(occ[2:nouns]) {
			b.sightLists(p)
		}
		if countedAt(p.Text, occ[nouns:first]) {
			b.countedNaturals(p)
		}
		b.basins(p, occ[1])
	}
	z := b.finder(false)
	hits := b.index.hits
	for k, p := range b.texts {
		if p.historical() {
			continue
		}
		hits = b.prefixed(z, pf, p, pre[spans[k][0]:spans[k][1]], hits)
	}
	b.index.hits = hits
}

// anyOccurs reports whether one of the lists of offsets is not empty.
func anyOccurs(occ [][]int) bool {
	for _, o := range occ {
		if len(o) > 0 {
			return true
		}
	}
	return false
}

// prefixForms are the forms of the city and its counties that prefixed
// looks for: each place's name and bare short form, in the order of the
// places.
type prefixForms struct {
	places []*kg.Entity
	bare   []string
	forms  []string
	owner  []int // owner[j] is the index in places of form j
}

func (b *builder) prefixForms() *prefixForms {
	pf := &prefixForms{places: append([]*kg.Entity{}, b.counties...)}
	if b.city != nil {
		pf.places = append(pf.places, b.city)
	}
	for k, c := range pf.places {
		_, bare := shortForms(c.Name)
		pf.bare = append(pf.bare, bare)
		for _, form := range []string{c.Name, bare} {
			if form != "" {
				pf.forms = append(pf.forms, form)
				pf.owner = append(pf.owner, k)
			}
		}
	}
	return pf
}

// siteTypeOf returns SITE or NATURAL by a name's suffix, or "" when it has
// neither.
func siteTypeOf(name string) string { return typeEndingIn(name, lastRune(name)) }

// typeEndingIn is siteTypeOf(name) for a name whose last rune is r. A
// name ends with a suffix only if it ends with the suffix's last rune:
// most candidates end with none of those, and the others are compared
// with the few suffixes that end with theirs (typedByLast), in the order
// of the lists, other, site, then natural suffixes.
func typeEndingIn(name string, r rune) string {
	if !typedLast.holds(r) {
		return ""
	}
	for _, s := range typedByLast[r] {
		if strings.HasSuffix(name, s.suffix) {
			return s.typ
		}
	}
	return ""
}

// typedSuffix is a suffix of siteTypeOf and the type it gives.
type typedSuffix struct{ suffix, typ string }

// typedSuffixes are the suffixes of siteTypeOf, in the order typedAfter
// strips them, typedLast their last runes, and typedByLast the suffixes
// with their types by last rune, each rune's in that order.
var (
	typedSuffixes = append(append(append([]string{}, otherSuffixes...), siteSuffixes...), naturalSuffixes...)
	typedLast     = func() (set runeSet) {
		for _, s := range typedSuffixes {
			r, _ := utf8.DecodeLastRuneInString(s)
			set.add(r)
		}
		return set
	}()
	typedByLast = func() map[rune][]typedSuffix {
		m := map[rune][]typedSuffix{}
		for _, l := range []struct {
			suffixes []string
			typ      string
		}{{otherSuffixes, Other}, {siteSuffixes, Site}, {naturalSuffixes, Natural}} {
			for _, s := range l.suffixes {
				r, _ := utf8.DecodeLastRuneInString(s)
				m[r] = append(m[r], typedSuffix{s, l.typ})
			}
		}
		return m
	}()
)

// genericSite are words that make a title or list item a topic or a class
// (旅游资源, 景区建设, 各景点) rather than one place.
var genericSite = []string{
	"资源", "概况", "概述", "建设", "管理", "发展", "工作", "保护", "项目", "工程", "治理", "开发", "服务", "提升", "打造", "创建",
	"旅游区域", "各", "全", "等", "个", "处", "的", "和", "与", "及", "了", "线路", "路线", "精品", "业态", "营销", "活动", "年", "月", "日",
}

// siteTitle adds the site a topic title names: any title in a section of
// tourist resources (旅游资源 → 【天梯山石窟】), or a title ending in a
// suffix that only sites carry. Of its tests, it makes first those of the
// suffix and the section, which most titles fail, and which are cheaper.
func (b *builder) siteTitle(p passage) {
	if p.topic == nil {
		return
	}
	t := p.topic.Title
	n := hanLen(t)
	if n < 3 || n > 12 {
		return
	}
	sec := ""
	if p.section != nil {
		sec = p.section.Title
	}
	strong := textnorm.HasAnySuffix(t, "石窟", "遗址", "景区", "古城", "汉墓", "故居", "国家公园", "湿地公园", "森林公园", "沙漠公园", "风景区", "旅游区")
	if !strong && !textnorm.ContainsAny(sec, "旅游资源", "景区", "景点", "名胜", "文物古迹") {
		return
	}
	if textnorm.HanCount(t) != n || genericSiteSet.in(t) {
		return
	}
	typ := siteTypeOf(t)
	if typ == "" {
		typ = Site
	}
	b.add(t, typ, b.d.LineSource(b.yb, p.topic.Start))
}

// routeBreaks are the runes a tour route does not hold: sentence
// punctuation and quotes.
var routeBreaks = runesOf("。；，：“”")

// routeSpans returns the tour routes of s, stops joined by →, as the
// regexp [^。；，：“”]+(?:→[^。；，：“”→]+)+ finds them (FindAllStringIndex),
// in one pass over the runes: in each run of runes but routeBreaks, the
// match starts at the run and, the first part being greedy, ends at the
// stop after the run's last → that follows a rune of the run and is
// followed by one other than →; the rest of the run holds no match.
func routeSpans(s string) [][2]int {
	var out [][2]int
	start, last := 0, -1 // the run's first byte and its last such →
	for i := 0; i <= len(s); {
		r, size := utf8.RuneError, 0
		if i < len(s) {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if i == len(s) || routeBreaks.holds(r) {
			if last >= 0 {
				end := i
				if k := strings.Index(s[last+len("→"):i], "→"); k >= 0 {
					end = last + len("→") + k
				}
				out = append(out, [2]int{start, end})
			}
			if i == len(s) {
				break
			}
			start, last = i+size, -1
		} else if r == '→' && i > start {
			if next := i + size; next < len(s) {
				if r2, _ := utf8.DecodeRuneInString(s[next:]); r2 != '→' && !routeBreaks.holds(r2) {
					last = i
				}
			}
		}
		i += size
	}
	return out
}

// routes adds the stops of the tour routes of a passage; a stop's
// parenthesised parts (天祝三峡景区（金沙峡、朱岔峡）) are places within it.
// discoverSites calls it only on a passage with an →.
func (b *builder) routes(p passage) {
	for _, m := range routeSpans(p.Text) {
		off := m[0]
		for _, stop := range strings.Split(p.Text[m[0]:m[1]], "→") {
			b.routeStop(p, stop, off)
			off += len(stop) + len("→")
		}
	}
}

// leadWords are the words a list's first item may carry before the name.
var leadWords = []string{"串联起", "串联", "包括", "设置", "依托", "主要有", "其中有", "以及", "有", "如", "为"}

// routeStop adds one stop of a route at byte off.
func (b *builder) routeStop(p passage, stop string, off int) {
	main, inner := stop, ""
	if i := strings.Index(stop, "（"); i > 0 && strings.HasSuffix(stop, "）") {
		main, inner = stop[:i], stop[i+len("（"):len(stop)-len("）")]
	}
	lead := leadTrim(main)
	off += len(main) - len(lead)
	main = strings.TrimSuffix(lead, "景点")
	main = strings.TrimSuffix(main, "景区景点")
	e := b.sight(p, main, off, true)
	if e == nil || inner == "" {
		return
	}
	ioff := off + len(stop) - len(inner) - len("）")
	for _, it := range strings.Split(inner, "、") {
		if c := b.sight(p, it, ioff, true); c != nil {
			b.partOf(c, e, b.src(p, ioff), p.scope)
		}
		ioff += len(it) + len("、")
	}
}

// leadTrim strips the words before the first item of a list
// (…景点包括民勤防沙治沙纪念馆 → 民勤防沙治沙纪念馆).
func leadTrim(s string) string {
	best := -1
	for _, w := range leadWords {
		if i := strings.LastIndex(s, w); i >= 0 && i+len(w) > best {
			best = i + len(w)
		}
	}
	if best > 0 && best < len(s) {
		return s[best:]
	}
	return s
}

// descriptive strips the description before a list item's name:
// 中国“石窟鼻祖”天梯山石窟 → 天梯山石窟, …的出土地雷台汉墓 → 雷台汉墓.
func descriptive(s string) string {
	for _, sep := range []string{"”", "的"} {
		if i := strings.LastIndex(s, sep); i >= 0 {
			s = s[i+len(sep):]
		}
	}
	for _, w := range []string{"出土地", "见证地", "发源地", "发祥地", "所在地", "诞生地"} {
		if i := strings.Index(s, w); i >= 0 {
			s = s[i+len(w):]
		}
	}
	return s
}

// sight adds a site or natural place named by a list item at byte off, when
// the item is a name: 2–12 characters, not an institution, not generic. A
// county written first (民勤瑞安堡) is its parent. Items that carry no
// suffix are taken only when listed is set (a route or a list of sights).
func (b *builder) sight(p passage, item string, off int, listed bool) *kg.Entity {
	item = strings.TrimSpace(item)
	n := hanLen(item)
	if n < 2 || n > 12 || textnorm.HanCount(item) != n || textnorm.HasAnySuffix(item, notSiteSuffixes...) || genericSiteSet.in(item) {
		return nil
	}
	var county *kg.Entity
	name := item
	best := ""
	for _, c := range b.counties {
		for _, f := range append([]string{c.Name}, c.Aliases...) {
			if i := strings.Index(item, f); i >= 0 && len(f) > len(best) && hanLen(item[i+len(f):]) >= 2 {
				county, name, best = c, item[i+len(f):], f
			}
		}
	}
	if n, t, forms, ok := national(name); ok {
		return b.add(n, t, b.src(p, off), forms...)
	}
	if e := b.lookup(name); e != nil {
		// A known place: an administrative one is not a sight, and a
		// known sight gains a mention but no parent from a list.
		if level(typeOf(e)) == 0 {
			b.mention(e, b.src(p, off))
			return e
		}
		return nil
	}
	typ := siteTypeOf(name)
	if typ == "" {
		if !listed {
			return nil
		}
		typ = Site
	}
	src := b.src(p, off)
	e := b.add(name, typ, src)
	if county != nil {
		b.partOf(e, county, src, p.scope)
	}
	return e
}

// sightListEnds are the words after 等 that close a list of sights, and
// sightListWords what every such end starts with.
var (
	sightListEnds  = []string{"景区景点", "景点", "景区", "名胜古迹", "旅游景点", "旅游景区"}
	sightListWords = []string{"等景", "等名胜古迹", "等旅游景"}
)

// sightListsAt returns the bytes of s, left to right, where a list of
// sights ends: each 等 followed by one of sightListEnds, the starts of
// the matches of 等(景区景点|景点|…), which cannot overlap, having no 等
// but the first.
func sightListsAt(s string) []int {
	var out []int
	for off := 0; ; {
		i := strings.Index(s[off:], "等")
		if i < 0 {
			return out
		}
		i += off
		off = i + len("等")
		for _, w := range sightListEnds {
			if strings.HasPrefix(s[off:], w) {
				out = append(out, i)
				break
			}
		}
	}
}

// sightLists adds the items of lists closed by 等景点, 等名胜古迹 …
// (discoverSites calls it only on a passage with one of sightListWords).
func (b *builder) sightLists(p passage) {
	for _, at := range sightListsAt(p.Text) {
		start := at
		for start > 0 {
			r, size := utf8.DecodeLastRuneInString(p.Text[:start])
			if strings.ContainsRune("。；，：", r) {
				break
			}
			if r == '→' {
				start = -1
				break
			}
			start -= size
		}
		if start < 0 {
			continue
		}
		list := p.Text[start:at]
		items := splitOutside(list, "、")
		off := start
		for k, it := range items {
			name := it
			if k == 0 {
				name = leadTrim(name)
			}
			name = descriptive(name)
			// Only items bounded on both sides by 、 may lack a suffix.
			b.sight(p, name, off+len(it)-len(name), k > 0 || name != it)
			off += len(it) + len("、")
		}
	}
}

// splitOutside splits s at sep, except inside quotes or parentheses.
func splitOutside(s, sep string) []string {
	var out []string
	depth, last := 0, 0
	for i, r := range s {
		switch r {
		case '“', '（', '(':
			depth++
		case '”', '）', ')':
			if depth > 0 {
				depth--
			}
		}
		if depth == 0 && strings.HasPrefix(s[i:], sep) {
			out = append(out, s[last:i])
			last = i + len(sep)
		}
	}
	return append(out, s[last:])
}

// countedMeasures, the measure words of a count of natural places (8
// 条河流, 3 座水库), and countedNumerals, the Chinese numerals of one.
var (
	countedMeasures = runesOf("条座个处")
	countedNumerals = runesOf("一二两三四五六七八九十")
)

// counted is a count of natural places at s[start:end], whose noun (one of
// countedNouns) starts at byte noun.
type counted struct{ start, noun, end int }

// countsIn returns the counts of natural places in s, left to right, as
// the regexp (\d+|[一二两三四五六七八九十]+)(条|座|个|处)(河流|水系|…) finds
// them: a measure word followed by a noun, after a run of ASCII digits
// or of Chinese numerals, which starts the match. The matches cannot
// overlap: a noun holds no numeral. With one set, it returns the first.
func countsIn(s string, one bool) []counted {
	var out []counted
	for i, r := range s {
		if !countedMeasures.holds(r) {
			continue
		}
		noun := i + utf8.RuneLen(r)
		k := slices.IndexFunc(countedNouns, func(w string) bool { return strings.HasPrefix(s[noun:], w) })
		if k < 0 || i == 0 {
			continue
		}
		start := i
		if isDigit(rune(s[i-1])) {
			for start > 0 && isDigit(rune(s[start-1])) {
				start--
			}
		} else {
			for start > 0 && countedNumerals.holds(lastRune(s[:start])) {
				start -= len("一")
			}
		}
		if start == i {
			continue
		}
		out = append(out, counted{start, noun, noun + len(countedNouns[k])})
		if one {
			break
		}
	}
	return out
}

// countedNaturals adds the rivers, reservoirs and lakes a counted list
// names (有大靖河、古浪河…8 条河流). discoverSites calls it only where
// countedAt allows a count, which spares reading most passages.
func (b *builder) countedNaturals(p passage) {
	for _, m := range countsIn(p.Text, false) {
		noun := p.Text[m.noun:m.end]
		suffix := map[string][]string{"河流": {"河"}, "水系": {"河", "水"}, "水库": {"水库"}, "湖泊": {"湖", "海"}, "冰川": {"冰川"}, "山峰": {"山", "峰", "岭"}}[noun]
		start := m.start
		for start > 0 {
			r, size := utf8.DecodeLastRuneInString(p.Text[:start])
			if strings.ContainsRune("。；，：", r) {
				break
			}
			start -= size
		}
		// Two counts in a row (5 条水系 10 条河流): the names precede the first.
		list := p.Text[start:m.start]
		if len(countsIn(list, true)) > 0 {
			continue
		}
		items := strings.Split(list, "、")
		if len(items) < 2 {
			continue
		}
		off := start
		for k, it := range items {
			name := it
			if k == 0 {
				name = leadTrim(name)
			}
			if k == len(items)-1 {
				if i := strings.LastIndex(name, "和"); i > 0 && textnorm.HasAnySuffix(name[:i], suffix...) {
					b.counted(p, name[:i], off+len(it)-len(name), suffix)
					name = name[i+len("和"):]
				}
			}
			b.counted(p, name, off+len(it)-len(name), suffix)
			off += len(it) + len("、")
		}
	}
}

// countedNouns are the nouns of a count of natural places, in the order
// countsIn tries them.
var countedNouns = []string{"河流", "水系", "水库", "湖泊", "冰川", "山峰"}

// countedAt is mayCount given the offsets of each of countedNouns in s.
func countedAt(s string, nouns [][]int) bool {
	for _, occ := range nouns {
		for _, i := range occ {
			switch m := runeBefore(s, i); m {
			case '条', '座', '个', '处':
				if n := runeBefore(s, i-utf8.RuneLen(m)); isDigit(n) || strings.ContainsRune("一二两三四五六七八九十", n) {
					return true
				}
			}
		}
	}
	return false
}

var countedNounSet = newFormSet(countedNouns)

func (b *builder) counted(p passage, name string, off int, suffix []string) {
	n := hanLen(name)
	if n < 2 || n > 8 || textnorm.HanCount(name) != n || !textnorm.HasAnySuffix(name, suffix...) || genericSiteSet.in(name) {
		return
	}
	b.add(name, Natural, b.src(p, off))
}

// basins adds the river of a basin (石羊河流域 → 石羊河): a three-character
// river right after a phrase boundary or another river's name.
// at holds the offsets of 河流域 in the passage, as a loop of strings.Index
// finds them.
func (b *builder) basins(p passage, at []int) {
	for _, i := range at {
		start := i
		for k := 0; k < 2 && start > 0; k++ {
			r, size := utf8.DecodeLastRuneInString(p.Text[:start])
			if !textnorm.IsHan(r) {
				start = -1
				break
			}
			start -= size
		}
		if start < 0 {
			continue
		}
		prev := runeBefore(p.Text, start)
		if !boundary(prev) && !strings.ContainsRune("河有的与和及在属是", prev) {
			continue
		}
		stem := p.Text[start:i]
		if genericSiteSet.in(stem) || townStopSet.in(stem) {
			continue
		}
		name := stem + "河"
		if e := b.lookup(name); e != nil {
			b.alias(e, name+"流域")
			continue
		}
		b.add(name, Natural, b.src(p, start), name+"流域")
	}
}

// prefixStop are words that make a candidate after a county a phrase
// (凉州区重点项目) rather than a name.
var prefixStop = []string{
	"的", "等", "和", "与", "及", "了", "年", "月", "个", "万", "千", "亿", "全", "各", "项目", "建设", "工程", "治理", "生态", "开发", "保护",
	"县", "区", "市", "镇", "乡", "村", "街", "城区", "旅游", "级", "国家", "现代", "大景区", "境内", "北部", "南部", "东部", "西部", "中部", "地区", "片", "新", "在", "是", "为", "有",
}

// prefixed adds the sites and natural places written right after one of the
// city's counties and closed by a typed suffix and a boundary (民勤白亭海
// 位于…, 天祝冷龙岭主峰…, 民勤瑞安堡等), and the peak a 主峰 names.
//
// occ holds the occurrences of pf's forms in the passage, form after
// form. The hits are found into buf's array (Gazetteer.scanInto), which
// is returned for the next passage.
func (b *builder) prefixed(z *Gazetteer, pf *prefixForms, p passage, occ []formAt, buf []hit) []hit {
	hits := z.scanIndexed(buf, p.Text, p.ix)
	scanned := hits // the hits of the scan, whose starts the places below must avoid
	// The short forms of the city and its counties are found here too:
	// 天祝冷龙岭 and 武威南站 are not chains the gazetteer knows. Each
	// form's occurrences, left to right, form after form.
	for _, o := range occ {
		c := pf.places[pf.owner[o.form]]
		form, bare := pf.forms[o.form], pf.bare[pf.owner[o.form]]
		i := int(o.at)
		off := i + len(form)
		if form == bare && strings.HasPrefix(p.Text[off:], c.Name[len(bare):]) {
			continue
		}
		b.stationOrPark(p, c, i, off)
		if !startsAt(scanned, i) && !startsAt(scanned, off) {
			hits = append(hits, hit{start: i, end: off, key: c.Key, typ: typeOf(c)})
		}
	}
	for _, h := range hits {
		c := b.homeCounty(h.key)
		if (c == nil && (b.city == nil || h.key != b.city.Key)) || startsAt(scanned, h.end) {
			continue
		}
		name, end, typ := typedAfter(p.Text, h.end)
		if name == "" {
			continue
		}
		stem := strings.TrimSuffix(strings.TrimSuffix(name, "沟"), "山")
		if b.lookup(name+"镇") != nil || b.lookup(name+"乡") != nil || b.lookup(stem+"镇") != nil {
			continue // 天祝大红沟: the town, not a valley
		}
		src := b.src(p, h.end)
		e := b.lookup(name)
		if e == nil {
			e = b.add(name, typ, src)
		} else {
			b.mention(e, src)
		}
		if typ == Natural && strings.HasPrefix(p.Text[end:], "主峰") {
			b.peak(p, e, c, end+len("主峰"), h.start)
		}
		if typ != Site {
			b.gullyAfter(p, e, end) // 古浪县黄花滩移民区四道沟
		}
	}
	for _, h := range hits {
		if h.typ == Natural || h.typ == Other || h.typ == Site {
			b.gullyAfter(p, b.lookup(h.name), h.end)
		}
	}
	return hits
}

// startsAt reports whether one of hits, left to right and not
// overlapping (a scan's), starts at byte i: a binary search, written out
// (slices.BinarySearchFunc calls its function at each step).
func startsAt(hits []hit, i int) bool {
	lo, hi := 0, len(hits)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if hits[m].start < i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(hits) && hits[lo].start == i
}

// gullyAfter adds the gully (沟) written at byte at of the passage,
// right after the desert, area or site it lies in (黄花滩移民区四道沟,
// 腾格里沙漠南缘头道沟区域), PART_OF that place: a name of 2–4 characters
// closed by 沟 and then by punctuation or a word that ends a place (区域,
// 一带, 举行). Such small places are in no gazetteer; only the larger
// place written before them vouches for them.
func (b *builder) gullyAfter(p passage, parent *kg.Entity, at int) {
	if parent == nil {
		return
	}
	for _, w := range mention.EdgeWords {
		if strings.HasPrefix(p.Text[at:], w) {
			at += len(w)
			break
		}
	}
	name := gullyAt(p.Text, at)
	if name == "" || b.lookup(name+"村") != nil || b.lookup(name+"乡") != nil || b.lookup(name+"镇") != nil {
		return
	}
	src := b.src(p, at)
	e := b.lookup(name)
	if e == nil {
		e = b.add(name, Natural, src)
	} else {
		b.mention(e, src)
	}
	b.partOf(e, parent, src, p.scope)
}

// gullyFollowers are the words that may follow a gully's name.
var gullyFollowers = []string{"区域", "一带", "举行", "举办", "召开", "等", "和", "与", "及"}

// gullyAt reads at byte i of text a gully's name: 1–3 Han characters and
// 沟, followed by a boundary (not 沟村, 沟通).
func gullyAt(text string, i int) string {
	j := i
	for n := 0; n < 4 && j < len(text); n++ {
		r, size := textnorm.DecodeRuneAt(text, j)
		if !textnorm.IsHan(r) {
			return ""
		}
		j += size
		if r != '沟' || n == 0 {
			continue
		}
		name := text[i:j]
		if prefixStopSet.in(name) {
			return ""
		}
		if nx := runeAt(text, j); nx == 0 || !textnorm.IsHan(nx) {
			return name
		}
		for _, w := range gullyFollowers {
			if strings.HasPrefix(text[j:], w) {
				return name
			}
		}
		return ""
	}
	return ""
}

// typedAfter reads, at byte i, a name of 1–8 characters closed by a site or
// natural suffix and followed by a boundary, and returns it with its end
// and type.
func typedAfter(text string, i int) (name string, end int, typ string) {
	j := i
	for n := 0; n < 8 && j < len(text); n++ {
		r, size := textnorm.DecodeRuneAt(text, j)
		if !textnorm.IsHan(r) {
			return "", 0, ""
		}
		j += size
		cand := text[i:j]
		t := typeEndingIn(cand, r)
		if t == "" || hanLen(cand) < 2 {
			continue
		}
		if !followerOK(text, j) && !textnorm.HasAnySuffix(cand, strongSite...) {
			continue
		}
		stem := cand
		for _, s := range typedSuffixes {
			if strings.HasSuffix(cand, s) {
				stem = strings.TrimSuffix(cand, s)
				break
			}
		}
		if hanLen(stem) < 2 || prefixStopSet.in(stem) || genericSiteSet.in(cand) {
			return "", 0, ""
		}
		return cand, j, t
	}
	return "", 0, ""
}

// strongSite are suffixes that end a site's name by themselves, whatever
// follows (武威河西都会景区启动).
var strongSite = []string{"景区", "公园", "石窟", "遗址", "古城", "汉墓", "故居", "度假区", "旅游区", "风景区", "移民区", "工业园区", "工业集中区"}

// followerOK reports whether the text at byte i may follow a place name:
// punctuation, a digit, or a word that starts a new phrase.
func followerOK(text string, i int) bool {
	r := runeAt(text, i)
	if r == 0 || !textnorm.IsHan(r) {
		return true
	}
	return textnorm.HasAnyPrefix(text[i:], "位于", "主峰", "等", "和", "与", "及", "一带", "周边", "沿线", "海拔")
}

// peak adds the peak named after 主峰 (冷龙岭主峰咔哇掌位于…): a name of 2–4
// characters closed by a boundary or 位于/海拔, PART_OF the mountain and
// the county.
func (b *builder) peak(p passage, mountain, county *kg.Entity, i, chainStart int) {
	j := i
	for n := 0; n < 4 && j < len(p.Text); n++ {
		r, size := textnorm.DecodeRuneAt(p.Text, j)
		if !textnorm.IsHan(r) {
			return
		}
		j += size
		if n < 1 {
			continue
		}
		if nx := runeAt(p.Text, j); (nx != 0 && !textnorm.IsHan(nx)) || strings.HasPrefix(p.Text[j:], "位于") || strings.HasPrefix(p.Text[j:], "海拔") {
			name := p.Text[i:j]
			if prefixStopSet.in(name) {
				return
			}
			src := b.src(p, i)
			e := b.add(name, Natural, src)
			b.partOf(e, mountain, src, p.scope)
			if county != nil {
				b.partOf(e, county, src, p.scope)
			}
			return
		}
	}
}

// stationParkRunes are the runes that start the words after a place that
// name a station (站, 东站, 火车站) or a park (parkSuffixes).
var stationParkRunes = func() *runeSet {
	s := runesOf("站东南西北火")
	for _, w := range parkSuffixes {
		r, _ := utf8.DecodeRuneInString(w)
		s.add(r)
	}
	return s
}()

// stationOrPark adds the railway station (武威南站) or industrial park
// (古浪工业集中区) named after the place c written at text[start:end].
func (b *builder) stationOrPark(p passage, c *kg.Entity, start, end int) {
	rest := p.Text[end:]
	if !stationParkRunes.holds(runeAt(rest, 0)) {
		return // neither a station nor a park: most places written
	}
	name := ""
	written := ""
	for _, dir := range []string{"", "东", "南", "西", "北", "火车"} {
		if strings.HasPrefix(rest, dir) && strings.HasPrefix(rest[len(dir):], "站") {
			next := runeAt(rest, len(dir)+len("站"))
			if !strings.ContainsRune("长点房区前台务所内级街", next) {
				name = p.Text[start:end] + dir + "站"
			}
			break
		}
	}
	// 武威火车站 is the station 武威站, written the way people say it.
	if strings.HasSuffix(name, "火车站") {
		written, name = name, strings.TrimSuffix(name, "火车站")+"站"
	}
	for _, s := range parkSuffixes {
		if name == "" && strings.HasPrefix(rest, s) {
			name = p.Text[start:end] + s
		}
	}
	if written == "" {
		written = name
	}
	if name == "" || orgTail(p.Text, start+len(written)) {
		return
	}
	if written == name {
		b.add(name, Site, b.src(p, start))
		return
	}
	if e := b.lookup(name); e != nil {
		b.alias(e, written)
		b.mention(e, b.src(p, start))
		return
	}
	b.add(name, Site, b.src(p, start), written)
}
