package httpapi_test

// Tests of problem answers for unknown routes and wrong methods, and of
// the request id every answer carries.

import (
	"regexp"
	"strings"
	"testing"
)

func TestUnknownRouteAndWrongMethodAreProblems(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	for _, path := range []string{"/v1/nope", "/nope", "/v1/regions/500115/children", "/v2/regions"} {
		p := fndProblem(t, api.get(path), 404)
		if fndType(p) != "not-found" || p["instance"] != path {
			t.Fatalf("%s: %v", path, p)
		}
	}
	for _, c := range []struct{ method, path string }{
		{"DELETE", "/v1/regions"},
		{"POST", "/v1/regions/500115"},
		{"PUT", "/v1/organizations/changshou-cppcc"},
		{"DELETE", "/v1/organizations/changshou-cppcc"},
		{"PUT", "/v1/cooperation-areas/ecology"},
		{"POST", "/v1/audit"},
		{"POST", "/healthz"},
	} {
		p := fndProblem(t, api.do(req{method: c.method, path: c.path, key: api.Admin}), 405)
		if fndType(p) != "method-not-allowed" {
			t.Fatalf("%s %s: %v", c.method, c.path, p)
		}
	}
	if got := api.get("/v1/organizations/changshou-cppcc"); got.Status != 200 {
		t.Fatalf("405 changed something: %d", got.Status)
	}
	zh := fndProblem(t, api.do(req{method: "GET", path: "/v1/nope", header: map[string]string{"Accept-Language": "zh"}}), 404)
	if zh["title"] != "资源不存在" {
		t.Fatalf("Chinese 404 title = %v", zh["title"])
	}
}

func TestRequestID(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	idPattern := regexp.MustCompile(`^[A-Za-z0-9._-]{1,128}$`)
	withID := func(method, path, id string) response {
		return api.do(req{method: method, path: path, header: map[string]string{"X-Request-ID": id}})
	}
	for _, id := range []string{"abc-123_x.y", "A", strings.Repeat("z", 128)} {
		for _, r := range []response{withID("GET", "/v1/regions/500115", id), withID("GET", "/v1/regions/999999", id)} {
			if got := r.Header.Get("X-Request-ID"); got != id {
				t.Fatalf("X-Request-ID = %q, want %q echoed", got, id)
			}
		}
		if p := fndProblem(t, withID("GET", "/v1/nope", id), 404); p["request_id"] != id {
			t.Fatalf("problem request_id = %v, want %s", p["request_id"], id)
		}
	}
	for _, id := range []string{strings.Repeat("z", 129), "bad id", "abc/def", "a;b", "日本", "abc\u00e9", "x\ty"} {
		r := withID("GET", "/v1/regions/500115", id)
		got := r.Header.Get("X-Request-ID")
		if got == id || !idPattern.MatchString(got) {
			t.Fatalf("X-Request-ID for invalid %q = %q, want a new valid one", id, got)
		}
		p := fndProblem(t, withID("GET", "/v1/regions/999999", id), 404)
		if p["request_id"] == id {
			t.Fatalf("problem kept invalid request id %q", id)
		}
	}
	a, b := api.get("/v1/regions/500115"), api.get("/v1/regions/500115")
	if ia, ib := a.Header.Get("X-Request-ID"), b.Header.Get("X-Request-ID"); !idPattern.MatchString(ia) || ia == ib {
		t.Fatalf("generated ids %q and %q", ia, ib)
	}
	// Every answer carries one: problems of every kind, operations, docs.
	answers := []response{
		api.get("/healthz"),
		api.get("/readyz"),
		api.get("/metrics"),
		api.get("/swagger/doc.json"),
		api.do(req{method: "DELETE", path: "/v1/regions"}),
		api.do(req{method: "POST", path: "/v1/organizations", body: validOrg}),
		api.do(req{method: "POST", path: "/v1/organizations", key: api.Changshou, body: validOrg}),
		api.do(req{method: "POST", path: "/v1/organizations", key: api.Admin, body: validOrg, header: map[string]string{"Content-Type": "text/plain"}}),
		api.do(req{method: "POST", path: "/v1/organizations", key: api.Admin, body: `{"code":"x"}`}),
		api.do(req{method: "PATCH", path: "/v1/organizations/changshou-cppcc", key: api.Admin, body: `{}`}),
		api.get("/v1/regions?limit=0"),
	}
	for i, r := range answers {
		if !idPattern.MatchString(r.Header.Get("X-Request-ID")) {
			t.Errorf("answer %d (%d) lacks X-Request-ID", i, r.Status)
		}
		if r.Status >= 400 {
			fndProblem(t, r, r.Status)
		}
	}
}
