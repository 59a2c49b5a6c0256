package generated

// This file is not generated: graph/gqlgen gives the marshaller of every
// object type with plain fields a fast path that uses it.

import (
	"io"

	"github.com/99designs/gqlgen/graphql"
	"github.com/vektah/gqlparser/v2/ast"
)

// PlainObjectsSetting is implemented by a resolver root (Config.Resolvers)
// that says whether its executable schema takes the fast path of plain
// objects; a root that does not implement it takes it. The fast path skips
// gqlgen's field middleware (handler.Server.AroundFields and field
// interceptors) for the plain fields it writes: a server that installs
// such middleware must turn it off. It is a setting of the schema, not of
// the package, so that tests can compare the answers of two handlers, one
// without the fast path, side by side.
type PlainObjectsSetting interface {
	PlainObjects() bool
}

// plainObjects reports whether the operation may take the fast path (see
// PlainObjectsSetting).
func (ec *executionContext) plainObjects() bool {
	s, ok := ec.Resolvers.(PlainObjectsSetting)
	return !ok || s.PlainObjects()
}

// plainSelection reports whether every field collected on an object is
// plain (plain reports it for the object's type) and none is deferred:
// then the object is written by the fast path, from its struct fields,
// with no field context, context, closure or path per field.
//
// A plain field is a struct field of a built-in scalar or an enum type,
// not a list, with no resolver, arguments or directives, whose marshaller
// cannot return null (see isPlain in graph/gqlgen); or such a struct field
// holding one object, or a resolver field of one object whose value the
// object holds (loadedFields), which the fast path writes only when the
// value is not nil and every field its selection collects is plain in
// turn (plainObject<Type> then returns false; see writePlainNested), or a
// non-null list of non-null objects, or values of an interface type,
// written when no element is nil and their selection is plain
// (plainList<Type>). Reading it cannot fail
// or panic, so gqlgen's per-field machinery (a field context for error
// paths, panic recovery, the resolver middleware) has nothing to do but
// the field middleware, which the fast path skips (see PlainObjectsSetting).
func (ec *executionContext) plainSelection(fields []graphql.CollectedField, plain func(name string) bool) bool {
	if len(fields) == 0 || !ec.plainObjects() {
		return false
	}
	for i := range fields {
		if len(fields[i].Deferrables) > 0 || !plain(fields[i].Name) {
			return false
		}
	}
	return true
}

// plainObject is an object written by the fast path: its fields' aliases
// and values in the order of the selection, as graphql.FieldSet writes
// them.
type plainObject []plainValue

// plainValue is one field of a plainObject: a non-null String or ID, or
// a valid value of an enum (setEnum), is kept as str (isString), to save
// what boxing and marshalling it allocate; any other value as its
// marshaller.
type plainValue struct {
	alias    string
	value    graphql.Marshaler
	str      string
	isString bool
}

// nameEnum is an enum type as gqlgen's model generator writes them: a
// string type whose valid values are the enum's names.
type nameEnum interface {
	~string
	IsValid() bool
}

// setEnum keeps v in out as a string if it is one of its enum's values,
// which the enum's MarshalGQL writes as graphql.MarshalString writes them
// (TestPlainEnums), and reports whether it did.
func setEnum[E nameEnum](out *plainValue, v E) bool {
	if !v.IsValid() {
		return false
	}
	out.str, out.isString = string(v), true
	return true
}

var (
	openBrace  = []byte{'{'}
	closeBrace = []byte{'}'}
	comma      = []byte{','}
	quote      = []byte{'"'}
	quoteColon = []byte{'"', ':'}
)

