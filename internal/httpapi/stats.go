package httpapi

import (
	"context"
	"net/http"
	"strconv"

	"github.com/chengyu-collab/registry/internal/registry"
)

// StatsStore computes the yearly statistics.
type StatsStore interface {
	GetStats(ctx context.Context, f registry.StatsFilter) (registry.Stats, error)
}

// statsParams reads the parameters of /v1/stats: year (required, 1–9999),
// at most one of organization and region, and partner_region.
func statsParams(r *http.Request) (registry.StatsFilter, error) {
	var year int
	q := newQuery(r)
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
	if f.Organization != "" && f.Region != "" {
		q.bad("region", "exclusive_parameters", "organization", f.Region)
	}
	return f, q.err
}

// getStats godoc
//
//	@Summary		Yearly statistics / 年度统计
//	@Description	The figures a committee puts in its annual work review, for everyone, one organisation or one region (with the regions below it). Agreements signed in the year and in force during it; consultations held in the year, by format and by area; joint actions whose period overlaps the year, by kind, by cooperation area and, for a selected organisation or region, by partner province (province-level regions other than the selection's own; `{}` without a selection); outcomes summed by kind, approximate when any part is. Archived records are left out; an unknown organisation or region gives zeros; zero counts may be left out of the maps.
//	@ID				getStats
//	@Tags			stats
//	@Produce		json
//	@Param			year			query		int		true	"Calendar year"																												minimum(1)	maximum(9999)	extensions(x-example=2023)
//	@Param			organization	query		string	false	"Organisation UUID or code (not together with region)"																		extensions(x-example=changshou-cppcc)
//	@Param			region			query		string	false	"Six-digit region code, with the regions below it (not together with organization)"											extensions(x-example=500115)
//	@Param			partner_region	query		string	false	"Only records with a participant (or party) in this region or below: what the selection did jointly with partners there"	extensions(x-example=510000)
//	@Success		200				{object}	registry.Stats
//	@Failure		400				{object}	Problem
//	@Failure		401				{object}	Problem
//	@Failure		429				{object}	Problem
//	@Failure		503				{object}	Problem
//	@Failure		default			{object}	Problem	"Any other error (405, 500, …), as problem details"
//	@Security		BearerAuth
//	@Router			/v1/stats [get]
func (h *handler) getStats(w http.ResponseWriter, r *http.Request) {
	f, err := statsParams(r)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	st, err := h.store.GetStats(r.Context(), f)
	if err != nil {
		h.writeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}
