package main

import (
	"bytes"
	"context"
	crand "crypto/rand"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/lib/pq"

	"github.com/chengyu-collab/registry/bench/gen"
	"github.com/chengyu-collab/registry/internal/postgres"
	"github.com/chengyu-collab/registry/internal/registry"
)

// depthCases are the pages of agreements in depth: the overdue milestones
// of a party, and the timeline of the agreement with the most events, each
// with its pgbench ceiling: the statements the store runs for it, the way
// it runs them.
func (e *env) depthCases() ([]benchCase, error) {
	get := func(path string) *http.Request {
		r, _ := http.NewRequest("GET", e.base+path, nil)
		return r
	}
	busy := gen.ID(e.o.seed, "agr", gen.BusyAgreement)
	_, _, orgID := postgres.ReadStatements()
	_, agrByID := postgres.ReadFormStatements()

	// The milestones: resolve the party, then the page, prepared as the
	// store runs a party's page.
	const party = "00000000-0000-0000-0000-000000000000" // a placeholder for the resolved id
	st, args, err := postgres.MilestoneList(registry.MilestoneFilter{Party: party, Overdue: true,
		Today: registry.TodayCST(time.Now()), Limit: 50}, party)
	if err != nil {
		return nil, err
	}
	var mb scriptBuilder
	mb.line(fmt.Sprintf(`\set o random(1, %d)`, topOrgs))
	mb.run(orgID, "party_", `'bench-org-' || lpad(:o::text, 4, '0')`)
	vals := make([]string, len(args))
	for i, a := range args {
		if a == party {
			vals[i] = ":party_id"
			continue
		}
		if vals[i], err = mb.constant(fmt.Sprintf("milestones_%d", i+1), a); err != nil {
			return nil, err
		}
	}
	mb.run(st, "", vals...)

	// The timeline: the agreement's read form (it must exist), then the
	// first page, both prepared.
	var tb scriptBuilder
	tb.run(agrByID, "", pq.QuoteLiteral(busy))
	tb.run(postgres.TimelineFirstStatement(), "", pq.QuoteLiteral(busy), "51")

	return []benchCase{
		{name: "GET /v1/milestones?party=…&overdue=true&limit=50", kind: "page", want: http.StatusOK, pgScript: mb.script(),
			next: func(rnd *rand.Rand, _, _ int) *http.Request {
				return get("/v1/milestones?party=" + gen.OrgCode(1+rnd.IntN(topOrgs)) + "&overdue=true&limit=50")
			}},
		{name: fmt.Sprintf("GET /v1/agreements/{id}/timeline?limit=50 (%d milestones)", e.sizes.Busy), kind: "page", want: http.StatusOK,
			pgScript: tb.script(),
			next:     func(*rand.Rand, int, int) *http.Request { return get("/v1/agreements/" + busy + "/timeline?limit=50") }},
	}, nil
}

// uploadTargets are the targets of the upload case: the server's peak
// memory within 64 MiB of idle, and every transfer answered.
func (e *env) uploadTargets() []target {
	u := e.upload
	if u == nil {
		return nil
	}
	grow := u.peak - u.idle
	return []target{
		{fmt.Sprintf("%d concurrent %d MiB uploads and downloads: peak RSS within 64 MiB of idle", uploadFiles, uploadSize>>20),
			fmt.Sprintf("+%.1f MiB", grow), grow <= 64},
		{"uploads and downloads: no errors", fmt.Sprintf("%d / %d", u.upErrors, u.downErrors), u.upErrors == 0 && u.downErrors == 0},
	}
}

// uploadFiles and uploadSize are the upload case: that many files of that
// size at once.
const (
	uploadFiles = 8
	uploadSize  = 25 << 20
)

// uploadResult is what the upload case measured.
type uploadResult struct {
	idle, peak           float64 // server RSS in MiB
	upMBs, downMBs       float64
	cpMBs                float64
	upP50, upP99         time.Duration
	downP50, downP99     time.Duration
	upErrors, downErrors int
}

