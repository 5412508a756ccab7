package registry

import "time"

// Participant is an organisation's part in a consultation or a joint
// action. Consultations use the roles host, co_host and participant; joint
// actions lead, partner and supporter.
type Participant struct {
	// 参与组织的 UUID / UUID of the organisation taking part
	OrganizationID string `json:"organization_id" binding:"required" format:"uuid" example:"0193a5c2-8a11-7b20-9c31-2d4e5f607182"`
	// 组织代码（只读，写入时忽略） / organisation code (read-only; ignored on input)
	OrganizationCode string `json:"organization_code" binding:"required" example:"changshou-cppcc"`
	// 组织中文名称（只读，写入时忽略） / the organisation's Chinese name (read-only; ignored on input)
	NameZh string `json:"name_zh" binding:"required" example:"中国人民政治协商会议重庆市长寿区委员会"`
	// 组织英文名称；没有时为 null（只读，写入时忽略） / the organisation's English name; null when it has none (read-only; ignored on input)
	NameEn *string `json:"name_en" binding:"required" extensions:"x-nullable" example:"Changshou District Committee of the CPPCC"`
	// 组织所在行政区划的六位代码；没有时为 null（只读，写入时忽略） / six-digit code of the organisation's region; null when it has none (read-only; ignored on input)
	RegionCode *string `json:"region_code" binding:"required" extensions:"x-nullable" example:"500115"`
	// 角色：联合协商为 host、co_host、participant；联合履职为 lead、partner、supporter / role: host, co_host or participant in a consultation; lead, partner or supporter in a joint action
	Role string `json:"role" binding:"required" example:"host"` // a ConsultationRole or a JointActionRole
} // @name Participant

// Outcome is a result of a consultation or joint action: how many
// opinions, proposals, solved problems... Approximate records the Chinese
// "余" ("more than N"). Count may be absent when the source gives none.
type Outcome struct {
	// 成果类别 / kind of result
	Kind OutcomeKind `json:"kind" binding:"required"`
	// 数量（0–1000000000）；未给出时为 null / how many (0–1,000,000,000); null when not given
	Count *int64 `json:"count" binding:"required" extensions:"x-nullable" minimum:"0" maximum:"1000000000" example:"60"`
	// 数量是否为约数（原文“余”，即“N 余”） / whether the count is approximate (the Chinese 余, "more than N")
	Approximate bool `json:"approximate" binding:"required" example:"true"`
	// 成果说明（中文），最多 10000 个字符；未给出时为 null / description in Chinese, at most 10,000 characters; null when not given
	DescriptionZh *string `json:"description_zh" binding:"required" extensions:"x-nullable" example:"推动解决群众急难愁盼问题60余个"`
	// 成果说明（英文），最多 10000 个字符；未给出时为 null / description in English, at most 10,000 characters; null when not given
	DescriptionEn *string `json:"description_en" binding:"required" extensions:"x-nullable" example:"More than 60 pressing problems of residents solved"`
} // @name Outcome

