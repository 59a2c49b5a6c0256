package places

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The regexps that routeSpans, sightListsAt, countsIn and countAt
// replace, which the tests hold them to.
var (
	reRoute     = regexp.MustCompile(`[^。；，：“”]+(?:→[^。；，：“”→]+)+`)
	reSightList = regexp.MustCompile(`等(景区景点|景点|景区|名胜古迹|旅游景点|旅游景区)`)
	reCounted   = regexp.MustCompile(`(\d+|[一二两三四五六七八九十]+)(条|座|个|处)(河流|水系|水库|湖泊|冰川|山峰)`)
	reCount     = regexp.MustCompile(`^(\d+|[一二两三四五六七八九十百]+)(个)?`)
)

// regexpCases are the yearbook's lines, in pairs too, and cases of the
// edges of each regexp: runs that start or end with →, → doubled, quotes,
// counts of both kinds of numerals, broken UTF-8.
func regexpCases(t *testing.T) []string {
	lines := strings.Split(yearbookText(t), "\n")
	out := slices.Clone(lines)
	for i := 0; i+1 < len(lines); i++ {
		out = append(out, lines[i]+lines[i+1])
	}
	return append(out, "", "→", "a→b", "→a", "a→", "a→→b", "a→b→", "a→b→→c，d→e", "“a→b”", "甲→乙→丙。丁→戊", "\xe2\x86→b", "a\xff→b",
		"有大靖河、古浪河等8条河流", "5条水系10条河流", "三座水库", "二十八个湖泊", "十2条河流", "2十条河流", "条河流", "a8条山峰和3座冰川",
		"雷台汉墓等景点", "天梯山等名胜古迹", "沙漠等旅游景区", "等等景区景点", "等", "等景",
		"37个镇", "18镇", "一百个", "两个", "2个", "个", "\xe4\xb8", "12３个")
}

// TestRegexpReplacements checks routeSpans, sightListsAt and countsIn
// against the regexps' matches on every case, and countAt against reCount
// at every byte of each.
func TestRegexpReplacements(t *testing.T) {
	for _, s := range regexpCases(t) {
		var routes [][2]int
		for _, m := range reRoute.FindAllStringIndex(s, -1) {
			routes = append(routes, [2]int{m[0], m[1]})
		}
		if got := routeSpans(s); !slices.Equal(got, routes) {
			t.Fatalf("routeSpans(%q) = %v, want %v", s, got, routes)
		}
		var lists []int
		for _, m := range reSightList.FindAllStringIndex(s, -1) {
			lists = append(lists, m[0])
		}
		if got := sightListsAt(s); !slices.Equal(got, lists) {
			t.Fatalf("sightListsAt(%q) = %v, want %v", s, got, lists)
		}
		var counts []counted
		for _, m := range reCounted.FindAllStringSubmatchIndex(s, -1) {
			counts = append(counts, counted{m[0], m[6], m[7]})
		}
		if got := countsIn(s, false); !slices.Equal(got, counts) {
			t.Fatalf("countsIn(%q) = %v, want %v", s, got, counts)
		}
		if got := countsIn(s, true); len(got) != min(len(counts), 1) || len(got) == 1 && got[0] != counts[0] {
			t.Fatalf("countsIn(%q, true) = %v, want the first of %v", s, got, counts)
		}
		if len(s) > 2000 {
			continue
		}
		for i := range len(s) + 1 {
			num, n := countAt(s[i:])
			m := reCount.FindStringSubmatchIndex(s[i:])
			if m == nil && num != 0 || m != nil && (num != m[3] || n != m[1] || (m[4] >= 0) != (n > num)) {
				t.Fatalf("countAt(%q) = %d, %d, want %v", s[i:], num, n, m)
			}
		}
	}
}
