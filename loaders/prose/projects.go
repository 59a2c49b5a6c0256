package prose

import (
	"github.com/yearbookkg/kg/loaders/textnorm"
	"strings"
	"unicode/utf8"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/mention"
)

// projectMention is a project's mention in a passage with the places the
// text gives it, related once the whole passage is read: a place stated
// outright (在民勤县建设…, 古浪工业集中区的…项目, 批发市场位于凉州区永昌镇
// 白洪村, 该项目将在凉州区和古浪县…) wins over the place in its name.
type projectMention struct {
	prj    int // the project's index in ents
	sp     mention.Span
	src    at
	named  []mention.Span // the place its name puts it in
	stated []mention.Span // the places the text states
}

// projectLinks relates a project to its owner, named at the start of its
// name (the finder's "owner": 金风科技武威装备制造基地 → 金风科技), and
// returns its mention with the place its name gives (the finder's
// "place") and a place stated just before it in the same clause.
func (x *extractor) projectLinks(prj int, sp mention.Span, before []mention.Span, p *text, src at) projectMention {
	pm := projectMention{prj: prj, sp: sp, src: src}
	if owner := sp.Props["owner"]; owner != "" && key(owner) != x.ents.at(prj).Key {
		org := x.mention(kg.Organization, key(owner), owner, src)
		x.relateStatement(kg.OwnedBy, prj, org, src)
	}
	if pl, ok := x.namedPlace(sp.Props["place"], sp.Name); ok {
		pm.named = []mention.Span{pl}
	} else if sp.Props["place"] == "" {
		pm.named = x.placeInName(sp)
	}
	// 在民勤县建设…项目, 古浪工业集中区的…项目: a place right before, in
	// the same clause.
	for k := len(before) - 1; k >= 0; k-- {
		b := before[k]
		gap := p.Text[b.End:sp.Start]
		if textnorm.ContainsAny(gap, "，", "。", "；", "：", "！", "？", ",", ";", ":") || utf8.RuneCountInString(gap) > 12 {
			break
		}
		if b.Kind != kg.Place {
			continue
		}
		// The most precise place of a chain (在凉州区永昌镇…).
		c := k
		for c > 0 && before[c-1].Kind == kg.Place && before[c-1].End == before[c].Start {
			c--
		}
		lead := p.Text[:before[c].Start]
		if gap == "的" || strings.HasSuffix(lead, "在") || strings.HasSuffix(lead, "于") {
			pm.stated = append(pm.stated, b)
		}
		break
	}
	return pm
}

// namedPlace returns the place the finder read in a project's name. A
// site the project is itself (凉州十七巷 in 凉州十七巷罗什寺和东巷子街区)
// does not locate it: the place its name starts with does (凉州 →
// 凉州区). Parks and zones (工业园区, 工业集中区) stay.
func (x *extractor) namedPlace(written, project string) (mention.Span, bool) {
	if written == "" {
		return mention.Span{}, false
	}
	pl, ok := x.wholePlace(written)
	if !ok {
		return mention.Span{}, false
	}
	if pl.Type != "SITE" || textnorm.HasAnySuffix(written, "园区", "集中区", "开发区", "产业园", "港", "站") || !strings.HasPrefix(project, written) {
		return pl, true
	}
	r := []rune(written)
	for n := len(r) - 1; n >= 2; n-- {
		if pl, ok := x.wholePlace(string(r[:n])); ok && pl.Type != "SITE" {
			return pl, true
		}
	}
	return mention.Span{}, false
}

// placeInName reads the name of a project in which the running-text
// finder saw no known place with the places finder itself: the most
// precise place of the first chain of places after its owner, not a
// province (甘肃电投辰旭凉州九墩滩50MW光伏 → 九墩滩).
func (x *extractor) placeInName(sp mention.Span) []mention.Span {
	name := strings.TrimPrefix(lastRuneCut(sp.Name), sp.Props["owner"])
	var place *mention.Span
	inner := x.find(name)
	for k := range inner {
		in := &inner[k]
		if in.Kind != kg.Place {
			if place != nil {
				break
			}
			continue
		}
		if in.Type == "PROVINCE" || in.Type == "COUNTRY" {
			continue
		}
		if place != nil && in.Start != place.End {
			break
		}
		place = in
	}
	if place == nil || place.Key == "" {
		return nil
	}
	if place.Type == "SITE" && place.Start == 0 && !textnorm.HasAnySuffix(name[:place.End], "园区", "集中区", "开发区", "产业园", "港", "站") {
		return nil // the site the project is (文庙儒学院)
	}
	return []mention.Span{*place}
}

// wholePlace returns the place the finder reads s as, when s is one place
// and nothing more.
func (x *extractor) wholePlace(s string) (mention.Span, bool) {
	for _, sp := range x.find(s) {
		if sp.Kind == kg.Place && sp.Start == 0 && sp.End == len(s) && sp.Key != "" {
			return sp, true
		}
	}
	return mention.Span{}, false
}

