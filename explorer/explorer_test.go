package explorer_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/yearbookkg/kg/explorer"
)

func TestHandlers(t *testing.T) {
	built := explorer.FromFS(fstest.MapFS{
		"index.html":          {Data: []byte(`<!doctype html><script src="/assets/main-X.js"></script>`)},
		"assets/main-X.js":    {Data: []byte(`console.log(1)`)},
		"assets/main-X.css":   {Data: []byte(`body{}`)},
		"assets/sub/inner.js": {Data: []byte(`x`)},
	})
	empty := explorer.FromFS(fstest.MapFS{".gitkeep": {}})
	if !built.Built() || empty.Built() {
		t.Fatalf("Built: %v %v", built.Built(), empty.Built())
	}
	for _, tc := range []struct {
		name, path string
		h          http.Handler
		status     int
		ctype      string
		body       string
		cache      string
	}{
		{"index", "/", built.Index(), 200, "text/html", "/assets/main-X.js", "no-cache"},
		{"deep link", "/e/per_x", built.Index(), 200, "text/html", "/assets/main-X.js", "no-cache"},
		{"script", "/assets/main-X.js", built.Assets(), 200, "javascript", "console.log(1)", "immutable"},
		{"stylesheet", "/assets/main-X.css", built.Assets(), 200, "text/css", "body{}", "immutable"},
		{"missing asset", "/assets/nope.js", built.Assets(), 404, "", "", ""},
		{"no listing", "/assets/sub/", built.Assets(), 404, "", "", ""},
		{"not built", "/", empty.Index(), 200, "text/html", "make explorer", "no-cache"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			tc.h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tc.path, nil))
			if rec.Code != tc.status {
				t.Fatalf("status %d, want %d", rec.Code, tc.status)
			}
			if !strings.Contains(rec.Header().Get("Content-Type"), tc.ctype) {
				t.Errorf("Content-Type %q, want %q", rec.Header().Get("Content-Type"), tc.ctype)
			}
			if !strings.Contains(rec.Body.String(), tc.body) {
				t.Errorf("body %q lacks %q", rec.Body.String(), tc.body)
			}
			if !strings.Contains(rec.Header().Get("Cache-Control"), tc.cache) {
				t.Errorf("Cache-Control %q, want %q", rec.Header().Get("Cache-Control"), tc.cache)
			}
		})
	}
	// The page loads nothing from other origins.
	rec := httptest.NewRecorder()
	built.Index().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "default-src 'self'") {
		t.Errorf("CSP %q", csp)
	}
}
