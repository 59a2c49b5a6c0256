package segment_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yearbookkg/kg/loaders/decode"
	"github.com/yearbookkg/kg/loaders/segment"
)

func parse(t *testing.T, file string) *segment.Document {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", file))
	if err != nil {
		t.Fatal(err)
	}
	lines, _, err := decode.Lines(file, b)
	if err != nil {
		t.Fatal(err)
	}
	return segment.Parse(file, lines)
}

func TestLineKinds(t *testing.T) {
	tests := []struct {
		file string
		line int
		kind segment.Kind
		page int
	}{
		{"banner.txt", 2, segment.Body, 1},
		{"banner.txt", 8, segment.Banner, 49},  // the city line of the running banner
		{"banner.txt", 26, segment.Banner, 49}, // 2 0 2 4
		{"banner.txt", 28, segment.Banner, 49}, // 49大事记: page number and chapter
		{"banner.txt", 30, segment.Body, 49},   // the sentence goes on after the banner
		{"caption.txt", 5, segment.Caption, 1},
		{"caption.txt", 7, segment.Credit, 1},
		{"caption.txt", 8, segment.Body, 2}, // page start after the caption block
		{"glued-caption.txt", 5, segment.Body, 1},
		{"glued-caption.txt", 6, segment.Body, 2},
		{"heading.txt", 15, segment.Author, 1},
		{"heading.txt", 17, segment.Heading, 1},
	}
	for _, tt := range tests {
		d := parse(t, tt.file)
		l := d.Line(tt.line)
		if l.Kind != tt.kind || l.Page != tt.page {
			t.Errorf("%s:%d %q: kind %s page %d, want %s page %d", tt.file, tt.line, l.Raw, l.Kind, l.Page, tt.kind, tt.page)
		}
	}
}

func TestPassageUndoesPDFDamage(t *testing.T) {
	tests := []struct {
		name, file string
		from, to   int
		want       string
	}{
		{"banner inside a sentence", "banner.txt", 1, 30, "械技术集成、土壤质量提升等关键技术示范推广，集成创新河西日光温室绿色丰产提质增效技术体系。"},
		{"caption cut out of a sentence, page-start space dropped", "caption.txt", 1, 12, "提高资源利用效率为目标，组织开展凉州区、民勤县和天祝县生态及地质灾害避险搬迁跟踪审计；民勤县国土绿化资金审计，促进领导干部落实生态文明建设责任制，提高生态环保专项资金使用效率。"},
		{"caption glued to body text", "glued-caption.txt", 1, 6, "成投运，铁路集装箱场站二期加快建设，与天津港互设的中转集散基地启动运营，设立山东港口武威内陆港。开通全国首列一体化通关"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := parse(t, tt.file)
			if got := d.Passage(tt.from, tt.to, 0).Text; got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestTopicsAndSections(t *testing.T) {
	d := parse(t, "wrapped-topic.txt")
	topics := d.Parts[0].Sections[0].Topics
	if len(topics) != 1 || topics[0].Title != "全市高质量发展重大项目建设暨招商引资工作动员大会" {
		t.Fatalf("wrapped title: %+v", topics)
	}
	p := d.TopicText(topics[0])
	if !strings.HasPrefix(p.Text, "1月28日，全市高质量发展重大项目建设暨招商引资工作动员大会召开。") {
		t.Errorf("topic text: %q", p.Text)
	}
	if off := strings.Index(p.Text, "曾国俊"); p.Line(off) != 11 {
		t.Errorf("曾国俊 is on line %d, want 11", p.Line(off))
	}

	d = parse(t, "heading.txt")
	secs := d.Parts[0].Sections
	if len(secs) != 2 || secs[0].Author != "市委办公室" || secs[1].Title != "组织工作" {
		t.Fatalf("sections: %+v %+v", secs[0], secs[len(secs)-1])
	}
	if got := secs[1].Topics[0].Title; got != "概况" {
		t.Errorf("spread title: %q, want 概况", got)
	}
	if got := d.Path(21); got != "组织工作 > 【概况】" {
		t.Errorf("path: %q", got)
	}
}

// TestWholeYearbook checks the segmentation of the vendored yearbook
// against the facts catalogued in docs (pages, parts, topics).
func TestWholeYearbook(t *testing.T) {
	b, err := os.ReadFile("../../data/wuwei-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	lines, _, err := decode.Lines("wuwei-2024.txt", b)
	if err != nil {
		t.Fatal(err)
	}
	d := segment.Parse("wuwei-2024.txt", lines)
	if last := d.Lines[len(d.Lines)-1].Page; last != 369 {
		t.Errorf("last page %d, want 369", last)
	}
	if d.Year != 2023 || d.City != "武威" {
		t.Errorf("year %d city %q", d.Year, d.City)
	}
	topics, captions := 0, 0
	titles := map[string]bool{}
	for _, p := range d.Parts {
		titles[p.Title] = true
		for _, s := range p.Sections {
			topics += len(s.Topics)
		}
	}
	for _, l := range d.Lines {
		if l.Kind == segment.Caption && strings.HasPrefix(l.Text, "图") {
			captions++
		}
	}
	// 1,065 【 entries, less the few inside tables and the appendix.
	if topics < 1000 || topics > 1065 {
		t.Errorf("%d topics", topics)
	}
	if captions < 85 || captions > 92 {
		t.Errorf("%d captions, want about 92", captions)
	}
	for _, want := range []string{"大事记", "市情概览", "人物与荣誉", "附录", "县区发展"} {
		if !titles[want] {
			t.Errorf("part %s not found", want)
		}
	}
}
