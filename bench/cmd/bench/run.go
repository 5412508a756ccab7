package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/lib/pq"

	"github.com/chengyu-collab/registry/bench/gen"
	"github.com/chengyu-collab/registry/bench/wrk"
)

// env is what every case needs: one pass over the cases (a suite), at one
// scale, against one binary.
type env struct {
	o     options
	sizes gen.Sizes
	scale float64
	db    string // the loaded database of this scale
	dbURL string
	// ceilingURL, when set, is where pgbench and COPY run instead of
	// dbURL: a copy of the same data at the current schema, beside an
	// older binary's copy migrated down to its schema.
	ceilingURL string
	base       string // http://127.0.0.1:port
	key        string // an admin key
	keyID      string
	server     *exec.Cmd
	workdir    string
	// current is the binary built from this tree, which prepares the
	// database; serving is the binary measured (current unless -binary or
	// -before says otherwise).
	current, serving string
	label            string        // "before" or "after" in a before/after run
	client           string        // the load client of the GET cases, for the report
	upload           *uploadResult // the upload case, once run
	results          []caseResult
	skipped          []string      // cases the serving binary cannot run, with the reason
	loaded           time.Duration // generating the data set and writing its read forms, when this suite did
	elapsed          time.Duration // the whole suite
}

func run(ctx context.Context, o options) error {
	workdir, err := os.MkdirTemp("", "registry-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(workdir)
	client := "the benchmark's own Go client (bench/load, in the benchmark's process)"
	if o.client == "wrk" {
		v, err := wrk.Version()
		if err != nil {
			return err
		}
		client = v + " (a process of its own, --latency, a Lua script sending a pre-generated list of requests in turn)"
	}
	current := filepath.Join(workdir, "registry")
	step("build the registry binary")
	if out, err := exec.CommandContext(ctx, "go", "build", "-o", current, "./cmd/registry").CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}
	serving := current
	if o.binary != "" {
		if serving, err = filepath.Abs(o.binary); err != nil {
			return err
		}
	}
	type pass struct {
		scale         float64
		binary, label string
	}
	var passes []pass
	if o.before != "" {
		before, err := filepath.Abs(o.before)
		if err != nil {
			return err
		}
		passes = []pass{{o.scales[0], before, "before"}, {o.scales[0], serving, "after"}}
	} else {
		for _, sc := range o.scales {
			passes = append(passes, pass{sc, serving, ""})
		}
	}
	var suites []*env
	for _, p := range passes {
		sizes := gen.Full
		if o.short {
			sizes = gen.Short
		}
		e := &env{o: o, sizes: sizes.Scaled(p.scale), scale: p.scale, db: o.dbNameAt(p.scale), workdir: workdir,
			current: current, serving: p.binary, label: p.label, client: client}
		step("suite: scale %g, binary %s %s", p.scale, p.binary, p.label)
		if err := e.runSuite(ctx); err != nil {
			return err
		}
		suites = append(suites, e)
	}
	return report(o, suites)
}

// runSuite prepares the database of the suite's scale, copies it, starts
// the serving binary on the copy and runs the cases.
func (e *env) runSuite(ctx context.Context) error {
	start := time.Now()
	var err error
	if e.dbURL, err = withDatabase(e.o.server, e.db); err != nil {
		return err
	}
	if err := e.prepareDatabase(ctx, e.current); err != nil {
		return err
	}
	// Every run starts from the same data: the cases run on a copy of the
	// loaded database, made afresh, so that the rows a write case creates
	// never reach the next run.
	if err := e.copyDatabase(ctx); err != nil {
		return err
	}
	out, err := e.registry(ctx, e.current, "keys", "create", "--role", "admin", "--name", "bench")
	if err != nil {
		return err
	}
	e.key = strings.TrimSpace(out)
	if e.serving != e.current {
		if err := e.downgrade(ctx); err != nil {
			return err
		}
	}
	if err := e.startServer(ctx, e.serving); err != nil {
		return err
	}
	defer e.stopServer()
	if e.results, err = e.runCases(ctx); err != nil {
		return err
	}
	e.elapsed = time.Since(start)
	return nil
}

