package main

import (
	"os"
	"testing"
	"time"
)

func TestCPUTime(t *testing.T) {
	before, err := cpuTime(os.Getpid())
	if err != nil {
		t.Fatal(err)
	}
	// Burn CPU until the kernel's tick-granular count moves.
	deadline := time.Now().Add(5 * time.Second)
	after := before
	for after <= before && time.Now().Before(deadline) {
		x := 0
		for i := range 10_000_000 {
			x += i
		}
		_ = x
		if after, err = cpuTime(os.Getpid()); err != nil {
			t.Fatal(err)
		}
	}
	if after <= before {
		t.Errorf("cpuTime did not grow while this process ran: %v then %v", before, after)
	}
	if _, err := cpuTime(-1); err == nil {
		t.Error("cpuTime(-1): no error")
	}
}
