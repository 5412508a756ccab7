package httpapi

import (
	"context"
	"net/http"

	"github.com/chengyu-collab/registry/internal/registry"
)

// resource describes one kind of record to the handlers every kind
// shares: create, read, merge-patch and archive, each a decode → Service →
// encode. T is the record, In its input.
type resource[T, In any] struct {
	path string // collection path, such as /v1/agreements
	// key returns the record's id in the path and its version.
	key func(rec T) (id string, version int)
	// validKey, when set, answers 404 before anything else for a path
	// key that cannot name a record.
	validKey func(key string) bool

	create func(ctx context.Context, by registry.Actor, in In) (T, error)
	get    func(ctx context.Context, key string) (T, error)
	// getJSON, when set, serves GET from the record's read form, sent as
	// it is (rawjson.go).
	getJSON  func(ctx context.Context, key string) (registry.Raw, error)
	toChange func(ctx context.Context, by registry.Actor, key string, version int) (T, error)
	inputOf  func(rec T) In
	update   func(ctx context.Context, by registry.Actor, key string, version int, in In) (T, error)
	archive  func(ctx context.Context, by registry.Actor, key string, version int) (T, error)
}

// pathKey returns the record key of the path, or false after answering
// 404 when it cannot name a record.
func (res *resource[T, In]) pathKey(w http.ResponseWriter, r *http.Request, name string) (string, bool) {
	key := pathParam(r, name)
	if res.validKey != nil && !res.validKey(key) {
		fail(w, r, "not-found", "", nil)
		return "", false
	}
	return key, true
}

func (res *resource[T, In]) serveCreate(h *handler, w http.ResponseWriter, r *http.Request) {
	if !h.noParams(w, r) {
		return
	}
	var in In
	if !h.decodeCreate(w, r, &in) {
		return
	}
	actor, _ := actorOf(r.Context())
	rec, err := res.create(r.Context(), actor, in)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	id, version := res.key(rec)
	w.Header().Set("Location", res.path+"/"+id)
	writeRecord(w, http.StatusCreated, version, rec)
}

func (res *resource[T, In]) serveGet(h *handler, w http.ResponseWriter, r *http.Request, name string) {
	if !h.noParams(w, r) {
		return
	}
	key, ok := res.pathKey(w, r, name)
	if !ok {
		return
	}
	if res.getJSON != nil {
		raw, err := res.getJSON(r.Context(), key)
		if err != nil {
			h.writeError(w, r, err)
			return
		}
		writeRawRecord(w, http.StatusOK, raw)
		return
	}
	rec, err := res.get(r.Context(), key)
	res.respond(h, w, r, rec, err)
}

// servePatch merges a JSON merge patch onto the record as it is and hands
// the result to the Service. The merge happens outside the Service's row
// lock: the Service checks under the lock that the record is still at the
// If-Match version the merge started from.
func (res *resource[T, In]) servePatch(h *handler, w http.ResponseWriter, r *http.Request, name string) {
	if !h.noParams(w, r) {
		return
	}
	key, ok := res.pathKey(w, r, name)
	if !ok {
		return
	}
	version, ok := requireIfMatch(w, r)
	if !ok {
		return
	}
	var shape In
	patch, ok := h.readPatch(w, r, shape)
	if !ok {
		return
	}
	actor, _ := actorOf(r.Context())
	cur, err := res.toChange(r.Context(), actor, key, version)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	var in In
	if err := mergeInto(res.inputOf(cur), patch, &in); err != nil {
		h.writeError(w, r, err)
		return
	}
	rec, err := res.update(r.Context(), actor, key, version, in)
	res.respond(h, w, r, rec, err)
}

func (res *resource[T, In]) serveArchive(h *handler, w http.ResponseWriter, r *http.Request) {
	if !h.noParams(w, r) {
		return
	}
	version, ok := requireIfMatch(w, r)
	if !ok {
		return
	}
	actor, _ := actorOf(r.Context())
	rec, err := res.archive(r.Context(), actor, pathParam(r, "id"), version)
	res.respond(h, w, r, rec, err)
}

// respond sends a record with its ETag, or the error.
func (res *resource[T, In]) respond(h *handler, w http.ResponseWriter, r *http.Request, rec T, err error) {
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	_, version := res.key(rec)
	writeRecord(w, http.StatusOK, version, rec)
}