func step(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "== "+format+"\n", args...)
}

func withDatabase(server, name string) (string, error) {
	u, err := url.Parse(server)
	if err != nil {
		return "", err
	}
	u.Path = "/" + name
	return u.String(), nil
}

// registry runs a registry subcommand against the benchmark database and
// returns its standard output.
func (e *env) registry(ctx context.Context, bin string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = append(os.Environ(), "DATABASE_URL="+e.dbURL)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("registry %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String(), nil
}

// prepareDatabase creates, migrates and loads the benchmark database,
// unless it already holds the data set of this seed and size.
func (e *env) prepareDatabase(ctx context.Context, bin string) error {
	marker := fmt.Sprintf("seed=%d sizes=%+v", e.o.seed, e.sizes)
	db, err := sql.Open("postgres", e.dbURL)
	if err != nil {
		return err
	}
	defer db.Close()
	var have string
	if db.QueryRowContext(ctx, `SELECT marker FROM bench_meta`).Scan(&have) == nil && have == marker && !e.o.fresh {
		step("reuse the data set in %s (%s)", e.db, marker)
		if _, err := e.registry(ctx, bin, "migrate", "up"); err != nil {
			return err
		}
		// A migration may have added read forms: fill the missing ones.
		if _, err := e.registry(ctx, bin, "rebuild-read-models", "--missing"); err != nil {
			return err
		}
		// A migration may have rewritten many rows: measure a settled
		// database, not autovacuum catching up.
		_, err := db.ExecContext(ctx, `VACUUM ANALYZE`)
		return err
	}
	db.Close()
	admin, err := sql.Open("postgres", e.o.server)
	if err != nil {
		return err
	}
	defer admin.Close()
	step("create %s", e.db)
	if _, err := admin.ExecContext(ctx, `DROP DATABASE IF EXISTS `+pq.QuoteIdentifier(e.db)+` WITH (FORCE)`); err != nil {
		return err
	}
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+pq.QuoteIdentifier(e.db)); err != nil {
		return err
	}
	if _, err := e.registry(ctx, bin, "migrate", "up"); err != nil {
		return err
	}
	db, err = sql.Open("postgres", e.dbURL)
	if err != nil {
		return err
	}
	defer db.Close()
	step("load the data set: %+v", e.sizes)
	start := time.Now()
	if err := gen.Load(ctx, db, e.o.seed, e.sizes, func(msg string) { step("  %s", msg) }); err != nil {
		return err
	}
	step("data set loaded in %s; writing the read forms", time.Since(start).Round(time.Second))
	if _, err := e.registry(ctx, bin, "rebuild-read-models", "--missing"); err != nil {
		return err
	}
	if _, err := db.ExecContext(ctx, `VACUUM ANALYZE`); err != nil {
		return err
	}
	e.loaded = time.Since(start)
	step("read forms written in %s", e.loaded.Round(time.Second))
	_, err = db.ExecContext(ctx, `CREATE TABLE bench_meta (marker text NOT NULL); INSERT INTO bench_meta VALUES ('`+marker+`')`)
	return err
}

// copyDatabase makes the database the run measures: a copy of the loaded
// one (CREATE DATABASE … TEMPLATE), which it then points dbURL at.
func (e *env) copyDatabase(ctx context.Context) error {
	run := e.db + "_run"
	if err := e.cloneDatabase(ctx, e.db, run); err != nil {
		return err
	}
	var err error
	e.dbURL, err = withDatabase(e.o.server, run)
	return err
}

