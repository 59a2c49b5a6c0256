package neo4jstore_test

import (
	"context"
	"fmt"
	"os"
	"reflect"
	"strings"
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
		Pages: samplePages(),
	}
}

// samplePages is the text of the sample: pages 313, 314 and 315 of eight,
// fifteen and ten lines; line n reads "第n行" but for the lines the
// sample's sources quote.
func samplePages() []kg.Page {
	quoted := map[int]string{9: "市委办公室（市档案局）：", 10: "主任谢宏杰（2023年11月免）", 20: "16日全市领导干部会议召开"}
	var pages []kg.Page
	n := 1
	for i, size := range []int{8, 15, 10} {
		p := kg.Page{Number: 313 + i, First: n}
		for ; n < p.First+size; n++ {
			text, ok := quoted[n]
			if !ok {
				text = fmt.Sprintf("第%d行", n)
			}
			p.Lines = append(p.Lines, text)
		}
		pages = append(pages, p)
	}
	return pages
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

// deletes counts the stages of a load that remove an earlier load's facts.
func deletes(res neo4jstore.LoadResult) int {
	n := 0
	for _, st := range res.Stages {
		if strings.HasPrefix(st.Name, "delete old") || st.Name == "retire old entities" {
			n++
		}
	}
	return n
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
	// A first load has nothing of its own to delete; a reload must delete.
	if n := deletes(res); n != 0 {
		t.Errorf("first load ran %d delete stages", n)
	}
	if res, err := s.Load(ctx, sample("h1"), neo4jstore.LoadOptions{Force: true}); err != nil || deletes(res) == 0 {
		t.Fatalf("forced reload: %v, delete stages %d", err, deletes(res))
	}
	if got := snapshot(t, s); !reflect.DeepEqual(got, want) {
		t.Fatalf("forced reload of the same file: %+v, want %+v", got, want)
	}

	t.Run("same file twice is a no-op", func(t *testing.T) {
		res, err := s.Load(ctx, sample("h1"), neo4jstore.LoadOptions{})
		if err != nil || !res.Skipped {
			t.Fatalf("second load: %v skipped=%v", err, res.Skipped)
		}
	})
	t.Run("same file without its text is loaded again", func(t *testing.T) {
		old := sample("h1")
		old.Pages = nil // as loaded before the text was stored
		if _, err := s.Load(ctx, old, neo4jstore.LoadOptions{Force: true}); err != nil {
			t.Fatal(err)
		}
		if ls, err := s.Lines(ctx, "test-2024", 1, 5); err != nil || len(ls) != 0 {
			t.Fatalf("lines of a yearbook loaded without text: %d %v", len(ls), err)
		}
		res, err := s.Load(ctx, sample("h1"), neo4jstore.LoadOptions{})
		if err != nil || res.Skipped {
			t.Fatalf("load with text: %v skipped=%v", err, res.Skipped)
		}
		if ls, err := s.Lines(ctx, "test-2024", 1, 5); err != nil || len(ls) != 5 {
			t.Fatalf("lines after the load with text: %d %v", len(ls), err)
		}
		if res, err := s.Load(ctx, sample("h1"), neo4jstore.LoadOptions{}); err != nil || !res.Skipped {
			t.Fatalf("third load: %v skipped=%v", err, res.Skipped)
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
		g.Pages = g.Pages[:2]
		if _, err := s.Load(ctx, g, neo4jstore.LoadOptions{}); err != nil {
			t.Fatal(err)
		}
		got := snapshot(t, s)
		if got.kinds[kg.Person] != 0 || got.rels[kg.HeldPosition] != 0 || got.rels[kg.OccurredIn] != 1 {
			t.Fatalf("after new edition: %+v", got)
		}
		// Its text is one page shorter: page 315 is gone, 314 rewritten.
		if p, err := s.Page(ctx, "test-2024", 315); err != nil || p != nil {
			t.Fatalf("page 315 after the new edition: %+v %v", p, err)
		}
		if p, err := s.Page(ctx, "test-2024", 314); err != nil || p == nil || p.First != 9 || p.Last != 23 || p.Lines[1].Text != "主任谢宏杰（2023年11月免）" {
			t.Fatalf("page 314 after the new edition: %+v %v", p, err)
		}
		// An entity of both editions counts the new edition's mentions
		// only: the old ones are deleted after the new ones are written.
		org := kg.Ref{Kind: kg.Organization, Key: "市委办公室"}.ID()
		for _, n := range []int{2, 1} {
			g := sample(fmt.Sprintf("h3-%d", n))
			for range n - 1 {
				g.Entities[1].Mentions = append(g.Entities[1].Mentions, g.Entities[1].Mentions[0])
			}
			if _, err := s.Load(ctx, g, neo4jstore.LoadOptions{}); err != nil {
				t.Fatal(err)
			}
			e, err := s.Entity(ctx, org, neo4jstore.Facts{})
			if err != nil || e == nil || e.Node.MentionCount != n {
				t.Fatalf("entity after an edition with %d mentions of it: %+v %v", n, e, err)
			}
			ms, err := s.Mentions(ctx, []string{org}, 20)
			if err != nil || len(ms[0]) != n {
				t.Fatalf("mentions after an edition with %d of them: %v %v", n, ms, err)
			}
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

// TestText reads the stored text of the sample: windows of lines around
// a source, across page breaks and clipped at the ends, and whole pages.
func TestText(t *testing.T) {
	s := neo4jtest.Store(t)
	neo4jtest.Reset(t, s)
	ctx := context.Background()
	if _, err := s.Load(ctx, sample("h1"), neo4jstore.LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	// lines renders a window as "line@page:text" entries, one per line.
	lines := func(ls []neo4jstore.TextLine) string {
		var b []string
		for _, l := range ls {
			b = append(b, fmt.Sprintf("%d@%d:%s", l.Line, l.Page, l.Text))
		}
		return strings.Join(b, " ")
	}
	tests := []struct {
		name     string
		yb       string
		from, to int
		want     string
	}{
		{"within a page", "test-2024", 10, 12, "10@314:主任谢宏杰（2023年11月免） 11@314:第11行 12@314:第12行"},
		{"across a page break", "test-2024", 7, 10, "7@313:第7行 8@313:第8行 9@314:市委办公室（市档案局）： 10@314:主任谢宏杰（2023年11月免）"},
		{"across two page breaks", "test-2024", 8, 24, "8@313:第8行 9@314:市委办公室（市档案局）： 10@314:主任谢宏杰（2023年11月免） 11@314:第11行 12@314:第12行 13@314:第13行 14@314:第14行 15@314:第15行 16@314:第16行 17@314:第17行 18@314:第18行 19@314:第19行 20@314:16日全市领导干部会议召开 21@314:第21行 22@314:第22行 23@314:第23行 24@315:第24行"},
		{"one line", "test-2024", 20, 20, "20@314:16日全市领导干部会议召开"},
		{"clipped at the start", "test-2024", -2, 2, "1@313:第1行 2@313:第2行"},
		{"clipped at the end", "test-2024", 32, 40, "32@315:第32行 33@315:第33行"},
		{"after the end", "test-2024", 34, 40, ""},
		{"empty window", "test-2024", 10, 9, ""},
		{"unknown yearbook", "nope-2024", 1, 5, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := s.Lines(ctx, tt.yb, tt.from, tt.to)
			if err != nil {
				t.Fatal(err)
			}
			if lines(got) != tt.want {
				t.Fatalf("Lines(%d, %d) = %s\nwant %s", tt.from, tt.to, lines(got), tt.want)
			}
		})
	}
	p, err := s.Page(ctx, "test-2024", 313)
	if err != nil || p == nil || p.First != 1 || p.Last != 8 || len(p.Lines) != 8 || p.Lines[7].Text != "第8行" || p.Lines[7].Line != 8 {
		t.Fatalf("page 313: %+v %v", p, err)
	}
	if p, err := s.Page(ctx, "test-2024", 999); err != nil || p != nil {
		t.Fatalf("page 999: %+v %v", p, err)
	}
	if err := s.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	if ls, err := s.Lines(ctx, "test-2024", 1, 40); err != nil || len(ls) != 0 {
		t.Fatalf("lines after DeleteAll: %d %v", len(ls), err)
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

// TestReadIsOneRoundTrip checks that a read sends its query and the pull
// of its records and nothing else: no BEGIN and COMMIT of an explicit
// transaction, whose COMMIT cost a second round trip per request.
func TestReadIsOneRoundTrip(t *testing.T) {
	s := neo4jtest.Store(t)
	ctx := context.Background()
	if err := s.Ping(ctx); err != nil { // a pooled connection: no HELLO below
		t.Fatal(err)
	}
	var log clientMessages
	s.LogBolt(&log)
	if _, err := s.Search(ctx, "武威", nil, 5, false); err != nil {
		t.Fatal(err)
	}
	if want := []string{"RUN", "PULL"}; !reflect.DeepEqual(log.verbs, want) {
		t.Errorf("a read sent %v, want %v", log.verbs, want)
	}
}

// clientMessages is a Bolt logger that keeps the verbs of the messages
// the client sends.
type clientMessages struct{ verbs []string }

func (c *clientMessages) LogClientMessage(_, msg string, _ ...any) {
	c.verbs = append(c.verbs, strings.Fields(msg)[0])
}

func (c *clientMessages) LogServerMessage(string, string, ...any) {}

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
