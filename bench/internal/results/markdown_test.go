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

// TestFloorsMarkdown: the least ratio is the relay's p50 over the Bolt
// floor's, and GraphQL is set against both, medians over rounds.
func TestFloorsMarkdown(t *testing.T) {
	run := func(mode string, clients int, p50 float64) Run {
		return Run{Query: "career", Mode: mode, Clients: clients, Latency: measure.Latencies{P50: p50}}
	}
	tests := []struct {
		name string
		runs []Run
		want string
	}{
		{"no relay", []Run{run("graphql", 1, 2), run("floor", 1, 1), run("http", 1, 0.3)}, ""},
		{"one client", []Run{run("graphql", 1, 2), run("floor", 1, 1), run("http", 1, 0.3), run("relay", 1, 1.6)},
			"| career | 1 | 2.0 | 1.00 | 0.30 | 1.60 | 2.00 | 1.60× | 2.00× | 1.25× |"},
		{"no HTTP floor", []Run{run("graphql", 32, 30), run("floor", 32, 20), run("relay", 32, 24)},
			"| career | 32 | 2.0 | 20.00 | – | 24.00 | 30.00 | 1.20× | 1.50× | 1.25× |"},
		{"medians of rounds", []Run{
			run("graphql", 1, 3), run("floor", 1, 2), run("relay", 1, 2.5),
			run("graphql", 1, 5), run("floor", 1, 4), run("relay", 1, 9),
			run("graphql", 1, 4), run("floor", 1, 3), run("relay", 1, 3.2),
		}, "| career | 1 | 2.0 | 3.00 | – | 3.20 | 4.00 | 1.07× | 1.33× | 1.25× |"},
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
