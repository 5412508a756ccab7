// Package load drives an HTTP service with a fixed number of concurrent
// connections for a fixed time and reports throughput and latency.
package load

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"
)

// Result is what one run measured. Only answers with the expected status
// count as requests: their number, latency and size make the figures.
// Any other status, and every transport error, is an error and counts
// nowhere else.
type Result struct {
	Requests int // answers with the expected status
	Errors   int // transport errors and answers with another status
	// Transport counts the errors that got no answer; Statuses counts the
	// unexpected statuses by status.
	Transport int
	Statuses  map[int]int
	// Unlisted counts the answers outside 2xx and 3xx of a client that
	// counts them without their status (wrk).
	Unlisted int
	Elapsed  time.Duration
	P50, P99 time.Duration // of the successful requests
	Bytes    int64         // of the successful requests
	// FirstError describes the first error seen, for the report.
	FirstError string
}

// RPS is successful requests per second.
func (r Result) RPS() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Requests) / r.Elapsed.Seconds()
}

// ErrorSummary describes the errors by kind, as "503×12, transport×1",
// or "" when there were none.
func (r Result) ErrorSummary() string {
	var parts []string
	codes := make([]int, 0, len(r.Statuses))
	for code := range r.Statuses {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	for _, code := range codes {
		parts = append(parts, fmt.Sprintf("%d×%d", code, r.Statuses[code]))
	}
	if r.Unlisted > 0 {
		parts = append(parts, fmt.Sprintf("non-2xx/3xx×%d", r.Unlisted))
	}
	if r.Transport > 0 {
		parts = append(parts, fmt.Sprintf("transport×%d", r.Transport))
	}
	return strings.Join(parts, ", ")
}

// Request makes the next request of a worker; i counts the worker's
// requests. Want is the status that counts as success.
type Request func(worker, i int) (*http.Request, int)

// Run keeps conns workers busy for d, each with its own keep-alive
// connection, and measures every request: an answer with the status next
// asked for is a success, anything else an error.
func Run(ctx context.Context, conns int, d time.Duration, next Request) Result {
	transport := &http.Transport{
		MaxIdleConnsPerHost: conns,
		MaxConnsPerHost:     conns,
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
	}
	defer transport.CloseIdleConnections()
	client := &http.Client{Transport: transport, Timeout: 60 * time.Second}
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	lat := make([][]time.Duration, conns)
	noAnswer := make([]int, conns)
	statuses := make([]map[int]int, conns)
	bytes := make([]int64, conns)
	firstErr := make([]string, conns)
	var wg sync.WaitGroup
	start := time.Now()
	for w := 0; w < conns; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; ctx.Err() == nil; i++ {
				req, want := next(w, i)
				t0 := time.Now()
				resp, err := client.Do(req.WithContext(ctx))
				if err != nil {
					if ctx.Err() == nil {
						noAnswer[w]++
						if firstErr[w] == "" {
							firstErr[w] = err.Error()
						}
					}
					continue
				}
				n, _ := io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if ctx.Err() != nil {
					break // cut by the deadline: not a complete measurement
				}
				if resp.StatusCode != want {
					if statuses[w] == nil {
						statuses[w] = map[int]int{}
					}
					statuses[w][resp.StatusCode]++
					if firstErr[w] == "" {
						firstErr[w] = fmt.Sprintf("%s %s: status %d, want %d", req.Method, req.URL.Path, resp.StatusCode, want)
					}
					continue
				}
				lat[w] = append(lat[w], time.Since(t0))
				bytes[w] += n
			}
		}(w)
	}
	wg.Wait()
	elapsed := time.Since(start)
	var all []time.Duration
	res := Result{Elapsed: elapsed, Statuses: map[int]int{}}
	for w := range lat {
		all = append(all, lat[w]...)
		res.Transport += noAnswer[w]
		res.Errors += noAnswer[w]
		for code, n := range statuses[w] {
			res.Statuses[code] += n
			res.Errors += n
		}
		res.Bytes += bytes[w]
		if res.FirstError == "" {
			res.FirstError = firstErr[w]
		}
	}
	slices.Sort(all)
	res.Requests = len(all)
	res.P50, res.P99 = percentile(all, 0.50), percentile(all, 0.99)
	return res
}

func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted)-1) * p)
	return sorted[i]
}
