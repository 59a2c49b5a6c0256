package honors

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/mention"
)

func TestListHonorees(t *testing.T) {
	f := mention.NewFinder([]mention.Name{{Kind: kg.Place, Name: "民勤县"}}, "武威")
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"武威第一中学、民勤县实验中学等2所学校", []string{"武威第一中学", "民勤县实验中学"}},
		{"武威市人民医院", []string{"武威市人民医院"}},
		{"武威市、凉州区", nil},      // places
		{"3所学校", nil},         // a count
		{"全市12所学校", nil},      // no name
		{"武威第一中学、学校少先队", nil}, // one item is no organization
	} {
		if got := listHonorees(c.in, f); !reflect.DeepEqual(got, c.want) {
			t.Errorf("listHonorees(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestListTitles(t *testing.T) {
	for _, c := range []struct {
		in, want string
	}{
		{"全国百姓放心百佳示范医院。", "全国百姓放心百佳示范医院"},
		{"首批省级电子商务产业基地，", "首批省级电子商务产业基地"},
		{"“省级智慧教育标杆校”。", "省级智慧教育标杆校"},
		{"先进单位，", ""}, // no level
		{"全市第一，", ""}, // no title
	} {
		got, _ := listTitles(c.in, 0, "评为")
		w := []string(nil)
		if c.want != "" {
			w = []string{c.want}
		}
		if !reflect.DeepEqual(got, w) {
			t.Errorf("listTitles(%q) = %q, want %q", c.in, got, w)
		}
	}
}

// TestListVerbMatches holds listVerbMatches to its specification, the
// regexp reListVerb, on made-up edge cases and on every line of the
// vendored yearbook.
func TestListVerbMatches(t *testing.T) {
	cases := []string{
		"", "评为", "被评为", "被被新首次成功评为先进", "首次被评为、新入选", "成功授予被授予",
		"首评为", "次评为", "成评为", "功入选", "被首次", "被", "评为评为", "入选授予被确定为命名为认定为",
		"武威第一中学、民勤县实验中学被评为“全国文明校园”", "新新新", "被\xff评为", "\xe8评为",
		"\xe8\xaf评为", "评\xaf\x84为入选", "\xe5\x85被入选", "中\xe8中被评为", "首次\xe8\xaf\x84为",
	}
	b, err := os.ReadFile("../../data/wuwei-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	cases = append(cases, lines...)
	for i := 0; i+3 < len(lines); i += 3 {
		cases = append(cases, strings.Join(lines[i:i+3], ""))
	}
	found := 0
	for _, c := range cases {
		want := reListVerb.FindAllStringSubmatchIndex(c, -1)
		got := listVerbMatches(c)
		found += len(got)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("listVerbMatches(%q) = %v, want %v", c, got, want)
		}
	}
	if found == 0 {
		t.Error("no matches at all: the yearbook was not read")
	}
}

// reListVerb matches the verbs that give a list its title. It is the
// specification of listVerbMatches, which finds the same matches without
// running a regexp over every passage of the book; only the tests run it.
var reListVerb = regexp.MustCompile(`(?:被|新|首次|成功)*(评为|确定为|认定为|命名为|入选|授予)`)

// listVerbMatches returns reListVerb.FindAllStringSubmatchIndex(s, -1):
// the list verbs findVerbs finds.
func listVerbMatches(s string) [][]int {
	_, list := findVerbs(s)
	return list
}
