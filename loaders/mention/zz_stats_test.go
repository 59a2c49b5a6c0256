package mention

import "testing"

func TestZZStats(t *testing.T) {
	c := zzLoad(t, "/tmp/mention-corpus-wuwei.json")
	fd := NewFinder(c.Known, c.City).(*finder)
	runes, words, maxl, sumMax := 0, 0, 0, 0
	hist := map[int]int{}
	for _, tx := range c.Texts {
		s := newScan(fd, tx)
		runes += len(s.rs)
		words += len(s.ms)
		m := 0
		for _, w := range s.ms {
			m = max(m, int(w.j-w.i))
		}
		hist[m]++
		sumMax += m * len(s.rs)
		maxl = max(maxl, len(s.rs))
		s.release()
	}
	t.Logf("runes %d words %d longest passage %d weighted maxlen %.1f hist %v", runes, words, maxl, float64(sumMax)/float64(runes), hist)
}
