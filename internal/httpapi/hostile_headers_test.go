package httpapi_test

// Hostile headers and raw HTTP: hostile header values, oversize headers and
// URIs on a server configured like `registry serve`, and requests Go's
// client will not send.

import (
	"bufio"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chengyu-collab/registry/internal/httpapi"
)

// headerCases: hostile request headers that fit the header limit.
func headerCases(api *testAPI, resources []hostileResource) []hostileCase {
	var cases []hostileCase
	post := resources[2] // joint actions
	body := mustJSON(post.full)
	for name, h := range map[string]map[string]string{
		"Idempotency-Key of 256 characters": {"Idempotency-Key": strings.Repeat("k", 256)},
		"Idempotency-Key with a space":      {"Idempotency-Key": "a b"},
		"Idempotency-Key not ASCII":         {"Idempotency-Key": "长寿"},
		"Idempotency-Key injection":         {"Idempotency-Key": "';DROP TABLE idempotency_keys;--"},
		"Authorization of 60 KiB":           {"Authorization": "Bearer " + strings.Repeat("x", 60<<10)},
		"Authorization injection":           {"Authorization": "Bearer ' OR 1=1 --"},
		"Authorization Basic":               {"Authorization": "Basic YWRtaW46YWRtaW4="},
		"Authorization without scheme":      {"Authorization": api.Admin},
		"Authorization empty bearer":        {"Authorization": "Bearer "},
	} {
		hc := hostileCase{name: "POST " + name, method: "POST", path: post.collection, body: body, header: h, want: wantProblem,
			status: []int{400, 401}}
		if _, ok := h["Authorization"]; !ok {
			hc.key = api.Admin
		}
		cases = append(cases, hc)
	}
	for name, im := range map[string]string{
		"injection": `"' OR 1=1 --"`, "weak": `W/"1"`, "unquoted": "1", "huge version": `"99999999999999999999"`,
		"negative": `"-1"`, "zero": `"0"`, "empty quotes": `""`, "many tags": strings.Repeat(`"x", `, 5000) + `"99"`,
	} {
		cases = append(cases, hostileCase{name: "PATCH If-Match " + name, method: "PATCH", path: post.item, key: api.Admin,
			body: []byte(`{"title_zh":"x"}`), header: map[string]string{"If-Match": im}, want: wantProblem, status: []int{400, 412}})
	}
	for name, h := range map[string]map[string]string{
		"Accept-Language junk":   {"Accept-Language": strings.Repeat("zh;q=nan,", 5000)},
		"X-Request-ID injection": {"X-Request-ID": "'; DROP TABLE audit_log; --"},
		"X-Request-ID 60 KiB":    {"X-Request-ID": strings.Repeat("r", 60<<10)},
		"Accept junk":            {"Accept": strings.Repeat("text/csv;", 3000)},
	} {
		cases = append(cases, hostileCase{name: "POST " + name, method: "POST", path: post.collection, key: api.Admin,
			body: []byte(`{"title_zh":1}`), header: h, want: wantProblem, status: []int{400},
			check: func(r response) error {
				if id := r.Header.Get("X-Request-ID"); len(id) > 128 || strings.ContainsAny(id, "'; ") {
					return fmt.Errorf("X-Request-ID echoed: %.80q", id)
				}
				return nil
			}})
	}
	return cases
}

