package registry

import (
	"slices"
	"strconv"
	"time"
)

// agreementMoves is the status lifecycle:
// draft → signed → in_force ⇄ suspended → expired | terminated.
var agreementMoves = map[AgreementStatus][]AgreementStatus{
	StatusDraft:      {StatusSigned},
	StatusSigned:     {StatusInForce},
	StatusInForce:    {StatusSuspended, StatusExpired, StatusTerminated},
	StatusSuspended:  {StatusInForce, StatusExpired, StatusTerminated},
	StatusExpired:    {},
	StatusTerminated: {},
}

// CheckAgreementTransition returns nil when an agreement may move from one
// status to another (staying put is always allowed) and a *TransitionError
// listing the allowed moves otherwise.
func CheckAgreementTransition(from, to AgreementStatus) error {
	if from == to || slices.Contains(agreementMoves[from], to) {
		return nil
	}
	allowed := make([]string, 0, len(agreementMoves[from]))
	for _, s := range agreementMoves[from] {
		allowed = append(allowed, string(s))
	}
	return &TransitionError{From: string(from), To: string(to), Allowed: allowed}
}

// Party is an organisation's part in an agreement.
type Party struct {
	OrganizationID   string    `json:"organization_id" binding:"required" format:"uuid"`
	OrganizationCode string    `json:"organization_code" binding:"required" example:"changshou-cppcc"`
	Role             PartyRole `json:"role" binding:"required"`
	SignatoryName    *string   `json:"signatory_name" binding:"required" extensions:"x-nullable"`
	SignatoryTitle   *string   `json:"signatory_title" binding:"required" extensions:"x-nullable"`
	SignedOn         *Date     `json:"signed_on" binding:"required" extensions:"x-nullable" swaggertype:"string" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" example:"2023-05-18"`
} // @name Party

// AgreementArea is a cooperation area as the agreement words it, with an
// optional link to the taxonomy.
type AgreementArea struct {
	AreaCode    *string `json:"area_code" binding:"required" extensions:"x-nullable" example:"culture-tourism"`
	LabelZh     string  `json:"label_zh" binding:"required" example:"文旅交流"`
	LabelEn     *string `json:"label_en" binding:"required" extensions:"x-nullable" example:"Cultural and tourism exchange"`
	Description *string `json:"description" binding:"required" extensions:"x-nullable"`
} // @name AgreementArea

// Mechanism is a working arrangement the agreement sets up.
type Mechanism struct {
	Kind        MechanismKind `json:"kind" binding:"required"`
	Description *string       `json:"description" binding:"required" extensions:"x-nullable"`
} // @name Mechanism

// Document is a reference to a published text; the URL is never fetched.
type Document struct {
	Title    string        `json:"title" binding:"required"`
	URL      string        `json:"url" binding:"required"`
	Language *string       `json:"language" binding:"required" extensions:"x-nullable" example:"zh"`
	Kind     *DocumentKind `json:"kind" binding:"required" extensions:"x-nullable" swaggertype:"string" enums:"full_text,announcement,report,photo,other"`
} // @name Document

