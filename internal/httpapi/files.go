package httpapi

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/chengyu-collab/registry/internal/registry"
)

// FileList is a page of a record's files.
type FileList struct {
	// 本页的记录；为空时为 []，不为 null / the records of this page; [] when empty, never null
	Items []registry.File `json:"items" binding:"required"`
	// 下一页的游标，原样作为 cursor 参数发送；最后一页没有此字段 / cursor of the next page, to send unchanged as cursor; absent on the last page
	NextCursor string `json:"next_cursor,omitempty" example:"WyIyMDI0LTA1LTAxVDA4OjAwOjAwWiIsIjAxOTNhNWMyLWIzYzQtN2Q1ZS04ZjYwLTdhOGI5YzBkMWUyZiJd"`
} // @name FileList

// isFileTransfer reports whether the request sends or fetches a file's
// bytes: such requests stream for as long as the bytes take, so the
// database deadline of other requests does not bound them.
func isFileTransfer(r *http.Request) bool {
	return (r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/files")) ||
		(strings.HasPrefix(r.URL.Path, "/v1/files/") && strings.HasSuffix(r.URL.Path, "/content"))
}

// uploadFile adds a file to the record of the path: the body is the file
// itself, streamed to the blob store.
func (h *handler) uploadFile(t registry.FileRecordType) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q := newQuery(r)
		up := registry.FileUpload{RecordType: t, RecordID: strings.ToLower(pathParam(r, "id")), MediaType: r.Header.Get("Content-Type")}
		if v := q.str("title_zh"); v != "" {
			up.TitleZh = &v
		}
		if v := q.str("title_en"); v != "" {
			up.TitleEn = &v
		}
		if v := q.oneOf("kind", registry.FileKinds.Codes()); v != "" {
			k := registry.FileKind(v)
			up.Kind = &k
		}
		if err := q.done(); err != nil {
			h.writeError(w, r, err)
			return
		}
		if _, params, err := mime.ParseMediaType(r.Header.Get("Content-Disposition")); err == nil {
			up.Filename = params["filename"] // filename*=UTF-8''… decoded by mime
		}
		max := h.svc.MaxFileBytes()
		if r.ContentLength > max {
			h.writeError(w, r, registry.ErrTooLarge)
			return
		}
		up.Body = http.MaxBytesReader(w, r.Body, max+1)
		if _, has := r.Header["Idempotency-Key"]; has {
			h.uploadFileOnce(w, r, up)
			return
		}
		actor, _ := actorOf(r.Context())
		f, err := h.svc.AddFile(r.Context(), actor, up)
		if err != nil {
			h.writeError(w, r, uploadError(err))
			return
		}
		w.Header().Set("Location", "/v1/files/"+f.ID)
		writeJSON(w, http.StatusCreated, f)
	}
}

// uploadError maps the limit of the request body to the registry's error.
func uploadError(err error) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		return registry.ErrTooLarge
	}
	return err
}

// uploadFileOnce is an upload with an Idempotency-Key. The body is never
// held whole, so it cannot be hashed before it is stored as the other
// POSTs are: the upload is reserved in the database under its key (a
// repeat while it runs is 409, in every replica), its bytes stream to the
// blob store, hashed on the way; then the fingerprint — method, path,
// query, the file's SHA-256, its declared type and name — is checked in
// the transaction that stores the metadata, the audit entry and the
// response and ends the reservation. A repeat after that replays the
// first 201 and its just-stored bytes are deleted; a different file under
// the same key is 422.
func (h *handler) uploadFileOnce(w http.ResponseWriter, r *http.Request, up registry.FileUpload) {
	key := r.Header["Idempotency-Key"]
	if len(key) != 1 || !validIdempotencyKey(key[0]) {
		fail(w, r, "bad-request", "detail.invalid_idempotency_key", nil)
		return
	}
	actor, _ := actorOf(r.Context())
	up.IdempotencyKey = key[0]
	st, err := h.svc.StageFile(r.Context(), actor, up)
	if err != nil {
		h.writeError(w, r, uploadError(err))
		return
	}
	sum := sha256.New()
	fmt.Fprintf(sum, "%s %s?%s\n%s\n%s\n%s", r.Method, r.URL.Path, r.URL.RawQuery, st.SHA256, st.MediaType, st.Filename)
	var buf *bufferedResponse
	resp, replayed, err := h.store.Idempotent(r.Context(), actor.KeyID, key[0], sum.Sum(nil),
		func(ctx context.Context) (registry.StoredResponse, error) {
			f, err := h.svc.CommitFile(ctx, actor, st)
			if err != nil {
				return registry.StoredResponse{}, err
			}
			buf = &bufferedResponse{header: http.Header{}}
			buf.header.Set("Location", "/v1/files/"+f.ID)
			writeJSON(buf, http.StatusCreated, f)
			return registry.StoredResponse{Status: buf.status, Location: buf.header.Get("Location"), Body: buf.body.Bytes()}, nil
		})
	switch {
	case err != nil:
		h.svc.DiscardFile(st)
		h.writeError(w, r, err)
	case replayed:
		h.svc.DiscardFile(st)
		writeReplay(w, resp)
	default:
		for k, v := range buf.header {
			w.Header()[k] = v
		}
		w.WriteHeader(buf.status)
		_, _ = w.Write(buf.body.Bytes())
	}
}

