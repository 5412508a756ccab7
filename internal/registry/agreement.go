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
	// 参与方组织的 UUID / UUID of the party organisation
	OrganizationID string `json:"organization_id" binding:"required" format:"uuid" example:"0193a5c2-8a11-7b20-9c31-2d4e5f607182"`
	// 组织代码（只读，写入时忽略） / organisation code (read-only; ignored on input)
	OrganizationCode string `json:"organization_code" binding:"required" example:"changshou-cppcc"`
	// 组织中文名称（只读，写入时忽略） / the organisation's Chinese name (read-only; ignored on input)
	NameZh string `json:"name_zh" binding:"required" example:"中国人民政治协商会议重庆市长寿区委员会"`
	// 组织英文名称；没有时为 null（只读，写入时忽略） / the organisation's English name; null when it has none (read-only; ignored on input)
	NameEn *string `json:"name_en" binding:"required" extensions:"x-nullable" example:"Changshou District Committee of the CPPCC"`
	// 组织所在行政区划的六位代码；没有时为 null（只读，写入时忽略） / six-digit code of the organisation's region; null when it has none (read-only; ignored on input)
	RegionCode *string `json:"region_code" binding:"required" extensions:"x-nullable" example:"500115"`
	// 在协议中的角色 / role in the agreement
	Role PartyRole `json:"role" binding:"required"`
	// 签署人姓名，1–200 个字符；未给出时为 null / name of the person who signed, 1–200 characters; null when not given
	SignatoryName *string `json:"signatory_name" binding:"required" extensions:"x-nullable" example:"张三"`
	// 签署人职务，1–200 个字符；未给出时为 null / title of the person who signed, 1–200 characters; null when not given
	SignatoryTitle *string `json:"signatory_title" binding:"required" extensions:"x-nullable" example:"主席"`
	// 该方签署或批准的日期，部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$`；未给出时为 null / when this party signed or ratified, a partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; null when not given
	SignedOn *Date `json:"signed_on" binding:"required" extensions:"x-nullable" swaggertype:"string" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" example:"2023-05-18"`
} // @name Party

// AgreementArea is a cooperation area as the agreement words it, with an
// optional link to the taxonomy.
type AgreementArea struct {
	// 关联的合作领域分类代码；未给出时为 null / cooperation-area taxonomy code it links to; null when not given
	AreaCode *string `json:"area_code" binding:"required" extensions:"x-nullable" example:"culture-tourism"`
	// 协议原文中的领域名称（中文），1–200 个字符 / the area as the agreement words it, in Chinese, 1–200 characters
	LabelZh string `json:"label_zh" binding:"required" example:"文旅交流"`
	// 领域名称（英文），1–200 个字符；未给出时为 null / the area's label in English, 1–200 characters; null when not given
	LabelEn *string `json:"label_en" binding:"required" extensions:"x-nullable" example:"Cultural and tourism exchange"`
	// 领域说明，最多 10000 个字符；未给出时为 null / what the agreement says of the area, at most 10,000 characters; null when not given
	Description *string `json:"description" binding:"required" extensions:"x-nullable" example:"共同打造川渝文旅精品线路"`
} // @name AgreementArea

// Mechanism is a working arrangement the agreement sets up.
type Mechanism struct {
	// 机制类别 / kind of arrangement
	Kind MechanismKind `json:"kind" binding:"required"`
	// 机制说明，最多 10000 个字符；未给出时为 null / what the arrangement is, at most 10,000 characters; null when not given
	Description *string `json:"description" binding:"required" extensions:"x-nullable" example:"每年轮流召开一次联席会议"`
} // @name Mechanism

// Document is a reference to a published text; the URL is never fetched.
type Document struct {
	// 文件标题，1–200 个字符 / title of the document, 1–200 characters
	Title string `json:"title" binding:"required" example:"合作框架协议全文"`
	// 文件网址（http 或 https，最多 2048 个字符） / URL of the document (http or https, at most 2,048 characters)
	URL string `json:"url" binding:"required" example:"https://example.org/agreement.pdf"`
	// 文件语言，BCP 47 标签（如 zh、en、zh-Hans）；未给出时为 null / language of the document, a BCP 47 tag (zh, en, zh-Hans, …); null when not given
	Language *string `json:"language" binding:"required" extensions:"x-nullable" example:"zh"`
	// 文件类别；未给出时为 null / kind of document; null when not given
	Kind *DocumentKind `json:"kind" binding:"required" extensions:"x-nullable" swaggertype:"string" enums:"full_text,announcement,report,photo,other"`
} // @name Document

