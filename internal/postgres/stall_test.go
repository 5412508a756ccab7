package postgres_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/chengyu-collab/registry/internal/postgres"
	"github.com/chengyu-collab/registry/internal/postgres/pgtest"
)

// The tests below put a pausable TCP proxy between the store and the test
// server. Paused, the proxy keeps every connection open and accepts new
// ones but forwards nothing, either way: what a PostgreSQL whose processes
// are stopped looks like from the client (its kernel still accepts and
// acknowledges). Resumed, it forwards what it held.

// stallProxy forwards loopback connections to upstream and can pause.
type stallProxy struct {
	ln       net.Listener
	upstream string
	mu       sync.Mutex
	gate     chan struct{} // closed while forwarding, open while paused
	conns    []net.Conn
}

func newStallProxy(t *testing.T, upstream string) *stallProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	open := make(chan struct{})
	close(open)
	p := &stallProxy{ln: ln, upstream: upstream, gate: open}
	go p.accept()
	t.Cleanup(func() {
		p.resume()
		ln.Close()
		p.mu.Lock()
		defer p.mu.Unlock()
		for _, c := range p.conns {
			c.Close()
		}
	})
	return p
}

func (p *stallProxy) pause() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.gate = make(chan struct{})
}

func (p *stallProxy) resume() {
	p.mu.Lock()
	defer p.mu.Unlock()
	select {
	case <-p.gate:
	default:
		close(p.gate)
	}
}

// wait blocks while the proxy is paused.
func (p *stallProxy) wait() {
	p.mu.Lock()
	g := p.gate
	p.mu.Unlock()
	<-g
}

func (p *stallProxy) accept() {
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		up, err := net.Dial("tcp", p.upstream)
		if err != nil {
			c.Close()
			continue
		}
		p.mu.Lock()
		p.conns = append(p.conns, c, up)
		p.mu.Unlock()
		go p.pipe(up, c)
		go p.pipe(c, up)
	}
}

// pipe copies src to dst, holding whatever it reads while paused; when src
// ends it closes both, once the proxy forwards again.
func (p *stallProxy) pipe(dst, src net.Conn) {
	buf := make([]byte, 32<<10)
	for {
		n, err := src.Read(buf)
		p.wait()
		if n > 0 {
			if _, werr := dst.Write(buf[:n]); werr != nil {
				break
			}
		}
		if err != nil {
			break
		}
	}
	dst.Close()
	src.Close()
}

// proxiedStore opens a store whose connections go through a stall proxy to
// the test server.
func proxiedStore(t *testing.T, maxConns int, opts ...postgres.Option) (*postgres.Store, *stallProxy) {
	t.Helper()
	u, err := url.Parse(pgtest.ServerURL())
	if err != nil {
		t.Fatal(err)
	}
	p := newStallProxy(t, u.Host)
	u.Host = p.ln.Addr().String()
	store, err := postgres.Open(context.Background(), u.String(), maxConns, opts...)
	if err != nil {
		t.Fatalf("open through the proxy: %v", err)
	}
	t.Cleanup(func() { store.Close() })
	return store, p
}

func backendPID(t *testing.T, db *sql.DB) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var pid int
	if err := db.QueryRowContext(ctx, `SELECT pg_backend_pid()`).Scan(&pid); err != nil {
		t.Fatalf("pg_backend_pid: %v", err)
	}
	return pid
}

// within runs fn and fails the test when it takes longer than bound or
// returns no error. It may run on any goroutine.
func within(t *testing.T, bound time.Duration, what string, fn func() error) time.Duration {
	t.Helper()
	start := time.Now()
	done := make(chan error, 1)
	go func() { done <- fn() }()
	select {
	case err := <-done:
		took := time.Since(start)
		if err == nil {
			t.Errorf("%s against a silent server: no error after %v", what, took)
		}
		if took > bound {
			t.Errorf("%s against a silent server took %v, want ≤ %v (%v)", what, took, bound, err)
		}
		return took
	case <-time.After(bound + 10*time.Second):
		t.Errorf("%s against a silent server still waiting after %v", what, bound+10*time.Second)
		return 0
	}
}

