package registry

import "time"

// Participant is an organisation's part in a consultation or a joint
// action. Consultations use the roles host, co_host and participant; joint
// actions lead, partner and supporter.
type Participant struct {
	OrganizationID   string `json:"organization_id" binding:"required" format:"uuid"`
	OrganizationCode string `json:"organization_code" binding:"required" example:"changshou-cppcc"`
	Role             string `json:"role" binding:"required" example:"host"` // a ConsultationRole or a JointActionRole
} // @name Participant

// Outcome is a result of a consultation or joint action: how many
// opinions, proposals, solved problems... Approximate records the Chinese
// "余" ("more than N"). Count may be absent when the source gives none.
type Outcome struct {
	Kind          OutcomeKind `json:"kind" binding:"required"`
	Count         *int64      `json:"count" binding:"required" extensions:"x-nullable" minimum:"0" maximum:"1000000000" example:"60"`
	Approximate   bool        `json:"approximate" binding:"required" example:"true"`
	DescriptionZh *string     `json:"description_zh" binding:"required" extensions:"x-nullable" example:"推动解决群众急难愁盼问题60余个"`
	DescriptionEn *string     `json:"description_en" binding:"required" extensions:"x-nullable" example:"More than 60 pressing problems of residents solved"`
} // @name Outcome

// Consultation is a joint consultation held by committees of several
// regions.
type Consultation struct {
	ID           string              `json:"id" binding:"required" format:"uuid"`
	TitleZh      string              `json:"title_zh" binding:"required" example:"长寿区政协联合渝北、邻水开展森林防灭火联合协商"`
	TitleEn      *string             `json:"title_en" binding:"required" extensions:"x-nullable" example:"Joint consultation on forest fire prevention"`
	TopicZh      *string             `json:"topic_zh" binding:"required" extensions:"x-nullable" example:"森林防灭火"`
	TopicEn      *string             `json:"topic_en" binding:"required" extensions:"x-nullable" example:"Forest fire prevention"`
	Format       *ConsultationFormat `json:"format" binding:"required" extensions:"x-nullable" swaggertype:"string" enums:"meeting,seminar,field_visit,online,grassroots"`
	HeldOn       *Date               `json:"held_on" binding:"required" extensions:"x-nullable" swaggertype:"string" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" example:"2023"`
	Location     *string             `json:"location" binding:"required" extensions:"x-nullable" example:"重庆市长寿区"`
	AgreementID  *string             `json:"agreement_id" binding:"required" extensions:"x-nullable" format:"uuid"`
	AreaCode     *string             `json:"area_code" binding:"required" extensions:"x-nullable" example:"forest-fire-prevention"`
	Status       ConsultationStatus  `json:"status" binding:"required"`
	Participants []Participant       `json:"participants" binding:"required"`
	Outcomes     []Outcome           `json:"outcomes" binding:"required"`
	SummaryZh    *string             `json:"summary_zh" binding:"required" extensions:"x-nullable" example:"共同筑牢森林防灭火安全防线。"`
	SummaryEn    *string             `json:"summary_en" binding:"required" extensions:"x-nullable"`
	Version      int                 `json:"version" binding:"required" example:"1"`
	CreatedAt    time.Time           `json:"created_at" binding:"required" format:"date-time"`
	UpdatedAt    time.Time           `json:"updated_at" binding:"required" format:"date-time"`
	ArchivedAt   *time.Time          `json:"archived_at" binding:"required" extensions:"x-nullable" format:"date-time"`
} // @name Consultation

