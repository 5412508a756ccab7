package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/chengyu-collab/registry/bench/gen"
	"github.com/chengyu-collab/registry/bench/load"
	"github.com/chengyu-collab/registry/bench/wrk"
)

// runCases runs every case: pgbench, the load, pgbench again; then the
// uploads and the exports.
func (e *env) runCases(ctx context.Context) ([]caseResult, error) {
	cases, err := e.cases(ctx)
	if err != nil {
		return nil, err
	}
	var out []caseResult
	for _, c := range cases {
		if !e.o.only.MatchString(c.name) {
			continue
		}
		step("%s", c.name)
		if ok, err := e.supports(ctx, c); err != nil || !ok {
			if err != nil {
				return nil, err
			}
			continue
		}
		if c.kind == "console" {
			r, err := e.runPage(ctx, c)
			if err != nil {
				return nil, err
			}
			out = append(out, r)
			continue
		}
		r := caseResult{benchCase: c}
		hasCeiling := len(c.pgScript.files) > 0
		if hasCeiling {
			before, err := e.pgbench(ctx, c.name, c.pgScript)
			if err != nil {
				return nil, err
			}
			r.tpsBefore = before.tps
		}
		e.resetPeak()
		if r.load, err = e.drive(ctx, c.name, c.next, c.want); err != nil {
			return nil, err
		}
		_, r.peakRSS = e.memory()
		if hasCeiling {
			after, err := e.pgbench(ctx, c.name, c.pgScript)
			if err != nil {
				return nil, err
			}
			r.tpsAfter, r.pgP50, r.pgP99 = after.tps, after.p50, after.p99
		}
		step("  %.0f req/s (status %d), p50 %s, p99 %s, %d errors %s %s; pgbench %.0f / %.0f tps (p50 %s, p99 %s); peak RSS %.1f MiB",
			r.load.RPS(), c.want, ms(r.load.P50), ms(r.load.P99), r.load.Errors, r.load.ErrorSummary(), r.load.FirstError,
			r.tpsBefore, r.tpsAfter, ms(r.pgP50), ms(r.pgP99), r.peakRSS)
		out = append(out, r)
	}
	if e.o.only.MatchString("uploads") {
		if e.probe(ctx, "uploads", "/v1/agreements/"+gen.ID(e.o.seed, "agr", gen.BusyAgreement)+"/files", http.StatusOK) {
			up, err := e.uploads(ctx)
			if err != nil {
				return nil, err
			}
			e.upload = &up
		}
	}
	if e.o.only.MatchString(csvExportName) {
		exp, err := e.export(ctx)
		if err != nil {
			return nil, err
		}
		if exp.exportRows >= 0 {
			out = append(out, exp)
		}
	}
	for _, x := range []struct{ name, path, kind string }{
		{xlsxExportName, "/v1/joint-actions?from=2023-01-01&to=2023-12-31&format=xlsx&lang=zh", "xlsx"},
		{"GET /v1/reports/annual?organization=<most active>&year=2023", "/v1/reports/annual?organization=" + gen.OrgCode(1) + "&year=2023&lang=zh", "report"},
	} {
		if !e.o.only.MatchString(x.name) {
			continue
		}
		r, err := e.exportWorkbook(ctx, x.name, x.path, x.kind)
		if err != nil {
			return nil, err
		}
		if r.exportRows >= 0 {
			out = append(out, r)
		}
	}
	return out, nil
}

// requestsPerCase is how many requests of a case wrk sends in turn: enough
// that no record, organisation or cursor is asked for often.
const requestsPerCase = 20000