// TestHostileLimitsOnRealServer sends oversize headers and URIs to a
// server configured like `registry serve` (MaxHeaderBytes): past 64 KiB of
// request line and headers the answer is 431, just under it the request is
// served.
func TestHostileLimitsOnRealServer(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	before := api.snapshot()
	srv := httptest.NewUnstartedServer(httpapi.NewHandler(httpapi.Deps{Store: api.Store}))
	srv.Config.MaxHeaderBytes = httpapi.MaxHeaderBytes
	srv.Start()
	t.Cleanup(srv.Close)
	run := newHostileRun(t, srv.URL)

	// headerBlock is the size of the request line and headers Go's client
	// sends for GET path with one extra header of n bytes.
	const path = "/v1/regions?limit=1"
	fixed := len("GET "+path+" HTTP/1.1\r\n") + len("Host: "+strings.TrimPrefix(srv.URL, "http://")+"\r\n") +
		len("User-Agent: Go-http-client/1.1\r\n") + len("Accept-Encoding: gzip\r\n") + len("X-Pad: \r\n") + len("\r\n")
	pad := func(total int) map[string]string { return map[string]string{"X-Pad": strings.Repeat("p", total-fixed)} }
	many := func(n int) map[string]string {
		h := map[string]string{}
		for i := range n {
			h["X-H-"+strconv.Itoa(i)] = "v"
		}
		return h
	}
	cases := []hostileCase{
		{name: "headers of exactly 64 KiB", path: path, header: pad(httpapi.MaxHeaderBytes), want: wantOK},
		{name: "headers of 64 KiB + 1", path: path, header: pad(httpapi.MaxHeaderBytes + 1), want: want431},
		{name: "headers of 66 KiB", path: path, header: pad(66 << 10), want: want431},
		{name: "headers of 70 KiB", path: path, header: pad(70 << 10), want: want431},
		{name: "headers of 80 KiB", path: path, header: pad(80 << 10), want: want431},
		{name: "headers of 1 MiB", path: path, header: pad(1 << 20), want: want431},
		{name: "6,000 headers", path: path, header: many(6000), want: want431},
		{name: "2,000 headers", path: path, header: many(2000), want: wantOK},
		{name: "path of 8 KiB", path: "/v1/agreements/" + strings.Repeat("a", 8<<10), want: wantProblem, status: []int{404}},
		{name: "path of 60 KiB", path: "/v1/" + strings.Repeat("a", 60<<10), want: wantProblem, status: []int{404}},
		{name: "path of 70 KiB", path: "/v1/agreements/" + strings.Repeat("a", 70<<10), want: want431},
		{name: "path of 2 MiB", path: "/v1/agreements/" + strings.Repeat("a", 2<<20), want: want431},
		{name: "query of 10 KiB", path: "/v1/agreements?q=" + strings.Repeat("a", 10<<10), want: wantProblem, status: []int{400}},
		{name: "query of 70 KiB", path: "/v1/agreements?q=" + strings.Repeat("a", 70<<10), want: want431},
		{name: "3,000 repeated parameters", path: "/v1/agreements?" + strings.Repeat("party=a&", 3000), want: wantProblem, status: []int{400}},
		{name: "20,000 distinct parameters", path: "/v1/agreements?" + manyParams(20000), want: want431},
		// Parameters the list does not define are refused (v1.1), however many.
		{name: "5,000 distinct parameters", path: "/v1/agreements?" + manyParams(5000), want: wantProblem, status: []int{400}},
		{name: "10⁶-element query list", path: "/v1/agreements?" + strings.Repeat("status=draft&", 1_000_000), want: want431},
	}
	run.run(cases)
	sameSnapshot(t, before, api.snapshot())
	t.Logf("hostile inputs tried: %d, 5xx seen: %d", run.tried.Load(), run.fives.Load())
}

func manyParams(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "p%d=1&", i)
	}
	return b.String()
}

