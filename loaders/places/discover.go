package places

import (
	"fmt"
	"iter"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// finder returns a gazetteer of the places found so far, plus, when
// national is set, the national data not yet met (provinces, prefectures,
// great natural features), marked virtual until a mention realizes them.
//
// Each pass of the builder reads its gazetteer, then drops it before the
// next pass asks for one: finder refills the one gazetteer
// (indexArrays.z), whose maps and tables (a hundred kilobytes) stay
// allocated, for the next book too.
func (b *builder) finder(national bool) *Gazetteer {
	n := 2 * len(b.ents)
	if national {
		n += len(nationalEntries())
	}
	z := b.index.z
	if z == nil {
		z = newGazetteer(n)
		b.index.z = z
	} else {
		z.reset()
	}
	if b.city != nil {
		z.home = b.city.Key
	}
	for _, e := range b.ents {
		z.addEntity(e)
	}
	for c, p := range b.parent {
		z.parent[c] = p
	}
	if national {
		for _, x := range nationalEntries() {
			if b.byKey[x.key] == nil {
				z.add(x)
			}
		}
	}
	z.finish()
	return z
}

// nationalEntries are the entries of the national data a finder adds,
// in order: each place's name, then its other forms, marked virtual.
var nationalEntries = sync.OnceValue(func() []entry {
	var out []entry
	for _, v := range nationalPlaces() {
		key := textnorm.Key(v.name)
		if v.typ == Other {
			out = append(out, entry{form: v.name, key: key, name: v.name, typ: Other, virtual: true, bare: hanLen(v.name) == 2})
			continue
		}
		out = append(out, entry{form: v.name, key: key, name: v.name, typ: v.typ, virtual: true, parent: v.parent})
		for _, f := range v.forms {
			if f != "" {
				bare := isBare(f, v.typ)
				out = append(out, entry{form: f, key: key, name: v.name, typ: v.typ, virtual: true, parent: v.parent, bare: bare, chainOnly: bare && v.typ == City})
			}
		}
	}
	return out
})

// lookup returns the place whose name or alias is form.
func (b *builder) lookup(form string) *kg.Entity {
	k := textnorm.Key(form)
	if e := b.byKey[k]; e != nil {
		return e
	}
	return b.aliasOwner[k]
}

// realize returns the entity of a hit, adding a national place on its
// first mention.
func (b *builder) realize(h hit, src kg.Source) *kg.Entity {
	if h.e == nil || h.key == "" {
		return nil
	}
	if e := b.byKey[h.key]; e != nil {
		return e
	}
	if !h.e.virtual {
		return nil
	}
	var aliases []string
	switch h.typ {
	case Natural:
		aliases = naturals[h.name]
	default:
		short, bare := shortForms(h.name)
		aliases = []string{short, bare}
	}
	return b.add(h.name, h.typ, src, aliases...)
}

// nationalPlace is a place of the national data with its other forms.
type nationalPlace struct {
	name, typ string
	parent    string // the key of a prefecture's province
	forms     []string
}

// nationalPlaces lists the national data in the order a finder adds it:
// provinces, prefectures, great natural features, foreign countries
// (typed OTHER).
var nationalPlaces = sync.OnceValue(func() []nationalPlace {
	var out []nationalPlace
	for _, p := range provinces {
		short, bare := shortForms(p)
		out = append(out, nationalPlace{name: p, typ: Province, forms: []string{short, bare}})
	}
	for _, c := range prefectures {
		short, bare := shortForms(c)
		out = append(out, nationalPlace{name: c, typ: City, parent: textnorm.Key(provinceOf[c]), forms: []string{short, bare}})
	}
	for n, forms := range naturals {
		out = append(out, nationalPlace{name: n, typ: Natural, forms: forms})
	}
	for _, c := range countryData {
		out = append(out, nationalPlace{name: c, typ: Other})
	}
	return out
})

// nationalForms maps every form of the national data to its place, with
// the precedence of the walk national used to make: natural features,
// provinces, countries, prefectures, each in list order.
var nationalForms = sync.OnceValue(func() map[string]nationalPlace {
	m := map[string]nationalPlace{}
	put := func(form string, p nationalPlace) {
		if _, ok := m[form]; !ok {
			m[form] = p
		}
	}
	for n, fs := range naturals {
		p := nationalPlace{name: n, typ: Natural, forms: fs}
		put(n, p)
		for _, f := range fs {
			put(f, p)
		}
	}
	// Provinces, then countries, then prefectures: the first form put wins.
	putDivisions := func(names []string, typ string) {
		for _, n := range names {
			short, bare := shortForms(n)
			p := nationalPlace{name: n, typ: typ, forms: []string{short, bare}}
			put(n, p)
			put(short, p)
			put(bare, p)
		}
	}
	putDivisions(provinces, Province)
	for _, c := range countryData {
		put(c, nationalPlace{name: c, typ: Other})
	}
	putDivisions(prefectures, City)
	return m
})

// national returns the place of the national data that form names (a
// province, prefecture or great natural feature, by any of its forms).
func national(form string) (name, typ string, forms []string, ok bool) {
	p, ok := nationalForms()[form]
	if !ok {
		return "", "", nil, false
	}
	return p.name, p.typ, p.forms, true
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// homeCounty reports whether key is one of the city's counties.
func (b *builder) homeCounty(key string) *kg.Entity {
	for _, c := range b.counties {
		if c.Key == key {
			return c
		}
	}
	return nil
}

// sectionCounty returns the county whose entry in the county chapter
// holds line n.
func (b *builder) sectionCounty(n int) *kg.Entity {
	for _, c := range b.counties {
		if s, ok := b.countySection[c.Key]; ok && n >= s[0] && n <= s[1] {
			return c
		}
	}
	return nil
}

// townStop are words that make a 镇/乡 candidate a common noun phrase
// (城镇, 特色小镇, 摘星小镇, 北片乡镇) rather than a town's name.
var townStop = []string{
	"小", "乡", "镇", "村", "级", "区", "县", "市", "省", "国", "各", "全", "等", "和", "与", "及", "的", "个", "年", "月", "日",
	"城乡", "城镇", "城市", "县城", "特色", "示范", "重点", "名", "集", "中心", "建制", "片", "该", "本", "每", "贫困", "新型", "沿", "山区", "川区", "灌区",
	"在", "为", "是", "有", "到", "赴", "对", "从", "向", "将", "把",
}

// townSuffixes are the suffixes townAfter reads, in the order it tries them.
var townSuffixes = []string{"街道", "镇", "乡"}

// townAfter reads a town name (2–maxStem characters plus 镇, 乡 or 街道)
// starting at byte i of text. The shortest stem that a suffix closes wins.
func townAfter(text string, i, maxStem int) (stem, suf string, end int, ok bool) {
	j := i
	for n := 0; n < maxStem && j < len(text); n++ {
		r, size := textnorm.DecodeRuneAt(text, j)
		if !textnorm.IsHan(r) {
			return
		}
		j += size
		if n < 1 {
			continue
		}
		for _, s := range townSuffixes {
			// Most runes start with another byte than the suffixes.
			if j >= len(text) || text[j] != s[0] || !strings.HasPrefix(text[j:], s) {
				continue
			}
			st := text[i:j]
			if townStopSet.in(st) {
				return "", "", 0, false
			}
			after := runeAt(text, j+len(s))
			if s == "乡" && strings.ContainsRune("村镇土亲贤愁风情里间下音", after) {
				return "", "", 0, false
			}
			return st, s, j + len(s), true
		}
	}
	return
}

// typeOfSuffix maps a town suffix to its type.
func typeOfSuffix(suf string) string {
	switch suf {
	case "镇":
		return Town
	case "乡":
		return Township
	}
	return Subdistrict
}

// newTown adds a town found in running text under county (nil when the
// text does not say), or reconciles it with a listed town: the same name
// under another county, or the same stem with the other suffix (a 乡 that
// became a 镇), is reported rather than merged silently.
func (b *builder) newTown(p passage, county *kg.Entity, stem, suf string, off int) *kg.Entity {
	name := stem + suf
	src := b.src(p, off)
	if e := b.lookup(name); e != nil {
		if county != nil && b.parent[e.Key] == "" && isTownLevel(typeOf(e)) {
			b.partOf(e, county, src, p.scope)
		}
		if county != nil && b.parent[e.Key] != "" && b.parent[e.Key] != county.Key && isTownLevel(typeOf(e)) {
			b.diagOnce(src.Line, CodeParentConflict, fmt.Sprintf("%s is written under %s, but listed under %s", name, county.Name, b.byKey[b.parent[e.Key]].Name))
		}
		b.mention(e, src)
		return e
	}
	for _, other := range []string{"镇", "乡"} {
		if other == suf || suf == "街道" {
			continue
		}
		e := b.lookup(stem + other)
		if e == nil || (county != nil && b.parent[e.Key] != county.Key) {
			continue
		}
		b.alias(e, name)
		b.mention(e, src)
		b.diagOnce(src.Line, CodeTypeConflict, fmt.Sprintf("%s is listed as %s (line %d) but written %s here", stem, e.Name, e.Mentions[0].Line, name))
		return e
	}
	if county == nil {
		b.diagOnce(src.Line, CodeParentUnknown, fmt.Sprintf("town %s found in running text; its county is not stated", name))
		return b.add(name, typeOfSuffix(suf), src)
	}
	return b.child(name, typeOfSuffix(suf), county, src, p.scope)
}

// diagOnce adds a diagnostic unless the same code and message exist.
func (b *builder) diagOnce(line int, code, msg string) {
	for _, d := range b.diags {
		if d.Code == code && d.Message == msg {
			return
		}
	}
	b.diag(line, code, msg)
}

// boundary reports whether r ends a phrase, so that a name may start
// after it.
func boundary(r rune) bool {
	switch r {
	case 0, '、', '，', '。', '；', '：', '“', '”', '‘', '’', '（', '）', '(', ')', '《', '》', '！', '？', ',', ';', ':', '!', '?', ' ':
		return true
	}
	return false
}

// discoverTowns finds towns the lists do not name: a town written right
// after one of the city's counties (民勤县收成镇), a town opening a
// town–village chain after punctuation (，西渠镇北沟村), and a town written
// after punctuation at least twice in its county's entry.
func (b *builder) discoverTowns() {
	if len(b.counties) == 0 {
		return
	}
	z := b.finder(false)
	type cand struct {
		county    *kg.Entity
		stem, suf string
	}
	seen := map[cand][]struct {
		p   passage
		off int
	}{}
	hits := b.index.hits
	for _, p := range b.texts {
		if p.historical() {
			continue
		}
		// The hits come left to right and do not overlap, so the hit
		// that starts where one ends is the next one, and the loop
		// over the runes below finds the hit at i with a cursor.
		hits = z.scanIndexed(hits, p.Text, p.ix)
		for k, h := range hits {
			c := b.homeCounty(h.key)
			if c == nil {
				continue
			}
			if k+1 < len(hits) && hits[k+1].start == h.end && isTownLevel(hits[k+1].typ) {
				continue
			}
			if stem, suf, _, ok := townAfter(p.Text, h.end, 4); ok {
				b.newTown(p, c, stem, suf, h.end)
			}
		}
		// The towns after punctuation start at a Han rune, which the
		// index lists (townStarts); ix.before is the rune a left to
		// right reading has read before it.
		next := 0   // the first hit that does not start before i
		resume := 0 // the byte past the last town read
		for k := range p.ix.townStarts() {
			if p.ix.afterHan(k) {
				continue
			}
			i := int(p.ix.ents[k].off)
			if i < resume || !p.ix.hanAfterBoundary(p.Text, k) {
				continue
			}
			for next < len(hits) && hits[next].start < i {
				next++
			}
			if next < len(hits) && hits[next].start == i {
				continue
			}
			stem, suf, end, ok := townAfter(p.Text, i, 3)
			if !ok {
				continue
			}
			county := b.sectionCounty(p.Line(i))
			if _, _, _, ok := villageAfter(p.Text, end); ok {
				b.newTown(p, county, stem, suf, i)
			} else if county != nil && suf != "街道" {
				k := cand{county, stem, suf}
				seen[k] = append(seen[k], struct {
					p   passage
					off int
				}{p, i})
			}
			resume = end
		}
	}
	b.index.hits = hits
	for k, occ := range seen {
		if len(occ) >= 2 {
			b.newTown(occ[0].p, k.county, k.stem, k.suf, occ[0].off)
		}
	}
}

// discoverVillages adds the villages and communities written after a
// town (永昌镇白洪村), then those written after a county alone
// (古浪县富民新村) that no town holds, and the counties of other cities
// written after their city (金昌市永昌县, 陇南市康县).
func (b *builder) discoverVillages() {
	for _, countyLevel := range []bool{false, true} {
		z := b.finder(true)
		hits := b.index.hits
		for _, p := range b.texts {
			if p.historical() {
				continue
			}
			if countyLevel && !p.ix.contains(p.Text, "村") && !p.ix.contains(p.Text, "社区") {
				// This pass only adds new villages and communities
				// (villageAfter), which end in 村 or 社区.
				continue
			}
			hits = z.scanIndexed(hits, p.Text, p.ix)
			for _, h := range hits {
				if h.isNew {
					parent := b.byKey[h.parent]
					if parent == nil || isCountyLevel(typeOf(parent)) != countyLevel {
						continue
					}
					b.child(h.name, h.typ, parent, b.src(p, h.start), p.scope)
					continue
				}
				if !countyLevel && h.typ == City && (b.city == nil || h.key != b.city.Key) {
					b.externalCounty(p, h)
				}
				if !countyLevel && h.typ == Other && containsString(countryData, h.name) {
					b.foreignPlace(p, h)
				}
			}
			if !countyLevel {
				b.bareCounties(p)
			}
		}
		b.index.hits = hits
	}
}

// externalCounty adds the county written right after another city
// (金昌市永昌县, 张掖市肃南裕固族自治县, 阿拉善盟左旗).
func (b *builder) externalCounty(p passage, h hit) {
	name, _, ok := countyAfter(p.Text, h.end)
	if !ok {
		return
	}
	src := b.src(p, h.start)
	city := b.realize(h, src)
	if city == nil {
		return
	}
	written := name
	if hanLen(name) == 2 && strings.HasSuffix(name, "旗") {
		// 阿拉善盟左旗 is officially 阿拉善左旗.
		_, bare := shortForms(city.Name)
		name = bare + name
	}
	if e := b.lookup(name); e != nil && b.parent[e.Key] != "" {
		b.mention(e, src)
		return
	}
	short, bare := shortForms(name)
	aliases := []string{short, bare}
	if written != name {
		aliases = append(aliases, written)
	}
	typ := County
	if strings.HasSuffix(name, "区") {
		typ = District
	}
	b.child(name, typ, city, b.src(p, h.end), p.scope, aliases...)
}

// foreignStop are the words that end a foreign place's name written after
// its country (从哈萨克斯坦杰曼图兹进口).
var foreignStop = []string{"进口", "出口", "举行", "召开", "签署", "发往", "运往"}

// foreignPlace adds the place written right after a country (哈萨克斯坦
// 杰曼图兹进口, 乌兹别克斯坦首都塔什干): 2–5 characters up to punctuation or a
// word that ends the name.
func (b *builder) foreignPlace(p passage, h hit) {
	i := h.end
	capital := strings.HasPrefix(p.Text[i:], "首都")
	if capital {
		i += len("首都")
	}
	run := p.Text[i : i+hanRun(p.Text, i, 8)]
	name := ""
	// An origin: 从〈country〉〈place〉进口.
	for _, w := range foreignStop {
		if k := strings.Index(run, w); k > 0 && (name == "" || k < len(name)) && runeBefore(p.Text, h.start) == '从' {
			name = run[:k]
		}
	}
	if name == "" && capital && !textnorm.IsHan(runeAt(p.Text, i+len(run))) {
		name = run
	}
	if n := hanLen(name); n < 2 || n > 5 || townStopSet.in(name) {
		return
	}
	src := b.src(p, h.start)
	country := b.realize(h, src)
	if country == nil {
		return
	}
	b.child(name, Other, country, b.src(p, i), p.scope)
}

// countyAfter reads a county-level name starting at byte i: an
// autonomous county (肃南裕固族自治县) or 1–4 characters plus 县, 区, 旗.
func countyAfter(text string, i int) (name string, end int, ok bool) {
	run := text[i : i+hanRun(text, i, 14)]
	if k := strings.Index(run, "自治县"); k > 0 {
		if cand, st := autonomousBefore(text, i+k+len("自治县")); st == i {
			return cand, i + len(cand), true
		}
	}
	j := i
	for n := 0; n < 4 && j < len(text); n++ {
		r, size := textnorm.DecodeRuneAt(text, j)
		if !textnorm.IsHan(r) {
			return
		}
		j += size
		next := runeAt(text, j)
		if next == '县' || next == '区' || next == '旗' {
			stem := text[i:j]
			if townStopSet.in(stem) || (next == '区' && n < 1) {
				return "", 0, false
			}
			end = j + utf8.RuneLen(next)
			return text[i:end], end, true
		}
	}
	return
}

// bareCountyLead are the characters after which a county of another city
// may be written alone (东接景泰县, 为积石山县): punctuation and verbs of
// bordering or giving.
const bareCountyLead = "接邻连与和及至为在赴到往同、，。；（“"

// bareCounties adds counties of other cities written alone: an autonomous
// county (…族自治县) whose short name follows a boundary, or a name of two or
// three characters plus 县 after a word of bordering or giving, when the
// name is seldom written without 县 (a verb + 县区 is not a county).
func (b *builder) bareCounties(p passage) {
	for _, g := range p.ix.among(b.index.startsOf("县")) {
		k := int(b.index.ents[g.k].off)
		off := k + len("县")
		if b.lookupEnd(p.Text, off) {
			continue
		}
		name, start := "", -1
		if strings.HasSuffix(p.Text[:off], "自治县") {
			name, start = autonomousBefore(p.Text, off)
		} else {
			for n := 2; n <= 3 && name == ""; n++ {
				st := k
				for m := 0; m < n && st > 0; m++ {
					r, size := utf8.DecodeLastRuneInString(p.Text[:st])
					if !textnorm.IsHan(r) {
						st = -1
						break
					}
					st -= size
				}
				if st < 0 || !strings.ContainsRune(bareCountyLead, runeBefore(p.Text, st)) {
					continue
				}
				stem := p.Text[st:k]
				if townStopSet.in(stem) || countyStopSet.in(stem) || orgVerbsSet.in(stem) {
					continue
				}
				if next := runeAt(p.Text, off); strings.ContainsRune("区委级长域城乡镇直属内外政人（(", next) {
					continue
				}
				if n, nCounty := b.countyWordCounts(stem); n > 4*nCounty {
					continue
				}
				name, start = stem+"县", st
			}
		}
		if name == "" || b.lookup(name) != nil {
			continue
		}
		short, bare := shortForms(name)
		b.add(name, County, b.src(p, start), short, bare)
	}
}

// lookupEnd reports whether a known place ends at byte end of text.
func (b *builder) lookupEnd(text string, end int) bool {
	// A name or alias, with an administrative suffix, of an
	// administrative place: one of the index of such forms.
	for _, n := range b.adminFormLens {
		if n <= end && b.adminForms[text[end-n:end]] {
			return true
		}
	}
	return false
}

// autonomousBefore returns the autonomous county ending at byte end of
// text: the shortest place name (2–4 characters) before the ethnic groups
// that follows a boundary, a lead word or a known place.
func autonomousBefore(text string, end int) (string, int) {
	body := strings.TrimSuffix(text[:end], "自治县")
	// Strip the ethnic groups.
	for cut := true; cut; {
		cut = false
		for _, eg := range ethnicGroups {
			if strings.HasSuffix(body, eg) {
				body, cut = strings.TrimSuffix(body, eg), true
				break
			}
		}
	}
	if len(body) == len(strings.TrimSuffix(text[:end], "自治县")) {
		return "", -1
	}
	st := len(body)
	for n := 1; n <= 4 && st > 0; n++ {
		r, size := utf8.DecodeLastRuneInString(body[:st])
		if !textnorm.IsHan(r) {
			return "", -1
		}
		st -= size
		if n < 2 {
			continue
		}
		prev := runeBefore(text, st)
		if boundary(prev) || strings.ContainsRune(bareCountyLead+"市州盟省区", prev) {
			stem := body[st:]
			if townStopSet.in(stem) || orgVerbsSet.in(stem) {
				return "", -1
			}
			return text[st:end], st
		}
	}
	return "", -1
}

// wordCount counts the occurrences of w in the running text, as
// strings.Count counts them in each passage: left to right, not
// overlapping (wordsApart).
func (b *builder) wordCount(w string) int {
	if b.words == nil {
		b.words = map[string]int{}
	}
	if n, ok := b.words[w]; ok {
		return n
	}
	n := 0
	if w == "" {
		// strings.Count counts the runes, plus one, where wordAt
		// yields every byte.
		for _, p := range b.texts {
			n += strings.Count(p.Text, w)
		}
	} else {
		for range b.wordsApart(w) {
			n++
		}
	}
	b.words[w] = n
	return n
}

// wordsApart yields the passage and byte of each occurrence of w
// (wordAt) that does not overlap the one counted before it, as
// strings.Count counts them.
func (b *builder) wordsApart(w string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		k, end := -1, 0 // the passage of the last occurrence yielded, and its end
		for j, i := range b.wordAt(w) {
			if j == k && i < end {
				continue
			}
			k, end = j, i+len(w)
			if !yield(j, i) {
				return
			}
		}
	}
}

// countyWordCounts returns wordCount(stem) and wordCount(stem+"县"),
// counting both in one walk when neither can overlap itself: then every
// occurrence of stem followed by 县 is one of stem+"县".
func (b *builder) countyWordCounts(stem string) (int, int) {
	w := stem + "县"
	if b.words == nil {
		b.words = map[string]int{}
	}
	n, ok1 := b.words[stem]
	nw, ok2 := b.words[w]
	if ok1 && ok2 {
		return n, nw
	}
	if stem == "" || selfOverlaps(stem) || selfOverlaps(w) {
		return b.wordCount(stem), b.wordCount(w)
	}
	n, nw = 0, 0
	for j, i := range b.wordsApart(stem) {
		n++
		if strings.HasPrefix(b.texts[j].Text[i+len(stem):], "县") {
			nw++
		}
	}
	b.words[stem], b.words[w] = n, nw
	return n, nw
}

// selfOverlaps reports whether a proper suffix of s is also its prefix, so
// that occurrences of s may overlap.
func selfOverlaps(s string) bool {
	for n := 1; n < len(s); n++ {
		if s[len(s)-n:] == s[:n] {
			return true
		}
	}
	return false
}

// countyStop are words that make a …县 candidate a title or a class of
// counties (示范县, 先进县, 强县) rather than a name.
var countyStop = []string{"示范", "先进", "进步", "强", "试点", "样板", "重点", "百强", "贫困", "畜牧", "农业", "产粮", "全国", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "型", "化", "业", "性"}

// mentions records every mention of a known place in the running text
// (once a line), except inside an organization's name (凉州区人民法院),
// and the PART_OF a chain or a 位于/地处 sentence states.
func (b *builder) mentions() {
	z := b.finder(true)
	hits := b.index.hits
	for _, p := range b.texts {
		if p.historical() {
			continue
		}
		hits = z.scanIndexed(hits, p.Text, p.ix)
		for chain := range chains(p.Text, hits) {
			ents := make([]*kg.Entity, len(chain))
			for m, h := range chain {
				e := b.byKey[h.key]
				if e != nil && b.mentioned(e, p.Line(h.start)) {
					ents[m] = e // known, and mentioned on this line: no source to make
					continue
				}
				src := b.src(p, h.start)
				if e == nil {
					e = b.realize(h, src)
				}
				if e == nil {
					continue
				}
				b.mention(e, src)
				ents[m] = e
			}
			for m := 1; m < len(chain); m++ {
				b.chainPartOf(p, ents[m-1], ents[m], chain[m].start)
			}
			b.locatedIn(z, p, ents[len(ents)-1], chain[len(chain)-1].end)
		}
		b.nativeAlias(p)
	}
	b.index.hits = hits
}

// chainPartOf records child PART_OF parent for a chain parent+child
// (凉州区永昌镇, 甘肃古浪人) where the tree agrees or is silent.
func (b *builder) chainPartOf(p passage, parent, child *kg.Entity, off int) {
	if parent == nil || child == nil {
		return
	}
	lp, lc := level(typeOf(parent)), level(typeOf(child))
	if lp == 0 || lc == 0 || lp >= lc {
		return
	}
	src := b.src(p, off)
	switch {
	case b.parent[child.Key] == "" || b.ancestor(parent, child):
		b.partOf(child, parent, src, p.scope)
	default:
		b.diagOnce(src.Line, CodeParentConflict, fmt.Sprintf("%s is written under %s, but its list puts it under %s", child.Name, parent.Name, b.byKey[b.parent[child.Key]].Name))
	}
}

// locatedIn records PART_OF for 〈place〉位于/地处〈places〉: the most
// specific of the larger places the clause names (凉州区地处甘肃省西北部，
// …武威市中部 → 武威市; 白亭海位于民勤县北部 → 民勤县).
func (b *builder) locatedIn(z *Gazetteer, p passage, e *kg.Entity, end int) {
	if e == nil {
		return
	}
	rest := p.Text[end:]
	var verb string
	for _, v := range []string{"位于", "地处"} {
		if strings.HasPrefix(rest, v) {
			verb = v
		}
	}
	if verb == "" {
		return
	}
	off := end + len(verb)
	stop := len(p.Text)
	for _, sep := range []string{"。", "；"} {
		if k := strings.Index(p.Text[off:], sep); k >= 0 && off+k < stop {
			stop = off + k
		}
	}
	le := level(typeOf(e))
	var best *kg.Entity
	bestOff := 0
	for _, h := range z.scan(p.Text[off:stop]) {
		to := b.byKey[h.key]
		if to == nil || orgTail(p.Text[off:stop], h.end) {
			continue
		}
		lt := level(typeOf(to))
		if lt == 0 || (le != 0 && le <= lt) {
			continue
		}
		if b.parent[e.Key] != "" && !b.ancestor(to, e) {
			continue
		}
		if best == nil || lt > level(typeOf(best)) {
			best, bestOff = to, off+h.start
		}
	}
	if best != nil {
		b.partOf(e, best, b.src(p, bestOff), p.scope)
	}
}

// nativeAlias adds the name a place bears in another language, where the
// text gives it right after the place: 天祝，藏语称华锐.
func (b *builder) nativeAlias(p passage) {
	if !p.ix.contains(p.Text, "语称") {
		return // none of the words below
	}
	for _, lang := range []string{"藏语称", "蒙古语称", "蒙语称", "维吾尔语称"} {
		for off := 0; ; {
			i := strings.Index(p.Text[off:], lang)
			if i < 0 {
				break
			}
			i += off
			off = i + len(lang)
			before := strings.TrimSuffix(p.Text[:i], "，")
			e := (*kg.Entity)(nil)
			for _, x := range b.ents {
				for _, f := range append([]string{x.Name}, x.Aliases...) {
					if strings.HasSuffix(before, f) && (e == nil || len(f) > 0) && level(typeOf(x)) > 0 {
						e = x
					}
				}
			}
			n := hanRun(p.Text, off, 4)
			if e == nil || n < len("华锐") {
				continue
			}
			alias := p.Text[off : off+n]
			// The name runs to the first function character.
			if k := strings.IndexAny(alias, "意为是即"); k > 0 {
				alias = alias[:k]
			}
			if hanLen(alias) >= 2 {
				b.alias(e, alias)
			}
		}
	}
}

// orgVerbs are words that, between a place and an organization suffix,
// show that the suffix ends another phrase (凉州区举办全市运动会).
var orgVerbs = []string{
	"举办", "召开", "开展", "实施", "建设", "建成", "完成", "组织", "启动", "推进", "发布", "举行", "成立", "印发", "出台", "制定", "获得", "获", "荣获",
	"被", "为", "与", "及", "等", "到", "赴", "在", "是", "有", "将", "把", "对", "向", "从", "由", "共", "累计", "新建", "创建", "打造", "推动", "加快",
	"全面", "积极", "深入", "持续", "坚持", "实现", "参加", "接待", "争取", "申报", "入选", "列入", "位于", "地处", "的", "了", "至", "境内", "全年", "新增", "各",
}

// chains yields the chains of the hits of text, in order: the runs of
// hits that touch each other (凉州区永昌镇), each a place or places
// written together, but for those that start an organization's name
// (凉州区人民法院: orgTail).
func chains(text string, hits []hit) iter.Seq[[]hit] {
	return func(yield func([]hit) bool) {
		for k := 0; k < len(hits); {
			j := k + 1
			for j < len(hits) && hits[j].start == hits[j-1].end {
				j++
			}
			chain := hits[k:j]
			k = j
			if !orgTail(text, chain[len(chain)-1].end) && !yield(chain) {
				return
			}
		}
	}
}

// orgTail reports whether the text right after a place (up to the next
// punctuation) ends an organization's name that starts with the place:
// 凉州区 + 人民法院, 古浪县 + 八步沙林场.
func orgTail(text string, end int) bool {
	// A parenthesised part belongs to the name: 甘肃（武威）国际陆港.
	if strings.HasPrefix(text[end:], "（") {
		if k := strings.Index(text[end:], "）"); k > 0 && k < 24 {
			end += k + len("）")
		}
	}
	// The run of up to 16 Han runes after the place (hanRun), read once:
	// the runes that may start a suffix, and where, are kept for the
	// loop below.
	var at [16]int32
	var first [16]rune
	n, j := 0, end
	for k := 0; k < 16 && j < len(text); k++ {
		r, size := textnorm.DecodeRuneAt(text, j)
		if !textnorm.IsHan(r) {
			break
		}
		if orgSuffixRunes.mayHave(r) {
			at[n], first[n] = int32(j-end), r
			n++
		}
		j += size
	}
	run := text[end:j]
	if run == "" {
		return false
	}
	if partRunes.holds(runeAt(run, 0)) {
		return false // 民勤县北部, 凉州区境内: a part of the place
	}
	// Each suffix at its first occurrence in run (strings.Index), unless
	// a verb comes before it; the run is read once, not once a suffix.
	var seen [4]uint64 // of the suffixes, by index
	for m := range n {
		i := int(at[m])
		for _, k := range orgSuffixFirst[first[m]] {
			if seen[k>>6]&(1<<(k&63)) != 0 || !strings.HasPrefix(run[i:], orgSuffixes[k]) {
				continue
			}
			seen[k>>6] |= 1 << (k & 63)
			pre := strings.ReplaceAll(run[:i], "有限", "")
			if !orgVerbsSet.in(pre) {
				return true
			}
		}
	}
	return false
}

// partRunes are the runes that, right after a place, name a part of it.
var partRunes = runesOf("东南西北中境")

// orgSuffixFirst indexes orgSuffixes by their first rune, and
// orgSuffixRunes holds those runes.
var orgSuffixFirst, orgSuffixRunes = func() map[rune][]int {
	if len(orgSuffixes) > 256 {
		panic("places: orgTail marks at most 256 orgSuffixes")
	}
	m := map[rune][]int{}
	for k, s := range orgSuffixes {
		r, _ := utf8.DecodeRuneInString(s)
		m[r] = append(m[r], k)
	}
	return m
}(), firstRunes(orgSuffixes)
