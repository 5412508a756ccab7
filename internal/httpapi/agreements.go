package httpapi

import (
	"context"
	"net/http"

	"github.com/chengyu-collab/registry/internal/export"
	"github.com/chengyu-collab/registry/internal/registry"
)

// AgreementList is a page of agreements.
type AgreementList struct {
	// 本页的记录；为空时为 []，不为 null / the records of this page; [] when empty, never null
	Items []registry.Agreement `json:"items" binding:"required"`
	// 下一页的游标，原样作为 cursor 参数发送；最后一页没有此字段 / cursor of the next page, to send unchanged as cursor; absent on the last page
	NextCursor string `json:"next_cursor,omitempty" example:"WyIyMDIzLTA1LTE4IiwiMDE5M2E1YzItN2QxZS03YzRmLTlhNzAtMWYxYzJiM2Q0ZTVmIl0"`
} // @name AgreementList

// agreements describes agreements to the shared record handlers.
func (h *handler) agreements() *resource[registry.Agreement, registry.AgreementInput] {
	return &resource[registry.Agreement, registry.AgreementInput]{
		path:     "/v1/agreements",
		key:      func(a registry.Agreement) (string, int) { return a.ID, a.Version },
		create:   h.svc.CreateAgreement,
		get:      h.svc.GetAgreement,
		getJSON:  h.svc.GetAgreementJSON,
		toChange: h.svc.AgreementToChange,
		inputOf:  registry.Agreement.Input,
		update:   h.svc.UpdateAgreement,
		archive:  h.svc.ArchiveAgreement,
	}
}

func (h *handler) createAgreement(w http.ResponseWriter, r *http.Request) {
	h.agreements().serveCreate(h, w, r)
}

func (h *handler) getAgreement(w http.ResponseWriter, r *http.Request) {
	h.agreements().serveGet(h, w, r, "id")
}

func (h *handler) patchAgreement(w http.ResponseWriter, r *http.Request) {
	h.agreements().servePatch(h, w, r, "id")
}

func (h *handler) archiveAgreement(w http.ResponseWriter, r *http.Request) {
	h.agreements().serveArchive(h, w, r)
}

// agreementFilter reads the list filters of /v1/agreements.
func agreementFilter(r *http.Request) (registry.AgreementFilter, error) {
	q := newQuery(r)
	f := registry.AgreementFilter{
		Parties:         q.orgRefs("party"),
		Region:          q.region("region"),
		Status:          registry.AgreementStatus(q.oneOf("status", registry.AgreementStatuses.Codes())),
		Type:            registry.AgreementType(q.oneOf("type", registry.AgreementTypes.Codes())),
		Area:            q.code("area"),
		SignedFrom:      q.date("signed_from"),
		SignedTo:        q.date("signed_to"),
		Q:               q.text("q"),
		RelatedTo:       q.uuid("related_to"),
		IncludeArchived: q.boolean("include_archived"),
		Limit:           q.limit(),
		Cursor:          q.str("cursor"),
	}
	q.exportParams(true)
	return f, q.done()
}

func (h *handler) listAgreements(w http.ResponseWriter, r *http.Request) {
	f, err := agreementFilter(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	if wantsXLSX(r) {
		streamXLSX(h, w, r, export.Agreements, func(ctx context.Context, lang registry.Lang, cursor string) ([][]string, string, error) {
			f.Cursor, f.Limit = cursor, export.PageSize
			page, err := h.svc.ListAgreementCells(ctx, f, lang)
			return page.Items, page.Next, err
		})
		return
	}
	if wantsCSV(r) {
		h.streamCSV(w, r, "agreements", registry.AgreementCSVHeader, func(ctx context.Context, cursor string) ([][]byte, string, error) {
			f.Cursor, f.Limit = cursor, csvPage
			page, err := h.svc.ListAgreementsCSV(ctx, f)
			return page.Items, page.Next, err
		})
		return
	}
	page, err := h.svc.ListAgreementsJSON(r.Context(), f)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writeRawPage(w, r, page)
}

func (h *handler) agreementHistory(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r)
	limit, cursor := q.limit(), q.str("cursor")
	if err := q.done(); err != nil {
		h.writeError(w, r, err)
		return
	}
	a, err := h.svc.GetAgreement(r.Context(), pathParam(r, "id"))
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	page, err := h.svc.History(r.Context(), registry.EntityAgreement, a.ID, limit, cursor)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writePage(w, r, page)
}
