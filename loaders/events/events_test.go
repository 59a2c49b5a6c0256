package events_test

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/decode"
	"github.com/yearbookkg/kg/loaders/events"
	"github.com/yearbookkg/kg/loaders/mention"
	"github.com/yearbookkg/kg/loaders/segment"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// listFinder is a finder of listed names: each is found wherever it is
// written, the longest first, and gets the title written right before it
// if it is one of its titles.
type listFinder []name

type name struct {
	kind   kg.Kind
	name   string
	key    string // defaults to textnorm.Key(name)
	titles []string
	typ    string // a place's type
}

func (f listFinder) Find(text string) []mention.Span {
	var all []mention.Span
	for _, n := range f {
		for off := 0; ; {
			i := strings.Index(text[off:], n.name)
			if i < 0 {
				break
			}
			start := off + i
			key := n.key
			if key == "" {
				key = textnorm.Key(n.name)
			}
			sp := mention.Span{Kind: n.kind, Start: start, End: start + len(n.name), Name: n.name, Key: key, Type: n.typ}
			for _, t := range n.titles {
				if strings.HasSuffix(text[:start], t) {
					sp.Title = t
					break
				}
			}
			all = append(all, sp)
			off = start + len(n.name)
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].End-all[i].Start > all[j].End-all[j].Start })
	var kept []mention.Span
	for _, s := range all {
		ok := true
		for _, k := range kept {
			if s.Start < k.End && k.Start < s.End {
				ok = false
				break
			}
		}
		if ok {
			kept = append(kept, s)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].Start < kept[j].Start })
	return kept
}

// names is the finder of the fixtures: a few people, organizations,
// projects and places of the excerpts.
var names = listFinder{
	{kind: kg.Person, name: "柳鹏", titles: []string{"市委副书记、市长", "市委书记"}},
	{kind: kg.Person, name: "王国斌", titles: []string{"市委副书记、市长", "市委书记"}},
	{kind: kg.Person, name: "马秀兰", titles: []string{"市委副书记、市长"}},
	{kind: kg.Person, name: "孙雪涛", titles: []string{"省委统战部部长"}},
	{kind: kg.Person, name: "霍卫平", titles: []string{"省政协副主席"}},
	{kind: kg.Person, name: "郭万刚", titles: []string{"古浪县八步沙林场场长"}},
	{kind: kg.Person, name: "曾国俊", titles: []string{"市委副书记、市委政法委书记"}},
	{kind: kg.Person, name: "习近平"},
	{kind: kg.Organization, name: "国家民委"},
	{kind: kg.Organization, name: "中铁兰州局集团"},
	{kind: kg.Organization, name: "省公航旅集团"},
	{kind: kg.Organization, name: "浙江能源集团"},
	{kind: kg.Organization, name: "厦门大学"},
	{kind: kg.Organization, name: "甘肃（武威）国际陆港"},
	{kind: kg.Organization, name: "武威伊利乳业有限责任公司"},
	{kind: kg.Organization, name: "全国绿化委员会"},
	{kind: kg.Organization, name: "中共武威市委办公室"},
	{kind: kg.Organization, name: "中共武威市委", key: "市委"},
	{kind: kg.Organization, name: "市委", key: "市委"},
	{kind: kg.Organization, name: "省委", key: "省委"},
	{kind: kg.Organization, name: "新疆特变电工股份有限公司"},
	{kind: kg.Project, name: "武威市融媒体中心项目"},
	{kind: kg.Project, name: "雪川农业集团甘肃马铃薯现代种业园项目"},
	{kind: kg.Place, name: "武威市", key: "武威市"},
	{kind: kg.Place, name: "武威", key: "武威市"},
	{kind: kg.Place, name: "凉州区"},
	{kind: kg.Place, name: "古浪县"},
	{kind: kg.Place, name: "山东省"},
	{kind: kg.Place, name: "青岛市"},
	{kind: kg.Place, name: "安徽", key: "安徽省"},
	{kind: kg.Place, name: "合肥", key: "合肥市"},
	{kind: kg.Place, name: "新疆维吾尔自治区"},
	{kind: kg.Place, name: "新疆", key: "新疆维吾尔自治区"},
	{kind: kg.Place, name: "乌鲁木齐市"},
	{kind: kg.Place, name: "哈萨克斯坦"},
	{kind: kg.Place, name: "武威站"},
	{kind: kg.Place, name: "武威南站", typ: "SITE"},
	{kind: kg.Place, name: "武威工业园区", typ: "SITE"},
	{kind: kg.Organization, name: "省残联"},
	{kind: kg.Organization, name: "武威市残疾人联合会"},
	{kind: kg.Place, name: "永昌镇"},
	{kind: kg.Place, name: "白洪村"},
	{kind: kg.Place, name: "黄花滩移民区"},
	{kind: kg.Place, name: "四道沟"},
	{kind: kg.Place, name: "汉唐天马城"},
	{kind: kg.Place, name: "甘肃", key: "甘肃省"},
	{kind: kg.Place, name: "积石山", key: "积石山县"},
	{kind: kg.Place, name: "民勤县"},
	{kind: kg.Place, name: "厦门", key: "厦门市"},
}

