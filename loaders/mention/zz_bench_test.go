package mention

import (
	"crypto/sha256"
	"encoding/json"

	"os"
	"path/filepath"
	"testing"
)

type zzCorpus struct {
	Known []Name
	City  string
	Texts []string
}

func zzLoad(tb testing.TB, path string) zzCorpus {
	b, err := os.ReadFile(path)
	if err != nil {
		tb.Skip(err)
	}
	var c zzCorpus
	if err := json.Unmarshal(b, &c); err != nil {
		tb.Fatal(err)
	}
	return c
}

func TestZZCheck(t *testing.T) {
	files, _ := filepath.Glob("/tmp/mention-corpus-*.json")
	for _, f := range files {
		c := zzLoad(t, f)
		fd := NewFinder(c.Known, c.City)
		h := sha256.New()
		for _, tx := range c.Texts {
			b, _ := json.Marshal(fd.Find(tx))
			h.Write(b)
			h.Write([]byte{'\n'})
		}
		t.Logf("%s %x", filepath.Base(f), h.Sum(nil))
	}
}

func BenchmarkZZFind(b *testing.B) {
	c := zzLoad(b, "/tmp/mention-corpus-wuwei.json")
	fd := NewFinder(c.Known, c.City)
	n := 0
	for _, tx := range c.Texts {
		n += len(tx)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, tx := range c.Texts {
			fd.Find(tx)
		}
	}
}