// Consultation is a joint consultation held by committees of several
// regions.
type Consultation struct {
	// 服务器分配的 UUID（只读） / UUID chosen by the server (read-only)
	ID string `json:"id" binding:"required" format:"uuid" example:"0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"`
	// 中文标题，1–200 个字符 / title in Chinese, 1–200 characters
	TitleZh string `json:"title_zh" binding:"required" example:"长寿区政协联合渝北、邻水开展森林防灭火联合协商"`
	// 英文标题，1–200 个字符；未给出时为 null / title in English, 1–200 characters; null when not given
	TitleEn *string `json:"title_en" binding:"required" extensions:"x-nullable" example:"Joint consultation on forest fire prevention"`
	// 协商议题（中文），最多 500 个字符；未给出时为 null / topic in Chinese, at most 500 characters; null when not given
	TopicZh *string `json:"topic_zh" binding:"required" extensions:"x-nullable" example:"森林防灭火"`
	// 协商议题（英文），最多 500 个字符；未给出时为 null / topic in English, at most 500 characters; null when not given
	TopicEn *string `json:"topic_en" binding:"required" extensions:"x-nullable" example:"Forest fire prevention"`
	// 协商形式；未给出时为 null / format of the consultation; null when not given
	Format *ConsultationFormat `json:"format" binding:"required" extensions:"x-nullable" swaggertype:"string" enums:"meeting,seminar,field_visit,online,grassroots"`
	// 协商举行日期，部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$`；未给出时为 null / date it was held, partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; null when not given
	HeldOn *Date `json:"held_on" binding:"required" extensions:"x-nullable" swaggertype:"string" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" example:"2023"`
	// 地点，1–200 个字符；未给出时为 null / place, 1–200 characters; null when not given
	Location *string `json:"location" binding:"required" extensions:"x-nullable" example:"重庆市长寿区"`
	// 所依据协议的 UUID；未给出时为 null / UUID of the agreement it follows from; null when not given
	AgreementID *string `json:"agreement_id" binding:"required" extensions:"x-nullable" format:"uuid" example:"01938c6e-2f4b-7a10-8d3e-5b6c7d8e9f01"`
	// 合作领域分类代码；未给出时为 null / cooperation-area taxonomy code; null when not given
	AreaCode *string `json:"area_code" binding:"required" extensions:"x-nullable" example:"forest-fire-prevention"`
	// 协商状态 / status of the consultation
	Status ConsultationStatus `json:"status" binding:"required"`
	// 参与组织（至少两个不同组织，有且仅有一个 host） / the organisations taking part (at least two distinct ones, exactly one host)
	Participants []Participant `json:"participants" binding:"required"`
	// 成果（最多 50 项） / the results (at most 50)
	Outcomes []Outcome `json:"outcomes" binding:"required"`
	// 中文摘要，最多 10000 个字符；未给出时为 null / summary in Chinese, at most 10,000 characters; null when not given
	SummaryZh *string `json:"summary_zh" binding:"required" extensions:"x-nullable" example:"共同筑牢森林防灭火安全防线。"`
	// 英文摘要，最多 10000 个字符；未给出时为 null / summary in English, at most 10,000 characters; null when not given
	SummaryEn *string `json:"summary_en" binding:"required" extensions:"x-nullable" example:"Building a joint line of defence against forest fires."`
	// 记录版本号，每次修改加 1（其他记录的修改改变本记录的内容时也加 1：所列组织更名、关联协议更名或改变关联）；ETag 即其带引号形式 / version of the record, one more with every change — also when another record's change shows in it (an organisation it names renamed, an agreement linking to it retitled or relinked); the ETag is it in quotes
	Version int `json:"version" binding:"required" example:"1"`
	// 创建时间，RFC 3339 UTC 时间 / when it was created, RFC 3339 time in UTC
	CreatedAt time.Time `json:"created_at" binding:"required" format:"date-time" example:"2024-05-01T08:00:00Z"`
	// 最后修改时间，RFC 3339 UTC 时间 / when it last changed, RFC 3339 time in UTC
	UpdatedAt time.Time `json:"updated_at" binding:"required" format:"date-time" example:"2024-05-02T09:30:00Z"`
	// 归档时间，RFC 3339 UTC 时间；未归档时为 null / when it was archived, RFC 3339 time in UTC; null while not archived
	ArchivedAt *time.Time `json:"archived_at" binding:"required" extensions:"x-nullable" format:"date-time" example:"2024-06-01T08:00:00Z"`
} // @name Consultation

