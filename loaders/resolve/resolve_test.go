package resolve_test

import (
	"testing"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/resolve"
)

func TestVariant(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"中共武威市委组织部", "市委组织部", true},
		{"中国共产党武威市委员会", "市委", true},
		{"中共武威市委", "中国共产党武威市第五届委员会", true},
		{"武威市人民代表大会常务委员会", "市人大常委会", true},
		{"市五届人大常委会", "市人大常委会", true},
		{"武威市人民政府", "市政府", true},
		{"中国人民政治协商会议武威市委员会", "市政协", true},
		{"武威市青年联合会", "市青联", true},
		{"甘肃（武威）国际陆港", "武威国际陆港", true},
		{"甘肃省武威肿瘤医院", "武威肿瘤医院", true},
		{"武威市信访局", "市信访局", true},
		{"市委组织部", "市委宣传部", false},
		{"共青团武威市委", "市委", false},
		{"民革武威市委员会", "市委", false},
		{"凉州区人民政府", "市政府", false},
		{"省委", "市委", false},
		{"兰州市人民医院", "市人民医院", false},
	}
	for _, tt := range tests {
		if got := resolve.Variant(tt.a, "武威") == resolve.Variant(tt.b, "武威"); got != tt.same {
			t.Errorf("%s ~ %s: %v (%q, %q), want %v", tt.a, tt.b, got, resolve.Variant(tt.a, "武威"), resolve.Variant(tt.b, "武威"), tt.same)
		}
	}
}

// TestVariantOfTermsAlone: a name of term numbers alone has no variant,
// and names that end in any byte are read without a panic.
func TestVariantOfTermsAlone(t *testing.T) {
	for _, name := range []string{"第五届", "五届", "届", "A", "武威市", "中"} {
		v := resolve.Variant(name, "武威")
		if name == "第五届" || name == "五届" {
			if v != "" {
				t.Errorf("Variant(%q) = %q, want \"\"", name, v)
			}
		}
	}
}

func TestMerge(t *testing.T) {
	src := func(line int) kg.Source { return kg.Source{Yearbook: "y", Line: line, Quote: "q"} }
	roster := &kg.Graph{
		Entities: []kg.Entity{
			{Kind: kg.Organization, Key: "市委办公室", Name: "市委办公室", Aliases: []string{"市档案局"}, Mentions: []kg.Source{src(1)}},
			{Kind: kg.Person, Key: "王磊@a", Name: "王磊", Mentions: []kg.Source{src(2)}},
			{Kind: kg.Person, Key: "王磊@b", Name: "王磊", Mentions: []kg.Source{src(3)}},
			{Kind: kg.Person, Key: "谢宏杰", Name: "谢宏杰", Mentions: []kg.Source{src(4)}},
		},
		Relationships: []kg.Relationship{
			{Type: kg.HeldPosition, From: kg.Ref{Kind: kg.Person, Key: "谢宏杰"}, To: kg.Ref{Kind: kg.Organization, Key: "市委办公室"}, Props: map[string]string{"title": "主任", "end": "2023-11"}, Source: src(4)},
		},
	}
	prose := &kg.Graph{
		Entities: []kg.Entity{
			{Kind: kg.Organization, Key: "中共武威市委办公室", Name: "中共武威市委办公室", Mentions: []kg.Source{src(10)}},
			{Kind: kg.Organization, Key: "市档案局", Name: "市档案局", Mentions: []kg.Source{src(11)}},
			{Kind: kg.Person, Key: "谢宏杰", Name: "谢宏杰", Mentions: []kg.Source{src(12), src(4)}},
			{Kind: kg.Person, Key: "王磊", Name: "王磊", Mentions: []kg.Source{src(13)}},
		},
		Relationships: []kg.Relationship{
			{Type: kg.HeldPosition, From: kg.Ref{Kind: kg.Person, Key: "谢宏杰"}, To: kg.Ref{Kind: kg.Organization, Key: "中共武威市委办公室"}, Props: map[string]string{"title": "主任"}, Source: src(12)},
			{Type: kg.HeldPosition, From: kg.Ref{Kind: kg.Person, Key: "谢宏杰"}, To: kg.Ref{Kind: kg.Organization, Key: "中共武威市委办公室"}, Props: map[string]string{"title": "主任"}, Source: src(12)},
			{Type: kg.ParticipatedIn, From: kg.Ref{Kind: kg.Person, Key: "无名"}, To: kg.Ref{Kind: kg.Event, Key: "e"}, Source: src(14)},
		},
	}
	g := resolve.Merge(kg.Yearbook{ID: "y"}, "武威", roster, prose)
	byKind := map[kg.Kind][]kg.Entity{}
	for _, e := range g.Entities {
		byKind[e.Kind] = append(byKind[e.Kind], e)
	}
	if orgs := byKind[kg.Organization]; len(orgs) != 1 || orgs[0].Name != "市委办公室" || len(orgs[0].Mentions) != 3 || len(orgs[0].Aliases) != 2 {
		t.Errorf("organizations: %+v", orgs)
	}
	// The two 王磊 of the roster stay apart, and the 王磊 of running text is
	// not merged into either.
	if people := byKind[kg.Person]; len(people) != 4 {
		t.Errorf("people: %+v", people)
	}
	for _, p := range byKind[kg.Person] {
		if p.Name == "谢宏杰" && len(p.Mentions) != 2 {
			t.Errorf("谢宏杰 mentions not deduplicated: %+v", p.Mentions)
		}
	}
	// The repeated statement is kept once; the roster's and the text's are
	// two statements; the dangling one is dropped with a diagnostic.
	if len(g.Relationships) != 2 {
		t.Errorf("relationships: %+v", g.Relationships)
	}
	for _, r := range g.Relationships {
		if r.To.Key != "市委办公室" {
			t.Errorf("relationship not rewritten to the merged organization: %+v", r)
		}
	}
	if len(g.Diagnostics) != 1 || g.Diagnostics[0].Code != "dangling-relationship" {
		t.Errorf("diagnostics: %+v", g.Diagnostics)
	}
}

