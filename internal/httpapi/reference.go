package httpapi

import (
	"net/http"

	"github.com/chengyu-collab/registry/internal/registry"
)

func (h *handler) listRegions(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r)
	f := registry.RegionFilter{
		Level:  registry.RegionLevel(q.oneOf("level", registry.RegionLevels.Codes())),
		Parent: q.region("parent"),
		Limit:  q.limit(),
		Cursor: q.str("cursor"),
	}
	if err := q.done(); err != nil {
		h.writeError(w, r, err)
		return
	}
	page, err := h.svc.ListRegions(r.Context(), f)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writePage(w, r, page)
}

// getRegion sends a region with a strong ETag. Regions have no version:
// they are reference data, loaded and changed only by migrations. Their
// tag is a digest of the representation itself (see contentTag), so it
// changes exactly when a migration changes what a region reads as, and
// never otherwise: a constant would have to be raised by hand with every
// such migration, and a forgotten raise would let clients keep a stale
// name.
func (h *handler) getRegion(w http.ResponseWriter, r *http.Request) {
	code := pathParam(r, "code")
	if !registry.IsRegionCode(code) {
		fail(w, r, "not-found", "", nil)
		return
	}
	if !h.noParams(w, r) {
		return
	}
	reg, err := h.svc.GetRegion(r.Context(), code)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writeTagged(w, http.StatusOK, contentTag(reg), reg)
}

// RegionList is a page of regions.
type RegionList struct {
	// 本页的记录；为空时为 []，不为 null / the records of this page; [] when empty, never null
	Items []registry.Region `json:"items" binding:"required"`
	// 下一页的游标，原样作为 cursor 参数发送；最后一页没有此字段 / cursor of the next page, to send unchanged as cursor; absent on the last page
	NextCursor string `json:"next_cursor,omitempty" example:"WyI1MDAxMTUiXQ"`
} // @name RegionList

// AreaList is a page of cooperation areas.
type AreaList struct {
	// 本页的记录；为空时为 []，不为 null / the records of this page; [] when empty, never null
	Items []registry.CooperationArea `json:"items" binding:"required"`
	// 下一页的游标，原样作为 cursor 参数发送；最后一页没有此字段 / cursor of the next page, to send unchanged as cursor; absent on the last page
	NextCursor string `json:"next_cursor,omitempty" example:"WyJjdWx0dXJlLXRvdXJpc20iXQ"`
} // @name CooperationAreaList

func (h *handler) listAreas(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r)
	limit, cursor := q.limit(), q.str("cursor")
	if err := q.done(); err != nil {
		h.writeError(w, r, err)
		return
	}
	page, err := h.svc.ListAreas(r.Context(), limit, cursor)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writePage(w, r, page)
}

// areas describes cooperation areas to the shared record handlers; the
// path takes the code.
func (h *handler) areas() *resource[registry.CooperationArea, registry.AreaInput] {
	return &resource[registry.CooperationArea, registry.AreaInput]{
		path:     "/v1/cooperation-areas",
		key:      func(a registry.CooperationArea) (string, int) { return a.Code, a.Version },
		validKey: registry.IsCode,
		create:   h.svc.CreateArea,
		get:      h.svc.GetArea,
		toChange: h.svc.AreaToChange,
		inputOf:  registry.CooperationArea.Input,
		update:   h.svc.UpdateArea,
	}
}

func (h *handler) getArea(w http.ResponseWriter, r *http.Request) {
	h.areas().serveGet(h, w, r, "code")
}

func (h *handler) createArea(w http.ResponseWriter, r *http.Request) {
	h.areas().serveCreate(h, w, r)
}

func (h *handler) patchArea(w http.ResponseWriter, r *http.Request) {
	h.areas().servePatch(h, w, r, "code")
}