// drive puts a case under load for the run's duration with the run's
// client: wrk, through requestsPerCase requests drawn from next in advance,
// or, for a write or with -client go, bench/load calling next as it goes.
func (e *env) drive(ctx context.Context, name string, next func(rnd *rand.Rand, w, i int) *http.Request, want int) (load.Result, error) {
	rngs := make([]*rand.Rand, e.o.conns)
	for i := range rngs {
		rngs[i] = rand.New(rand.NewPCG(uint64(e.o.seed), uint64(i)))
	}
	if first := next(rand.New(rand.NewPCG(uint64(e.o.seed), 0)), 0, 0); e.o.client == "wrk" && first.Method == http.MethodGet && want == http.StatusOK {
		reqs := make([]*http.Request, requestsPerCase)
		for i := range reqs {
			w := i % e.o.conns
			reqs[i] = next(rngs[w], w, i/e.o.conns)
		}
		// A warm-up first, not measured: the first requests on each pooled
		// connection build PostgreSQL's caches of the tables they touch and
		// plan their statements, a one-time cost that showed as a p99 of
		// 105 ms against 21 ms warm (overdue milestones, scale 0.1).
		if e.o.warmup > 0 {
			if _, _, err := wrk.Run(ctx, wrk.Options{Base: e.base, Conns: e.o.conns, Threads: runtime.NumCPU(), Duration: e.o.warmup,
				Requests: reqs, Dir: e.workdir, Name: fileName(name) + "_warmup"}); err != nil {
				return load.Result{}, fmt.Errorf("%s: warm-up: %w", name, err)
			}
		}
		res, _, err := wrk.Run(ctx, wrk.Options{Base: e.base, Conns: e.o.conns, Threads: runtime.NumCPU(), Duration: e.o.duration,
			Requests: reqs, Dir: e.workdir, Name: fileName(name)})
		return res, err
	}
	return load.Run(ctx, e.o.conns, e.o.duration, func(w, i int) (*http.Request, int) {
		return next(rngs[w], w, i), want
	}), nil
}

// fileName makes a file name of a case's name.
func fileName(name string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return '_'
	}, strings.ToLower(name))
}

// supports tells whether the serving binary can run a case: a binary other
// than the current tree's (-binary, -before) may lack the route, which
// its first request then shows (any answer but the expected one). A write
// is not probed: it would change the data.
func (e *env) supports(ctx context.Context, c benchCase) (bool, error) {
	if e.serving == e.current || c.kind == "post" {
		return true, nil
	}
	reqs := []*http.Request{c.next(rand.New(rand.NewPCG(uint64(e.o.seed), 0)), 0, 0)}
	if c.json != nil {
		reqs = append(reqs, c.json(rand.New(rand.NewPCG(uint64(e.o.seed), 0))))
	}
	for _, r := range reqs {
		if !e.probe(ctx, c.name, r.URL.RequestURI(), c.want) {
			return false, nil
		}
	}
	return true, nil
}

