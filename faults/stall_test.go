//go:build faults

package faults

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/lib/pq"
)

// stallFor is how long TestDatabaseStall keeps PostgreSQL paused.
const stallFor = 30 * time.Second

// TestDatabaseStall pauses PostgreSQL — the postmaster and every backend
// stopped with SIGSTOP, their connections left open: a frozen host, a
// storage stall, a partition without resets — for 30 s under a mixed load
// of 8 clients, with a pool of 4 connections (so that requests also queue
// for connections stuck on the silent server). With a short (2 s) and the
// default (10 s) request timeout:
//
//   - every request that needs the database answers within the request
//     timeout + 1 s, during the stall with a 503 problem and Retry-After;
//   - /readyz answers 503 within 3 s; /healthz stays under 50 ms;
//   - after SIGCONT the service serves reads and writes again within 2 s,
//     without a restart;
//   - no transaction the service abandoned stays open in PostgreSQL
//     (pg_stat_activity, pg_locks);
//   - no acknowledged write is lost, and every failed write retried with
//     its Idempotency-Key gives exactly one record.
func TestDatabaseStall(t *testing.T) {
	for _, timeout := range []time.Duration{2 * time.Second, 10 * time.Second} {
		t.Run("timeout="+timeout.String(), func(t *testing.T) { stallUnderLoad(t, timeout) })
	}
}

// stallRecord is one request of the stall test.
type stallRecord struct {
	client     string // "read", "write", "readyz", "healthz"
	start, end time.Time
	status     int
	retryAfter bool
	problem    bool
	err        error
}

func (r stallRecord) took() time.Duration { return r.end.Sub(r.start) }

// stallLog collects the records of every client.
type stallLog struct {
	mu      sync.Mutex
	records []stallRecord
}

func (l *stallLog) add(r stallRecord) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.records = append(l.records, r)
}

func (l *stallLog) all() []stallRecord {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]stallRecord(nil), l.records...)
}

// timed sends one request and records it. The request is never cut by the
// test: the end of the load lets those in flight finish.
func timed(c *client, log *stallLog, kind, method, url, key string, body any, header map[string]string) (answer, error) {
	start := time.Now()
	a, err := c.do(context.Background(), method, url, key, body, header)
	log.add(stallRecord{client: kind, start: start, end: time.Now(), status: a.status, err: err,
		retryAfter: a.header.Get("Retry-After") != "",
		problem:    strings.HasPrefix(a.header.Get("Content-Type"), "application/problem+json")})
	return a, err
}

