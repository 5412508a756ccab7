package httpapi_test

// Tests of the HTTP conventions browser and API consumers rely on: CORS,
// gzip compression and conditional GETs (If-None-Match → 304).

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/chengyu-collab/registry/internal/httpapi"
)

// withCORS allows browser calls from the given origins.
func withCORS(origins ...string) apiOption {
	return func(d *httpapi.Deps) { d.CORSOrigins = origins }
}

// gunzip decompresses a gzip body, failing the test when it is not one
// whole gzip stream.
func gunzip(t testing.TB, body []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		t.Fatalf("body is not gzip: %v (%.40q)", err, body)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("gzip stream is broken: %v", err)
	}
	return out
}

// hasToken reports whether a comma-separated header lists tok.
func hasToken(values []string, tok string) bool {
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			if strings.EqualFold(strings.TrimSpace(part), tok) {
				return true
			}
		}
	}
	return false
}

func TestCORSPreflightAndSimpleRequests(t *testing.T) {
	t.Parallel()
	const partner = "https://partner.example.org"
	api := newAPI(t, withCORS(partner, "https://other.example.org"))

	pre := api.do(req{method: "OPTIONS", path: "/v1/agreements", header: map[string]string{
		"Origin": partner, "Access-Control-Request-Method": "POST",
		"Access-Control-Request-Headers": "authorization, content-type, idempotency-key",
	}})
	expect(t, pre, 204)
	if got := pre.Header.Get("Access-Control-Allow-Origin"); got != partner {
		t.Fatalf("preflight Access-Control-Allow-Origin = %q, want %q", got, partner)
	}
	for _, m := range []string{"GET", "POST", "PATCH", "DELETE"} {
		if !hasToken(pre.Header.Values("Access-Control-Allow-Methods"), m) {
			t.Errorf("Access-Control-Allow-Methods %q lacks %s", pre.Header.Get("Access-Control-Allow-Methods"), m)
		}
	}
	for _, h := range []string{"Authorization", "Content-Type", "If-Match", "If-None-Match", "Idempotency-Key", "Accept-Language"} {
		if !hasToken(pre.Header.Values("Access-Control-Allow-Headers"), h) {
			t.Errorf("Access-Control-Allow-Headers %q lacks %s", pre.Header.Get("Access-Control-Allow-Headers"), h)
		}
	}
	if pre.Header.Get("Access-Control-Max-Age") == "" || !hasToken(pre.Header.Values("Vary"), "Origin") {
		t.Errorf("preflight lacks Max-Age or Vary: Origin: %v", pre.Header)
	}
	if len(pre.Body) != 0 {
		t.Errorf("preflight has a body: %q", pre.Body)
	}

	// A simple request from an allowed origin: the answer names it and
	// exposes the headers a client script needs.
	get := api.do(req{method: "GET", path: "/v1/organizations/changshou-cppcc", header: map[string]string{"Origin": partner}})
	expect(t, get, 200)
	if got := get.Header.Get("Access-Control-Allow-Origin"); got != partner {
		t.Fatalf("Access-Control-Allow-Origin = %q, want %q", got, partner)
	}
	for _, h := range []string{"ETag", "Location", "Link", "Retry-After", "X-Request-ID"} {
		if !hasToken(get.Header.Values("Access-Control-Expose-Headers"), h) {
			t.Errorf("Access-Control-Expose-Headers %q lacks %s", get.Header.Get("Access-Control-Expose-Headers"), h)
		}
	}
	// Errors carry CORS headers too, or the browser hides the problem.
	bad := api.do(req{method: "GET", path: "/v1/agreements?limit=0", header: map[string]string{"Origin": partner}})
	expectProblem(t, bad, 400)
	if bad.Header.Get("Access-Control-Allow-Origin") != partner {
		t.Errorf("a problem answer lacks Access-Control-Allow-Origin")
	}

	// An origin that is not configured gets no CORS headers at all, on a
	// preflight or a simple request; the preflight is answered like any
	// OPTIONS request.
	const stranger = "https://evil.example.net"
	for _, r := range []response{
		api.do(req{method: "OPTIONS", path: "/v1/agreements", header: map[string]string{"Origin": stranger, "Access-Control-Request-Method": "POST"}}),
		api.do(req{method: "GET", path: "/v1/regions/500115", header: map[string]string{"Origin": stranger}}),
	} {
		for _, h := range []string{"Access-Control-Allow-Origin", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers", "Access-Control-Expose-Headers"} {
			if v := r.Header.Get(h); v != "" {
				t.Errorf("unknown origin got %s: %q", h, v)
			}
		}
	}
	// A request without Origin (curl, server-side clients) is unaffected.
	if v := api.get("/v1/regions/500115").Header.Get("Access-Control-Allow-Origin"); v != "" {
		t.Errorf("request without Origin got Access-Control-Allow-Origin %q", v)
	}
}

