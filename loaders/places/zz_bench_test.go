package places

import "testing"

func BenchmarkZZIndex(b *testing.B) {
	texts := yearbookPassages(&testing.T{}, 100000)
	a := &indexArrays{}
	for b.Loop() {
		a.ents = a.ents[:0]
		for _, t := range texts {
			indexRunes(t, a)
		}
		a.group()
	}
}
