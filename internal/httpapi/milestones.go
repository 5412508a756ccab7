package httpapi

import (
	"net/http"

	"github.com/chengyu-collab/registry/internal/registry"
)

// MilestoneList is a page of milestones.
type MilestoneList struct {
	// 本页的记录；为空时为 []，不为 null / the records of this page; [] when empty, never null
	Items []registry.Milestone `json:"items" binding:"required"`
	// 下一页的游标，原样作为 cursor 参数发送；最后一页没有此字段 / cursor of the next page, to send unchanged as cursor; absent on the last page
	NextCursor string `json:"next_cursor,omitempty" example:"WyIyMDI0LTA2LTAxIiwiMDE5M2E1YzItYTFiMi03YzNkLThlNGYtNWE2YjdjOGQ5ZTBmIl0"`
} // @name MilestoneList

// milestonePatch documents the body of PATCH /v1/milestones/{id}.
type milestonePatch struct {
	// 中文标题，1–200 个字符 / title in Chinese, 1–200 characters
	TitleZh string `json:"title_zh" maxLength:"200" example:"建立协商机制"`
	// 英文标题，1–200 个字符；null 清除此值 / title in English, 1–200 characters; null clears it
	TitleEn *string `json:"title_en" maxLength:"200" example:"Set up a consultation mechanism" extensions:"x-nullable"`
	// 事项说明，最多 10000 个字符；null 清除此值 / what is to be done, at most 10,000 characters; null clears it
	Description *string `json:"description" maxLength:"10000" extensions:"x-nullable" example:"两地政协每年轮流召开一次联席会议"`
	// 负责组织，UUID 或组织代码，须为协议的参与方；null 清除此值 / organisation responsible, by UUID or code, a party of the agreement; null clears it
	ResponsibleOrganizationID *string `json:"responsible_organization_id" example:"changshou-cppcc" extensions:"x-nullable"`
	// 到期日期，部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$`；null 清除此值 / date it is due, a partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; null clears it
	DueOn *string `json:"due_on" example:"2024-06" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	// 事项状态；改为 done 时须有 done_on / status; done_on is required when it becomes done
	Status registry.MilestoneStatus `json:"status"`
	// 完成日期，不晚于今天（北京时间），部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$`；状态为 done 时不能清除 / date it was done, not after today (China Standard Time), a partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; cannot be cleared while the status is done
	DoneOn *string `json:"done_on" example:"2024-05-20" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	// 落实此事项的联合协商或联合履职，整体替换（最多 20 项）；null 清空 / the consultations and joint actions that carried it out, replaced whole (at most 20); null empties it
	Links []registry.MilestoneLinkInput `json:"links" maxItems:"20" extensions:"x-nullable"`
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