func stallUnderLoad(t *testing.T, timeout time.Duration) {
	pg := newCluster(t)
	dbURL := pg.url("registry")
	env := map[string]string{"REGISTRY_DB_MAX_CONNS": "4"}
	if timeout != 10*time.Second { // 10 s is the default: leave it unset
		env["REGISTRY_REQUEST_TIMEOUT"] = timeout.String()
	}
	svc := startService(t, dbURL, env)
	admin := newKey(t, dbURL, "admin", "", "faults admin")
	c := newClient(time.Minute) // long enough to see a hang, not to cause one
	for _, code := range []string{"faults-a", "faults-b"} {
		c.must(t, 201, "POST", svc.base+"/v1/organizations", admin,
			map[string]any{"code": code, "kind": "other", "name_zh": "故障测试 " + code}, nil)
	}
	seeded := idOf(c.must(t, 201, "POST", svc.base+"/v1/agreements", admin, agreementBody("停顿测试 读取", "faults-a", "faults-b"), nil))
	db := pg.open("registry")
	db.SetMaxOpenConns(1)
	count(t, db, `SELECT 1`)

	log := &stallLog{}
	ledger := &outageLedger{statuses: map[int]int{}}
	ctx, stopLoad := context.WithCancel(context.Background())
	defer stopLoad()
	var load sync.WaitGroup
	for i := range 8 {
		load.Add(1)
		go func() {
			defer load.Done()
			stallClient(ctx, c, log, ledger, svc.base, admin, seeded, i)
		}()
	}
	for _, probe := range []string{"readyz", "healthz"} {
		load.Add(1)
		go func() {
			defer load.Done()
			for ctx.Err() == nil {
				_, _ = timed(c, log, probe, "GET", svc.base+"/"+probe, "", nil, nil)
				sleepCtx(ctx, 100*time.Millisecond)
			}
		}()
	}
	metrics := &poolWatch{}
	load.Add(1)
	go func() {
		defer load.Done()
		metrics.watch(ctx, c, svc.base)
	}()

	sleepCtx(ctx, 2*time.Second)
	inFlight := sessionsInTransaction(t, db)
	stopped := pg.pause(t)
	metrics.from(stopped)
	time.Sleep(stallFor)
	resumed := pg.resume(t)
	metrics.until(resumed)
	pgAccepts := make(chan time.Duration, 1) // how long PostgreSQL itself takes to take a new connection
	go func() {
		fresh := pg.open("registry")
		if err := fresh.Ping(); err != nil {
			t.Errorf("a new connection after SIGCONT: %v", err)
		}
		pgAccepts <- time.Since(resumed)
	}()
	atWake, cleared := abandonedTransactions(t, db, inFlight, resumed, 3*timeout+2*time.Second)
	recovery := max(timeToFirstRead(t, c, svc.base, resumed), timeToFirstWrite(t, c, svc.base, admin, resumed))
	pgBack := <-pgAccepts
	sleepCtx(ctx, 2*time.Second)
	stopLoad()
	load.Wait()

	if n := count(t, db, `SELECT count(*) FROM pg_stat_activity a WHERE a.datname = 'registry'
		AND a.pid <> pg_backend_pid() AND a.backend_type = 'client backend'
		AND (a.xact_start IS NOT NULL OR a.state <> 'idle' OR EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid))`); n != 0 {
		t.Errorf("%d sessions of the service in a transaction or holding locks once the load stopped", n)
	}
	replayed := retryFailedWrites(t, c, svc.base, admin, ledger)
	lost := verifyOutageWrites(t, db, ledger, "stall-w")

	f := checkStallRecords(t, log.all(), stopped, resumed, timeout)
	if recovery > 2*time.Second {
		t.Errorf("reads and writes served again %v after SIGCONT, want ≤ 2s", recovery)
	}
	if metrics.waits() == 0 || metrics.maxInUse < 4 {
		t.Errorf("the pool was not exhausted during the stall: %d waits, at most %d of 4 connections in use",
			metrics.waits(), metrics.maxInUse)
	}
	for _, msg := range ledger.wrong {
		t.Error(msg)
	}
	t.Logf("stall of %v, request timeout %v: %d database requests during it, all 503 in ≤ %.2fs; database requests overall: %v; "+
		"/readyz during it ≤ %.2fs; /healthz max %.1f ms; pool: %d waits, %d of 4 in use at most; served %.2fs after SIGCONT (a new connection of the test's own: %.2fs); "+
		"%d sessions of the service in a transaction at the stop, %d still in it (or in a statement from before) at wake, none %.2fs after it; writes: %d acknowledged, %d failed and retried (%d replays)",
		stallFor, timeout, f.during, f.slowestDuring.Seconds(), f.statuses, f.readyzSlowest.Seconds(), ms(f.healthzMax),
		metrics.waits(), metrics.maxInUse, recovery.Seconds(), pgBack.Seconds(), len(inFlight), atWake, cleared.Seconds(), len(ledger.acked), len(ledger.failed), replayed)
	t.Logf("FAULTS stall timeout_seconds=%.0f stall_seconds=%.0f db_requests=%d answered_503_during=%d slowest_db_seconds=%.2f readyz_slowest_seconds=%.2f healthz_max_ms=%.1f pool_waits=%d recovery_seconds=%.2f pg_new_conn_seconds=%.2f tx_at_stop=%d tx_at_wake=%d tx_cleared_seconds=%.2f acknowledged=%d lost=%d failed_and_retried=%d duplicates=0",
		timeout.Seconds(), stallFor.Seconds(), f.dbRequests, f.during, f.slowest.Seconds(), f.readyzSlowest.Seconds(), ms(f.healthzMax),
		metrics.waits(), recovery.Seconds(), pgBack.Seconds(), len(inFlight), atWake, cleared.Seconds(), len(ledger.acked), lost, len(ledger.failed))
}

