package measure

import (
	"testing"
	"time"
)

func TestSummarise(t *testing.T) {
	var ds []time.Duration
	for i := 100; i >= 1; i-- {
		ds = append(ds, time.Duration(i)*time.Millisecond)
	}
	got := Summarise(ds)
	want := Latencies{N: 100, P50: 50, P95: 95, P99: 99, Mean: 50.5, Max: 100}
	if got != want {
		t.Fatalf("Summarise = %+v, want %+v", got, want)
	}
	if (Summarise(nil) != Latencies{}) {
		t.Fatal("no latencies should summarise to zero")
	}
}

func TestSpreadOf(t *testing.T) {
	tests := []struct {
		name string
		in   []float64
		want Spread
		text string
	}{
		{"odd", []float64{3, 1, 2}, Spread{Median: 2, Min: 1, Max: 3, N: 3}, "2.0 (1.0–3.0)"},
		{"even", []float64{4, 1, 2, 3}, Spread{Median: 2.5, Min: 1, Max: 4, N: 4}, "2.5 (1.0–4.0)"},
		{"one", []float64{7}, Spread{Median: 7, Min: 7, Max: 7, N: 1}, "7.0"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SpreadOf(tt.in)
			if got != tt.want || got.String() != tt.text {
				t.Fatalf("SpreadOf(%v) = %+v %q, want %+v %q", tt.in, got, got.String(), tt.want, tt.text)
			}
		})
	}
}
