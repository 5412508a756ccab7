package registry

import (
	"context"
	"errors"
	"slices"
	"time"
)

// MilestoneLink points from a milestone to the consultation or joint
// action that carried it out.
type MilestoneLink struct {
	RecordType LinkType `json:"record_type" binding:"required"`
	RecordID   string   `json:"record_id" binding:"required" format:"uuid"`
} // @name MilestoneLink

// Milestone is a follow-up commitment under an agreement.
type Milestone struct {
	ID                        string          `json:"id" binding:"required" format:"uuid"`
	AgreementID               string          `json:"agreement_id" binding:"required" format:"uuid"`
	TitleZh                   string          `json:"title_zh" binding:"required" example:"建立协商机制"`
	TitleEn                   *string         `json:"title_en" binding:"required" extensions:"x-nullable" example:"Set up a consultation mechanism"`
	Description               *string         `json:"description" binding:"required" extensions:"x-nullable"`
	ResponsibleOrganizationID *string         `json:"responsible_organization_id" binding:"required" extensions:"x-nullable" format:"uuid"`
	DueOn                     *Date           `json:"due_on" binding:"required" extensions:"x-nullable" swaggertype:"string" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" example:"2024-06"`
	Status                    MilestoneStatus `json:"status" binding:"required"`
	DoneOn                    *Date           `json:"done_on" binding:"required" extensions:"x-nullable" swaggertype:"string" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" example:"2024-05-20"`
	Links                     []MilestoneLink `json:"links" binding:"required"`
	// Overdue: open, and the last day of due_on is before today in China
	// Standard Time (computed when read).
	Overdue    bool       `json:"overdue" binding:"required" example:"false"`
	Version    int        `json:"version" binding:"required" example:"1"`
	CreatedAt  time.Time  `json:"created_at" binding:"required" format:"date-time"`
	UpdatedAt  time.Time  `json:"updated_at" binding:"required" format:"date-time"`
	ArchivedAt *time.Time `json:"archived_at" binding:"required" extensions:"x-nullable" format:"date-time"`
	// AgreementParties are the organisations of the agreement: who may
	// write the agreement may write its milestones.
	AgreementParties []string `json:"-" swaggerignore:"true"`
} // @name Milestone

// MilestoneInput is the writable part of a milestone. The agreement is the
// one of the path it is created under and never changes.
type MilestoneInput struct {
	ID                        string               `json:"-"` // a preset id, for the demo loader only
	AgreementID               string               `json:"-"`
	TitleZh                   string               `json:"title_zh" validate:"required,max=200" maxLength:"200" example:"建立协商机制"`
	TitleEn                   *string              `json:"title_en" validate:"omitnil,notblank,max=200" maxLength:"200" example:"Set up a consultation mechanism" extensions:"x-nullable"`
	Description               *string              `json:"description" validate:"omitnil,notblank,max=10000" maxLength:"10000" extensions:"x-nullable"`
	ResponsibleOrganizationID *string              `json:"responsible_organization_id" validate:"omitnil,orgref" example:"changshou-cppcc" extensions:"x-nullable"`
	DueOn                     *string              `json:"due_on" validate:"omitnil,partialdate" example:"2024-06" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	Status                    MilestoneStatus      `json:"status" validate:"omitempty,enum" default:"open"`
	DoneOn                    *string              `json:"done_on" validate:"omitnil,partialdate" example:"2024-05-20" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	Links                     []MilestoneLinkInput `json:"links" validate:"max=20,dive" maxItems:"20" extensions:"x-nullable"`
} // @name MilestoneRequest

// MilestoneLinkInput names a consultation or joint action by its UUID.
type MilestoneLinkInput struct {
	RecordType LinkType `json:"record_type" validate:"required,enum"`
	RecordID   string   `json:"record_id" validate:"required,uuidstr" format:"uuid"`
} // @name MilestoneLinkRequest

