package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/pprof"
	"path/filepath"
	"time"

	"github.com/alexedwards/scs/postgresstore"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/chengyu-collab/registry/internal/blobstore"
	"github.com/chengyu-collab/registry/internal/config"
	"github.com/chengyu-collab/registry/internal/console"
	"github.com/chengyu-collab/registry/internal/demo"
	"github.com/chengyu-collab/registry/internal/httpapi"
	"github.com/chengyu-collab/registry/internal/postgres"
	"github.com/chengyu-collab/registry/internal/registry"
)

// openStore loads the configuration and connects to the database, creating
// it when it does not exist yet. Connection failures come back as one
// clear line naming the URL tried, password masked.
func openStore(ctx context.Context, getenv func(string) string) (config.Config, *postgres.Store, error) {
	cfg, err := config.Load(getenv)
	if err != nil {
		return cfg, nil, err
	}
	if err := postgres.EnsureDatabase(ctx, cfg.DatabaseURL); err != nil {
		return cfg, nil, unreachable(cfg, err)
	}
	store, err := postgres.Open(ctx, cfg.DatabaseURL, cfg.MaxDBConns, postgres.WithRequestTimeout(cfg.RequestTimeout))
	if err != nil {
		return cfg, nil, unreachable(cfg, err)
	}
	return cfg, store, nil
}

func unreachable(cfg config.Config, err error) error {
	return fmt.Errorf("cannot reach PostgreSQL at %s (%v); start it, or set DATABASE_URL to point elsewhere",
		config.MaskedDatabaseURL(cfg.DatabaseURL), err)
}

func newLogger(w io.Writer, level slog.Level) *slog.Logger {
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: level}))
}

// serve applies pending migrations (unless --migrate=false), optionally
// loads the demo data, and serves HTTP until ctx ends, then drains
// in-flight requests for up to the configured grace period.
func serve(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	migrate := fs.Bool("migrate", true, "apply pending migrations before listening")
	loadDemo := fs.Bool("demo", false, "load the demo data of the source document before listening")
	addr := fs.String("addr", "", "listen address (overrides REGISTRY_ADDR)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, store, err := openStore(ctx, getenv)
	if err != nil {
		return err
	}
	defer store.Close()
	if *addr != "" {
		cfg.Addr = *addr
	}
	log := newLogger(stderr, cfg.LogLevel)
	if *migrate {
		if err := store.Migrate(); err != nil {
			return err
		}
	}
	// Organisation changes whose read forms a failed drain left behind.
	if err := store.DrainReadForms(ctx); err != nil {
		log.Warn("read forms", "error", err)
	}
	if warnings, err := store.DurabilityWarnings(ctx); err == nil {
		for _, w := range warnings {
			log.Warn("database durability", "warning", w)
		}
	}
	svc := registry.NewService(store, nil)
	blobURL := cfg.BlobURL
	if blobURL == "" {
		if blobURL, err = blobstore.DefaultURL(filepath.Join("data", "blobs")); err != nil {
			return err
		}
	}
	blobs, err := blobstore.Open(ctx, blobURL)
	if err != nil {
		return err
	}
	defer blobs.Close()
	svc.UseBlobs(blobs, cfg.MaxFileBytes)
	svc.SetUploadSweepAfter(cfg.UploadSweepAfter)
	sweepUploads(ctx, svc, log)
	if *loadDemo {
		if err := demo.Load(ctx, svc); err != nil {
			return fmt.Errorf("load demo data: %w", err)
		}
		log.Info("demo data loaded")
	}
	handler := httpapi.NewHandler(httpapi.Deps{
		Store:           store,
		Service:         svc,
		Logger:          log,
		ReadRequiresKey: cfg.ReadRequiresKey,
		RateLimit:       cfg.RateLimit,
		CORSOrigins:     cfg.CORSOrigins,
		RequestTimeout:  cfg.RequestTimeout,
		Collectors:      []prometheus.Collector{collectors.NewDBStatsCollector(store.DB(), "registry")},
	})
	accounts := registry.NewAccounts(store, nil)
	if *loadDemo {
		if err := demoAdmin(ctx, accounts, stderr); err != nil {
			return err
		}
	}
	pages, err := console.New(console.Deps{
		Service:         svc,
		Accounts:        accounts,
		Sessions:        postgresstore.NewWithCleanupInterval(store.DB(), 30*time.Minute),
		CookieSecure:    cfg.CookieSecure,
		ReadRequiresKey: cfg.ReadRequiresKey,
		Logger:          log,
	})
	if err != nil {
		return err
	}
	srv := &http.Server{
		Addr:              cfg.Addr,
		Handler:           withConsole(handler, pages),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      5 * time.Minute, // long enough for a large CSV export
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    httpapi.MaxHeaderBytes,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	ln, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", cfg.Addr, err)
	}
	log.Info("listening", "addr", ln.Addr().String(), "database", config.MaskedDatabaseURL(cfg.DatabaseURL),
		"read_requires_key", cfg.ReadRequiresKey, "rate_limit_per_minute", cfg.RateLimit)
	go purgeLoop(ctx, store, svc, log)
	if pprofAddr := getenv("REGISTRY_PPROF_ADDR"); pprofAddr != "" {
		go servePprof(pprofAddr, log)
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down", "grace", cfg.ShutdownGrace.String())
	shutCtx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownGrace)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	log.Info("stopped")
	return nil
}

// withConsole serves the console's pages ("/" and /console/...) beside
// the API, which keeps every other path: /v1, /swagger, /healthz, /readyz,
// /metrics and its problem answers.
func withConsole(api, pages http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if console.Owns(r.URL.Path) {
			pages.ServeHTTP(w, r)
			return
		}
		api.ServeHTTP(w, r)
	})
}

