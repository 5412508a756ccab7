package httpapi_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chengyu-collab/registry/internal/httpapi"
)

// The hostile-input tables send what an attacker or a broken client would
// through the real HTTP stack and database, and hold the service to three
// rules: every answer is a 4xx problem+json (free-text searches may answer
// 200 with no match, since a search for "' OR 1=1 --" is a fair search),
// nothing answers 5xx, and no row of any table changes.

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

// ---- the resources under attack ----

// hostileResource is one writable resource: a complete valid create body
// (every field the contract names), the record the PATCH cases target, and
// poisons that make an otherwise acceptable body fail in the database.
type hostileResource struct {
	name       string
	collection string         // POST path
	item       string         // PATCH path of a record created before the snapshot
	full       map[string]any // a valid create body with every field
	patchFull  map[string]any // a valid merge patch with every patchable field
	// poison and patchPoison set a field so that the write is refused in
	// the database (a duplicate key or an unknown reference), returning the
	// field they set.
	poison      func(b map[string]any) (map[string]any, string)
	patchPoison func(b map[string]any) (map[string]any, string)
	freeText    []string // paths of the free-text fields
}

func hostileAgreement(refNo string) map[string]any {
	return map[string]any{
		"ref_no": refNo, "title_zh": "敌意输入测试协议", "title_en": "Hostile input agreement",
		"type": "cooperation", "status": "signed", "signed_on": "2023-06", "signed_place": "长寿区",
		"effective_from": "2023-06-15", "effective_to": "2025", "summary_zh": "摘要", "summary_en": "Summary",
		"areas_declared": 2,
		"parties": []any{
			map[string]any{"organization_id": "changshou-cppcc", "role": "signatory", "signatory_name": "张三", "signatory_title": "主席"},
			map[string]any{"organization_id": "pengzhou-cppcc", "role": "signatory", "signatory_name": "李四", "signatory_title": "主席"},
		},
		"areas":      []any{map[string]any{"area_code": "culture-tourism", "label_zh": "文旅交流", "label_en": "Culture", "description": "说明"}},
		"mechanisms": []any{map[string]any{"kind": "joint_meeting", "description": "每年召开一次联席会议"}},
		"documents":  []any{map[string]any{"title": "协议全文", "url": "https://example.org/a.pdf", "language": "zh", "kind": "full_text"}},
	}
}

func hostileConsultation() map[string]any {
	return map[string]any{
		"title_zh": "敌意输入测试协商", "title_en": "Hostile consultation", "topic_zh": "森林防灭火", "topic_en": "Fire",
		"format": "meeting", "held_on": "2023-04-12", "location": "长寿区", "area_code": "forest-fire-prevention",
		"status": "held", "summary_zh": "摘要", "summary_en": "Summary",
		"participants": []any{
			map[string]any{"organization_id": "changshou-cppcc", "role": "host"},
			map[string]any{"organization_id": "pengzhou-cppcc", "role": "participant"},
		},
		"outcomes": []any{map[string]any{"kind": "opinion", "count": 12, "approximate": false, "description_zh": "意见", "description_en": "Opinions"}},
	}
}

func hostileJointAction() map[string]any {
	return map[string]any{
		"title_zh": "敌意输入测试联合履职", "title_en": "Hostile joint action", "theme_zh": "主题", "theme_en": "Theme",
		"kind": "research", "started_on": "2023-03", "ended_on": "2023-05-20", "location": "长寿区",
		"area_code": "ecology", "status": "completed", "summary_zh": "摘要", "summary_en": "Summary",
		"participants": []any{
			map[string]any{"organization_id": "changshou-cppcc", "role": "lead"},
			map[string]any{"organization_id": "pengzhou-cppcc", "role": "partner"},
		},
		"outcomes": []any{map[string]any{"kind": "proposal", "count": 3, "approximate": true, "description_zh": "建议", "description_en": "Proposals"}},
	}
}

func hostileOrganization(code string) map[string]any {
	return map[string]any{"code": code, "kind": "other", "name_zh": "敌意输入测试组织", "name_en": "Hostile org",
		"short_name_zh": "测试", "short_name_en": "Test", "region_code": "500115", "parent_id": "changshou-cppcc"}
}

func hostileArea(code string) map[string]any {
	return map[string]any{"code": code, "name_zh": "敌意输入测试领域", "name_en": "Hostile area", "parent_code": "ecology"}
}

// withField returns a copy of b with one field set.
func withField(b map[string]any, path string, v any) map[string]any {
	return setPath(b, path, v).(map[string]any)
}

