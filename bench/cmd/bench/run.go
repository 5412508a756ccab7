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
	"strconv"
	"strings"
	"time"

	"github.com/lib/pq"

	"github.com/chengyu-collab/registry/bench/gen"
)

// env is what every case needs.
type env struct {
	o       options
	sizes   gen.Sizes
	dbURL   string
	base    string // http://127.0.0.1:port
	key     string // an admin key
	keyID   string
	server  *exec.Cmd
	workdir string
	upload  *uploadResult // the upload case, once run
}

func run(ctx context.Context, o options) error {
	sizes := gen.Full
	if o.short {
		sizes = gen.Short
	}
	sizes = sizes.Scaled(o.scale)
	workdir, err := os.MkdirTemp("", "registry-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(workdir)
	e := &env{o: o, sizes: sizes, workdir: workdir}
	if e.dbURL, err = withDatabase(o.server, o.dbName); err != nil {
		return err
	}
	bin := filepath.Join(workdir, "registry")
	step("build the registry binary")
	if out, err := exec.CommandContext(ctx, "go", "build", "-o", bin, "./cmd/registry").CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %v\n%s", err, out)
	}
	if err := e.prepareDatabase(ctx, bin); err != nil {
		return err
	}
	// Every run starts from the same data: the cases run on a copy of the
	// loaded database, made afresh, so that the rows a write case creates
	// never reach the next run.
	if err := e.copyDatabase(ctx); err != nil {
		return err
	}
	out, err := e.registry(ctx, bin, "keys", "create", "--role", "admin", "--name", "bench")
	if err != nil {
		return err
	}
	e.key = strings.TrimSpace(out)
	if err := e.startServer(ctx, bin); err != nil {
		return err
	}
	defer e.stopServer()
	results, err := e.runCases(ctx)
	if err != nil {
		return err
	}
	return e.report(results)
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
		step("reuse the data set in %s (%s)", e.o.dbName, marker)
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
	step("create %s", e.o.dbName)
	if _, err := admin.ExecContext(ctx, `DROP DATABASE IF EXISTS `+pq.QuoteIdentifier(e.o.dbName)+` WITH (FORCE)`); err != nil {
		return err
	}
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+pq.QuoteIdentifier(e.o.dbName)); err != nil {
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
	step("read forms written in %s", time.Since(start).Round(time.Second))
	_, err = db.ExecContext(ctx, `CREATE TABLE bench_meta (marker text NOT NULL); INSERT INTO bench_meta VALUES ('`+marker+`')`)
	return err
}

// copyDatabase makes the database the run measures: a copy of the loaded
// one (CREATE DATABASE … TEMPLATE), which it then points dbURL at.
func (e *env) copyDatabase(ctx context.Context) error {
	admin, err := sql.Open("postgres", e.o.server)
	if err != nil {
		return err
	}
	defer admin.Close()
	run := e.o.dbName + "_run"
	step("copy %s to %s", e.o.dbName, run)
	if _, err := admin.ExecContext(ctx, `DROP DATABASE IF EXISTS `+pq.QuoteIdentifier(run)+` WITH (FORCE)`); err != nil {
		return err
	}
	if _, err := admin.ExecContext(ctx, `CREATE DATABASE `+pq.QuoteIdentifier(run)+` TEMPLATE `+pq.QuoteIdentifier(e.o.dbName)); err != nil {
		return err
	}
	e.dbURL, err = withDatabase(e.o.server, run)
	return err
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
	return fmt.Errorf("the registry did not become ready; see %s", logFile.Name())
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
