//go:build faults

package faults

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// TestSlowHeaderDribblers opens 1,000 connections that send their headers
// a byte at a time and never finish them (slowloris). Normal clients are
// served meanwhile, quickly; the server drops each dribbler when its
// header deadline (5 s) passes.
func TestSlowHeaderDribblers(t *testing.T) {
	pg := newCluster(t)
	svc := startService(t, pg.url("registry"), nil, "--demo")
	const dribblers = 1000
	conns := make([]net.Conn, 0, dribblers)
	for range dribblers {
		conn, err := net.DialTimeout("tcp", svc.addr, 5*time.Second)
		if err != nil {
			t.Fatalf("dribbler %d: %v", len(conns), err)
		}
		if _, err := conn.Write([]byte("GET /v1/regions HTTP/1.1\r\nHost: registry\r\nX-Slow: ")); err != nil {
			t.Fatal(err)
		}
		conns = append(conns, conn)
	}
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	opened := time.Now()
	// Each dribbler sends one more byte every half second and notes when
	// the server hangs up on it.
	var closed atomic.Int64
	var closedAt sync.Map
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	var wg sync.WaitGroup
	for i, conn := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tick := time.NewTicker(500 * time.Millisecond)
			defer tick.Stop()
			for {
				select {
				case <-ctx.Done():
					return
				case <-tick.C:
				}
				if _, err := conn.Write([]byte("a")); err != nil {
					closed.Add(1)
					closedAt.Store(i, time.Since(opened))
					return
				}
			}
		}()
	}

	// Normal clients, meanwhile: reads and writes on fresh connections.
	admin := newKey(t, pg.url("registry"), "admin", "", "faults admin")
	c := newClient(10 * time.Second)
	var latencies []time.Duration
	failures := 0
	for i := 0; time.Since(opened) < 4*time.Second; i++ {
		start := time.Now()
		var a answer
		var err error
		if i%5 == 4 {
			a, err = c.do(context.Background(), "POST", svc.base+"/v1/joint-actions", admin,
				jointActionBody(fmt.Sprintf("慢客户端期间 %d", i), "changshou-cppcc", "pengzhou-cppcc"), nil)
		} else {
			a, err = c.do(context.Background(), "GET", svc.base+"/v1/agreements?party=pengzhou-cppcc", "", nil, nil)
		}
		latencies = append(latencies, time.Since(start))
		if err != nil || (a.status != 200 && a.status != 201) {
			failures++
			t.Errorf("normal request %d during the dribble: %v %d %.200s", i, err, a.status, a.body)
		}
		time.Sleep(20 * time.Millisecond)
	}
	p50, p99, worst := percentile(latencies, 50), percentile(latencies, 99), percentile(latencies, 100)
	if p99 > time.Second {
		t.Errorf("normal requests slowed by the dribblers: p99 %v", p99)
	}
	// The header deadline (5 s) closes the dribblers.
	deadline := time.Now().Add(10 * time.Second)
	for closed.Load() < dribblers && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
	}
	stop()
	wg.Wait()
	var lastClosed time.Duration
	closedAt.Range(func(_, v any) bool {
		lastClosed = max(lastClosed, v.(time.Duration))
		return true
	})
	if closed.Load() != dribblers {
		t.Errorf("%d of %d dribblers still connected %v after they started", dribblers-int(closed.Load()), dribblers, time.Since(opened))
	}
	if a := c.must(t, 200, "GET", svc.base+"/healthz", "", nil, nil); !strings.HasPrefix(string(a.body), "ok") {
		t.Errorf("healthz: %s", a.body)
	}
	t.Logf("FAULTS slowloris dribblers=%d normal_requests=%d failed=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f dribblers_dropped=%d last_dropped_after_seconds=%.1f",
		dribblers, len(latencies), failures, ms(p50), ms(p99), ms(worst), closed.Load(), lastClosed.Seconds())
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// TestPoolExhaustion holds a lock every list of joint actions needs while
// far more requests than the pool has connections arrive. Each answers 503
// with Retry-After within the request timeout (REGISTRY_REQUEST_TIMEOUT,
// 2 s here) instead of piling up; the queries it started are cancelled in
// PostgreSQL too; /healthz answers throughout; and once the lock goes the
// service serves at once.
func TestPoolExhaustion(t *testing.T) {
	const timeout = 2 * time.Second
	pg := newCluster(t)
	dbURL := pg.url("registry")
	svc := startService(t, dbURL, map[string]string{"REGISTRY_DB_MAX_CONNS": "2", "REGISTRY_REQUEST_TIMEOUT": timeout.String()}, "--demo")
	admin := newKey(t, dbURL, "admin", "", "faults admin")
	c := newClient(30 * time.Second)
	c.must(t, 200, "GET", svc.base+"/v1/joint-actions?limit=1", "", nil, nil)

	db := pg.open("registry")
	holder, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	if _, err := holder.ExecContext(context.Background(), `BEGIN; LOCK TABLE joint_actions IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	locked := true
	defer func() {
		if locked {
			_, _ = holder.ExecContext(context.Background(), `ROLLBACK`)
		}
	}()

	type outcome struct {
		status     int
		retryAfter string
		problem    bool
		took       time.Duration
		err        error
	}
	const n = 40
	outcomes := make([]outcome, n)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			t0 := time.Now()
			var a answer
			var err error
			switch i % 4 {
			case 0, 1: // blocked by the lock, holding a pool connection, or waiting for one
				a, err = c.do(context.Background(), "GET", svc.base+"/v1/joint-actions?limit=5", "", nil, nil)
			case 2: // a write: the same
				a, err = c.do(context.Background(), "POST", svc.base+"/v1/joint-actions", admin,
					jointActionBody(fmt.Sprintf("连接池耗尽 %d", i), "changshou-cppcc", "pengzhou-cppcc"),
					map[string]string{"Idempotency-Key": fmt.Sprintf("pool-%d", i)})
			case 3: // a read of another table: waits for a connection
				a, err = c.do(context.Background(), "GET", svc.base+"/v1/regions/500115", "", nil, nil)
			}
			outcomes[i] = outcome{status: a.status, retryAfter: a.header.Get("Retry-After"),
				problem: strings.HasPrefix(a.header.Get("Content-Type"), "application/problem+json"), took: time.Since(t0), err: err}
		}()
	}
	// /healthz needs no database: it answers at once meanwhile.
	time.Sleep(500 * time.Millisecond)
	h0 := time.Now()
	c.must(t, 200, "GET", svc.base+"/healthz", "", nil, nil)
	healthz := time.Since(h0)
	wg.Wait()
	all := time.Since(start)

	counts := map[int]int{}
	var slowest time.Duration
	for i, o := range outcomes {
		counts[o.status]++
		slowest = max(slowest, o.took)
		switch {
		case o.err != nil:
			t.Errorf("request %d: %v", i, o.err)
		case o.status == http.StatusServiceUnavailable:
			if o.retryAfter == "" || !o.problem {
				t.Errorf("request %d: 503 without Retry-After or problem body", i)
			}
		case o.status == 200 && i%4 == 3:
			// A region read may get a connection between two waits.
		default:
			t.Errorf("request %d: status %d", i, o.status)
		}
		if o.took > timeout+1500*time.Millisecond {
			t.Errorf("request %d answered after %v, past the %v timeout", i, o.took, timeout)
		}
	}
	// Nothing the service started still waits in PostgreSQL.
	time.Sleep(300 * time.Millisecond)
	waiting := count(t, db, `SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = 'registry'`)
	if waiting != 0 {
		t.Errorf("%d queries of the service still wait on the lock after their requests were answered", waiting)
	}
	if _, err := holder.ExecContext(context.Background(), `ROLLBACK`); err != nil {
		t.Fatal(err)
	}
	locked = false
	t1 := time.Now()
	c.must(t, 200, "GET", svc.base+"/v1/joint-actions?limit=5", "", nil, nil)
	c.must(t, 201, "POST", svc.base+"/v1/joint-actions", admin, jointActionBody("连接池恢复", "changshou-cppcc", "pengzhou-cppcc"), nil)
	after := time.Since(t1)
	if after > time.Second {
		t.Errorf("the service took %v to serve once the lock was gone", after)
	}
	if counts[http.StatusServiceUnavailable] < n/2 {
		t.Errorf("only %d of %d requests answered 503: %v", counts[http.StatusServiceUnavailable], n, counts)
	}
	t.Logf("%d requests against a pool of 2 with the table locked: %v in %v; /healthz meanwhile in %v; served %v after the lock went",
		n, counts, all.Round(time.Millisecond), healthz.Round(time.Millisecond), after.Round(time.Millisecond))
	t.Logf("FAULTS pool requests=%d answered_503=%d slowest_seconds=%.2f timeout_seconds=%.0f still_waiting_in_db=%d",
		n, counts[http.StatusServiceUnavailable], slowest.Seconds(), timeout.Seconds(), waiting)
}