// hostileResources creates the records the PATCH cases target (before the
// snapshot) and describes each writable resource.
func hostileResources(t *testing.T, api *testAPI) []hostileResource {
	t.Helper()
	create := func(path string, body any) string {
		r := api.do(req{method: "POST", path: path, key: api.Admin, body: body})
		expect(t, r, 201)
		return r.Header.Get("Location")
	}
	agreement := create("/v1/agreements", hostileAgreement("HOSTILE-TARGET"))
	consultation := create("/v1/consultations", hostileConsultation())
	jointAction := create("/v1/joint-actions", hostileJointAction())
	organization := create("/v1/organizations", hostileOrganization("hostile-target-org"))
	area := create("/v1/cooperation-areas", hostileArea("hostile-target-area"))
	unknownParty := func(path string) func(b map[string]any) (map[string]any, string) {
		return func(b map[string]any) (map[string]any, string) {
			return withField(b, path, "no-such-organization"), path
		}
	}
	noCode := func(m map[string]any) map[string]any {
		out := deepCopy(m).(map[string]any)
		delete(out, "code")
		return out
	}
	return []hostileResource{{
		name: "agreement", collection: "/v1/agreements", item: agreement,
		full: hostileAgreement("HOSTILE-NEW"), patchFull: hostileAgreement("HOSTILE-TARGET"),
		// A duplicate ref_no is refused by the unique constraint, after the
		// INSERT carrying every text of the record ran.
		poison: func(b map[string]any) (map[string]any, string) {
			return withField(b, "ref_no", "HOSTILE-TARGET"), "ref_no"
		},
		patchPoison: unknownParty("parties[1].organization_id"),
		freeText: []string{"ref_no", "title_zh", "title_en", "signed_place", "summary_zh", "summary_en",
			"parties[0].signatory_name", "parties[0].signatory_title", "areas[0].label_zh", "areas[0].label_en",
			"areas[0].description", "mechanisms[0].description", "documents[0].title"},
	}, {
		name: "consultation", collection: "/v1/consultations", item: consultation,
		full: hostileConsultation(), patchFull: hostileConsultation(),
		poison: unknownParty("participants[1].organization_id"), patchPoison: unknownParty("participants[1].organization_id"),
		freeText: []string{"title_zh", "title_en", "topic_zh", "topic_en", "location", "summary_zh", "summary_en",
			"outcomes[0].description_zh", "outcomes[0].description_en"},
	}, {
		name: "joint action", collection: "/v1/joint-actions", item: jointAction,
		full: hostileJointAction(), patchFull: hostileJointAction(),
		poison: unknownParty("participants[1].organization_id"), patchPoison: unknownParty("participants[1].organization_id"),
		freeText: []string{"title_zh", "title_en", "theme_zh", "theme_en", "location", "summary_zh", "summary_en",
			"outcomes[0].description_zh", "outcomes[0].description_en"},
	}, {
		name: "organization", collection: "/v1/organizations", item: organization,
		full: hostileOrganization("hostile-new-org"), patchFull: noCode(hostileOrganization("")),
		// A duplicate code is refused by the unique constraint of the INSERT.
		poison: func(b map[string]any) (map[string]any, string) {
			return withField(b, "code", "changshou-cppcc"), "code"
		},
		patchPoison: unknownParty("parent_id"),
		freeText:    []string{"name_zh", "name_en", "short_name_zh", "short_name_en"},
	}, {
		name: "cooperation area", collection: "/v1/cooperation-areas", item: area,
		full: hostileArea("hostile-new-area"), patchFull: noCode(hostileArea("")),
		// A duplicate code is refused by the primary key of the INSERT.
		poison: func(b map[string]any) (map[string]any, string) {
			return withField(b, "code", "ecology"), "code"
		},
		patchPoison: func(b map[string]any) (map[string]any, string) {
			return withField(b, "parent_code", "no-such-area"), "parent_code"
		},
		freeText: []string{"name_zh", "name_en"},
	}}
}

// ---- the lists under attack ----

// hostileList is a list (or other GET) and its query parameters; free-text
// parameters answer a search that matches nothing instead of a 400.
type hostileList struct {
	path     string
	admin    bool
	base     string // parameters every request carries, such as year=2023
	params   []string
	freeText []string
	// textCursor: the list is keyed by a code, and its cursor is any text.
	textCursor bool
}

func hostileLists() []hostileList {
	activity := func(path, kind string) hostileList {
		return hostileList{path: path, params: []string{"party", "region", "agreement", "area", kind, "status", "from", "to",
			"q", "include_archived", "limit", "cursor", "format"}, freeText: []string{"q"}}
	}
	return []hostileList{
		{path: "/v1/agreements", params: []string{"party", "region", "status", "type", "area", "signed_from", "signed_to",
			"q", "include_archived", "limit", "cursor", "format"}, freeText: []string{"q"}},
		activity("/v1/consultations", "format"),
		activity("/v1/joint-actions", "kind"),
		{path: "/v1/organizations", params: []string{"kind", "region", "q", "limit", "cursor"}, freeText: []string{"q"}, textCursor: true},
		{path: "/v1/regions", params: []string{"level", "parent", "limit", "cursor"}, textCursor: true},
		{path: "/v1/cooperation-areas", params: []string{"limit", "cursor"}, textCursor: true},
		{path: "/v1/audit", admin: true, params: []string{"entity", "entity_id", "actor", "actor_organization", "from", "to",
			"limit", "cursor"}, freeText: []string{"entity_id"}},
		{path: "/v1/stats", base: "year=2023", params: []string{"year", "organization", "region", "partner_region"}},
		{path: "/v1/organizations/changshou-cppcc/joint-actions", params: []string{"party", "status", "q", "limit", "cursor"}, freeText: []string{"q"}},
		{path: "/v1/organizations/changshou-cppcc/consultations", params: []string{"party", "format", "q", "limit", "cursor"}, freeText: []string{"q"}},
	}
}

// cursorOf encodes parts the way the service encodes its cursors, to forge
// cursors that decode but carry hostile content.
func cursorOf(parts ...string) string {
	b, _ := json.Marshal(parts)
	return base64.RawURLEncoding.EncodeToString(b)
}

