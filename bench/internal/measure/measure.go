// Package measure turns raw timings into the numbers the benchmark report
// shows: percentiles of one run, medians and spreads over repeated runs,
// and the resident memory of a process.
package measure

import (
	"bufio"
	"context"
	"fmt"
	"math"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Latencies summarises one run's request latencies, in milliseconds.
type Latencies struct {
	N    int     `json:"n"`
	P50  float64 `json:"p50"`
	P95  float64 `json:"p95"`
	P99  float64 `json:"p99"`
	Mean float64 `json:"mean"`
	Max  float64 `json:"max"`
}

// Summarise computes the percentiles of ds (nearest rank). It sorts ds.
func Summarise(ds []time.Duration) Latencies {
	if len(ds) == 0 {
		return Latencies{}
	}
	slices.Sort(ds)
	var sum time.Duration
	for _, d := range ds {
		sum += d
	}
	return Latencies{
		N:    len(ds),
		P50:  ms(Percentile(ds, 50)),
		P95:  ms(Percentile(ds, 95)),
		P99:  ms(Percentile(ds, 99)),
		Mean: ms(sum / time.Duration(len(ds))),
		Max:  ms(ds[len(ds)-1]),
	}
}

// Percentile returns the p-th percentile of sorted ds by nearest rank.
func Percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	return sorted[min(max(rank, 1), len(sorted))-1]
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// Spread is the median of repeated measurements and their range.
type Spread struct {
	Median float64 `json:"median"`
	Min    float64 `json:"min"`
	Max    float64 `json:"max"`
	N      int     `json:"n"`
}

// SpreadOf returns the median, minimum and maximum of xs.
func SpreadOf(xs []float64) Spread {
	if len(xs) == 0 {
		return Spread{}
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	m := s[len(s)/2]
	if len(s)%2 == 0 {
		m = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return Spread{Median: m, Min: s[0], Max: s[len(s)-1], N: len(s)}
}

// String shows the median with its range when there is more than one
// measurement: "12.3 (11.9–14.0)".
func (s Spread) String() string { return s.Format("%.1f") }

// Format is String with the number format f.
func (s Spread) Format(f string) string {
	if s.N <= 1 {
		return fmt.Sprintf(f, s.Median)
	}
	return fmt.Sprintf(f+" ("+f+"–"+f+")", s.Median, s.Min, s.Max)
}

// RSS returns the resident set size of process pid in bytes, from
// /proc/<pid>/status (VmRSS).
func RSS(pid int) (int64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				return 0, fmt.Errorf("VmRSS of %d: %w", pid, err)
			}
			return kb << 10, nil
		}
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	return 0, fmt.Errorf("no VmRSS for pid %d", pid)
}

// Metric reads one unlabelled sample (such as process_resident_memory_bytes)
// from a Prometheus text endpoint.
func Metric(ctx context.Context, url, name string) (float64, error) {
	ms, err := Metrics(ctx, url)
	if err != nil {
		return 0, err
	}
	v, ok := ms[name]
	if !ok {
		return 0, fmt.Errorf("%s: no metric %s", url, name)
	}
	return v, nil
}

// Metrics reads every sample of a Prometheus text endpoint, keyed by its
// series as the endpoint writes it: the name, then the labels if any
// (kg_http_request_duration_seconds_sum{route="/graphql"}).
func Metrics(ctx context.Context, url string) (map[string]float64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: %s", url, resp.Status)
	}
	out := map[string]float64{}
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		if i < 0 {
			continue
		}
		if v, err := strconv.ParseFloat(line[i+1:], 64); err == nil {
			out[line[:i]] = v
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", url, err)
	}
	return out, nil
}

// Sampler reads a memory figure periodically until stopped.
type Sampler struct {
	read    func() (int64, error)
	stop    chan struct{}
	done    chan struct{}
	mu      sync.Mutex
	samples []int64
	err     error
}

// Sample starts reading every interval; read returns bytes.
func Sample(interval time.Duration, read func() (int64, error)) *Sampler {
	s := &Sampler{read: read, stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(s.done)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			s.once()
			select {
			case <-s.stop:
				s.once()
				return
			case <-t.C:
			}
		}
	}()
	return s
}

func (s *Sampler) once() {
	v, err := s.read()
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.err = err
		return
	}
	s.samples = append(s.samples, v)
}

// Stop ends the sampling and returns the samples in bytes, and the last
// error if no sample could be read.
func (s *Sampler) Stop() ([]int64, error) {
	close(s.stop)
	<-s.done
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.samples) == 0 && s.err != nil {
		return nil, s.err
	}
	return s.samples, nil
}

// MB converts bytes to mebibytes.
func MB(b int64) float64 { return float64(b) / (1 << 20) }
