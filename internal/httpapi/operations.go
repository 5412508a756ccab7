package httpapi

import (
	"context"
	"net/http"
	"time"
)

func (h *handler) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte("ok\n"))
}

func (h *handler) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := h.store.Ready(ctx); err != nil {
		h.log.WarnContext(ctx, "not ready", "error", err.Error())
		fail(w, r, "unavailable", "detail.not_ready", nil)
		return
	}
	body := "ready\n"
	if warnings, err := h.store.DurabilityWarnings(ctx); err == nil {
		for _, warn := range warnings {
			h.log.WarnContext(ctx, "database durability", "warning", warn)
			body += "warning: " + warn + "\n"
		}
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte(body))
}

// deadline gives every request but exports a deadline (Deps.RequestTimeout,
// DefaultRequestTimeout when unset) for waiting on the database, the
// connection pool included, so that an exhausted pool answers 503 instead
// of piling requests up. Exports — CSV, Excel and the annual report — and
// file transfers run for longer (a year of joint actions at the
// benchmark's scale takes about ten seconds) and are bounded by the
// server's write timeout instead; each of their statements still has the
// connections' statement_timeout.
func (h *handler) deadline(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if wantsCSV(r) || wantsXLSX(r) || r.URL.Path == "/v1/reports/annual" || isFileTransfer(r) {
			next.ServeHTTP(w, r)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), h.requestTimeout)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}
