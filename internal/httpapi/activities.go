package httpapi

import (
	"context"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/chengyu-collab/registry/internal/registry"
)

// Consultations and joint actions have the same verbs, rules and list
// filters. Their handlers (consultations.go, joint_actions.go) carry the
// Swagger annotations and delegate to the code below, which an
// activityAPI parameterises.

// activityAPI describes one kind of activity to the shared handlers: T is
// the stored record, Req the request body.
type activityAPI[T any, Req any] struct {
	path      string   // collection path, such as /v1/consultations
	kindParam string   // the query parameter of the kind filter: format or kind
	kinds     []string // its values
	statuses  []string
	csvName   string
	csvHeader []string
	csvRows   func(items []T) [][]string
	record    func(req Req) T
	requestOf func(rec T) Req
	meta      func(rec T) (id string, version int)

	create  func(ctx context.Context, by registry.Actor, rec T) (T, error)
	get     func(ctx context.Context, id string) (T, error)
	update  func(ctx context.Context, by registry.Actor, id string, version int, apply func(cur T) (T, error)) (T, error)
	archive func(ctx context.Context, by registry.Actor, id string, version int) (T, error)
	list    func(ctx context.Context, f registry.ActivityFilter) (registry.Page[T], error)
}

// outcomeRequest is an outcome in a consultation or joint action body.
type outcomeRequest struct {
	Kind          string  `json:"kind" validate:"required,oneof=opinion proposal public_opinion_report problem_solved other" enums:"opinion,proposal,public_opinion_report,problem_solved,other" example:"opinion"`
	Count         *int64  `json:"count" validate:"omitnil,min=0,max=1000000000" minimum:"0" maximum:"1000000000" example:"95" extensions:"x-nullable"`
	Approximate   bool    `json:"approximate" example:"false"`
	DescriptionZh *string `json:"description_zh" validate:"omitnil,notblank,max=10000" maxLength:"10000" example:"形成协商意见95条" extensions:"x-nullable"`
	DescriptionEn *string `json:"description_en" validate:"omitnil,notblank,max=10000" maxLength:"10000" example:"95 consultation opinions" extensions:"x-nullable"`
} // @name OutcomeRequest

func outcomesOf(reqs []outcomeRequest) []registry.Outcome {
	out := make([]registry.Outcome, 0, len(reqs))
	for _, o := range reqs {
		out = append(out, registry.Outcome{Kind: o.Kind, Count: o.Count, Approximate: o.Approximate,
			DescriptionZh: o.DescriptionZh, DescriptionEn: o.DescriptionEn})
	}
	return out
}

func outcomeRequestsOf(os []registry.Outcome) []outcomeRequest {
	out := make([]outcomeRequest, 0, len(os))
	for _, o := range os {
		out = append(out, outcomeRequest{Kind: o.Kind, Count: o.Count, Approximate: o.Approximate,
			DescriptionZh: o.DescriptionZh, DescriptionEn: o.DescriptionEn})
	}
	return out
}

func (a *activityAPI[T, Req]) serveCreate(h *handler, w http.ResponseWriter, r *http.Request) {
	var req Req
	if !h.decodeCreate(w, r, &req) {
		return
	}
	actor, _ := actorOf(r.Context())
	rec, err := a.create(r.Context(), actor, a.record(req))
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	id, version := a.meta(rec)
	w.Header().Set("Location", a.path+"/"+id)
	writeRecord(w, http.StatusCreated, version, rec)
}

func (a *activityAPI[T, Req]) serveGet(h *handler, w http.ResponseWriter, r *http.Request) {
	rec, err := a.get(r.Context(), pathParam(r, "id"))
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	_, version := a.meta(rec)
	writeRecord(w, http.StatusOK, version, rec)
}

func (a *activityAPI[T, Req]) servePatch(h *handler, w http.ResponseWriter, r *http.Request) {
	version, ok := requireIfMatch(w, r)
	if !ok {
		return
	}
	var shape Req
	patch, ok := h.readPatch(w, r, shape)
	if !ok {
		return
	}
	actor, _ := actorOf(r.Context())
	rec, err := a.update(r.Context(), actor, pathParam(r, "id"), version, func(cur T) (T, error) {
		var req Req
		if err := h.mergeInto(r, a.requestOf(cur), patch, &req); err != nil {
			var zero T
			return zero, err
		}
		return a.record(req), nil
	})
	a.respond(h, w, r, rec, err)
}

