package graph_test

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
)

// TestDocsExamples runs every graphql block of docs/api.md and every
// operation the playground opens with, against the loaded yearbook: each
// must answer without errors and with data in every top-level field.
func TestDocsExamples(t *testing.T) {
	h, _ := service(t)
	doc, err := os.ReadFile("../docs/api.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```graphql\n(.*?)```").FindAllStringSubmatch(string(doc), -1)
	if len(blocks) < 4 {
		t.Fatalf("%d graphql blocks in docs/api.md", len(blocks))
	}
	examples, err := os.ReadFile("../api/examples.graphql")
	if err != nil {
		t.Fatal(err)
	}
	queries := []string{}
	for _, b := range blocks {
		queries = append(queries, b[1])
	}
	parsed, perr := parser.ParseQuery(&ast.Source{Input: string(examples)})
	if perr != nil {
		t.Fatal(perr)
	}
	for _, op := range parsed.Operations {
		// Each operation of the playground's document is also on the page.
		if !strings.Contains(string(doc), "query "+op.Name+" {") {
			t.Errorf("playground operation %s is not in docs/api.md", op.Name)
		}
	}
	for _, q := range queries {
		name := strings.TrimSpace(strings.SplitN(q, "\n", 2)[0])
		t.Run(name, func(t *testing.T) {
			var data map[string]json.RawMessage
			mustQuery(t, h, q, nil, &data)
			for field, v := range data {
				if s := string(v); s == "null" || s == "[]" || s == "{}" {
					t.Errorf("%s is empty", field)
				}
			}
			if testing.Verbose() {
				out, _ := json.MarshalIndent(data, "", "  ")
				t.Logf("%s", out)
			}
		})
	}
}
