package honors

import (
	"reflect"
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
