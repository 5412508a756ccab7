package httpapi

import (
	"context"
	"net/http"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/gorilla/mux"

	"github.com/chengyu-collab/registry/internal/registry"
)

type ctxKey int

const (
	requestIDKey ctxKey = iota
	actorKey
	routeKey
	errorKey // *error: the last error writeError answered, for the idempotency wrapper
)

// validRequestID reports whether a client's X-Request-ID may be kept:
// 1–128 characters of [A-Za-z0-9._-]. (A loop, not a regexp: it runs on
// every request.)
func validRequestID(id string) bool {
	if len(id) < 1 || len(id) > 128 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// requestID returns the id of the request ctx belongs to.
func requestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey).(string)
	return id
}

// actorOf returns the authenticated caller, if any.
func actorOf(ctx context.Context) (registry.Actor, bool) {
	a, ok := ctx.Value(actorKey).(registry.Actor)
	return a, ok
}

// lang picks Chinese for an Accept-Language whose preferred tag is zh*,
// English otherwise.
func lang(r *http.Request) registry.Lang {
	best, bestQ := "", -1.0
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			if f, err := strconv.ParseFloat(v, 64); err == nil {
				q = f
			}
		}
		if tag != "" && q > bestQ && q > 0 {
			best, bestQ = strings.ToLower(tag), q
		}
	}
	if best == "zh" || strings.HasPrefix(best, "zh-") {
		return registry.Zh
	}
	return registry.En
}

// statusRecorder remembers the status a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (s *statusRecorder) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusRecorder) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	n, err := s.ResponseWriter.Write(b)
	s.bytes += n
	return n, err
}

// Flush lets streamed exports reach the client as they are written.
func (s *statusRecorder) Flush() {
	if f, ok := s.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// Unwrap exposes the underlying writer to http.ResponseController.
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// routeHolder is filled in by the router with the matched route pattern.
type routeHolder struct{ pattern string }

// observe is the outermost middleware: request id, panic recovery,
// structured access log and Prometheus metrics by route pattern.
func (h *handler) observe(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get("X-Request-ID")
		if !validRequestID(id) {
			u, err := uuid.NewV7()
			if err != nil {
				u = uuid.New()
			}
			id = u.String()
		}
		w.Header().Set("X-Request-ID", id)
		route := &routeHolder{}
		ctx := context.WithValue(context.WithValue(r.Context(), requestIDKey, id), routeKey, route)
		r = r.WithContext(ctx)
		rec := &statusRecorder{ResponseWriter: w}
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				h.log.ErrorContext(ctx, "panic", "request_id", id, "panic", v, "stack", string(debug.Stack()))
				if rec.status == 0 {
					fail(rec, r, "internal", "", nil)
				}
			}
			pattern := route.pattern
			if pattern == "" {
				pattern = "unmatched"
			}
			status := rec.status
			if status == 0 {
				status = http.StatusOK
			}
			elapsed := time.Since(start)
			h.metrics.observe(r.Method, pattern, status, elapsed)
			h.log.LogAttrs(ctx, levelFor(status), "request", logAttr("request_id", id), logAttr("method", r.Method),
				logAttr("path", r.URL.Path), logAttr("route", pattern), logInt("status", status),
				logInt("bytes", rec.bytes), logDur("duration", elapsed), logAttr("remote", r.RemoteAddr))
		}()
		next.ServeHTTP(rec, r)
	})
}

// routeName is a mux middleware that records the matched route pattern.
func routeName(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if holder, ok := r.Context().Value(routeKey).(*routeHolder); ok {
			if rt := mux.CurrentRoute(r); rt != nil {
				holder.pattern, _ = rt.GetPathTemplate()
			}
		}
		next.ServeHTTP(w, r)
	})
}

// access levels of routes.
type access int

const (
	accessOpen  access = iota // no key needed (operations, docs)
	accessRead                // a key when reads require one
	accessWrite               // registrar or admin
	accessAdmin               // admin only
)

// guard authenticates the caller, applies the rate limit and checks the
// route's access level. A key that is sent must be valid even on an open
// read.
func (h *handler) guard(level access, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var actor registry.Actor
		authed := false
		if header := r.Header.Get("Authorization"); header != "" {
			scheme, token, ok := strings.Cut(header, " ")
			if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
				fail(w, r, "unauthorized", "detail.bad_authorization", nil)
				return
			}
			a, err := h.store.Authenticate(r.Context(), strings.TrimSpace(token))
			if err != nil {
				h.writeError(w, r, err)
				return
			}
			actor, authed = a, true
			actor.RequestID = requestID(r.Context())
		}
		limitKey := "addr:" + clientAddr(r)
		if authed {
			limitKey = "key:" + actor.KeyID
		}
		if wait, ok := h.limiter.allow(limitKey); !ok {
			retry := strconv.Itoa(int(wait.Seconds()) + 1)
			w.Header().Set("Retry-After", retry)
			fail(w, r, "rate-limited", "", registry.Args{"seconds": retry})
			return
		}
		if authed {
			r = r.WithContext(context.WithValue(r.Context(), actorKey, actor))
		}
		switch {
		case level == accessRead && h.readRequiresKey && !authed:
			p := newProblem(r, "unauthorized", "reason."+registry.ReasonReadRequiresKey, nil)
			p.Reason = registry.ReasonReadRequiresKey
			writeProblem(w, p)
			return
		case level >= accessWrite && !authed:
			fail(w, r, "unauthorized", "", nil)
			return
		}
		// The Service decides every permission; asking it here answers a
		// role that may not write before its body is read.
		var err error
		switch level {
		case accessWrite:
			err = registry.MayWrite(actor)
		case accessAdmin:
			err = registry.MayAdminister(actor)
		}
		if err != nil {
			h.writeError(w, r, err)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func clientAddr(r *http.Request) string {
	host := r.RemoteAddr
	if i := strings.LastIndexByte(host, ':'); i > 0 {
		host = host[:i]
	}
	return host
}

// limiter is a token bucket per caller (API key, or address for anonymous
// callers): perMinute requests a minute, with bursts up to that size. It
// is per replica; 0 turns it off.
type limiter struct {
	perMinute int
	mu        sync.Mutex
	buckets   map[string]*bucket
	now       func() time.Time
}

type bucket struct {
	tokens float64
	last   time.Time
}

func newLimiter(perMinute int) *limiter {
	return &limiter{perMinute: perMinute, buckets: map[string]*bucket{}, now: time.Now}
}

// allow takes a token for key, or says how long until one is free.
func (l *limiter) allow(key string) (time.Duration, bool) {
	if l.perMinute <= 0 {
		return 0, true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	rate := float64(l.perMinute) / 60 // tokens per second
	b, ok := l.buckets[key]
	if !ok {
		if len(l.buckets) > 100_000 {
			l.prune(now, rate)
		}
		b = &bucket{tokens: float64(l.perMinute), last: now}
		l.buckets[key] = b
	}
	b.tokens = min(float64(l.perMinute), b.tokens+now.Sub(b.last).Seconds()*rate)
	b.last = now
	if b.tokens < 1 {
		return time.Duration((1 - b.tokens) / rate * float64(time.Second)), false
	}
	b.tokens--
	return 0, true
}

// prune forgets buckets that have refilled completely.
func (l *limiter) prune(now time.Time, rate float64) {
	for k, b := range l.buckets {
		if b.tokens+now.Sub(b.last).Seconds()*rate >= float64(l.perMinute) {
			delete(l.buckets, k)
		}
	}
}