// load segments a fixture of testdata/.
func load(t *testing.T, file string) *segment.Document {
	t.Helper()
	d, err := segment.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	d.File = file // diagnostics in the golden files name the fixture alone
	return d
}

// extract runs Extract on a fixture.
func extract(t *testing.T, file string) *kg.Graph {
	t.Helper()
	return events.Extract(load(t, file), "test", names)
}

// byLine returns the event first mentioned at raw line n of the fixture.
func byLine(g *kg.Graph, n int) *kg.Entity {
	for i := range g.Entities {
		if g.Entities[i].Mentions[0].Line == n {
			return &g.Entities[i]
		}
	}
	return nil
}

func chronicle(g *kg.Graph) []kg.Entity {
	var out []kg.Entity
	for _, e := range g.Entities {
		if e.Props["category"] == events.CategoryChronicle {
			out = append(out, e)
		}
	}
	return out
}

// TestChronicleMarkers checks the date read from each form of day marker.
// Lines are lines of the fixture (1-based).
func TestChronicleMarkers(t *testing.T) {
	tests := []struct {
		name, file      string
		line            int
		date, end, want string // want: the name, or "" to skip
	}{
		{"N 日", "chronicle-jan-mar.txt", 3, "2023-01-04", "", "武威市融媒体中心项目正式建成启用"},
		{"同日 takes the date before", "chronicle-jan-mar.txt", 9, "2023-01-04", "", ""},
		{"同 日 spread, with U+3000", "chronicle-jan-mar.txt", 17, "2023-01-04", "", ""},
		{"meeting named before 召开", "chronicle-jan-mar.txt", 27, "2023-01-05", "", "市委五届六次全体会议"},
		{"entry continued on a page start", "chronicle-jan-mar.txt", 77, "2023-01-13", "", "武威市残疾人联合会第七次代表大会"},
		{"N 至 M 日", "chronicle-jan-mar.txt", 140, "2023-02-07", "2023-02-11", ""},
		{"impossible end of range keeps the day", "chronicle-jan-mar.txt", 239, "2023-02-26", "", "武威市首届房地产展销会"},
		{"meeting of the appointment", "chronicle-jan-mar.txt", 281, "2023-03-16", "", "全市领导干部会议"},
		{"N 日至 M 月 K 日 crosses months", "chronicle-jan-mar.txt", 321, "2023-03-31", "2023-04-02", "第二十二届中国绿色食品博览会暨第十五届中国国际有机食品博览会"},
		{"entry across a running banner", "chronicle-may-banner.txt", 37, "2023-05-16", "", ""},
		{"entry after the banner", "chronicle-may-banner.txt", 83, "2023-05-19", "", ""},
		{"day marker on a page start", "chronicle-aug-page-start.txt", 10, "2023-08-11", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if y := load(t, tt.file).Year; y != 2023 {
				t.Fatalf("covered year %d, want 2023: the chronicle's dates omit it", y)
			}
			g := extract(t, tt.file)
			e := byLine(g, tt.line)
			if e == nil {
				t.Fatalf("no event at line %d", tt.line)
			}
			if e.Props["category"] != events.CategoryChronicle {
				t.Errorf("category %q", e.Props["category"])
			}
			if e.Props["date"] != tt.date || e.Props["endDate"] != tt.end {
				t.Errorf("date %s..%s, want %s..%s", e.Props["date"], e.Props["endDate"], tt.date, tt.end)
			}
			if tt.want != "" && e.Name != tt.want {
				t.Errorf("name %q, want %q", e.Name, tt.want)
			}
		})
	}
}

