package httpapi

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"io"
	"net/http"

	"github.com/chengyu-collab/registry/internal/registry"
)

// validIdempotencyKey reports whether k is 1–255 visible ASCII characters.
func validIdempotencyKey(k string) bool {
	if len(k) < 1 || len(k) > 255 {
		return false
	}
	for i := 0; i < len(k); i++ {
		if k[i] < 0x21 || k[i] > 0x7e {
			return false
		}
	}
	return true
}

// bufferedResponse records a response so that it can be stored before it
// is sent.
type bufferedResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *bufferedResponse) Header() http.Header { return b.header }
func (b *bufferedResponse) Write(p []byte) (int, error) {
	if b.status == 0 {
		b.status = http.StatusOK
	}
	return b.body.Write(p)
}
func (b *bufferedResponse) WriteHeader(code int) {
	if b.status == 0 {
		b.status = code
	}
}

// idempotent wraps a create handler. Without an Idempotency-Key header the
// handler runs as usual. With one, the scope is the caller's API key: the
// first request runs inside a transaction together with the storing of its
// 2xx response; a repeat with the same body replays that response and
// writes nothing; a different body is 422; a repeat while the first is
// still running is 409. Failures are not stored, so the client may retry.
func (h *handler) idempotent(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		key, has := r.Header["Idempotency-Key"]
		if !has {
			next(w, r)
			return
		}
		if len(key) != 1 || !validIdempotencyKey(key[0]) {
			fail(w, r, "bad-request", "detail.invalid_idempotency_key", nil)
			return
		}
		actor, _ := actorOf(r.Context())
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeProblem(w, bodyTooLarge().problem(r))
			return
		} else if err != nil {
			fail(w, r, "bad-request", "detail.body_unreadable", nil)
			return
		}
		sum := sha256.New()
		sum.Write([]byte(r.Method + " " + r.URL.Path + "\n"))
		sum.Write(body)
		var buf *bufferedResponse
		resp, replayed, err := h.store.Idempotent(r.Context(), actor.KeyID, key[0], sum.Sum(nil),
			func(ctx context.Context) (registry.StoredResponse, error) {
				buf = &bufferedResponse{header: http.Header{}}
				var seen error
				req := r.WithContext(context.WithValue(ctx, errorKey, &seen))
				req.Body = io.NopCloser(bytes.NewReader(body))
				next(buf, req)
				if errors.Is(seen, registry.ErrTransient) {
					return registry.StoredResponse{}, seen // the store runs the transaction again
				}
				return registry.StoredResponse{Status: buf.status, Location: buf.header.Get("Location"),
					ETag: buf.header.Get("ETag"), Body: buf.body.Bytes()}, nil
			})
		switch {
		case err != nil:
			h.writeError(w, r, err)
		case replayed:
			writeReplay(w, resp)
		default:
			for k, v := range buf.header {
				w.Header()[k] = v
			}
			w.WriteHeader(buf.status)
			_, _ = w.Write(buf.body.Bytes())
		}
	}
}

// writeReplay sends a stored response again, marked Idempotent-Replayed.
func writeReplay(w http.ResponseWriter, resp registry.StoredResponse) {
	if resp.Location != "" {
		w.Header().Set("Location", resp.Location)
	}
	if resp.ETag != "" {
		w.Header().Set("ETag", resp.ETag)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Idempotent-Replayed", "true")
	w.WriteHeader(resp.Status)
	_, _ = w.Write(resp.Body)
}