// queryCases: every injection in every parameter of every list, forged
// cursors, malformed query strings and extreme values.
func queryCases(api *testAPI) []hostileCase {
	var cases []hostileCase
	for _, l := range hostileLists() {
		key := ""
		if l.admin {
			key = api.Admin
		}
		for _, p := range l.params {
			for _, inj := range hostileInjections {
				c := hostileCase{name: fmt.Sprintf("%s?%s=%q", l.path, p, inj), key: key, want: wantProblem}
				q := url.Values{p: {inj}}
				c.path = l.path + "?" + q.Encode()
				if l.base != "" && p != "year" {
					c.path += "&" + l.base
				}
				if slices.Contains(l.freeText, p) && storable(inj) {
					c.want = wantNoMatch
				}
				if p == "cursor" || p == "limit" || !slices.Contains(l.freeText, p) {
					c.status = []int{400}
				}
				cases = append(cases, c)
			}
		}
		// Forged cursors: well-formed base64 and JSON with hostile content
		// (a list keyed by code takes any text after which to start, NUL
		// excepted), and cursors that do not decode.
		if l.path != "/v1/stats" {
			for _, cur := range []struct {
				cursor string
				asText bool // a cursor a code-keyed list accepts
			}{
				{cursorOf("' OR 1=1 --"), true}, {cursorOf("'; DROP TABLE organizations; --"), true},
				{cursorOf("99999999999999999999"), true}, {cursorOf(strings.Repeat("x", 5000)), true},
				{base64.RawURLEncoding.EncodeToString([]byte(`["\ud800"]`)), true},
				{cursorOf("\x00"), false}, {cursorOf("a\x00b"), false}, {cursorOf("2023-01-01", "' OR 1=1 --"), false},
				{cursorOf("' OR 1=1 --", "00000000-0000-0000-0000-000000000000"), false},
				{cursorOf("infinity", "00000000-0000-0000-0000-000000000000"), false},
				{cursorOf("2023-02-30", "00000000-0000-0000-0000-000000000000"), false},
				{base64.RawURLEncoding.EncodeToString([]byte{0xff, 0xfe}), false},
				{base64.RawURLEncoding.EncodeToString([]byte(`{"a":1}`)), false}, {"=", false}, {"%00", false},
				{strings.Repeat("A", 3000), false},
			} {
				path := l.path + "?cursor=" + url.QueryEscape(cur.cursor)
				c := hostileCase{name: "forged cursor " + path[:min(len(path), 120)], path: path, key: key, want: wantProblem, status: []int{400}}
				if l.textCursor && cur.asText {
					c.want, c.status = wantOK, nil
				}
				cases = append(cases, c)
			}
		}
		// Malformed query strings: a raw semicolon, a bad escape, invalid
		// UTF-8, a repeated parameter, a parameter with no value.
		for _, p := range l.params {
			for _, raw := range []string{p + "=x;DROP%20TABLE%20agreements", p + "=%zz", p + "=%ff%fe", p + "=a&" + p + "=b",
				p + "=", p + "=%20%20", p} {
				path := l.path + "?" + raw
				if l.base != "" && p != "year" {
					path += "&" + l.base
				}
				cases = append(cases, hostileCase{name: "malformed query " + path, path: path, key: key, want: wantProblem, status: []int{400}})
			}
		}
	}
	// Extreme but valid values: answered, never a 5xx.
	for _, path := range []string{
		"/v1/agreements?signed_from=0001&signed_to=9999-12-31", "/v1/agreements?signed_from=9999-12-31",
		"/v1/agreements?signed_to=0001-01-01", "/v1/joint-actions?from=0001&to=9999", "/v1/joint-actions?from=9999-12-31",
		"/v1/consultations?to=0001-01", "/v1/stats?year=1", "/v1/stats?year=9999", "/v1/agreements?limit=200",
		"/v1/agreements?q=" + url.QueryEscape(strings.Repeat("长", 200)), "/v1/audit?from=0001-01-01&to=9999-12-31",
		"/v1/audit?from=9999-12-31T23:59:59Z",
	} {
		key := ""
		if strings.HasPrefix(path, "/v1/audit") {
			key = api.Admin
		}
		cases = append(cases, hostileCase{name: "extreme " + path, path: path, key: key, want: wantOK})
	}
	for _, path := range []string{"/v1/stats?year=0", "/v1/stats?year=10000", "/v1/stats?year=-1", "/v1/stats?year=1e3",
		"/v1/stats?year=99999999999999999999", "/v1/agreements?limit=0", "/v1/agreements?limit=201", "/v1/agreements?limit=-1",
		"/v1/agreements?limit=1e2", "/v1/agreements?limit=99999999999999999999", "/v1/agreements?signed_from=0000",
		"/v1/agreements?signed_from=2023-02-29", "/v1/agreements?signed_from=infinity", "/v1/agreements?signed_from=today",
		"/v1/agreements?q=" + url.QueryEscape(strings.Repeat("长", 201)), "/v1/audit?from=-infinity",
		"/v1/audit?from=10000-01-01", "/v1/stats?year=2023&organization=changshou-cppcc&region=500115"} {
		key := ""
		if strings.HasPrefix(path, "/v1/audit") {
			key = api.Admin
		}
		cases = append(cases, hostileCase{name: "out of range " + path, path: path, key: key, want: wantProblem, status: []int{400}})
	}
	return cases
}

// pathCases: every injection as the id of every item route, with every
// verb the route takes.
func pathCases(api *testAPI) []hostileCase {
	var cases []hostileCase
	routes := []struct {
		pattern string
		methods []string
	}{
		{"/v1/agreements/%s", []string{"GET", "PATCH", "DELETE"}},
		{"/v1/agreements/%s/history", []string{"GET"}},
		{"/v1/agreements/%s/consultations", []string{"GET"}},
		{"/v1/agreements/%s/joint-actions", []string{"GET"}},
		{"/v1/consultations/%s", []string{"GET", "PATCH", "DELETE"}},
		{"/v1/joint-actions/%s", []string{"GET", "PATCH", "DELETE"}},
		{"/v1/organizations/%s", []string{"GET", "PATCH"}},
		{"/v1/organizations/%s/joint-actions", []string{"GET"}},
		{"/v1/organizations/%s/consultations", []string{"GET"}},
		{"/v1/regions/%s", []string{"GET"}},
		{"/v1/cooperation-areas/%s", []string{"GET", "PATCH"}},
	}
	for _, rt := range routes {
		for _, inj := range hostileInjections {
			for _, m := range rt.methods {
				c := hostileCase{name: fmt.Sprintf(rt.pattern, fmt.Sprintf("%q", inj)), method: m,
					path: fmt.Sprintf(rt.pattern, url.PathEscape(inj)), key: api.Admin, want: wantProblem, status: []int{404}}
				if m != "GET" {
					c.header = map[string]string{"If-Match": `"1"`}
				}
				if m == "PATCH" {
					c.body = []byte(`{"title_zh":"x"}`)
					c.status = []int{400, 404} // 400 where the body is checked before the lookup
				}
				cases = append(cases, c)
			}
		}
	}
	return cases
}

