package events

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestCitedShortcuts holds citesPerson, citesOrg and the disaster words
// to the regexps they stand for, on every rune offset of the lines of
// the vendored yearbook that hold any of the words they look for, and
// on made-up text.
func TestCitedShortcuts(t *testing.T) {
	texts := []string{"", "同志", "总书记关于……的重要讲话精神", "新时代", "在调研时的讲话精神", "有关文件精神", "文件", "十四届三次全会精神，", "精神和", "\xe7精神", "讲话精\xe7神",
		strings.Repeat("长", 29) + "讲话精神", strings.Repeat("长", 31) + "讲话精神", strings.Repeat("长", 16) + "文件", strings.Repeat("长", 17) + "文件。", strings.Repeat("\xff", 40) + "讲话精神", "古浪暴雨", "山体滑坡", "地震局", "冰雹x"}
	b, err := os.ReadFile("../../data/wuwei-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.Contains(l, "精神") || strings.Contains(l, "文件") || hasAnyPrefix(l, citedLeads...) || strings.Contains(l, "同志") {
			for i := range l {
				texts = append(texts, l[i:])
			}
		}
	}
	reDisaster := regexp.MustCompile(`(地震|洪水|洪灾|火灾|泥石流|山体滑坡|暴雨|冰雹|沙尘暴|雪灾|旱灾)$`)
	person, org := 0, 0
	for _, s := range texts {
		want := citedAfter.MatchString(s) || citedSpeech.MatchString(s)
		if got := citesPerson(s); got != want {
			t.Fatalf("citesPerson(%q) = %v, want %v", s, got, want)
		}
		if want {
			person++
		}
		want = citedOrg.MatchString(s)
		if got := citesOrg(s); got != want {
			t.Fatalf("citesOrg(%q) = %v, want %v", s, got, want)
		}
		if want {
			org++
		}
		for _, end := range []int{len(s), min(len(s), 12)} {
			if got, want := hasAnySuffix(s[:end], disasters...), reDisaster.MatchString(s[:end]); got != want {
				t.Fatalf("disaster suffix of %q = %v, want %v", s[:end], got, want)
			}
		}
	}
	if person == 0 || org == 0 {
		t.Errorf("matches: %d of people, %d of organizations: the check checks little", person, org)
	}
}
