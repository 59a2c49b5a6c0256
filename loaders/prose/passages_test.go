package prose

import (
	"os"
	"strings"
	"testing"

	"github.com/yearbookkg/kg/loaders/textnorm"
)

// TestTableMarkLead checks that tableMarkLead passes every line the
// regexp it guards matches, on the lines of the vendored yearbook and on
// made-up ones.
func TestTableMarkLead(t *testing.T) {
	lines := []string{"表1", " 表 2", "\u3000续表12", "续表", "续 表1", "表", "表１２", "\t表3", "附表1", "表1 ", "x表1"}
	b, err := os.ReadFile("../../data/wuwei-2024.txt")
	if err != nil {
		t.Fatal(err)
	}
	lines = append(lines, strings.Split(string(b), "\n")...)
	matched := 0
	for _, l := range lines {
		if reTableMark.MatchString(textnorm.TrimSpace(l)) {
			matched++
			if !tableMarkLead(l) {
				t.Errorf("tableMarkLead(%q) = false, but the regexp matches", l)
			}
		}
	}
	if matched < 10 {
		t.Errorf("the regexp matched only %d lines: the check checks little", matched)
	}
}