// bodyInjectionCases: every injection in every string field of every
// create body and of every patch. The body is poisoned so that the write
// fails in the database even when the injected text is acceptable text:
// the text travels as far as the write goes, and the answer must still be
// a 4xx with nothing changed.
func bodyInjectionCases(api *testAPI, resources []hostileResource) []hostileCase {
	var cases []hostileCase
	for _, res := range resources {
		for _, leaf := range leafPaths(res.full, "") {
			for _, inj := range hostileInjections {
				body := withField(res.full, leaf, inj)
				if poisoned, field := res.poison(body); field != leaf {
					body = poisoned
				} else { // the injection replaced the poison: poison another field
					body, _ = res.patchPoison(body)
				}
				cases = append(cases, hostileCase{name: fmt.Sprintf("%s %s=%q", res.collection, leaf, inj), method: "POST",
					path: res.collection, key: api.Admin, body: mustJSON(body), want: wantProblem, status: []int{409, 422}})
			}
		}
		for _, leaf := range leafPaths(res.patchFull, "") {
			for _, inj := range hostileInjections {
				body := withField(res.patchFull, leaf, inj)
				if poisoned, field := res.patchPoison(body); field != leaf {
					body = poisoned
				}
				cases = append(cases, hostileCase{name: fmt.Sprintf("%s %s=%q", res.item, leaf, inj), method: "PATCH",
					path: res.item, key: api.Admin, body: mustJSON(body), header: map[string]string{"If-Match": `"1"`},
					want: wantProblem, status: []int{400, 422}})
			}
		}
	}
	return cases
}

// massAssignmentCases: server-owned fields in any letter case, at the top
// level and inside child objects, and read-only output fields, in bodies
// that are otherwise valid, on every POST and PATCH.
func massAssignmentCases(api *testAPI, resources []hostileResource) []hostileCase {
	owned := map[string]any{
		"id": "00000000-0000-7000-8000-000000000001", "ID": "00000000-0000-7000-8000-000000000001",
		"Id": "00000000-0000-7000-8000-000000000001", "iD": "00000000-0000-7000-8000-000000000001",
		"version": 99, "VERSION": 99, "Version": 0, "vErSiOn": "99",
		"created_at": "2000-01-01T00:00:00Z", "CREATED_AT": "2000-01-01T00:00:00Z", "Created_At": nil,
		"updated_at": "2000-01-01T00:00:00Z", "Updated_At": "2000-01-01T00:00:00Z",
		"archived_at": nil, "ARCHIVED_AT": "2000-01-01T00:00:00Z", "Archived_at": nil,
	}
	outputOnly := []string{"organization_code", "search_text", "sort_on", "period", "actor_key_id", "request_id",
		"signed_on_last", "signed_on_precision", "secret_hash", "role_id", "is_admin", "Title_Zh", "TITLE_ZH",
		"titlE_zh", "ſtatus", "\u212Aind", "code\u200b"}
	var cases []hostileCase
	for _, res := range resources {
		targets := []struct {
			method, path string
			body         map[string]any
			header       map[string]string
		}{
			{"POST", res.collection, res.full, nil},
			{"PATCH", res.item, map[string]any{}, map[string]string{"If-Match": `"1"`}},
			{"PATCH", res.item, res.patchFull, map[string]string{"If-Match": `"1"`}},
		}
		for _, tg := range targets {
			for field, v := range owned {
				cases = append(cases, hostileCase{name: fmt.Sprintf("%s %s", tg.path, field), method: tg.method, path: tg.path,
					key: api.Admin, body: mustJSON(withField(tg.body, field, v)), header: tg.header, want: wantProblem, status: []int{400},
					check: problemType("read-only-field")})
			}
			for _, field := range outputOnly {
				cases = append(cases, hostileCase{name: fmt.Sprintf("%s %q", tg.path, field), method: tg.method, path: tg.path,
					key: api.Admin, body: mustJSON(withField(tg.body, field, "x")), header: tg.header, want: wantProblem, status: []int{400}})
			}
			// Server-owned fields inside child objects.
			for _, child := range []string{"parties[0]", "participants[0]", "outcomes[0]", "areas[0]", "documents[0]"} {
				if getPath(tg.body, child) == nil {
					continue
				}
				for _, field := range []string{"id", "ID", "version", "created_at", "agreement_id", "position", "consultation_id"} {
					if _, legit := getPath(tg.body, child).(map[string]any)[field]; legit {
						continue
					}
					cases = append(cases, hostileCase{name: fmt.Sprintf("%s %s.%s", tg.path, child, field), method: tg.method,
						path: tg.path, key: api.Admin, body: mustJSON(withField(tg.body, child+"."+field, 7)), header: tg.header,
						want: wantProblem, status: []int{400}})
				}
			}
		}
	}
	return cases
}

// problemType checks the problem's type URI ends with kind.
func problemType(kind string) func(r response) error {
	return func(r response) error {
		var p struct {
			Type string `json:"type"`
		}
		_ = json.Unmarshal(r.Body, &p)
		if !strings.HasSuffix(p.Type, "/"+kind) {
			return fmt.Errorf("problem type %q, want …/%s: %.200s", p.Type, kind, r.Body)
		}
		return nil
	}
}

// rawBody splices raw JSON text for key into a valid body (replacing the
// key's value, or adding the key), for cases json.Marshal cannot express.
func rawBody(valid map[string]any, key, rawValue string) []byte {
	b := deepCopy(valid).(map[string]any)
	delete(b, key)
	rest := mustJSON(b)
	if len(b) == 0 {
		return []byte(`{"` + key + `":` + rawValue + `}`)
	}
	return append([]byte(`{"`+key+`":`+rawValue+`,`), rest[1:]...)
}

