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
	"sync"
	"time"
)

// Result is what one run measured.
type Result struct {
	Requests int
	Errors   int // transport errors and unexpected statuses
	Elapsed  time.Duration
	P50, P99 time.Duration
	Bytes    int64
	// FirstError describes the first error seen, for the report.
	FirstError string
}

// RPS is requests completed per second.
func (r Result) RPS() float64 { return float64(r.Requests) / r.Elapsed.Seconds() }

// Request makes the next request of a worker; i counts the worker's
// requests. Want is the status that counts as success.
type Request func(worker, i int) (*http.Request, int)

// Run keeps conns workers busy for d, each with its own keep-alive
// connection, and measures every request.
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
	errs := make([]int, conns)
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
						errs[w]++
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
				lat[w] = append(lat[w], time.Since(t0))
				bytes[w] += n
				if resp.StatusCode != want {
					errs[w]++
					if firstErr[w] == "" {
						firstErr[w] = fmt.Sprintf("%s %s: status %d", req.Method, req.URL.Path, resp.StatusCode)
					}
				}
			}
		}(w)
	}
	wg.Wait()
	elapsed := time.Since(start)
	var all []time.Duration
	res := Result{Elapsed: elapsed}
	for w := range lat {
		all = append(all, lat[w]...)
		res.Errors += errs[w]
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
