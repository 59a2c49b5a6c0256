package neo4jstore_test

import (
	"context"
	"os"
	"testing"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/neo4jstore"
	"github.com/yearbookkg/kg/neo4jstore/neo4jtest"
)

func TestMain(m *testing.M) { os.Exit(neo4jtest.Main(m)) }

// sample is a small graph in the shape the loaders produce.
func sample(hash string) *kg.Graph {
	src := func(line int, q string) kg.Source {
		return kg.Source{Yearbook: "test-2024", Page: 314, Section: "附录 > 名录", Line: line, Quote: q}
	}
	xie := kg.Ref{Kind: kg.Person, Key: "谢宏杰"}
	off := kg.Ref{Kind: kg.Organization, Key: "市委办公室"}
	ev := kg.Ref{Kind: kg.Event, Key: "2023-03-16|全市领导干部会议召开"}
	city := kg.Ref{Kind: kg.Place, Key: "武威市"}
	return &kg.Graph{
		Yearbook: kg.Yearbook{ID: "test-2024", Title: "测试年鉴2024", File: "test-2024.txt", Hash: hash},
		Entities: []kg.Entity{
			{Kind: kg.Person, Key: xie.Key, Name: "谢宏杰", Props: map[string]string{"gender": "男"}, Mentions: []kg.Source{src(10, "主任谢宏杰（2023年11月免）")}},
			{Kind: kg.Organization, Key: off.Key, Name: "市委办公室", Aliases: []string{"市档案局"}, Mentions: []kg.Source{src(9, "市委办公室（市档案局）：")}},
			{Kind: kg.Event, Key: ev.Key, Name: "全市领导干部会议", Props: map[string]string{"date": "2023-03-16", "description": "全市领导干部会议召开"}, Mentions: []kg.Source{src(20, "16日全市领导干部会议召开")}},
			{Kind: kg.Place, Key: city.Key, Name: "武威市", Props: map[string]string{"placeType": "CITY"}, Mentions: []kg.Source{src(30, "武威市")}},
		},
		Relationships: []kg.Relationship{
			{Type: kg.HeldPosition, From: xie, To: off, Props: map[string]string{"title": "主任", "end": "2023-11", "concurrent": "false"}, Source: src(10, "主任谢宏杰（2023年11月免）")},
			{Type: kg.ParticipatedIn, From: xie, To: ev, Source: src(20, "16日全市领导干部会议召开")},
			{Type: kg.OccurredIn, From: ev, To: city, Source: src(20, "16日全市领导干部会议召开")},
			{Type: kg.Honored, From: xie, To: kg.Ref{Kind: kg.Honor, Key: "先进工作者"}, Props: map[string]string{"title": "先进工作者", "year": "2023"}, Source: src(21, "授予先进工作者称号")},
		},
	}
}

type counts struct {
	kinds map[kg.Kind]int
	rels  map[string]int
}

func snapshot(t *testing.T, s *neo4jstore.Store) counts {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return counts{st.Kinds, st.Relationships}
}

func TestLoadIsAtomicAndIdempotent(t *testing.T) {
	s := neo4jtest.Store(t)
	neo4jtest.Reset(t, s)
	ctx := context.Background()

	res, err := s.Load(ctx, sample("h1"), neo4jstore.LoadOptions{})
	if err != nil || res.Skipped {
		t.Fatalf("first load: %v skipped=%v", err, res.Skipped)
	}
	want := snapshot(t, s)
	if want.kinds[kg.Person] != 1 || want.kinds[kg.Organization] != 1 || want.rels[kg.HeldPosition] != 1 || want.rels[kg.Honored] != 1 {
		t.Fatalf("unexpected counts after load: %+v", want)
	}

	t.Run("same file twice is a no-op", func(t *testing.T) {
		res, err := s.Load(ctx, sample("h1"), neo4jstore.LoadOptions{})
		if err != nil || !res.Skipped {
			t.Fatalf("second load: %v skipped=%v", err, res.Skipped)
		}
	})
	t.Run("forced reload gives the same graph", func(t *testing.T) {
		if _, err := s.Load(ctx, sample("h1"), neo4jstore.LoadOptions{Force: true}); err != nil {
			t.Fatal(err)
		}
		if got := snapshot(t, s); !equal(got, want) {
			t.Fatalf("after reload %+v, want %+v", got, want)
		}
		ms, err := s.Mentions(ctx, []string{kg.Ref{Kind: kg.Person, Key: "谢宏杰"}.ID()}, 20)
		if err != nil || len(ms[0]) != 1 {
			t.Fatalf("mentions after reload: %v %v", ms, err)
		}
	})
	t.Run("failed load keeps the previous graph", func(t *testing.T) {
		bad := sample("h2")
		bad.Entities = append(bad.Entities, kg.Entity{Kind: kg.Person, Key: "新人", Name: "新人"})
		bad.Relationships = append(bad.Relationships, kg.Relationship{Type: "NOT A TYPE", From: bad.Entities[0].Ref(), To: bad.Entities[1].Ref()})
		if _, err := s.Load(ctx, bad, neo4jstore.LoadOptions{}); err == nil {
			t.Fatal("load of a bad graph succeeded")
		}
		if got := snapshot(t, s); !equal(got, want) {
			t.Fatalf("after failed load %+v, want %+v", got, want)
		}
	})
	t.Run("new edition replaces the old one", func(t *testing.T) {
		g := sample("h3")
		g.Entities = g.Entities[1:] // 谢宏杰 is gone from the new edition
		g.Relationships = g.Relationships[2:3]
		if _, err := s.Load(ctx, g, neo4jstore.LoadOptions{}); err != nil {
			t.Fatal(err)
		}
		got := snapshot(t, s)
		if got.kinds[kg.Person] != 0 || got.rels[kg.HeldPosition] != 0 || got.rels[kg.OccurredIn] != 1 {
			t.Fatalf("after new edition: %+v", got)
		}
	})
}