func TestCORSAnyOriginAndOff(t *testing.T) {
	t.Parallel()
	anyOrigin := newAPI(t, withCORS("*"))
	r := anyOrigin.do(req{method: "GET", path: "/v1/regions/500115", header: map[string]string{"Origin": "https://anyone.example"}})
	expect(t, r, 200)
	if got := r.Header.Get("Access-Control-Allow-Origin"); got != "https://anyone.example" {
		t.Fatalf("with * the origin is echoed; got %q", got)
	}
	off := newAPI(t)
	r = off.do(req{method: "OPTIONS", path: "/v1/agreements", header: map[string]string{"Origin": "https://partner.example.org", "Access-Control-Request-Method": "POST"}})
	expect(t, r, 204) // an ordinary OPTIONS answer, with Allow
	if r.Header.Get("Access-Control-Allow-Origin") != "" || r.Header.Get("Allow") == "" {
		t.Fatalf("without configured origins: %v", r.Header)
	}
}

func TestGzipLargeJSONAndCSV(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	gz := map[string]string{"Accept-Encoding": "gzip"}

	// A large JSON list is compressed, and is the same JSON once inflated.
	plain := api.do(req{method: "GET", path: "/v1/regions?limit=200", header: map[string]string{"Accept-Encoding": "identity"}})
	expect(t, plain, 200)
	if plain.Header.Get("Content-Encoding") != "" || !hasToken(plain.Header.Values("Vary"), "Accept-Encoding") {
		t.Fatalf("identity answer: Content-Encoding %q, Vary %q", plain.Header.Get("Content-Encoding"), plain.Header.Values("Vary"))
	}
	zipped := api.do(req{method: "GET", path: "/v1/regions?limit=200", header: gz})
	expect(t, zipped, 200)
	if zipped.Header.Get("Content-Encoding") != "gzip" || !hasToken(zipped.Header.Values("Vary"), "Accept-Encoding") {
		t.Fatalf("large list: Content-Encoding %q, Vary %q", zipped.Header.Get("Content-Encoding"), zipped.Header.Values("Vary"))
	}
	if !strings.HasPrefix(zipped.Header.Get("Content-Type"), "application/json") || zipped.Header.Get("Link") == "" {
		t.Fatalf("compressed list lost its headers: %v", zipped.Header)
	}
	if got := gunzip(t, zipped.Body); !bytes.Equal(got, plain.Body) {
		t.Fatalf("inflated body differs from the plain one")
	}
	if len(zipped.Body) >= len(plain.Body)/2 {
		t.Errorf("gzip saved little: %d → %d bytes", len(plain.Body), len(zipped.Body))
	}

	// A small body is not worth it; Vary still tells caches it could be.
	small := api.do(req{method: "GET", path: "/v1/regions/500115", header: gz})
	expect(t, small, 200)
	if small.Header.Get("Content-Encoding") != "" || !hasToken(small.Header.Values("Vary"), "Accept-Encoding") {
		t.Fatalf("small body: Content-Encoding %q, Vary %q", small.Header.Get("Content-Encoding"), small.Header.Values("Vary"))
	}
	if small.JSON(t)["code"] != "500115" {
		t.Fatalf("small body = %s", small.Body)
	}

	// gzip refused by quality, or not offered: plain.
	for _, ae := range []string{"gzip;q=0", "br", "gzip;q=0, *;q=1"} {
		r := api.do(req{method: "GET", path: "/v1/regions?limit=200", header: map[string]string{"Accept-Encoding": ae}})
		if r.Header.Get("Content-Encoding") != "" || !bytes.Equal(r.Body, plain.Body) {
			t.Errorf("Accept-Encoding %q: Content-Encoding %q", ae, r.Header.Get("Content-Encoding"))
		}
	}
	for _, ae := range []string{"deflate, gzip;q=0.5", "*", "x-gzip"} {
		r := api.do(req{method: "GET", path: "/v1/regions?limit=200", header: map[string]string{"Accept-Encoding": ae}})
		if r.Header.Get("Content-Encoding") != "gzip" {
			t.Errorf("Accept-Encoding %q: not compressed", ae)
		}
	}

	// A CSV export is compressed as it streams (no Content-Length) and is
	// the same file, BOM included, once inflated.
	for _, path := range []string{"/v1/joint-actions?format=csv", "/v1/agreements?format=csv"} {
		plainCSV := api.do(req{method: "GET", path: path, header: map[string]string{"Accept-Encoding": "identity"}})
		expect(t, plainCSV, 200)
		if len(plainCSV.Body) <= 1024 {
			t.Fatalf("%s: the demo export is only %d bytes; the test needs more than 1 KiB", path, len(plainCSV.Body))
		}
		csv := api.do(req{method: "GET", path: path, header: gz})
		expect(t, csv, 200)
		if csv.Header.Get("Content-Encoding") != "gzip" || csv.Header.Get("Content-Length") != "" ||
			!strings.HasPrefix(csv.Header.Get("Content-Type"), "text/csv") || csv.Header.Get("Content-Disposition") == "" {
			t.Fatalf("%s: headers %v", path, csv.Header)
		}
		got := gunzip(t, csv.Body)
		if !bytes.HasPrefix(got, []byte("\uFEFF")) || !bytes.Equal(got, plainCSV.Body) {
			t.Fatalf("%s: inflated export differs from the plain one", path)
		}
	}

	// Problem details are JSON too: a large one would be compressed, a
	// small one is not, and it keeps its type.
	p := api.do(req{method: "GET", path: "/v1/agreements/0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f", header: gz})
	expectProblem(t, p, 404)

	// The spec document, read by Swagger UI and code generators.
	doc := api.do(req{method: "GET", path: "/swagger/doc.json", header: gz})
	expect(t, doc, 200)
	if doc.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("doc.json not compressed: %v", doc.Header)
	}
	var spec map[string]any
	if err := json.Unmarshal(gunzip(t, doc.Body), &spec); err != nil || spec["swagger"] != "2.0" {
		t.Fatalf("doc.json inflates to %v (%v)", spec["swagger"], err)
	}
}

