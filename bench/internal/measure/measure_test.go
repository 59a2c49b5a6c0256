package measure

import (
	"context"
	"net/http"
	"net/http/httptest"
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

// TestMetrics reads labelled and unlabelled samples as the service's
// /metrics writes them, skipping comments, and Metric reads one of them.
func TestMetrics(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte(`# HELP kg_http_request_duration_seconds HTTP request latency by route.
# TYPE kg_http_request_duration_seconds histogram
kg_http_request_duration_seconds_bucket{route="/graphql",le="0.001"} 3
kg_http_request_duration_seconds_sum{route="/graphql"} 1.25
kg_http_request_duration_seconds_count{route="/graphql"} 500
process_resident_memory_bytes 4.4e+07
`))
	}))
	defer srv.Close()
	ms, err := Metrics(context.Background(), srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	for series, want := range map[string]float64{
		`kg_http_request_duration_seconds_sum{route="/graphql"}`:               1.25,
		`kg_http_request_duration_seconds_count{route="/graphql"}`:             500,
		`kg_http_request_duration_seconds_bucket{route="/graphql",le="0.001"}`: 3,
		`process_resident_memory_bytes`:                                        4.4e7,
	} {
		if got, ok := ms[series]; !ok || got != want {
			t.Errorf("Metrics()[%s] = %v, %v; want %v", series, got, ok, want)
		}
	}
	if len(ms) != 4 {
		t.Errorf("Metrics read %d samples, want 4: %v", len(ms), ms)
	}
	if v, err := Metric(context.Background(), srv.URL, "process_resident_memory_bytes"); err != nil || v != 4.4e7 {
		t.Errorf("Metric = %v, %v; want 4.4e7", v, err)
	}
	if _, err := Metric(context.Background(), srv.URL, "no_such_metric"); err == nil {
		t.Error("Metric of a missing series: no error")
	}
}
