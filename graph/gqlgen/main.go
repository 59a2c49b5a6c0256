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
// per person) that was most of the request's allocations. A struct field
// holding one object (Relationship.from, EventEdge.node, a path's
// relationship's source) is plain too when its value is not nil and its
// own selection is plain: the object is then written the same way, inside
// its parent's fast path (writePlainNested). A neighbourhood's ~200
// relationships, each with two entities, fell from 14.8 k to 8.7 k
// allocations per request. So is a resolver field of one object whose
// value the object may hold already, in a struct field tagged
// loaded:"<field>" (a post's person and organization, read with the
// post): when that field is not nil, the fast path writes it and the
// resolver does not run (loadedField). A non-null list of non-null
// objects is written by a fast path of its own (addPlainList): one
// CollectFields for all its elements, and one array for all their fields,
// rather than a field context, a CollectFields and an object per element;
// within a plain object, a struct field holding such a list is plain too.
// A career's 122 events then cost 22 allocations instead of 658. A list
// of an interface type ([Entity!]!: a neighbourhood's, a path's, search)
// has one too (addPlainInterfaceList), which collects the fields once per
// object type the list holds: a neighbourhood's ~100 nodes cost about 20
// allocations instead of 450. The objects nested in a list's elements
// share what the list collected and allocated (plainNest in
// graph/generated/plain.go): their fields are collected once per field
// and object type, and their own fields come from chunks rather than an
// array each, so a neighbourhood's ~400 relationship ends cost about 30
// allocations instead of 1,190. Strings and IDs are kept as strings, and
// so are the values of an enum of gqlgen's models (isNameEnum), which cost
// two allocations each through their marshaller.
//
// Run from the module root (make generate, or go generate ./graph).
package main

