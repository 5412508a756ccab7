package httpapi

import (
	"compress/gzip"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// compressMin is the smallest CSV body that is worth compressing, and
// jsonCompressMin the smallest JSON one: lists, not single records.
// Compressing every 1–3 KiB record took a third of the server's CPU under
// load (gzip's per-stream set-up and flush) for a few hundred bytes saved.
const (
	compressMin     = 1 << 10
	jsonCompressMin = 8 << 10
)

var gzipWriters = sync.Pool{New: func() any {
	// The fastest level: JSON and CSV still shrink several-fold, for a
	// fraction of the CPU of the default level.
	w, _ := gzip.NewWriterLevel(io.Discard, gzip.BestSpeed)
	return w
}}

// compress gzips JSON (problem details included) and CSV bodies larger
// than compressMin for clients that accept gzip. Such responses always
// carry Vary: Accept-Encoding, compressed or not. Small bodies and other
// types (the Prometheus exposition, which compresses itself; Swagger UI
// assets) pass through unchanged, and a body that already has a
// Content-Encoding is never compressed twice.
//
// The first compressMin bytes are held back to decide; a flush (CSV
// exports flush after every page) decides at once, so exports keep
// streaming, through the gzip writer. The gzip stream is closed only when
// the handler returns normally: an export aborted half-way
// (http.ErrAbortHandler) leaves a truncated stream that no client takes
// for a whole file.
//
// The ETag stays the record version: it names the record, whichever
// coding carries it, so that clients can send it back in If-Match.
func compress(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		gw := &gzipWriter{ResponseWriter: w, accepts: acceptsGzip(r.Header.Values("Accept-Encoding"))}
		next.ServeHTTP(gw, r)
		gw.finish()
	})
}

// acceptsGzip reports whether Accept-Encoding allows gzip: named (or
// x-gzip, or *) with a non-zero quality, and not refused by name.
func acceptsGzip(values []string) bool {
	gzipQ, anyQ := -1.0, -1.0
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
			q := 1.0
			for _, p := range strings.Split(params, ";") {
				if k, val, ok := strings.Cut(strings.TrimSpace(p), "="); ok && strings.EqualFold(strings.TrimSpace(k), "q") {
					if f, err := strconv.ParseFloat(strings.TrimSpace(val), 64); err == nil {
						q = f
					}
				}
			}
			switch strings.ToLower(strings.TrimSpace(coding)) {
			case "gzip", "x-gzip":
				gzipQ = max(gzipQ, q)
			case "*":
				anyQ = max(anyQ, q)
			}
		}
	}
	if gzipQ >= 0 {
		return gzipQ > 0
	}
	return anyQ > 0
}

// compressible reports whether a Content-Type is JSON or CSV.
func compressible(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return false
	}
	return mt == "application/json" || strings.HasSuffix(mt, "+json") || mt == "text/csv"
}

// gzipWriter decides, once the handler has shown its status, headers and
// first bytes, whether the body goes out compressed.
type gzipWriter struct {
	http.ResponseWriter
	accepts bool
	status  int  // the status the handler chose; 0 until then
	sent    bool // the header has gone to the client
	buf     []byte
	min     int // compressMin or jsonCompressMin, by content type
	gz      *gzip.Writer
}

func (g *gzipWriter) WriteHeader(code int) {
	if code < http.StatusOK && code != http.StatusSwitchingProtocols {
		g.ResponseWriter.WriteHeader(code) // informational: the real answer follows
		return
	}
	if g.status != 0 {
		return
	}
	g.status = code
	h := g.Header()
	candidate := compressible(h.Get("Content-Type"))
	g.min = compressMin
	if strings.Contains(h.Get("Content-Type"), "json") {
		g.min = jsonCompressMin
	}
	if candidate || code == http.StatusNotModified {
		h.Add("Vary", "Accept-Encoding")
	}
	if !g.accepts || !candidate || h.Get("Content-Encoding") != "" ||
		code == http.StatusSwitchingProtocols || code == http.StatusNoContent || code == http.StatusNotModified {
		g.sendHeader()
	}
}

func (g *gzipWriter) Write(p []byte) (int, error) {
	if g.status == 0 {
		g.WriteHeader(http.StatusOK)
	}
	switch {
	case g.gz != nil:
		return g.gz.Write(p)
	case g.sent:
		return g.ResponseWriter.Write(p)
	}
	g.buf = append(g.buf, p...)
	if len(g.buf) >= g.min {
		if err := g.startGzip(); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

// Flush decides (compressed if enough is held back, plain otherwise),
// pushes what is written through the gzip writer and flushes the
// connection.
func (g *gzipWriter) Flush() {
	if g.status == 0 {
		g.WriteHeader(http.StatusOK)
	}
	if !g.sent {
		if len(g.buf) >= g.min {
			_ = g.startGzip()
		} else {
			_ = g.writePlain()
		}
	}
	if g.gz != nil {
		_ = g.gz.Flush()
	}
	_ = http.NewResponseController(g.ResponseWriter).Flush()
}

// Unwrap exposes the underlying writer to http.ResponseController.
func (g *gzipWriter) Unwrap() http.ResponseWriter { return g.ResponseWriter }

func (g *gzipWriter) sendHeader() {
	g.sent = true
	g.ResponseWriter.WriteHeader(g.status)
}

func (g *gzipWriter) startGzip() error {
	h := g.Header()
	h.Set("Content-Encoding", "gzip")
	h.Del("Content-Length")
	g.sendHeader()
	g.gz = gzipWriters.Get().(*gzip.Writer)
	g.gz.Reset(g.ResponseWriter)
	_, err := g.gz.Write(g.buf)
	g.buf = nil
	return err
}

func (g *gzipWriter) writePlain() error {
	g.sendHeader()
	_, err := g.ResponseWriter.Write(g.buf)
	g.buf = nil
	return err
}

// finish sends what is still held back and closes the gzip stream. It
// runs only when the handler returned normally.
func (g *gzipWriter) finish() {
	switch {
	case g.gz != nil:
		_ = g.gz.Close()
		g.gz.Reset(io.Discard)
		gzipWriters.Put(g.gz)
		g.gz = nil
	case g.status != 0 && !g.sent:
		_ = g.writePlain()
	}
}
