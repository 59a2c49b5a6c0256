package generated

import (
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"testing"
)

// TestLoadedFieldsFollowTags checks that the generator derives
// loadedFields from the models: every struct field of graph/model tagged
// loaded:"<field>" is there as Type.field, and nothing else is, so that a
// loaded end added to another type is answered without goroutines by
// marshalSlice with no second edit.
func TestLoadedFieldsFollowTags(t *testing.T) {
	files, err := filepath.Glob("../model/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("the models' files: %v %v", files, err)
	}
	tagged := map[string]bool{}
	for _, name := range files {
		file, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			spec, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			if st, ok := spec.Type.(*ast.StructType); ok {
				for _, f := range st.Fields.List {
					if f.Tag == nil {
						continue
					}
					tag, err := strconv.Unquote(f.Tag.Value)
					if err != nil {
						t.Fatalf("%s: tag %s: %v", spec.Name.Name, f.Tag.Value, err)
					}
					if name := reflect.StructTag(tag).Get("loaded"); name != "" {
						tagged[spec.Name.Name+"."+name] = true
					}
				}
			}
			return false
		})
	}
	if len(tagged) == 0 {
		t.Fatal("no field of graph/model is tagged loaded: is the test reading the models?")
	}
	if got, want := slices.Sorted(maps.Keys(loadedFields)), slices.Sorted(maps.Keys(tagged)); !slices.Equal(got, want) {
		t.Errorf("loadedFields = %v, the models' loaded tags say %v: run make generate", got, want)
	}
	for key := range loadedFields {
		if !typedResolverFields[key] {
			t.Errorf("loaded field %s is not a resolver", key)
		}
	}
}
