package registry

import (
	"context"
	"fmt"
	"time"
)

// AnnualReport is what a committee's annual review holds for one
// organisation and year: the /v1/stats figures, the names its figures
// refer to (cooperation areas and partner provinces), and the filters of
// the records it took part in that overlap the year. The records are read
// page by page through AnnualAgreements, ListConsultations and
// ListJointActions, never all at once.
type AnnualReport struct {
	Organization Organization
	Year         int
	Stats        Stats
	// Areas are the cooperation areas by code, for the names of the
	// per-area figures and of the records' areas.
	Areas map[string]CooperationArea
	// Provinces are the partner provinces of the figures by code.
	Provinces map[string]Region
	// Consultations and JointActions select the organisation's activities
	// whose date or period overlaps the year.
	Consultations ActivityFilter
	JointActions  ActivityFilter
}

// AnnualReport gathers the figures of an organisation (UUID or code) for a
// year, 1–9999. An organisation that does not exist is ErrNotFound.
func (s *Service) AnnualReport(ctx context.Context, org string, year int) (AnnualReport, error) {
	o, err := s.GetOrganization(ctx, org)
	if err != nil {
		return AnnualReport{}, err
	}
	st, err := s.Stats(ctx, StatsFilter{Year: year, Organization: o.ID})
	if err != nil {
		return AnnualReport{}, fmt.Errorf("annual report stats: %w", err)
	}
	areas, err := s.AreaNames(ctx)
	if err != nil {
		return AnnualReport{}, err
	}
	provinces := map[string]Region{}
	for code := range st.JointActions.ByPartnerProvince {
		r, err := s.GetRegion(ctx, code)
		if err == ErrNotFound {
			continue
		} else if err != nil {
			return AnnualReport{}, fmt.Errorf("annual report province %s: %w", code, err)
		}
		provinces[code] = r
	}
	y := Date{Year: year, Month: time.January, Day: 1, Precision: PrecisionYear}
	activities := ActivityFilter{Parties: []string{o.ID}, From: &y, To: &y}
	return AnnualReport{Organization: o, Year: year, Stats: st, Areas: areas, Provinces: provinces,
		Consultations: activities, JointActions: activities}, nil
}

// AreaNames returns every cooperation area by code: the names exports
// show for area codes.
func (s *Service) AreaNames(ctx context.Context) (map[string]CooperationArea, error) {
	areas := map[string]CooperationArea{}
	cursor := ""
	for {
		page, err := s.ListAreas(ctx, 200, cursor)
		if err != nil {
			return nil, fmt.Errorf("cooperation areas: %w", err)
		}
		for _, a := range page.Items {
			areas[a.Code] = a
		}
		if page.Next == "" {
			return areas, nil
		}
		cursor = page.Next
	}
}

// AnnualAgreements returns a page of the agreements the report's
// organisation is a party to that overlap the year: signed in it, or with
// an effective period (from effective_from, or the signing when it is not
// given, to effective_to, open when not given) that overlaps it. A page
// may hold fewer than limit agreements while Next is not empty.
func (s *Service) AnnualAgreements(ctx context.Context, rep AnnualReport, limit int, cursor string) (Page[Agreement], error) {
	page, err := s.ListAgreements(ctx, AgreementFilter{Parties: []string{rep.Organization.ID}, Limit: limit, Cursor: cursor})
	if err != nil {
		return page, err
	}
	kept := page.Items[:0]
	for _, a := range page.Items {
		if AgreementOverlapsYear(a, rep.Year) {
			kept = append(kept, a)
		}
	}
	page.Items = kept
	return page, nil
}

// AgreementOverlapsYear reports whether an agreement was signed in the
// year or its effective period overlaps it.
func AgreementOverlapsYear(a Agreement, year int) bool {
	first := time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC)
	last := time.Date(year, time.December, 31, 0, 0, 0, 0, time.UTC)
	if a.SignedOn != nil && !a.SignedOn.First().After(last) && !a.SignedOn.Last().Before(first) {
		return true
	}
	from := a.EffectiveFrom
	if from == nil {
		from = a.SignedOn
	}
	if from == nil {
		return false // undated: no period to overlap
	}
	return !from.First().After(last) && (a.EffectiveTo == nil || !a.EffectiveTo.Last().Before(first))
}
