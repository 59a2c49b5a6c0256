package prose_test

import (
	"testing"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/loaders/prose"
)

// TestHeadingsAndHistory checks what the headings and the dates of a
// sentence tell about the names under them (fixture cut from the county
// chapter of the 2024 Wuwei yearbook): a project placed nowhere in its
// sentence lies in the county of its section, an organization named for
// the county (县委) is in it, and a person named only in a sentence of the
// past (周恩来 in the county's history) is no person of the year.
func TestHeadingsAndHistory(t *testing.T) {
	d := load(t, "testdata/area.txt")
	g := prose.Extract(d, "test", pipelineFinder(d))
	has := func(typ string, from kg.Ref, to kg.Ref) bool {
		for _, r := range g.Relationships {
			if r.Type == typ && r.From == from && r.To == to {
				return true
			}
		}
		return false
	}
	persons := map[string]bool{}
	for _, e := range g.Entities {
		if e.Kind == kg.Person {
			persons[e.Key] = true
		}
	}
	minqin := kg.Ref{Kind: kg.Place, Key: "民勤县"}
	for _, tt := range []struct {
		name string
		ok   bool
	}{
		{"project of the section's county", has(kg.LocatedIn, kg.Ref{Kind: kg.Project, Key: "55万千瓦风电项目"}, minqin)},
		{"县委 in the section's county", has(kg.LocatedIn, kg.Ref{Kind: kg.Organization, Key: "县委"}, minqin)},
		{"no historical person", !persons["周恩来"]},
		{"a person of the year in the same topic", persons["王国斌"]},
	} {
		if !tt.ok {
			t.Errorf("%s: not so; relationships %v", tt.name, g.Relationships)
		}
	}
}