// TestHostileRawRequests sends what Go's client will not: control
// characters in headers, a lying Content-Length, a bare LF, an absolute
// URI for another host. The server answers 400 (Go's own answer, which is
// plain text) or closes the connection, never a 5xx.
func TestHostileRawRequests(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	before := api.snapshot()
	srv := httptest.NewUnstartedServer(httpapi.NewHandler(httpapi.Deps{Store: api.Store}))
	srv.Config.MaxHeaderBytes = httpapi.MaxHeaderBytes
	srv.Config.ReadTimeout = 2 * time.Second
	srv.Start()
	t.Cleanup(srv.Close)
	addr := strings.TrimPrefix(srv.URL, "http://")
	auth := "Authorization: Bearer " + api.Admin + "\r\n"
	raw := map[string]string{
		"NUL in a header":             "GET /v1/regions HTTP/1.1\r\nHost: x\r\nX-A: a\x00b\r\n\r\n",
		"CR in a header":              "GET /v1/regions HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n",
		"header without a colon":      "GET /v1/regions HTTP/1.1\r\nHost: x\r\nnonsense\r\n\r\n",
		"space before the colon":      "GET /v1/regions HTTP/1.1\r\nHost: x\r\nX-A : b\r\n\r\n",
		"two Content-Lengths":         "POST /v1/joint-actions HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
		"Content-Length and chunked":  "POST /v1/joint-actions HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
		"negative Content-Length":     "POST /v1/joint-actions HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\nContent-Length: -1\r\n\r\n{}",
		"huge Content-Length":         "POST /v1/joint-actions HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\nContent-Length: 99999999999999\r\n\r\n{}",
		"short body":                  "POST /v1/joint-actions HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{}",
		"bad chunk size":              "POST /v1/joint-actions HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
		"unknown transfer encoding":   "POST /v1/joint-actions HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\nTransfer-Encoding: gzip\r\n\r\n{}",
		"no Host":                     "GET /v1/regions HTTP/1.1\r\n\r\n",
		"two Hosts":                   "GET /v1/regions HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
		"bad method":                  "G(E)T /v1/regions HTTP/1.1\r\nHost: x\r\n\r\n",
		"HTTP/9.9":                    "GET /v1/regions HTTP/9.9\r\nHost: x\r\n\r\n",
		"path with a raw space":       "GET /v1/regions /x HTTP/1.1\r\nHost: x\r\n\r\n",
		"path with NUL":               "GET /v1/regions\x00 HTTP/1.1\r\nHost: x\r\n\r\n",
		"request line of garbage":     "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n",
		"invalid UTF-8 in the path":   "GET /v1/organizations/\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n",
		"injection in the raw query":  "GET /v1/agreements?status=draft'%20OR%201=1-- HTTP/1.1\r\nHost: x\r\n\r\n",
		"semicolon in the raw query":  "GET /v1/agreements?status=x;DROP%20TABLE%20agreements HTTP/1.1\r\nHost: x\r\n\r\n",
		"absolute URI for elsewhere":  "GET http://evil.example/v1/regions/%27 HTTP/1.1\r\nHost: x\r\n\r\n",
		"asterisk form":               "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
		"CONNECT":                     "CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n",
		"Expect: 100-continue, giant": "POST /v1/joint-actions HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 2000000\r\n\r\n" + strings.Repeat(" ", 2000000),
	}
	// Go's HTTP server itself answers two protocol violations with the
	// 5xx codes RFC 9110 and 9112 prescribe, before any registry code runs:
	// 505 for an HTTP major version it does not speak, 501 for a transfer
	// coding it does not know. They are counted apart from the service's.
	protocol := map[string]int{"HTTP/9.9": 505, "unknown transfer encoding": 501}
	tried, fives := 0, 0
	names := make([]string, 0, len(raw))
	for name := range raw {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		tried++
		status, err := rawExchange(addr, raw[name])
		t.Logf("%-30s → %d %v", name, status, err)
		switch {
		case protocol[name] != 0:
			if status != protocol[name] && status != 0 {
				t.Errorf("%s: status %d, want Go's %d", name, status, protocol[name])
			}
		case status >= 500:
			fives++
			t.Errorf("%s: status %d", name, status)
		case name == "asterisk form" && status == 200:
			// Go's server answers OPTIONS * itself, with no body.
		case name == "CONNECT" && status == http.StatusMovedPermanently:
			// The router redirects the empty path to "/"; nothing is proxied.
		case status >= 200 && status < 400:
			t.Errorf("%s: served with %d", name, status)
		}
	}
	sameSnapshot(t, before, api.snapshot())
	t.Logf("hostile inputs tried: %d, 5xx seen: %d", tried, fives)
}

// rawExchange writes msg on a new connection and returns the status of the
// final answer (interim 1xx answers skipped), if one arrives in time; 0
// when the server hangs up first.
func rawExchange(addr, msg string) (int, error) {
	conn, err := net.DialTimeout("tcp", addr, 2*time.Second)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(4 * time.Second))
	go func() { _, _ = conn.Write([]byte(msg)) }() // the server may answer before reading it all
	br := bufio.NewReader(conn)
	for {
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			return 0, err
		}
		resp.Body.Close()
		if resp.StatusCode >= 200 {
			return resp.StatusCode, nil
		}
	}
}