// demoAdmin makes, when no account exists yet, a demo administrator whose
// one-time password goes to the log, so that `make run` can be signed in
// to at once.
func demoAdmin(ctx context.Context, accounts *registry.Accounts, stderr io.Writer) error {
	users, err := accounts.ListUsers(ctx)
	if err != nil || len(users) > 0 {
		return err
	}
	_, password, err := accounts.CreateUser(ctx, commandLineActor(), registry.UserInput{Login: "demo-admin", DisplayName: "演示管理员", Role: "admin"})
	if err != nil {
		return fmt.Errorf("demo admin: %w", err)
	}
	fmt.Fprintf(stderr, "\nconsole: sign in at /console/sign-in as demo-admin with the one-time password %s\n"+
		"(made because --demo found no account; registry users create makes more)\n\n", password)
	return nil
}

// purgeLoop deletes expired idempotency records every hour, and sweeps
// abandoned uploads as often as their bound (at most hourly).
func purgeLoop(ctx context.Context, store *postgres.Store, svc *registry.Service, log *slog.Logger) {
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	sweep := time.NewTicker(min(time.Hour, svc.UploadSweepAfter()))
	defer sweep.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-sweep.C:
			sweepUploads(ctx, svc, log)
		case <-t.C:
			if n, err := store.PurgeIdempotencyKeys(ctx); err != nil {
				log.Warn("purge idempotency keys", "error", err.Error())
			} else if n > 0 {
				log.Info("purged idempotency keys", "count", n)
			}
		}
	}
}

// sweepUploads deletes the bytes of uploads whose process died before
// their metadata was stored, and logs what it did.
func sweepUploads(ctx context.Context, svc *registry.Service, log *slog.Logger) {
	n, err := svc.SweepUploads(ctx)
	if err != nil {
		log.Warn("sweep abandoned uploads", "error", err.Error())
		return
	}
	log.Info("swept abandoned uploads", "count", n, "older_than", svc.UploadSweepAfter().String())
}

// servePprof serves the Go profiler on its own listener (never on the API
// port), for profiling under load: REGISTRY_PPROF_ADDR=127.0.0.1:6060.
func servePprof(addr string, log *slog.Logger) {
	mux := http.NewServeMux()
	mux.HandleFunc("/debug/pprof/", pprof.Index)
	mux.HandleFunc("/debug/pprof/profile", pprof.Profile)
	mux.HandleFunc("/debug/pprof/trace", pprof.Trace)
	mux.HandleFunc("/debug/pprof/symbol", pprof.Symbol)
	log.Info("pprof listening", "addr", addr)
	srv := &http.Server{Addr: addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	if err := srv.ListenAndServe(); err != nil {
		log.Warn("pprof", "error", err.Error())
	}
}