// Agreement is a collaboration agreement between regional bodies.
type Agreement struct {
	ID            string          `json:"id" binding:"required" format:"uuid"`
	RefNo         *string         `json:"ref_no" binding:"required" extensions:"x-nullable"`
	TitleZh       string          `json:"title_zh" binding:"required" example:"重庆市长寿区政协与四川省彭州市政协友好政协交流合作框架协议"`
	TitleEn       *string         `json:"title_en" binding:"required" extensions:"x-nullable"`
	Type          AgreementType   `json:"type" binding:"required"`
	Status        AgreementStatus `json:"status" binding:"required"`
	SignedOn      *Date           `json:"signed_on" binding:"required" extensions:"x-nullable" swaggertype:"string" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" example:"2023-05-18"`
	SignedPlace   *string         `json:"signed_place" binding:"required" extensions:"x-nullable"`
	EffectiveFrom *Date           `json:"effective_from" binding:"required" extensions:"x-nullable" swaggertype:"string" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" example:"2023-05"`
	EffectiveTo   *Date           `json:"effective_to" binding:"required" extensions:"x-nullable" swaggertype:"string" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" example:"2025"`
	SummaryZh     *string         `json:"summary_zh" binding:"required" extensions:"x-nullable"`
	SummaryEn     *string         `json:"summary_en" binding:"required" extensions:"x-nullable"`
	AreasDeclared *int            `json:"areas_declared" binding:"required" extensions:"x-nullable" example:"6"`
	Parties       []Party         `json:"parties" binding:"required"`
	Areas         []AgreementArea `json:"areas" binding:"required"`
	Mechanisms    []Mechanism     `json:"mechanisms" binding:"required"`
	Documents     []Document      `json:"documents" binding:"required"`
	Relations     []Relation      `json:"relations" binding:"required"`
	RelatedFrom   []RelatedFrom   `json:"related_from" binding:"required"`
	Version       int             `json:"version" binding:"required" example:"1"`
	CreatedAt     time.Time       `json:"created_at" binding:"required" format:"date-time"`
	UpdatedAt     time.Time       `json:"updated_at" binding:"required" format:"date-time"`
	ArchivedAt    *time.Time      `json:"archived_at" binding:"required" extensions:"x-nullable" format:"date-time"`
} // @name Agreement

// HasParty reports whether the organisation takes part in the agreement in
// any role.
func (a Agreement) HasParty(orgID string) bool {
	for _, p := range a.Parties {
		if p.OrganizationID == orgID {
			return true
		}
	}
	return false
}

// AgreementFilter selects agreements.
type AgreementFilter struct {
	Party           string
	Region          string
	Status          AgreementStatus
	Type            AgreementType
	Area            string
	SignedFrom      *Date
	SignedTo        *Date
	Q               string
	RelatedTo       string
	IncludeArchived bool
	Limit           int
	Cursor          string
}

// CheckAgreement applies the rules that need no database: distinct parties,
// at least two signatory organisations, date order and no signing date in
// the future. Party organisation ids must already be resolved to UUIDs.
func CheckAgreement(a *Agreement, now time.Time) error {
	var v ValidationError
	seen := map[string]bool{}
	signatories := 0
	for i, p := range a.Parties {
		if seen[p.OrganizationID] {
			v.Add(indexed("parties", i, "organization_id"), "duplicate_party", "")
			continue
		}
		seen[p.OrganizationID] = true
		if p.Role == PartySignatory {
			signatories++
		}
	}
	for i, p := range a.Parties {
		if p.SignedOn != nil && p.SignedOn.InFuture(now) {
			v.Add(indexed("parties", i, "signed_on"), "future_date", "")
		}
	}
	if signatories < 2 {
		v.Add("parties", "min_signatories", "2")
	}
	checkDateOrder(&v, []namedDate{{"signed_on", a.SignedOn}, {"effective_from", a.EffectiveFrom}, {"effective_to", a.EffectiveTo}})
	if a.SignedOn != nil && a.SignedOn.InFuture(now) {
		v.Add("signed_on", "future_date", "")
	}
	return v.Err()
}

type namedDate struct {
	name string
	date *Date
}

// checkDateOrder flags the later field of every given pair that is out of
// order.
func checkDateOrder(v *ValidationError, dates []namedDate) {
	for j := 1; j < len(dates); j++ {
		if dates[j].date == nil {
			continue
		}
		for i := 0; i < j; i++ {
			if dates[i].date != nil && OutOfOrder(*dates[i].date, *dates[j].date) {
				v.Add(dates[j].name, "date_order", dates[i].name)
				break
			}
		}
	}
}

func indexed(list string, i int, field string) string {
	return list + "[" + strconv.Itoa(i) + "]." + field
}
