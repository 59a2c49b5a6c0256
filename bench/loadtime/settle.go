package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/yearbookkg/kg/neo4jstore"
)

// settle brings the database to a steady state before queries are timed,
// so that a comparison of query times before and after a large load
// measures the queries and not what the load leaves behind: it forces a
// checkpoint where the edition offers one (flushing the load's dirty
// pages, which Neo4j otherwise does in the background while the queries
// run; the bundled Community edition does not, so there the wait below
// covers it), resamples the index statistics
// the load made outdated and drops cached plans (Store.Replan waits for
// the samples), and then waits until Neo4j's JVM has used less than
// idleCPU cores for quiet in a row (its garbage collector and background
// jobs winding down), or maxWait has passed. It prints what it did to
// stderr.
func settle(ctx context.Context, store *neo4jstore.Store, db *admin, jvmPID int, quiet time.Duration, idleCPU float64, maxWait time.Duration) error {
	t := time.Now()
	checkpoint := "no checkpoint (db.checkpoint is Enterprise only)"
	if _, err := db.run(ctx, "CALL db.checkpoint()"); err == nil {
		checkpoint = fmt.Sprintf("checkpoint %.2fs", time.Since(t).Seconds())
	} else if !strings.Contains(err.Error(), "ProcedureNotFound") {
		return err
	}
	t = time.Now()
	if err := store.Replan(ctx); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "settle: %s, resample and replan %.2fs", checkpoint, time.Since(t).Seconds())
	if jvmPID == 0 {
		fmt.Fprintln(os.Stderr)
		return nil
	}
	waited, idle, err := waitIdle(ctx, jvmPID, quiet, idleCPU, maxWait)
	if err != nil {
		return err
	}
	if !idle {
		fmt.Fprintf(os.Stderr, ", JVM still busy after %.0fs (going on)\n", waited.Seconds())
		return nil
	}
	fmt.Fprintf(os.Stderr, ", JVM idle after %.0fs\n", waited.Seconds())
	return nil
}

// waitIdle polls the CPU time of process pid once a second until it has
// grown by less than idleCPU cores over the last quiet, or maxWait passed.
func waitIdle(ctx context.Context, pid int, quiet time.Duration, idleCPU float64, maxWait time.Duration) (time.Duration, bool, error) {
	const tick = time.Second
	start := time.Now()
	var still time.Duration
	prev, err := cpuTime(pid)
	if err != nil {
		return 0, false, err
	}
	for time.Since(start) < maxWait {
		select {
		case <-ctx.Done():
			return time.Since(start), false, ctx.Err()
		case <-time.After(tick):
		}
		cur, err := cpuTime(pid)
		if err != nil {
			return 0, false, err
		}
		if float64(cur-prev) < idleCPU*float64(tick) {
			still += tick
		} else {
			still = 0
		}
		prev = cur
		if still >= quiet {
			return time.Since(start), true, nil
		}
	}
	return time.Since(start), false, nil
}

// cpuTime returns the user and system CPU time process pid has used, from
// /proc/<pid>/stat (Linux; clock ticks of 1/100 s, the kernel's USER_HZ on
// every common architecture).
func cpuTime(pid int) (time.Duration, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, fmt.Errorf("JVM CPU time: %w", err)
	}
	// The command name, field 2, is in parentheses and may hold spaces.
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0, fmt.Errorf("JVM CPU time: unexpected /proc/%d/stat", pid)
	}
	f := strings.Fields(s[i+1:])
	// f[0] is field 3 (state); utime and stime are fields 14 and 15.
	if len(f) < 13 {
		return 0, fmt.Errorf("JVM CPU time: unexpected /proc/%d/stat", pid)
	}
	var ticks int64
	for _, x := range f[11:13] {
		n, err := strconv.ParseInt(x, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("JVM CPU time: %w", err)
		}
		ticks += n
	}
	return time.Duration(ticks) * 10 * time.Millisecond, nil
}
