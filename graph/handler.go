package graph

import (
	"context"
	"errors"
	"log/slog"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"

	"github.com/yearbookkg/kg"
	"github.com/yearbookkg/kg/graph/generated"
	"github.com/yearbookkg/kg/neo4jstore"
)

// Options bound what one request may cost.
type Options struct {
	// ComplexityLimit caps the cost of a query, counting list fields by
	// their first argument; 0 means 20000.
	ComplexityLimit int
	// DepthLimit caps the nesting of a query; 0 means 12.
	DepthLimit int
	// OnError, if set, is told the code of every error a client receives
	// (for metrics).
	OnError func(code string)
	Logger  *slog.Logger

	// Set only by tests (export_test.go), which compare the service's
	// shortcuts with what they stand in for:
	gqlgenPOST   bool // gqlgen's own POST transport instead of post
	resolveEnds  bool // see Resolver.resolveEnds
	gqlgenFields bool // see Resolver.gqlgenFields
}

// NewHandler returns the GraphQL HTTP handler over store: POST and GET
// transports, an introspectable schema, a query cache and automatic
// persisted queries, a complexity limit, and one error presenter that
// shows clients coded errors and hides internal ones.
func NewHandler(store *neo4jstore.Store, opts Options) *handler.Server {
	if opts.ComplexityLimit == 0 {
		opts.ComplexityLimit = 20000
	}
	if opts.DepthLimit == 0 {
		opts.DepthLimit = 12
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	cfg := generated.Config{Resolvers: &Resolver{Store: store, resolveEnds: opts.resolveEnds, gqlgenFields: opts.gqlgenFields}}
	costs(&cfg.Complexity)
	srv := handler.New(generated.NewExecutableSchema(cfg))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	if opts.gqlgenPOST {
		srv.AddTransport(transport.POST{})
	} else {
		srv.AddTransport(post{})
	}
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.Use(extension.Introspection{})
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	srv.Use(&limits{maxDepth: opts.DepthLimit, maxComplexity: opts.ComplexityLimit})
	srv.AroundOperations(withSelection)
	srv.SetErrorPresenter(func(ctx context.Context, err error) *gqlerror.Error {
		e := presentError(ctx, err, opts.Logger)
		if opts.OnError != nil {
			code, _ := e.Extensions["code"].(string)
			opts.OnError(code)
		}
		return e
	})
	srv.SetRecoverFunc(func(ctx context.Context, p any) error {
		opts.Logger.Error("panic in resolver", "panic", p)
		return errors.New("internal error")
	})
	return srv
}

// presentError maps an error to what the client sees: a kg.Error keeps its
// message and code; any other error is logged and becomes "internal error".
func presentError(ctx context.Context, err error, log *slog.Logger) *gqlerror.Error {
	gqlErr := graphql.DefaultErrorPresenter(ctx, err)
	var ke *kg.Error
	switch {
	case errors.As(err, &ke):
		gqlErr.Message = ke.Message
		setCode(gqlErr, ke.Code)
		if ke.Code == kg.EUNAVAILABLE || ke.Code == kg.ETIMEOUT {
			cause := err
			if u := errors.Unwrap(err); u != nil {
				cause = u // the resolver's error, with the driver's reason
			}
			log.Warn("graphql", "code", ke.Code, "path", gqlErr.Path, "err", cause)
		}
	case gqlErr.Extensions["code"] != nil:
		// gqlgen's own validation and parsing errors carry their codes.
	case len(gqlErr.Path) == 0:
		// Not from a resolver: the request itself could not be read
		// (malformed JSON, a batch, no query). Its message is safe.
		setCode(gqlErr, "BAD_REQUEST")
	default:
		log.Error("graphql internal error", "path", gqlErr.Path, "err", err)
		gqlErr.Message = "internal error"
		setCode(gqlErr, kg.EINTERNAL)
	}
	return gqlErr
}

func setCode(e *gqlerror.Error, code string) {
	if e.Extensions == nil {
		e.Extensions = map[string]any{}
	}
	e.Extensions["code"] = code
}
