package dataloader

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
)

func TestLoaderBatches(t *testing.T) {
	tests := []struct {
		name    string
		fetch   func(keys []int) ([]string, []error)
		want    func(k int) (string, error)
		callers int
	}{
		{"values", func(keys []int) ([]string, []error) {
			out := make([]string, len(keys))
			for i, k := range keys {
				out[i] = fmt.Sprint(k)
			}
			return out, nil
		}, func(k int) (string, error) { return fmt.Sprint(k), nil }, 50},
		{"one error for all", func(keys []int) ([]string, []error) {
			return nil, []error{errors.New("down")}
		}, func(int) (string, error) { return "", errors.New("down") }, 20},
		{"an error per key", func(keys []int) ([]string, []error) {
			errs := make([]error, len(keys))
			for i, k := range keys {
				if k%2 == 1 {
					errs[i] = errors.New("odd")
				}
			}
			return make([]string, len(keys)), errs
		}, func(k int) (string, error) {
			if k%2 == 1 {
				return "", errors.New("odd")
			}
			return "", nil
		}, 20},
		{"panic", func(keys []int) ([]string, []error) { panic("boom") },
			func(int) (string, error) { return "", errors.New("dataloader: panic in batch: boom") }, 5},
		{"wrong count", func(keys []int) ([]string, []error) { return []string{"x"}, nil },
			func(int) (string, error) { return "", errors.New("dataloader: 1 values for 5 keys") }, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var batches atomic.Int32
			l := newLoader(func(_ context.Context, keys []int) ([]string, []error) {
				batches.Add(1)
				return tt.fetch(keys)
			})
			var wg sync.WaitGroup
			for k := range tt.callers {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for range 2 { // the second load is served from the cache
						v, err := l.Load(context.Background(), k)
						wv, werr := tt.want(k)
						if v != wv || fmt.Sprint(err) != fmt.Sprint(werr) {
							t.Errorf("key %d: %q, %v; want %q, %v", k, v, err, wv, werr)
						}
					}
				}()
			}
			wg.Wait()
			if n := batches.Load(); n != 1 {
				t.Errorf("%d callers made %d batches, want 1", tt.callers, n)
			}
		})
	}
}

func TestLoaderPrime(t *testing.T) {
	var fetched []int
	l := newLoader(func(_ context.Context, keys []int) ([]string, []error) {
		fetched = append(fetched, keys...)
		return make([]string, len(keys)), nil
	})
	l.Prime(1, "primed")
	if v, err := l.Load(context.Background(), 1); v != "primed" || err != nil {
		t.Errorf("primed key: %q, %v", v, err)
	}
	if _, err := l.Load(context.Background(), 2); err != nil {
		t.Fatal(err)
	}
	l.Prime(2, "late") // a loaded key keeps its value
	if v, _ := l.Load(context.Background(), 2); v != "" {
		t.Errorf("prime replaced a loaded value: %q", v)
	}
	if fmt.Sprint(fetched) != "[2]" {
		t.Errorf("fetched %v, want [2]", fetched)
	}
	// A primed key costs its result and its share of the cache, not a
	// channel of its own as well.
	allocs := testing.AllocsPerRun(10, func() {
		l := newLoader(func(context.Context, []int) ([]string, []error) { return nil, nil })
		for k := range 100 {
			l.Prime(k, "primed")
		}
	})
	if allocs > 130 {
		t.Errorf("priming 100 keys takes %.0f allocations", allocs)
	}
}