// stallClient is one of the 8 clients: reads of a list and of a record,
// and creates of agreements and joint actions, each with its own
// Idempotency-Key, until ctx ends.
func stallClient(ctx context.Context, c *client, log *stallLog, ledger *outageLedger, base, admin, seeded string, i int) {
	for n := 0; ctx.Err() == nil && n < 100000; n++ {
		var a answer
		var err error
		switch i % 4 {
		case 0:
			a, err = timed(c, log, "read", "GET", base+"/v1/agreements?limit=1", "", nil, nil)
		case 1:
			a, err = timed(c, log, "read", "GET", base+"/v1/agreements/"+seeded, "", nil, nil)
		default:
			key := fmt.Sprintf("stall-w%d-%d", i, n)
			w := write{key: key, path: "/v1/joint-actions", body: jointActionBody("故障 "+key, "faults-a", "faults-b")}
			if i%4 == 2 {
				w.path, w.body = "/v1/agreements", agreementBody("故障 "+key, "faults-a", "faults-b")
			}
			a, err = timed(c, log, "write", "POST", base+w.path, admin, w.body, map[string]string{"Idempotency-Key": key})
			if err == nil && a.status == http.StatusCreated {
				w.id = idOf(a)
			}
			ledger.note(w, a, err)
		}
		if err != nil || (a.status != http.StatusOK && a.status != http.StatusCreated) {
			sleepCtx(ctx, 50*time.Millisecond) // a client backing off
		}
	}
}

func sleepCtx(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}

// stallFigures are what checkStallRecords measured.
type stallFigures struct {
	dbRequests, during        int
	statuses                  map[int]int
	slowest, slowestDuring    time.Duration
	readyzSlowest, healthzMax time.Duration
}

// checkStallRecords checks every request against the bounds of the test.
func checkStallRecords(t *testing.T, records []stallRecord, stopped, resumed time.Time, timeout time.Duration) stallFigures {
	t.Helper()
	f := stallFigures{statuses: map[int]int{}}
	stalled := func(r stallRecord) bool { return !r.start.Before(stopped) && !r.end.After(resumed) }
	var readyzDuring int
	for _, r := range records {
		switch {
		case r.err != nil:
			t.Errorf("%s request from %s: %v after %v", r.client, r.start.Format("15:04:05.000"), r.err, r.took())
		case r.client == "healthz":
			if stalled(r) {
				f.healthzMax = max(f.healthzMax, r.took())
			}
		case r.client == "readyz":
			if stalled(r) {
				readyzDuring++
				f.readyzSlowest = max(f.readyzSlowest, r.took())
				if r.status != http.StatusServiceUnavailable || !r.problem {
					t.Errorf("/readyz during the stall: %d (problem %t), want a 503 problem", r.status, r.problem)
				}
			}
		default:
			f.dbRequests++
			f.statuses[r.status]++
			f.slowest = max(f.slowest, r.took())
			if r.status != http.StatusOK && r.status != http.StatusCreated && r.status != http.StatusServiceUnavailable {
				t.Errorf("%s answered %d", r.client, r.status)
			}
			if r.status == http.StatusServiceUnavailable && (!r.retryAfter || !r.problem) {
				t.Errorf("%s: 503 without Retry-After or problem body", r.client)
			}
			if stalled(r) {
				f.during++
				f.slowestDuring = max(f.slowestDuring, r.took())
				if r.status != http.StatusServiceUnavailable {
					t.Errorf("%s during the stall answered %d, want 503", r.client, r.status)
				}
			}
		}
	}
	if f.slowest > timeout+time.Second {
		t.Errorf("a database request took %v, past the request timeout %v + 1s", f.slowest, timeout)
	}
	if f.readyzSlowest > 3*time.Second {
		t.Errorf("/readyz took %v during the stall, want ≤ 3s", f.readyzSlowest)
	}
	if f.healthzMax > 50*time.Millisecond {
		t.Errorf("/healthz took %v during the stall, want < 50ms", f.healthzMax)
	}
	if f.during == 0 || readyzDuring == 0 {
		t.Errorf("no request began and ended within the stall (%d database, %d /readyz)", f.during, readyzDuring)
	}
	return f
}

