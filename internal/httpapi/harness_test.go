package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chengyu-collab/registry/internal/demo"
	"github.com/chengyu-collab/registry/internal/httpapi"
	"github.com/chengyu-collab/registry/internal/postgres"
	"github.com/chengyu-collab/registry/internal/postgres/pgtest"
	"github.com/chengyu-collab/registry/internal/registry"
)

// testAPI is a real registry over HTTP on a fresh database, with the demo
// data loaded and one key of each kind.
type testAPI struct {
	t     testing.TB
	URL   string
	Store *postgres.Store
	DBURL string // the URL of its database, for a second replica
	// Admin, Changshou (a registrar of changshou-cppcc), Pengzhou (a
	// registrar of pengzhou-cppcc), Yubei (a registrar of yubei-cppcc)
	// and Reader (a reader of changshou-cppcc) are API keys.
	Admin, Changshou, Pengzhou, Yubei, Reader string
}

type apiOption func(*httpapi.Deps)

// withReadRequiresKey makes every read need a key.
func withReadRequiresKey(d *httpapi.Deps) { d.ReadRequiresKey = true }

// newAPI starts the registry on a fresh database through httptest.
func newAPI(t testing.TB, opts ...apiOption) *testAPI {
	t.Helper()
	store, dbURL := pgtest.New(t)
	ctx := context.Background()
	if err := demo.Load(ctx, registry.NewService(store, nil)); err != nil {
		t.Fatalf("demo data: %v", err)
	}
	deps := httpapi.Deps{Store: store}
	for _, o := range opts {
		o(&deps)
	}
	srv := httptest.NewServer(httpapi.NewHandler(deps))
	t.Cleanup(srv.Close)
	api := &testAPI{t: t, URL: srv.URL, Store: store, DBURL: dbURL}
	api.Admin = api.key("admin", "")
	api.Changshou = api.key("registrar", "changshou-cppcc")
	api.Pengzhou = api.key("registrar", "pengzhou-cppcc")
	api.Yubei = api.key("registrar", "yubei-cppcc")
	api.Reader = api.key("reader", "changshou-cppcc")
	return api
}

func (a *testAPI) key(role, org string) string {
	a.t.Helper()
	secret, _, err := a.Store.CreateKey(context.Background(), role+" "+org, role, org)
	if err != nil {
		a.t.Fatalf("create key: %v", err)
	}
	return secret
}

// response is a received answer with its decoded JSON body.
type response struct {
	Status int
	Header http.Header
	Body   []byte
}

// JSON decodes the body into a generic map.
func (r response) JSON(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.Body, &m); err != nil {
		t.Fatalf("body is not a JSON object: %v\n%s", err, r.Body)
	}
	return m
}

// Decode decodes the body into v.
func (r response) Decode(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(r.Body, v); err != nil {
		t.Fatalf("decode body: %v\n%s", err, r.Body)
	}
}

// req is one request to send.
type req struct {
	method, path, key string
	body              any // string sent as is, anything else as JSON
	header            map[string]string
}

// do sends a request and reads the whole answer.
func (a *testAPI) do(r req) response {
	a.t.Helper()
	var body io.Reader
	switch b := r.body.(type) {
	case nil:
	case string:
		body = strings.NewReader(b)
	case []byte:
		body = bytes.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			a.t.Fatal(err)
		}
		body = bytes.NewReader(raw)
	}
	hr, err := http.NewRequest(r.method, a.URL+r.path, body)
	if err != nil {
		a.t.Fatal(err)
	}
	if body != nil {
		hr.Header.Set("Content-Type", "application/json")
	}
	if r.key != "" {
		hr.Header.Set("Authorization", "Bearer "+r.key)
	}
	for k, v := range r.header {
		hr.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(hr)
	if err != nil {
		a.t.Fatalf("%s %s: %v", r.method, r.path, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		a.t.Fatal(err)
	}
	return response{Status: resp.StatusCode, Header: resp.Header, Body: raw}
}

// get sends an anonymous GET.
func (a *testAPI) get(path string) response { return a.do(req{method: "GET", path: path}) }

// expect fails the test when the status differs, showing the body.
func expect(t testing.TB, r response, status int) {
	t.Helper()
	if r.Status != status {
		t.Fatalf("status = %d, want %d\n%s", r.Status, status, r.Body)
	}
}

// expectProblem checks a problem+json answer with the given status and,
// when fields are named, that each appears in its errors.
func expectProblem(t testing.TB, r response, status int, fields ...string) map[string]any {
	t.Helper()
	expect(t, r, status)
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/problem+json") {
		t.Fatalf("Content-Type = %q, want application/problem+json", ct)
	}
	p := r.JSON(t)
	if int(p["status"].(float64)) != status || p["type"] == nil || p["title"] == nil {
		t.Fatalf("problem lacks type/title/status: %s", r.Body)
	}
	for _, f := range fields {
		if !problemNames(p, f) {
			t.Fatalf("problem does not name field %s: %s", f, r.Body)
		}
	}
	return p
}

func problemNames(p map[string]any, field string) bool {
	errs, _ := p["errors"].([]any)
	for _, e := range errs {
		if m, ok := e.(map[string]any); ok && m["field"] == field {
			return true
		}
	}
	return false
}

// countRows counts the rows of a table, for "nothing was written" checks.
func (a *testAPI) countRows(table string) int {
	a.t.Helper()
	var n int
	if err := a.Store.DB().QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
		a.t.Fatal(err)
	}
	return n
}