// JointAction is a joint duty action (联合履职) carried out by bodies of
// several regions: an inspection, research, an exhibition...
type JointAction struct {
	ID           string            `json:"id" binding:"required" format:"uuid"`
	TitleZh      string            `json:"title_zh" binding:"required" example:"“丹青润川渝 翰墨润寿乡”川渝地区书画联展"`
	TitleEn      *string           `json:"title_en" binding:"required" extensions:"x-nullable" example:"Sichuan–Chongqing calligraphy and painting exhibition"`
	ThemeZh      *string           `json:"theme_zh" binding:"required" extensions:"x-nullable" example:"丹青润川渝 翰墨润寿乡"`
	ThemeEn      *string           `json:"theme_en" binding:"required" extensions:"x-nullable"`
	Kind         *JointActionKind  `json:"kind" binding:"required" extensions:"x-nullable" swaggertype:"string" enums:"inspection,research,proposal,supervision,exhibition,publicity,other"`
	StartedOn    *Date             `json:"started_on" binding:"required" extensions:"x-nullable" swaggertype:"string" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" example:"2023"`
	EndedOn      *Date             `json:"ended_on" binding:"required" extensions:"x-nullable" swaggertype:"string" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" example:"2023-12"`
	Location     *string           `json:"location" binding:"required" extensions:"x-nullable" example:"重庆市长寿区"`
	AgreementID  *string           `json:"agreement_id" binding:"required" extensions:"x-nullable" format:"uuid"`
	AreaCode     *string           `json:"area_code" binding:"required" extensions:"x-nullable" example:"culture-tourism"`
	Status       JointActionStatus `json:"status" binding:"required"`
	Participants []Participant     `json:"participants" binding:"required"`
	Outcomes     []Outcome         `json:"outcomes" binding:"required"`
	SummaryZh    *string           `json:"summary_zh" binding:"required" extensions:"x-nullable" example:"推动文化合作与艺术交流。"`
	SummaryEn    *string           `json:"summary_en" binding:"required" extensions:"x-nullable"`
	Version      int               `json:"version" binding:"required" example:"1"`
	CreatedAt    time.Time         `json:"created_at" binding:"required" format:"date-time"`
	UpdatedAt    time.Time         `json:"updated_at" binding:"required" format:"date-time"`
	ArchivedAt   *time.Time        `json:"archived_at" binding:"required" extensions:"x-nullable" format:"date-time"`
} // @name JointAction

// HasParticipant reports whether the organisation takes part in the
// consultation in any role.
func (c Consultation) HasParticipant(orgID string) bool { return hasParticipant(c.Participants, orgID) }

// HasParticipant reports whether the organisation takes part in the joint
// action in any role.
func (j JointAction) HasParticipant(orgID string) bool { return hasParticipant(j.Participants, orgID) }

func hasParticipant(ps []Participant, orgID string) bool {
	for _, p := range ps {
		if p.OrganizationID == orgID {
			return true
		}
	}
	return false
}

// ActivityFilter selects consultations or joint actions. Kind is the
// format of a consultation or the kind of a joint action. From and To
// select records whose period overlaps the range.
type ActivityFilter struct {
	Party           string
	Region          string
	Agreement       string
	Area            string
	Kind            string
	Status          string
	From            *Date
	To              *Date
	Q               string
	IncludeArchived bool
	Limit           int
	Cursor          string
}

// CheckConsultation applies the rules that need no database: at least two
// distinct organisations, none twice, exactly one host. Participant
// organisation ids must already be resolved to UUIDs.
func CheckConsultation(c *Consultation) error {
	var v ValidationError
	checkParticipants(&v, c.Participants)
	if countRole(c.Participants, string(RoleHost)) != 1 {
		v.Add("participants", "one_host", "")
	}
	return v.Err()
}

// CheckJointAction applies the rules that need no database: at least two
// distinct organisations, none twice, at least one lead, and ended_on not
// before started_on. Participant organisation ids must already be resolved
// to UUIDs.
func CheckJointAction(j *JointAction) error {
	var v ValidationError
	checkParticipants(&v, j.Participants)
	checkJointActionShape(&v, j)
	return v.Err()
}

// CheckJointActionFromSource applies the joint-action rules except the
// minimum of two organisations: no organisation twice, at least one lead,
// date order. It is for records taken from a source document that names
// only one of the organisations taking part (an exhibition "hosted by"
// one committee, its partners unnamed); the API always applies
// CheckJointAction.
func CheckJointActionFromSource(j *JointAction) error {
	var v ValidationError
	checkDistinct(&v, j.Participants)
	checkJointActionShape(&v, j)
	return v.Err()
}

