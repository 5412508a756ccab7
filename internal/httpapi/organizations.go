package httpapi

import (
	"net/http"

	"github.com/chengyu-collab/registry/internal/registry"
)

// OrganizationList is a page of organisations.
type OrganizationList struct {
	// 本页的记录；为空时为 []，不为 null / the records of this page; [] when empty, never null
	Items []registry.Organization `json:"items" binding:"required"`
	// 下一页的游标，原样作为 cursor 参数发送；最后一页没有此字段 / cursor of the next page, to send unchanged as cursor; absent on the last page
	NextCursor string `json:"next_cursor,omitempty" example:"WyJjaGFuZ3Nob3UtY3BwY2MiXQ"`
} // @name OrganizationList

func (h *handler) listOrganizations(w http.ResponseWriter, r *http.Request) {
	q := newQuery(r)
	f := registry.OrganizationFilter{
		Kind:   registry.OrganizationKind(q.oneOf("kind", registry.OrganizationKinds.Codes())),
		Region: q.region("region"),
		Q:      q.text("q"),
		Limit:  q.limit(),
		Cursor: q.str("cursor"),
	}
	if err := q.done(); err != nil {
		h.writeError(w, r, err)
		return
	}
	page, err := h.svc.ListOrganizations(r.Context(), f)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writePage(w, r, page)
}

// organizations describes organisations to the shared record handlers;
// the path takes the UUID or the code.
func (h *handler) organizations() *resource[registry.Organization, registry.OrganizationInput] {
	return &resource[registry.Organization, registry.OrganizationInput]{
		path:     "/v1/organizations",
		key:      func(o registry.Organization) (string, int) { return o.ID, o.Version },
		validKey: registry.IsOrgRef,
		create:   h.svc.CreateOrganization,
		get:      h.svc.GetOrganization,
		toChange: h.svc.OrganizationToChange,
		inputOf:  registry.Organization.Input,
		update:   h.svc.UpdateOrganization,
	}
}

func (h *handler) getOrganization(w http.ResponseWriter, r *http.Request) {
	h.organizations().serveGet(h, w, r, "id")
}

func (h *handler) createOrganization(w http.ResponseWriter, r *http.Request) {
	h.organizations().serveCreate(h, w, r)
}

func (h *handler) patchOrganization(w http.ResponseWriter, r *http.Request) {
	h.organizations().servePatch(h, w, r, "id")
}