// MarshalGQL writes the object as graphql.FieldSet does. Aliases are
// GraphQL names ([_A-Za-z][_0-9A-Za-z]*), which need no escaping; like
// FieldSet it writes an alias once (CollectFields already merges fields
// of one alias).
func (o plainObject) MarshalGQL(w io.Writer) {
	w.Write(openBrace)
	for i, v := range o {
		dup := false
		for _, u := range o[:i] {
			if u.alias == v.alias {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		if i > 0 {
			w.Write(comma)
		}
		w.Write(quote)
		io.WriteString(w, v.alias)
		w.Write(quoteColon)
		if v.isString {
			writeQuotedString(w, v.str)
		} else {
			v.value.MarshalGQL(w)
		}
	}
	w.Write(closeBrace)
}

const encodeHex = "0123456789ABCDEF"

// writeQuotedString writes s quoted as graphql.MarshalString does (a copy
// of gqlgen's unexported function of that name: TestPlainString compares
// them).
func writeQuotedString(w io.Writer, s string) {
	start := 0
	io.WriteString(w, `"`)

	for i, c := range s {
		if c < 0x20 || c == '\\' || c == '"' {
			io.WriteString(w, s[start:i])

			switch c {
			case '\t':
				io.WriteString(w, `\t`)
			case '\r':
				io.WriteString(w, `\r`)
			case '\n':
				io.WriteString(w, `\n`)
			case '\\':
				io.WriteString(w, `\\`)
			case '"':
				io.WriteString(w, `\"`)
			default:
				io.WriteString(w, `\u00`)
				w.Write([]byte{encodeHex[c>>4], encodeHex[c&0xf]})
			}

			start = i + 1
		}
	}

	io.WriteString(w, s[start:])
	io.WriteString(w, `"`)
}

// plainList is a list of objects written by the fast path (plainList<Type>):
// the fields of each object in the order of its selection, in one array
// for the whole list, so that a list costs one allocation rather than
// several per element. In a list of an object type every object has n
// fields; in a list of an interface type (n is 0) the objects may be of
// types that collect different fields, and the i-th object's end in
// values is ends[i]. It writes as graphql.Array does.
type plainList struct {
	n      int
	ends   []int
	values []plainValue
}

// len returns the number of objects in the list.
func (l *plainList) len() int {
	if l.n == 0 {
		return len(l.ends)
	}
	return len(l.values) / l.n
}

// object returns the fields of the list's i-th object.
func (l *plainList) object(i int) plainObject {
	if l.n != 0 {
		return l.values[i*l.n : (i+1)*l.n]
	}
	start := 0
	if i > 0 {
		start = l.ends[i-1]
	}
	return l.values[start:l.ends[i]]
}

var (
	openBracket  = []byte{'['}
	closeBracket = []byte{']'}
)

// MarshalGQL writes the list as graphql.Array does, each object as a
// plainObject.
func (l *plainList) MarshalGQL(w io.Writer) {
	w.Write(openBracket)
	for i := range l.len() {
		if i > 0 {
			w.Write(comma)
		}
		l.object(i).MarshalGQL(w)
	}
	w.Write(closeBracket)
}

// plainNest is what the elements of one list written by the fast path
// share (plainList<Type>): the fields collected on each object type, for
// the elements themselves and for the objects nested in them (a
// relationship's from and to, an edge's node), and the storage of those
// nested objects. Without it every nested object cost a CollectFields,
// an array of fields and the interface value holding it, about three
// allocations: a neighbourhood's ~400 relationship ends paid them each. The zero value
// is ready to use, and a list's stays on the stack; a nil *plainNest (an
// object not in a list) shares nothing.
type plainNest struct {
	collected [16]collectedFields // in use: collected[:n]
	n         int
	values    chunks[plainValue]
	objects   chunks[plainObject]
}

// collectedFields are the fields a selection collects on an object type:
// the selection of parent (nil for the list's elements), on the type
// whose implementors start at implementors, and whether they are plain.
type collectedFields struct {
	parent       *graphql.CollectedField
	implementors *string
	fields       []graphql.CollectedField
	plain        bool
}

// plainFields returns the fields that sel, the selection of parent (nil
// for a list's elements), collects on an object type (implementors,
// plain), and whether they are all plain. Within a list (nest not nil)
// they are collected once per parent field and object type, since every
// element has the same selection: parent is one of the fields the list
// collected once. A nest holds the fields of 16 pairs of parent and type
// (a relationship's from and to, of five types each, and its source take
// 11); beyond them, fields are collected each time.
func (ec *executionContext) plainFields(nest *plainNest, parent *graphql.CollectedField, sel ast.SelectionSet, implementors []string, plain func(name string) bool) ([]graphql.CollectedField, bool) {
	if nest == nil {
		fields := graphql.CollectFields(ec.OperationContext, sel, implementors)
		return fields, ec.plainSelection(fields, plain)
	}
	for _, c := range nest.collected[:nest.n] {
		if c.parent == parent && c.implementors == &implementors[0] {
			return c.fields, c.plain
		}
	}
	fields := graphql.CollectFields(ec.OperationContext, sel, implementors)
	c := collectedFields{parent: parent, implementors: &implementors[0], fields: fields, plain: ec.plainSelection(fields, plain)}
	if nest.n < len(nest.collected) {
		nest.collected[nest.n] = c
		nest.n++
	}
	return c.fields, c.plain
}

// object returns a plainObject of n fields for a nested object, from the
// nest's chunks when there is one: a pointer, which an interface holds
// without allocating.
func (nest *plainNest) object(n int) *plainObject {
	if nest == nil {
		o := make(plainObject, n)
		return &o
	}
	o := &nest.objects.take(1)[0]
	*o = nest.values.take(n)
	return o
}

// minChunk is the length of the first chunk of a chunks; each further
// chunk is twice the last, so that a list's nested objects cost a few
// allocations, whatever their number.
const minChunk = 32

// chunks hands out slices of Ts from chunks allocated as needed.
type chunks[T any] struct {
	free []T // what is left of the last chunk
	last int // the last chunk's length
}

// take returns n zero Ts, which no later take shares.
func (c *chunks[T]) take(n int) []T {
	if len(c.free) < n {
		c.last = max(n, 2*c.last, minChunk)
		c.free = make([]T, c.last)
	}
	s := c.free[:n:n]
	c.free = c.free[n:]
	return s
}
