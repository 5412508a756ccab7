package httpapi

import (
	"net/http"

	"github.com/chengyu-collab/registry/internal/export"
	"github.com/chengyu-collab/registry/internal/registry"
)

// ConsultationList is a page of consultations.
type ConsultationList struct {
	// 本页的记录；为空时为 []，不为 null / the records of this page; [] when empty, never null
	Items []registry.Consultation `json:"items" binding:"required"`
	// 下一页的游标，原样作为 cursor 参数发送；最后一页没有此字段 / cursor of the next page, to send unchanged as cursor; absent on the last page
	NextCursor string `json:"next_cursor,omitempty" example:"WyIyMDIzIiwiMDE5M2E1YzItN2QxZS03YzRmLTlhNzAtMWYxYzJiM2Q0ZTVmIl0"`
} // @name ConsultationList

// consultations describes consultations to the shared activity handlers.
func (h *handler) consultations() *activityAPI[registry.Consultation, registry.ConsultationInput] {
	return &activityAPI[registry.Consultation, registry.ConsultationInput]{
		resource: &resource[registry.Consultation, registry.ConsultationInput]{
			path:     "/v1/consultations",
			key:      func(rec registry.Consultation) (string, int) { return rec.ID, rec.Version },
			create:   h.svc.CreateConsultation,
			get:      h.svc.GetConsultation,
			getJSON:  h.svc.GetConsultationJSON,
			toChange: h.svc.ConsultationToChange,
			inputOf:  registry.Consultation.Input,
			update:   h.svc.UpdateConsultation,
			archive:  h.svc.ArchiveConsultation,
		},
		kindParam: "format",
		kinds:     registry.ConsultationFormats.Codes(),
		statuses:  registry.ConsultationStatuses.Codes(),
		csvName:   "consultations",
		csvHeader: registry.ConsultationCSVHeader,
		csvLines:  h.svc.ListConsultationsCSV,
		cells:     h.svc.ListConsultationCells,
		list:      h.svc.ListConsultations,
		table:     export.Consultations,
		listJSON:  h.svc.ListConsultationsJSON,
	}
}

func (h *handler) createConsultation(w http.ResponseWriter, r *http.Request) {
	h.consultations().serveCreate(h, w, r)
}

func (h *handler) getConsultation(w http.ResponseWriter, r *http.Request) {
	h.consultations().serveGet(h, w, r, "id")
}

func (h *handler) patchConsultation(w http.ResponseWriter, r *http.Request) {
	h.consultations().servePatch(h, w, r, "id")
}

func (h *handler) archiveConsultation(w http.ResponseWriter, r *http.Request) {
	h.consultations().serveArchive(h, w, r)
}

func (h *handler) listConsultations(w http.ResponseWriter, r *http.Request) {
	h.consultations().serveList(h, w, r, nil)
}

func (h *handler) listAgreementConsultations(w http.ResponseWriter, r *http.Request) {
	h.consultations().serveList(h, w, r, h.ofAgreement(r))
}

func (h *handler) listOrganizationConsultations(w http.ResponseWriter, r *http.Request) {
	h.consultations().serveList(h, w, r, h.ofOrganization(r))
}