// Agreement is a collaboration agreement between regional bodies.
type Agreement struct {
	// 服务器分配的 UUID（只读） / UUID chosen by the server (read-only)
	ID string `json:"id" binding:"required" format:"uuid" example:"0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"`
	// 协议编号，唯一，最多 64 个字符；未给出时为 null / reference number of the agreement, unique, at most 64 characters; null when not given
	RefNo *string `json:"ref_no" binding:"required" extensions:"x-nullable" example:"CS-PZ-2023-01"`
	// 中文标题，1–200 个字符 / title in Chinese, 1–200 characters
	TitleZh string `json:"title_zh" binding:"required" example:"重庆市长寿区政协与四川省彭州市政协友好政协交流合作框架协议"`
	// 英文标题，1–200 个字符；未给出时为 null / title in English, 1–200 characters; null when not given
	TitleEn *string `json:"title_en" binding:"required" extensions:"x-nullable" example:"Framework agreement on friendly exchange and cooperation"`
	// 协议类型 / type of agreement
	Type AgreementType `json:"type" binding:"required"`
	// 协议状态：draft → signed → in_force ⇄ suspended → expired | terminated / status: draft → signed → in_force ⇄ suspended → expired | terminated
	Status AgreementStatus `json:"status" binding:"required"`
	// 协议签署日期，部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$`；未给出时为 null / date the agreement was signed, partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; null when not given
	SignedOn *Date `json:"signed_on" binding:"required" extensions:"x-nullable" swaggertype:"string" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" example:"2023-05-18"`
	// 签署地点，1–200 个字符；未给出时为 null / place of signing, 1–200 characters; null when not given
	SignedPlace *string `json:"signed_place" binding:"required" extensions:"x-nullable" example:"彭州市"`
	// 生效日期，不早于签署日期，部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$`；未给出时为 null / date it takes effect, not before signed_on, partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; null when not given
	EffectiveFrom *Date `json:"effective_from" binding:"required" extensions:"x-nullable" swaggertype:"string" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" example:"2023-05"`
	// 失效日期，不早于生效日期，部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$`；未给出时为 null / date it ends, not before effective_from, partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; null when not given
	EffectiveTo *Date `json:"effective_to" binding:"required" extensions:"x-nullable" swaggertype:"string" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" example:"2025"`
	// 中文摘要，最多 10000 个字符；未给出时为 null / summary in Chinese, at most 10,000 characters; null when not given
	SummaryZh *string `json:"summary_zh" binding:"required" extensions:"x-nullable" example:"双方在文旅交流、联合履职等六个领域开展交流合作。"`
	// 英文摘要，最多 10000 个字符；未给出时为 null / summary in English, at most 10,000 characters; null when not given
	SummaryEn *string `json:"summary_en" binding:"required" extensions:"x-nullable" example:"The two committees cooperate in six areas, among them culture and tourism and joint duty."`
	// 协议文本声明涵盖的合作领域数（0–100），可多于 areas 所列；未给出时为 null / number of cooperation areas the text says it covers (0–100); may exceed the areas listed; null when not given
	AreasDeclared *int `json:"areas_declared" binding:"required" extensions:"x-nullable" example:"6"`
	// 协议各方（最多 50 个，至少两个不同的签署方组织，同一组织不得重复） / the parties (at most 50; at least two distinct signatory organisations; no organisation twice)
	Parties []Party `json:"parties" binding:"required"`
	// 协议所列合作领域（最多 50 项） / the cooperation areas the agreement names (at most 50)
	Areas []AgreementArea `json:"areas" binding:"required"`
	// 协议建立的工作机制（最多 20 项） / the working arrangements the agreement sets up (at most 20)
	Mechanisms []Mechanism `json:"mechanisms" binding:"required"`
	// 相关文件（最多 50 项）；网址仅保存，服务器不访问 / published texts (at most 50); URLs are stored, never fetched
	Documents []Document `json:"documents" binding:"required"`
	// 记录版本号，每次修改加 1（其他记录的修改改变本记录的内容时也加 1：所列组织更名、关联协议更名或改变关联）；ETag 即其带引号形式 / version of the record, one more with every change — also when another record's change shows in it (an organisation it names renamed, an agreement linking to it retitled or relinked); the ETag is it in quotes
	Version int `json:"version" binding:"required" example:"1"`
	// 创建时间，RFC 3339 UTC 时间 / when it was created, RFC 3339 time in UTC
	CreatedAt time.Time `json:"created_at" binding:"required" format:"date-time" example:"2024-05-01T08:00:00Z"`
	// 最后修改时间，RFC 3339 UTC 时间 / when it last changed, RFC 3339 time in UTC
	UpdatedAt time.Time `json:"updated_at" binding:"required" format:"date-time" example:"2024-05-02T09:30:00Z"`
	// 归档时间，RFC 3339 UTC 时间；未归档时为 null / when it was archived, RFC 3339 time in UTC; null while not archived
	ArchivedAt *time.Time `json:"archived_at" binding:"required" extensions:"x-nullable" format:"date-time" example:"2024-06-01T08:00:00Z"`
	// 本协议指向其他协议的关系（修订、补充、续签、取代、实施） / links from this agreement to others (amends, supplements, renews, supersedes, implements)
	Relations []Relation `json:"relations" binding:"required"`
	// 指向本协议的其他协议（只读） / the agreements that link to this one (read-only)
	RelatedFrom []RelatedFrom `json:"related_from" binding:"required"`
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

// MaxPartyFilter is how many organisations a list's party filter may name.
const MaxPartyFilter = 10

// AgreementFilter selects agreements. Parties, when given, are
// organisations (UUID or code) that must all take part.
type AgreementFilter struct {
	Parties         []string
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
