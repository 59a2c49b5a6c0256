package roster_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/decode"
	"github.com/yearbookkg/kg/loaders/roster"
	"github.com/yearbookkg/kg/loaders/segment"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// extract runs Extract on a fixture file.
func extract(t *testing.T, path string) *kg.Graph {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines, _, err := decode.Lines(path, b)
	if err != nil {
		t.Fatal(err)
	}
	return roster.Extract(segment.Parse(path, lines), "test")
}

// pos is an expected HELD_POSITION: person and organization by name.
type pos struct {
	person, org, title string
	props              map[string]string // further props that must match
}

type partOf struct{ child, parent string }

func TestExtract(t *testing.T) {
	tests := []struct {
		name      string
		file      string
		positions []pos
		persons   map[string]map[string]string // name → props (exact)
		aliases   map[string][]string          // org name → aliases it must have
		orgProps  map[string]map[string]string
		partOf    []partOf
		notPerson []string
		keys      map[string][]string // person name → the keys of its persons
		diags     map[string]int      // code → count
	}{
		{
			name: "city leadership with … and U+2002 continuations and 任/免 notes",
			file: "leadership.txt",
			positions: []pos{
				{"柳鹏", "中共武威市委员会", "书记", map[string]string{"end": "2023-03", "concurrent": "false"}},
				{"王国斌", "中共武威市委员会", "书记", map[string]string{"start": "2023-03"}},
				{"王国斌", "中共武威市委员会", "副书记", map[string]string{"end": "2023-03"}},
				{"王国斌", "武威市人民政府", "市长", map[string]string{"end": "2023-03"}},
				{"马秀兰", "武威市人民政府", "市长", map[string]string{"start": "2023-04"}},
				{"景瀚", "武威市人民政府", "副市长", map[string]string{"note": "挂职"}},
				{"刘爱君", "武威市人民政府", "副市长", nil},
				{"李天忠", "武威市人民代表大会常务委员会", "副主任", nil},
				{"马扎西", "中国人民政治协商会议武威市委员会", "副主席", nil},
				{"华伟", "中共武威市委员会", "秘书长", nil},
			},
			persons: map[string]map[string]string{
				"马秀兰": {"gender": "女", "ethnicity": "回族"},
				"周勇":  {"ethnicity": "侗族"},
				"柳鹏":  nil,
			},
			aliases: map[string][]string{
				"中共武威市委员会":         {"市委", "中共武威市委", "中国共产党武威市委员会"},
				"武威市人民代表大会常务委员会":   {"市人大常委会", "武威市人大常委会"},
				"武威市人民政府":          {"市政府", "武威市政府"},
				"中国人民政治协商会议武威市委员会": {"市政协"},
			},
			notPerson: []string{"常务委员会", "武威市委员会"},
		},
		{
			name: "county leaders: unit+title：name, ethnicity notes",
			file: "county.txt",
			positions: []pos{
				{"李万岳", "凉州区委", "书记", nil},
				{"俞天平", "凉州区人大常委会", "主任", nil},
				{"崔振华", "凉州区政府", "区长", nil},
				{"汪佐秀", "天祝县人大常委会", "主任", nil},
				{"孟寿堂", "天祝县政协", "主席", nil},
			},
			persons: map[string]map[string]string{
				"李万岳": {"ethnicity": "藏族"},
				"汪佐秀": {"gender": "女", "ethnicity": "东乡族"},
			},
			aliases: map[string][]string{"凉州区委": {"中共凉州区委"}, "凉州区政府": {"凉州区人民政府"}},
		},
		{
			name: "departments: unit alone, wrapped unit, sub-units, wrapped note, paired titles, name on next line",
			file: "departments.txt",
			positions: []pos{
				{"谢宏杰", "市委办公室", "主任", map[string]string{"end": "2023-11"}},
				{"邓涛", "市委办公室", "主任", map[string]string{"start": "2023-11"}},
				{"韩吉永", "市党政专用通信局", "局长", map[string]string{"end": "2023-11"}},
				{"关维斌", "市委组织部", "部长", map[string]string{"end": "2023-09"}},
				{"赵有翼", "市委组织部", "部长", map[string]string{"start": "2023-11"}},
				{"蔡生菊", "市委讲师团", "团长", nil},
				{"曾国俊", "市委政法委", "书记", map[string]string{"end": "2023-11"}},
				{"关维斌", "市委党校", "校长（院长）", map[string]string{"concurrent": "true", "end": "2023-11"}},
				{"王仕元", "市委党校", "常务副校长（副院长）", nil},
				{"仲述祥", "市新时代文明实践中心办公室", "副主任", map[string]string{"note": "主持日常工作"}},
				{"李红", "市文学艺术界联合会", "党组书记、主席", nil},
				{"陈一夫", "市工商业联合会", "主席（会长）", nil},
				{"孙光慧", "市纪律检查委员会", "书记", nil},
				{"孙光慧", "市监察委员会", "主任", nil},
				{"张瑞良", "市监察委员会", "副主任", nil},
				{"俞中山", "市纪律检查委员会", "副书记", nil},
			},
			persons: map[string]map[string]string{
				"蔡生菊": {"gender": "女", "ethnicity": "藏族"},
				"孙光慧": {"gender": "女"},
			},
			aliases: map[string][]string{
				"市委办公室": {"市档案局", "中共武威市委办公室"},
				"市委组织部": {"市委非公有制经济组织和社会组织工作委员会", "市公务员局"},
				"市委党校":  {"市行政学院"},
				"市信访局":  {"武威市信访局"},
			},
			partOf: []partOf{
				{"市党政专用通信局", "市委办公室"},
				{"市委讲师团", "市委宣传部"},
				{"市社会治安综合治理中心", "市委政法委"},
			},
		},
		{
			name: "government departments: vacancies, spaced titles, title alone, wrapped sub-unit",
			file: "government.txt",
			positions: []pos{
				{"胡生永", "市公安局", "常务副局长", nil},
				{"刘立新", "市工业和信息化局", "党组书记、局长", map[string]string{"end": "2023-12"}},
				{"许应武", "市工业和信息化局", "党组书记、局长", map[string]string{"start": "2023-12"}},
				{"刘武德", "市公安局森林分局", "局长（支队长）", nil},
				{"龚成栋", "武威第二中学", "校长", map[string]string{"start": "2023-09"}},
				{"党红", "市政府政务服务中心", "主任", nil},
			},
			aliases: map[string][]string{
				"市发展和改革委员会": {"市能源局", "市政府国防动员办公室"},
				"市公安局森林分局":  {"市公安局森林警察支队"},
			},
			partOf: []partOf{
				{"市公安局森林分局", "市公安局"},
				{"武威第十八中学", "市教育局"},
				{"市政府驻新疆办事处", "市政府办公室"},
			},
			notPerson: []string{"空缺"},
			diags:     map[string]int{"vacant": 2},
		},
		{
			name: "one name, two persons: 王磊 of a school and of the blood centre",
			file: "homonym.txt",
			positions: []pos{
				{"王磊", "武威第十八中学", "校长", nil},
				{"王磊", "市中心血站", "站长", nil},
				{"仲生爱", "市卫生健康委员会", "党组书记、主任", map[string]string{"start": "2023-12"}},
				{"陈钢", "市疾病预防控制中心", "主任", nil},
			},
			aliases: map[string][]string{"市疾病预防控制中心": {"市卫生监督所"}, "甘肃省武威肿瘤医院": {"武威医学科学研究院"}},
			partOf: []partOf{
				{"市中心血站", "市卫生健康委员会"},
				{"市疾病预防控制中心", "市卫生健康委员会"},
			},
			keys:  map[string][]string{"王磊": {"王磊@武威第十八中学", "王磊@市中心血站"}, "仲生爱": {"仲生爱"}},
			diags: map[string]int{"homonym": 1, "vacant": 3},
		},
		{
			name: "dissolved units, notes on the unit, titles in the name slot",
			file: "dissolved.txt",
			positions: []pos{
				{"宋志隽", "市对外经济贸易发展服务中心", "主任", map[string]string{"note": "原职务随机构撤销自行免除"}},
				{"周镕", "市卫生计生委综合监督执法局", "局长", map[string]string{"note": "原职务随机构撤销自行免除"}},
				{"谢宏杰", "市粮食和物资储备局", "党组书记、局长", map[string]string{"start": "2023-12"}},
				{"陈国锋", "市融媒体中心", "党组书记、主任（总编辑）", nil},
				{"李万岳", "甘肃武威工业园区管委会", "党工委书记兼管委会主任", map[string]string{"concurrent": "true", "start": "2023-12"}},
				{"谢国鑫", "甘肃（武威）国际陆港管委会", "党工委副书记、管委会常务副主任", nil},
				{"王宏", "武威职业学院", "党委书记", map[string]string{"start": "2023-09"}},
			},
			orgProps: map[string]map[string]string{
				"市对外经济贸易发展服务中心": {"dissolved": "2023-02"},
				"市卫生计生委综合监督执法局": {"dissolved": "2023-05"},
			},
			aliases:   map[string][]string{"甘肃（武威）国际陆港管委会": nil},
			notPerson: []string{"总编辑", "空缺"},
			diags:     map[string]int{"vacant": 2},
		},
		{
			name:  "a list called 名录 that is no roster",
			file:  "table-not-roster.txt",
			diags: map[string]int{"no-roster": 1},
		},
		{
			name: "another city and year (synthetic): several names on a line, half-width parentheses, 暂缺, a lost colon, a unit wrapped before its colon",
			file: "othercity.txt",
			positions: []pos{
				{"卢小平", "中共张掖市委员会", "书记", map[string]string{"start": "2022-06"}},
				{"钱玉兰", "中共张掖市委员会", "副书记", nil},
				{"孔德明", "中共张掖市委员会", "常委", nil},
				{"严华", "中共张掖市委员会", "常委", nil},
				{"何东升", "张掖市人民政府", "副市长", map[string]string{"end": "2022-09"}},
				{"吴建国", "甘州区委", "书记", nil},
				{"郑文斌", "山丹县政府", "县长", nil},
				{"许斌", "市财政局", "党组书记、局长", nil},
				{"冯丽", "市财政票据管理中心", "主任", map[string]string{"start": "2022-03"}},
				{"蒋伟", "市教育局", "局长", map[string]string{"concurrent": "true"}},
				{"马强", "市统计局", "局长", nil},
				{"王建军", "市人大常委会教育科学文化卫生工作委员会", "主任", nil},
			},
			persons: map[string]map[string]string{"冯丽": {"gender": "女"}, "郑文斌": {"ethnicity": "回族"}},
			aliases: map[string][]string{
				"中共张掖市委员会": {"市委", "中共张掖市委"},
				"市财政局":     {"市国有资产监督管理局", "张掖市财政局"},
			},
			partOf: []partOf{{"市财政票据管理中心", "市财政局"}},
			diags:  map[string]int{"vacant": 1},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := extract(t, filepath.Join("testdata", tt.file))
			golden(t, g, filepath.Join("testdata", strings.TrimSuffix(tt.file, ".txt")+".golden.json"))
			byRef := map[kg.Ref]*kg.Entity{}
			byName := map[kg.Kind]map[string][]*kg.Entity{kg.Person: {}, kg.Organization: {}}
			for i := range g.Entities {
				e := &g.Entities[i]
				byRef[e.Ref()] = e
				byName[e.Kind][e.Name] = append(byName[e.Kind][e.Name], e)
				if e.ID != e.Ref().ID() {
					t.Errorf("%s: ID %s, want %s", e.Key, e.ID, e.Ref().ID())
				}
				if len(e.Mentions) == 0 {
					t.Errorf("%s %s has no mention", e.Kind, e.Name)
				}
			}
			for _, want := range tt.positions {
				if !hasPosition(g, byRef, want) {
					t.Errorf("missing position %s %s %s %v", want.person, want.org, want.title, want.props)
				}
			}
			for name, props := range tt.persons {
				es := byName[kg.Person][name]
				if len(es) != 1 {
					t.Errorf("person %s: %d entities", name, len(es))
					continue
				}
				if !sameProps(es[0].Props, props) {
					t.Errorf("person %s props %v, want %v", name, es[0].Props, props)
				}
			}
			for org, aliases := range tt.aliases {
				es := byName[kg.Organization][org]
				if len(es) != 1 {
					t.Errorf("organization %s: %d entities", org, len(es))
					continue
				}
				for _, a := range aliases {
					if !contains(es[0].Aliases, a) {
						t.Errorf("organization %s aliases %v lack %s", org, es[0].Aliases, a)
					}
				}
			}
			for org, props := range tt.orgProps {
				es := byName[kg.Organization][org]
				if len(es) != 1 {
					t.Errorf("organization %s: %d entities", org, len(es))
					continue
				}
				for k, v := range props {
					if es[0].Props[k] != v {
						t.Errorf("organization %s %s = %q, want %q", org, k, es[0].Props[k], v)
					}
				}
			}
			for _, want := range tt.partOf {
				found := false
				for _, r := range g.Relationships {
					if r.Type == kg.PartOf && byRef[r.From] != nil && byRef[r.From].Name == want.child && byRef[r.To] != nil && byRef[r.To].Name == want.parent {
						found = true
					}
				}
				if !found {
					t.Errorf("missing PART_OF %s → %s", want.child, want.parent)
				}
			}
			for name, keys := range tt.keys {
				var got []string
				for _, e := range byName[kg.Person][name] {
					got = append(got, e.Key)
				}
				if strings.Join(got, " ") != strings.Join(keys, " ") {
					t.Errorf("persons named %s: keys %v, want %v", name, got, keys)
				}
			}
			for _, name := range tt.notPerson {
				if len(byName[kg.Person][name]) > 0 {
					t.Errorf("%s taken for a person", name)
				}
			}
			got := map[string]int{}
			for _, d := range g.Diagnostics {
				got[d.Code]++
			}
			for code, n := range tt.diags {
				if got[code] != n {
					t.Errorf("%d %s diagnostics, want %d: %v", got[code], code, n, g.Diagnostics)
				}
			}
			for _, code := range []string{roster.CodeUnparsed, roster.CodeBadName, roster.CodeJunk, roster.CodeNoUnit} {
				if got[code] > 0 && tt.diags[code] == 0 {
					t.Errorf("unexpected %s diagnostics: %v", code, g.Diagnostics)
				}
			}
			for _, r := range g.Relationships {
				if byRef[r.From] == nil || byRef[r.To] == nil {
					t.Errorf("%s %v → %v: dangling ref", r.Type, r.From, r.To)
				}
				if r.Source.Line == 0 || r.Source.Quote == "" || r.Source.Yearbook != "test" {
					t.Errorf("%s %v → %v: incomplete source %+v", r.Type, r.From, r.To, r.Source)
				}
			}
		})
	}
}

