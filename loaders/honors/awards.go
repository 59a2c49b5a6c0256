package honors

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/mention"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

// Lists of organizations given one title in running text:
//
//	A、B、C等5所学校被认定为“省级智慧教育标杆校”
//	X被评为全国百姓放心百佳示范医院
//	X入选首批省级电子商务产业基地
//
// Each listed name the mention finder bounds as an ORGANIZATION, whole, is
// an honoree. A place (武威市被命名为…示范区), a count (3所学校) or any
// item that is not exactly one organization drops the whole list.

// listVerbs are the verbs of reListVerb. Each starts with its own
// character, and none is a prefix of another.
var listVerbs = []string{"评为", "确定为", "认定为", "命名为", "入选", "授予"}

// listLeads are the first characters of listVerbs, each as its three
// UTF-8 bytes in one number, as lead3 reads them.
var listLeads = func() (out [6]uint32) {
	for i, v := range listVerbs {
		out[i] = lead3(v, 0)
	}
	return out
}()

// verbMin is the length in bytes of the shortest verb of awardWords and
// listVerbs (two characters).
const verbMin = 6

// verbShifts is the skip table of verbAt. For each pair of bytes b1 b2
// (indexed b1|b2<<8, as one little-endian load of the two reads them),
// it holds how far a window of verbMin bytes that ends in the pair moves
// without passing the start of any verb: verbMin-1-q, for the last
// position q (1 to verbMin-1) at which the pair ends within the first
// verbMin bytes of a verb, or verbMin-1 when it ends at none. A window
// whose shift is 0 (q = verbMin-1) may be a verb.
var verbShifts [1 << 16]uint8

func init() {
	for b := range verbShifts {
		verbShifts[b] = verbMin - 1
	}
	for _, v := range append(append([]string(nil), awardWords...), listVerbs...) {
		for q := 1; q < verbMin; q++ {
			b := uint16(v[q-1]) | uint16(v[q])<<8
			verbShifts[b] = min(verbShifts[b], uint8(verbMin-1-q))
		}
	}
}

// lead3 returns the three bytes of s at i in one number.
func lead3(s string, i int) uint32 {
	return uint32(s[i])<<16 | uint32(s[i+1])<<8 | uint32(s[i+2])
}

// listPrefixes are the words reListVerb allows before its verb. No two
// end with the same character, so a run of them is read back from the
// verb in one way only.
var listPrefixes = []string{"被", "新", "首次", "成功"}

// listPrefixStart returns where the run of listPrefixes that ends at i
// starts, not before from.
func listPrefixStart(s string, i, from int) int {
	start := i
prefix:
	for {
		for _, p := range listPrefixes {
			if start-len(p) >= from && strings.HasSuffix(s[:start], p) {
				start -= len(p)
				continue prefix
			}
		}
		return start
	}
}

// listVerbAt returns the index in listVerbs of the verb at s[i:], or -1.
func listVerbAt(s string, i int) int {
	c := lead3(s, i)
	for k, l := range listLeads {
		if c == l && strings.HasPrefix(s[i:], listVerbs[k]) {
			return k
		}
	}
	return -1
}

// dropListCount returns s without the count that closes a list (…等5所学校,
// …2家企业): reListCount.ReplaceAllString(s, "") (TestDropListCount),
// read back from the end of s instead of tried at every position. The
// count is: 等, if written, spaces, a number (ASCII digits or Chinese
// numerals), spaces, a counter (listCountWords), spaces, a noun
// (listCountNouns), if written, and spaces. No noun ends in a counter or
// a space, so a noun that ends s is the count's, if s has one; and the
// leftmost match takes the whole run of the number and the spaces
// before it.
func dropListCount(s string) string {
	e := len(trimSpaceRight(s))
	for _, w := range listCountNouns {
		if strings.HasSuffix(s[:e], w) {
			e = len(trimSpaceRight(s[:e-len(w)]))
			break
		}
	}
	// A counter is three bytes, its lead byte first in listCountWords.
	if e < 3 || s[e-3] < 0xC0 || !strings.Contains(listCountWords, s[e-3:e]) {
		return s
	}
	e = len(trimSpaceRight(s[:e-3]))
	start := e
	for start > 0 && s[start-1] >= '0' && s[start-1] <= '9' {
		start--
	}
	if start == e {
		for start >= 3 && s[start-3] >= 0xC0 && strings.Contains(chineseNumerals, s[start-3:start]) {
			start -= 3
		}
	}
	if start == e {
		return s
	}
	start = len(trimSpaceRight(s[:start]))
	return strings.TrimSuffix(s[:start], "等")
}

