package main

import (
	"os"
	"runtime/debug"
)

// Garbage collector defaults of every kg command, unless GOGC or
// GOMEMLIMIT are set. The service's live heap is small (15–25 MB under
// load) and each request allocates a lot of short-lived objects (gqlgen's field
// contexts, the driver's records), so with Go's default GOGC=100 it
// collects every few requests: in profiles of 32 clients the collector
// and the allocator took about half of the service's CPU, which on a
// small machine Neo4j needs. GOGC=400 lets the heap grow to five times
// the live data between collections (CPU per neighbourhood request fell
// by about a tenth to a fifth in A/B runs); the soft memory limit keeps
// the process under the 150 MB target however large the live heap grows
// (the collector then runs as often as it must).
//
// Extraction (kg load, kg extract, and kg serve's first load) has the same
// shape: about 23 MB of short-lived allocations per yearbook over a live
// heap of 18–22 MB (gctrace). In a loop of extractions the collector ran 1.6 times
// per yearbook with GOGC=100 and 0.5 times with GOGC=400, and a yearbook
// took 12 % fewer instructions (487 M against 430 M, callgrind); in wall
// time the difference was within the noise of the shared machine it was
// measured on (docs/benchmarks.md, Extraction).
const (
	gcPercent   = 400
	memoryLimit = 100 << 20
)

// tuneGC applies kg's defaults; the environment overrides them.
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}
