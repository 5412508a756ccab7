package httpapi

import (
	"net/http"
	"slices"
)

// cors answers browser consumers from the configured origins ("*" for
// any). Preflight requests get 204 with the methods and headers the API
// uses; responses expose the headers clients need (ETag, Location, Link,
// Retry-After, X-Request-ID). With no origins configured nothing is added.
func (h *handler) cors(next http.Handler) http.Handler {
	if len(h.corsOrigins) == 0 {
		return next
	}
	anyOrigin := slices.Contains(h.corsOrigins, "*")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if origin == "" || (!anyOrigin && !slices.Contains(h.corsOrigins, origin)) {
			next.ServeHTTP(w, r)
			return
		}
		hd := w.Header()
		hd.Add("Vary", "Origin")
		hd.Set("Access-Control-Allow-Origin", origin)
		hd.Set("Access-Control-Expose-Headers", "ETag, Location, Link, Retry-After, X-Request-ID, Idempotent-Replayed")
		if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
			hd.Set("Access-Control-Allow-Methods", "GET, POST, PATCH, DELETE, OPTIONS")
			hd.Set("Access-Control-Allow-Headers", "Authorization, Content-Type, If-Match, If-None-Match, Idempotency-Key, Accept-Language, X-Request-ID")
			hd.Set("Access-Control-Max-Age", "600")
			w.WriteHeader(http.StatusNoContent)
			return
		}
		next.ServeHTTP(w, r)
	})
}
