package httpapi

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// csvChunk is a CSV page of a little over 2 KiB.
var csvChunk = strings.Repeat("id,长寿区政协,彭州市政协,2023\n", 64)

// TestGzipStreamsThroughFlushes checks that a flushed page of a CSV export
// reaches the client, compressed, while the handler is still writing: the
// export streams, it is not buffered to the end.
func TestGzipStreamsThroughFlushes(t *testing.T) {
	t.Parallel()
	release := make(chan struct{})
	srv := httptest.NewServer(compress(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.WriteHeader(http.StatusOK)
		_, _ = io.WriteString(w, csvChunk)
		_ = http.NewResponseController(w).Flush()
		<-release // the next page is not written until the client has the first
		_, _ = io.WriteString(w, csvChunk)
	})))
	defer srv.Close()
	defer func() {
		select {
		case <-release:
		default:
			close(release)
		}
	}()

	hr, _ := http.NewRequest("GET", srv.URL, nil)
	hr.Header.Set("Accept-Encoding", "gzip")
	resp, err := http.DefaultClient.Do(hr)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.Header.Get("Content-Encoding") != "gzip" || resp.ContentLength != -1 {
		t.Fatalf("headers %v, length %d", resp.Header, resp.ContentLength)
	}
	zr, err := gzip.NewReader(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	first := make([]byte, len(csvChunk))
	done := make(chan error, 1)
	go func() { _, err := io.ReadFull(zr, first); done <- err }()
	select {
	case err := <-done:
		if err != nil || string(first) != csvChunk {
			t.Fatalf("first page: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the flushed first page did not reach the client: the export does not stream")
	}
	close(release)
	rest, err := io.ReadAll(zr)
	if err != nil || string(rest) != csvChunk {
		t.Fatalf("second page: %v (%d bytes)", err, len(rest))
	}
}

// TestGzipAbortedExportIsNotWhole checks that an export aborted half-way
// (http.ErrAbortHandler after a page was sent) never ends as a complete
// gzip stream: the client sees an error, not a shorter file.
func TestGzipAbortedExportIsNotWhole(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(compress(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		_, _ = io.WriteString(w, csvChunk)
		_ = http.NewResponseController(w).Flush()
		panic(http.ErrAbortHandler)
	})))
	defer srv.Close()
	hr, _ := http.NewRequest("GET", srv.URL, nil)
	hr.Header.Set("Accept-Encoding", "gzip")
	resp, err := http.DefaultClient.Do(hr)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	zr, err := gzip.NewReader(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.ReadAll(zr); err == nil {
		t.Fatal("an aborted export read as a complete gzip stream")
	}
}

// TestGzipDecisions covers the choices made from the header, the size and
// the type of a body.
func TestGzipDecisions(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, accept, ctype, encoding string
		status, size                  int
		flushEarly                    bool
		wantGzip                      bool
	}{
		{"large json", "gzip", "application/json; charset=utf-8", "", 200, 4 * jsonCompressMin, false, true},
		{"large problem", "gzip", "application/problem+json; charset=utf-8", "", 422, 4 * jsonCompressMin, false, true},
		{"created", "gzip", "application/json", "", 201, 4 * jsonCompressMin, false, true},
		{"exactly the threshold", "gzip", "application/json", "", 200, jsonCompressMin, false, true},
		{"just under", "gzip", "application/json", "", 200, jsonCompressMin - 1, false, false},
		{"a single record", "gzip", "application/json", "", 200, 3000, false, false},
		{"csv at its threshold", "gzip", "text/csv", "", 200, compressMin, false, true},
		{"not accepted", "", "application/json", "", 200, 4096, false, false},
		{"refused", "gzip;q=0", "application/json", "", 200, 4096, false, false},
		{"html", "gzip", "text/html; charset=utf-8", "", 200, 4096, false, false},
		{"already encoded", "gzip", "application/json", "br", 200, 4096, false, false},
		{"small page flushed early", "gzip", "text/csv", "", 200, 100, true, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			body := bytes.Repeat([]byte("a"), c.size)
			rec := httptest.NewRecorder()
			h := compress(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", c.ctype)
				if c.encoding != "" {
					w.Header().Set("Content-Encoding", c.encoding)
				}
				w.WriteHeader(c.status)
				if c.flushEarly {
					_, _ = w.Write(body)
					w.(http.Flusher).Flush()
					_, _ = w.Write(bytes.Repeat([]byte("b"), 4096))
					return
				}
				_, _ = w.Write(body[:len(body)/2])
				_, _ = w.Write(body[len(body)/2:])
			}))
			r := httptest.NewRequest("GET", "/", nil)
			if c.accept != "" {
				r.Header.Set("Accept-Encoding", c.accept)
			}
			h.ServeHTTP(rec, r)
			if rec.Code != c.status {
				t.Fatalf("status %d, want %d", rec.Code, c.status)
			}
			gotGzip := rec.Header().Get("Content-Encoding") == "gzip"
			if gotGzip != c.wantGzip {
				t.Fatalf("compressed = %v, want %v (%v)", gotGzip, c.wantGzip, rec.Header())
			}
			got := rec.Body.Bytes()
			if gotGzip {
				zr, err := gzip.NewReader(bytes.NewReader(got))
				if err != nil {
					t.Fatal(err)
				}
				if got, err = io.ReadAll(zr); err != nil {
					t.Fatal(err)
				}
			}
			want := body
			if c.flushEarly {
				want = append(append([]byte{}, body...), bytes.Repeat([]byte("b"), 4096)...)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("body of %d bytes, want %d", len(got), len(want))
			}
		})
	}
}

func TestAcceptsGzip(t *testing.T) {
	t.Parallel()
	for header, want := range map[string]bool{
		"": false, "gzip": true, "GZIP": true, "gzip, deflate, br": true, "br;q=1.0, gzip;q=0.8": true,
		"gzip;q=0": false, "gzip; q=0.0": false, "*": true, "*;q=0": false, "gzip;q=0, *": false,
		"x-gzip": true, "identity": false, "deflate": false, "gzip;q=bogus": true,
	} {
		if got := acceptsGzip([]string{header}); got != want {
			t.Errorf("acceptsGzip(%q) = %v, want %v", header, got, want)
		}
	}
	if !acceptsGzip([]string{"br", "gzip"}) {
		t.Error("a second Accept-Encoding line is ignored")
	}
}

func TestETagListMatches(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		list, tag string
		want      bool
	}{
		{`"3"`, `"3"`, true}, {`W/"3"`, `"3"`, true}, {`"1", "3"`, `"3"`, true}, {`*`, `"3"`, true},
		{`"4"`, `"3"`, false}, {`3`, `"3"`, false}, {`"33"`, `"3"`, false}, {``, `"3"`, false},
	} {
		if got := etagListMatches(c.list, c.tag); got != c.want {
			t.Errorf("etagListMatches(%q, %q) = %v", c.list, c.tag, got)
		}
	}
}