func TestGzipKeepsHEADMetricsAndReplays(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	gz := map[string]string{"Accept-Encoding": "gzip"}

	// HEAD: the headers a GET would get, no body.
	head := api.do(req{method: "HEAD", path: "/v1/regions?limit=200", header: gz})
	expect(t, head, 200)
	if len(head.Body) != 0 || !strings.HasPrefix(head.Header.Get("Content-Type"), "application/json") ||
		head.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("HEAD: %v, %d bytes", head.Header, len(head.Body))
	}

	// The Prometheus handler compresses by itself; never twice.
	api.get("/v1/regions/500115")
	m := api.do(req{method: "GET", path: "/metrics", header: gz})
	expect(t, m, 200)
	if got := m.Header.Values("Content-Encoding"); len(got) > 1 {
		t.Fatalf("metrics Content-Encoding %q", got)
	}
	body := m.Body
	if m.Header.Get("Content-Encoding") == "gzip" {
		body = gunzip(t, body)
	}
	if !bytes.Contains(body, []byte("registry_http_requests_total")) {
		t.Fatalf("metrics body not plain text after one inflate: %.80q", body)
	}

	// An idempotent create whose answer is large: the first answer and
	// its replay are compressed alike, both inflate to the same JSON, and
	// a client that does not take gzip gets the replay plain: what is
	// stored is the JSON, not the compressed bytes.
	b := agreementBody("压缩与幂等 " + strings.Repeat("长", 10))
	b["summary_zh"] = strings.Repeat("成渝地区双城经济圈建设。", 300) // over the 8 KiB JSON threshold
	send := func(enc string) response {
		return api.do(req{method: "POST", path: "/v1/agreements", key: api.Changshou, body: b,
			header: map[string]string{"Idempotency-Key": "gzip-replay-1", "Accept-Encoding": enc}})
	}
	first := send("gzip")
	expect(t, first, 201)
	if first.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("large create answer not compressed: %v", first.Header)
	}
	again := send("gzip")
	expect(t, again, 201)
	if again.Header.Get("Idempotent-Replayed") != "true" || again.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("replay headers %v", again.Header)
	}
	one, two := gunzip(t, first.Body), gunzip(t, again.Body)
	if !bytes.Equal(one, two) || again.Header.Get("Location") != first.Header.Get("Location") || again.Header.Get("ETag") != `"1"` {
		t.Fatalf("replay differs:\n%s\n%s", one, two)
	}
	plainReplay := send("identity")
	expect(t, plainReplay, 201)
	if plainReplay.Header.Get("Content-Encoding") != "" || !bytes.Equal(plainReplay.Body, one) {
		t.Fatalf("plain replay: %v\n%.120s", plainReplay.Header, plainReplay.Body)
	}
	if n := api.countRows("agreements"); n != 2 { // the demo agreement and this one
		t.Fatalf("agreements = %d, want 2", n)
	}
}