// cloneDatabase makes to afresh as a copy of from.
func (e *env) cloneDatabase(ctx context.Context, from, to string) error {
	admin, err := sql.Open("postgres", e.o.server)
	if err != nil {
		return err
	}
	defer admin.Close()
	step("copy %s to %s", from, to)
	if _, err := admin.ExecContext(ctx, `DROP DATABASE IF EXISTS `+pq.QuoteIdentifier(to)+` WITH (FORCE)`); err != nil {
		return err
	}
	// FILE_COPY copies the files (the default, WAL_LOG, writes the whole
	// database through the WAL, gigabytes at scale 1); then settle.
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+pq.QuoteIdentifier(to)+` TEMPLATE `+pq.QuoteIdentifier(from)+` STRATEGY FILE_COPY`); err != nil {
		return err
	}
	url, err := withDatabase(e.o.server, to)
	if err != nil {
		return err
	}
	return settle(ctx, admin, url)
}

// settle makes the copy in url the data a run measures, in memory and
// quiet: PostgreSQL's dirty buffers and then the system's dirty pages are
// written to disk (a checkpoint, sync(1)), the page cache is emptied where
// the benchmark may (root on the database's machine, as pgbench's
// ceilings assume), and the copy's tables and indexes are read into it
// (pg_prewarm). Without this the copy was written back, and the loaded
// database and the copy competed for the cache, while requests ran: point
// reads that went to disk stalled for 50–400 ms, which showed as every
// case's p99, and the ceilings dropped by two thirds between runs.
func settle(ctx context.Context, admin *sql.DB, url string) error {
	if _, err := admin.ExecContext(ctx, `CHECKPOINT`); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	if out, err := exec.CommandContext(ctx, "sync").CombinedOutput(); err != nil {
		return fmt.Errorf("sync: %v: %s", err, out)
	}
	if err := os.WriteFile("/proc/sys/vm/drop_caches", []byte("1\n"), 0); err != nil {
		step("  the page cache is not emptied (%v): the copy competes with other data for it", err)
	}
	db, err := sql.Open("postgres", url)
	if err != nil {
		return err
	}
	defer db.Close()
	start := time.Now()
	var blocks int64
	if _, err := db.ExecContext(ctx, `CREATE EXTENSION IF NOT EXISTS pg_prewarm`); err != nil {
		// A server without the contrib modules: the copy is read into
		// the cache by the first requests instead, which the report's
		// p99 then shows.
		step("  the copy is not read into the page cache (%v)", err)
		return nil
	}
	err = db.QueryRowContext(ctx, `SELECT coalesce(sum(pg_prewarm(c.oid, 'read')), 0) FROM pg_class c
		WHERE c.relkind IN ('r', 'i', 't') AND c.relnamespace IN ('public'::regnamespace, 'pg_toast'::regnamespace)`).Scan(&blocks)
	if err != nil {
		return fmt.Errorf("prewarm: %w", err)
	}
	step("  read %d MiB of the copy into the page cache in %s", blocks*8/1024, time.Since(start).Round(time.Second))
	return nil
}

// ceilingDB is the database pgbench and COPY run on.
func (e *env) ceilingDB() string {
	if e.ceilingURL != "" {
		return e.ceilingURL
	}
	return e.dbURL
}