// JointAction is a joint duty action (联合履职) carried out by bodies of
// several regions: an inspection, research, an exhibition...
type JointAction struct {
	// 服务器分配的 UUID（只读） / UUID chosen by the server (read-only)
	ID string `json:"id" binding:"required" format:"uuid" example:"0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"`
	// 中文标题，1–200 个字符 / title in Chinese, 1–200 characters
	TitleZh string `json:"title_zh" binding:"required" example:"“丹青润川渝 翰墨润寿乡”川渝地区书画联展"`
	// 英文标题，1–200 个字符；未给出时为 null / title in English, 1–200 characters; null when not given
	TitleEn *string `json:"title_en" binding:"required" extensions:"x-nullable" example:"Sichuan–Chongqing calligraphy and painting exhibition"`
	// 活动主题（中文），最多 500 个字符；未给出时为 null / theme in Chinese, at most 500 characters; null when not given
	ThemeZh *string `json:"theme_zh" binding:"required" extensions:"x-nullable" example:"丹青润川渝 翰墨润寿乡"`
	// 活动主题（英文），最多 500 个字符；未给出时为 null / theme in English, at most 500 characters; null when not given
	ThemeEn *string `json:"theme_en" binding:"required" extensions:"x-nullable" example:"Brushes and ink of Sichuan and Chongqing"`
	// 联合履职类别；未给出时为 null / kind of joint action; null when not given
	Kind *JointActionKind `json:"kind" binding:"required" extensions:"x-nullable" swaggertype:"string" enums:"inspection,research,proposal,supervision,exhibition,publicity,other"`
	// 开始日期，部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$`；未给出时为 null / date it started, partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; null when not given
	StartedOn *Date `json:"started_on" binding:"required" extensions:"x-nullable" swaggertype:"string" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" example:"2023"`
	// 结束日期，不早于开始日期，部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$`；未给出时为 null / date it ended, not before started_on, partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; null when not given
	EndedOn *Date `json:"ended_on" binding:"required" extensions:"x-nullable" swaggertype:"string" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" example:"2023-12"`
	// 地点，1–200 个字符；未给出时为 null / place, 1–200 characters; null when not given
	Location *string `json:"location" binding:"required" extensions:"x-nullable" example:"重庆市长寿区"`
	// 所依据协议的 UUID；未给出时为 null / UUID of the agreement it follows from; null when not given
	AgreementID *string `json:"agreement_id" binding:"required" extensions:"x-nullable" format:"uuid" example:"01938c6e-2f4b-7a10-8d3e-5b6c7d8e9f01"`
	// 合作领域分类代码；未给出时为 null / cooperation-area taxonomy code; null when not given
	AreaCode *string `json:"area_code" binding:"required" extensions:"x-nullable" example:"culture-tourism"`
	// 联合履职状态 / status of the joint action
	Status JointActionStatus `json:"status" binding:"required"`
	// 参与组织（至少两个不同组织，至少一个 lead） / the organisations taking part (at least two distinct ones, at least one lead)
	Participants []Participant `json:"participants" binding:"required"`
	// 成果（最多 50 项） / the results (at most 50)
	Outcomes []Outcome `json:"outcomes" binding:"required"`
	// 中文摘要，最多 10000 个字符；未给出时为 null / summary in Chinese, at most 10,000 characters; null when not given
	SummaryZh *string `json:"summary_zh" binding:"required" extensions:"x-nullable" example:"推动文化合作与艺术交流。"`
	// 英文摘要，最多 10000 个字符；未给出时为 null / summary in English, at most 10,000 characters; null when not given
	SummaryEn *string `json:"summary_en" binding:"required" extensions:"x-nullable" example:"Furthering cultural cooperation and artistic exchange."`
	// 记录版本号，每次修改加 1（其他记录的修改改变本记录的内容时也加 1：所列组织更名、关联协议更名或改变关联）；ETag 即其带引号形式 / version of the record, one more with every change — also when another record's change shows in it (an organisation it names renamed, an agreement linking to it retitled or relinked); the ETag is it in quotes
	Version int `json:"version" binding:"required" example:"1"`
	// 创建时间，RFC 3339 UTC 时间 / when it was created, RFC 3339 time in UTC
	CreatedAt time.Time `json:"created_at" binding:"required" format:"date-time" example:"2024-05-01T08:00:00Z"`
	// 最后修改时间，RFC 3339 UTC 时间 / when it last changed, RFC 3339 time in UTC
	UpdatedAt time.Time `json:"updated_at" binding:"required" format:"date-time" example:"2024-05-02T09:30:00Z"`
	// 归档时间，RFC 3339 UTC 时间；未归档时为 null / when it was archived, RFC 3339 time in UTC; null while not archived
	ArchivedAt *time.Time `json:"archived_at" binding:"required" extensions:"x-nullable" format:"date-time" example:"2024-06-01T08:00:00Z"`
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
// Parties, when given, are organisations (UUID or code) that must all take
// part.
type ActivityFilter struct {
	Parties         []string
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
	// 统计年份 / the calendar year counted
	Year int `json:"year" binding:"required" example:"2023"`
	// 所选组织（请求中的 UUID 或代码）；未给出时为 null / the organisation selected (UUID or code as requested); null when not given
	Organization *string `json:"organization" binding:"required" extensions:"x-nullable" example:"changshou-cppcc"`
	// 所选行政区划代码（含下级）；未给出时为 null / the region selected (with the regions below it); null when not given
	Region *string `json:"region" binding:"required" extensions:"x-nullable" example:"500115"`
	// 所选合作方行政区划；未选时没有此字段 / the partner region selected; absent when none is
	PartnerRegion *string `json:"partner_region,omitempty" example:"510000"`
	// 协议数 / agreement counts
	Agreements AgreementStats `json:"agreements" binding:"required"`
	// 联合协商数 / consultation counts
	Consultations ConsultationStats `json:"consultations" binding:"required"`
	// 联合履职数 / joint action counts
	JointActions JointActionStats `json:"joint_actions" binding:"required"`
	// 按成果类别汇总的成果数（当年举行的协商和与当年重叠的联合履职） / results summed by kind of outcome (consultations held in the year, joint actions overlapping it)
	Outcomes map[string]OutcomeTotal `json:"outcomes" binding:"required"`
	// 后续事项数：当年到期、当年完成、当年到期且已逾期 / milestone counts: due in the year, done in the year, and of those due the ones overdue today
	Milestones MilestoneStats `json:"milestones" binding:"required"`
} // @name Stats

// AgreementStats counts the agreements signed in the year and those in
// force during it, and the agreements signed in the year by cooperation
// area and by partner province.
type AgreementStats struct {
	// 当年签署的协议数 / agreements signed in the year
	Signed int `json:"signed" binding:"required" example:"1"`
	// 状态为 in_force 且生效期与当年重叠的协议数 / agreements in force whose effective period overlaps the year
	InForce int `json:"in_force" binding:"required" example:"1"`
	// 当年签署、列明各合作领域（分类代码）的协议数 / agreements signed in the year that name each cooperation area (taxonomy code)
	ByArea map[string]int `json:"by_area" binding:"required"`
	// 当年签署、有来自所选范围本省以外各省级行政区签署方的协议数；未选组织或行政区划时为 {} / agreements signed in the year with a party from each province-level region other than the selection's own; {} when neither organisation nor region is selected
	ByPartnerProvince map[string]int `json:"by_partner_province" binding:"required"`
} // @name AgreementStats

// ConsultationStats counts the consultations held in the year, by format
// and by cooperation area.
type ConsultationStats struct {
	// 当年举行（状态 held）的联合协商数 / consultations held (status held) in the year
	Held int `json:"held" binding:"required" example:"1"`
	// 按协商形式计数；计数为 0 的形式可省略 / count by format; formats with no consultation may be left out
	ByFormat map[string]int `json:"by_format" binding:"required"`
	// 按合作领域代码计数 / count by cooperation-area code
	ByArea map[string]int `json:"by_area" binding:"required"`
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
	// 期间与当年重叠的联合履职数 / joint actions whose period overlaps the year
	Total int `json:"total" binding:"required" example:"3"`
	// 按联合履职类别计数 / count by kind of joint action
	ByKind map[string]int `json:"by_kind" binding:"required"`
	// 按合作领域代码计数 / count by cooperation-area code
	ByArea map[string]int `json:"by_area" binding:"required"`
	// 按合作方所在省级行政区划（500000、510000）计数，不含所选范围本身所在省份；未选组织或行政区划时为 {} / count by province-level region of the partners (500000, 510000) other than the selection's own; {} when neither organisation nor region is selected
	ByPartnerProvince map[string]int `json:"by_partner_province" binding:"required"`
} // @name JointActionStats

// OutcomeTotal is the sum of one kind of outcome; it is approximate when
// any part of it is.
type OutcomeTotal struct {
	// 成果数之和 / sum of the counts
	Count int64 `json:"count" binding:"required" example:"60"`
	// 任一部分为约数时为 true / true when any part of the sum is approximate
	Approximate bool `json:"approximate" binding:"required" example:"true"`
} // @name OutcomeTotal
