package httpapi

import (
	"context"
	"net/http"
	"slices"
	"time"

	"github.com/chengyu-collab/registry/internal/export"
	"github.com/chengyu-collab/registry/internal/registry"
)

// Consultations and joint actions have the same verbs, rules and list
// filters. Their handlers (consultations.go, joint_actions.go) carry the
// Swagger annotations and delegate to the code below, which an
// activityAPI parameterises.

// activityAPI describes one kind of activity to the shared handlers: the
// record handlers every kind shares, and the list filters and CSV export
// of consultations and joint actions.
type activityAPI[T, In any] struct {
	*resource[T, In]
	kindParam string   // the query parameter of the kind filter: format or kind
	kinds     []string // its values
	statuses  []string
	csvName   string
	csvHeader []string
	// csvLines reads a page of the CSV export, cells reads one of the
	// Excel export in a language (the rows the store keeps).
	csvLines func(ctx context.Context, f registry.ActivityFilter) (registry.Page[[]byte], error)
	cells    func(ctx context.Context, f registry.ActivityFilter, lang registry.Lang) (registry.Page[[]string], error)
	list     func(ctx context.Context, f registry.ActivityFilter) (registry.Page[T], error)
	table    export.Table[T] // the Excel export's headings and file name
	// listJSON, when set, serves JSON lists from the read forms.
	listJSON func(ctx context.Context, f registry.ActivityFilter) (registry.Page[registry.Raw], error)
}

// filter reads the list filters. Consultations filter by `format`, which
// also asks for a CSV export: format=csv (or json) selects the output,
// any other value the consultation format.
func (a *activityAPI[T, In]) filter(r *http.Request) (registry.ActivityFilter, error) {
	q := newQuery(r)
	allowed := a.kinds
	if a.kindParam == "format" {
		allowed = append(slices.Clone(a.kinds), outputs...)
	}
	q.exportParams(a.kindParam != "format")
	f := registry.ActivityFilter{
		Parties:         q.orgRefs("party"),
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
	return f, q.done()
}

// serveList answers a list, as JSON or as a CSV export. scope, when not
// nil, narrows the filter to the record the path names (404 when it does
// not exist).
func (a *activityAPI[T, In]) serveList(h *handler, w http.ResponseWriter, r *http.Request,
	scope func(ctx context.Context, f *registry.ActivityFilter) error) {
	f, err := a.filter(r)
	if err == nil && scope != nil {
		err = scope(r.Context(), &f)
	}
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	if wantsXLSX(r) {
		streamXLSX(h, w, r, a.table, func(ctx context.Context, lang registry.Lang, cursor string) ([][]string, string, error) {
			f.Cursor, f.Limit = cursor, export.PageSize
			page, err := a.cells(ctx, f, lang)
			return page.Items, page.Next, err
		})
		return
	}
	if wantsCSV(r) {
		h.streamCSV(w, r, a.csvName, a.csvHeader, func(ctx context.Context, cursor string) ([][]byte, string, error) {
			f.Cursor, f.Limit = cursor, csvPage
			page, err := a.csvLines(ctx, f)
			return page.Items, page.Next, err
		})
		return
	}
	if a.listJSON != nil {
		page, err := a.listJSON(r.Context(), f)
		if err != nil {
			h.writeError(w, r, err)
			return
		}
		writeRawPage(w, r, page)
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
		ag, err := h.svc.GetAgreement(ctx, pathParam(r, "id"))
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
		if !registry.IsOrgRef(ref) {
			return registry.ErrNotFound
		}
		o, err := h.svc.GetOrganization(ctx, ref)
		if err != nil {
			return err
		}
		f.Parties = append([]string{o.ID}, f.Parties...)
		return nil
	}
}

func formatTime(t time.Time) string { return t.Format(time.RFC3339) }
