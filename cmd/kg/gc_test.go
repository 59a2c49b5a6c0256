package main

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestTuneGC checks that kg's collector defaults apply only where
// the environment sets none: GOGC and GOMEMLIMIT override them.
func TestTuneGC(t *testing.T) {
	percent, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(-1)
	t.Cleanup(func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	})
	const (
		envPercent = 100           // what the runtime took from GOGC
		envLimit   = math.MaxInt64 // and from GOMEMLIMIT
	)
	tests := []struct {
		gogc, gomemlimit string
		percent          int
		limit            int64
	}{
		{"", "", gcPercent, memoryLimit},
		{"100", "", envPercent, memoryLimit},
		{"", "off", gcPercent, envLimit},
		{"100", "off", envPercent, envLimit},
	}
	for _, tt := range tests {
		t.Run("GOGC="+tt.gogc+",GOMEMLIMIT="+tt.gomemlimit, func(t *testing.T) {
			t.Setenv("GOGC", tt.gogc)
			t.Setenv("GOMEMLIMIT", tt.gomemlimit)
			debug.SetGCPercent(envPercent)
			debug.SetMemoryLimit(envLimit)
			tuneGC()
			got := debug.SetGCPercent(envPercent)
			if gotLimit := debug.SetMemoryLimit(-1); got != tt.percent || gotLimit != tt.limit {
				t.Errorf("GC percent %d, memory limit %d; want %d, %d", got, gotLimit, tt.percent, tt.limit)
			}
		})
	}
}
