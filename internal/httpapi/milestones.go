package httpapi

import (
	"net/http"

	"github.com/chengyu-collab/registry/internal/registry"
)

// MilestoneList is a page of milestones.
type MilestoneList struct {
	Items      []registry.Milestone `json:"items" binding:"required"`
	NextCursor string               `json:"next_cursor,omitempty"`
} // @name MilestoneList

// milestonePatch documents the body of PATCH /v1/milestones/{id}.
type milestonePatch struct {
	TitleZh                   string                        `json:"title_zh" maxLength:"200" example:"建立协商机制"`
	TitleEn                   *string                       `json:"title_en" maxLength:"200" example:"Set up a consultation mechanism" extensions:"x-nullable"`
	Description               *string                       `json:"description" maxLength:"10000" extensions:"x-nullable"`
	ResponsibleOrganizationID *string                       `json:"responsible_organization_id" example:"changshou-cppcc" extensions:"x-nullable"`
	DueOn                     *string                       `json:"due_on" example:"2024-06" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	Status                    registry.MilestoneStatus      `json:"status"`
	DoneOn                    *string                       `json:"done_on" example:"2024-05-20" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	Links                     []registry.MilestoneLinkInput `json:"links" maxItems:"20" extensions:"x-nullable"`
} // @name MilestonePatch

// milestones describes milestones to the shared record handlers.
func (h *handler) milestones() *resource[registry.Milestone, registry.MilestoneInput] {
	return &resource[registry.Milestone, registry.MilestoneInput]{
		path:     "/v1/milestones",
		key:      func(m registry.Milestone) (string, int) { return m.ID, m.Version },
		create:   h.svc.CreateMilestone,
		get:      h.svc.GetMilestone,
		toChange: h.svc.MilestoneToChange,
		inputOf:  registry.Milestone.Input,
		update:   h.svc.UpdateMilestone,
		archive:  h.svc.ArchiveMilestone,
	}
}

// createMilestone adds a milestone under the agreement of the path.
func (h *handler) createMilestone(w http.ResponseWriter, r *http.Request) {
	if !h.noParams(w, r) {
		return
	}
	var in registry.MilestoneInput
	if !h.decodeCreate(w, r, &in) {
		return
	}
	in.AgreementID = pathParam(r, "id")
	actor, _ := actorOf(r.Context())
	m, err := h.svc.CreateMilestone(r.Context(), actor, in)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	w.Header().Set("Location", "/v1/milestones/"+m.ID)
	writeRecord(w, http.StatusCreated, m.Version, m)
}

func (h *handler) getMilestone(w http.ResponseWriter, r *http.Request) {
	h.milestones().serveGet(h, w, r, "id")
}

func (h *handler) patchMilestone(w http.ResponseWriter, r *http.Request) {
	h.milestones().servePatch(h, w, r, "id")
}

func (h *handler) archiveMilestone(w http.ResponseWriter, r *http.Request) {
	h.milestones().serveArchive(h, w, r)
}

// milestoneFilter reads the list filters of /v1/milestones.
func milestoneFilter(r *http.Request) (registry.MilestoneFilter, error) {
	q := newQuery(r)
	f := registry.MilestoneFilter{
		Party:           q.orgRef("party"),
		Responsible:     q.orgRef("responsible"),
		Agreement:       q.uuid("agreement"),
		Status:          registry.MilestoneStatus(q.oneOf("status", registry.MilestoneStatuses.Codes())),
		Overdue:         q.boolean("overdue"),
		DueFrom:         q.date("due_from"),
		DueTo:           q.date("due_to"),
		IncludeArchived: q.boolean("include_archived"),
		Limit:           q.limit(),
		Cursor:          q.str("cursor"),
	}
	return f, q.done()
}

func (h *handler) listMilestones(w http.ResponseWriter, r *http.Request) {
	f, err := milestoneFilter(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	page, err := h.svc.ListMilestones(r.Context(), f)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writePage(w, r, page)
}

// listAgreementMilestones lists the milestones of the agreement of the
// path (404 when it does not exist).
func (h *handler) listAgreementMilestones(w http.ResponseWriter, r *http.Request) {
	f, err := milestoneFilter(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	ag, err := h.svc.GetAgreement(r.Context(), pathParam(r, "id"))
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	f.Agreement = ag.ID
	page, err := h.svc.ListMilestones(r.Context(), f)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writePage(w, r, page)
}
