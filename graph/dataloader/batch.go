package dataloader

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"
)

// loader collects the keys its callers ask for during a short window and
// fetches them in one batch, caching each result for the rest of the
// request.
//
// The window is short (wait), so it must not close on goroutines that are
// about to add their keys: on a loaded machine the Go runtime can wake the
// batch's timer ahead of resolver goroutines that were runnable first, or
// run them on the other processor, and a list of fifty people would then
// cost several queries instead of one. After the window the batch
// therefore stays open while keys keep coming: it closes after a quiet
// period (quiet) with no new key, or at most maxOpen after it opened.
type loader[K comparable, V any] struct {
	fetch func(ctx context.Context, keys []K) ([]V, []error)

	mu    sync.Mutex
	cache map[K]*result[V]
	batch *batch[K, V]
}

type result[V any] struct {
	done  chan struct{}
	value V
	err   error
}

type batch[K comparable, V any] struct {
	ctx     context.Context // of the first caller: the request's
	keys    []K
	results []*result[V]
}

func newLoader[K comparable, V any](fetch func(ctx context.Context, keys []K) ([]V, []error)) *loader[K, V] {
	return &loader[K, V]{fetch: fetch, cache: map[K]*result[V]{}}
}

// Load returns the value of key, fetching it with the other keys asked for
// in the same window.
func (l *loader[K, V]) Load(ctx context.Context, key K) (V, error) {
	l.mu.Lock()
	r, ok := l.cache[key]
	if !ok {
		r = &result[V]{done: make(chan struct{})}
		l.cache[key] = r
		if l.batch == nil {
			l.batch = &batch[K, V]{ctx: ctx}
			go l.run(l.batch)
		}
		l.batch.keys = append(l.batch.keys, key)
		l.batch.results = append(l.batch.results, r)
	}
	l.mu.Unlock()
	<-r.done
	return r.value, r.err
}

// Prime caches value for key unless the key is cached or being loaded.
func (l *loader[K, V]) Prime(key K, value V) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, ok := l.cache[key]; !ok {
		l.cache[key] = &result[V]{done: primed, value: value}
	}
}

// primed is the done channel of every primed result, closed: a primed
// value is there already, and no batch closes it. One channel for all
// rather than one each saves an allocation per key primed (a
// neighbourhood primes its ~100 nodes).
var primed = func() chan struct{} {
	c := make(chan struct{})
	close(c)
	return c
}()

// quiet is how long a batch waits for another key after the window, and
// maxOpen the longest a batch stays open.
const (
	quiet   = wait / 4
	maxOpen = 5 * wait
)

func (l *loader[K, V]) run(b *batch[K, V]) {
	start := time.Now()
	time.Sleep(wait)
	for n := -1; ; {
		l.mu.Lock()
		k := len(b.keys)
		if k == n || time.Since(start) >= maxOpen {
			l.batch = nil // later keys start a new batch
			l.mu.Unlock()
			break
		}
		l.mu.Unlock()
		n = k
		runtime.Gosched()
		time.Sleep(quiet)
	}
	values, errs := l.safeFetch(b.ctx, b.keys)
	for i, r := range b.results {
		switch {
		case len(errs) == 1 && len(b.keys) != 1:
			r.err = errs[0]
		case i < len(errs) && errs[i] != nil:
			r.err = errs[i]
		case len(values) != len(b.keys):
			r.err = fmt.Errorf("dataloader: %d values for %d keys", len(values), len(b.keys))
		default:
			r.value = values[i]
		}
		close(r.done)
	}
}

// safeFetch runs the batch function; a panic becomes every key's error
// rather than the end of the process.
func (l *loader[K, V]) safeFetch(ctx context.Context, keys []K) (values []V, errs []error) {
	defer func() {
		if p := recover(); p != nil {
			values, errs = nil, []error{fmt.Errorf("dataloader: panic in batch: %v", p)}
		}
	}()
	return l.fetch(ctx, keys)
}
