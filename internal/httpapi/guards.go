package httpapi

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/chengyu-collab/registry/internal/registry"
)

// MaxHeaderBytes is the most request line and headers a request may carry
// (the contract's 64 KiB; 431 above). The server's MaxHeaderBytes should be
// set to it too: Go's server then refuses anything much larger before it is
// read, and limitHeaders refuses the few KiB of slack Go allows past it.
const MaxHeaderBytes = 64 << 10

// DefaultRequestTimeout bounds how long a request may wait for the
// database, the connection pool included, when Deps.RequestTimeout is not
// set.
const DefaultRequestTimeout = 10 * time.Second

// limitHeaders answers 431 when the request line and headers, counted as
// they were sent, exceed MaxHeaderBytes.
func (h *handler) limitHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if headerBytes(r) > MaxHeaderBytes {
			fail(w, r, "header-too-large", "", nil)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// headerBytes is the size of the request line and header block of r as it
// came over the wire ("Name: value\r\n" per header, the Host header
// included, and the blank line that ends the block).
func headerBytes(r *http.Request) int {
	n := len(r.Method) + 1 + len(r.RequestURI) + 1 + len(r.Proto) + 2
	if r.Host != "" {
		n += len("Host: ") + len(r.Host) + 2
	}
	for name, values := range r.Header {
		for _, v := range values {
			n += len(name) + 2 + len(v) + 2
		}
	}
	for _, te := range r.TransferEncoding { // moved out of r.Header by the server
		n += len("Transfer-Encoding: ") + len(te) + 2
	}
	return n + 2
}

// parseQuery parses a raw query string as url.ParseQuery does, but where
// that silently drops a pair that does not parse (a bad %-escape, a ';'),
// it reports the pair's parameter as a 400: a filter the client sent must
// never be ignored.
func parseQuery(raw string) (url.Values, error) {
	vals, err := url.ParseQuery(raw)
	if err == nil {
		return vals, nil
	}
	name := "query"
	for _, pair := range strings.Split(raw, "&") {
		if _, perr := url.ParseQuery(pair); perr != nil {
			key, _, _ := strings.Cut(pair, "=")
			if k, kerr := url.QueryUnescape(key); kerr == nil && k != "" && !strings.Contains(k, ";") && len(k) <= 64 {
				name = k
			}
			break
		}
	}
	return vals, &registry.BadParam{Name: name, Code: "malformed_query"}
}
