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
	// 所关联记录的类别：联合协商或联合履职 / kind of record linked: a joint consultation or a joint duty action
	RecordType LinkType `json:"record_type" binding:"required"`
	// 所关联的联合协商或联合履职的 UUID / UUID of the consultation or joint action linked
	RecordID string `json:"record_id" binding:"required" format:"uuid" example:"0193a5c2-9b2c-7d30-8e41-3f5a6b7c8d90"`
} // @name MilestoneLink

// Milestone is a follow-up commitment under an agreement.
type Milestone struct {
	// 服务器分配的 UUID（只读） / UUID chosen by the server (read-only)
	ID string `json:"id" binding:"required" format:"uuid" example:"0193a5c2-a1b2-7c3d-8e4f-5a6b7c8d9e0f"`
	// 所属协议的 UUID（只读：即创建时路径中的协议，不可更改） / UUID of the agreement it is under (read-only: the agreement of the path it was created under; never changes)
	AgreementID string `json:"agreement_id" binding:"required" format:"uuid" example:"0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"`
	// 中文标题，1–200 个字符 / title in Chinese, 1–200 characters
	TitleZh string `json:"title_zh" binding:"required" example:"建立协商机制"`
	// 英文标题，1–200 个字符；未给出时为 null / title in English, 1–200 characters; null when not given
	TitleEn *string `json:"title_en" binding:"required" extensions:"x-nullable" example:"Set up a consultation mechanism"`
	// 事项说明，最多 10000 个字符；未给出时为 null / what is to be done, at most 10,000 characters; null when not given
	Description *string `json:"description" binding:"required" extensions:"x-nullable" example:"两地政协每年轮流召开一次联席会议"`
	// 负责组织的 UUID，须为协议的参与方；未给出时为 null / UUID of the organisation responsible, a party of the agreement; null when not given
	ResponsibleOrganizationID *string `json:"responsible_organization_id" binding:"required" extensions:"x-nullable" format:"uuid" example:"0193a5c2-8a11-7b20-9c31-2d4e5f607182"`
	// 到期日期，部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$`；未给出时为 null / date it is due, a partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; null when not given
	DueOn *Date `json:"due_on" binding:"required" extensions:"x-nullable" swaggertype:"string" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" example:"2024-06"`
	// 事项状态：open（未完成）、done（已完成）、cancelled（已取消） / status: open, done or cancelled
	Status MilestoneStatus `json:"status" binding:"required"`
	// 完成日期，不晚于今天（北京时间），部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$`；状态为 done 时必有，否则可为 null / date it was done, not after today (China Standard Time), a partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; always set when the status is done, otherwise may be null
	DoneOn *Date `json:"done_on" binding:"required" extensions:"x-nullable" swaggertype:"string" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" example:"2024-05-20"`
	// 落实此事项的联合协商或联合履职（最多 20 项） / the consultations and joint actions that carried it out (at most 20)
	Links []MilestoneLink `json:"links" binding:"required"`
	// 是否逾期（读取时计算，只读）：状态为 open 且到期日期的最后一天早于今天（北京时间） / overdue (computed when read; read-only): open, and the last day of due_on is before today in China Standard Time
	Overdue bool `json:"overdue" binding:"required" example:"false"`
	// 记录版本号，每次修改加 1；ETag 即其带引号形式 / version of the record, one more with every change; the ETag is it in quotes
	Version int `json:"version" binding:"required" example:"1"`
	// 创建时间，RFC 3339 UTC 时间 / when it was created, RFC 3339 time in UTC
	CreatedAt time.Time `json:"created_at" binding:"required" format:"date-time" example:"2024-05-01T08:00:00Z"`
	// 最后修改时间，RFC 3339 UTC 时间 / when it last changed, RFC 3339 time in UTC
	UpdatedAt time.Time `json:"updated_at" binding:"required" format:"date-time" example:"2024-05-02T09:30:00Z"`
	// 归档时间，RFC 3339 UTC 时间；未归档时为 null / when it was archived, RFC 3339 time in UTC; null while not archived
	ArchivedAt *time.Time `json:"archived_at" binding:"required" extensions:"x-nullable" format:"date-time" example:"2024-06-01T08:00:00Z"`
	// AgreementParties are the organisations of the agreement: who may
	// write the agreement may write its milestones.
	AgreementParties []string `json:"-" swaggerignore:"true"`
} // @name Milestone

