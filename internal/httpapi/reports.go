package httpapi

import (
	"net/http"
	"strconv"

	"github.com/chengyu-collab/registry/internal/export"
)

// reportParams reads the parameters of /v1/reports/annual: organization
// (UUID or code) and year (1–9999), both required, and lang.
func reportParams(r *http.Request) (org string, year int, err error) {
	q := newQuery(r)
	if _, given := q.vals["organization"]; !given {
		q.bad("organization", "required", "", "")
	}
	org = q.orgRef("organization")
	if _, given := q.vals["year"]; !given {
		q.bad("year", "required", "", "")
	} else if y := q.str("year"); q.err == nil {
		n, convErr := strconv.Atoi(y)
		if convErr != nil || n < 1 || n > 9999 {
			q.bad("year", "out_of_range", "1 9999", y)
		}
		year = n
	}
	q.exportParams(false)
	return org, year, q.done()
}

// annualReport answers the workbook of a committee's annual review.
func (h *handler) annualReport(w http.ResponseWriter, r *http.Request) {
	org, year, err := reportParams(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	rep, err := h.svc.AnnualReport(r.Context(), org, year)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	lg := exportLang(r)
	src := export.SourcesOf(h.svc, rep)
	name, ascii := export.AnnualReportFileName(lg, rep.Organization, year)
	h.sendWorkbook(w, r, name, ascii, func(ready func()) (bool, error) {
		return export.WriteAnnualReport(r.Context(), w, lg, rep, src, ready)
	})
}