// malformedCases: duplicate keys, wrong types, wrong shapes, bad encodings,
// wrong content types, on every POST and PATCH.
func malformedCases(api *testAPI, resources []hostileResource) []hostileCase {
	var cases []hostileCase
	for _, res := range resources {
		for _, tg := range []struct {
			method, path string
			body         map[string]any
			header       map[string]string
		}{
			{"POST", res.collection, res.full, nil},
			{"PATCH", res.item, res.patchFull, map[string]string{"If-Match": `"1"`}},
		} {
			add := func(name string, body []byte, ct string, status ...int) {
				cases = append(cases, hostileCase{name: tg.path + " " + name, method: tg.method, path: tg.path, key: api.Admin,
					body: body, contentType: ct, header: tg.header, want: wantProblem, status: status})
			}
			textField := "title_zh"
			if _, ok := tg.body["name_zh"]; ok {
				textField = "name_zh"
			}
			valid := mustJSON(tg.body)
			// Duplicate keys: plain, escaped, nested.
			add("duplicate key", rawBody(tg.body, textField, `"a","`+textField+`":"b"`), "", 400)
			add("duplicate escaped key", rawBody(tg.body, textField, `"a","`+strings.Replace(textField, "_", `\u005f`, 1)+`":"b"`), "", 400)
			add("duplicate key differing in case", rawBody(tg.body, textField, `"a","`+strings.ToUpper(textField)+`":"b"`), "", 400)
			for _, child := range []string{"parties", "participants"} {
				if _, ok := tg.body[child]; ok {
					add("duplicate nested key", rawBody(tg.body, child,
						`[{"organization_id":"changshou-cppcc","role":"lead","role":"signatory"},{"organization_id":"pengzhou-cppcc","role":"partner"}]`), "", 400)
				}
			}
			// Wrong types in every field.
			for _, leaf := range leafPaths(tg.body, "") {
				for _, v := range []any{12345, true, []any{"x"}, map[string]any{"x": 1}, 1e308, -0.5} {
					add(fmt.Sprintf("%s=%v", leaf, v), mustJSON(withField(tg.body, leaf, v)), "", 400, 422)
				}
			}
			for _, v := range []string{`"6"`, `6.5`, `-1`, `1e400`, `9223372036854775808`, `[]`, `{}`, `NaN`, `Infinity`, `0x10`, `06`, `1_000`} {
				add("areas_declared="+v, rawBody(tg.body, "areas_declared", v), "", 400, 422)
				add("outcomes count="+v, rawBody(tg.body, "outcomes", `[{"kind":"opinion","count":`+v+`}]`), "", 400, 422)
			}
			for _, v := range []string{`"x"`, `{}`, `[1,2]`, `[[]]`, `[null]`, `["changshou-cppcc"]`, `true`} {
				add("parties="+v, rawBody(tg.body, "parties", v), "", 400, 422)
				add("participants="+v, rawBody(tg.body, "participants", v), "", 400, 422)
				add("outcomes="+v, rawBody(tg.body, "outcomes", v), "", 400, 422)
			}
			// Whole-body shapes and encodings.
			for name, b := range map[string][]byte{
				"null": []byte("null"), "array": []byte("[]"), "string": []byte(`"x"`), "number": []byte("1"), "true": []byte("true"),
				"two values": append(append([]byte{}, valid...), valid...), "trailing garbage": append(append([]byte{}, valid...), "x"...),
				"trailing comma": append(valid[:len(valid)-1:len(valid)-1], ",}"...), "empty": {}, "spaces": []byte("   "),
				"single quotes": []byte(`{'title_zh':'x'}`), "comment": []byte(`/* x */ {}`), "bare NaN": []byte(`{"title_zh":NaN}`),
				"BOM":               append([]byte("\xef\xbb\xbf"), valid...),
				"invalid UTF-8":     rawBody(tg.body, textField, "\"\xff\xfe\xfd\""),
				"overlong UTF-8":    rawBody(tg.body, textField, "\"\xc0\xaf\""),
				"lone surrogate":    rawBody(tg.body, textField, `"\ud800"`),
				"low surrogate":     rawBody(tg.body, textField, `"x\udc00y"`),
				"escaped NUL":       rawBody(tg.body, textField, `"a\u0000b"`),
				"unterminated":      valid[: len(valid)/2 : len(valid)/2],
				"unknown field":     rawBody(tg.body, "evil", `"x"`),
				"__proto__":         rawBody(tg.body, "__proto__", `{"admin":true}`),
				"null text":         rawBody(tg.body, textField, "null"),
				"blank text":        rawBody(tg.body, textField, `" \t\n "`),
				"ideographic blank": rawBody(tg.body, textField, "\"\u3000\u3000\""),
			} {
				add("body "+name, b, "", 400, 415, 422)
			}
			// Content types.
			for _, ct := range []string{"-", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
				"application/json; charset=latin1", "application/json; charset=utf-16", "application/jsonx", "application/xml",
				"application/json;;", "*/*", strings.Repeat("a", 2000)} {
				add("Content-Type "+ct[:min(len(ct), 40)], valid, ct, 415)
			}
		}
	}
	return cases
}

