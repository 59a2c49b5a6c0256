package honors_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/honors"
	"github.com/yearbookkg/kg/loaders/segment"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func parse(t testing.TB, path string) *segment.Document {
	t.Helper()
	d, err := segment.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// dump is the golden form of a graph, sorted.
func dump(g *kg.Graph) string {
	var out []string
	for _, e := range g.Entities {
		out = append(out, fmt.Sprintf("%s %s %v", e.Kind, e.Name, props(e.Props)))
	}
	for _, r := range g.Relationships {
		out = append(out, fmt.Sprintf("%s %s → %s %v @%d", r.Type, r.From.Key, r.To.Key, props(r.Props), r.Source.Line))
	}
	for _, d := range g.Diagnostics {
		out = append(out, fmt.Sprintf("diag %s @%d %s", d.Code, d.Line, d.Message))
	}
	sort.Strings(out)
	return strings.Join(out, "\n") + "\n"
}

func props(p map[string]string) string {
	var kv []string
	for k, v := range p {
		kv = append(kv, k+"="+v)
	}
	sort.Strings(kv)
	return "{" + strings.Join(kv, " ") + "}"
}

// honored is one expected HONORED relationship.
type honored struct {
	from       kg.Ref
	honor      string // the honour's key
	title      string
	year, date string
	awardedBy  string
}

func TestExtract(t *testing.T) {
	person := func(n string) kg.Ref { return kg.Ref{Kind: kg.Person, Key: n} }
	org := func(n string) kg.Ref { return kg.Ref{Kind: kg.Organization, Key: n} }
	tests := []struct {
		name    string
		fixture string
		people  map[string]map[string]string // name → props it must have
		honored []honored
		held    [][3]string // person, organization, title
		absent  []string    // names that must not be entities
	}{
		{
			name:    "profiles, one with a spaced name, and awards to organizations",
			fixture: "profiles.txt",
			people: map[string]map[string]string{
				"郭万刚": {"gender": "男", "ethnicity": "汉族", "born": "1952-01"},
				"韩文婷": {"gender": "女", "born": "1980-07"},
				"姜莉玲": {"born": "1979-05"},
			},
			honored: []honored{
				{person("郭万刚"), "林业英雄", "林业英雄", "2023", "2023-02", "全国绿化委员会"},
				{person("韩文婷"), "全国巾帼建功标兵", "全国巾帼建功标兵", "2023", "2023-02", "全国妇联"},
				{person("姜莉玲"), "全国三八红旗手", "2022年度全国三八红旗手", "2023", "2023-02", "全国妇联"},
				{org("古浪县八步沙林场"), "全国林草系统先进集体", "全国林草系统先进集体", "2023", "2023-02", "人力资源社会保障部"},
			},
			held: [][3]string{
				{"郭万刚", "古浪县八步沙林场", "党支部书记、场长"},
				{"韩文婷", "武威市妇联", "发展部副部长"},
				{"姜莉玲", "民勤县退耕还林办公室", "技术员"},
			},
			// Places named by a title are not honorees.
			absent: []string{"武威市", "凉州区"},
		},
		{
			name:    "awards in running text: organizations before 被, several titles",
			fixture: "award-sentences.txt",
			honored: []honored{
				// No date in the sentence, and a fixture without dates has
				// no covered year to fall back on: no year.
				{org("古浪八步沙林场"), "全国防沙治沙英雄群体", "全国防沙治沙英雄群体", "", "", ""},
				{org("古浪八步沙林场"), "全国林草系统先进集体", "全国林草系统先进集体", "", "", ""},
				{org("凉州区治沙站"), "全国防沙治沙先进集体", "全国防沙治沙先进集体", "", "", ""},
			},
			// 郭万刚 and 陆科 are not profiled in this fixture: a bare name
			// before 被 is not taken.
			absent: []string{"郭万刚", "陆科"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join("testdata", tt.fixture)
			g := honors.Extract(parse(t, path), "test")
			ents := map[string]*kg.Entity{}
			for i := range g.Entities {
				e := &g.Entities[i]
				ents[e.Name] = e
				if len(e.Mentions) == 0 {
					t.Errorf("%s has no mention", e.Name)
				}
			}
			for name, want := range tt.people {
				e := ents[name]
				if e == nil || e.Kind != kg.Person {
					t.Errorf("person %s not found", name)
					continue
				}
				for k, v := range want {
					if e.Props[k] != v {
						t.Errorf("%s: %s = %q, want %q", name, k, e.Props[k], v)
					}
				}
			}
			for _, h := range tt.honored {
				found := false
				for _, r := range g.Relationships {
					if r.Type != kg.Honored || r.From != h.from || r.To != (kg.Ref{Kind: kg.Honor, Key: h.honor}) {
						continue
					}
					found = true
					if r.Props["title"] != h.title || r.Props["year"] != h.year || r.Props["date"] != h.date || r.Props["awardedBy"] != h.awardedBy {
						t.Errorf("%s → %s: props %v, want title %s year %s date %s awardedBy %s", h.from.Key, h.honor, r.Props, h.title, h.year, h.date, h.awardedBy)
					}
					if r.Source.Line == 0 || r.Source.Quote == "" {
						t.Errorf("%s → %s: no source", h.from.Key, h.honor)
					}
				}
				if !found {
					t.Errorf("no HONORED %s → %s", h.from.Key, h.honor)
				}
			}
			for _, hp := range tt.held {
				found := false
				for _, r := range g.Relationships {
					if r.Type == kg.HeldPosition && r.From.Key == hp[0] && r.To.Key == hp[1] && r.Props["title"] == hp[2] {
						found = true
					}
				}
				if !found {
					t.Errorf("no HELD_POSITION %s → %s (%s)", hp[0], hp[1], hp[2])
				}
			}
			for _, n := range tt.absent {
				if ents[n] != nil {
					t.Errorf("%s extracted", n)
				}
			}
			golden := strings.TrimSuffix(path, ".txt") + ".golden"
			got := dump(g)
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run with -update)", err)
			}
			if got != string(want) {
				t.Errorf("graph differs from %s (run with -update and review the diff):\n%s", golden, got)
			}
		})
	}
}