func TestMergeProjectForms(t *testing.T) {
	src := kg.Source{Yearbook: "y", Line: 1, Quote: "q"}
	g := resolve.Merge(kg.Yearbook{ID: "y"}, "武威", &kg.Graph{Entities: []kg.Entity{
		{Kind: kg.Project, Key: "稻盛云(武威)智算中心项目", Name: "稻盛云（武威）智算中心项目", Mentions: []kg.Source{src}},
		{Kind: kg.Project, Key: "稻盛云智算中心", Name: "稻盛云智算中心", Mentions: []kg.Source{src}},
		{Kind: kg.Project, Key: "稻盛云智算中心项目", Name: "稻盛云智算中心项目", Mentions: []kg.Source{src}},
		{Kind: kg.Project, Key: "黄羊抽水蓄能电站", Name: "黄羊抽水蓄能电站", Mentions: []kg.Source{src}},
	}})
	if len(g.Entities) != 2 {
		t.Errorf("projects: %+v", g.Entities)
	}
}

// TestMergeLeavesInputs checks that Merge, which shares the property maps
// and mentions of the graphs it merges, changes none of them: properties
// and dates are added to copies, mentions are ordered and deduplicated in
// copies.
func TestMergeLeavesInputs(t *testing.T) {
	s1 := kg.Source{Yearbook: "y", Line: 2, Quote: "a"}
	s2 := kg.Source{Yearbook: "y", Line: 1, Quote: "b"}
	person := kg.Ref{Kind: kg.Person, Key: "王磊"}
	unit := kg.Ref{Kind: kg.Organization, Key: "市委"}
	first := &kg.Graph{
		Entities: []kg.Entity{
			{Kind: kg.Person, Key: "王磊", Name: "王磊", Props: map[string]string{"gender": "男"}, Mentions: []kg.Source{s1, s2, s2}},
			{Kind: kg.Organization, Key: "市委", Name: "市委", Mentions: []kg.Source{s1}},
			// In this graph alone, with its mentions out of line order
			// and repeated: Merge orders them in a copy.
			{Kind: kg.Place, Key: "凉州区", Name: "凉州区", Mentions: []kg.Source{s1, s2, s2}},
		},
		Relationships: []kg.Relationship{{Type: kg.HeldPosition, From: person, To: unit, Props: map[string]string{"title": "书记"}, Source: s1}},
	}
	second := &kg.Graph{
		Entities:      []kg.Entity{{Kind: kg.Person, Key: "王磊", Name: "王磊", Props: map[string]string{"ethnicity": "汉族"}, Mentions: []kg.Source{s2}}},
		Relationships: []kg.Relationship{{Type: kg.HeldPosition, From: person, To: unit, Props: map[string]string{"title": "书记", "start": "2023-01"}, Source: s1}},
	}
	g := resolve.Merge(kg.Yearbook{ID: "y"}, "武威", first, second)
	if p := first.Entities[0].Props; len(p) != 1 {
		t.Errorf("first graph's person props changed: %v", p)
	}
	if ms := first.Entities[0].Mentions; len(ms) != 3 || ms[0] != s1 {
		t.Errorf("first graph's mentions changed: %v", ms)
	}
	if p := first.Relationships[0].Props; len(p) != 1 {
		t.Errorf("first graph's relationship props changed: %v", p)
	}
	if ms := first.Entities[2].Mentions; len(ms) != 3 || ms[0] != s1 || ms[1] != s2 {
		t.Errorf("first graph's place mentions changed: %v", ms)
	}
	var merged *kg.Entity
	for i := range g.Entities {
		if g.Entities[i].Ref() == person {
			merged = &g.Entities[i]
		}
	}
	if merged == nil || len(merged.Props) != 2 || len(merged.Mentions) != 2 || merged.Mentions[0] != s2 {
		t.Errorf("merged person: %+v", merged)
	}
	if len(g.Relationships) != 1 || g.Relationships[0].Props["start"] != "2023-01" {
		t.Errorf("merged relationships: %+v", g.Relationships)
	}
}