// listFiles lists the files of the record of the path.
func (h *handler) listFiles(t registry.FileRecordType) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q := newQuery(r)
		archived, limit, cursor := q.boolean("include_archived"), q.limit(), q.str("cursor")
		if err := q.done(); err != nil {
			h.writeError(w, r, err)
			return
		}
		id := strings.ToLower(pathParam(r, "id"))
		if !registry.IsUUID(id) {
			h.writeError(w, r, registry.ErrNotFound)
			return
		}
		page, err := h.svc.ListFiles(r.Context(), t, id, archived, limit, cursor)
		if err != nil {
			h.writeError(w, r, err)
			return
		}
		writePage(w, r, page)
	}
}

func (h *handler) getFile(w http.ResponseWriter, r *http.Request) {
	if !h.noParams(w, r) {
		return
	}
	f, err := h.svc.GetFile(r.Context(), pathParam(r, "id"))
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	w.Header().Set("ETag", `"`+f.SHA256+`"`)
	writeJSON(w, http.StatusOK, f)
}

func (h *handler) archiveFile(w http.ResponseWriter, r *http.Request) {
	if !h.noParams(w, r) {
		return
	}
	actor, _ := actorOf(r.Context())
	f, err := h.svc.ArchiveFile(r.Context(), actor, pathParam(r, "id"))
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, f)
}

// fileContent sends a file's bytes with range support. A file never runs
// as a page of this origin: nosniff, a sandboxing Content-Security-Policy,
// and Content-Disposition attachment unless an image or PDF is asked for
// inline on purpose (inline=true).
func (h *handler) fileContent(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r)
	inline := q.boolean("inline")
	if err := q.done(); err != nil {
		h.writeError(w, r, err)
		return
	}
	f, err := h.svc.GetFile(r.Context(), pathParam(r, "id"))
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	disposition := "attachment"
	if inline && (strings.HasPrefix(f.MediaType, "image/") || f.MediaType == "application/pdf") {
		disposition = "inline"
	}
	hd := w.Header()
	hd.Set("Content-Type", f.MediaType)
	hd.Set("X-Content-Type-Options", "nosniff")
	hd.Set("Content-Security-Policy", "default-src 'none'; sandbox")
	hd.Set("Content-Disposition", contentDisposition(disposition, f.Filename))
	hd.Set("ETag", `"`+f.SHA256+`"`)
	hd.Set("Cache-Control", "private, no-cache")
	content := &blobSeeker{size: f.Size, open: func(off int64) (io.ReadCloser, error) {
		return h.svc.OpenFile(r.Context(), f, off, -1)
	}}
	defer content.Close()
	http.ServeContent(w, r, "", f.UploadedAt, content)
}

// contentDisposition writes a Content-Disposition header (RFC 6266) whose
// filename* carries the name in UTF-8 (RFC 5987) and whose filename is an
// ASCII stand-in for old clients.
func contentDisposition(disposition, name string) string {
	ascii := strings.Map(func(r rune) rune {
		if r < 0x20 || r > 0x7e || r == '"' || r == '\\' || r == '%' || r == ';' {
			return '_'
		}
		return r
	}, name)
	return disposition + `; filename="` + ascii + `"; filename*=UTF-8''` + strings.ReplaceAll(url.PathEscape(name), "+", "%2B")
}

// blobSeeker is the io.ReadSeeker http.ServeContent needs, over a blob
// read from an offset: a seek only moves the offset, and the next read
// opens the blob there. Nothing is buffered beyond what one read asks.
type blobSeeker struct {
	size int64
	off  int64
	open func(off int64) (io.ReadCloser, error)
	rc   io.ReadCloser
}

func (b *blobSeeker) Read(p []byte) (int, error) {
	if b.off >= b.size {
		return 0, io.EOF
	}
	if b.rc == nil {
		rc, err := b.open(b.off)
		if err != nil {
			return 0, err
		}
		b.rc = rc
	}
	n, err := b.rc.Read(p)
	b.off += int64(n)
	return n, err
}

func (b *blobSeeker) Seek(offset int64, whence int) (int64, error) {
	next := offset
	switch whence {
	case io.SeekCurrent:
		next = b.off + offset
	case io.SeekEnd:
		next = b.size + offset
	}
	if next < 0 {
		return b.off, errors.New("seek before the start")
	}
	if next != b.off && b.rc != nil {
		_ = b.rc.Close()
		b.rc = nil
	}
	b.off = next
	return next, nil
}

// Close releases the open blob reader, if any.
func (b *blobSeeker) Close() error {
	if b.rc != nil {
		return b.rc.Close()
	}
	return nil
}
