package graph

import (
	"testing"

	"github.com/yearbookkg/kg/neo4jstore"
)

// TestToRelationships checks that a relationship's optional properties
// are set when present, and that relationships without them cost only the
// three slices of the conversion, not an allocation per absent property.
func TestToRelationships(t *testing.T) {
	rels := toRelationships([]neo4jstore.Rel{
		{Type: "MEMBER_OF", Props: map[string]string{"title": "书记", "start": "2023-01", "end": ""}},
		{Type: "LOCATED_IN"},
	})
	if r := rels[0]; r.Title == nil || *r.Title != "书记" || r.Start == nil || *r.Start != "2023-01" || r.End != nil {
		t.Errorf("with properties: title %v, start %v, end %v", r.Title, r.Start, r.End)
	}
	if r := rels[1]; r.Title != nil || r.Start != nil || r.End != nil {
		t.Errorf("without properties: title %v, start %v, end %v", r.Title, r.Start, r.End)
	}
	plain := make([]neo4jstore.Rel, 200)
	for i := range plain {
		plain[i] = neo4jstore.Rel{Type: "RELATED_TO", From: "a", To: "b", Props: map[string]string{}}
	}
	if allocs := testing.AllocsPerRun(10, func() { toRelationships(plain) }); allocs > 3 {
		t.Errorf("200 relationships without properties take %.0f allocations, want 3", allocs)
	}
}