// downgrade brings the run's copy to the schema of an older binary: the
// highest migration it ships (`registry migrate status` lists them), by
// this tree's down migrations above it, newest first. The ceilings keep
// reading this tree's statements, on a copy at the current schema made
// first (ceilingURL).
func (e *env) downgrade(ctx context.Context) error {
	out, err := e.registry(ctx, e.serving, "migrate", "status")
	if err != nil {
		return err
	}
	ships := 0
	for _, line := range strings.Split(out, "\n") {
		if v, _, ok := strings.Cut(line, "\t"); ok {
			if n, err := strconv.Atoi(v); err == nil {
				ships = max(ships, n)
			}
		}
	}
	if ships == 0 {
		return fmt.Errorf("%s migrate status: no migrations listed:\n%s", e.serving, out)
	}
	downs, err := filepath.Glob("sql/migrations/*.down.sql")
	if err != nil {
		return err
	}
	slices.Sort(downs)
	slices.Reverse(downs)
	var apply []string
	for _, f := range downs {
		v, err := strconv.Atoi(strings.SplitN(filepath.Base(f), "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: %w", f, err)
		}
		if v > ships {
			apply = append(apply, f)
		}
	}
	if len(apply) == 0 {
		return nil
	}
	run := strings.TrimPrefix(mustPath(e.dbURL), "/")
	if err := e.cloneDatabase(ctx, run, run+"_ceiling"); err != nil {
		return err
	}
	if e.ceilingURL, err = withDatabase(e.o.server, run+"_ceiling"); err != nil {
		return err
	}
	db, err := sql.Open("postgres", e.dbURL)
	if err != nil {
		return err
	}
	defer db.Close()
	for _, f := range apply {
		step("  migrate the run's copy down: %s", filepath.Base(f))
		text, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		if _, err := db.ExecContext(ctx, string(text)); err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
	}
	_, err = db.ExecContext(ctx, `UPDATE schema_migrations SET version = $1, dirty = false`, ships)
	if err == nil {
		_, err = db.ExecContext(ctx, `VACUUM ANALYZE`)
	}
	return err
}

func mustPath(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		panic(err)
	}
	return p.Path
}

// startServer runs `registry serve` on a free loopback port and waits for
// /readyz.
func (e *env) startServer(ctx context.Context, bin string) error {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	addr := ln.Addr().String()
	ln.Close()
	logFile, err := os.Create(filepath.Join(e.workdir, "server.log"))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(e.workdir, "blobs"), 0o755); err != nil {
		return err
	}
	e.server = exec.Command(bin, "serve", "--migrate=false")
	e.server.Env = append(os.Environ(), "DATABASE_URL="+e.dbURL, "REGISTRY_ADDR="+addr, "REGISTRY_RATE_LIMIT=0",
		"REGISTRY_DB_MAX_CONNS="+strconv.Itoa(e.o.pool), "REGISTRY_LOG_LEVEL="+e.o.logLevel,
		// The blob store on the disk of the workdir, where the upload case's cp runs too.
		"REGISTRY_BLOB_URL=file://"+filepath.ToSlash(filepath.Join(e.workdir, "blobs")))
	e.server.Stdout, e.server.Stderr = logFile, logFile
	if err := e.server.Start(); err != nil {
		return err
	}
	e.base = "http://" + addr
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(e.base + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				step("registry serving on %s (pid %d)", addr, e.server.Process.Pid)
				return nil
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	e.stopServer()
	tail, _ := os.ReadFile(logFile.Name())
	if len(tail) > 2000 {
		tail = tail[len(tail)-2000:]
	}
	return fmt.Errorf("the registry did not become ready; its log ends:\n%s", tail)
}

func (e *env) stopServer() {
	if e.server != nil && e.server.Process != nil {
		_ = e.server.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = e.server.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = e.server.Process.Kill()
		}
	}
}

// memory reads the server's resident set size and its high-water mark, in
// MiB.
func (e *env) memory() (rss, peak float64) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", e.server.Process.Pid))
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		kb, _ := strconv.ParseFloat(f[1], 64)
		switch f[0] {
		case "VmRSS:":
			rss = kb / 1024
		case "VmHWM:":
			peak = kb / 1024
		}
	}
	return rss, peak
}

// resetPeak resets the server's memory high-water mark (Linux clear_refs).
func (e *env) resetPeak() {
	_ = os.WriteFile(fmt.Sprintf("/proc/%d/clear_refs", e.server.Process.Pid), []byte("5"), 0)
}

// getJSON fetches a URL into v.
func (e *env) getJSON(path string, v any) error {
	resp, err := http.Get(e.base + path)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return fmt.Errorf("GET %s: %d", path, resp.StatusCode)
	}
	return json.NewDecoder(resp.Body).Decode(v)
}