// MilestoneFilter selects milestones.
type MilestoneFilter struct {
	Party           string // an organisation taking part in the milestone's agreement
	Responsible     string
	Agreement       string
	Status          MilestoneStatus
	Overdue         bool
	DueFrom         *Date
	DueTo           *Date
	IncludeArchived bool
	// Today is the day in China Standard Time against which overdue is
	// judged; the Service sets it.
	Today  time.Time
	Limit  int
	Cursor string
}

// MilestoneRecords keeps milestones.
type MilestoneRecords interface {
	GetMilestone(ctx context.Context, id string) (Milestone, error)
	LockMilestone(ctx context.Context, id string) (Milestone, error)
	InsertMilestone(ctx context.Context, m Milestone) (Milestone, error)
	ReplaceMilestone(ctx context.Context, m Milestone) (Milestone, error)
	ArchiveMilestone(ctx context.Context, id string) (Milestone, error)
	ListMilestones(ctx context.Context, f MilestoneFilter) (Page[Milestone], error)
	// ActivityExists reports whether a consultation or joint action
	// exists.
	ActivityExists(ctx context.Context, t LinkType, id string) (bool, error)
}

// TodayCST is the civil day of now in China Standard Time, as a date at
// midnight UTC (the form dates are compared in).
func TodayCST(now time.Time) time.Time {
	y, m, d := now.In(ChinaStandardTime).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// IsOverdue reports whether the milestone is open and the last day of its
// due date is before today in China Standard Time, judged at now.
func (m Milestone) IsOverdue(now time.Time) bool {
	return m.Status == MilestoneOpen && m.DueOn != nil && m.DueOn.Last().Before(TodayCST(now))
}

// Input returns the writable part of the milestone.
func (m Milestone) Input() MilestoneInput {
	in := MilestoneInput{AgreementID: m.AgreementID, TitleZh: m.TitleZh, TitleEn: m.TitleEn, Description: m.Description,
		ResponsibleOrganizationID: m.ResponsibleOrganizationID, DueOn: dateString(m.DueOn), Status: m.Status,
		DoneOn: dateString(m.DoneOn), Links: []MilestoneLinkInput{}}
	for _, l := range m.Links {
		in.Links = append(in.Links, MilestoneLinkInput(l))
	}
	return in
}

func (in MilestoneInput) record() Milestone {
	m := Milestone{ID: in.ID, AgreementID: in.AgreementID, TitleZh: in.TitleZh, TitleEn: in.TitleEn, Description: in.Description,
		ResponsibleOrganizationID: in.ResponsibleOrganizationID, DueOn: parsedDate(in.DueOn), Status: in.Status,
		DoneOn: parsedDate(in.DoneOn), Links: []MilestoneLink{}}
	for _, l := range in.Links {
		m.Links = append(m.Links, MilestoneLink(l))
	}
	return m
}

func (s *Service) milestones() *recordKind[Milestone, MilestoneInput] {
	return &recordKind[Milestone, MilestoneInput]{
		entity:    EntityMilestone,
		key:       func(m Milestone) (string, int, bool) { return m.ID, m.Version, m.ArchivedAt != nil },
		takesPart: func(m Milestone, orgID string) bool { return slices.Contains(m.AgreementParties, orgID) },
		prepare:   prepareMilestone,
		lock:      s.store.LockMilestone,
		insert:    s.store.InsertMilestone,
		replace: func(ctx context.Context, cur, next Milestone) (Milestone, error) {
			next.ID = cur.ID
			return s.store.ReplaceMilestone(ctx, next)
		},
		archive: s.store.ArchiveMilestone,
	}
}

// prepareMilestone applies a milestone input's defaults, then checks its
// agreement (which must exist and, for a new milestone, not be archived),
// the responsible organisation (a party of the agreement), the day done
// and the links.
func prepareMilestone(ctx context.Context, s *Service, in *MilestoneInput, cur *Milestone) (Milestone, error) {
	if in.Status == "" {
		in.Status = MilestoneOpen
	}
	if cur != nil {
		in.AgreementID = cur.AgreementID
	}
	m := in.record()
	ag, err := s.store.GetAgreement(ctx, in.AgreementID)
	if err != nil {
		return m, err
	}
	if cur == nil && ag.ArchivedAt != nil {
		return m, ErrArchived
	}
	m.AgreementID = ag.ID
	m.AgreementParties = make([]string, 0, len(ag.Parties))
	for _, p := range ag.Parties {
		m.AgreementParties = append(m.AgreementParties, p.OrganizationID)
	}
	var v ValidationError
	if m.ResponsibleOrganizationID != nil {
		id, err := s.store.ResolveOrganization(ctx, *m.ResponsibleOrganizationID)
		switch {
		case errors.Is(err, ErrNotFound):
			v.Add("responsible_organization_id", "unknown_organization", "")
		case err != nil:
			return m, err
		case !ag.HasParty(id):
			v.Add("responsible_organization_id", "not_a_party_of_agreement", "")
		default:
			m.ResponsibleOrganizationID = &id
		}
	}
	switch {
	case m.Status == MilestoneDone && m.DoneOn == nil:
		v.Add("done_on", "required_when_done", "")
	case m.DoneOn != nil && m.DoneOn.InFuture(s.now()):
		v.Add("done_on", "future_date", "")
	}
	seen := map[MilestoneLink]bool{}
	for i, l := range m.Links {
		if seen[l] {
			v.Add(indexed("links", i, "record_id"), "duplicate", "")
			continue
		}
		seen[l] = true
		ok, err := s.store.ActivityExists(ctx, l.RecordType, l.RecordID)
		if err != nil {
			return m, err
		}
		if !ok {
			v.Add(indexed("links", i, "record_id"), "unknown_reference", "")
		}
	}
	return m, v.Err()
}

// withOverdue sets the computed overdue flag of a milestone read at now.
func (s *Service) withOverdue(m Milestone, err error) (Milestone, error) {
	m.Overdue = err == nil && m.IsOverdue(s.now())
	return m, err
}

// CreateMilestone adds a milestone under the agreement in.AgreementID;
// who may write the agreement may add its milestones.
func (s *Service) CreateMilestone(ctx context.Context, by Actor, in MilestoneInput) (Milestone, error) {
	return s.withOverdue(create(ctx, s, s.milestones(), by, in))
}

// UpdateMilestone replaces the writable part of a milestone at the
// expected version (0: any).
func (s *Service) UpdateMilestone(ctx context.Context, by Actor, id string, version int, in MilestoneInput) (Milestone, error) {
	return s.withOverdue(update(ctx, s, s.milestones(), by, id, version, in))
}

// ArchiveMilestone archives a milestone at the expected version.
func (s *Service) ArchiveMilestone(ctx context.Context, by Actor, id string, version int) (Milestone, error) {
	return s.withOverdue(archive(ctx, s, s.milestones(), by, id, version))
}

// MilestoneToChange returns the milestone the actor is about to change at
// the given version, or why it may not.
func (s *Service) MilestoneToChange(ctx context.Context, by Actor, id string, version int) (Milestone, error) {
	return checkable(ctx, s.milestones(), by, s.store.GetMilestone, id, version)
}

// GetMilestone returns a milestone, archived or not.
func (s *Service) GetMilestone(ctx context.Context, id string) (Milestone, error) {
	return s.withOverdue(s.store.GetMilestone(ctx, id))
}

// ListMilestones lists milestones by due date, undated last; overdue is
// judged today in China Standard Time.
func (s *Service) ListMilestones(ctx context.Context, f MilestoneFilter) (Page[Milestone], error) {
	f.Today = TodayCST(s.now())
	page, err := s.store.ListMilestones(ctx, f)
	for i := range page.Items {
		page.Items[i].Overdue = page.Items[i].IsOverdue(s.now())
	}
	return page, err
}

// MilestoneStats counts the milestones due in the year (their due date
// overlaps it), those done in it, and of those due the ones overdue today.
type MilestoneStats struct {
	Due     int `json:"due" binding:"required" example:"2"`
	Done    int `json:"done" binding:"required" example:"1"`
	Overdue int `json:"overdue" binding:"required" example:"1"`
} // @name MilestoneStats
