package results

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yearbookkg/kg/bench/internal/measure"
)

// TestScaleMarkdownComparesEachRepetitionWithItsFirstFile: the ratio is
// taken within a repetition, so a repetition whose every file is slow (as
// after emptying a large database) is not counted as growth, and one
// whose last file is slower than its first is.
func TestScaleMarkdownComparesEachRepetitionWithItsFirstFile(t *testing.T) {
	const mb = 1 << 20
	run := func(loads ...float64) []ScaleFile {
		var fs []ScaleFile
		for _, l := range loads {
			fs = append(fs, ScaleFile{Bytes: mb, Load: l})
		}
		return fs
	}
	tests := []struct {
		name  string
		reps  [][]ScaleFile
		ratio string // the "worst vs first file" cell
		met   string
	}{
		{"flat runs at different speeds", [][]ScaleFile{run(1, 1, 1), run(3, 3, 3), run(2, 2, 2)}, "1.00 (1.00–1.00)", "met"},
		{"last file twice the first", [][]ScaleFile{run(1, 1, 2), run(2, 2, 4), run(1, 1, 2)}, "2.00 (2.00–2.00)", "missed (2.00×)"},
		{"overall worse than last", [][]ScaleFile{run(1, 4, 1)}, "2.00", "missed (2.00×)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			ScaleMarkdown(&b, []*Scale{{N: len(tt.reps[0]), Reps: tt.reps}})
			lines := strings.Split(strings.TrimSpace(b.String()), "\n")
			if len(lines) != 3 {
				t.Fatalf("want a header, a separator and one row, got:\n%s", b.String())
			}
			header, row := strings.Split(lines[0], " | "), strings.Split(lines[2], " | ")
			cell := map[string]string{}
			for i := range header {
				cell[header[i]] = row[i]
			}
			if got := cell["worst vs first file"]; got != tt.ratio {
				t.Errorf("worst vs first file = %q, want %q", got, tt.ratio)
			}
			if got := cell["≤ 1.5×"]; got != tt.met {
				t.Errorf("verdict = %q, want %q", got, tt.met)
			}
		})
	}
}

// TestHopMarkdown: the hop's sentence gives the median and range of the
// rounds' p50 and p99, and nothing is written for a run without a hop.
func TestHopMarkdown(t *testing.T) {
	tests := []struct {
		name string
		hop  []measure.Latencies
		want string
	}{
		{"none", nil, ""},
		{"one round", []measure.Latencies{{N: 150, P50: 0.31, P99: 0.9}}, "150 requests a round: p50 0.31 ms, p99 0.90 ms (median and range over 1 round(s))"},
		{"three rounds", []measure.Latencies{{N: 150, P50: 0.4, P99: 1.2}, {N: 150, P50: 0.29, P99: 0.8}, {N: 150, P50: 0.33, P99: 2}},
			"p50 0.33 (0.29–0.40) ms, p99 1.20 (0.80–2.00) ms (median and range over 3 round(s))"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			(&Loadgen{Hop: tt.hop}).HopMarkdown(&b)
			if got := b.String(); tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
				t.Errorf("HopMarkdown = %q, want it to contain %q", got, tt.want)
			}
		})
	}
}

// TestSplitMarkdown: a query's row splits the GraphQL mean into reads,
// the service's own work and HTTP from the medians of its rounds, beside
// the floor's mean; runs without the service's timers give no table.
func TestSplitMarkdown(t *testing.T) {
	run := func(mode string, mean float64, s *ServiceTime) Run {
		return Run{Query: "career", Mode: mode, Clients: 1, Latency: measure.Latencies{Mean: mean}, Service: s}
	}
	tests := []struct {
		name string
		runs []Run
		want string
	}{
		{"no timers", []Run{run("graphql", 3, nil), run("floor", 2, nil)}, ""},
		{"one round", []Run{run("graphql", 3, &ServiceTime{HandlerMs: 2.5, ReadsMs: 2}), run("floor", 1.75, nil)},
			"| career | 1 | 3.00 | 2.00 | 0.50 | 0.50 | 1.75 | +1.25 |"},
		{"medians of three rounds", []Run{
			run("graphql", 3, &ServiceTime{HandlerMs: 2.5, ReadsMs: 2}), run("floor", 2, nil),
			run("graphql", 4, &ServiceTime{HandlerMs: 3.5, ReadsMs: 3}), run("floor", 3, nil),
			run("graphql", 9, &ServiceTime{HandlerMs: 8, ReadsMs: 7}), run("floor", 2.5, nil),
		}, "| career | 1 | 4.00 | 3.00 | 0.50 | 0.50 | 2.50 | +1.50 |"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			(&Loadgen{Queries: []QueryInfo{{Name: "career"}}, Runs: tt.runs}).SplitMarkdown(&b)
			if got := b.String(); tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
				t.Errorf("SplitMarkdown = %q, want it to contain %q", got, tt.want)
			}
		})
	}
}

// TestFloorsMarkdown: at one client the least ratio adds the two
// floors' p50s; at more it adds their CPU per request, from throughput.
func TestFloorsMarkdown(t *testing.T) {
	run := func(mode string, clients int, p50, rps float64) Run {
		return Run{Query: "career", Mode: mode, Clients: clients, RPS: rps, Latency: measure.Latencies{P50: p50}}
	}
	tests := []struct {
		name string
		runs []Run
		want string
	}{
		{"no HTTP floor", []Run{run("graphql", 1, 2, 500), run("floor", 1, 1, 1000)}, ""},
		{"one client", []Run{run("graphql", 1, 2, 500), run("floor", 1, 1, 1000), run("http", 1, 0.3, 3000)},
			"| career | 1 | 2.0 | 1.00 | 1000 | 0.30 | 3000 | 1.30× | 2.00× | 1.54× |"},
		{"medians of rounds", []Run{
			run("graphql", 1, 3, 0), run("floor", 1, 2, 0), run("http", 1, 0.2, 0),
			run("graphql", 1, 5, 0), run("floor", 1, 4, 0), run("http", 1, 0.4, 0),
			run("graphql", 1, 4, 0), run("floor", 1, 3, 0), run("http", 1, 0.25, 0),
		}, "| career | 1 | 2.0 | 3.00 | 0 | 0.25 | 0 | 1.08× | 1.33× | 1.23× |"},
		{"32 clients", []Run{run("graphql", 32, 30, 1000), run("floor", 32, 20, 1600), run("http", 32, 4, 8000)},
			"| career | 32 | 2.0 | 20.00 | 1600 | 4.00 | 8000 | 1.20× | 1.50× | 1.25× |"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			(&Loadgen{Queries: []QueryInfo{{Name: "career", AnswerBytes: 2048}}, Runs: tt.runs}).FloorsMarkdown(&b)
			if got := b.String(); tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
				t.Errorf("FloorsMarkdown = %q, want it to contain %q", got, tt.want)
			}
		})
	}
}
