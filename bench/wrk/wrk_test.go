package wrk

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"
)

// TestParse reads reports wrk 4.1 (Debian's package) printed with
// --latency, captured from real runs: answers outside 2xx/3xx, socket
// timeouts, and latencies in µs and ms.
func TestParse(t *testing.T) {
	for _, tc := range []struct {
		file                                string
		requests, errors, unlisted, sockets int
		p50, p99, elapsed                   time.Duration
		bytes                               int64
	}{
		{"python-404s.txt", 506, 507, 507, 0, 8600 * time.Microsecond, 64110 * time.Microsecond, 2080 * time.Millisecond, 360284},
		{"go-404s.txt", 9598, 9598, 9598, 0, 829 * time.Microsecond, 44790 * time.Microsecond, 3030 * time.Millisecond, 2852126},
		{"timeouts.txt", 18, 8, 0, 8, 2070 * time.Microsecond, 5160 * time.Microsecond, 3030 * time.Millisecond, 2181},
	} {
		t.Run(tc.file, func(t *testing.T) {
			b, err := os.ReadFile("testdata/" + tc.file)
			if err != nil {
				t.Fatal(err)
			}
			r, err := Parse(string(b))
			if err != nil {
				t.Fatal(err)
			}
			if r.Requests != tc.requests || r.Errors != tc.errors || r.Unlisted != tc.unlisted || r.Transport != tc.sockets {
				t.Errorf("requests %d, errors %d (non-2xx/3xx %d, socket %d); want %d, %d (%d, %d)",
					r.Requests, r.Errors, r.Unlisted, r.Transport, tc.requests, tc.errors, tc.unlisted, tc.sockets)
			}
			near := func(name string, got, want time.Duration) {
				if d := got - want; d < -time.Microsecond || d > time.Microsecond {
					t.Errorf("%s %s, want %s", name, got, want)
				}
			}
			near("p50", r.P50, tc.p50)
			near("p99", r.P99, tc.p99)
			near("elapsed", r.Elapsed, tc.elapsed)
			if d := r.Bytes - tc.bytes; d < -2 || d > 2 {
				t.Errorf("bytes %d, want %d", r.Bytes, tc.bytes)
			}
			if rps := float64(tc.requests) / tc.elapsed.Seconds(); r.RPS() < rps*0.999 || r.RPS() > rps*1.001 {
				t.Errorf("req/s %.1f, want %.1f", r.RPS(), rps)
			}
		})
	}
}

// TestParseRefuses checks that output without a report is an error, not
// a run of nothing: wrk that could not connect, and a report without
// --latency.
func TestParseRefuses(t *testing.T) {
	for name, out := range map[string]string{
		"refused": "unable to connect to 127.0.0.1:18779 Connection refused\n",
		"no --latency": `Running 2s test @ http://127.0.0.1:18778
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     3.49ms    7.85ms  74.63ms   93.21%
    Req/Sec     3.23k     2.30k    9.14k    69.49%
  19196 requests in 3.03s, 2.72MB read
Requests/sec:   6332.40
Transfer/sec:      0.90MB
`,
	} {
		if r, err := Parse(out); err == nil {
			t.Errorf("%s: no error, got %+v", name, r)
		}
	}
}

func TestParseDuration(t *testing.T) {
	for in, want := range map[string]time.Duration{
		"812.00us": 812 * time.Microsecond, "1.23ms": 1230 * time.Microsecond, "2.00s": 2 * time.Second,
		"1.50m": 90 * time.Second, "1.00h": time.Hour,
	} {
		got, err := parseDuration(in)
		if err != nil || got != want {
			t.Errorf("parseDuration(%q) = %s, %v; want %s", in, got, err, want)
		}
	}
	for _, in := range []string{"12", "ms", "1.0xs"} {
		if _, err := parseDuration(in); err == nil {
			t.Errorf("parseDuration(%q): no error", in)
		}
	}
}

// TestRunRotates runs the real wrk on a server that answers one path with
// 404 and checks that wrk sent every listed request with its headers in
// turn, and that the 404s are errors, not requests.
func TestRunRotates(t *testing.T) {
	if _, err := exec.LookPath("wrk"); err != nil {
		t.Skip("wrk is not installed (apt-get install wrk)")
	}
	var mu sync.Mutex
	seen := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		seen[r.URL.RequestURI()+" "+r.Header.Get("X-Bench")]++
		mu.Unlock()
		if r.URL.Path == "/missing" {
			http.NotFound(w, r)
			return
		}
		_, _ = w.Write([]byte("ok"))
	}))
	defer srv.Close()
	var reqs []*http.Request
	for _, p := range []string{"/a?x=1", "/b?cursor=Zm9v%3D", "/missing"} {
		r, _ := http.NewRequest("GET", srv.URL+p, nil)
		r.Header.Set("X-Bench", "yes")
		reqs = append(reqs, r)
	}
	res, out, err := Run(context.Background(), Options{Base: srv.URL, Conns: 4, Threads: 2, Duration: time.Second,
		Requests: reqs, Dir: t.TempDir(), Name: "rotate"})
	if err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	total := 0
	for _, p := range []string{"/a?x=1 yes", "/b?cursor=Zm9v%3D yes", "/missing yes"} {
		if seen[p] == 0 {
			t.Errorf("%q never requested: %v\n%s", p, seen, out)
		}
	}
	for _, n := range seen {
		total += n
	}
	if len(seen) != 3 {
		t.Errorf("requests other than the listed ones: %v", seen)
	}
	// wrk does not count the requests in flight when it stops: at most one
	// a connection.
	if got := res.Requests + res.Errors; got > total || got < total-4 {
		t.Errorf("wrk counted %d answers, the server served %d\n%s", got, total, out)
	}
	if res.Unlisted == 0 || res.Unlisted > seen["/missing yes"] || res.Unlisted < seen["/missing yes"]-4 {
		t.Errorf("non-2xx/3xx %d, the server answered 404 %d times\n%s", res.Unlisted, seen["/missing yes"], out)
	}
	if res.P50 <= 0 || res.P99 < res.P50 {
		t.Errorf("p50 %s, p99 %s", res.P50, res.P99)
	}
}