// timeToFirstRead polls a list until it answers 200 and returns how long
// after since that was.
func timeToFirstRead(t *testing.T, c *client, base string, since time.Time) time.Duration {
	t.Helper()
	for time.Since(since) < 30*time.Second {
		a, err := c.do(context.Background(), "GET", base+"/v1/agreements?limit=1", "", nil, nil)
		if err == nil && a.status == http.StatusOK {
			return time.Since(since)
		}
		t.Logf("read %.2fs after SIGCONT: %d %v", time.Since(since).Seconds(), a.status, err)
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("reads not served 30s after SIGCONT")
	return 0
}

// retryFailedWrites sends every write that failed again with its key: each
// must now give 201 (a fresh record, or the replay of a write that had
// committed before its answer was lost). It returns the number of replays.
func retryFailedWrites(t *testing.T, c *client, base, admin string, l *outageLedger) int {
	t.Helper()
	replayed := 0
	for i, w := range l.failed {
		a := c.must(t, 201, "POST", base+w.path, admin, w.body, map[string]string{"Idempotency-Key": w.key})
		l.failed[i].id = idOf(a)
		if a.header.Get("Idempotent-Replayed") == "true" {
			replayed++
		}
	}
	return replayed
}

// sessionsInTransaction lists the backends of the service that are inside
// a transaction.
func sessionsInTransaction(t *testing.T, db *sql.DB) []int64 {
	t.Helper()
	var pids []int64
	err := db.QueryRow(`SELECT coalesce(array_agg(pid), '{}') FROM pg_stat_activity WHERE datname = 'registry'
		AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND xact_start IS NOT NULL`).Scan(pq.Array(&pids))
	if err != nil {
		t.Fatal(err)
	}
	return pids
}

// abandonedTransactions counts, as soon as the server wakes, the sessions
// of the registry database left inside a transaction or a statement from
// before the stall (the ones in a transaction when it began, inFlight,
// and any other: none can begin during it), then waits (up to bound)
// until there are none; it returns the first count and how long after
// resumed there were none.
func abandonedTransactions(t *testing.T, db *sql.DB, inFlight []int64, resumed time.Time, bound time.Duration) (int, time.Duration) {
	t.Helper()
	const q = `SELECT count(*) FROM pg_stat_activity
		WHERE datname = 'registry' AND pid <> pg_backend_pid() AND backend_type = 'client backend'
		AND (xact_start < $1 OR (state <> 'idle' AND state_change < $1)
			OR (pid = ANY($2) AND (xact_start IS NOT NULL OR state <> 'idle')))`
	first := -1
	for {
		n := count(t, db, q, resumed, pq.Array(inFlight))
		if first < 0 {
			first = n
		}
		if n == 0 {
			return first, time.Since(resumed)
		}
		if time.Since(resumed) > bound {
			t.Errorf("%d sessions of the service still in a transaction or a statement from before the stall %v after the server woke", n, bound)
			return first, time.Since(resumed)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// poolWatch samples the pool statistics on /metrics during the stall.
type poolWatch struct {
	mu               sync.Mutex
	stopped, resumed time.Time
	waitsAt          []float64 // go_sql_wait_count_total at each sample in the stall
	maxInUse         int
}

func (p *poolWatch) from(at time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stopped = at
}

func (p *poolWatch) until(at time.Time) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.resumed = at
}

func (p *poolWatch) watch(ctx context.Context, c *client, base string) {
	for ctx.Err() == nil {
		a, err := c.do(context.Background(), "GET", base+"/metrics", "", nil, nil)
		now := time.Now()
		if err == nil && a.status == http.StatusOK {
			m := parseMetrics(string(a.body))
			p.mu.Lock()
			if !p.stopped.IsZero() && now.After(p.stopped) && (p.resumed.IsZero() || now.Before(p.resumed)) {
				p.waitsAt = append(p.waitsAt, m["go_sql_wait_count_total"])
				p.maxInUse = max(p.maxInUse, int(m["go_sql_in_use_connections"]))
			}
			p.mu.Unlock()
		}
		sleepCtx(ctx, 500*time.Millisecond)
	}
}

// waits is how many requests waited for a connection during the stall.
func (p *poolWatch) waits() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.waitsAt) < 2 {
		return 0
	}
	return int(p.waitsAt[len(p.waitsAt)-1] - p.waitsAt[0])
}

// parseMetrics reads the go_sql_* samples of a Prometheus text page.
func parseMetrics(page string) map[string]float64 {
	out := map[string]float64{}
	sc := bufio.NewScanner(strings.NewReader(page))
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "go_sql_") {
			continue
		}
		name, rest, _ := strings.Cut(line, "{")
		if i := strings.LastIndexByte(rest, ' '); i >= 0 {
			if v, err := strconv.ParseFloat(rest[i+1:], 64); err == nil {
				out[name] = v
			}
		}
	}
	return out
}

