package httpapi_test

// Tests of access: keys required for reads when so configured, keys
// checked (and revocation honoured) on every request, reader keys that
// never write, and the per-caller rate limit.

import (
	"context"
	"net/http/httptest"
	"strconv"
	"testing"

	"github.com/chengyu-collab/registry/internal/httpapi"
	"github.com/chengyu-collab/registry/internal/postgres/pgtest"
)

func TestReadsRequireKeyWhenConfigured(t *testing.T) {
	t.Parallel()
	api := newAPI(t, withReadRequiresKey)
	for _, path := range []string{"/v1/regions", "/v1/regions/500115", "/v1/cooperation-areas", "/v1/organizations", "/v1/organizations/changshou-cppcc"} {
		r := api.get(path)
		fndProblem(t, r, 401)
		if r.Header.Get("WWW-Authenticate") == "" {
			t.Fatalf("%s: 401 without WWW-Authenticate", path)
		}
		for _, key := range []string{api.Reader, api.Changshou, api.Admin} {
			expect(t, api.do(req{method: "GET", path: path, key: key}), 200)
		}
	}
	// Operations stay open.
	expect(t, api.get("/healthz"), 200)
	expect(t, api.get("/readyz"), 200)
	fndProblem(t, api.do(req{method: "GET", path: "/v1/regions", key: "ccr_not-a-key"}), 401)
}

func TestKeysAreCheckedOnEveryRequest(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	ctx := context.Background()
	expect(t, api.get("/v1/regions/500115"), 200)
	for _, auth := range []string{"Bearer ccr_not-a-key", "Bearer " + api.Reader + "x", "Basic dXNlcjpwYXNz", "Bearer", "Bearer   ", api.Reader} {
		r := api.do(req{method: "GET", path: "/v1/regions/500115", header: map[string]string{"Authorization": auth}})
		fndProblem(t, r, 401)
	}
	// The scheme is case-insensitive.
	expect(t, api.do(req{method: "GET", path: "/v1/regions/500115", header: map[string]string{"Authorization": "bearer " + api.Reader}}), 200)

	// A revoked key is refused at once, even on an open read.
	secret, k, err := api.Store.CreateKey(ctx, "to revoke", "registrar", "pengzhou-cppcc")
	if err != nil {
		t.Fatal(err)
	}
	expect(t, api.do(req{method: "GET", path: "/v1/organizations", key: secret}), 200)
	patchBody := map[string]any{"short_name_en": "Pengzhou"}
	expect(t, api.do(req{method: "PATCH", path: "/v1/organizations/pengzhou-cppcc", key: secret, body: patchBody,
		header: map[string]string{"If-Match": "*"}}), 200)
	if _, err := api.Store.RevokeKey(ctx, k.ID); err != nil {
		t.Fatal(err)
	}
	fndProblem(t, api.do(req{method: "GET", path: "/v1/organizations", key: secret}), 401)
	fndProblem(t, api.do(req{method: "GET", path: "/v1/regions/500115", key: secret}), 401)
	orgs := api.get("/v1/organizations/pengzhou-cppcc").JSON(t)
	r := api.do(req{method: "PATCH", path: "/v1/organizations/pengzhou-cppcc", key: secret,
		body: map[string]any{"short_name_en": "Revoked"}, header: map[string]string{"If-Match": "*"}})
	fndProblem(t, r, 401)
	if after := api.get("/v1/organizations/pengzhou-cppcc").JSON(t); after["short_name_en"] != orgs["short_name_en"] || after["short_name_en"] != "Pengzhou" {
		t.Fatalf("a revoked key changed the organisation: %v", after)
	}

	// A reader key reads but never writes.
	expect(t, api.do(req{method: "GET", path: "/v1/organizations", key: api.Reader}), 200)
	before := api.countRows("organizations")
	fndProblem(t, api.do(req{method: "POST", path: "/v1/organizations", key: api.Reader, body: validOrg}), 403)
	fndProblem(t, api.do(req{method: "PATCH", path: "/v1/organizations/changshou-cppcc", key: api.Reader,
		body: patchBody, header: map[string]string{"If-Match": "*"}}), 403)
	fndProblem(t, api.do(req{method: "POST", path: "/v1/cooperation-areas", key: api.Reader,
		body: map[string]any{"code": "reader-area", "name_zh": "读者"}}), 403)
	fndProblem(t, api.do(req{method: "PATCH", path: "/v1/cooperation-areas/ecology", key: api.Reader,
		body: map[string]any{"name_zh": "读者"}, header: map[string]string{"If-Match": "*"}}), 403)
	if n := api.countRows("organizations"); n != before {
		t.Fatalf("a reader wrote %d organisations", n-before)
	}
}

func TestRateLimitPerCaller(t *testing.T) {
	t.Parallel()
	store, _ := pgtest.New(t)
	srv := httptest.NewServer(httpapi.NewHandler(httpapi.Deps{Store: store, RateLimit: 3}))
	t.Cleanup(srv.Close)
	api := &testAPI{t: t, URL: srv.URL, Store: store}
	first, second := api.key("admin", ""), api.key("admin", "")
	for i := 0; i < 3; i++ {
		expect(t, api.do(req{method: "GET", path: "/v1/regions/500115", key: first}), 200)
	}
	r := api.do(req{method: "GET", path: "/v1/regions/500115", key: first})
	p := fndProblem(t, r, 429)
	if fndType(p) != "rate-limited" {
		t.Fatalf("type = %v", p["type"])
	}
	secs, err := strconv.Atoi(r.Header.Get("Retry-After"))
	if err != nil || secs < 1 || secs > 60 {
		t.Fatalf("Retry-After = %q, want whole seconds 1–60", r.Header.Get("Retry-After"))
	}
	fndProblem(t, api.do(req{method: "GET", path: "/v1/organizations", key: first}), 429)
	// Another key, and an anonymous caller, have buckets of their own.
	expect(t, api.do(req{method: "GET", path: "/v1/regions/500115", key: second}), 200)
	expect(t, api.get("/v1/regions/500115"), 200)
	// Operations are not limited.
	expect(t, api.get("/healthz"), 200)
}