// listCountNouns are the nouns a list's count may end with.
var listCountNouns = []string{"企业", "单位", "学校", "医院", "中小学", "幼儿园", "机构", "合作社", "园区"}

// chineseNumerals are the numerals a count is written with, three bytes
// each.
const chineseNumerals = "一二三四五六七八九十"

// trimSpaceRight returns s without the spaces a regexp's \s matches at its
// end.
func trimSpaceRight(s string) string {
	return strings.TrimRight(s, " \t\n\f\r")
}

// reListTrail matches adverbs between a list and its verb (均, 分别).
var reListTrail = regexp.MustCompile(`(均|分别|先后|同时|全部|还|也|已)+$`)

// listTrailWords are the alternatives of reListTrail, one of which ends
// every match.
var listTrailWords = []string{"均", "分别", "先后", "同时", "全部", "还", "也", "已"}

// dropTrail is reListTrail.ReplaceAllString(s, ""), with the regexp run
// only when s ends in one of its words.
func dropTrail(s string) string {
	if !textnorm.HasAnySuffix(s, listTrailWords...) {
		return s
	}
	return reListTrail.ReplaceAllString(s, "")
}

// listCountWords are the counters of reListCount, one of which every
// match holds.
const listCountWords = "家个所座"

// listLeadWords are the words reListLead starts with but a year.
var listLeadWords = []string{"同年", "当年", "年内", "其中"}

// reListLead matches a date or adverb that opens the clause of a list.
var reListLead = regexp.MustCompile(`^(\d{4}\s*年(\s*\d{1,2}\s*月)?(\s*\d{1,2}\s*日)?|同年|当年|年内|其中)`)

// itemPlace returns the county or district that opens a listed item
// (天祝县 of 天祝县城关第二小学), or "": two to four Han characters and 县 or
// 区, the shortest such, followed by two Han characters or more, all of
// the item Han. It is the regexp ^(\p{Han}{2,4}?(?:县|区))\p{Han}{2,}$
// (TestItemPlace), without its run for every item of every list.
//
// It reads the item's runes in place, without a copy of them: an item
// that is all Han is valid UTF-8, so the place is the item's bytes up to
// the end of its 县 or 区.
func itemPlace(it string) string {
	n := 0
	for _, c := range it {
		if !textnorm.IsHan(c) {
			return ""
		}
		n++
	}
	k := 0
	for i, c := range it {
		if k > 4 || k+3 > n {
			break
		}
		if k >= 2 && (c == '县' || c == '区') {
			return it[:i+utf8.RuneLen(c)]
		}
		k++
	}
	return ""
}

// titleLevels are the words a title given without quotes starts with or
// holds: its level or its batch (省级, 全国, 首批, 第十批).
var titleLevels = []string{"全国", "国家", "省级", "市级", "县级", "中国", "全省", "全市", "首批", "第一批", "批", "甘肃省", "国字号"}

// titleHeads are the words an unquoted title ends with: what the listed
// organizations are named as.
var titleHeads = []string{"校", "院", "医院", "单位", "集体", "示范区", "基地", "工厂", "中心", "企业", "园区", "园", "组织", "站", "馆", "所", "村", "社区", "窗口", "标兵", "示范点", "试点", "名单", "称号", "品牌", "岗", "室", "家"}

// listAwards reads the lists of organizations honored in running text.
func (b *builder) listAwards(ps []passage, profiled map[int]bool) {
	// The finder knows no places here (they are the places loader's); the
	// county and district names that open the listed items are given to it
	// as places, so that it bounds 天祝县城关第二小学 as it would in prose.
	var known []mention.Name
	seen := map[string]bool{}
	for i := range ps {
		p := &ps[i]
		p.listClause = make([]int, len(p.list))
		for k, m := range p.list {
			p.listClause[k] = lastBoundary(p.Text, m[0])
			clause := p.Text[p.listClause[k]:m[0]]
			for it := range strings.SplitSeq(clause, "、") {
				if pl := itemPlace(strings.TrimSpace(it)); pl != "" && !seen[pl] {
					seen[pl] = true
					known = append(known, mention.Name{Kind: kg.Place, Name: pl})
				}
			}
		}
	}
	f := mention.NewFinder(known, b.d.City)
	for _, p := range ps {
		if p.topic != nil && profiled[p.topic.Start] {
			continue
		}
		b.listAwardsIn(p, f)
	}
}