// boundaryCases: every text limit at its bound (accepted: the answer, made
// a 4xx by a poison, does not name the field) and one past it (422
// too_long naming the field), in CJK and in characters outside the BMP so
// that code points, not bytes or UTF-16 units, are what is counted; and
// the list and number limits.
func boundaryCases(api *testAPI, resources []hostileResource) []hostileCase {
	limits := map[string]int{
		"ref_no": 64, "title_zh": 200, "title_en": 200, "signed_place": 200, "summary_zh": 10000, "summary_en": 10000,
		"parties[0].signatory_name": 200, "parties[0].signatory_title": 200, "areas[0].label_zh": 200, "areas[0].label_en": 200,
		"areas[0].description": 10000, "mechanisms[0].description": 10000, "documents[0].title": 200,
		"topic_zh": 500, "topic_en": 500, "theme_zh": 500, "theme_en": 500, "location": 200,
		"outcomes[0].description_zh": 10000, "outcomes[0].description_en": 10000,
		"name_zh": 200, "name_en": 200, "short_name_zh": 50, "short_name_en": 50,
	}
	var cases []hostileCase
	for _, res := range resources {
		for _, field := range res.freeText {
			limit := limits[field]
			if limit == 0 {
				panic("no limit known for " + field)
			}
			for _, ch := range []string{"长", "𠀀", "a"} {
				at := strings.Repeat(ch, limit)
				if field == "ref_no" {
					at = strings.Repeat(strings.ToUpper(ch), limit)
				}
				body, poisonField := res.poison(withField(res.full, field, "  "+at+" \t"))
				if poisonField == field {
					body, poisonField = res.patchPoison(withField(res.full, field, at))
				}
				cases = append(cases, hostileCase{name: fmt.Sprintf("%s %s = %d × %q", res.collection, field, limit, ch),
					method: "POST", path: res.collection, key: api.Admin, body: mustJSON(body), want: wantProblem,
					status: []int{409, 422}, check: doesNotName(field)})
				over := withField(res.full, field, at+ch)
				cases = append(cases, hostileCase{name: fmt.Sprintf("%s %s = %d × %q", res.collection, field, limit+1, ch),
					method: "POST", path: res.collection, key: api.Admin, body: mustJSON(over), want: wantProblem,
					status: []int{422}, check: names(field, "too_long")})
				cases = append(cases, hostileCase{name: fmt.Sprintf("PATCH %s %s = %d × %q", res.item, field, limit+1, ch),
					method: "PATCH", path: res.item, key: api.Admin, body: mustJSON(map[string]any{field: at + ch}),
					header: map[string]string{"If-Match": `"1"`}, want: wantProblem, status: []int{400, 422}})
			}
		}
	}
	// Lists and numbers at and past their bounds, in otherwise valid bodies.
	many := func(n int, f func(i int) any) []any {
		out := make([]any, n)
		for i := range out {
			out[i] = f(i)
		}
		return out
	}
	over := []struct {
		path, field string
		v           any
	}{
		{"/v1/agreements", "parties", many(51, func(i int) any {
			return map[string]any{"organization_id": fmt.Sprintf("org-%d", i), "role": "signatory"}
		})},
		{"/v1/agreements", "areas", many(51, func(int) any { return map[string]any{"label_zh": "领域"} })},
		{"/v1/agreements", "mechanisms", many(21, func(int) any { return map[string]any{"kind": "other"} })},
		{"/v1/agreements", "documents", many(51, func(int) any { return map[string]any{"title": "t", "url": "https://example.org/"} })},
		{"/v1/agreements", "areas_declared", 101},
		{"/v1/agreements", "areas_declared", -1},
		{"/v1/agreements", "documents[0].url", "https://example.org/" + strings.Repeat("a", 2049-len("https://example.org/"))},
		{"/v1/consultations", "participants", many(101, func(i int) any {
			return map[string]any{"organization_id": fmt.Sprintf("org-%d", i), "role": "participant"}
		})},
		{"/v1/consultations", "outcomes", many(51, func(int) any { return map[string]any{"kind": "other"} })},
		{"/v1/consultations", "outcomes[0].count", 1_000_000_001},
		{"/v1/joint-actions", "outcomes[0].count", -1},
	}
	for _, o := range over {
		var base map[string]any
		for _, res := range resources {
			if res.collection == o.path {
				base = res.full
			}
		}
		cases = append(cases, hostileCase{name: fmt.Sprintf("%s %s past its bound", o.path, o.field), method: "POST", path: o.path,
			key: api.Admin, body: mustJSON(withField(base, o.field, o.v)), want: wantProblem, status: []int{422},
			check: names(strings.Split(o.field, "[")[0], "")})
	}
	// At the bound, the URL and the count are accepted (the poison decides).
	for _, at := range []struct {
		path, field string
		v           any
	}{
		{"/v1/agreements", "documents[0].url", "https://example.org/" + strings.Repeat("a", 2048-len("https://example.org/"))},
		{"/v1/agreements", "areas_declared", 100},
		{"/v1/consultations", "outcomes[0].count", 1_000_000_000},
	} {
		for _, res := range resources {
			if res.collection == at.path {
				body, _ := res.poison(withField(res.full, at.field, at.v))
				cases = append(cases, hostileCase{name: fmt.Sprintf("%s %s at its bound", at.path, at.field), method: "POST",
					path: at.path, key: api.Admin, body: mustJSON(body), want: wantProblem, status: []int{409, 422},
					check: doesNotName(at.field)})
			}
		}
	}
	return cases
}

// names checks that a problem lists field (with code, when given).
func names(field, code string) func(r response) error {
	return func(r response) error {
		var p struct {
			Errors []struct{ Field, Code string } `json:"errors"`
		}
		_ = json.Unmarshal(r.Body, &p)
		for _, e := range p.Errors {
			if (e.Field == field || strings.HasPrefix(e.Field, field+"[") || strings.HasPrefix(e.Field, field+".")) && (code == "" || e.Code == code) {
				return nil
			}
		}
		return fmt.Errorf("problem does not name %s %s: %.300s", field, code, r.Body)
	}
}

// doesNotName checks that a problem does not find fault with field.
func doesNotName(field string) func(r response) error {
	return func(r response) error {
		if names(field, "")(r) == nil {
			return fmt.Errorf("a value at its bound was refused: %.300s", r.Body)
		}
		return nil
	}
}

