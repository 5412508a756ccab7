package httpapi_test

// Helpers of the hostile-input tests: the injection strings, the case
// runner and the judge of each answer, snapshots of every table, and JSON
// bodies handled as trees.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// hostileInjections are SQL-injection and escaping strings. Each one is sent
// in every query parameter, every path parameter and every string field.
var hostileInjections = []string{
	"' OR 1=1 --",
	"'; DROP TABLE agreements; --",
	"$$",
	"\x00",
	"a\x00'; DROP TABLE audit_log; --",
	`" OR ""="`,
	"') OR ('1'='1",
	"1; SELECT pg_sleep(5) --",
	"'||(SELECT secret_hash FROM api_keys LIMIT 1)||'",
	"1 UNION SELECT id, secret_hash FROM api_keys --",
	"$1",
	"$body$; DROP TABLE organizations; $body$",
	"%",
	"_",
	`\`,
	`\'; DROP TABLE regions; --`,
	"E'\\x27 OR 1=1'",
	"%27%20OR%201%3D1%20--",
	"changshou-cppcc' --",
	"\u202e' OR 1=1 --",
	"长寿区'; DROP TABLE organizations; --🤝",
	"*/ OR /* 1=1",
}

// storable reports whether s is text the registry accepts as a value: no
// NUL, not blank.
func storable(s string) bool { return !strings.ContainsRune(s, 0) && strings.TrimSpace(s) != "" }

// expectation is the class of answer a hostile case must get.
type expectation int

const (
	wantProblem expectation = iota // a 4xx application/problem+json
	wantNoMatch                    // 200 with an empty list: a free-text search
	wantOK                         // 200: an extreme but valid value
	want431                        // 431 (Go's own plain-text answer allowed) or the connection closed
)

// hostileCase is one request and the answer it must get.
type hostileCase struct {
	name        string
	method      string
	path        string // escaped path and query
	key         string
	body        []byte
	chunked     bool // send the body without a Content-Length
	contentType string
	header      map[string]string
	want        expectation
	status      []int // when set, the status must be one of these
	// check, when set, looks further at the answer.
	check func(r response) error
}

// hostileRun sends cases through a few workers and checks each answer.
type hostileRun struct {
	t        *testing.T
	base     string
	client   *http.Client
	tried    atomic.Int64
	fives    atomic.Int64
	mu       sync.Mutex
	slowest  time.Duration
	slowCase string
}

func newHostileRun(t *testing.T, base string) *hostileRun {
	return &hostileRun{t: t, base: base, client: &http.Client{Timeout: 30 * time.Second}}
}

// send runs one case and returns the answer, or a transport error.
func (h *hostileRun) send(c hostileCase) (response, error) {
	var body io.Reader
	if c.body != nil {
		body = bytes.NewReader(c.body)
		if c.chunked {
			body = io.MultiReader(bytes.NewReader(c.body)) // hides the length: sent chunked
		}
	}
	method := c.method
	if method == "" {
		method = http.MethodGet
	}
	hr, err := http.NewRequest(method, h.base+c.path, body)
	if err != nil {
		return response{}, err
	}
	if c.body != nil {
		ct := c.contentType
		if ct == "" {
			ct = "application/json"
		}
		if ct != "-" {
			hr.Header.Set("Content-Type", ct)
		}
	}
	if c.key != "" {
		hr.Header.Set("Authorization", "Bearer "+c.key)
	}
	for k, v := range c.header {
		hr.Header.Set(k, v)
	}
	resp, err := h.client.Do(hr)
	if err != nil {
		return response{}, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	if err != nil {
		return response{}, err
	}
	return response{Status: resp.StatusCode, Header: resp.Header, Body: raw}, nil
}

// judge checks an answer against the case's expectation.
func judge(c hostileCase, r response, elapsed time.Duration) error {
	switch {
	case strings.Contains(c.name, "pg_sleep") && elapsed > 4*time.Second:
		return fmt.Errorf("took %v: the injected pg_sleep(5) ran", elapsed)
	case elapsed > 15*time.Second:
		return fmt.Errorf("took %v", elapsed) // a pile-up
	}
	if len(c.status) > 0 && !slices.Contains(c.status, r.Status) {
		return fmt.Errorf("status %d, want one of %v: %.300s", r.Status, c.status, r.Body)
	}
	switch c.want {
	case wantProblem:
		if r.Status < 400 || r.Status > 499 {
			return fmt.Errorf("status %d, want 4xx: %.300s", r.Status, r.Body)
		}
		if err := isProblem(r); err != nil {
			return err
		}
	case wantNoMatch:
		if r.Status != http.StatusOK {
			return fmt.Errorf("status %d, want 200 with no match: %.300s", r.Status, r.Body)
		}
		var page struct {
			Items []json.RawMessage `json:"items"`
		}
		if err := json.Unmarshal(r.Body, &page); err != nil || page.Items == nil || len(page.Items) != 0 {
			return fmt.Errorf("want an empty list, got %.300s", r.Body)
		}
	case wantOK:
		if r.Status != http.StatusOK {
			return fmt.Errorf("status %d, want 200: %.300s", r.Status, r.Body)
		}
	case want431:
		if r.Status != http.StatusRequestHeaderFieldsTooLarge {
			return fmt.Errorf("status %d, want 431: %.300s", r.Status, r.Body)
		}
	}
	if c.check != nil {
		return c.check(r)
	}
	return nil
}

// isProblem checks that an answer is application/problem+json whose status
// member matches the response status.
func isProblem(r response) error {
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/problem+json") {
		return fmt.Errorf("status %d with Content-Type %q, want application/problem+json: %.300s", r.Status, ct, r.Body)
	}
	var p struct {
		Type   string `json:"type"`
		Title  string `json:"title"`
		Status int    `json:"status"`
	}
	if err := json.Unmarshal(r.Body, &p); err != nil || p.Type == "" || p.Title == "" || p.Status != r.Status {
		return fmt.Errorf("not a problem document for status %d: %.300s", r.Status, r.Body)
	}
	return nil
}

