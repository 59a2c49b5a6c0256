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

func zzrun(text string, at int, out []indexEntry) (m, last int, prev rune) {
	prev = rune3(text[at], text[at+1], text[at+2])
	for i := at + 3; i+2 < len(text) && m < len(out); i += 3 {
		b0, b1, b2 := text[i], text[i+1], text[i+2]
		if !is3(b0, b1, b2) {
			break
		}
		r := rune3(b0, b1, b2)
		e := &out[m]
		e.off, e.r, e.h = int32(at), uint16(prev), pairKey(prev, r)
		m++
		at, prev = i, r
	}
	return m, at, prev
}

func BenchmarkZZPacked(b *testing.B) {
	texts := yearbookPassages(&testing.T{}, 100000)
	out := make([]indexEntry, 1<<20)
	for b.Loop() {
		for _, t := range texts {
			for i := 0; i+2 < len(t); {
				if !is3(t[i], t[i+1], t[i+2]) {
					i++
					continue
				}
				_, last, _ := zzrun(t, i, out)
				i = last + 3
			}
		}
	}
}