// sizeCases: bodies past 1 MiB (with and without a length, with and
// without an Idempotency-Key), deep nesting, huge arrays and objects.
func sizeCases(api *testAPI, resources []hostileResource) []hostileCase {
	var cases []hostileCase
	deep := func(open, close string, n int) string { return strings.Repeat(open, n) + strings.Repeat(close, n) }
	array := func(elem string, n int) string {
		var b strings.Builder
		b.WriteByte('[')
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(elem)
		}
		b.WriteByte(']')
		return b.String()
	}
	million := array("0", 1_000_000)
	fitting := array("{}", 340_000) // 340,000 elements in under 1 MiB
	numbers := array("1", 500_000)
	wide := func(n int) string { // an object with n distinct keys
		var b strings.Builder
		b.WriteByte('{')
		for i := range n {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `"k%d":0`, i)
		}
		b.WriteByte('}')
		return b.String()
	}
	for _, res := range resources {
		for _, tg := range []struct {
			method, path string
			body         map[string]any
			header       map[string]string
		}{
			{"POST", res.collection, res.full, nil},
			{"POST", res.collection, res.full, map[string]string{"Idempotency-Key": "hostile-size"}},
			{"PATCH", res.item, res.patchFull, map[string]string{"If-Match": `"1"`}},
		} {
			add := func(name string, body []byte, chunked bool, status ...int) {
				header := tg.header
				if _, idem := header["Idempotency-Key"]; idem { // a key of its own: the same key twice at once is 409
					header = map[string]string{"Idempotency-Key": fmt.Sprintf("hostile-size-%d", len(cases))}
				}
				cases = append(cases, hostileCase{name: fmt.Sprintf("%s %s (%d bytes)", tg.path, name, len(body)), method: tg.method,
					path: tg.path, key: api.Admin, body: body, chunked: chunked, header: header, want: wantProblem, status: status})
			}
			textField := "title_zh"
			listField := "parties"
			if _, ok := tg.body["name_zh"]; ok {
				textField, listField = "name_zh", "name_zh"
			} else if _, ok := tg.body["participants"]; ok {
				listField = "participants"
			}
			huge := rawBody(tg.body, textField, `"`+strings.Repeat("a", 1<<20)+`"`)
			add("body over 1 MiB", huge, false, 413)
			add("body over 1 MiB, chunked", huge, true, 413)
			add("10⁶-element array", rawBody(tg.body, listField, million), false, 413)
			add("10⁶-element array, chunked", rawBody(tg.body, listField, million), true, 413)
			add("340,000-element array", rawBody(tg.body, listField, fitting), false, 400, 422)
			add("500,000-number array", rawBody(tg.body, listField, numbers), false, 400, 422)
			add("text of 900,000 characters", rawBody(tg.body, textField, `"`+strings.Repeat("b", 900_000)+`"`), false, 422)
			add("object of 60,000 keys", rawBody(tg.body, textField, wide(60_000)), false, 400)
			add("body of 60,000 keys", []byte(wide(60_000)), false, 400)
			for _, n := range []int{33, 1000, 200_000} {
				add(fmt.Sprintf("arrays nested %d deep", n), rawBody(tg.body, textField, deep("[", "]", n)), false, 400, 413)
				add(fmt.Sprintf("objects nested %d deep", n), rawBody(tg.body, textField, strings.Repeat(`{"a":`, n)+"1"+strings.Repeat("}", n)), false, 400, 413)
			}
			add("unclosed nesting 300,000 deep", []byte(strings.Repeat("[", 300_000)), false, 400)
			add("nested in a child", rawBody(tg.body, listField, "["+strings.Repeat(`{"organization_id":`, 5000)+`"x"`+strings.Repeat("}", 5000)+"]"), false, 400)
		}
	}
	return cases
}

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