// goneFromServer waits until backend pid has left the server.
func goneFromServer(t *testing.T, pid int) {
	t.Helper()
	admin, err := sql.Open("postgres", pgtest.ServerURL())
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		var n int
		if err := admin.QueryRow(`SELECT count(*) FROM pg_stat_activity WHERE pid = $1`, pid).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Errorf("backend %d of the abandoned connection still on the server 5s after it woke", pid)
			return
		}
	}
}

// stallBound is how long a call with a deadline of d may take against a
// silent server: d, lib/pq's cancel request (500 ms budget), and slack.
func stallBound(d time.Duration) time.Duration { return d + 900*time.Millisecond }

// TestSilentServerCallsReturnInTime stalls the server under each kind of
// call that carries a context: each returns by its deadline (plus the
// cancel request's budget), and the connection it used is never handed
// out again: after the stall the pool's only connection is a new backend.
func TestSilentServerCallsReturnInTime(t *testing.T) {
	const d = 300 * time.Millisecond
	calls := []struct {
		name  string
		setup func(t *testing.T, db *sql.DB) func(ctx context.Context) error // runs before the stall
	}{
		{"query", func(t *testing.T, db *sql.DB) func(ctx context.Context) error {
			return func(ctx context.Context) error {
				var one int
				return db.QueryRowContext(ctx, `SELECT 1`).Scan(&one)
			}
		}},
		{"prepared statement", func(t *testing.T, db *sql.DB) func(ctx context.Context) error {
			st, err := db.PrepareContext(context.Background(), `SELECT $1::int`)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			return func(ctx context.Context) error {
				var one int
				return st.QueryRowContext(ctx, 1).Scan(&one)
			}
		}},
		{"exec", func(t *testing.T, db *sql.DB) func(ctx context.Context) error {
			return func(ctx context.Context) error {
				_, err := db.ExecContext(ctx, `SELECT 1`)
				return err
			}
		}},
		{"ping", func(t *testing.T, db *sql.DB) func(ctx context.Context) error {
			return func(ctx context.Context) error { return db.PingContext(ctx) }
		}},
		{"begin", func(t *testing.T, db *sql.DB) func(ctx context.Context) error {
			return func(ctx context.Context) error {
				tx, err := db.BeginTx(ctx, nil)
				if err == nil {
					tx.Rollback()
				}
				return err
			}
		}},
		{"rows being read", func(t *testing.T, db *sql.DB) func(ctx context.Context) error {
			return func(ctx context.Context) error {
				rows, err := db.QueryContext(ctx, `SELECT g, repeat('x', 2000) FROM generate_series(1, 100000) g`)
				if err != nil {
					return err
				}
				defer rows.Close()
				for n := 0; rows.Next(); n++ {
					if n > 100000 {
						return errors.New("more rows than the query makes")
					}
				}
				return rows.Err()
			}
		}},
	}
	for _, c := range calls {
		t.Run(c.name, func(t *testing.T) {
			store, proxy := proxiedStore(t, 1)
			db := store.DB()
			call := c.setup(t, db)
			before := backendPID(t, db)
			proxy.pause()
			took := within(t, stallBound(d), c.name, func() error {
				ctx, cancel := context.WithTimeout(context.Background(), d)
				defer cancel()
				return call(ctx)
			})
			proxy.resume()
			if after := backendPID(t, db); after == before {
				t.Errorf("the connection that was cut (backend %d) was handed out again", before)
			}
			goneFromServer(t, before)
			t.Logf("%s: answered after %v with a %v deadline", c.name, took.Round(time.Millisecond), d)
		})
	}
}

