package graph

var WriteResponse = writeResponse

// WithGqlgenPOST returns opts for a handler that answers POST requests
// with gqlgen's own transport instead of post.
func WithGqlgenPOST(opts Options) Options {
	opts.gqlgenPOST = true
	return opts
}

// WithResolvedEnds returns opts for a handler whose posts leave their
// person and organization to the resolvers (see Resolver.resolveEnds).
func WithResolvedEnds(opts Options) Options {
	opts.resolveEnds = true
	return opts
}

// WithGqlgenFields returns opts for a handler that writes every object
// through gqlgen's field-by-field marshalling, without the fast path for
// plain objects (see Resolver.PlainObjects).
func WithGqlgenFields(opts Options) Options {
	opts.gqlgenFields = true
	return opts
}
