// Package wrk drives an HTTP service with wrk (Debian's package), a load
// client in its own process, through a list of requests it sends in turn,
// and reads wrk's report into the benchmark's load.Result.
package wrk

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/chengyu-collab/registry/bench/load"
)

//go:embed rotate.lua
var rotateLua []byte

// Version is the first line wrk prints of itself ("wrk debian/4.1.0-3+b2
// [epoll]"), without its copyright; an error when wrk is not installed.
func Version() (string, error) {
	path, err := exec.LookPath("wrk")
	if err != nil {
		return "", fmt.Errorf("wrk is not installed (apt-get install wrk, or -client go): %w", err)
	}
	// wrk -v prints its version and usage and exits with status 1.
	out, _ := exec.Command(path, "-v").CombinedOutput()
	line, _, _ := strings.Cut(string(out), "\n")
	line, _, _ = strings.Cut(line, " Copyright")
	if !strings.HasPrefix(line, "wrk ") {
		return "", fmt.Errorf("wrk -v: unexpected output %q", out)
	}
	return strings.TrimSpace(line), nil
}

// Options is one wrk run.
type Options struct {
	Base     string // http://host:port
	Conns    int    // connections, kept open (keep-alive)
	Threads  int    // wrk's threads (at most Conns)
	Duration time.Duration
	Timeout  time.Duration // a request slower than this is a timeout error
	// Requests are sent in turn, each thread from its own offset: at
	// least one. Their URLs must be on Base.
	Requests []*http.Request
	Dir      string // where the request list and script are written
	Name     string // a name for the files
}

// Run runs wrk with --latency and the rotating script, and returns what it
// measured. wrk counts an answer outside 2xx and 3xx, without its status,
// and every socket error (connect, read, write, timeout) as an error; the
// other answers are the requests.
func Run(ctx context.Context, o Options) (load.Result, string, error) {
	if len(o.Requests) == 0 {
		return load.Result{}, "", fmt.Errorf("wrk %s: no requests", o.Name)
	}
	script := filepath.Join(o.Dir, "rotate.lua")
	if err := os.WriteFile(script, rotateLua, 0o644); err != nil {
		return load.Result{}, "", err
	}
	list := filepath.Join(o.Dir, o.Name+".requests")
	if err := os.WriteFile(list, requestList(o.Requests), 0o644); err != nil {
		return load.Result{}, "", err
	}
	threads := max(1, min(o.Threads, o.Conns))
	timeout := o.Timeout
	if timeout == 0 {
		timeout = 60 * time.Second
	}
	args := []string{"--latency", "-t", strconv.Itoa(threads), "-c", strconv.Itoa(o.Conns),
		"-d", fmt.Sprintf("%ds", max(1, int(o.Duration.Round(time.Second).Seconds()))),
		"--timeout", fmt.Sprintf("%ds", max(1, int(timeout.Seconds()))),
		"-s", script, o.Base, "--", list, strconv.Itoa(threads)}
	cmd := exec.CommandContext(ctx, "wrk", args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return load.Result{}, string(out), fmt.Errorf("wrk %s: %w\n%s%s", o.Name, err, out, stderr.String())
	}
	res, err := Parse(string(out))
	if err != nil {
		return load.Result{}, string(out), fmt.Errorf("wrk %s: %w", o.Name, err)
	}
	return res, string(out), nil
}

// requestList writes the requests one a line: METHOD, the path and query,
// then each header as "Name: value", separated by tabs.
func requestList(reqs []*http.Request) []byte {
	var b bytes.Buffer
	for _, r := range reqs {
		b.WriteString(r.Method + "\t" + r.URL.RequestURI())
		names := make([]string, 0, len(r.Header))
		for name := range r.Header {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			for _, v := range r.Header[name] {
				b.WriteString("\t" + name + ": " + v)
			}
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
}

var (
	totalPattern   = regexp.MustCompile(`^\s*(\d+) requests in ([0-9.]+[a-z]+), ([0-9.]+)([KMGTP]?)B read`)
	pctPattern     = regexp.MustCompile(`^\s*(50|99)(?:\.0+)?%\s+([0-9.]+[a-z]+)\s*$`)
	socketPattern  = regexp.MustCompile(`^\s*Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)`)
	non2xxPattern  = regexp.MustCompile(`^\s*Non-2xx or 3xx responses: (\d+)`)
	distribPattern = regexp.MustCompile(`^\s*Latency Distribution`)
)

// Parse reads wrk's report (run with --latency): the requests and the time
// of the run, the 50th and 99th percentiles of the latency distribution,
// the socket errors and the answers outside 2xx and 3xx. Requests counts
// only the answers inside them.
func Parse(out string) (load.Result, error) {
	var r load.Result
	var total int
	var haveTotal, inDistribution bool
	var p50, p99 bool
	sc := bufio.NewScanner(strings.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case distribPattern.MatchString(line):
			inDistribution = true
		case inDistribution && pctPattern.MatchString(line):
			m := pctPattern.FindStringSubmatch(line)
			d, err := parseDuration(m[2])
			if err != nil {
				return r, err
			}
			if m[1] == "50" {
				r.P50, p50 = d, true
			} else {
				r.P99, p99 = d, true
			}
		case totalPattern.MatchString(line):
			inDistribution = false
			m := totalPattern.FindStringSubmatch(line)
			var err error
			if total, err = strconv.Atoi(m[1]); err != nil {
				return r, err
			}
			if r.Elapsed, err = parseDuration(m[2]); err != nil {
				return r, err
			}
			n, err := strconv.ParseFloat(m[3], 64)
			if err != nil {
				return r, err
			}
			shift := 0 // bytes; K, M, G, T, P are powers of 1024
			if m[4] != "" {
				shift = 10 * (1 + strings.Index("KMGTP", m[4]))
			}
			r.Bytes = int64(n * float64(int64(1)<<shift))
			haveTotal = true
		case socketPattern.MatchString(line):
			m := socketPattern.FindStringSubmatch(line)
			for _, s := range m[1:] {
				n, _ := strconv.Atoi(s)
				r.Transport += n
			}
		case non2xxPattern.MatchString(line):
			n, _ := strconv.Atoi(non2xxPattern.FindStringSubmatch(line)[1])
			r.Unlisted += n
		}
	}
	if !haveTotal {
		return r, fmt.Errorf("no \"N requests in T\" line in wrk's output:\n%s", out)
	}
	if total > 0 && !(p50 && p99) {
		return r, fmt.Errorf("no latency distribution (50%%, 99%%) in wrk's output (run with --latency):\n%s", out)
	}
	r.Requests = total - r.Unlisted
	r.Errors = r.Unlisted + r.Transport
	return r, nil
}

// parseDuration reads wrk's times: 812.00us, 1.23ms, 2.00s, 1.50m, 1.00h.
func parseDuration(s string) (time.Duration, error) {
	i := strings.IndexFunc(s, func(r rune) bool { return r >= 'a' && r <= 'z' })
	if i <= 0 {
		return 0, fmt.Errorf("wrk time %q: no unit", s)
	}
	n, err := strconv.ParseFloat(s[:i], 64)
	if err != nil {
		return 0, fmt.Errorf("wrk time %q: %w", s, err)
	}
	unit, ok := map[string]time.Duration{"us": time.Microsecond, "ms": time.Millisecond, "s": time.Second,
		"m": time.Minute, "h": time.Hour}[s[i:]]
	if !ok {
		return 0, fmt.Errorf("wrk time %q: unknown unit", s)
	}
	return time.Duration(n * float64(unit)), nil
}
