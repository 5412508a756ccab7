package httpapi

import (
	"net/http"
	"strconv"

	"github.com/chengyu-collab/registry/internal/registry"
)

// statsParams reads the parameters of /v1/stats: year (required, 1–9999),
// at most one of organization and region, partner_region, and lang.
func statsParams(r *http.Request) (registry.StatsFilter, error) {
	var year int
	q := newQuery(r)
	q.define("year")
	if _, given := q.vals["year"]; !given {
		q.bad("year", "required", "", "")
	} else if y := q.str("year"); q.err == nil {
		n, convErr := strconv.Atoi(y)
		if convErr != nil || n < 1 || n > 9999 {
			q.bad("year", "out_of_range", "1 9999", y)
		}
		year = n
	}
	f := registry.StatsFilter{Year: year, Organization: q.orgRef("organization"), Region: q.region("region"),
		PartnerRegion: q.region("partner_region")}
	q.exportParams(false) // lang, as on the lists with exports
	if f.Organization != "" && f.Region != "" {
		q.bad("region", "exclusive_parameters", "organization", f.Region)
	}
	return f, q.done()
}

func (h *handler) getStats(w http.ResponseWriter, r *http.Request) {
	f, err := statsParams(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	st, err := h.svc.Stats(r.Context(), f)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}