func checkJointActionShape(v *ValidationError, j *JointAction) {
	if countRole(j.Participants, string(RoleLead)) == 0 {
		v.Add("participants", "lead_required", "")
	}
	checkDateOrder(v, []namedDate{{"started_on", j.StartedOn}, {"ended_on", j.EndedOn}})
}

// checkDistinct flags every organisation that appears a second time.
func checkDistinct(v *ValidationError, ps []Participant) {
	seen := map[string]bool{}
	for i, p := range ps {
		if seen[p.OrganizationID] {
			v.Add(indexed("participants", i, "organization_id"), "duplicate_party", "")
		}
		seen[p.OrganizationID] = true
	}
}

// checkParticipants flags duplicates and fewer than two distinct
// organisations.
func checkParticipants(v *ValidationError, ps []Participant) {
	checkDistinct(v, ps)
	distinct := map[string]bool{}
	for _, p := range ps {
		distinct[p.OrganizationID] = true
	}
	if len(distinct) < 2 {
		v.Add("participants", "min_participants", "2")
	}
}

func countRole(ps []Participant, role string) int {
	n := 0
	for _, p := range ps {
		if p.Role == role {
			n++
		}
	}
	return n
}

// Stats are the figures of one year that a committee puts in its annual
// work review, for everyone, one organisation or one region.
type Stats struct {
	Year          int                     `json:"year" binding:"required" example:"2023"`
	Organization  *string                 `json:"organization" binding:"required" extensions:"x-nullable" example:"changshou-cppcc"`
	Region        *string                 `json:"region" binding:"required" extensions:"x-nullable" example:"500115"`
	PartnerRegion *string                 `json:"partner_region,omitempty" example:"510000"`
	Agreements    AgreementStats          `json:"agreements" binding:"required"`
	Consultations ConsultationStats       `json:"consultations" binding:"required"`
	JointActions  JointActionStats        `json:"joint_actions" binding:"required"`
	Milestones    MilestoneStats          `json:"milestones" binding:"required"`
	Outcomes      map[string]OutcomeTotal `json:"outcomes" binding:"required"`
} // @name Stats

// AgreementStats counts the agreements signed in the year and those in
// force during it.
type AgreementStats struct {
	Signed  int `json:"signed" binding:"required" example:"1"`
	InForce int `json:"in_force" binding:"required" example:"1"`
} // @name AgreementStats

// ConsultationStats counts the consultations held in the year, by format
// and by cooperation area.
type ConsultationStats struct {
	Held     int            `json:"held" binding:"required" example:"1"`
	ByFormat map[string]int `json:"by_format" binding:"required"`
	ByArea   map[string]int `json:"by_area" binding:"required"`
} // @name ConsultationStats

// StatsFilter selects the records the statistics count: a year, at most
// one of an organisation (UUID or code) and a region, and optionally a
// partner region, which keeps only records with a participant (or party)
// in that region or below.
type StatsFilter struct {
	Year          int
	Organization  string
	Region        string
	PartnerRegion string
	// Today is the day in China Standard Time against which overdue
	// milestones are judged; the Service sets it.
	Today time.Time
}

// JointActionStats counts the joint actions whose period overlaps the
// year, by kind, by cooperation area and by partner province.
type JointActionStats struct {
	Total             int            `json:"total" binding:"required" example:"3"`
	ByKind            map[string]int `json:"by_kind" binding:"required"`
	ByArea            map[string]int `json:"by_area" binding:"required"`
	ByPartnerProvince map[string]int `json:"by_partner_province" binding:"required"`
} // @name JointActionStats

// OutcomeTotal is the sum of one kind of outcome; it is approximate when
// any part of it is.
type OutcomeTotal struct {
	Count       int64 `json:"count" binding:"required" example:"60"`
	Approximate bool  `json:"approximate" binding:"required" example:"true"`
} // @name OutcomeTotal