// locatedWords introduce where a project lies, in the sentence after it
// (批发市场位于凉州区永昌镇白洪村, 该项目将在凉州区和古浪县…).
var locatedWords = []string{"位于", "将在", "选址于", "选址在", "落户"}

// projectPlaces relates the projects of a passage to their places, once
// the sentences after them have been read: places stated outright, or
// else the place in their name.
//
// A project whose text places it nowhere, under the heading of a county
// (the 民勤县 section of the county chapter), lies in that county: the
// county's own pages leave it out of their sentences.
func (x *extractor) projectPlaces(p *text, spans []mention.Span, prjs []projectMention, area *mention.Span) {
	if len(prjs) == 0 {
		return
	}
	x.statedAfter(p, spans, prjs)
	for _, pm := range prjs {
		places := pm.stated
		if len(places) == 0 {
			places = pm.named
		}
		if len(places) == 0 && area != nil {
			places = []mention.Span{*area}
		}
		for _, pl := range places {
			pl := x.mention(kg.Place, pl.Key, pl.Name, pm.src, placeProp(pl))
			x.relateStatement(kg.LocatedIn, pm.prj, pl, pm.src)
		}
	}
}

// statedAfter adds to each project the places a sentence states for it:
// the project itself followed by 位于, or a sentence that speaks of it
// (该项目, 项目, or the end of its name: 批发市场) and says where it lies,
// before any other project is named.
func (x *extractor) statedAfter(p *text, spans []mention.Span, prjs []projectMention) {
	text := p.Text
	for k := range prjs {
		pm := &prjs[k]
		limit := len(text)
		if k+1 < len(prjs) {
			limit = prjs[k+1].sp.Start
		}
		// X项目位于…
		if at := pm.sp.End; textnorm.HasAnyPrefix(text[at:], "位于") {
			pm.stated = append(pm.stated, placeChain(text, spans, at+len("位于"))...)
			continue
		}
		// The sentences after it, up to the next project.
		start := sentenceEnd(text, pm.sp.End)
		for n := 0; n < 2 && start < limit; n++ {
			end := sentenceEnd(text, start)
			s := text[start:min(end, limit)]
			for _, w := range locatedWords {
				i := strings.Index(s, w)
				if i < 0 || !refersTo(s[:i], pm.sp.Name) {
					continue
				}
				pm.stated = append(pm.stated, placeChain(text, spans, start+i+len(w))...)
				break
			}
			if len(pm.stated) > 0 {
				break
			}
			start = end
		}
	}
}

// refersTo reports whether the subject of a sentence names the project
// called name: 该项目, 项目, 该工程, or the end of its name (批发市场 for
// 武威亚峰农产品综合批发市场).
func refersTo(subject, name string) bool {
	switch subject {
	case "该项目", "项目", "本项目", "该工程", "工程", "该基地", "基地":
		return true
	}
	n := utf8.RuneCountInString(subject)
	return n >= 2 && n <= 8 && subject != name && strings.HasSuffix(strings.TrimSuffix(name, "项目"), subject)
}

// placeChain returns the places written from byte at of text: the most
// precise of a chain written together (凉州区永昌镇白洪村 → 白洪村), and
// each item of a list joined by 和, 、 or 及 (凉州区和古浪县).
func placeChain(text string, spans []mention.Span, at int) []mention.Span {
	var out []mention.Span
	pos := at
	for _, sp := range spans {
		if sp.Start < pos {
			continue
		}
		gap := text[pos:sp.Start]
		if sp.Kind != kg.Place || sp.Key == "" {
			break
		}
		switch {
		case len(out) > 0 && gap == "":
			out[len(out)-1] = sp
		case gap == "" || len(out) > 0 && (gap == "和" || gap == "、" || gap == "及"):
			out = append(out, sp)
		default:
			return out
		}
		pos = sp.End
	}
	return out
}

// sentenceEnd returns the byte offset after the sentence that holds byte
// i of text.
func sentenceEnd(text string, i int) int {
	if j := nextSentenceEnd(text, i); j >= 0 {
		return j + len("。")
	}
	return len(text)
}

// relateStatement records a relationship once per statement: a project's
// place or owner told again in another passage is another statement, with
// its own source (resolve keeps these per statement too).
func (x *extractor) relateStatement(typ string, from, to int, src at) {
	if from == to {
		return
	}
	k := relKey{typ: typ, from: from, to: to, line: src.Line}
	if _, ok := x.rels[k]; ok {
		return
	}
	x.add(k, kg.Relationship{Type: typ, From: x.ents.at(from).Ref(), To: x.ents.at(to).Ref(), Source: x.sourceOf(src)})
}
