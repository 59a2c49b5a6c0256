package roster

import (
	"reflect"
	"testing"
)

func TestSplitTitle(t *testing.T) {
	tests := []struct{ name, in, title string }{
		{"padded title", "主\u3000任\u3000谢宏杰（2023 年 11 月免）", "主任"},
		{"title and spread name", "主\u3000任\u3000党\u3000红（女）", "主任"},
		{"joined titles", "党组书记、局长\u3000王\u3000娟（女）", "党组书记、局长"},
		{"spread with ASCII spaces", "常 务 副 局 长\u3000胡生永", "常务副局长"},
		{"en spaces", "副\u2002 主\u2002 任\u3000仲述祥（主持日常工作）", "副主任"},
		{"paired title", "校\u3000长（院\u3000长）\u3000关维斌（兼，2023年11月免）", "校长（院长）"},
		{"title note with no name", "党组书记、主任（总编辑）", "党组书记、主任（总编辑）"},
		{"兼 joins two titles", "党工委书记兼管委会主任\u3000刘建明", "党工委书记兼管委会主任"},
		{"vacancy", "主\u3000任\u3000（空缺）", "主任"},
		{"a name only", "王国斌（2023 年 3 月任）", ""},
		{"a heading", "人民团体", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := squeeze(tt.in)
			if got := q.sub(0, splitTitle(q)); got != tt.title {
				t.Errorf("splitTitle(%q) = %q, want %q", tt.in, got, tt.title)
			}
		})
	}
}

func TestSuffixTitle(t *testing.T) {
	for in, want := range map[string]string{
		"凉州区委书记": "书记", "天祝县人大常委会主任": "主任", "民勤县政府县长": "县长", "凉州区政协主席": "主席",
		"市监察委员会": "", "市信访局": "",
	} {
		if got := suffixTitle(in); got != want {
			t.Errorf("suffixTitle(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestReadHolders(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		names []string
	}{
		{"one name with notes", "谢宏杰（2023 年 11 月免）", []string{"谢宏杰"}},
		{"spread two-character name", "周\u3000勇（侗族，2023 年 4 月免）", []string{"周勇"}},
		{"spread three-character name", "蒋 建 国", []string{"蒋建国"}},
		{"two names", "孔德明\u3000严\u3000华", []string{"孔德明", "严华"}},
		{"vacancy", "（空缺）", []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hs, _, junk := readHolders(tt.in)
			var got []string
			for _, h := range hs {
				got = append(got, h.name)
			}
			if !reflect.DeepEqual(got, tt.names) || junk != "" {
				t.Errorf("readHolders(%q) = %v, junk %q; want %v", tt.in, got, junk, tt.names)
			}
		})
	}
}

func TestParseNotes(t *testing.T) {
	tests := []struct {
		in   string
		want notes
	}{
		{"女，回族，2023 年 4 月任", notes{gender: "女", ethnicity: "回族", start: "2023-04"}},
		{"2023 年 11 月免", notes{end: "2023-11"}},
		{"兼，2023年11月免", notes{concurrent: true, end: "2023-11"}},
		{"侗族，2023 年 4 月免", notes{ethnicity: "侗族", end: "2023-04"}},
		{"挂职", notes{other: []string{"挂职"}}},
		{"主持日常工作", notes{other: []string{"主持日常工作"}}},
		{"原职务随机构撤销自行免除", notes{other: []string{"原职务随机构撤销自行免除"}}},
		{"空缺", notes{vacant: true}},
		{"总编辑", notes{titles: []string{"总编辑"}}},
	}
	for _, tt := range tests {
		if got := parseNotes([]string{tt.in}); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("parseNotes(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestPlausibleName(t *testing.T) {
	for in, want := range map[string]bool{
		"柳鹏": true, "王国斌": true, "党红": true, "马扎西": true, "达文明": true, "麻再辉": true, "单俊阳": true, "欧阳明华": true,
		"空缺": false, "人民团体": false, "常务委员会": false, "检察院": false, "总编辑": false, "王主任": false, "李红卫生院": false,
	} {
		if got := plausibleName(in, false); got != want {
			t.Errorf("plausibleName(%q) = %v, want %v", in, got, want)
		}
	}
	if !plausibleName("扎西才让", true) || plausibleName("扎西才让", false) {
		t.Error("a Tibetan name needs its ethnicity note")
	}
}

func TestReadUnit(t *testing.T) {
	tests := []struct {
		in   string
		want unitName
	}{
		{"市委办公室（市档案局）", unitName{name: "市委办公室", aliases: []string{"市档案局"}}},
		{"市发展和改革委员会（市能源局、市政府国防动员办公室）", unitName{name: "市发展和改革委员会", aliases: []string{"市能源局", "市政府国防动员办公室"}}},
		{"市人大常委会办公室（研究室）", unitName{name: "市人大常委会办公室", aliases: []string{"市人大常委会研究室"}}},
		{"甘肃（武威）国际陆港管委会", unitName{name: "甘肃（武威）国际陆港管委会"}},
		{"市文化旅游发展（集团）股份有限公司", unitName{name: "市文化旅游发展（集团）股份有限公司"}},
		{"市对外经济贸易发展服务中心（2023 年 2 月撤销）", unitName{name: "市对外经济贸易发展服务中心", dissolved: "2023-02"}},
		{"市 疾 病 预 防 控 制 中 心（市 卫 生 监 督 所 ）（2023 年 5 月整合，重新组建）", unitName{name: "市疾病预防控制中心", aliases: []string{"市卫生监督所"}, note: "2023年5月整合，重新组建"}},
	}
	for _, tt := range tests {
		if got := readUnit(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("readUnit(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}

func TestCityForms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"中共武威市委员会", []string{"中国共产党武威市委员会", "中共武威市委", "市委"}},
		{"武威市人民代表大会常务委员会", []string{"市人民代表大会常务委员会", "武威市人大常委会", "市人大常委会"}},
		{"市委办公室", []string{"中共武威市委办公室"}},
		{"市信访局", []string{"武威市信访局"}},
		{"共青团武威市委", []string{"共青团武威市委员会", "团市委"}},
		{"凉州区委", []string{"中共凉州区委", "中共凉州区委员会"}},
		{"凉州区政府", []string{"凉州区人民政府"}},
		{"武威第一中学", nil},
	}
	for _, tt := range tests {
		if got := cityForms(tt.in, "武威"); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("cityForms(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

// cityForms is cityNames.forms of name in city city.
func cityForms(name, city string) []string { return newCityNames(city).forms(name) }
