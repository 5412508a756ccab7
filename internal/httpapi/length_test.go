package httpapi_test

import (
	"io"
	"net/http"
	"strconv"
	"testing"

	"github.com/chengyu-collab/registry/internal/demo"
)

// TestWholeBodiesCarryTheirLength: a record, a list page and a problem
// go out with Content-Length, not chunked, to a client that takes no
// compression (as wrk and many integrations do); a list compressed for a
// client that accepts gzip carries no stale length; a 304 has none.
func TestWholeBodiesCarryTheirLength(t *testing.T) {
	t.Parallel()
	api := newAPI(t)
	get := func(path string, header map[string]string) (*http.Response, []byte) {
		t.Helper()
		r, _ := http.NewRequest("GET", api.URL+path, nil)
		r.Header.Set("Accept-Encoding", "identity")
		for k, v := range header {
			r.Header.Set(k, v)
		}
		resp, err := (&http.Transport{DisableCompression: true}).RoundTrip(r)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		body, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		return resp, body
	}
	for _, path := range []string{"/v1/agreements/" + demo.AgreementChangshouPengzhou, "/v1/joint-actions?limit=20",
		"/v1/agreements?limit=5", "/v1/joint-actions/not-an-id", "/v1/stats?year=2023"} {
		resp, body := get(path, nil)
		if len(resp.TransferEncoding) != 0 || resp.Header.Get("Content-Length") != strconv.Itoa(len(body)) {
			t.Errorf("%s: %d bytes sent with Transfer-Encoding %v, Content-Length %q", path, len(body), resp.TransferEncoding,
				resp.Header.Get("Content-Length"))
		}
	}
	if _, body := get("/v1/joint-actions?limit=20", nil); len(body) < 2048 {
		t.Fatalf("the list page is %d bytes: too small to have gone out chunked", len(body))
	}
	resp, body := get("/v1/regions?limit=200", map[string]string{"Accept-Encoding": "gzip"})
	if resp.Header.Get("Content-Encoding") != "gzip" || (resp.Header.Get("Content-Length") != "" &&
		resp.Header.Get("Content-Length") != strconv.Itoa(len(body))) {
		t.Errorf("gzip: Content-Encoding %q, Content-Length %q for %d bytes", resp.Header.Get("Content-Encoding"),
			resp.Header.Get("Content-Length"), len(body))
	}
	rec, _ := get("/v1/agreements/"+demo.AgreementChangshouPengzhou, nil)
	resp, body = get("/v1/agreements/"+demo.AgreementChangshouPengzhou, map[string]string{"If-None-Match": rec.Header.Get("ETag")})
	if resp.StatusCode != http.StatusNotModified || len(body) != 0 || resp.Header.Get("Content-Length") != "" {
		t.Errorf("304: status %d, %d bytes, Content-Length %q", resp.StatusCode, len(body), resp.Header.Get("Content-Length"))
	}
}
