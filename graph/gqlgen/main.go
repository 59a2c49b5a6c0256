// Command gqlgen generates the GraphQL executor (graph/generated) and
// models from schema.graphqls and gqlgen.yml, as gqlgen's own generate
// does, with one change to the executor: lists of objects are marshalled
// by marshalSlice (graph/generated/slice.go) rather than by
// graphql.MarshalSliceConcurrently, which starts one goroutine per
// element. marshalSlice does that only when the elements' selection
// reaches a field with a resolver (whose dataloader batches need the
// elements to run together) and otherwise marshals them in turn: a
// two-hop neighbourhood of ~100 nodes and ~200 relationships then costs
// no goroutine per element, which halved its CPU.
//
// A second change: every object type whose fields include plain ones
// (a struct field of a built-in scalar or enum type, no resolver, no
// arguments, no directives) gets a fast path in its marshaller. When every
// field a selection collects on the object is plain, the object is
// written from its struct fields directly (see plainObject in
// graph/generated/plain.go) instead of through gqlgen's resolveField per
// field, which allocates a field context, a context, closures and the
// object's path for each: for a career's events (two fields each, ~120
// per person) that was most of the request's allocations.
//
// Run from the module root (make generate, or go generate ./graph).
package main

import (
	"bytes"
	"fmt"
	"go/format"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/99designs/gqlgen/api"
	"github.com/99designs/gqlgen/codegen"
	"github.com/99designs/gqlgen/codegen/config"
	"github.com/vektah/gqlparser/v2/ast"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "gqlgen:", err)
		os.Exit(1)
	}
}

func run() error {
	cfg, err := config.LoadConfigFromDefaultLocations()
	if err != nil {
		return fmt.Errorf("load gqlgen config: %w", err)
	}
	plain := map[string][]plainField{}
	if err := api.Generate(cfg, api.AddPlugin(resolverFields{plain: plain})); err != nil {
		return err
	}
	return rewrite(cfg.Exec.Filename, plain)
}

// The call gqlgen generates for every list of objects, and its
// replacement (same arguments, with the list's selection first).
var (
	concurrentCall = []byte("graphql.MarshalSliceConcurrently(ctx, len(v),")
	sequentialCall = []byte("marshalSlice(ctx, sel, len(v),")
)

// rewrite replaces gqlgen's list marshalling in the executor file and
// gives the object marshallers of plain their fast path.
func rewrite(path string, plain map[string][]plainField) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	n := bytes.Count(src, concurrentCall)
	if n == 0 || n != bytes.Count(src, []byte("MarshalSliceConcurrently")) {
		return fmt.Errorf("%s: expected only calls of the form %q (found %d of %d): has gqlgen's template changed?", path, concurrentCall, n, bytes.Count(src, []byte("MarshalSliceConcurrently")))
	}
	src = bytes.ReplaceAll(src, concurrentCall, sequentialCall)
	objs := slices.Sorted(maps.Keys(plain))
	var extra bytes.Buffer
	for _, obj := range objs {
		// The start of the object's marshaller, as gqlgen writes it:
		// the fast path goes right after the fields are collected.
		head := regexp.MustCompile(`(?m)^func \(ec \*executionContext\) _` + obj + `\(ctx context\.Context, sel ast\.SelectionSet, obj [^)]+\) graphql\.Marshaler \{\n\tfields := graphql\.CollectFields\(ec\.OperationContext, sel, \w+Implementors\)\n`)
		loc := head.FindIndex(src)
		if loc == nil || len(head.FindAllIndex(src, -1)) != 1 {
			return fmt.Errorf("%s: the marshaller of %s is not where expected: has gqlgen's template changed?", path, obj)
		}
		var b bytes.Buffer
		fmt.Fprintf(&b, "\tif plainSelection(fields, plain%s) {\n\t\tout := make(plainObject, len(fields))\n\t\tfor i, field := range fields {\n\t\t\tout[i].alias = field.Alias\n\t\t\tswitch field.Name {\n", obj)
		fmt.Fprintf(&b, "\t\t\tcase \"__typename\":\n\t\t\t\tout[i].str, out[i].isString = %q, true\n", obj)
		for _, f := range plain[obj] {
			if f.marshal == "marshalNString2string" || f.marshal == "marshalNID2string" {
				// graphql.MarshalString's output, without its closure.
				fmt.Fprintf(&b, "\t\t\tcase %q:\n\t\t\t\tout[i].str, out[i].isString = %s, true\n", f.name, f.expr)
				continue
			}
			fmt.Fprintf(&b, "\t\t\tcase %q:\n\t\t\t\tout[i].value = ec.%s(ctx, field.Selections, %s)\n", f.name, f.marshal, f.expr)
		}
		b.WriteString("\t\t\t}\n\t\t}\n\t\treturn out\n\t}\n")
		src = slices.Concat(src[:loc[1]], b.Bytes(), src[loc[1]:])

		fmt.Fprintf(&extra, "\n// plain%s reports whether a field of %s is plain (see plainObject).\nfunc plain%s(name string) bool {\n\tswitch name {\n\tcase \"__typename\"", obj, obj, obj)
		for _, f := range plain[obj] {
			fmt.Fprintf(&extra, ", %q", f.name)
		}
		extra.WriteString(":\n\t\treturn true\n\t}\n\treturn false\n}\n")
	}
	src = append(src, extra.Bytes()...)
	if src, err = format.Source(src); err != nil {
		return fmt.Errorf("%s: format: %w", path, err)
	}
	return os.WriteFile(path, src, 0o644)
}