func hasPosition(g *kg.Graph, byRef map[kg.Ref]*kg.Entity, want pos) bool {
	for _, r := range g.Relationships {
		if r.Type != kg.HeldPosition {
			continue
		}
		from, to := byRef[r.From], byRef[r.To]
		if from == nil || to == nil || from.Name != want.person || to.Name != want.org || r.Props["title"] != want.title {
			continue
		}
		ok := true
		for k, v := range want.props {
			if r.Props[k] != v {
				ok = false
			}
		}
		if ok {
			return true
		}
	}
	return false
}

func sameProps(got, want map[string]string) bool {
	if len(got) != len(want) {
		return false
	}
	for k, v := range want {
		if got[k] != v {
			return false
		}
	}
	return true
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// golden compares g with the golden file, or rewrites it under -update.
func golden(t *testing.T, g *kg.Graph, path string) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(g); err != nil {
		t.Fatal(err)
	}
	got := buf.Bytes()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("graph differs from %s (run go test -update and review the diff)", path)
	}
}

// TestYearbook runs the extractor over the whole vendored yearbook.
func TestYearbook(t *testing.T) {
	const path = "../../data/wuwei-2024.txt"
	if _, err := os.Stat(path); err != nil {
		t.Skip("yearbook not vendored")
	}
	g := extract(t, path)
	persons, orgs, positions := 0, 0, 0
	names := map[string]bool{}
	byRef := map[kg.Ref]*kg.Entity{}
	for i, e := range g.Entities {
		byRef[e.Ref()] = &g.Entities[i]
		switch e.Kind {
		case kg.Person:
			persons++
			names[e.Name] = true
		case kg.Organization:
			orgs++
		}
	}
	for _, r := range g.Relationships {
		if r.Type == kg.HeldPosition {
			positions++
		}
	}
	t.Logf("positions %d, persons %d (names %d), organizations %d, diagnostics %d", positions, persons, len(names), orgs, len(g.Diagnostics))
	if positions < 260 || positions > 300 {
		t.Errorf("%d positions, want about 280", positions)
	}
	if len(names) < 220 || len(names) > 250 {
		t.Errorf("%d distinct names, want about 235", len(names))
	}
	if orgs < 170 || orgs > 230 {
		t.Errorf("%d organizations", orgs)
	}
	found := false
	for _, r := range g.Relationships {
		from, to := byRef[r.From], byRef[r.To]
		if r.Type == kg.HeldPosition && from.Name == "谢宏杰" && to.Name == "市委办公室" {
			found = true
			if r.Props["title"] != "主任" || r.Props["end"] != "2023-11" || r.Props["start"] != "" || r.Source.Line != 34332 || r.Source.Page != 316 {
				t.Errorf("谢宏杰: %v %+v", r.Props, r.Source)
			}
			if r.Source.Section != "附录 > 武威市组织机构及主要负责人名录 > 市纪委监委及市委工作部门、有关单位" || r.Source.Quote != "市委办公室（市档案局）： / 主任谢宏杰（2023年11月免）" {
				t.Errorf("谢宏杰: source %+v", r.Source)
			}
			if !contains(to.Aliases, "市档案局") {
				t.Errorf("市委办公室 aliases %v", to.Aliases)
			}
		}
	}
	if !found {
		t.Error("谢宏杰 主任 of 市委办公室 not found")
	}
	codes := map[string]int{}
	for _, d := range g.Diagnostics {
		codes[d.Code]++
	}
	if codes[roster.CodeVacant] != 11 || codes[roster.CodeHomonym] != 1 || codes[roster.CodeUnparsed] != 0 {
		t.Errorf("diagnostics %v", codes)
	}
}