// probe asks the serving binary for path once, if it is not the current
// tree's, and notes the case as skipped unless it answers want.
func (e *env) probe(ctx context.Context, name, path string, want int) bool {
	if e.serving == e.current {
		return true
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, e.base+path, nil)
	if err != nil {
		return false
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		e.skip(name, err.Error())
		return false
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != want {
		e.skip(name, fmt.Sprintf("GET %s answers %d, not %d", path, resp.StatusCode, want))
		return false
	}
	return true
}

func (e *env) skip(name, why string) {
	step("  skipped: this binary cannot: %s", why)
	e.skipped = append(e.skipped, name+": "+why)
}

// runPage measures a console page: first the JSON endpoint it shows, then
// the page, each under the same load, then the bytes of the page's first
// load.
func (e *env) runPage(ctx context.Context, c benchCase) (caseResult, error) {
	r := caseResult{benchCase: c}
	var err error
	if r.jsonLoad, err = e.drive(ctx, c.name+" JSON", func(rnd *rand.Rand, _, _ int) *http.Request { return c.json(rnd) }, c.want); err != nil {
		return r, err
	}
	if c.jsonSet != nil {
		// Request i of a worker is member i mod k of the set of record
		// i div k, so that each set's requests go out one after another.
		k := len(c.jsonSet(rand.New(rand.NewPCG(uint64(e.o.seed), 0))))
		r.setSize = k
		if r.setLoad, err = e.drive(ctx, c.name+" JSON set", func(_ *rand.Rand, w, i int) *http.Request {
			rnd := rand.New(rand.NewPCG(uint64(e.o.seed), uint64(w)<<32|uint64(i/k)))
			return c.jsonSet(rnd)[i%k]
		}, c.want); err != nil {
			return r, err
		}
	}
	e.resetPeak()
	if r.load, err = e.drive(ctx, c.name, c.next, c.want); err != nil {
		return r, err
	}
	_, r.peakRSS = e.memory()
	if r.firstLoad, err = e.firstLoad(ctx, c.next(rand.New(rand.NewPCG(uint64(e.o.seed), 0)), 0, 0)); err != nil {
		return r, fmt.Errorf("%s: %w", c.name, err)
	}
	step("  page %.0f req/s, p50 %s, p99 %s, %d errors %s; JSON %.0f req/s (%d errors); page ÷ JSON %.2f; first load %d bytes",
		r.load.RPS(), ms(r.load.P50), ms(r.load.P99), r.load.Errors, r.load.ErrorSummary(), r.jsonLoad.RPS(), r.jsonLoad.Errors,
		r.pageRatio(), r.firstLoad)
	return r, nil
}

// assetRef finds the stylesheets and scripts a page pulls.
var assetRef = regexp.MustCompile(`<(?:link[^>]*rel="stylesheet"[^>]*href|script[^>]*src)="([^"]+)"`)

// firstLoad is the bytes a browser with an empty cache fetches for a page:
// the HTML and every stylesheet and script it names, without compression.
func (e *env) firstLoad(ctx context.Context, page *http.Request) (int64, error) {
	fetch := func(r *http.Request) ([]byte, error) {
		r = r.WithContext(ctx)
		r.Header.Set("Accept-Encoding", "identity")
		resp, err := http.DefaultClient.Do(r)
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return nil, fmt.Errorf("GET %s: status %d", r.URL, resp.StatusCode)
		}
		return io.ReadAll(resp.Body)
	}
	html, err := fetch(page)
	if err != nil {
		return 0, err
	}
	total := int64(len(html))
	for _, m := range assetRef.FindAllSubmatch(html, -1) {
		u, err := page.URL.Parse(strings.ReplaceAll(string(m[1]), "&amp;", "&"))
		if err != nil {
			return 0, err
		}
		r, _ := http.NewRequest("GET", u.String(), nil)
		b, err := fetch(r)
		if err != nil {
			return 0, err
		}
		total += int64(len(b))
	}
	return total, nil
}

