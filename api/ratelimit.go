package api

import (
	"net"
	"net/http"
	"sync"

	lru "github.com/hashicorp/golang-lru/v2"
	"golang.org/x/time/rate"
)

// rateLimiter limits each client (by remote IP) to a steady rate with a
// burst. Clients are kept in a bounded LRU so that many addresses cannot
// exhaust memory; a replica limits only the traffic it sees.
type rateLimiter struct {
	mu      sync.Mutex
	clients *lru.Cache[string, *rate.Limiter]
	limit   rate.Limit
	burst   int
}

func newRateLimiter(perSecond float64, burst int) *rateLimiter {
	c, _ := lru.New[string, *rate.Limiter](10000)
	if burst < 1 {
		burst = max(1, int(perSecond))
	}
	return &rateLimiter{clients: c, limit: rate.Limit(perSecond), burst: burst}
}

func (l *rateLimiter) allow(client string) bool {
	l.mu.Lock()
	lim, ok := l.clients.Get(client)
	if !ok {
		lim = rate.NewLimiter(l.limit, l.burst)
		l.clients.Add(client, lim)
	}
	l.mu.Unlock()
	return lim.Allow()
}

// middleware answers 429 with a GraphQL-shaped error to clients over their
// rate.
func (l *rateLimiter) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			host = r.RemoteAddr
		}
		if !l.allow(host) {
			w.Header().Set("Retry-After", "1")
			writeJSON(w, http.StatusTooManyRequests, map[string]any{"errors": []map[string]any{{
				"message": "too many requests", "extensions": map[string]string{"code": "RATE_LIMITED"},
			}}})
			return
		}
		next.ServeHTTP(w, r)
	})
}
