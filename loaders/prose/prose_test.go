package prose_test

import (
	"flag"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/decode"
	"github.com/yearbookkg/kg/loaders/mention"
	"github.com/yearbookkg/kg/loaders/prose"
	"github.com/yearbookkg/kg/loaders/segment"
	"github.com/yearbookkg/kg/loaders/textnorm"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/")

// placeList is a stand-in for the places finder: it finds the listed
// place names, longest first.
type placeList []string

func (pl placeList) Find(text string) []mention.Span {
	names := append([]string(nil), pl...)
	sort.Slice(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	taken := make([]bool, len(text))
	var out []mention.Span
	for _, n := range names {
		for off := 0; ; {
			i := strings.Index(text[off:], n)
			if i < 0 {
				break
			}
			s, e := off+i, off+i+len(n)
			off = e
			free := true
			for k := s; k < e; k++ {
				free = free && !taken[k]
			}
			if !free {
				continue
			}
			for k := s; k < e; k++ {
				taken[k] = true
			}
			out = append(out, mention.Span{Kind: kg.Place, Start: s, End: e, Name: n, Key: textnorm.Key(n)})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

func load(t *testing.T, path string) *segment.Document {
	t.Helper()
	d, err := segment.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// dump renders a graph for a golden file: entities by kind and key with
// their mention lines, then relationships.
func dump(g *kg.Graph) string {
	var b strings.Builder
	ents := append([]kg.Entity(nil), g.Entities...)
	sort.Slice(ents, func(i, j int) bool {
		if ents[i].Kind != ents[j].Kind {
			return ents[i].Kind < ents[j].Kind
		}
		return ents[i].Key < ents[j].Key
	})
	for _, e := range ents {
		var lines []string
		for _, m := range e.Mentions {
			lines = append(lines, fmt.Sprint(m.Line))
		}
		fmt.Fprintf(&b, "%s %s lines=%s", e.Kind, e.Name, strings.Join(lines, ","))
		if len(e.Aliases) > 0 {
			fmt.Fprintf(&b, " aliases=%s", strings.Join(e.Aliases, "|"))
		}
		fmt.Fprintf(&b, "%s\n", props(e.Props))
	}
	rels := append([]kg.Relationship(nil), g.Relationships...)
	sort.SliceStable(rels, func(i, j int) bool { return rels[i].Source.Line < rels[j].Source.Line })
	for _, r := range rels {
		fmt.Fprintf(&b, "%s %s -> %s%s line=%d\n", r.Type, r.From.Key, r.To.Key, props(r.Props), r.Source.Line)
	}
	return b.String()
}

func props(p map[string]string) string {
	var keys []string
	for k := range p {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, " %s=%s", k, p[k])
	}
	return b.String()
}

// TestExtractFixture reads a small document cut from the yearbook: three
// March chronicle entries (an appointment dated by its entry), a topic
// with a list of projects, a flattened table and the head of the leader
// roster, which must give nothing.
func TestExtractFixture(t *testing.T) {
	d := load(t, "testdata/fixture.txt")
	known := []mention.Name{
		{Kind: kg.Person, Key: "王国斌", Name: "王国斌"},
		{Kind: kg.Person, Key: "朱斯炜", Name: "朱斯炜"},
		{Kind: kg.Place, Key: "凉州区", Name: "凉州区"},
		{Kind: kg.Place, Key: "武威市", Name: "武威市"},
	}
	places := placeList{"武威市", "武威", "凉州区", "凉州", "九墩滩", "民勤", "甘肃省", "山东省", "青岛市"}
	f := mention.Finders{places, mention.NewFinder(known, d.City)}
	g := prose.Extract(d, "fixture", f)
	got := dump(g)
	golden := "testdata/fixture.golden"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("read golden (run with -update to create it): %v", err)
	}
	if got != string(want) {
		t.Errorf("graph differs from %s (run with -update to accept):\n%s", golden, got)
	}

	// The facts the fixture is for, stated outright.
	has := func(typ, from, to string, p map[string]string) bool {
		for _, r := range g.Relationships {
			if r.Type != typ || r.From.Key != from || r.To.Key != to {
				continue
			}
			ok := true
			for k, v := range p {
				ok = ok && r.Props[k] == v
			}
			if ok {
				return true
			}
		}
		return false
	}
	for _, c := range []struct {
		typ, from, to string
		props         map[string]string
	}{
		{kg.HeldPosition, "王国斌", "中共武威市委员会", map[string]string{"title": "书记", "start": "2023-03-16", "source": "text"}},
		{kg.HeldPosition, "柳鹏", "中共武威市委员会", map[string]string{"title": "书记", "end": "2023-03-16"}},
		{kg.HeldPosition, "马秀兰", "中共武威市委员会", map[string]string{"title": "副书记", "start": "2023-03-25"}},
		{kg.LocatedIn, "中电新能源武威凉州区70MW光伏发电", "凉州区", nil},
		{kg.LocatedIn, "武威市科学技术协会", "武威市", nil},
	} {
		if !has(c.typ, c.from, c.to, c.props) {
			t.Errorf("missing %s %s -> %s %v", c.typ, c.from, c.to, c.props)
		}
	}
	for _, e := range g.Entities {
		// 朱斯炜 and 关维斌 appear only in the roster; table rows name no one.
		if e.Key == "朱斯炜" || e.Key == "关维斌" || strings.Contains(e.Key, "存款") {
			t.Errorf("entity %s %s from a skipped block", e.Kind, e.Key)
		}
	}
}

// TestWholeYearbook runs the extractor on the whole 2024 Wuwei yearbook
// with the finder the pipeline builds, checks the counts, and checks that
// the most mentioned people, organizations and projects hold no junk.
// Run with -v to see them.
func TestWholeYearbook(t *testing.T) {
	if testing.Short() {
		t.Skip("whole yearbook in -short mode")
	}
	const path = "../../data/wuwei-2024.txt"
	if _, err := os.Stat(path); err != nil {
		t.Skip("no yearbook data")
	}
	d := load(t, path)
	f := pipelineFinder(d)
	g := prose.Extract(d, "wuwei-2024", f)

	// The running-text finder alone over the whole running text.
	texts := prose.PassageTexts(d)
	size := 0
	for _, s := range texts {
		size += len(s)
	}
	own := mention.NewFinder(nil, d.City)
	start := time.Now()
	for _, s := range texts {
		own.Find(s)
	}
	took := time.Since(start)
	t.Logf("finder scanned %d passages, %d bytes in %v", len(texts), size, took)
	if took > time.Second {
		t.Errorf("finder took %v over the running text, want well under 200ms", took)
	}

	byKind := map[kg.Kind][]kg.Entity{}
	for _, e := range g.Entities {
		byKind[e.Kind] = append(byKind[e.Kind], e)
	}
	rels := map[string]int{}
	for _, r := range g.Relationships {
		rels[r.Type]++
	}
	t.Logf("entities: %d persons, %d organizations, %d projects, %d places; relationships %v",
		len(byKind[kg.Person]), len(byKind[kg.Organization]), len(byKind[kg.Project]), len(byKind[kg.Place]), rels)
	for _, c := range []struct {
		kind     kg.Kind
		min, max int
	}{
		{kg.Person, 20, 200},
		{kg.Organization, 400, 1200},
		{kg.Project, 60, 400},
	} {
		if n := len(byKind[c.kind]); n < c.min || n > c.max {
			t.Errorf("%d %s entities, want %d..%d", n, c.kind, c.min, c.max)
		}
	}
	// A project's owner may be named by its brand alone (远景, 重通成飞).
	owners := map[string]bool{}
	for _, r := range g.Relationships {
		if r.Type == kg.OwnedBy {
			owners[r.To.Key] = true
		}
	}
	for _, k := range []kg.Kind{kg.Person, kg.Organization, kg.Project} {
		es := byKind[k]
		sort.SliceStable(es, func(i, j int) bool {
			if len(es[i].Mentions) != len(es[j].Mentions) {
				return len(es[i].Mentions) > len(es[j].Mentions)
			}
			return es[i].Key < es[j].Key
		})
		var top []string
		for i, e := range es {
			if i == 50 {
				break
			}
			top = append(top, fmt.Sprintf("%s:%d", e.Name, len(e.Mentions)))
			if why := junk(e); why != "" && !(k == kg.Organization && owners[e.Key] && why == "no organization suffix") {
				t.Errorf("top-50 %s %q is junk: %s", k, e.Name, why)
			}
		}
		t.Logf("top %s: %s", k, strings.Join(top, " "))
	}
	for _, r := range g.Relationships {
		if r.Type == kg.HeldPosition && r.Props["title"] == "" {
			t.Errorf("HELD_POSITION %s -> %s without title", r.From.Key, r.To.Key)
		}
	}
}

// junk says why an entity is no plausible person, organization or
// project, or "".
func junk(e kg.Entity) string {
	k := e.Key
	if e.Kind == kg.Project {
		// Road codes listed in a road's name (X159、X161四坝镇…公路).
		k = reRoadCodes.ReplaceAllString(k, "$1")
	}
	if strings.ContainsAny(k, "，。；：、“”《》") {
		return "sentence punctuation"
	}
	for _, w := range []string{"深入", "先后", "召开", "考察", "开展", "主持", "实施", "推进"} {
		if strings.Contains(k, w) {
			return "holds the verb " + w
		}
	}
	switch e.Kind {
	case kg.Person:
		if !mention.PlausiblePerson(k) {
			return "not a personal name"
		}
	case kg.Organization:
		last := []rune(k)
		if !strings.ContainsRune("会府局室厅部院校学园心行团司社所站馆场厂委协联办队区港组处庭盟台网报科署协大人政中央进革", last[len(last)-1]) {
			return "no organization suffix"
		}
	case kg.Project:
		if len([]rune(k)) < 4 {
			return "too short"
		}
		for _, w := range []string{"个", "等", "各"} {
			if strings.Contains(k, w) {
				return "an aggregate (" + w + ")"
			}
		}
	}
	return ""
}

var reRoadCodes = regexp.MustCompile(`[GSXYC]\d+、([GSXYC]\d+)`)

func TestCreditNames(t *testing.T) {
	for _, c := range []struct {
		raw  string
		want string
	}{
		{"\ufffd （王丽　戴声桥　摄）", "王丽 戴声桥"},
		{"搬迁项目\ufffd （徐燕　戴声桥　摄）", "徐燕 戴声桥"},
		{"（梁文晶　2023 年 3 月摄）", "梁文晶"},
		{"（市委老干局　供图）", ""},
	} {
		if got := strings.Join(prose.CreditNames(c.raw), " "); got != c.want {
			t.Errorf("creditNames(%q) = %q, want %q", c.raw, got, c.want)
		}
	}
}

// BenchmarkFind measures the running-text finder over the whole running
// text of the yearbook, once per iteration.
func BenchmarkFind(b *testing.B) {
	const path = "../../data/wuwei-2024.txt"
	raw, err := os.ReadFile(path)
	if err != nil {
		b.Skip("no yearbook data")
	}
	lines, _, err := decode.Lines(path, raw)
	if err != nil {
		b.Fatal(err)
	}
	d := segment.Parse(path, lines)
	texts := prose.PassageTexts(d)
	f := mention.NewFinder(nil, d.City)
	b.ResetTimer()
	for b.Loop() {
		for _, s := range texts {
			f.Find(s)
		}
	}
}

// TestPhotographers checks the graph of photo credits on the yearbook:
// a person with the role photographer for each name credited, with a
// mention on each credit line that names them.
func TestPhotographers(t *testing.T) {
	d, err := segment.ReadFile("../../data/wuwei-2024.txt")
	if err != nil {
		t.Fatal(err) // the yearbook is vendored: a missing one is a failure
	}
	want := map[string]map[int]bool{} // the credit lines of each name
	for _, l := range d.Lines {
		if l.Kind != segment.Credit {
			continue
		}
		for _, name := range prose.CreditNames(l.Raw) {
			if want[name] == nil {
				want[name] = map[int]bool{}
			}
			want[name][l.N] = true
		}
	}
	if len(want) < 10 {
		t.Fatalf("only %d names credited: the check checks little", len(want))
	}
	g := prose.Photographers(d, "y")
	if len(g.Entities) != len(want) {
		t.Errorf("%d photographers, want %d", len(g.Entities), len(want))
	}
	for _, e := range g.Entities {
		lines := want[e.Key]
		if e.Kind != kg.Person || e.Props["role"] != "photographer" || len(e.Mentions) != len(lines) {
			t.Errorf("%s: %s, role %q, %d mentions, want a person, photographer, with %d", e.Key, e.Kind, e.Props["role"], len(e.Mentions), len(lines))
		}
		for _, m := range e.Mentions {
			if !lines[m.Line] {
				t.Errorf("%s: a mention at line %d, which credits no such name", e.Key, m.Line)
			}
		}
	}
}
