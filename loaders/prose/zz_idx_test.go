package prose_test

import (
	"strings"
	"testing"

	"github.com/yearbookkg/kg/loaders/segment"
)

func BenchmarkZZIdx(b *testing.B) {
	d, _ := segment.ReadFile("../../data/wuwei-2024.txt")
	var sb strings.Builder
	for _, l := range d.Lines {
		sb.WriteString(l.Text)
	}
	all := sb.String()
	b.Run("contains", func(b *testing.B) {
		for b.Loop() {
			n := 0
			for i := range d.Lines {
				if strings.Contains(d.Lines[i].Text, "省") {
					n++
				}
			}
		}
	})
	b.Run("lineswith", func(b *testing.B) {
		for b.Loop() {
			d.LinesWith('省')
		}
	})
	b.Run("bigindex", func(b *testing.B) {
		for b.Loop() {
			n := 0
			for s := all; ; {
				i := strings.Index(s, "省")
				if i < 0 {
					break
				}
				n++
				s = s[i+3:]
			}
		}
	})
}