// TestChronicleText checks where entries start and stop: a line-start day
// without U+3000 continues an entry, banners and page starts inside an
// entry are cut out.
func TestChronicleText(t *testing.T) {
	g := extract(t, "chronicle-jan-mar.txt")
	if n := len(chronicle(g)); n != 37 {
		t.Errorf("%d chronicle entries in 1–3 月, want 37 (11 + 18 + 8)", n)
	}
	spring := byLine(g, 178) // 同日　为期 40 天的春运结束…最高峰为 1 月 / 27 日，发送旅客…
	if spring == nil || !strings.HasSuffix(spring.Props["description"], "单日发送旅客最高峰为1月27日，发送旅客10867人次。") {
		t.Errorf("the 27 日， line must continue the entry before it: %+v", spring)
	}
	if e := byLine(g, 184); e != nil {
		t.Errorf("27 日， (no U+3000) read as an entry: %s", e.Name)
	}
	if e := byLine(g, 77); e == nil || !strings.Contains(e.Props["description"], "代表大会召开") {
		t.Errorf("page-start line not joined: %+v", e)
	}
	// The dated meeting told inside an entry is an event of its own.
	if e := byLine(g, 309); e == nil || e.Props["date"] != "2023-04-04" || e.Name != "全市领导干部会议" || e.Props["category"] != events.CategoryMeeting {
		t.Errorf("4 月 4 日 meeting inside the 25 日 entry: %+v", e)
	}
	b := extract(t, "chronicle-may-banner.txt")
	e := byLine(b, 37)
	if e == nil || !strings.HasSuffix(e.Props["description"], "集成创新河西日光温室绿色丰产提质增效技术体系。") || strings.Contains(e.Props["description"], "年鉴") {
		t.Errorf("entry across the banner: %+v", e)
	}
	wantDiag(t, g, []string{"5:chronicle-bad-date"}, 239)
}

// TestChronicleDiagnostics reads a chronicle damaged on purpose (built from
// chronicle lines, not verbatim): an empty month, a day going backwards,
// an impossible day, 同日 after it, months out of order, 2 月 30 日.
func TestChronicleDiagnostics(t *testing.T) {
	g := extract(t, "chronicle-damaged.txt")
	var got []string
	for _, e := range g.Entities {
		got = append(got, e.Props["date"])
	}
	want := []string{"2023-06-07", "2023-06-03", "2023-07-01"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("dates %v, want %v", got, want)
	}
	wantDiag(t, g, []string{
		"1:" + events.CodeEmptyMonth,
		"9:" + events.CodeDayBackwards,
		"11:" + events.CodeBadDate,
		"15:" + events.CodeBadDate,
		"17:" + events.CodeMonthOrder,
		"19:" + events.CodeBadDate,
	}, 0)
}