func TestIfNoneMatchAnswers304(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	a := api.createAgreement(api.Changshou, agreementBody("条件请求测试协议"))
	path := "/v1/agreements/" + a["id"].(string)

	get := func(inm string, extra ...string) response {
		h := map[string]string{"If-None-Match": inm}
		for i := 0; i+1 < len(extra); i += 2 {
			h[extra[i]] = extra[i+1]
		}
		return api.do(req{method: "GET", path: path, header: h})
	}
	full := api.get(path)
	expect(t, full, 200)
	if full.Header.Get("ETag") != `"1"` || full.Header.Get("Cache-Control") != "no-cache" {
		t.Fatalf("record headers: ETag %q, Cache-Control %q", full.Header.Get("ETag"), full.Header.Get("Cache-Control"))
	}

	for _, inm := range []string{`"1"`, `W/"1"`, `"7", "1"`, `"3",W/"1"`, `*`} {
		r := get(inm, "Accept-Encoding", "gzip")
		if r.Status != 304 {
			t.Fatalf("If-None-Match %s: status %d, want 304\n%s", inm, r.Status, r.Body)
		}
		if len(r.Body) != 0 || r.Header.Get("ETag") != `"1"` || r.Header.Get("Cache-Control") != "no-cache" ||
			r.Header.Get("Content-Type") != "" || r.Header.Get("Content-Encoding") != "" ||
			!hasToken(r.Header.Values("Vary"), "Accept-Encoding") || r.Header.Get("X-Request-ID") == "" {
			t.Fatalf("If-None-Match %s: 304 headers %v, body %q", inm, r.Header, r.Body)
		}
	}
	for _, inm := range []string{`"2"`, `"10", "11"`, `1`} {
		r := get(inm)
		expect(t, r, 200)
		if r.JSON(t)["id"] != a["id"] {
			t.Fatalf("If-None-Match %s: body %s", inm, r.Body)
		}
	}
	// HEAD is conditional like GET.
	head := api.do(req{method: "HEAD", path: path, header: map[string]string{"If-None-Match": `"1"`}})
	expect(t, head, 304)

	// After a change the old tag no longer matches: 200 with the new one.
	p := api.do(req{method: "PATCH", path: path, key: api.Changshou, body: map[string]any{"title_en": "Changed"},
		header: map[string]string{"If-Match": `"1"`, "If-None-Match": `"1"`}})
	expect(t, p, 200) // If-None-Match means nothing to a PATCH
	r := get(`"1"`)
	expect(t, r, 200)
	if r.Header.Get("ETag") != `"2"` || r.JSON(t)["title_en"] != "Changed" {
		t.Fatalf("after PATCH: ETag %q, %s", r.Header.Get("ETag"), r.Body)
	}
	expect(t, get(`"2"`), 304)

	// Every single-record GET with an ETag, and nothing else.
	for _, rec := range []string{"/v1/organizations/changshou-cppcc", "/v1/cooperation-areas/culture-tourism", "/v1/regions/500115"} {
		r := api.get(rec)
		expect(t, r, 200)
		tag := r.Header.Get("ETag")
		if tag == "" {
			t.Fatalf("%s has no ETag", rec)
		}
		expect(t, api.do(req{method: "GET", path: rec, header: map[string]string{"If-None-Match": tag}}), 304)
	}
	for _, other := range []string{"/v1/agreements", "/v1/regions", "/v1/stats?year=2023"} {
		expect(t, api.do(req{method: "GET", path: other, header: map[string]string{"If-None-Match": "*"}}), 200)
	}
	expectProblem(t, api.do(req{method: "GET", path: "/v1/agreements/0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f",
		header: map[string]string{"If-None-Match": "*"}}), 404)
}
