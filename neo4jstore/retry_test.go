package neo4jstore

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// TestReadRetries holds read to what ExecuteRead did for it: a transient
// failure runs the work again, any other failure does not, and retries
// stop after about retryTime. The work never reaches a database (the
// driver connects only when a query runs).
func TestReadRetries(t *testing.T) {
	driver, err := neo4j.NewDriverWithContext("bolt://127.0.0.1:1", neo4j.NoAuth())
	if err != nil {
		t.Fatal(err)
	}
	s := &Store{driver: driver, timeout: time.Second}
	transient := &neo4j.ConnectivityError{Inner: errors.New("connection reset")}
	tests := []struct {
		name      string
		fail      int // failures before the work succeeds; -1 always
		err       error
		wantCalls int
		wantErr   bool
	}{
		{"transient, then success", 2, transient, 3, false},
		{"not transient", 1, errors.New("syntax error"), 1, true},
		{"always transient", -1, transient, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			calls := 0
			start := time.Now()
			got, err := read(context.Background(), s, func(querier) (int, error) {
				calls++
				if tt.fail < 0 || calls <= tt.fail {
					return 0, tt.err
				}
				return 42, nil
			})
			if (err != nil) != tt.wantErr || !tt.wantErr && got != 42 {
				t.Fatalf("got %d, %v", got, err)
			}
			if tt.wantCalls > 0 && calls != tt.wantCalls {
				t.Errorf("%d calls, want %d", calls, tt.wantCalls)
			}
			if d := time.Since(start); tt.fail < 0 && (calls < 3 || d < retryTime/2 || d > 2*retryTime) {
				t.Errorf("always failing: %d calls in %s, want retries for about %s", calls, d, retryTime)
			}
		})
	}
}
