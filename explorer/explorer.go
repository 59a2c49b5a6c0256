// Package explorer serves the graph explorer: a web page, bundled at build
// time from the npm project in this folder (make explorer) and embedded in
// the binary, so the service needs no CDN and works offline. The page uses
// only the public GraphQL API at /graphql.
//
// dist/ is build output; a fresh clone has only a placeholder there, and
// the handler then serves a short page saying how to build the bundle, so
// `go build` works without Node.
package explorer

import (
	"embed"
	"io/fs"
	"net/http"
	"strings"
)

//go:embed all:dist
var dist embed.FS

// contentSecurityPolicy allows nothing from other origins: the page loads
// its script and stylesheet from /assets/ and talks to /graphql. Images are
// the kinds' icons, drawn as data: URIs.
const contentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'"

// missing is served when the bundle has not been built.
const missing = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Explorer not built</title>
<body style="font-family:sans-serif;max-width:40em;margin:3em auto">
<h1>The graph explorer is not built</h1>
<p>This binary was built without the explorer's bundle. Run <code>make explorer</code>
(needs Node.js and npm) and rebuild, or use <a href="/graphiql">GraphiQL</a> and the API at <code>/graphql</code>.</p>
</body></html>
`

// Explorer serves the page and its assets from a file system laid out as
// dist/: index.html and assets/.
type Explorer struct {
	fsys  fs.FS
	index []byte
}

// New returns the explorer of the embedded bundle.
func New() *Explorer {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // cannot happen: dist is embedded
	}
	return FromFS(sub)
}

// FromFS returns the explorer of a bundle in fsys (for tests and for
// serving a bundle from disk).
func FromFS(fsys fs.FS) *Explorer {
	index, _ := fs.ReadFile(fsys, "index.html") // nil when not built
	return &Explorer{fsys: fsys, index: index}
}

// Built reports whether the bundle is there.
func (e *Explorer) Built() bool { return e.index != nil }

// Index serves the page. The client routes on the path (History API), so
// every route of the page (/, /e/{id}, /path) gets the same document.
func (e *Explorer) Index() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Type", "text/html; charset=utf-8")
		h.Set("Cache-Control", "no-cache")
		h.Set("X-Content-Type-Options", "nosniff")
		if e.index == nil {
			// 200: the service is healthy, only this build lacks the page.
			_, _ = w.Write([]byte(missing))
			return
		}
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		_, _ = w.Write(e.index)
	})
}

// Assets serves /assets/…: content-hashed file names, so browsers may keep
// them for a year. Folders are not listed.
func (e *Explorer) Assets() http.Handler {
	files := http.FileServerFS(e.fsys)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/assets/") || strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		files.ServeHTTP(w, r)
	})
}
