package httpapi

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/url"

	"github.com/chengyu-collab/registry/internal/registry"
)

// Records in their read form (registry.Raw) are sent as they are: the
// bytes are those json.Marshal writes for the record, so the answer is
// byte for byte the one writeRecord and writePage give the structured
// record, without decoding or encoding it.

// writeRawRecord sends one record in its read form with its ETag, as
// writeRecord sends a structured one.
func writeRawRecord(w http.ResponseWriter, status int, raw registry.Raw) {
	h := w.Header()
	h.Set("ETag", etag(raw.Version))
	h.Set("Cache-Control", "no-cache")
	h.Set("Content-Type", "application/json; charset=utf-8")
	body := make([]byte, 0, len(raw.JSON)+1)
	writeBody(w, status, append(append(body, raw.JSON...), '\n'))
}

// writeRawPage sends a page of read forms in the envelope of writePage:
// the items joined with commas inside {"items":[…],"next_cursor":…}.
func writeRawPage(w http.ResponseWriter, r *http.Request, p registry.Page[registry.Raw]) {
	if p.Next != "" {
		q := r.URL.Query()
		q.Set("cursor", p.Next)
		next := url.URL{Path: r.URL.Path, RawQuery: q.Encode()}
		w.Header().Set("Link", "<"+next.String()+`>; rel="next"`)
	}
	n := 64
	for _, it := range p.Items {
		n += len(it.JSON) + 1
	}
	var b bytes.Buffer
	b.Grow(n)
	b.WriteString(`{"items":[`)
	for i, it := range p.Items {
		if i > 0 {
			b.WriteByte(',')
		}
		b.Write(it.JSON)
	}
	b.WriteByte(']')
	if p.Next != "" {
		cursor, _ := json.Marshal(p.Next)
		b.WriteString(`,"next_cursor":`)
		b.Write(cursor)
	}
	b.WriteString("}\n")
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	writeBody(w, http.StatusOK, b.Bytes())
}