// TestSilentServerTransaction stalls the server inside a transaction and
// at its commit, which database/sql runs without a context of its own.
func TestSilentServerTransaction(t *testing.T) {
	const d = 400 * time.Millisecond
	for _, stallAt := range []string{"statement", "commit"} {
		t.Run(stallAt, func(t *testing.T) {
			store, proxy := proxiedStore(t, 1)
			db := store.DB()
			before := backendPID(t, db)
			ctx, cancel := context.WithTimeout(context.Background(), d)
			defer cancel()
			tx, err := db.BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE stall (n int)`); err != nil {
				t.Fatal(err)
			}
			proxy.pause()
			within(t, stallBound(d), "transaction "+stallAt, func() error {
				if stallAt == "statement" {
					_, err := tx.ExecContext(ctx, `INSERT INTO stall VALUES (1)`)
					return err
				}
				return tx.Commit()
			})
			proxy.resume()
			if after := backendPID(t, db); after == before {
				t.Errorf("the connection that was cut (backend %d) was handed out again", before)
			}
			goneFromServer(t, before)
		})
	}
}

// TestSilentServerExhaustedPool sends four times as many calls as the pool
// has connections to a silent server: the ones holding a connection and
// the ones waiting for one all return by their deadline.
func TestSilentServerExhaustedPool(t *testing.T) {
	const d = 400 * time.Millisecond
	store, proxy := proxiedStore(t, 2)
	db := store.DB()
	backendPID(t, db)
	proxy.pause()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			within(t, stallBound(d), fmt.Sprintf("call %d", i), func() error {
				ctx, cancel := context.WithTimeout(context.Background(), d)
				defer cancel()
				return store.Ping(ctx)
			})
		}()
	}
	wg.Wait()
	proxy.resume()
	backendPID(t, db)
}

// TestSilentServerWithoutDeadline bounds the waits that carry no deadline
// (CSV export pages, opening a connection in the background): a read or
// write that makes no progress for 4 × the request timeout fails, and
// connecting takes at most the request timeout.
func TestSilentServerWithoutDeadline(t *testing.T) {
	const d = 250 * time.Millisecond
	t.Run("read", func(t *testing.T) {
		store, proxy := proxiedStore(t, 1, postgres.WithRequestTimeout(d))
		db := store.DB()
		before := backendPID(t, db)
		proxy.pause()
		took := within(t, 4*d+time.Second, "a query without deadline", func() error {
			var one int
			return db.QueryRowContext(context.Background(), `SELECT 1`).Scan(&one)
		})
		if took < 4*d-50*time.Millisecond {
			t.Errorf("the query gave up after %v, before the %v bound", took, 4*d)
		}
		proxy.resume()
		if after := backendPID(t, db); after == before {
			t.Errorf("the connection that timed out (backend %d) was handed out again", before)
		}
	})
	t.Run("connect", func(t *testing.T) {
		store, proxy := proxiedStore(t, 1, postgres.WithRequestTimeout(d))
		db := store.DB()
		db.SetMaxIdleConns(0) // the next call connects anew
		backendPID(t, db)
		proxy.pause()
		within(t, d+time.Second, "connecting without deadline", func() error {
			return db.PingContext(context.Background())
		})
		proxy.resume()
		backendPID(t, db)
	})
}

// TestConnectionSettings checks the settings every connection of the pool
// starts with under WithRequestTimeout, and that the URL's own win.
func TestConnectionSettings(t *testing.T) {
	store, _ := proxiedStore(t, 1, postgres.WithRequestTimeout(2*time.Second))
	show := func(db *sql.DB, name string) string {
		var v string
		if err := db.QueryRow(`SELECT current_setting($1)`, name).Scan(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	if got := show(store.DB(), "statement_timeout"); got != "6s" {
		t.Errorf("statement_timeout = %s, want 6s", got)
	}
	if got := show(store.DB(), "idle_in_transaction_session_timeout"); got != "2s" {
		t.Errorf("idle_in_transaction_session_timeout = %s, want 2s", got)
	}

	u, _ := url.Parse(pgtest.ServerURL())
	q := u.Query()
	q.Set("statement_timeout", "1234")
	u.RawQuery = q.Encode()
	own, err := postgres.Open(context.Background(), u.String(), 1, postgres.WithRequestTimeout(2*time.Second))
	if err != nil {
		t.Fatal(err)
	}
	defer own.Close()
	if got := show(own.DB(), "statement_timeout"); got != "1234ms" {
		t.Errorf("statement_timeout with the URL's own = %s, want 1234ms", got)
	}
	if got := show(store.DB(), "idle_in_transaction_session_timeout"); got != "2s" {
		t.Errorf("idle_in_transaction_session_timeout = %s, want 2s", got)
	}
}