func TestReadQueries(t *testing.T) {
	s := neo4jtest.Store(t)
	neo4jtest.Reset(t, s)
	ctx := context.Background()
	if _, err := s.Load(ctx, sample("h1"), neo4jstore.LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	xie := kg.Ref{Kind: kg.Person, Key: "谢宏杰"}.ID()
	off := kg.Ref{Kind: kg.Organization, Key: "市委办公室"}.ID()

	tests := []struct {
		name  string
		query string
		kinds []kg.Kind
		want  string
	}{
		{"exact name", "谢宏杰", nil, xie},
		{"alias", "市档案局", nil, off},
		{"spaced name folds", "谢　宏杰", nil, xie},
		{"full text bigram", "办公", nil, off},
		{"single character", "谢", []kg.Kind{kg.Person}, xie},
		{"lucene syntax is escaped", `谢宏杰" OR *`, nil, xie},
		{"cypher-like input finds nothing", `"}) MATCH (n) DETACH DELETE n //`, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Search(ctx, tt.query, tt.kinds, 5, true)
			if err != nil {
				t.Fatal(err)
			}
			if tt.want == "" {
				if len(got) != 0 {
					t.Fatalf("got %d results, want none", len(got))
				}
				return
			}
			if len(got) == 0 || got[0].ID != tt.want {
				t.Fatalf("first result %+v, want %s", got, tt.want)
			}
		})
	}

	pos, err := s.Positions(ctx, []string{xie, off}, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(pos[0]) != 1 || pos[0][0].Title != "主任" || pos[0][0].End != "2023-11" || pos[0][0].OrganizationID != off || pos[0][0].Source.Line != 10 {
		t.Fatalf("positions of 谢宏杰: %+v", pos[0])
	}
	if len(pos[1]) != 0 {
		t.Fatalf("an organization holds no positions as a person: %+v", pos[1])
	}
	page, err := s.EventsWhere(ctx, neo4jstore.EventFilter{From: "2023-03", To: "2023-03"}, 0, 10, true)
	if err != nil || page.Total != 1 || page.Nodes[0].Props["date"] != "2023-03-16" {
		t.Fatalf("events of March: %+v %v", page, err)
	}
	page, err = s.EventsWhere(ctx, neo4jstore.EventFilter{From: "2023-04", To: "2023-12"}, 0, 10, true)
	if err != nil || page.Total != 0 {
		t.Fatalf("events after March: %+v %v", page, err)
	}
	hs, err := s.Honors(ctx, []string{xie})
	if err != nil || len(hs[0]) != 1 || hs[0][0].Title != "先进工作者" || hs[0][0].Year != "2023" {
		t.Fatalf("honors: %+v %v", hs, err)
	}
}

func equal(a, b counts) bool {
	for _, k := range kg.Kinds {
		if a.kinds[k] != b.kinds[k] {
			return false
		}
	}
	for _, t := range kg.RelationshipTypes {
		if a.rels[t] != b.rels[t] {
			return false
		}
	}
	return true
}

// TestReadsCannotWrite checks that the API's transactions are read
// transactions: a write attempt fails in the database itself, whatever the
// code around it does.
func TestReadsCannotWrite(t *testing.T) {
	s := neo4jtest.Store(t)
	if err := s.WriteInReadTransaction(context.Background()); err == nil {
		t.Fatal("a read transaction wrote to the database")
	}
	if n, err := s.Search(context.Background(), "Intruder", nil, 5, true); err != nil || len(n) != 0 {
		t.Fatalf("after the attempt: %v %v", n, err)
	}
}
