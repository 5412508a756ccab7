// Package httpapi is the registry's HTTP interface: the route table, request
// decoding and validation, access rules, problem details, idempotent POSTs,
// ETags, lists and CSV exports, and the Swagger annotations from which docs/
// is generated. It never imports database/sql or lib/pq.
package httpapi

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/chengyu-collab/registry/internal/registry"
)

// Store is what the HTTP layer needs of storage besides the Service's:
// health, keys and idempotent replays. *postgres.Store implements it.
type Store interface {
	Ping(ctx context.Context) error
	Ready(ctx context.Context) error
	DurabilityWarnings(ctx context.Context) ([]string, error)
	Authenticate(ctx context.Context, secret string) (registry.Actor, error)
	Idempotent(ctx context.Context, holder, key string, hash []byte,
		fn func(ctx context.Context) (registry.StoredResponse, error)) (registry.StoredResponse, bool, error)
}

// Deps are the handler's dependencies.
type Deps struct {
	Store Store
	// Service holds every read and write of records; when nil, a Service
	// over Store, which must then keep the records too.
	Service         *registry.Service
	Logger          *slog.Logger
	ReadRequiresKey bool
	RateLimit       int                    // requests per minute per caller; 0 = off
	CORSOrigins     []string               // origins allowed to call from a browser; "*" for any
	Collectors      []prometheus.Collector // extra metrics, such as database pool statistics
	Now             func() time.Time       // defaults to time.Now
	// RequestTimeout bounds each request's wait for the database (503
	// past it); DefaultRequestTimeout when zero. CSV exports are exempt.
	RequestTimeout time.Duration
}

type handler struct {
	store           Store
	svc             *registry.Service
	log             *slog.Logger
	readRequiresKey bool
	limiter         *limiter
	corsOrigins     []string
	metrics         *metrics
	now             func() time.Time
	requestTimeout  time.Duration
}

// NewHandler returns the registry's HTTP handler.
func NewHandler(d Deps) http.Handler {
	h := &handler{
		store:           d.Store,
		svc:             d.Service,
		log:             d.Logger,
		readRequiresKey: d.ReadRequiresKey,
		limiter:         newLimiter(d.RateLimit),
		corsOrigins:     d.CORSOrigins,
		metrics:         newMetrics(d.Collectors...),
		now:             d.Now,
		requestTimeout:  d.RequestTimeout,
	}
	if h.svc == nil {
		h.svc = registry.NewService(d.Store.(registry.Store), d.Now)
	}
	if h.log == nil {
		h.log = slog.New(slog.DiscardHandler)
	}
	if h.now == nil {
		h.now = time.Now
	}
	if h.requestTimeout <= 0 {
		h.requestTimeout = DefaultRequestTimeout
	}
	// Outermost first: request id, logs and metrics; the header size
	// limit; CORS (preflights end here); gzip; the request deadline;
	// conditional GETs; the routes.
	return h.observe(h.limitHeaders(h.cors(compress(h.deadline(notModified(h.routes()))))))
}