func (a *activityAPI[T, Req]) serveArchive(h *handler, w http.ResponseWriter, r *http.Request) {
	version, ok := requireIfMatch(w, r)
	if !ok {
		return
	}
	actor, _ := actorOf(r.Context())
	rec, err := a.archive(r.Context(), actor, pathParam(r, "id"), version)
	a.respond(h, w, r, rec, err)
}

// respond sends a changed record with its ETag, or the error.
func (a *activityAPI[T, Req]) respond(h *handler, w http.ResponseWriter, r *http.Request, rec T, err error) {
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	_, version := a.meta(rec)
	writeRecord(w, http.StatusOK, version, rec)
}

// filter reads the list filters. Consultations filter by `format`, which
// also asks for a CSV export: format=csv (or json) selects the output,
// any other value the consultation format.
func (a *activityAPI[T, Req]) filter(r *http.Request) (registry.ActivityFilter, error) {
	q := newQuery(r)
	outputs := []string{"json", "csv"}
	allowed := a.kinds
	if a.kindParam == "format" {
		allowed = append(slices.Clone(a.kinds), outputs...)
	} else {
		q.oneOf("format", outputs)
	}
	f := registry.ActivityFilter{
		Party:           q.orgRef("party"),
		Region:          q.region("region"),
		Agreement:       q.uuid("agreement"),
		Area:            q.code("area"),
		Kind:            q.oneOf(a.kindParam, allowed),
		Status:          q.oneOf("status", a.statuses),
		From:            q.date("from"),
		To:              q.date("to"),
		Q:               q.text("q"),
		IncludeArchived: q.boolean("include_archived"),
		Limit:           q.limit(),
		Cursor:          q.str("cursor"),
	}
	if slices.Contains(outputs, f.Kind) {
		f.Kind = ""
	}
	return f, q.err
}

// serveList answers a list, as JSON or as a CSV export. scope, when not
// nil, narrows the filter to the record the path names (404 when it does
// not exist).
func (a *activityAPI[T, Req]) serveList(h *handler, w http.ResponseWriter, r *http.Request,
	scope func(ctx context.Context, f *registry.ActivityFilter) error) {
	f, err := a.filter(r)
	if err == nil && scope != nil {
		err = scope(r.Context(), &f)
	}
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	if wantsCSV(r) {
		h.streamCSV(w, r, a.csvName, a.csvHeader, func(ctx context.Context, cursor string) ([][]string, string, error) {
			f.Cursor, f.Limit = cursor, csvPage
			page, err := a.list(ctx, f)
			return a.csvRows(page.Items), page.Next, err
		})
		return
	}
	page, err := a.list(r.Context(), f)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writePage(w, r, page)
}

// ofAgreement narrows a list to the agreement the path names.
func (h *handler) ofAgreement(r *http.Request) func(ctx context.Context, f *registry.ActivityFilter) error {
	return func(ctx context.Context, f *registry.ActivityFilter) error {
		ag, err := h.store.GetAgreement(ctx, pathParam(r, "id"))
		if err != nil {
			return err
		}
		f.Agreement = ag.ID
		return nil
	}
}

// ofOrganization narrows a list to what the organisation the path names
// (UUID or code) took part in.
func (h *handler) ofOrganization(r *http.Request) func(ctx context.Context, f *registry.ActivityFilter) error {
	return func(ctx context.Context, f *registry.ActivityFilter) error {
		ref := pathParam(r, "id")
		if !isOrgRef(ref) {
			return registry.ErrNotFound
		}
		o, err := h.store.GetOrganization(ctx, ref)
		if err != nil {
			return err
		}
		f.Party = o.ID
		return nil
	}
}

// participantsCell and outcomesCell render child rows for CSV exports:
// "code:role; …" and "kind:count; …", a count with "+" when approximate.
func participantsCell(ps []registry.Participant) string {
	parts := make([]string, 0, len(ps))
	for _, p := range ps {
		parts = append(parts, p.OrganizationCode+":"+p.Role)
	}
	return strings.Join(parts, "; ")
}

func outcomesCell(os []registry.Outcome) string {
	parts := make([]string, 0, len(os))
	for _, o := range os {
		cell := o.Kind
		if o.Count != nil {
			cell += ":" + strconv.FormatInt(*o.Count, 10)
		}
		if o.Approximate {
			cell += "+"
		}
		parts = append(parts, cell)
	}
	return strings.Join(parts, "; ")
}

func formatTime(t time.Time) string { return t.Format(time.RFC3339) }
