package neo4jstore

import (
	"reflect"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
	"github.com/yearbookkg/kg"
)

// TestNodeList checks that toNodeList reads what nodeList projects (as
// the driver returns it: absent properties are nil) into the Node that
// toNode makes of a whole node with the same properties.
func TestNodeList(t *testing.T) {
	props := map[string]any{"id": "eve_x", "kind": string(kg.Event), "name": "会议", "date": "2023-05-01",
		"aliases": []any{"大会"}, "mentionCount": int64(3), "description": "召开", "category": "MEETING", "endDate": nil}
	for _, tt := range []struct {
		kind kg.Kind
		f    Fields
	}{{"", 0}, {kg.Event, 0}, {"", AllFields}, {kg.Event, AllFields}, {kg.Event, FieldMentionCount | FieldDescription}, {"", FieldAliases | FieldEndDate}} {
		// What the projection returns, by the expression's property names.
		expr := nodeList("m", tt.kind, tt.f)
		var list []any
		m := map[string]any{}
		for _, e := range strings.Split(strings.Trim(expr, "[]"), ", ") {
			name := strings.TrimPrefix(e, "m.")
			list = append(list, props[name])
			if props[name] != nil {
				m[name] = props[name]
			}
		}
		if tt.kind != "" {
			m["kind"] = string(tt.kind)
		}
		got, want := toNodeList(list, tt.kind, tt.f), toNode(dbtype.Node{Props: m})
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %+v, want %+v", expr, got, want)
		}
	}
	if toNodeList(nil, "", 0) != nil {
		t.Error("toNodeList(nil) is not nil")
	}
	// A list too short for its projection (no kind given: id, kind, name,
	// date) is no node, not a panic.
	if toNodeList([]any{"eve_x", "Event", "会议"}, "", 0) != nil {
		t.Error("toNodeList of a short list is not nil")
	}
}
