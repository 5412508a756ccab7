package registry

import "time"

// Consultation formats and statuses.
var (
	ConsultationFormats  = []string{"meeting", "seminar", "field_visit", "online", "grassroots"}
	ConsultationStatuses = []string{"planned", "held", "cancelled"}
	ConsultationRoles    = []string{RoleHost, "co_host", "participant"}
)

// Joint action kinds and statuses.
var (
	JointActionKinds    = []string{"inspection", "research", "proposal", "supervision", "exhibition", "publicity", "other"}
	JointActionStatuses = []string{"planned", "ongoing", "completed", "cancelled"}
	JointActionRoles    = []string{RoleLead, "partner", "supporter"}
)

// OutcomeKinds lists the kinds of results a consultation or joint action
// records.
var OutcomeKinds = []string{"opinion", "proposal", "public_opinion_report", "problem_solved", "other"}

// Participant roles the rules look at, and the consultation status that
// counts in the statistics.
const (
	RoleHost   = "host"
	RoleLead   = "lead"
	StatusHeld = "held"
)

// Participant is an organisation's part in a consultation or a joint
// action. Consultations use the roles host, co_host and participant; joint
// actions lead, partner and supporter.
type Participant struct {
	OrganizationID   string `json:"organization_id" format:"uuid"`
	OrganizationCode string `json:"organization_code" example:"changshou-cppcc"`
	Role             string `json:"role" enums:"host,co_host,participant,lead,partner,supporter" example:"host"`
}

// Outcome is a result of a consultation or joint action: how many
// opinions, proposals, solved problems... Approximate records the Chinese
// "余" ("more than N"). Count may be absent when the source gives none.
type Outcome struct {
	Kind          string  `json:"kind" enums:"opinion,proposal,public_opinion_report,problem_solved,other" example:"problem_solved"`
	Count         *int64  `json:"count" minimum:"0" maximum:"1000000000" example:"60"`
	Approximate   bool    `json:"approximate" example:"true"`
	DescriptionZh *string `json:"description_zh" example:"推动解决群众急难愁盼问题60余个"`
	DescriptionEn *string `json:"description_en" example:"More than 60 pressing problems of residents solved"`
}

// Consultation is a joint consultation held by committees of several
// regions.
type Consultation struct {
	ID           string        `json:"id" format:"uuid"`
	TitleZh      string        `json:"title_zh" example:"长寿区政协联合渝北、邻水开展森林防灭火联合协商"`
	TitleEn      *string       `json:"title_en" example:"Joint consultation on forest fire prevention"`
	TopicZh      *string       `json:"topic_zh" example:"森林防灭火"`
	TopicEn      *string       `json:"topic_en" example:"Forest fire prevention"`
	Format       *string       `json:"format" enums:"meeting,seminar,field_visit,online,grassroots"`
	HeldOn       *Date         `json:"held_on" swaggertype:"string" example:"2023"`
	Location     *string       `json:"location" example:"重庆市长寿区"`
	AgreementID  *string       `json:"agreement_id" format:"uuid"`
	AreaCode     *string       `json:"area_code" example:"forest-fire-prevention"`
	Status       string        `json:"status" enums:"planned,held,cancelled" example:"held"`
	Participants []Participant `json:"participants"`
	Outcomes     []Outcome     `json:"outcomes"`
	SummaryZh    *string       `json:"summary_zh" example:"共同筑牢森林防灭火安全防线。"`
	SummaryEn    *string       `json:"summary_en"`
	Version      int           `json:"version" example:"1"`
	CreatedAt    time.Time     `json:"created_at"`
	UpdatedAt    time.Time     `json:"updated_at"`
	ArchivedAt   *time.Time    `json:"archived_at"`
}

// JointAction is a joint duty action (联合履职) carried out by bodies of
// several regions: an inspection, research, an exhibition...
type JointAction struct {
	ID           string        `json:"id" format:"uuid"`
	TitleZh      string        `json:"title_zh" example:"“丹青润川渝 翰墨润寿乡”川渝地区书画联展"`
	TitleEn      *string       `json:"title_en" example:"Sichuan–Chongqing calligraphy and painting exhibition"`
	ThemeZh      *string       `json:"theme_zh" example:"丹青润川渝 翰墨润寿乡"`
	ThemeEn      *string       `json:"theme_en"`
	Kind         *string       `json:"kind" enums:"inspection,research,proposal,supervision,exhibition,publicity,other" example:"exhibition"`
	StartedOn    *Date         `json:"started_on" swaggertype:"string" example:"2023"`
	EndedOn      *Date         `json:"ended_on" swaggertype:"string" example:"2023-12"`
	Location     *string       `json:"location" example:"重庆市长寿区"`
	AgreementID  *string       `json:"agreement_id" format:"uuid"`
	AreaCode     *string       `json:"area_code" example:"culture-tourism"`
	Status       string        `json:"status" enums:"planned,ongoing,completed,cancelled" example:"completed"`
	Participants []Participant `json:"participants"`
	Outcomes     []Outcome     `json:"outcomes"`
	SummaryZh    *string       `json:"summary_zh" example:"推动文化合作与艺术交流。"`
	SummaryEn    *string       `json:"summary_en"`
	Version      int           `json:"version" example:"1"`
	CreatedAt    time.Time     `json:"created_at"`
	UpdatedAt    time.Time     `json:"updated_at"`
	ArchivedAt   *time.Time    `json:"archived_at"`
}

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
	if countRole(c.Participants, RoleHost) != 1 {
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
	if countRole(j.Participants, RoleLead) == 0 {
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
	Year          int                     `json:"year" example:"2023"`
	Organization  *string                 `json:"organization" example:"changshou-cppcc"`
	Region        *string                 `json:"region" example:"500115"`
	PartnerRegion *string                 `json:"partner_region,omitempty" example:"510000"`
	Agreements    AgreementStats          `json:"agreements"`
	Consultations ConsultationStats       `json:"consultations"`
	JointActions  JointActionStats        `json:"joint_actions"`
	Outcomes      map[string]OutcomeTotal `json:"outcomes"`
}

// AgreementStats counts the agreements signed in the year and those in
// force during it.
type AgreementStats struct {
	Signed  int `json:"signed" example:"1"`
	InForce int `json:"in_force" example:"1"`
}

// ConsultationStats counts the consultations held in the year, by format
// and by cooperation area.
type ConsultationStats struct {
	Held     int            `json:"held" example:"1"`
	ByFormat map[string]int `json:"by_format"`
	ByArea   map[string]int `json:"by_area"`
}

// StatsFilter selects the records the statistics count: a year, at most
// one of an organisation (UUID or code) and a region, and optionally a
// partner region, which keeps only records with a participant (or party)
// in that region or below.
type StatsFilter struct {
	Year          int
	Organization  string
	Region        string
	PartnerRegion string
}

// JointActionStats counts the joint actions whose period overlaps the
// year, by kind, by cooperation area and by partner province.
type JointActionStats struct {
	Total             int            `json:"total" example:"3"`
	ByKind            map[string]int `json:"by_kind"`
	ByArea            map[string]int `json:"by_area"`
	ByPartnerProvince map[string]int `json:"by_partner_province"`
}

// OutcomeTotal is the sum of one kind of outcome; it is approximate when
// any part of it is.
type OutcomeTotal struct {
	Count       int64 `json:"count" example:"60"`
	Approximate bool  `json:"approximate" example:"true"`
}
