package httpapi

import (
	"net/http"
	"strings"

	"github.com/gorilla/mux"
	httpSwagger "github.com/swaggo/http-swagger/v2"

	_ "github.com/chengyu-collab/registry/docs" // registers the generated spec with swag
	"github.com/chengyu-collab/registry/internal/registry"
)

// routes is the whole route table.
func (h *handler) routes() http.Handler {
	r := mux.NewRouter()
	r.Use(routeName)
	r.NotFoundHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fail(w, r, "not-found", "", nil) })
	router := r
	r.MethodNotAllowedHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		allowed := allowedMethods(router, r)
		w.Header().Set("Allow", allowed)
		if r.Method == http.MethodOptions {
			w.WriteHeader(http.StatusNoContent) // OPTIONS: say what the resource allows
			return
		}
		fail(w, r, "method-not-allowed", "", registry.Args{"method": quoted(r.Method),
			"allowed": registry.List(lang(r), strings.Split(allowed, ", "))})
	})

	handle := func(method, path string, level access, fn http.HandlerFunc) {
		methods := []string{method}
		if method == http.MethodGet {
			methods = append(methods, http.MethodHead)
		}
		r.Handle(path, h.guard(level, fn)).Methods(methods...)
	}
	create := func(path string, fn http.HandlerFunc) {
		r.Handle(path, h.guard(accessWrite, h.idempotent(fn))).Methods(http.MethodPost)
	}

	r.HandleFunc("/healthz", h.healthz).Methods(http.MethodGet, http.MethodHead)
	r.HandleFunc("/readyz", h.readyz).Methods(http.MethodGet, http.MethodHead)
	r.Handle("/metrics", h.metrics.handler()).Methods(http.MethodGet, http.MethodHead)
	r.PathPrefix("/swagger/").Handler(httpSwagger.Handler(httpSwagger.URL("/swagger/doc.json"))).Methods(http.MethodGet, http.MethodHead)

	handle(http.MethodGet, "/v1/regions", accessRead, h.listRegions)
	handle(http.MethodGet, "/v1/regions/{code}", accessRead, h.getRegion)

	handle(http.MethodGet, "/v1/cooperation-areas", accessRead, h.listAreas)
	r.Handle("/v1/cooperation-areas", h.guard(accessAdmin, h.idempotent(h.createArea))).Methods(http.MethodPost)
	handle(http.MethodGet, "/v1/cooperation-areas/{code}", accessRead, h.getArea)
	handle(http.MethodPatch, "/v1/cooperation-areas/{code}", accessAdmin, h.patchArea)

	handle(http.MethodGet, "/v1/organizations", accessRead, h.listOrganizations)
	r.Handle("/v1/organizations", h.guard(accessAdmin, h.idempotent(h.createOrganization))).Methods(http.MethodPost)
	handle(http.MethodGet, "/v1/organizations/{id}", accessRead, h.getOrganization)
	handle(http.MethodPatch, "/v1/organizations/{id}", accessWrite, h.patchOrganization)

	handle(http.MethodGet, "/v1/agreements", accessRead, h.listAgreements)
	create("/v1/agreements", h.createAgreement)
	handle(http.MethodGet, "/v1/agreements/{id}", accessRead, h.getAgreement)
	handle(http.MethodPatch, "/v1/agreements/{id}", accessWrite, h.patchAgreement)
	handle(http.MethodDelete, "/v1/agreements/{id}", accessWrite, h.archiveAgreement)
	handle(http.MethodGet, "/v1/agreements/{id}/history", accessRead, h.agreementHistory)
	handle(http.MethodGet, "/v1/agreements/{id}/consultations", accessRead, h.listAgreementConsultations)
	handle(http.MethodGet, "/v1/agreements/{id}/joint-actions", accessRead, h.listAgreementJointActions)

	handle(http.MethodGet, "/v1/consultations", accessRead, h.listConsultations)
	create("/v1/consultations", h.createConsultation)
	handle(http.MethodGet, "/v1/consultations/{id}", accessRead, h.getConsultation)
	handle(http.MethodPatch, "/v1/consultations/{id}", accessWrite, h.patchConsultation)
	handle(http.MethodDelete, "/v1/consultations/{id}", accessWrite, h.archiveConsultation)
	handle(http.MethodGet, "/v1/organizations/{id}/consultations", accessRead, h.listOrganizationConsultations)

	handle(http.MethodGet, "/v1/joint-actions", accessRead, h.listJointActions)
	create("/v1/joint-actions", h.createJointAction)
	handle(http.MethodGet, "/v1/joint-actions/{id}", accessRead, h.getJointAction)
	handle(http.MethodPatch, "/v1/joint-actions/{id}", accessWrite, h.patchJointAction)
	handle(http.MethodDelete, "/v1/joint-actions/{id}", accessWrite, h.archiveJointAction)
	handle(http.MethodGet, "/v1/organizations/{id}/joint-actions", accessRead, h.listOrganizationJointActions)

	create("/v1/agreements/{id}/milestones", h.createMilestone)
	handle(http.MethodGet, "/v1/agreements/{id}/milestones", accessRead, h.listAgreementMilestones)
	handle(http.MethodGet, "/v1/agreements/{id}/timeline", accessRead, h.agreementTimeline)
	handle(http.MethodGet, "/v1/milestones", accessRead, h.listMilestones)
	handle(http.MethodGet, "/v1/milestones/{id}", accessRead, h.getMilestone)
	handle(http.MethodPatch, "/v1/milestones/{id}", accessWrite, h.patchMilestone)
	handle(http.MethodDelete, "/v1/milestones/{id}", accessWrite, h.archiveMilestone)

	for _, rec := range []struct {
		path string
		t    registry.FileRecordType
	}{{"agreements", registry.FileOnAgreement}, {"consultations", registry.FileOnConsultation}, {"joint-actions", registry.FileOnJointAction}} {
		handle(http.MethodPost, "/v1/"+rec.path+"/{id}/files", accessWrite, h.uploadFile(rec.t))
		handle(http.MethodGet, "/v1/"+rec.path+"/{id}/files", accessRead, h.listFiles(rec.t))
	}
	handle(http.MethodGet, "/v1/files/{id}", accessRead, h.getFile)
	handle(http.MethodGet, "/v1/files/{id}/content", accessRead, h.fileContent)
	handle(http.MethodDelete, "/v1/files/{id}", accessWrite, h.archiveFile)

	handle(http.MethodGet, "/v1/stats", accessRead, h.getStats)
	handle(http.MethodGet, "/v1/reports/annual", accessRead, h.annualReport)

	handle(http.MethodGet, "/v1/audit", accessAdmin, h.listAudit)
	return r
}

// allowedMethods lists the methods the router serves for the request's
// path, for the Allow header of 405 and OPTIONS answers.
func allowedMethods(router *mux.Router, r *http.Request) string {
	var allowed []string
	for _, m := range []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPatch, http.MethodDelete} {
		probe := r.Clone(r.Context())
		probe.Method = m
		var match mux.RouteMatch
		if router.Match(probe, &match) && match.MatchErr == nil {
			allowed = append(allowed, m)
		}
	}
	return strings.Join(append(allowed, http.MethodOptions), ", ")
}
