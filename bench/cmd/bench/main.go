// Command bench measures the registry at scale: it loads the benchmark
// data set (bench/gen) into its own database, starts the real registry
// binary against it, drives each endpoint over loopback at a fixed number
// of connections (the GET cases with wrk, a client in its own process; the
// writes, uploads and exports from this process), runs pgbench (with as many clients as
// the registry's pool holds connections) with the statements the
// store runs for the endpoint, the way the store runs them, right before and
// after (its ceiling), and prints a table of successful requests per
// second, p50/p99 latency, errors, the server's peak memory and the ratio
// endpoint ÷ pgbench. The exports are measured against COPY of the same
// rows (copy.go).
//
//	go run ./bench/cmd/bench                     # full data set
//	go run ./bench/cmd/bench -scales 0.1,1,3     # each scale in turn (make bench)
//	go run ./bench/cmd/bench -short              # small data set, short runs (CI)
//	go run ./bench/cmd/bench -before OLD_BINARY  # before/after (make bench-compare)
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"regexp"
	"strconv"
	"strings"
	"time"
)

type options struct {
	short    bool
	seed     int64
	duration time.Duration
	warmup   time.Duration // unmeasured load before each GET case driven by wrk
	pgbench  time.Duration
	conns    int
	server   string // maintenance database URL of the PostgreSQL server
	dbName   string
	out      string
	fresh    bool
	pool     int       // the registry's connection pool, and pgbench's clients
	scales   []float64 // multiples of the full data set, run in turn
	logLevel string    // the registry's log level
	only     *regexp.Regexp
	client   string // "wrk" or "go": the load client of the GET cases
	binary   string // the registry binary to measure ("": build the current tree)
	before   string // a binary to measure first, then binary: a before/after table
}

func main() {
	var o options
	flag.BoolVar(&o.short, "short", false, "small data set and short runs: checks that the harness works")
	flag.Int64Var(&o.seed, "seed", 1, "seed of the data set")
	flag.DurationVar(&o.duration, "duration", 0, "length of each load run (default 15s, 2s with -short)")
	flag.DurationVar(&o.warmup, "warmup", -1, "unmeasured load before each GET case driven by wrk (default 2s, 1s with -short; wrk counts whole seconds)")
	flag.DurationVar(&o.pgbench, "pgbench", 0, "length of each pgbench run (default 10s, 2s with -short)")
	flag.IntVar(&o.conns, "conns", 8, "concurrent HTTP connections of the load")
	flag.IntVar(&o.pool, "pool", 8, "the registry's database pool (REGISTRY_DB_MAX_CONNS), and pgbench's clients")
	scale := flag.Float64("scale", 1, "size of the data set as a multiple of the full one (0.1, 1, 3)")
	scales := flag.String("scales", "", "several scales, run in turn, each on its own database (0.1,1,3); overrides -scale")
	flag.StringVar(&o.client, "client", "wrk", "load client of the GET cases: wrk (a process of its own) or go (bench/load, in this process)")
	flag.StringVar(&o.binary, "binary", "", "measure this registry binary instead of building the current tree (the data set is still prepared by the current tree)")
	flag.StringVar(&o.before, "before", "", "measure this registry binary, then the current one (or -binary), and write a before/after table")
	flag.StringVar(&o.logLevel, "log-level", "info", "the registry's log level (REGISTRY_LOG_LEVEL; info in production)")
	flag.StringVar(&o.server, "server", "postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable", "PostgreSQL server (maintenance database)")
	flag.StringVar(&o.dbName, "db", "", "benchmark database (default registry_bench, or registry_bench_short)")
	flag.StringVar(&o.out, "out", "bench/results", "folder for the report")
	flag.BoolVar(&o.fresh, "fresh", false, "regenerate the data set even if the database already holds it")
	only := flag.String("cases", "", "run only the cases whose name matches this regular expression (all by default)")
	flag.Parse()
	var err error
	o.scales = []float64{*scale}
	if *scales != "" {
		o.scales = nil
		for _, f := range strings.Split(*scales, ",") {
			v, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
			if err != nil || v <= 0 {
				fmt.Fprintf(os.Stderr, "bench: -scales: %q is not a positive number\n", f)
				os.Exit(2)
			}
			o.scales = append(o.scales, v)
		}
	}
	if o.client != "wrk" && o.client != "go" {
		fmt.Fprintln(os.Stderr, "bench: -client: wrk or go")
		os.Exit(2)
	}
	if o.before != "" && len(o.scales) > 1 {
		fmt.Fprintln(os.Stderr, "bench: -before compares at one scale: use -scale, not -scales")
		os.Exit(2)
	}
	if o.only, err = regexp.Compile(*only); err != nil {
		fmt.Fprintln(os.Stderr, "bench: -cases:", err)
		os.Exit(2)
	}
	if o.duration == 0 {
		o.duration = map[bool]time.Duration{false: 15 * time.Second, true: 2 * time.Second}[o.short]
	}
	if o.warmup < 0 {
		o.warmup = map[bool]time.Duration{false: 2 * time.Second, true: time.Second}[o.short]
	}
	if o.pgbench == 0 {
		o.pgbench = map[bool]time.Duration{false: 10 * time.Second, true: 2 * time.Second}[o.short]
	}
	if o.dbName == "" {
		o.dbName = map[bool]string{false: "registry_bench", true: "registry_bench_short"}[o.short]
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, o); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// dbNameAt is the database of the data set at a scale: the -db name, with
// the scale appended unless it is 1.
func (o options) dbNameAt(scale float64) string {
	if scale == 1 {
		return o.dbName
	}
	return o.dbName + "_x" + strings.ReplaceAll(strconv.FormatFloat(scale, 'f', -1, 64), ".", "_")
}
