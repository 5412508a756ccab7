package httpapi

import (
	"context"
	"net/http"
	"time"
)

// healthz godoc
//
//	@Summary	Liveness: the process is up
//	@Tags		operations
//	@Produce	plain
//	@Success	200	{string}	string	"ok"
//	@Router		/healthz [get]
func (h *handler) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte("ok\n"))
}

// readyz godoc
//
//	@Summary	Readiness: the database answers and is migrated
//	@Tags		operations
//	@Produce	plain
//	@Success	200	{string}	string	"ready"
//	@Failure	503	{object}	Problem
//	@Router		/readyz [get]
func (h *handler) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := h.store.Ready(ctx); err != nil {
		h.log.WarnContext(ctx, "not ready", "error", err.Error())
		fail(w, r, "unavailable", "database unreachable or not migrated")
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	_, _ = w.Write([]byte("ready\n"))
}
