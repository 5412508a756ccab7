package httpapi_test

// Hostile query and path parameters: injections in every parameter of
// every list and as every item id, forged cursors, malformed query
// strings, and extreme values.

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/url"
	"slices"
	"strings"
)

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
	// infinityCursor: undated records sort last, and the list itself
	// writes "infinity" as the date of their cursor.
	infinityCursor bool
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
		{path: "/v1/milestones", params: []string{"party", "responsible", "agreement", "status", "overdue", "due_from", "due_to",
			"include_archived", "limit", "cursor"}, infinityCursor: true},
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
			undatedLast := cursorOf("infinity", "00000000-0000-0000-0000-000000000000")
			for _, cur := range []struct {
				cursor string
				asText bool // a cursor a code-keyed list accepts
			}{
				{cursorOf("' OR 1=1 --"), true}, {cursorOf("'; DROP TABLE organizations; --"), true},
				{cursorOf("99999999999999999999"), true}, {cursorOf(strings.Repeat("x", 5000)), true},
				{base64.RawURLEncoding.EncodeToString([]byte(`["\ud800"]`)), true},
				{cursorOf("\x00"), false}, {cursorOf("a\x00b"), false}, {cursorOf("2023-01-01", "' OR 1=1 --"), false},
				{cursorOf("' OR 1=1 --", "00000000-0000-0000-0000-000000000000"), false},
				{undatedLast, false},
				{cursorOf("2023-02-30", "00000000-0000-0000-0000-000000000000"), false},
				{base64.RawURLEncoding.EncodeToString([]byte{0xff, 0xfe}), false},
				{base64.RawURLEncoding.EncodeToString([]byte(`{"a":1}`)), false}, {"=", false}, {"%00", false},
				{strings.Repeat("A", 3000), false},
			} {
				path := l.path + "?cursor=" + url.QueryEscape(cur.cursor)
				c := hostileCase{name: "forged cursor " + path[:min(len(path), 120)], path: path, key: key, want: wantProblem, status: []int{400}}
				if l.textCursor && cur.asText || l.infinityCursor && cur.cursor == undatedLast {
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
