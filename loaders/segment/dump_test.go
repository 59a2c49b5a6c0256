package segment_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/yearbookkg/kg/loaders/segment"
)

func TestDump(t *testing.T) {
	if os.Getenv("DUMP") == "" {
		t.Skip()
	}
	b, _ := os.ReadFile("../../data/wuwei-2024.txt")
	d := segment.Parse("wuwei", strings.Split(strings.TrimSuffix(string(b), "\n"), "\n"))
	fmt.Println("year", d.Year, "pages", d.Lines[len(d.Lines)-1].Page)
	for _, p := range d.Parts {
		nt := 0
		for _, s := range p.Sections {
			nt += len(s.Topics)
		}
		fmt.Printf("PART %q %d-%d p%d sections=%d topics=%d\n", p.Title, p.Start, p.End, d.Line(p.Start).Page, len(p.Sections), nt)
		if os.Getenv("DUMP") == "2" {
			for _, s := range p.Sections {
				fmt.Printf("   SEC %q %d-%d author=%q topics=%d\n", s.Title, s.Start, s.End, s.Author, len(s.Topics))
			}
		}
	}
	fmt.Println(len(d.Diagnostics))
}