// exportWorkbook fetches an Excel workbook once, watching the server's
// memory while it builds and sends it, and counts the rows below the
// heading of every sheet (the summary sheet of a report included).
func (e *env) exportWorkbook(ctx context.Context, name, path, kind string) (r caseResult, err error) {
	r = caseResult{benchCase: benchCase{name: name, kind: kind}}
	step("%s", r.name)
	if !e.probe(ctx, name, path, http.StatusOK) {
		r.exportRows = -1
		return r, nil
	}
	if kind == "xlsx" {
		if r.copyRows, r.copyBefore, err = e.copyRate(ctx); err != nil {
			return r, err
		}
	}
	runtime.GC()
	time.Sleep(2 * time.Second) // let the server settle after the last case
	r.exportIdle, _ = e.memory()
	e.resetPeak()
	start := time.Now()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, e.base+path, nil)
	if err != nil {
		return r, err
	}
	if kind == "xlsx" {
		defer func() {
			if err == nil {
				_, r.copyAfter, err = e.copyRate(ctx)
			}
		}()
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return r, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return r, fmt.Errorf("%s: status %d, want 200", r.name, resp.StatusCode)
	}
	tmp, err := os.CreateTemp("", "bench-export-*.xlsx")
	if err != nil {
		return r, err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	bytes, err := io.Copy(tmp, resp.Body)
	if err != nil {
		return r, err
	}
	elapsed := time.Since(start)
	_, r.exportPeak = e.memory()
	r.peakRSS = r.exportPeak
	f, err := excelize.OpenFile(tmp.Name())
	if err != nil {
		return r, fmt.Errorf("%s: the workbook does not open: %w", r.name, err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, err := f.Rows(sheet)
		if err != nil {
			return r, err
		}
		for rows.Next() {
			r.exportRows++
		}
		r.exportRows-- // the heading
		_ = rows.Close()
	}
	r.load = load.Result{Requests: 1, Elapsed: elapsed, P50: elapsed, P99: elapsed, Bytes: bytes}
	step("  %d rows, %.1f MiB in %s (%.0f rows/s); RSS idle %.1f MiB, peak %.1f MiB (+%.1f MiB)", r.exportRows,
		float64(bytes)/(1<<20), elapsed.Round(time.Millisecond), float64(r.exportRows)/elapsed.Seconds(),
		r.exportIdle, r.exportPeak, r.exportPeak-r.exportIdle)
	return r, nil // the COPY after runs in the deferred function
}

// export streams the joint actions of 2023 as CSV once and watches the
// server's memory while it does.
func (e *env) export(ctx context.Context) (caseResult, error) {
	r := caseResult{benchCase: benchCase{name: csvExportName, kind: "csv"}}
	step("%s", r.name)
	const path = "/v1/joint-actions?from=2023-01-01&to=2023-12-31&format=csv"
	if !e.probe(ctx, r.name, path, http.StatusOK) {
		r.exportRows = -1
		return r, nil
	}
	var err error
	if r.copyRows, r.copyBefore, err = e.copyRate(ctx); err != nil {
		return r, err
	}
	runtime.GC()
	time.Sleep(2 * time.Second) // let the server settle after the last load
	r.exportIdle, _ = e.memory()
	e.resetPeak()
	start := time.Now()
	resp, err := http.Get(e.base + path)
	if err != nil {
		return r, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return r, fmt.Errorf("%s: status %d, want 200", r.name, resp.StatusCode)
	}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var bytes int64
	for sc.Scan() {
		r.exportRows++
		bytes += int64(len(sc.Bytes()) + 1)
	}
	if err := sc.Err(); err != nil && err != io.EOF {
		return r, err
	}
	r.exportRows-- // the header
	elapsed := time.Since(start)
	_, r.exportPeak = e.memory()
	r.peakRSS = r.exportPeak
	r.load = load.Result{Requests: 1, Elapsed: elapsed, P50: elapsed, P99: elapsed, Bytes: bytes}
	if _, r.copyAfter, err = e.copyRate(ctx); err != nil {
		return r, err
	}
	step("  %d rows, %.1f MiB in %s (%.0f rows/s); RSS idle %.1f MiB, peak %.1f MiB; COPY %d rows, %.0f / %.0f rows/s; export ÷ COPY %.2f",
		r.exportRows, float64(bytes)/(1<<20), elapsed.Round(time.Millisecond), float64(r.exportRows)/elapsed.Seconds(),
		r.exportIdle, r.exportPeak, r.copyRows, r.copyBefore, r.copyAfter, r.copyRatio())
	return r, nil
}

func ms(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000) }

// report prints the tables and the targets of every suite, then, with
// several scales, how each case's cost grows, and, with -before, the
// before/after table; and keeps them in a file.
func report(o options, suites []*env) error {
	var b strings.Builder
	host, _ := os.Hostname()
	fmt.Fprintf(&b, "Registry load benchmark, %s, on %s (%d cores, %s).\n\n", time.Now().UTC().Format("2006-01-02"), host,
		runtime.NumCPU(), cpuModel())
	for _, e := range suites {
		if len(suites) > 1 {
			title := fmt.Sprintf("Scale %g", e.scale)
			if e.label != "" {
				title = fmt.Sprintf("%s: %s", strings.ToUpper(e.label[:1])+e.label[1:], e.serving)
			}
			fmt.Fprintf(&b, "## %s\n\n", title)
		}
		e.report(&b)
	}
	if len(suites) > 1 && suites[0].label == "" {
		scaleTable(&b, suites)
	}
	if len(suites) == 2 && suites[0].label == "before" {
		compareTable(&b, suites[0], suites[1])
	}
	fmt.Print(b.String())
	if err := os.MkdirAll(o.out, 0o755); err != nil {
		return err
	}
	name := map[bool]string{false: "latest", true: "latest-short"}[o.short]
	if o.before != "" {
		name = strings.Replace(name, "latest", "compare", 1)
	}
	return os.WriteFile(filepath.Join(o.out, name+".md"), []byte(b.String()), 0o644)
}

