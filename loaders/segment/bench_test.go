package segment_test

import (
	"os"
	"testing"

	"github.com/yearbookkg/kg/loaders/decode"
	"github.com/yearbookkg/kg/loaders/internal/booktest"
	"github.com/yearbookkg/kg/loaders/segment"
)

// BenchmarkFront measures the front of the pipeline on the vendored
// yearbook alone: decoding, segmenting and joining the running text.
func BenchmarkFront(b *testing.B) {
	data, err := os.ReadFile(booktest.Path())
	if err != nil {
		b.Fatal(err)
	}
	lines, _, err := decode.Lines("y", data)
	if err != nil {
		b.Fatal(err)
	}
	doc := segment.Parse("y", lines)
	for _, bench := range []struct {
		name string
		run  func()
	}{
		{"decode", func() { decode.Lines("y", data) }},
		{"segment", func() { segment.Parse("y", lines) }},
		{"running", func() { doc.Running() }},
	} {
		b.Run(bench.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				bench.run()
			}
		})
	}
}