// TestHostileInputs sends the whole hostile table and checks that every
// answer is a 4xx problem (or an empty search), no answer is a 5xx, and no
// row of any table changed.
func TestHostileInputs(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	resources := hostileResources(t, api)
	before := api.snapshot()
	run := newHostileRun(t, api.URL)
	groups := []struct {
		name  string
		cases []hostileCase
	}{
		{"query parameters", queryCases(api)},
		{"path parameters", pathCases(api)},
		{"injections in body fields", bodyInjectionCases(api, resources)},
		{"mass assignment", massAssignmentCases(api, resources)},
		{"malformed bodies", malformedCases(api, resources)},
		{"boundary lengths", boundaryCases(api, resources)},
		{"sizes and depth", sizeCases(api, resources)},
		{"headers", headerCases(api, resources)},
	}
	for _, g := range groups {
		n := run.tried.Load()
		run.run(g.cases)
		t.Logf("%-28s %5d cases", g.name, run.tried.Load()-n)
	}
	sameSnapshot(t, before, api.snapshot())
	t.Logf("slowest case: %v (%.80s)", run.slowest.Round(time.Millisecond), run.slowCase)
	t.Logf("hostile inputs tried: %d, 5xx seen: %d", run.tried.Load(), run.fives.Load())
	if run.fives.Load() != 0 {
		t.Errorf("%d answers were 5xx", run.fives.Load())
	}
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
		{name: "5,000 distinct parameters", path: "/v1/agreements?" + manyParams(5000), want: wantOK},
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

// TestHostileHugeArraysMemory sends the largest arrays and the deepest
// nesting the body limit lets through and checks what one such request
// allocates. It runs alone (not in parallel), so the figures are its own.
func TestHostileHugeArraysMemory(t *testing.T) {
	api := newAPI(t)
	array := func(elem string, n int) []byte {
		return []byte(`{"title_zh":"x","type":"framework","parties":[` + strings.TrimSuffix(strings.Repeat(elem+",", n), ",") + `]}`)
	}
	cases := map[string][]byte{
		"340,000 empty objects":  array("{}", 340_000),
		"500,000 numbers":        array("1", 500_000),
		"200,000 nulls":          array("null", 200_000),
		"900,000-character text": []byte(`{"title_zh":"` + strings.Repeat("长", 300_000) + `","type":"framework","parties":[]}`),
		"60,000 keys":            []byte(`{"title_zh":{` + strings.TrimSuffix(strings.Repeat(`"k":0,`, 60_000), ",") + `}}`),
		"10⁶ numbers (413)":      array("0", 1_000_000),
		"deep arrays":            []byte(`{"title_zh":` + strings.Repeat("[", 500_000) + `}`),
	}
	for name, body := range cases {
		runtime.GC()
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		r := api.do(req{method: "POST", path: "/v1/agreements", key: api.Admin, body: body})
		runtime.ReadMemStats(&m1)
		alloc := m1.TotalAlloc - m0.TotalAlloc
		t.Logf("%-22s %d bytes → %d, %.1f MiB allocated", name, len(body), r.Status, float64(alloc)/(1<<20))
		if r.Status < 400 || r.Status > 499 {
			t.Errorf("%s: status %d: %.200s", name, r.Status, r.Body)
		}
		if alloc > 32<<20 {
			t.Errorf("%s: %d MiB allocated for one request", name, alloc>>20)
		}
	}
}

// TestHostileTextStoredVerbatim is the other half of the injection
// tables: where an injection string is acceptable text, it is stored and
// returned exactly as sent in every free-text field of every resource, a
// search for it finds exactly the records holding it, and nothing else
// changes (the tables it names still hold what they held).
func TestHostileTextStoredVerbatim(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	resources := hostileResources(t, api)
	counts := func() map[string]int {
		out := map[string]int{}
		for _, table := range []string{"agreements", "consultations", "joint_actions", "organizations", "cooperation_areas",
			"regions", "api_keys", "audit_log", "agreement_parties", "idempotency_keys"} {
			out[table] = api.countRows(table)
		}
		return out
	}
	before := counts()
	created := map[string]int{}
	for i, inj := range hostileInjections {
		if !storable(inj) {
			continue
		}
		for _, res := range resources {
			body := res.full
			for _, field := range res.freeText {
				v := inj
				if field == "ref_no" {
					v = fmt.Sprintf("%s#%d", inj, i) // unique
				}
				body = withField(body, field, v)
			}
			if code, ok := body["code"].(string); ok {
				body = withField(body, "code", fmt.Sprintf("%s-%d", code, i))
			}
			r := api.do(req{method: "POST", path: res.collection, key: api.Admin, body: body})
			if r.Status != 201 {
				t.Errorf("%s with %q: status %d: %s", res.collection, inj, r.Status, r.Body)
				continue
			}
			created[res.collection]++
			got := api.get(r.Header.Get("Location"))
			expect(t, got, 200)
			var rec any
			got.Decode(t, &rec)
			for _, field := range res.freeText {
				if want := getPath(body, field); getPath(rec, field) != want {
					t.Errorf("%s %s: stored %q, sent %q", res.collection, field, getPath(rec, field), want)
				}
			}
		}
		// A search for the text finds the records holding it and no other.
		for path, want := range map[string]int{"/v1/agreements": 1, "/v1/consultations": 1, "/v1/joint-actions": 1, "/v1/organizations": 1} {
			r := api.get(path + "?limit=200&q=" + url.QueryEscape(inj))
			expect(t, r, 200)
			var page struct{ Items []map[string]any }
			r.Decode(t, &page)
			if len(page.Items) < want {
				t.Errorf("%s?q=%q found %d records, want at least %d", path, inj, len(page.Items), want)
			}
			for _, item := range page.Items {
				if !strings.Contains(strings.ToLower(string(mustJSON(item))), strings.ToLower(string(mustJSON(inj))[1:len(mustJSON(inj))-1])) {
					t.Errorf("%s?q=%q matched a record without the text: %v", path, inj, item["id"])
				}
			}
		}
	}
	after := counts()
	wantDelta := map[string]int{"agreements": created["/v1/agreements"], "consultations": created["/v1/consultations"],
		"joint_actions": created["/v1/joint-actions"], "organizations": created["/v1/organizations"],
		"cooperation_areas": created["/v1/cooperation-areas"], "agreement_parties": 2 * created["/v1/agreements"]}
	total := 0
	for _, n := range created {
		total += n
	}
	wantDelta["audit_log"] = total
	for table, n := range before {
		if after[table]-n != wantDelta[table] {
			t.Errorf("%s: %d rows → %d, want %+d", table, n, after[table], wantDelta[table])
		}
	}
	t.Logf("injection strings stored verbatim: %d records created, every free-text field compared", total)
}

// TestHostileInputsDoNotSlowOthers checks the hostile table's heaviest
// requests leave the service responsive: a plain read sent while huge
// bodies are being refused still answers quickly.
func TestHostileInputsDoNotSlowOthers(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	body := []byte(`{"title_zh":"x","parties":[` + strings.TrimSuffix(strings.Repeat("{},", 340_000), ",") + `]}`)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				hr, _ := http.NewRequestWithContext(ctx, "POST", api.URL+"/v1/agreements", bytes.NewReader(body))
				hr.Header.Set("Content-Type", "application/json")
				hr.Header.Set("Authorization", "Bearer "+api.Admin)
				if resp, err := http.DefaultClient.Do(hr); err == nil {
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode >= 500 {
						t.Errorf("huge body: status %d", resp.StatusCode)
					}
				}
			}
		}()
	}
	var worst time.Duration
	for range 20 {
		start := time.Now()
		expect(t, api.get("/v1/regions/500115"), 200)
		worst = max(worst, time.Since(start))
		time.Sleep(50 * time.Millisecond)
	}
	cancel()
	wg.Wait()
	t.Logf("slowest plain read while huge bodies were refused: %v", worst)
	if worst > 2*time.Second {
		t.Errorf("a plain read took %v while huge bodies were refused", worst)
	}
}