// report writes the tables and targets of one suite.
func (e *env) report(w *strings.Builder) {
	b := w
	loaded := "reused the loaded data set"
	if e.loaded > 0 {
		loaded = fmt.Sprintf("generated the data set and wrote its read forms in %s", e.loaded.Round(time.Second))
	}
	fmt.Fprintf(b, "%s data set at scale %g (seed %d): %d organisations, %d agreements, %d consultations, %d joint actions; registry binary %s; %d HTTP connections, the GET cases from %s, the writes, uploads and exports from the benchmark's own Go client (bench/load); the registry's pool %d connections and pgbench %d clients, the registry logging at level %s; %s a run, pgbench %s before and after each run, on a fresh copy of the loaded database. The suite %s and took %s in all.\n\n",
		map[bool]string{false: "Full", true: "Short"}[e.o.short], e.scale, e.o.seed, e.sizes.Organizations, e.sizes.Agreements,
		e.sizes.Consultations, e.sizes.JointActions, e.binaryNote(), e.o.conns, e.client, e.o.pool, e.o.pool, e.o.logLevel,
		e.o.duration, e.o.pgbench, loaded, e.elapsed.Round(time.Second))
	fmt.Fprintln(b, "Only answers with the status a case expects count as requests (req/s, p50, p99): with the Go client any other status, with wrk any answer outside 2xx and 3xx, and every transport or socket error is an error, and a case with errors is flagged ⚠ with a missed target of its own. pgbench runs the statements the store runs, the way the store runs them (mode: prepared when the store prepares all of them; extended otherwise, where pgbench runs those the store prepares unnamed too, as the mode column says). An export's ceiling is psql's COPY (SELECT …) TO STDOUT of the same rows, undecoded, right before and after it.")
	fmt.Fprintln(b)
	fmt.Fprintln(b, "| case | expected status | req/s | p50 | p99 | errors | pgbench mode | pgbench tps (before / after; its p50, p99 after) | endpoint ÷ pgbench | server peak RSS |")
	fmt.Fprintln(b, "| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |")
	for _, r := range e.results {
		if r.kind == "console" {
			continue
		}
		if r.isExport() {
			ceiling, ratio := "", ""
			if r.copyRows > 0 {
				ceiling = fmt.Sprintf("COPY %d rows: %.0f / %.0f rows/s", r.copyRows, r.copyBefore, r.copyAfter)
				ratio = fmt.Sprintf("%.2f of COPY", r.copyRatio())
			}
			fmt.Fprintf(b, "| %s | 200 | %d rows in %s (%.0f rows/s) | | | 0 | %s | | %s | %.1f MiB (idle %.1f, +%.1f) |\n", r.name, r.exportRows,
				r.load.Elapsed.Round(time.Millisecond), r.exportRate(), ceiling, ratio, r.exportPeak, r.exportIdle,
				r.exportPeak-r.exportIdle)
			continue
		}
		fmt.Fprintf(b, "| %s | %d | %.0f | %s | %s | %s | %s | %.0f / %.0f (p50 %s, p99 %s) | %.2f | %.1f MiB |\n", r.name, r.want, r.load.RPS(),
			ms(r.load.P50), ms(r.load.P99), errorCell(r.load), r.modeNote(), r.tpsBefore, r.tpsAfter, ms(r.pgP50), ms(r.pgP99), r.ratio(), r.peakRSS)
	}
	if u := e.upload; u != nil {
		fmt.Fprintf(b, "| %d concurrent uploads of %d MiB (Idempotency-Key) | 201 | %.0f MiB/s (cp %.0f MiB/s) | %s | %s | %d | | | | %.1f MiB (idle %.1f, +%.1f; target +64) |\n",
			uploadFiles, uploadSize>>20, u.upMBs, u.cpMBs, ms(u.upP50), ms(u.upP99), u.upErrors, u.peak, u.idle, u.peak-u.idle)
		fmt.Fprintf(b, "| … their %d downloads at once | 200 | %.0f MiB/s (cp %.0f MiB/s) | %s | %s | %d | | | | |\n",
			uploadFiles, u.downMBs, u.cpMBs, ms(u.downP50), ms(u.downP99), u.downErrors)
	}
	fmt.Fprintln(b)
	if slices.ContainsFunc(e.results, func(r caseResult) bool { return r.kind == "console" }) {
		fmt.Fprintln(b, "The console's pages, each measured right after the JSON endpoint it shows (same filter or record, same connections); the first load is the page's HTML with every stylesheet and script it names, uncompressed:")
		fmt.Fprintln(b)
		fmt.Fprintln(b, "| page | req/s | p50 | p99 | errors | JSON endpoint req/s | page ÷ JSON | JSON requests showing the same: sets/s (requests per set) | page ÷ sets | first load |")
		fmt.Fprintln(b, "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
		for _, r := range e.results {
			if r.kind == "console" {
				set, setRatio := "—", "—"
				if r.setSize > 0 {
					set, setRatio = fmt.Sprintf("%.0f (%d)", r.setLoad.RPS()/float64(r.setSize), r.setSize), fmt.Sprintf("%.2f", r.setRatio())
				}
				fmt.Fprintf(b, "| %s | %.0f | %s | %s | %s | %.0f | %.2f | %s | %s | %.1f KB |\n", r.name, r.load.RPS(), ms(r.load.P50), ms(r.load.P99),
					errorCell(r.load), r.jsonLoad.RPS(), r.pageRatio(), set, setRatio, float64(r.firstLoad)/1000)
			}
		}
		fmt.Fprintln(b)
	}
	if len(e.skipped) > 0 {
		fmt.Fprintln(b, "Skipped, as this binary cannot run them:")
		for _, s := range e.skipped {
			fmt.Fprintf(b, "- %s\n", s)
		}
		fmt.Fprintln(b)
	}
	fmt.Fprintln(b, "Targets:")
	for _, t := range append(targets(e.results), e.uploadTargets()...) {
		writeTarget(b, t)
	}
	fmt.Fprintln(b)
}

// binaryNote names the binary measured.
func (e *env) binaryNote() string {
	if e.serving == e.current {
		return "built from this tree"
	}
	return e.serving
}

func writeTarget(b *strings.Builder, t target) {
	mark := "met"
	if !t.met {
		mark = "MISSED"
	}
	fmt.Fprintf(b, "- %s: %s — %s\n", t.name, t.value, mark)
}

// isExport tells the one-request export cases.
func (r caseResult) isExport() bool { return r.kind == "csv" || r.kind == "xlsx" || r.kind == "report" }

// exportRate is an export's rows per second.
func (r caseResult) exportRate() float64 {
	if r.load.Elapsed <= 0 {
		return 0
	}
	return float64(r.exportRows) / r.load.Elapsed.Seconds()
}

// errorCell is the errors column: 0, or the count flagged with its kinds.
func errorCell(r load.Result) string {
	if r.Errors == 0 {
		return "0"
	}
	return fmt.Sprintf("⚠ %d (%s)", r.Errors, r.ErrorSummary())
}

type target struct {
	name, value string
	met         bool
}

// targets checks the figures against the goals of the benchmark issue.
func targets(results []caseResult) []target {
	var out []target
	var page1, pageN *caseResult
	maxRSS := 0.0
	for i := range results {
		r := &results[i]
		maxRSS = max(maxRSS, r.peakRSS)
		p99 := float64(r.load.P99.Microseconds()) / 1000
		if r.load.Errors > 0 {
			out = append(out, target{r.name + ": every answer " + strconv.Itoa(r.want),
				fmt.Sprintf("%d errors (%s), first: %s", r.load.Errors, r.load.ErrorSummary(), r.load.FirstError), false})
		}
		switch {
		case r.kind == "id":
			p50 := float64(r.load.P50.Microseconds()) / 1000
			out = append(out, target{r.name + ": ≥ 0.5 of pgbench reading the read-form row, p99 ≤ 3× p50",
				fmt.Sprintf("%.2f, p99 %.1f ms = %.1f× p50 (pgbench's own: p99 %s = %.1f× its p50 %s)", r.ratio(), p99, p99/max(p50, 0.001),
					ms(r.pgP99), float64(r.pgP99)/float64(max(r.pgP50, time.Microsecond)), ms(r.pgP50)), r.ratio() >= 0.5 && p99 <= 3*p50})
		case r.kind == "list":
			out = append(out, target{r.name + ": ≥ 0.5 of pgbench reading the same read-form rows by the same index",
				fmt.Sprintf("%.2f", r.ratio()), r.ratio() >= 0.5})
		case r.kind == "page":
			out = append(out, target{r.name + ": p99 ≤ 50 ms", fmt.Sprintf("%.1f ms", p99), p99 <= 50})
		case r.kind == "stats":
			out = append(out, target{r.name + ": p99 ≤ 50 ms", fmt.Sprintf("%.1f ms", p99), p99 <= 50})
		case r.kind == "console":
			if r.jsonLoad.Errors > 0 {
				out = append(out, target{r.name + ": the JSON endpoint it shows, every answer 200",
					fmt.Sprintf("%d errors (%s), first: %s", r.jsonLoad.Errors, r.jsonLoad.ErrorSummary(), r.jsonLoad.FirstError), false})
			}
			// A page that shows more than its record (a detail page) is
			// judged against the JSON requests that show the same; its
			// ratio to the record's one GET stays in the table.
			if r.setSize == 0 {
				out = append(out, target{r.name + ": within 2× of the JSON endpoint's req/s (page ÷ JSON ≥ 0.5)",
					fmt.Sprintf("%.2f", r.pageRatio()), r.pageRatio() >= 0.5})
			} else {
				out = append(out, target{fmt.Sprintf("%s: within 2× of the %d JSON requests that show what it shows (page ÷ sets ≥ 0.5)", r.name, r.setSize),
					fmt.Sprintf("%.2f", r.setRatio()), r.setRatio() >= 0.5})
				if r.setLoad.Errors > 0 {
					out = append(out, target{r.name + ": the JSON requests it is measured against, every answer 200",
						fmt.Sprintf("%d errors (%s), first: %s", r.setLoad.Errors, r.setLoad.ErrorSummary(), r.setLoad.FirstError), false})
				}
			}
			out = append(out, target{r.name + ": first load under 100 KB", fmt.Sprintf("%.1f KB", float64(r.firstLoad)/1000),
				r.firstLoad < 100_000})
		case r.kind == "post":
			out = append(out, target{r.name + ": ≥ 0.35 of pgbench", fmt.Sprintf("%.2f", r.ratio()), r.ratio() >= 0.35})
		case r.kind == "csv":
			grow := r.exportPeak - r.exportIdle
			out = append(out, target{"CSV export: peak RSS within 30 MiB of idle", fmt.Sprintf("+%.1f MiB", grow), grow <= 30})
			out = append(out, copyTarget(r))
		case r.kind == "xlsx":
			grow := r.exportPeak - r.exportIdle
			out = append(out, target{r.name + ": peak RSS within 40 MiB of idle", fmt.Sprintf("+%.1f MiB", grow), grow <= 40})
			out = append(out, copyTarget(r))
		case r.kind == "report":
			grow := r.exportPeak - r.exportIdle
			out = append(out, target{r.name + ": peak RSS within 40 MiB of idle", fmt.Sprintf("+%.1f MiB", grow), grow <= 40})
		}
		if r.cursor1 {
			page1 = r
		}
		if r.cursorN {
			pageN = r
		}
	}
	if page1 != nil && pageN != nil && page1.load.P50 > 0 {
		f := float64(pageN.load.P50) / float64(page1.load.P50)
		out = append(out, target{"deep page within 1.2× of page 1 (p50)", fmt.Sprintf("%.2f×", f), f <= 1.2})
	}
	out = append(out, target{"server peak RSS under load ≤ 100 MiB", fmt.Sprintf("%.1f MiB", maxRSS), maxRSS <= 100})
	return out
}

// copyTarget is an export's target against COPY of the same rows.
func copyTarget(r *caseResult) target {
	v := fmt.Sprintf("%.2f (%.0f rows/s against COPY's %.0f / %.0f)", r.copyRatio(), r.exportRate(), r.copyBefore, r.copyAfter)
	if r.copyRows != r.exportRows {
		v += fmt.Sprintf("; COPY wrote %d rows, the export %d", r.copyRows, r.exportRows)
	}
	return target{r.name + ": ≥ 0.5 of COPY", v, r.copyRatio() >= 0.5}
}

func cpuModel() string {
	b, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown CPU"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return "unknown CPU"
}