// plainField is a field that an object's fast path writes from its struct
// field: its name, the Go expression of its value and gqlgen's marshaller
// of its type.
type plainField struct{ name, expr, marshal string }

// plainExpr is the Go expression of a plain field's value.
func plainExpr(f *codegen.Field) string {
	if f.IsMethod() {
		return f.GoReceiverName + "." + f.GoFieldName + "()"
	}
	return f.GoReceiverName + "." + f.GoFieldName
}

// isPlain reports whether f can be written without gqlgen's resolveField:
// a struct field, or a method without context, arguments or error (not a
// resolver or map entry, no arguments, no directives), of a built-in
// scalar or an enum, not a list, and not a Go pointer when the schema
// says non-null, so that its marshaller can never return null and report
// an error (which would need the field's path).
func isPlain(f *codegen.Field) bool {
	t := f.TypeReference
	method := f.IsMethod() && !f.MethodHasContext && f.NoErr && !f.VOkFunc
	if f.IsResolver || !(f.IsVariable() || method) || f.HasHaser || f.Stream || f.IsBatch() || len(f.Args) > 0 || len(f.Directives) > 0 ||
		t == nil || t.Definition == nil || t.IsSlice() || t.GQL.Elem != nil || (t.GQL.NonNull && t.IsPtr()) {
		return false
	}
	switch t.Definition.Kind {
	case ast.Enum:
		return true
	case ast.Scalar:
		return slices.Contains([]string{"String", "ID", "Int", "Float", "Boolean"}, t.Definition.Name)
	}
	return false
}

// resolverFields is a gqlgen plugin that writes the names of the fields
// that gqlgen resolves in their own goroutine (resolvers, and methods
// taking a context) to graph/generated/resolverfields.go, for
// marshalSlice. It runs before the executor is generated and type
// checked, which needs the file.
//
// It also collects the plain fields of each object type (isPlain) into
// plain, for rewrite.
type resolverFields struct {
	plain map[string][]plainField
}

func (resolverFields) Name() string { return "resolverfields" }

func (r resolverFields) GenerateCode(data *codegen.Data) error {
	var names, typed []string
	for _, obj := range data.Objects {
		if !obj.Root && !strings.HasPrefix(obj.Name, "__") {
			for _, f := range obj.Fields {
				if isPlain(f) {
					r.plain[obj.Name] = append(r.plain[obj.Name], plainField{f.Name, plainExpr(f), f.TypeReference.MarshalFunc()})
				}
			}
		}
		for _, f := range obj.Fields {
			if f.IsConcurrent() && !slices.Contains(names, f.Name) {
				names = append(names, f.Name)
			}
			if f.IsConcurrent() {
				typed = append(typed, obj.Name+"."+f.Name)
			}
		}
	}
	slices.Sort(names)
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by graph/gqlgen. DO NOT EDIT.\n\npackage %s\n\n", data.Config.Exec.Package)
	b.WriteString("// resolverFields are the names of the fields of any type that run in\n// their own goroutine (see marshalSlice).\n")
	b.WriteString("var resolverFields = map[string]bool{\n")
	for _, n := range names {
		fmt.Fprintf(&b, "\t%q: true,\n", n)
	}
	b.WriteString("}\n\n")
	slices.Sort(typed)
	b.WriteString("// typedResolverFields are the same fields, as type.field.\n")
	b.WriteString("var typedResolverFields = map[string]bool{\n")
	for _, n := range typed {
		fmt.Fprintf(&b, "\t%q: true,\n", n)
	}
	b.WriteString("}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(data.Config.Exec.Dir(), "resolverfields.go"), src, 0o644)
}
