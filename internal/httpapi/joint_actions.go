package httpapi

import (
	"net/http"

	"github.com/chengyu-collab/registry/internal/export"
	"github.com/chengyu-collab/registry/internal/registry"
)

// JointActionList is a page of joint actions.
type JointActionList struct {
	// 本页的记录；为空时为 []，不为 null / the records of this page; [] when empty, never null
	Items []registry.JointAction `json:"items" binding:"required"`
	// 下一页的游标，原样作为 cursor 参数发送；最后一页没有此字段 / cursor of the next page, to send unchanged as cursor; absent on the last page
	NextCursor string `json:"next_cursor,omitempty" example:"WyIyMDIzIiwiMDE5M2E1YzItN2QxZS03YzRmLTlhNzAtMWYxYzJiM2Q0ZTVmIl0"`
} // @name JointActionList

// jointActions describes jointActions to the shared activity handlers.
func (h *handler) jointActions() *activityAPI[registry.JointAction, registry.JointActionInput] {
	return &activityAPI[registry.JointAction, registry.JointActionInput]{
		resource: &resource[registry.JointAction, registry.JointActionInput]{
			path:     "/v1/joint-actions",
			key:      func(rec registry.JointAction) (string, int) { return rec.ID, rec.Version },
			create:   h.svc.CreateJointAction,
			get:      h.svc.GetJointAction,
			getJSON:  h.svc.GetJointActionJSON,
			toChange: h.svc.JointActionToChange,
			inputOf:  registry.JointAction.Input,
			update:   h.svc.UpdateJointAction,
			archive:  h.svc.ArchiveJointAction,
		},
		kindParam: "kind",
		kinds:     registry.JointActionKinds.Codes(),
		statuses:  registry.JointActionStatuses.Codes(),
		csvName:   "joint-actions",
		csvHeader: registry.JointActionCSVHeader,
		csvLines:  h.svc.ListJointActionsCSV,
		cells:     h.svc.ListJointActionCells,
		list:      h.svc.ListJointActions,
		table:     export.JointActions,
		listJSON:  h.svc.ListJointActionsJSON,
	}
}

func (h *handler) createJointAction(w http.ResponseWriter, r *http.Request) {
	h.jointActions().serveCreate(h, w, r)
}

func (h *handler) getJointAction(w http.ResponseWriter, r *http.Request) {
	h.jointActions().serveGet(h, w, r, "id")
}

func (h *handler) patchJointAction(w http.ResponseWriter, r *http.Request) {
	h.jointActions().servePatch(h, w, r, "id")
}

func (h *handler) archiveJointAction(w http.ResponseWriter, r *http.Request) {
	h.jointActions().serveArchive(h, w, r)
}

func (h *handler) listJointActions(w http.ResponseWriter, r *http.Request) {
	h.jointActions().serveList(h, w, r, nil)
}

func (h *handler) listAgreementJointActions(w http.ResponseWriter, r *http.Request) {
	h.jointActions().serveList(h, w, r, h.ofAgreement(r))
}

func (h *handler) listOrganizationJointActions(w http.ResponseWriter, r *http.Request) {
	h.jointActions().serveList(h, w, r, h.ofOrganization(r))
}