// ---- pausing the cluster ----

// pause stops the postmaster and then every one of its children with
// SIGSTOP (stopped first, the postmaster forks no new one meanwhile),
// leaving their sockets open, and returns when the last one stopped. The test's end resumes
// them if the test does not.
func (c *cluster) pause(t *testing.T) time.Time {
	t.Helper()
	pm := c.postmasterPID(t)
	if err := syscall.Kill(pm, syscall.SIGSTOP); err != nil {
		t.Fatalf("SIGSTOP postmaster %d: %v", pm, err)
	}
	c.stopped = append([]int{pm}, childrenOf(t, pm)...)
	t.Cleanup(func() { c.resume(t) })
	for _, pid := range c.stopped[1:] {
		if err := syscall.Kill(pid, syscall.SIGSTOP); err != nil {
			t.Logf("SIGSTOP %d: %v", pid, err)
		}
	}
	return time.Now()
}

// resume sends SIGCONT to the children, then to the postmaster, and returns
// when.
func (c *cluster) resume(t *testing.T) time.Time {
	t.Helper()
	for i := len(c.stopped) - 1; i >= 0; i-- {
		_ = syscall.Kill(c.stopped[i], syscall.SIGCONT)
	}
	c.stopped = nil
	return time.Now()
}

func (c *cluster) postmasterPID(t *testing.T) int {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(c.data(), "postmaster.pid"))
	if err != nil {
		t.Fatal(err)
	}
	first, _, _ := strings.Cut(string(b), "\n")
	pid, err := strconv.Atoi(strings.TrimSpace(first))
	if err != nil {
		t.Fatalf("postmaster.pid: %v", err)
	}
	return pid
}

// childrenOf lists the processes whose parent is pid, from /proc.
func childrenOf(t *testing.T, pid int) []int {
	t.Helper()
	stats, err := filepath.Glob("/proc/[0-9]*/stat")
	if err != nil {
		t.Fatal(err)
	}
	var out []int
	for _, path := range stats {
		b, err := os.ReadFile(path)
		if err != nil {
			continue // gone meanwhile
		}
		// pid (comm) state ppid …: comm may hold spaces, so read after its ')'.
		s := string(b)
		i := strings.LastIndexByte(s, ')')
		if i < 0 {
			continue
		}
		fields := strings.Fields(s[i+1:])
		if len(fields) < 2 {
			continue
		}
		if ppid, _ := strconv.Atoi(fields[1]); ppid == pid {
			child, _ := strconv.Atoi(filepath.Base(filepath.Dir(path)))
			out = append(out, child)
		}
	}
	return out
}