// run sends every case, eight at a time, and reports each failure.
func (h *hostileRun) run(cases []hostileCase) {
	h.t.Helper()
	work := make(chan hostileCase)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failures []string
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range work {
				start := time.Now()
				r, err := h.send(c)
				elapsed := time.Since(start)
				h.tried.Add(1)
				h.mu.Lock()
				if elapsed > h.slowest {
					h.slowest, h.slowCase = elapsed, c.method+" "+c.name
				}
				h.mu.Unlock()
				if err == nil && r.Status >= 500 {
					h.fives.Add(1)
				}
				if err == nil {
					err = judge(c, r, elapsed)
				} else if c.want == want431 && isConnectionClosed(err) {
					err = nil // Go may hang up while a huge header is still being sent
				}
				if err != nil {
					mu.Lock()
					failures = append(failures, fmt.Sprintf("%s %s: %v", c.method, c.name, err))
					mu.Unlock()
				}
			}
		}()
	}
	for _, c := range cases {
		work <- c
	}
	close(work)
	wg.Wait()
	slices.Sort(failures)
	for i, f := range failures {
		if i == 60 {
			h.t.Errorf("… and %d more failures", len(failures)-i)
			break
		}
		h.t.Error(f)
	}
}

func isConnectionClosed(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "connection reset") || strings.Contains(msg, "broken pipe") ||
		strings.Contains(msg, "EOF") || strings.Contains(msg, "forcibly closed")
}

// snapshot is the state of every table: row counts and, except for
// api_keys (whose last_used_at authentication keeps current), a digest of
// every row.
func (a *testAPI) snapshot() map[string]string {
	a.t.Helper()
	db := a.Store.DB()
	rows, err := db.Query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)
	if err != nil {
		a.t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			a.t.Fatal(err)
		}
		tables = append(tables, name)
	}
	if err := rows.Close(); err != nil {
		a.t.Fatal(err)
	}
	out := map[string]string{}
	for _, table := range tables {
		q := `SELECT count(*) || ' rows ' || coalesce(md5(string_agg(t::text, E'\n' ORDER BY t::text)), '') FROM "` + table + `" t`
		if table == "api_keys" {
			q = `SELECT count(*) || ' rows' FROM api_keys`
		}
		var v string
		if err := db.QueryRow(q).Scan(&v); err != nil {
			a.t.Fatalf("snapshot %s: %v", table, err)
		}
		out[table] = v
	}
	if len(out) < 17 {
		a.t.Fatalf("snapshot found only %d tables: %v", len(out), tables)
	}
	return out
}

// sameSnapshot fails the test for every table that changed.
func sameSnapshot(t *testing.T, before, after map[string]string) {
	t.Helper()
	for table, v := range before {
		if after[table] != v {
			t.Errorf("table %s changed: %s → %s", table, v, after[table])
		}
	}
	for table := range after {
		if _, ok := before[table]; !ok {
			t.Errorf("table %s appeared", table)
		}
	}
}

// ---- JSON bodies as trees: every string leaf, set one, copy ----

// leafPaths lists the path of every string leaf of v, such as
// "parties[1].role".
func leafPaths(v any, prefix string) []string {
	var out []string
	switch x := v.(type) {
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			p := k
			if prefix != "" {
				p = prefix + "." + k
			}
			out = append(out, leafPaths(x[k], p)...)
		}
	case []any:
		for i, e := range x {
			out = append(out, leafPaths(e, prefix+"["+strconv.Itoa(i)+"]")...)
		}
	case string:
		out = append(out, prefix)
	}
	return out
}

var pathPart = regexp.MustCompile(`([^.\[\]]+)|\[(\d+)\]`)

// setPath returns a deep copy of v with the value at path replaced (or, in
// an object, added).
func setPath(v any, path string, val any) any {
	out := deepCopy(v)
	parts := pathPart.FindAllStringSubmatch(path, -1)
	cur := out
	for i, p := range parts {
		last := i == len(parts)-1
		if p[1] != "" {
			m := cur.(map[string]any)
			if last {
				m[p[1]] = val
				return out
			}
			cur = m[p[1]]
			continue
		}
		n, _ := strconv.Atoi(p[2])
		s := cur.([]any)
		if last {
			s[n] = val
			return out
		}
		cur = s[n]
	}
	return out
}

// getPath returns the value at path, or nil.
func getPath(v any, path string) any {
	cur := v
	for _, p := range pathPart.FindAllStringSubmatch(path, -1) {
		if p[1] != "" {
			m, ok := cur.(map[string]any)
			if !ok {
				return nil
			}
			cur = m[p[1]]
			continue
		}
		n, _ := strconv.Atoi(p[2])
		s, ok := cur.([]any)
		if !ok || n >= len(s) {
			return nil
		}
		cur = s[n]
	}
	return cur
}

func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = deepCopy(e)
		}
		return m
	case []any:
		s := make([]any, len(x))
		for i, e := range x {
			s[i] = deepCopy(e)
		}
		return s
	}
	return v
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}