// listAwardsIn reads the lists of passage p, at its list verbs.
func (b *builder) listAwardsIn(p passage, f mention.Finder) {
	text := p.Text
	for k, m := range p.list {
		verb := text[m[2]:m[3]]
		if verb == "授予" && !strings.Contains(text[m[0]:m[2]], "被") {
			continue // 授予 with its honoree after it is awards'
		}
		titles, written := listTitles(text, m[1], verb)
		if len(titles) == 0 {
			continue
		}
		clauseStart := p.listClause[k]
		names := listHonorees(text[clauseStart:m[0]], f)
		if len(names) == 0 {
			continue
		}
		// The source is the verb's, as awards gives it: one relation a line.
		src := b.d.Source(b.yb, p.Passage, m[2])
		year := b.yearOf(text, clauseStart, m[0])
		for _, nm := range names {
			from := b.entity(kg.Organization, nm, src).Ref()
			for _, h := range titles {
				props := map[string]string{"title": written[h]}
				for k, v := range year {
					props[k] = v
				}
				b.relate(kg.Honored, from, kg.Ref{Kind: kg.Honor, Key: textnorm.Key(h)}, props, src)
			}
		}
	}
}

// listTitles reads the title after a list's verb at byte i: quoted, as
// awards reads it, or unquoted up to the clause's end when it names a
// level or a batch and ends like a title (省级工业设计中心, 第十批全国…示范单位).
func listTitles(text string, i int, verb string) ([]string, map[string]string) {
	if hs, w, _ := honorsAfter(text, i, verb); len(hs) > 0 {
		return hs, w
	}
	rest := text[i:]
	if k := firstStart(rest, honorSeps); k >= 0 {
		rest = rest[:k]
	}
	rest = strings.TrimSpace(rest)
	for _, tail := range []string{"荣誉称号", "称号", "创建名单", "名单", "行列"} {
		rest = strings.TrimSuffix(rest, tail)
	}
	name := rest
	if strings.Contains(rest, "“") || strings.Contains(rest, "”") || strings.Contains(rest, " ") {
		name = unquote.Replace(rest) // a replacer copies even a text it leaves as it is
	}
	n := utf8.RuneCountInString(name)
	if n < 4 || n > 30 || strings.ContainsAny(name, "、等和及或《》（）()") {
		return nil, nil
	}
	for _, r := range name {
		if !(textnorm.IsHan(r) || r >= '0' && r <= '9') {
			return nil, nil
		}
	}
	if !textnorm.ContainsAny(name, titleLevels...) || !textnorm.HasAnySuffix(name, titleHeads...) {
		return nil, nil
	}
	return []string{name}, map[string]string{name: textnorm.Clean(rest)}
}

// unquote drops the quotes and spaces of an unquoted title; built once,
// as a replacer is costly to build.
var unquote = strings.NewReplacer("“", "", "”", "", " ", "")

// listHonorees returns the organizations a list's subject names, or
// nothing when an item is not exactly one organization the finder bounds.
func listHonorees(subject string, f mention.Finder) []string {
	subject = strings.TrimSpace(subject)
	// Each regexp runs only where what it must match is there: most
	// subjects have no date, count or adverb to drop.
	if subject != "" && (subject[0] >= '0' && subject[0] <= '9' || textnorm.HasAnyPrefix(subject, listLeadWords...)) {
		subject = reListLead.ReplaceAllString(subject, "")
	}
	subject = strings.TrimSpace(dropTrail(subject))
	subject = strings.TrimSpace(dropListCount(subject))
	subject = strings.TrimSpace(dropTrail(subject))
	if subject == "" {
		return nil
	}
	var out []string
	for it := range strings.SplitSeq(subject, "、") {
		it = strings.TrimSpace(it)
		if it == "" || textnorm.HasAnySuffix(it, placeSuffixes...) {
			return nil
		}
		spans := f.Find(it)
		if len(spans) != 1 || spans[0].Kind != kg.Organization || spans[0].Start != 0 || spans[0].End != len(it) {
			return nil
		}
		out = append(out, it)
	}
	return out
}