// uploads sends uploadFiles files of uploadSize at once to the busiest
// agreement (with Idempotency-Key), then downloads them at once, watching
// the server's memory; `cp` of the same bytes on the same disk as the blob
// store is the ceiling.
func (e *env) uploads(ctx context.Context) (uploadResult, error) {
	var out uploadResult
	step("%d concurrent uploads of %d MiB", uploadFiles, uploadSize>>20)
	body := make([]byte, uploadSize)
	_, _ = crand.Read(body)
	copy(body, "%PDF-1.7\n")
	src := filepath.Join(e.workdir, "upload.pdf")
	if err := os.WriteFile(src, body, 0o644); err != nil {
		return out, err
	}
	// The ceiling: cp of the same bytes, as many at once, on the disk of the blob store.
	start := time.Now()
	var wg sync.WaitGroup
	var cpErr error
	var mu sync.Mutex
	for i := 0; i < uploadFiles; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if out, err := exec.CommandContext(ctx, "cp", src, filepath.Join(e.workdir, fmt.Sprintf("cp-%d.pdf", i))).CombinedOutput(); err != nil {
				mu.Lock()
				cpErr = fmt.Errorf("cp: %v %s", err, out)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if cpErr != nil {
		return out, cpErr
	}
	out.cpMBs = float64(uploadFiles*uploadSize) / (1 << 20) / time.Since(start).Seconds()
	runtime.GC()
	time.Sleep(2 * time.Second)
	out.idle, _ = e.memory()
	e.resetPeak()

	ids := make([]string, uploadFiles)
	stamp := time.Now().UnixNano()
	upTimes, upErr := e.concurrently(uploadFiles, func(i int) error {
		r, _ := http.NewRequestWithContext(ctx, "POST", e.base+"/v1/agreements/"+gen.ID(e.o.seed, "agr", gen.BusyAgreement)+
			"/files?kind=report", bytes.NewReader(body))
		r.Header.Set("Content-Type", "application/pdf")
		r.Header.Set("Authorization", "Bearer "+e.key)
		r.Header.Set("Idempotency-Key", fmt.Sprintf("bench-upload-%d-%d", stamp, i))
		resp, err := http.DefaultClient.Do(r)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		loc := resp.Header.Get("Location")
		if resp.StatusCode != http.StatusCreated || loc == "" {
			b, _ := io.ReadAll(resp.Body)
			return fmt.Errorf("upload: %d %s", resp.StatusCode, b)
		}
		ids[i] = loc
		return nil
	})
	out.upErrors = len(upErr)
	out.upMBs = mbs(upTimes)
	out.upP50, out.upP99 = pct(upTimes, 0.5), pct(upTimes, 0.99)
	downTimes, downErr := e.concurrently(uploadFiles, func(i int) error {
		if ids[i] == "" {
			return fmt.Errorf("no upload %d", i)
		}
		resp, err := http.Get(e.base + ids[i] + "/content")
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		n, err := io.Copy(io.Discard, resp.Body)
		if err != nil || resp.StatusCode != 200 || n != uploadSize {
			return fmt.Errorf("download: %d, %d bytes, %v", resp.StatusCode, n, err)
		}
		return nil
	})
	_, out.peak = e.memory()
	out.downErrors = len(downErr)
	out.downMBs = mbs(downTimes)
	out.downP50, out.downP99 = pct(downTimes, 0.5), pct(downTimes, 0.99)
	for _, err := range append(upErr, downErr...) {
		step("  error: %v", err)
	}
	step("  upload %.0f MiB/s (p50 %s, p99 %s, %d errors), download %.0f MiB/s (p50 %s, p99 %s, %d errors); cp %.0f MiB/s; server RSS idle %.1f MiB, peak %.1f MiB (+%.1f, target ≤ 64)",
		out.upMBs, ms(out.upP50), ms(out.upP99), out.upErrors, out.downMBs, ms(out.downP50), ms(out.downP99), out.downErrors,
		out.cpMBs, out.idle, out.peak, out.peak-out.idle)
	return out, nil
}

// timed is how long one of a batch of transfers took, with the batch's
// wall time.
type timed struct{ each, wall time.Duration }

// concurrently runs fn(0…n-1) at once and returns each one's time and the errors.
func (e *env) concurrently(n int, fn func(i int) error) (timed2 []timed, errs []error) {
	var wg sync.WaitGroup
	var mu sync.Mutex
	start := time.Now()
	each := make([]time.Duration, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t := time.Now()
			err := fn(i)
			each[i] = time.Since(t)
			if err != nil {
				mu.Lock()
				errs = append(errs, err)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	wall := time.Since(start)
	for _, d := range each {
		timed2 = append(timed2, timed{each: d, wall: wall})
	}
	return timed2, errs
}

// mbs is the MiB per second of a batch of uploadSize transfers.
func mbs(t []timed) float64 {
	if len(t) == 0 || t[0].wall == 0 {
		return 0
	}
	return float64(len(t)*uploadSize) / (1 << 20) / t[0].wall.Seconds()
}

// pct is the p-th percentile of the transfers' times (nearest rank).
func pct(t []timed, p float64) time.Duration {
	if len(t) == 0 {
		return 0
	}
	d := make([]time.Duration, len(t))
	for i, x := range t {
		d[i] = x.each
	}
	slices.Sort(d)
	i := int(p*float64(len(d))+0.999999) - 1
	return d[max(0, min(i, len(d)-1))]
}
