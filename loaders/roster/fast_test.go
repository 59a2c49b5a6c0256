package roster

import (
	"strings"
	"testing"
)

// TestContainsJoined checks containsJoined against strings.Contains of the
// joined strings, on every split of the words and around them.
func TestContainsJoined(t *testing.T) {
	words := []string{"名录", "主要负责人"}
	texts := []string{"", "名", "录", "主要负", "责人名录", "武威市组织机构及主要负责人名录", "主要负责人", "名录名", "x名录y", "主要负责", "\xe5"}
	for _, w := range words {
		for j := 0; j <= len(w); j++ {
			texts = append(texts, w[:j], w[j:], "前"+w[:j], w[j:]+"后")
		}
	}
	for _, a := range texts {
		for _, b := range texts {
			for _, w := range words {
				if got, want := containsJoined(a, b, w), strings.Contains(a+b, w); got != want {
					t.Errorf("containsJoined(%q, %q, %q) = %v", a, b, w, got)
				}
			}
		}
	}
}
