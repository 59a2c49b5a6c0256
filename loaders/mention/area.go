package mention

import "github.com/yearbookkg/kg"

// EdgeWords name the part of a large place a smaller one inside it lies
// in, written between the two (腾格里沙漠南缘头道沟): places reads the
// small place after them, and events goes on with a chain of places
// through them.
var EdgeWords = []string{"南缘", "北缘", "东缘", "西缘", "边缘", "腹地", "深处"}

// Area returns the county or district a passage is about, from the titles
// of the headings above it (the section 民勤县 of the county chapter, the
// topic 【古浪县省级现代农业产业园】): the first title that is such a place,
// or starts with one. Yearbooks leave this place out of the sentences under
// it (全县…, 城区…项目建成), so that it is the place of what they tell
// when they name none. Towns and sites are no area: their topics describe
// them, not what happens in them.
func Area(f Finder, titles ...string) (Span, bool) {
	for _, t := range titles {
		if t == "" {
			continue
		}
		for _, sp := range f.Find(t) {
			if sp.Kind == kg.Place && sp.Start == 0 && sp.Key != "" && (sp.Type == "COUNTY" || sp.Type == "DISTRICT") {
				return sp, true
			}
		}
	}
	return Span{}, false
}