const yearbook = "../../data/wuwei-2024.txt"

// TestYearbook checks the whole 2024 Wuwei yearbook: its 10 profiles, each
// with birth date and an award, and the collective awards of the chapter.
func TestYearbook(t *testing.T) {
	if _, err := os.Stat(yearbook); err != nil {
		t.Skip("yearbook not present")
	}
	g := honors.Extract(parse(t, yearbook), "wuwei-2024")
	profiled := map[string]bool{}
	for _, e := range g.Entities {
		if e.Kind == kg.Person && e.Props["born"] != "" {
			profiled[e.Name] = true
		}
	}
	want := []string{"郭万刚", "韩文婷", "姜莉玲", "刘熙元", "许莹堂", "张琼", "张春蕾", "陆科", "高发元", "王生兰"}
	for _, n := range want {
		if !profiled[n] {
			t.Errorf("profile %s not read", n)
		}
	}
	if len(profiled) != len(want) {
		t.Errorf("%d profiles, want %d: %v", len(profiled), len(want), profiled)
	}
	awarded := map[string]bool{}
	orgs := 0
	for _, r := range g.Relationships {
		if r.Type != kg.Honored {
			continue
		}
		if r.From.Kind == kg.Person {
			awarded[r.From.Key] = true
		} else {
			orgs++
		}
		if r.Props["year"] == "" || r.Props["title"] == "" {
			t.Errorf("HONORED %s → %s lacks year or title: %v", r.From.Key, r.To.Key, r.Props)
		}
	}
	for _, n := range want {
		if !awarded[n] {
			t.Errorf("%s has no HONORED", n)
		}
	}
	if orgs < 9 {
		t.Errorf("%d HONORED from organizations, want at least the chapter's 9", orgs)
	}
	t.Logf("%d entities, %d relationships, %d diagnostics", len(g.Entities), len(g.Relationships), len(g.Diagnostics))
}