// MilestoneInput is the writable part of a milestone. The agreement is the
// one of the path it is created under and never changes.
type MilestoneInput struct {
	ID          string `json:"-"` // a preset id, for the demo loader only
	AgreementID string `json:"-"`
	// 中文标题，1–200 个字符 / title in Chinese, 1–200 characters
	TitleZh string `json:"title_zh" validate:"required,max=200" maxLength:"200" example:"建立协商机制"`
	// 英文标题，1–200 个字符；可省略或为 null / title in English, 1–200 characters; may be left out or null
	TitleEn *string `json:"title_en" validate:"omitnil,notblank,max=200" maxLength:"200" example:"Set up a consultation mechanism" extensions:"x-nullable"`
	// 事项说明，最多 10000 个字符；可省略或为 null / what is to be done, at most 10,000 characters; may be left out or null
	Description *string `json:"description" validate:"omitnil,notblank,max=10000" maxLength:"10000" extensions:"x-nullable" example:"两地政协每年轮流召开一次联席会议"`
	// 负责组织，UUID 或组织代码，须为协议的参与方（not_a_party_of_agreement）；可省略或为 null / organisation responsible, by UUID or code; must be a party of the agreement (not_a_party_of_agreement); may be left out or null
	ResponsibleOrganizationID *string `json:"responsible_organization_id" validate:"omitnil,orgref" example:"changshou-cppcc" extensions:"x-nullable"`
	// 到期日期，部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$`；可省略或为 null / date it is due, a partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; may be left out or null
	DueOn *string `json:"due_on" validate:"omitnil,partialdate" example:"2024-06" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	// 事项状态，默认 open / status, open by default
	Status MilestoneStatus `json:"status" validate:"omitempty,enum" default:"open"`
	// 完成日期，不晚于今天（北京时间），部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$`；状态为 done 时必填（required_when_done） / date it was done, not after today (China Standard Time), a partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; required when the status is done (required_when_done)
	DoneOn *string `json:"done_on" validate:"omitnil,partialdate" example:"2024-05-20" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	// 落实此事项的联合协商或联合履职（最多 20 项，须已存在，不得重复）；省略或 null 时为空 / the consultations and joint actions that carried it out (at most 20, each existing, none twice); none when left out or null
	Links []MilestoneLinkInput `json:"links" validate:"max=20,dive" maxItems:"20" extensions:"x-nullable"`
} // @name MilestoneRequest

// MilestoneLinkInput names a consultation or joint action by its UUID.
type MilestoneLinkInput struct {
	// 所关联记录的类别：联合协商或联合履职 / kind of record linked: a joint consultation or a joint duty action
	RecordType LinkType `json:"record_type" validate:"required,enum"`
	// 所关联的联合协商或联合履职的 UUID，须已存在（unknown_reference） / UUID of the consultation or joint action, which must exist (unknown_reference)
	RecordID string `json:"record_id" validate:"required,uuidstr" format:"uuid" example:"0193a5c2-9b2c-7d30-8e41-3f5a6b7c8d90"`
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
	// ListMilestones lists milestones; their AgreementParties, which
	// only a write's check needs, may be left empty.
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
	// 当年到期的事项数（到期日期与该年重叠） / milestones due in the year (their due date overlaps it)
	Due int `json:"due" binding:"required" example:"2"`
	// 当年完成的事项数 / milestones done in the year
	Done int `json:"done" binding:"required" example:"1"`
	// 当年到期的事项中今天已逾期的数目（北京时间） / of those due, the ones overdue today (China Standard Time)
	Overdue int `json:"overdue" binding:"required" example:"1"`
} // @name MilestoneStats