// wantDiag checks the diagnostics "line:code" of g (only the one at line
// only, when only > 0).
func wantDiag(t *testing.T, g *kg.Graph, want []string, only int) {
	t.Helper()
	var got []string
	for _, d := range g.Diagnostics {
		if only == 0 || d.Line == only {
			got = append(got, itoa(d.Line)+":"+d.Code)
		}
	}
	if only > 0 {
		for i := range want {
			want[i] = itoa(only) + want[i][strings.Index(want[i], ":"):]
		}
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("diagnostics %v, want %v", got, want)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestMeetings checks dated meeting sub-entries (a date wrapped over two
// lines, a range, a caption inside one), single-meeting topics and a
// running-text forum.
func TestMeetings(t *testing.T) {
	tests := []struct {
		name, file      string
		line            int
		date, end, want string
	}{
		{"plenum sub-entry", "meetings-party.txt", 7, "2023-01-05", "", "市委五届六次全体会议"},
		{"sub-entry wrapped mid-date (1 月 3 / 日)", "meetings-party.txt", 61, "2023-01-03", "", "五届市委四十九次常委会会议"},
		{"sub-entry wrapped after the month (2 月 / 14 日)", "meetings-party.txt", 140, "2023-02-14", "", "五届市委第五十五次常委会会议"},
		{"relative sub-title takes the text's name", "meetings-npc.txt", 7, "2023-02-28", "", "市五届人大常委会第九次会议"},
		{"sub-entry range 8 月 28—29 日", "meetings-npc.txt", 74, "2023-08-28", "2023-08-29", "市五届人大常委会第十三次会议"},
		{"主任会议 sub-entry", "meetings-npc.txt", 134, "2023-02-27", "", "市人大常委会第九次主任会议"},
		{"single-meeting topic", "single-meetings.txt", 1, "2023-01-06", "", "市委经济工作会议"},
		{"single-meeting topic, wrapped title", "single-meetings.txt", 15, "2023-01-28", "", "全市高质量发展重大项目建设暨招商引资工作动员大会"},
		{"single-meeting topic with its year", "single-meeting-npc.txt", 3, "2023-04-16", "", "市第五届人民代表大会第三次会议"},
		{"single-meeting topic held the next year", "single-meeting-npc.txt", 15, "2024-01-13", "2024-01-16", "市第五届人民代表大会第四次会议"},
		{"running-text forum", "festival.txt", 25, "2023-09-23", "", "第十届文化和旅游融合与创新论坛"},
		{"running-text disaster", "running.txt", 75, "2023-12-18", "", "积石山地震"},
		{"adoption line of a plenum", "adoption.txt", 4, "2023-08-04", "", "中国共产党武威市第五届委员会第七次全体会议"},
		{"adoption line, wrapped, first meeting", "adoption.txt", 12, "2023-06-20", "", "武威市第五届人民代表大会常务委员会第十二次会议"},
		{"publication by order", "adoption.txt", 18, "2023-01-23", "", "公布《武威市城市生活垃圾分类管理办法》"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := extract(t, tt.file)
			var e *kg.Entity
			for i := range g.Entities {
				if g.Entities[i].Name == tt.want {
					e = &g.Entities[i]
				}
			}
			if e == nil {
				t.Fatalf("no event %q; have %v", tt.want, entityNames(g))
			}
			if e.Mentions[0].Line != tt.line {
				t.Errorf("line %d, want %d", e.Mentions[0].Line, tt.line)
			}
			if e.Props["date"] != tt.date || e.Props["endDate"] != tt.end {
				t.Errorf("date %s..%s, want %s..%s", e.Props["date"], e.Props["endDate"], tt.date, tt.end)
			}
		})
	}
}

func entityNames(g *kg.Graph) []string {
	var out []string
	for _, e := range g.Entities {
		out = append(out, e.Props["date"]+" "+e.Name)
	}
	return out
}

// TestNotEvents checks that dates that are no happenings give no event: a
// deadline (9 月 10 日前), a start (6 月 1 日起), a project's approvals and
// its start of works, and the body of a meeting topic.
func TestNotEvents(t *testing.T) {
	g := extract(t, "running.txt")
	if got := entityNames(g); len(got) != 1 || got[0] != "2023-12-18 积石山地震" {
		t.Errorf("events %v, want only the earthquake", got)
	}
	g = extract(t, "meetings-party.txt")
	for _, e := range g.Entities {
		if e.Props["date"] == "2023-02-16" {
			t.Errorf("2 月 16 日中央政治局常委会会议精神 (studied, not held) read as an event: %s", e.Name)
		}
	}
	if n := len(g.Entities); n != 2+7 {
		t.Errorf("%d events in 【市委全体会议】 and the 7 常委会 sub-entries, want 9: %v", n, entityNames(g))
	}
}

// TestRelationships checks the links drawn from the finder's spans.
func TestRelationships(t *testing.T) {
	type rel struct {
		line             int
		typ, other, role string
	}
	tests := []struct {
		name, file string
		want       []rel // relationships of the events at these lines
		not        []rel
	}{
		{"visit: persons with titles, the visited organization", "chronicle-jan-mar.txt",
			[]rel{{55, kg.ParticipatedIn, "柳鹏", "市委书记"}, {55, kg.ParticipatedIn, "王国斌", "市委副书记、市长"}}, nil},
		{"在 a chain of places: the most specific", "chronicle-jan-mar.txt",
			[]rel{{231, kg.OccurredIn, "乌鲁木齐市", ""}},
			[]rel{{231, kg.OccurredIn, "新疆维吾尔自治区", ""}}},
		{"到 a place", "chronicle-jan-mar.txt", []rel{{219, kg.OccurredIn, "武威市", ""}}, nil},
		{"在 province and city", "chronicle-jan-mar.txt", []rel{{271, kg.OccurredIn, "青岛市", ""}}, []rel{{271, kg.OccurredIn, "山东省", ""}}},
		{"places as named subjects are no location", "chronicle-jan-mar.txt", nil,
			[]rel{{59, kg.OccurredIn, "武威市", ""}, {59, kg.OccurredIn, "凉州区", ""}}},
		{"place as the subject of 开展 is no location", "chronicle-jan-mar.txt", nil, []rel{{128, kg.OccurredIn, "武威市", ""}}},
		{"an origin is no location", "chronicle-jan-mar.txt", []rel{{156, kg.OccurredIn, "武威站", ""}}, []rel{{156, kg.OccurredIn, "哈萨克斯坦", ""}}},
		{"an organization as venue leaves the event unplaced", "chronicle-jan-mar.txt", []rel{{166, kg.ParticipatedIn, "厦门大学", ""}}, []rel{{166, kg.OccurredIn, "武威市", ""}}},
		{"project", "chronicle-jan-mar.txt", []rel{{3, kg.Involves, "武威市融媒体中心项目", ""}}, nil},
		{"a name in 《…》 is no participant", "chronicle-jan-mar.txt", []rel{{186, kg.ParticipatedIn, "郭万刚", "古浪县八步沙林场场长"}}, nil},
		{"chair", "meetings-party.txt", []rel{{61, kg.ParticipatedIn, "柳鹏", "chair"}}, nil},
		{"what a meeting studied is no participant", "meetings-party.txt", nil, []rel{{61, kg.ParticipatedIn, "习近平", ""}}},
		{"the venue after 在 in running text", "festival.txt", []rel{{25, kg.OccurredIn, "汉唐天马城", ""}}, nil},
		{"a departure from a station happens there", "chronicle-may-banner.txt", []rel{{115, kg.OccurredIn, "武威南站", ""}}, nil},
		{"a site as the subject is where it happened", "chronicle-may-banner.txt", []rel{{129, kg.OccurredIn, "武威工业园区", ""}}, nil},
		{"another body's numbered meeting told later is no participant", "chronicle-jan-mar.txt",
			[]rel{{77, kg.ParticipatedIn, "武威市残疾人联合会", ""}}, []rel{{77, kg.ParticipatedIn, "省残联", ""}}},
		{"ceremony at a village place chain", "chronicle-may-banner.txt", []rel{{15, kg.Involves, "雪川农业集团甘肃马铃薯现代种业园项目", ""}, {15, kg.OccurredIn, "四道沟", ""}}, []rel{{15, kg.OccurredIn, "古浪县", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := extract(t, tt.file)
			has := func(r rel) bool {
				e := byLine(g, r.line)
				if e == nil {
					t.Fatalf("no event at line %d", r.line)
				}
				ref := kg.Ref{Kind: kg.Event, Key: e.Key}
				for _, x := range g.Relationships {
					if x.Type != r.typ {
						continue
					}
					other := x.To
					if x.To == ref {
						other = x.From
					} else if x.From != ref {
						continue
					}
					if other.Key == textnorm.Key(r.other) || strings.HasPrefix(other.Key, textnorm.Key(r.other)) {
						if r.role != "" && x.Props["role"] != r.role {
							t.Errorf("%s %s: role %q, want %q", r.typ, r.other, x.Props["role"], r.role)
						}
						if x.Source.Line == 0 || x.Source.Quote == "" {
							t.Errorf("%s %s: no source", r.typ, r.other)
						}
						return true
					}
				}
				return false
			}
			for _, r := range tt.want {
				if !has(r) {
					t.Errorf("missing %s %s at line %d", r.typ, r.other, r.line)
				}
			}
			for _, r := range tt.not {
				if has(r) {
					t.Errorf("unwanted %s %s at line %d", r.typ, r.other, r.line)
				}
			}
		})
	}
}

// TestGolden compares the whole output on each fixture with its golden
// file; go test -update rewrites them.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		base := filepath.Base(f)
		t.Run(base, func(t *testing.T) {
			g := events.Extract(load(t, base), "test", names)
			got, err := json.MarshalIndent(g, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			golden := strings.TrimSuffix(f, ".txt") + ".golden.json"
			if *update {
				if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if strings.TrimSpace(string(want)) != strings.TrimSpace(string(got)) {
				t.Errorf("output differs from %s (run go test -update and review the diff)", golden)
			}
		})
	}
}

// TestYearbook reads the whole default corpus: every chronicle entry with
// its exact date, the meetings of the meeting topics.
func TestYearbook(t *testing.T) {
	const path = "../../data/wuwei-2024.txt"
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skip("no corpus")
	}
	if err != nil {
		t.Fatal(err)
	}
	lines, _, err := decode.Lines(path, b)
	if err != nil {
		t.Fatal(err)
	}
	g := events.Extract(segment.Parse(path, lines), "wuwei-2024", names)

	// The 114 entries: the format catalogue counts 113 and 6 in August,
	// missing ` 11 日　2023 年“李宁·红双喜杯”…` whose day marker carries a
	// page-start space.
	ch := chronicle(g)
	if len(ch) != 114 {
		t.Errorf("%d chronicle events, want 114", len(ch))
	}
	perMonth := map[string]int{}
	for _, e := range ch {
		perMonth[e.Props["date"][5:7]]++
	}
	want := map[string]int{"01": 11, "02": 18, "03": 8, "04": 7, "05": 8, "06": 6, "07": 12, "08": 7, "09": 12, "10": 9, "11": 10, "12": 6}
	for m, n := range want {
		if perMonth[m] != n {
			t.Errorf("month %s: %d entries, want %d", m, perMonth[m], n)
		}
	}
	dates := map[int][2]string{
		5528: {"2023-01-04", ""},
		5542: {"2023-01-04", ""}, // 同 日
		5665: {"2023-02-07", "2023-02-11"},
		5764: {"2023-02-26", ""}, // 26 至 29 日 in February: end dropped
		5806: {"2023-03-16", ""},
		5846: {"2023-03-31", "2023-04-02"},
		6243: {"2023-08-11", ""},
		6575: {"2023-12-27", ""},
	}
	for line, want := range dates {
		e := byLine(g, line)
		if e == nil {
			t.Errorf("no event at line %d", line)
			continue
		}
		if e.Props["date"] != want[0] || e.Props["endDate"] != want[1] {
			t.Errorf("line %d: %s..%s, want %s..%s", line, e.Props["date"], e.Props["endDate"], want[0], want[1])
		}
	}
	if e := byLine(g, 5806); e == nil || e.Name != "全市领导干部会议" {
		t.Errorf("16 日 entry named %v", e)
	}
	// The same plenum in the chronicle, its meeting topic and the adopted
	// documents is one event.
	if e := byLine(g, 7739); e == nil || len(e.Mentions) != 3 {
		t.Errorf("8 月 4 日 plenum: %+v", e)
	}
	if e := byLine(g, 5552); e == nil || len(e.Mentions) != 2 || e.Mentions[1].Line != 7721 {
		t.Errorf("1 月 5 日 plenum not merged with its topic: %+v", e)
	}
	seen := map[string]bool{}
	for _, e := range g.Entities {
		if seen[e.Key] {
			t.Errorf("duplicate key %s", e.Key)
		}
		seen[e.Key] = true
		if e.ID != (kg.Ref{Kind: kg.Event, Key: e.Key}).ID() {
			t.Errorf("%s: ID %s", e.Key, e.ID)
		}
	}
	var diags []string
	for _, d := range g.Diagnostics {
		diags = append(diags, itoa(d.Line)+":"+d.Code)
	}
	if strings.Join(diags, " ") != "5764:"+events.CodeBadDate {
		t.Errorf("diagnostics %v", diags)
	}
}
