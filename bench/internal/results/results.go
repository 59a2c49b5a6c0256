// Package results holds what the benchmark tools measure, as the JSON files
// they write under bench/results/, and renders it as the Markdown tables of
// docs/benchmarks.md.
package results

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/yearbookkg/kg/bench/internal/measure"
)

// Targets of the service, from the performance brief.
const (
	TargetRatio = 1.25 // GraphQL p50 within this factor of the floor's
	TargetP99   = 50.0 // ms, at 32 clients
	TargetRSS   = 150.0
	TargetScale = 1.5 // load time per MB of N yearbooks within this factor of one
)

// Loadgen is one run of the load generator.
type Loadgen struct {
	Label    string         `json:"label"`
	Mode     string         `json:"mode"` // suite, quick or inproc
	Target   string         `json:"target"`
	Seed     uint64         `json:"seed"`
	Rounds   int            `json:"rounds"`
	Requests map[string]int `json:"requests"` // clients → requests per run
	Queries  []QueryInfo    `json:"queries"`
	Runs     []Run          `json:"runs"`
	Memory   *Memory        `json:"memory,omitempty"`
	Checks   []Check        `json:"checks"`
	// Hop is, per round, one client's latency of a GraphQL request that
	// reads nothing from Neo4j ({ __typename }): the HTTP round trip and
	// the service's fixed work, which no query through the service can
	// avoid and the floor does not pay.
	Hop []measure.Latencies `json:"hop,omitempty"`
}

// QueryInfo describes one representative query.
type QueryInfo struct {
	Name    string `json:"name"`
	Title   string `json:"title"`
	GraphQL string `json:"graphql"`
	Floor   string `json:"floor"`
	Params  int    `json:"params"` // parameter sets the requests cycle through
	// AnswerBytes is the mean size of its GraphQL answers, uncompressed.
	AnswerBytes int `json:"answerBytes,omitempty"`
}

// Run is one closed-loop run: a fixed number of requests of one query by a
// fixed number of clients, through GraphQL or the floor.
type Run struct {
	Round      int               `json:"round"`
	Query      string            `json:"query"`
	Mode       string            `json:"mode"` // graphql, floor, http (the HTTP floor) or relay
	Clients    int               `json:"clients"`
	Wall       float64           `json:"wallSeconds"`
	RPS        float64           `json:"rps"`
	Errors     int               `json:"errors"`
	FirstError string            `json:"firstError,omitempty"`
	Latency    measure.Latencies `json:"latencyMs"`
	ServiceMB  float64           `json:"serviceMaxMB,omitempty"` // peak resident memory of the service during the run, when sampled
	// Service is where a GraphQL run's requests spent their time inside
	// the service, from its /metrics; nil for the floor.
	Service *ServiceTime `json:"service,omitempty"`
}

// ServiceTime splits a GraphQL run's mean latency by the service's own
// timers: the mean time its handler took per request, and of that the
// mean time in Neo4j reads (the query, its records decoded, as the store
// times a read). What the client saw beyond the handler is HTTP: the
// client's and the server's, and the connection.
type ServiceTime struct {
	HandlerMs float64 `json:"handlerMeanMs"`
	ReadsMs   float64 `json:"readsMeanMs"`
	Reads     float64 `json:"readsPerRequest"`
}

// String is the run's split as its progress line shows it.
func (s *ServiceTime) String() string {
	if s == nil {
		return ""
	}
	return fmt.Sprintf("  (service %.2f ms, of which reads %.2f)", s.HandlerMs, s.ReadsMs)
}

// Memory is the resident memory sampled under the heaviest load.
type Memory struct {
	Source  string         `json:"source"`
	Service measure.Spread `json:"serviceMB"`
	JVM     measure.Spread `json:"jvmMB"`
	Samples int            `json:"samples"`
}

// Check compares what GraphQL and the floor returned for one parameter
// set, summarised (counts of items), to show both fetch the same data.
type Check struct {
	Query   string `json:"query"`
	Params  string `json:"params"`
	GraphQL string `json:"graphql"`
	Floor   string `json:"floor"`
}

// Soak is a long run of mixed queries by many clients.
type Soak struct {
	Duration string         `json:"duration"`
	Clients  int            `json:"clients"`
	Requests int            `json:"requests"`
	Errors   int            `json:"errors"`
	ByError  map[string]int `json:"byError"`
	Windows  []Window       `json:"windows"`
}

// Window is one sampling interval of a soak.
type Window struct {
	At        float64 `json:"atSeconds"`
	Requests  int     `json:"requests"`
	Errors    int     `json:"errors"`
	P50       float64 `json:"p50"`
	P99       float64 `json:"p99"`
	ServiceMB float64 `json:"serviceMB"`
	HeapMB    float64 `json:"heapMB"`
	JVMMB     float64 `json:"jvmMB"`
}

// Loads are the timings of loading one yearbook into an empty database,
// repeated, with several batch sizes.
type Loads struct {
	Yearbook string    `json:"yearbook"`
	Bytes    int       `json:"bytes"`
	Runs     []LoadRun `json:"runs"`
}

// LoadRun is one load: extraction, schema creation, then each write stage.
type LoadRun struct {
	Rep     int     `json:"rep"`
	Batch   int     `json:"batch"`
	Extract float64 `json:"extractSeconds"`
	Schema  float64 `json:"schemaSeconds"`
	Stages  []Stage `json:"stages"`
	Load    float64 `json:"loadSeconds"` // the write transaction, commit included
}

// Stage is one write stage of a load.
type Stage struct {
	Name    string  `json:"name"`
	Rows    int     `json:"rows"`
	Seconds float64 `json:"seconds"`
}

// Scale is the load of N synthetic yearbooks, one after another, into an
// emptied database, repeated.
type Scale struct {
	N        int            `json:"n"`
	Reps     [][]ScaleFile  `json:"reps"`     // the files of each repetition, in load order
	Entities map[string]int `json:"entities"` // per kind, after the last repetition
	Rels     int            `json:"relationships"`
}

// ScaleFile is the load of one synthetic yearbook.
type ScaleFile struct {
	Name     string  `json:"name"`
	Bytes    int     `json:"bytes"`
	Entities int     `json:"entities"`
	Rels     int     `json:"relationships"`
	Extract  float64 `json:"extractSeconds"`
	Load     float64 `json:"loadSeconds"`
	Stages   []Stage `json:"stages"`
}

// Write stores v as indented JSON in path, creating its directory.
func Write(path string, v any) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, append(b, '\n'), 0o644)
}

// Read loads a JSON file written by Write into v.
func Read(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