import (
	"bytes"
	"fmt"
	"go/format"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"reflect"
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
	plain := plainTypes{fields: map[string][]plainField{}, nested: map[string]nestedType{}, interfaces: map[string][]string{}}
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
func rewrite(path string, plain plainTypes) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	n := bytes.Count(src, concurrentCall)
	if n == 0 || n != bytes.Count(src, []byte("MarshalSliceConcurrently")) {
		return fmt.Errorf("%s: expected only calls of the form %q (found %d of %d): has gqlgen's template changed?", path, concurrentCall, n, bytes.Count(src, []byte("MarshalSliceConcurrently")))
	}
	src = bytes.ReplaceAll(src, concurrentCall, sequentialCall)
	objs := slices.Sorted(maps.Keys(plain.fields))
	marshallers := map[string]marshaller{}
	lists := map[string]bool{} // the object types with a plainList function
	var extra bytes.Buffer
	for _, obj := range objs {
		// The start of the object's marshaller, as gqlgen writes it:
		// the fast path goes right after the fields are collected.
		head := regexp.MustCompile(`(?m)^func \(ec \*executionContext\) _` + obj + `\(ctx context\.Context, sel ast\.SelectionSet, obj ([^)]+)\) graphql\.Marshaler \{\n\tfields := graphql\.CollectFields\(ec\.OperationContext, sel, (\w+Implementors)\)\n`)
		loc := head.FindSubmatchIndex(src)
		if loc == nil || len(head.FindAllIndex(src, -1)) != 1 {
			return fmt.Errorf("%s: the marshaller of %s is not where expected: has gqlgen's template changed?", path, obj)
		}
		marshallers[obj] = marshaller{goType: string(src[loc[2]:loc[3]]), implementors: string(src[loc[4]:loc[5]])}
		fast := fmt.Sprintf("\tif ec.plainSelection(fields, plain%s) {\n\t\tif out := make(plainObject, len(fields)); ec.plainObject%s(ctx, fields, obj, out, nil) {\n\t\t\treturn out\n\t\t}\n\t}\n", obj, obj)
		src = slices.Concat(src[:loc[1]], []byte(fast), src[loc[1]:])
		writePlainObject(&extra, obj, marshallers[obj].goType, plain.fields[obj])
		if src, lists[obj], err = addPlainList(&extra, src, obj, marshallers[obj]); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	for _, iface := range slices.Sorted(maps.Keys(plain.interfaces)) {
		if src, lists[iface], err = addPlainInterfaceList(&extra, src, iface, plain.interfaces[iface], marshallers); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	for _, obj := range objs {
		for _, f := range plain.fields[obj] {
			if f.list != "" && !lists[f.list] {
				return fmt.Errorf("%s: %s.%s: a list of %s, which has no list fast path", path, obj, f.name, f.list)
			}
		}
	}
	done := map[string]bool{}
	for _, name := range slices.Sorted(maps.Keys(plain.nested)) {
		if err := writePlainNested(&extra, name, plain.nested[name], marshallers, done); err != nil {
			return err
		}
	}
	src = append(src, extra.Bytes()...)
	if src, err = format.Source(src); err != nil {
		return fmt.Errorf("%s: format: %w", path, err)
	}
	return os.WriteFile(path, src, 0o644)
}

// plainField is a field that an object's fast path writes from its struct
// field: its name, the Go expression of its value and gqlgen's marshaller
// of its type; for an object (nested), the name of the object or
// interface type whose plain function writes it (see writePlainNested);
// for a list of objects, the objects' type (see addPlainList); enum tells
// a non-null enum that the fast path writes as a string (see isNameEnum).
type plainField struct {
	name, expr, marshal, nested, list string
	enum                              bool
}

// plainTypes are what the fast paths need: the plain fields of each
// object type, the object and interface types that plain fields hold
// (nested), with their implementors (an object's is itself), and the
// implementors of every interface type, for its lists.
type plainTypes struct {
	fields     map[string][]plainField
	nested     map[string]nestedType
	interfaces map[string][]string
}

// addNested adds to obj's plain fields f, a field holding one object or
// interface value whose Go expression is expr.
func (p plainTypes) addNested(data *codegen.Data, obj string, f *codegen.Field, expr string) {
	t := f.TypeReference.Definition
	p.fields[obj] = append(p.fields[obj], plainField{name: f.Name, expr: expr, nested: t.Name})
	p.nested[t.Name] = nestedType{goType: types.TypeString(f.TypeReference.GO, (*types.Package).Name), implementors: implementors(data, t)}
}

// nestedType is an object or interface type that a plain field holds: its
// Go type and the object types a value of it can be.
type nestedType struct {
	goType       string
	implementors []string
}

// writePlainObject writes plainObject<obj>, which writes the fields
// collected on obj when every one is plain (plainSelection), and
// plain<obj>, which tells which fields are.
func writePlainObject(b *bytes.Buffer, obj, goType string, fields []plainField) {
	fmt.Fprintf(b, "\n// plainObject%s writes obj into out, a plainObject of len(fields); false\n// when a nested object or list of it cannot be (see plainSelection). nest\n// is what the elements of the list obj is in share (nil if none).\n", obj)
	fmt.Fprintf(b, "func (ec *executionContext) plainObject%s(ctx context.Context, fields []graphql.CollectedField, obj %s, out plainObject, nest *plainNest) bool {\n", obj, goType)
	b.WriteString("\tfor i, field := range fields {\n\t\tout[i].alias = field.Alias\n\t\tswitch field.Name {\n")
	fmt.Fprintf(b, "\t\tcase \"__typename\":\n\t\t\tout[i].str, out[i].isString = %q, true\n", obj)
	for _, f := range fields {
		switch {
		case f.nested != "":
			fmt.Fprintf(b, "\t\tcase %q:\n\t\t\tv, ok := ec.plainValue%s(ctx, nest, &fields[i], field.Selections, %s)\n\t\t\tif !ok {\n\t\t\t\treturn false\n\t\t\t}\n\t\t\tout[i].value = v\n", f.name, f.nested, f.expr)
		case f.list != "":
			fmt.Fprintf(b, "\t\tcase %q:\n\t\t\tv, ok := ec.plainList%s(ctx, field.Selections, %s)\n\t\t\tif !ok {\n\t\t\t\treturn false\n\t\t\t}\n\t\t\tout[i].value = v\n", f.name, f.list, f.expr)
		case f.marshal == "marshalNString2string" || f.marshal == "marshalNID2string":
			// graphql.MarshalString's output, without its closure.
			fmt.Fprintf(b, "\t\tcase %q:\n\t\t\tout[i].str, out[i].isString = %s, true\n", f.name, f.expr)
		case f.enum:
			// The enum's own output for one of its values, without boxing
			// it and the quoting's allocations; any other value goes
			// through its marshaller.
			fmt.Fprintf(b, "\t\tcase %q:\n\t\t\tif v := %s; !setEnum(&out[i], v) {\n\t\t\t\tout[i].value = ec.%s(ctx, field.Selections, v)\n\t\t\t}\n", f.name, f.expr, f.marshal)
		default:
			fmt.Fprintf(b, "\t\tcase %q:\n\t\t\tout[i].value = ec.%s(ctx, field.Selections, %s)\n", f.name, f.marshal, f.expr)
		}
	}
	b.WriteString("\t\t}\n\t}\n\treturn true\n}\n")
	fmt.Fprintf(b, "\n// plain%s reports whether a field of %s is plain (see plainObject).\nfunc plain%s(name string) bool {\n\tswitch name {\n\tcase \"__typename\"", obj, obj, obj)
	for _, f := range fields {
		fmt.Fprintf(b, ", %q", f.name)
	}
	b.WriteString(":\n\t\treturn true\n\t}\n\treturn false\n}\n")
}

// writePlainNested writes plainValue<name>, which writes the value of a
// field of object or interface type name as a plainObject when it is an
// object (one of the implementors) that is not nil and whose selection is
// plain: otherwise the field goes through gqlgen, which reports the null
// of a non-null field with its path. Within a list, the nest its elements
// share holds the fields collected on each implementor for the field
// parent (one of the fields the list collected) and the objects' storage.
// It writes plainValue<object> for the implementors not in done, and adds
// them to it; for an interface, plainValue<name> switches on the
// concrete type.
func writePlainNested(b *bytes.Buffer, name string, t nestedType, marshallers map[string]marshaller, done map[string]bool) error {
	for _, obj := range t.implementors {
		m, ok := marshallers[obj]
		if !ok {
			return fmt.Errorf("%s: implementor %s has no fast path", name, obj)
		}
		if done[obj] {
			continue
		}
		done[obj] = true
		fmt.Fprintf(b, "\n// plainValue%s writes v as a plainObject, if it is not nil and every field\n// its selection collects is plain.\n", obj)
		fmt.Fprintf(b, "func (ec *executionContext) plainValue%s(ctx context.Context, nest *plainNest, parent *graphql.CollectedField, sel ast.SelectionSet, v %s) (graphql.Marshaler, bool) {\n", obj, m.goType)
		fmt.Fprintf(b, "\tif v == nil {\n\t\treturn nil, false\n\t}\n\tfields, ok := ec.plainFields(nest, parent, sel, %s, plain%s)\n", m.implementors, obj)
		fmt.Fprintf(b, "\tif !ok {\n\t\treturn nil, false\n\t}\n\tout := nest.object(len(fields))\n\treturn out, ec.plainObject%s(ctx, fields, v, *out, nest)\n}\n", obj)
	}
	if len(t.implementors) == 1 && t.implementors[0] == name {
		return nil // an object: plainValue<name> is written above
	}
	fmt.Fprintf(b, "\n// plainValue%s writes v as a plainObject when it is one of the\n// implementors it can be (see writePlainNested in graph/gqlgen).\n", name)
	fmt.Fprintf(b, "func (ec *executionContext) plainValue%s(ctx context.Context, nest *plainNest, parent *graphql.CollectedField, sel ast.SelectionSet, v %s) (graphql.Marshaler, bool) {\n", name, t.goType)
	b.WriteString("\tswitch v := v.(type) {\n")
	for _, obj := range t.implementors {
		fmt.Fprintf(b, "\tcase %s:\n\t\treturn ec.plainValue%s(ctx, nest, parent, sel, v)\n", marshallers[obj].goType, obj)
	}
	b.WriteString("\t}\n\treturn nil, false\n}\n")
	return nil
}

// addPlainList gives the marshaller of a non-null list of non-null obj,
// if src has one, a fast path: plainList<obj>, which writes the list as
// a plainList when every element is not nil and every field the
// selection collects is plain, with one CollectFields for all the
// elements and one allocation for all their fields, instead of a field
// context, a CollectFields and an object per element; the objects nested
// in the elements share a plainNest. It reports whether it did.
func addPlainList(b *bytes.Buffer, src []byte, obj string, m marshaller) ([]byte, bool, error) {
	src, goType, ok, err := addListFastPath(src, obj, "ᚖ")
	if !ok || err != nil {
		return src, ok, err
	}
	fmt.Fprintf(b, "\n// plainList%s writes v as a plainList, if every element is not nil and\n// every field its selection collects is plain.\n", obj)
	fmt.Fprintf(b, "func (ec *executionContext) plainList%s(ctx context.Context, sel ast.SelectionSet, v %s) (graphql.Marshaler, bool) {\n", obj, goType)
	fmt.Fprintf(b, "\tfields := graphql.CollectFields(ec.OperationContext, sel, %s)\n\tif !ec.plainSelection(fields, plain%s) {\n\t\treturn nil, false\n\t}\n", m.implementors, obj)
	b.WriteString("\tn := len(fields)\n\tout := &plainList{n: n, values: make([]plainValue, len(v)*n)}\n\tvar nest plainNest\n\tfor i, e := range v {\n")
	fmt.Fprintf(b, "\t\tif e == nil || !ec.plainObject%s(ctx, fields, e, out.values[i*n:(i+1)*n], &nest) {\n\t\t\treturn nil, false\n\t\t}\n\t}\n\treturn out, true\n}\n", obj)
	return src, true, nil
}

// addPlainInterfaceList gives the marshaller of a non-null list of
// non-null iface, an interface type, if src has one, a fast path:
// plainList<iface>, which writes the list as a plainList when every
// element is a non-nil value of one of the implementors (the object types
// of the interface) and every field the selection collects on its type is
// plain. The fields are collected once per object type the list holds,
// and all the elements' fields take one allocation (see plainFields in
// graph/generated/plain.go). It reports whether it did.
func addPlainInterfaceList(b *bytes.Buffer, src []byte, iface string, implementors []string, marshallers map[string]marshaller) ([]byte, bool, error) {
	src, goType, ok, err := addListFastPath(src, iface, "")
	if !ok || err != nil {
		return src, ok, err
	}
	for _, obj := range implementors {
		if _, ok := marshallers[obj]; !ok {
			return nil, false, fmt.Errorf("a list of %s: implementor %s has no fast path", iface, obj)
		}
	}
	fmt.Fprintf(b, "\n// plainList%s writes v as a plainList, if every element is an object\n// not nil and every field its selection collects is plain.\n", iface)
	fmt.Fprintf(b, "func (ec *executionContext) plainList%s(ctx context.Context, sel ast.SelectionSet, v %s) (graphql.Marshaler, bool) {\n", iface, goType)
	fmt.Fprintf(b, "\tvar fields [%d][]graphql.CollectedField // by object type, in the order of the cases below\n", len(implementors))
	b.WriteString("\tvar nest plainNest\n\tout := &plainList{ends: make([]int, len(v))}\n\tn := 0\n\tfor i, e := range v {\n\t\tk, ok := 0, false\n\t\tswitch e := e.(type) {\n")
	for k, obj := range implementors {
		fmt.Fprintf(b, "\t\tcase %s:\n\t\t\tk = %d\n\t\t\tfields[k], ok = ec.plainFields(&nest, nil, sel, %s, plain%s)\n\t\t\tok = ok && e != nil\n", marshallers[obj].goType, k, marshallers[obj].implementors, obj)
	}
	b.WriteString("\t\t}\n\t\tif !ok {\n\t\t\treturn nil, false\n\t\t}\n\t\tn += len(fields[k])\n\t\tout.ends[i] = n\n\t}\n")
	b.WriteString("\tout.values = make([]plainValue, n)\n\tfor i, e := range v {\n\t\tok := false\n\t\tswitch e := e.(type) {\n")
	for k, obj := range implementors {
		fmt.Fprintf(b, "\t\tcase %s:\n\t\t\tok = ec.plainObject%s(ctx, fields[%d], e, out.object(i), &nest)\n", marshallers[obj].goType, obj, k)
	}
	b.WriteString("\t\t}\n\t\tif !ok {\n\t\t\treturn nil, false\n\t\t}\n\t}\n\treturn out, true\n}\n")
	return src, true, nil
}

// addListFastPath makes the marshaller of a non-null list of non-null
// name, if src has one, return what plainList<name> writes when it can.
// elem is "ᚖ" for a list of pointers to objects and "" for a list of
// interface values. It returns the list's Go type, and whether it found
// the marshaller.
func addListFastPath(src []byte, name, elem string) ([]byte, string, bool, error) {
	head := regexp.MustCompile(`(?m)^func \(ec \*executionContext\) marshalN` + name + `2ᚕ` + elem + `\S+ᚄ\(ctx context\.Context, sel ast\.SelectionSet, v (\[\]\*?[\w.]+)\) graphql\.Marshaler \{\n`)
	locs := head.FindAllSubmatchIndex(src, -1)
	switch {
	case len(locs) == 0:
		return src, "", false, nil
	case len(locs) > 1:
		return nil, "", false, fmt.Errorf("%d list marshallers of %s: has gqlgen's template changed?", len(locs), name)
	}
	loc := locs[0]
	fast := fmt.Sprintf("\tif out, ok := ec.plainList%s(ctx, sel, v); ok {\n\t\treturn out\n\t}\n", name)
	return slices.Concat(src[:loc[1]], []byte(fast), src[loc[1]:]), string(src[loc[2]:loc[3]]), true, nil
}

// marshaller is what rewrite reads from an object's marshaller: the Go
// type of its obj and the name of its implementors variable.
type marshaller struct{ goType, implementors string }

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

// isNameEnum reports whether f, a plain field, is a non-null enum whose Go
// type is a string type with an IsValid() bool method, as gqlgen's model
// generator writes them: its valid values are GraphQL enum names, which
// its MarshalGQL quotes (strconv.Quote) as graphql.MarshalString does, so
// the fast path writes them as strings (TestPlainEnums in graph/generated
// compares the two for every value of every enum of the schema).
func isNameEnum(f *codegen.Field) bool {
	t := f.TypeReference
	if t.Definition.Kind != ast.Enum || !t.GQL.NonNull {
		return false
	}
	named, ok := t.GO.(*types.Named)
	if !ok {
		return false
	}
	if b, ok := named.Underlying().(*types.Basic); !ok || b.Kind() != types.String {
		return false
	}
	m, _, _ := types.LookupFieldOrMethod(named, false, named.Obj().Pkg(), "IsValid")
	fn, ok := m.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Type().(*types.Signature)
	return sig.Params().Len() == 0 && sig.Results().Len() == 1 && types.Identical(sig.Results().At(0).Type(), types.Typ[types.Bool])
}

// isStructField reports whether f is read from a struct field (not a
// resolver or method, no haser, streaming, batching, arguments or
// directives) of a type the schema defines: what isPlainNested and
// isPlainList ask first.
func isStructField(f *codegen.Field) bool {
	t := f.TypeReference
	return !f.IsResolver && f.IsVariable() && !f.HasHaser && !f.Stream && !f.IsBatch() && len(f.Args) == 0 && len(f.Directives) == 0 &&
		t != nil && t.Definition != nil
}

// isPlainNested reports whether f is a struct field (not a resolver, no
// arguments, no directives) that holds one object: a pointer to an
// object type's struct, or an interface. Its value is written by the fast
// path when it is not nil and its own selection is plain
// (writePlainNested), since then writing it cannot fail either.
func isPlainNested(f *codegen.Field) bool {
	t := f.TypeReference
	if !isStructField(f) || t.IsSlice() || t.GQL.Elem != nil {
		return false
	}
	switch t.Definition.Kind {
	case ast.Object:
		return t.IsPtr()
	case ast.Interface:
		_, ok := t.GO.Underlying().(*types.Interface)
		return ok
	}
	return false
}

// isPlainList reports whether f is a struct field (not a resolver, no
// arguments, no directives) holding a non-null list of non-null objects,
// a Go slice of pointers, or of an interface type, a Go slice of
// interface values. Its value is written by the fast path when no element
// is nil and their selection is plain (addPlainList,
// addPlainInterfaceList), since then writing it cannot fail either.
func isPlainList(f *codegen.Field) bool {
	t := f.TypeReference
	if !isStructField(f) || !t.GQL.NonNull || t.GQL.Elem == nil || !t.GQL.Elem.NonNull || t.GQL.Elem.Elem != nil {
		return false
	}
	s, ok := t.GO.(*types.Slice)
	if !ok {
		return false
	}
	switch t.Definition.Kind {
	case ast.Object:
		_, ok = s.Elem().(*types.Pointer)
	case ast.Interface:
		_, ok = s.Elem().Underlying().(*types.Interface)
	default:
		ok = false
	}
	return ok
}

// loadedField returns the Go expression of the struct field of obj that
// holds the value of the resolver field f when the read that made obj
// had it already (a post's person and organization): a field tagged
// loaded:"<f.Name>", of f's Go type. The fast path writes it as a plain
// nested object when it is not nil (and its selection is plain); when it
// is nil, gqlgen runs the resolver. It returns "" when obj has no such
// field or f is not a resolver of one object without arguments or
// directives.
func loadedField(obj *codegen.Object, f *codegen.Field) (string, error) {
	t := f.TypeReference
	if !f.IsResolver || f.Stream || f.IsBatch() || len(f.Args) > 0 || len(f.Directives) > 0 ||
		t == nil || t.Definition == nil || t.Definition.Kind != ast.Object || !t.IsPtr() || t.IsSlice() {
		return "", nil
	}
	goType := obj.Type
	if p, ok := goType.(*types.Pointer); ok {
		goType = p.Elem()
	}
	s, ok := goType.Underlying().(*types.Struct)
	if !ok {
		return "", nil
	}
	for i := range s.NumFields() {
		if reflect.StructTag(s.Tag(i)).Get("loaded") != f.Name {
			continue
		}
		if !types.Identical(s.Field(i).Type(), t.GO) {
			return "", fmt.Errorf("%s.%s: field %s tagged loaded:%q is a %s, not the resolver's %s", obj.Name, f.Name, s.Field(i).Name(), f.Name, s.Field(i).Type(), t.GO)
		}
		return f.GoReceiverName + "." + s.Field(i).Name(), nil
	}
	return "", nil
}

// implementors returns the object types a value of the object or
// interface type t can be.
func implementors(data *codegen.Data, t *ast.Definition) []string {
	if t.Kind == ast.Object {
		return []string{t.Name}
	}
	var names []string
	for _, obj := range data.Schema.GetPossibleTypes(t) {
		names = append(names, obj.Name)
	}
	slices.Sort(names)
	return names
}

// resolverFields is a gqlgen plugin that writes the names of the fields
// that gqlgen resolves in their own goroutine (resolvers, and methods
// taking a context), and of those among them that an object may hold
// already (loadedField), to graph/generated/resolverfields.go, for
// marshalSlice. It runs before the executor is generated and type
// checked, which needs the file.
//
// It also collects the plain fields of each object type (isPlain) into
// plain, for rewrite.
type resolverFields struct {
	plain plainTypes
}

func (resolverFields) Name() string { return "resolverfields" }

func (r resolverFields) GenerateCode(data *codegen.Data) error {
	var names, typed, loaded []string
	for name, iface := range data.Interfaces {
		r.plain.interfaces[name] = implementors(data, iface.Definition)
	}
	for _, obj := range data.Objects {
		if !obj.Root && !strings.HasPrefix(obj.Name, "__") {
			for _, f := range obj.Fields {
				switch {
				case isPlain(f):
					r.plain.fields[obj.Name] = append(r.plain.fields[obj.Name], plainField{name: f.Name, expr: plainExpr(f), marshal: f.TypeReference.MarshalFunc(), enum: isNameEnum(f)})
				case isPlainNested(f):
					r.plain.addNested(data, obj.Name, f, plainExpr(f))
				case isPlainList(f):
					r.plain.fields[obj.Name] = append(r.plain.fields[obj.Name], plainField{name: f.Name, expr: plainExpr(f), list: f.TypeReference.Definition.Name})
				default:
					expr, err := loadedField(obj, f)
					if err != nil {
						return err
					}
					if expr != "" {
						r.plain.addNested(data, obj.Name, f, expr)
						loaded = append(loaded, obj.Name+"."+f.Name)
					}
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
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by graph/gqlgen. DO NOT EDIT.\n\npackage %s\n", data.Config.Exec.Package)
	writeSet(&b, "resolverFields", "are the names of the fields of any type that run in\n// their own goroutine (see marshalSlice).", names)
	writeSet(&b, "typedResolverFields", "are the same fields, as type.field.", typed)
	writeSet(&b, "loadedFields", "are the resolver fields, as type.field, whose value the\n// object holds when the read that made it had it: a struct field tagged\n// loaded:\"<field>\" (see loadedField in graph/gqlgen, and reachesResolver).", loaded)
	src, err := format.Source(b.Bytes())
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(data.Config.Exec.Dir(), "resolverfields.go"), src, 0o644)
}

// writeSet writes a map[string]bool named name holding the sorted keys,
// with doc, the rest of its doc comment's first sentence.
func writeSet(b *bytes.Buffer, name, doc string, keys []string) {
	fmt.Fprintf(b, "\n// %s %s\nvar %s = map[string]bool{\n", name, doc, name)
	for _, k := range slices.Sorted(slices.Values(keys)) {
		fmt.Fprintf(b, "\t%q: true,\n", k)
	}
	b.WriteString("}\n")
}
