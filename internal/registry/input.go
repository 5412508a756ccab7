package registry

import "encoding/json"

// The inputs of the registry's writes: what a person or a program may set
// on a record. Each carries its field rules as validator tags (checked by
// the Service, whoever calls it) and the Swagger description of the request
// bodies. Read-only fields (id, version, timestamps) have no place here.

// AgreementInput is the writable part of an agreement.
type AgreementInput struct {
	ID string `json:"-"` // a preset id, for the demo loader only
	// 协议编号，唯一，最多 64 个字符；可选，省略或发送 null 表示不填 / reference number of the agreement, unique, at most 64 characters; optional: omit it or send null to leave it empty
	RefNo *string `json:"ref_no" validate:"omitnil,notblank,max=64" maxLength:"64" example:"CS-PZ-2023-01" extensions:"x-nullable"`
	// 中文标题，1–200 个字符 / title in Chinese, 1–200 characters
	TitleZh string `json:"title_zh" validate:"required,max=200" maxLength:"200" example:"重庆市长寿区政协 四川省彭州市政协 友好政协交流合作框架协议"`
	// 英文标题，1–200 个字符；可选，省略或发送 null 表示不填 / title in English, 1–200 characters; optional: omit it or send null to leave it empty
	TitleEn *string `json:"title_en" validate:"omitnil,notblank,max=200" maxLength:"200" example:"Framework agreement on friendly exchange and cooperation" extensions:"x-nullable"`
	// 协议类型 / type of agreement
	Type AgreementType `json:"type" validate:"required,enum"`
	// 协议状态，默认 draft；登记时可为任一状态 / status, draft by default; a create may give any status
	Status AgreementStatus `json:"status" validate:"omitempty,enum" default:"draft"`
	// 协议签署日期，部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$`；可选，省略或发送 null 表示不填 / date the agreement was signed, partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; optional: omit it or send null to leave it empty
	SignedOn *string `json:"signed_on" validate:"omitnil,partialdate" example:"2023-05-18" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	// 签署地点，1–200 个字符；可选，省略或发送 null 表示不填 / place of signing, 1–200 characters; optional: omit it or send null to leave it empty
	SignedPlace *string `json:"signed_place" validate:"omitnil,notblank,max=200" maxLength:"200" example:"彭州市" extensions:"x-nullable"`
	// 生效日期，不早于签署日期，部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$`；可选，省略或发送 null 表示不填 / date it takes effect, not before signed_on, partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; optional: omit it or send null to leave it empty
	EffectiveFrom *string `json:"effective_from" validate:"omitnil,partialdate" example:"2023-05" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	// 失效日期，不早于生效日期，部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$`；可选，省略或发送 null 表示不填 / date it ends, not before effective_from, partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; optional: omit it or send null to leave it empty
	EffectiveTo *string `json:"effective_to" validate:"omitnil,partialdate" example:"2025" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	// 中文摘要，最多 10000 个字符；可选，省略或发送 null 表示不填 / summary in Chinese, at most 10,000 characters; optional: omit it or send null to leave it empty
	SummaryZh *string `json:"summary_zh" validate:"omitnil,notblank,max=10000" maxLength:"10000" extensions:"x-nullable" example:"双方在文旅交流、联合履职等六个领域开展交流合作。"`
	// 英文摘要，最多 10000 个字符；可选，省略或发送 null 表示不填 / summary in English, at most 10,000 characters; optional: omit it or send null to leave it empty
	SummaryEn *string `json:"summary_en" validate:"omitnil,notblank,max=10000" maxLength:"10000" extensions:"x-nullable" example:"The two committees cooperate in six areas, among them culture and tourism and joint duty."`
	// 协议文本声明涵盖的合作领域数（0–100），可多于 areas 所列；可选，省略或发送 null 表示不填 / number of cooperation areas the text says it covers (0–100); may exceed the areas listed; optional: omit it or send null to leave it empty
	AreasDeclared *int `json:"areas_declared" validate:"omitnil,min=0,max=100" minimum:"0" maximum:"100" example:"6" extensions:"x-nullable"`
	// 协议各方（最多 50 个，至少两个不同的签署方组织，同一组织不得重复） / the parties (at most 50; at least two distinct signatory organisations; no organisation twice)
	Parties []PartyInput `json:"parties" validate:"required,max=50,dive" maxItems:"50"`
	// 协议所列合作领域（最多 50 项）；可选，省略或发送 null 表示不填 / the cooperation areas the agreement names (at most 50); optional: omit it or send null to leave it empty
	Areas []AreaRefInput `json:"areas" validate:"max=50,dive" maxItems:"50" extensions:"x-nullable"`
	// 协议建立的工作机制（最多 20 项）；可选，省略或发送 null 表示不填 / the working arrangements the agreement sets up (at most 20); optional: omit it or send null to leave it empty
	Mechanisms []MechanismInput `json:"mechanisms" validate:"max=20,dive" maxItems:"20" extensions:"x-nullable"`
	// 相关文件（最多 50 项）；网址仅保存，服务器不访问；可选，省略或发送 null 表示不填 / published texts (at most 50); URLs are stored, never fetched; optional: omit it or send null to leave it empty
	Documents []DocumentInput `json:"documents" validate:"max=50,dive" maxItems:"50" extensions:"x-nullable"`
	// 与其他协议的关系（最多 50 项）；目标须存在，不能指向自身，修订、续签、取代关系不能成环 / links to other agreements (at most 50); the target must exist, not this agreement, and amends, renews and supersedes links may not form a cycle
	Relations []RelationInput `json:"relations" validate:"max=50,dive" maxItems:"50" extensions:"x-nullable"`
} // @name AgreementRequest

// PartyInput is an organisation's part in an agreement; the organisation
// may be named by UUID or code.
type PartyInput struct {
	// 参与方组织，UUID 或组织代码 / party organisation, by UUID or code
	OrganizationID string `json:"organization_id" validate:"required,orgref" example:"changshou-cppcc"`
	// 在协议中的角色 / role in the agreement
	Role PartyRole `json:"role" validate:"required,enum"`
	// 签署人姓名，1–200 个字符；可选，省略或发送 null 表示不填 / name of the person who signed, 1–200 characters; optional: omit it or send null to leave it empty
	SignatoryName *string `json:"signatory_name" validate:"omitnil,notblank,max=200" maxLength:"200" extensions:"x-nullable" example:"张三"`
	// 签署人职务，1–200 个字符；可选，省略或发送 null 表示不填 / title of the person who signed, 1–200 characters; optional: omit it or send null to leave it empty
	SignatoryTitle *string `json:"signatory_title" validate:"omitnil,notblank,max=200" maxLength:"200" extensions:"x-nullable" example:"主席"`
	ReadOnlyNames
	// 该方签署或批准的日期，不晚于今天（北京时间），部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$`；可选 / when this party signed or ratified, not after today (China Standard Time), a partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; optional
	SignedOn *string `json:"signed_on" validate:"omitnil,partialdate" example:"2023-05-18" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
} // @name PartyRequest

// ReadOnlyNames takes the read-only fields a party or participant shows of
// its organisation (organization_code, name_zh, name_en, region_code), so
// that parties and participants as read can be
// sent back in a write. Whatever they hold is ignored: the organisation is
// the one organization_id names.
type ReadOnlyNames struct {
	OrganizationCode json.RawMessage `json:"organization_code,omitempty" swaggerignore:"true"`
	NameZh           json.RawMessage `json:"name_zh,omitempty" swaggerignore:"true"`
	NameEn           json.RawMessage `json:"name_en,omitempty" swaggerignore:"true"`
	RegionCode       json.RawMessage `json:"region_code,omitempty" swaggerignore:"true"`
}

// AreaRefInput is a cooperation area as the agreement words it.
type AreaRefInput struct {
	// 关联的合作领域分类代码（须已存在）；可选，省略或发送 null 表示不填 / cooperation-area taxonomy code it links to (must exist); optional: omit it or send null to leave it empty
	AreaCode *string `json:"area_code" validate:"omitnil,code" example:"culture-tourism" extensions:"x-nullable"`
	// 协议原文中的领域名称（中文），1–200 个字符 / the area as the agreement words it, in Chinese, 1–200 characters
	LabelZh string `json:"label_zh" validate:"required,max=200" maxLength:"200" example:"文旅交流"`
	// 领域名称（英文），1–200 个字符；可选，省略或发送 null 表示不填 / the area's label in English, 1–200 characters; optional: omit it or send null to leave it empty
	LabelEn *string `json:"label_en" validate:"omitnil,notblank,max=200" maxLength:"200" extensions:"x-nullable" example:"Cultural and tourism exchange"`
	// 领域说明，最多 10000 个字符；可选，省略或发送 null 表示不填 / what the agreement says of the area, at most 10,000 characters; optional: omit it or send null to leave it empty
	Description *string `json:"description" validate:"omitnil,notblank,max=10000" maxLength:"10000" extensions:"x-nullable" example:"共同打造川渝文旅精品线路"`
} // @name AgreementAreaRequest

// MechanismInput is a working arrangement the agreement sets up.
type MechanismInput struct {
	// 机制类别 / kind of arrangement
	Kind MechanismKind `json:"kind" validate:"required,enum"`
	// 机制说明，最多 10000 个字符；可选，省略或发送 null 表示不填 / what the arrangement is, at most 10,000 characters; optional: omit it or send null to leave it empty
	Description *string `json:"description" validate:"omitnil,notblank,max=10000" maxLength:"10000" extensions:"x-nullable" example:"每年轮流召开一次联席会议"`
} // @name MechanismRequest

// DocumentInput refers to a published text; the URL is never fetched.
type DocumentInput struct {
	// 文件标题，1–200 个字符 / title of the document, 1–200 characters
	Title string `json:"title" validate:"required,max=200" maxLength:"200" example:"合作框架协议全文"`
	// 文件网址（http 或 https，最多 2048 个字符） / URL of the document (http or https, at most 2,048 characters)
	URL string `json:"url" validate:"required,max=2048,weburl" maxLength:"2048" example:"https://example.org/agreement.pdf"`
	// 文件语言，BCP 47 标签（如 zh、en、zh-Hans）；可选，省略或发送 null 表示不填 / language of the document, a BCP 47 tag (zh, en, zh-Hans, …); optional: omit it or send null to leave it empty
	Language *string `json:"language" validate:"omitnil,langtag,max=35" example:"zh" extensions:"x-nullable"`
	// 文件类别；可选，省略或发送 null 表示不填 / kind of document; optional: omit it or send null to leave it empty
	Kind *DocumentKind `json:"kind" validate:"omitnil,enum" extensions:"x-nullable" swaggertype:"string" enums:"full_text,announcement,report,photo,other"`
} // @name DocumentRequest

// ConsultationInput is the writable part of a joint consultation.
type ConsultationInput struct {
	ID string `json:"-"` // a preset id, for the demo loader only
	// 中文标题，1–200 个字符 / title in Chinese, 1–200 characters
	TitleZh string `json:"title_zh" validate:"required,max=200" maxLength:"200" example:"长寿区政协联合渝北、邻水开展森林防灭火联合协商"`
	// 英文标题，1–200 个字符；可选，省略或发送 null 表示不填 / title in English, 1–200 characters; optional: omit it or send null to leave it empty
	TitleEn *string `json:"title_en" validate:"omitnil,notblank,max=200" maxLength:"200" example:"Joint consultation on forest fire prevention" extensions:"x-nullable"`
	// 协商议题（中文），最多 500 个字符；可选，省略或发送 null 表示不填 / topic in Chinese, at most 500 characters; optional: omit it or send null to leave it empty
	TopicZh *string `json:"topic_zh" validate:"omitnil,notblank,max=500" maxLength:"500" example:"森林防灭火" extensions:"x-nullable"`
	// 协商议题（英文），最多 500 个字符；可选，省略或发送 null 表示不填 / topic in English, at most 500 characters; optional: omit it or send null to leave it empty
	TopicEn *string `json:"topic_en" validate:"omitnil,notblank,max=500" maxLength:"500" example:"Forest fire prevention" extensions:"x-nullable"`
	// 协商形式；可选，省略或发送 null 表示不填 / format of the consultation; optional: omit it or send null to leave it empty
	Format *ConsultationFormat `json:"format" validate:"omitnil,enum" extensions:"x-nullable" swaggertype:"string" enums:"meeting,seminar,field_visit,online,grassroots"`
	// 协商举行日期，部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$`；可选，省略或发送 null 表示不填 / date it was held, partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; optional: omit it or send null to leave it empty
	HeldOn *string `json:"held_on" validate:"omitnil,partialdate" example:"2023" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	// 地点，1–200 个字符；可选，省略或发送 null 表示不填 / place, 1–200 characters; optional: omit it or send null to leave it empty
	Location *string `json:"location" validate:"omitnil,notblank,max=200" maxLength:"200" example:"重庆市长寿区" extensions:"x-nullable"`
	// 所依据协议的 UUID（须已存在）；可选，省略或发送 null 表示不填 / UUID of the agreement it follows from (must exist); optional: omit it or send null to leave it empty
	AgreementID *string `json:"agreement_id" validate:"omitnil,notblank,max=64" format:"uuid" extensions:"x-nullable" example:"01938c6e-2f4b-7a10-8d3e-5b6c7d8e9f01"`
	// 合作领域分类代码；可选，省略或发送 null 表示不填 / cooperation-area taxonomy code; optional: omit it or send null to leave it empty
	AreaCode *string `json:"area_code" validate:"omitnil,code" example:"forest-fire-prevention" extensions:"x-nullable"`
	// 协商状态，默认 planned / status of the consultation, planned by default
	Status ConsultationStatus `json:"status" validate:"omitempty,enum" default:"planned"`
	// 参与组织（最多 100 个，至少两个不同组织，有且仅有一个 host） / the organisations taking part (at most 100; at least two distinct ones, exactly one host)
	Participants []ConsultationParticipant `json:"participants" validate:"required,max=100,dive" maxItems:"100"`
	// 成果（最多 50 项）；可选，省略或发送 null 表示不填 / the results (at most 50); optional: omit it or send null to leave it empty
	Outcomes []OutcomeInput `json:"outcomes" validate:"max=50,dive" maxItems:"50" extensions:"x-nullable"`
	// 中文摘要，最多 10000 个字符；可选，省略或发送 null 表示不填 / summary in Chinese, at most 10,000 characters; optional: omit it or send null to leave it empty
	SummaryZh *string `json:"summary_zh" validate:"omitnil,notblank,max=10000" maxLength:"10000" example:"共同筑牢森林防灭火安全防线。" extensions:"x-nullable"`
	// 英文摘要，最多 10000 个字符；可选，省略或发送 null 表示不填 / summary in English, at most 10,000 characters; optional: omit it or send null to leave it empty
	SummaryEn *string `json:"summary_en" validate:"omitnil,notblank,max=10000" maxLength:"10000" extensions:"x-nullable" example:"Building a joint line of defence against forest fires."`
} // @name ConsultationRequest

// ConsultationParticipant is an organisation's part in a consultation
// input; the organisation may be named by UUID or code.
type ConsultationParticipant struct {
	// 参与组织，UUID 或组织代码 / organisation taking part, by UUID or code
	OrganizationID string `json:"organization_id" validate:"required,orgref" example:"changshou-cppcc"`
	// 在协商中的角色；须有且仅有一个 host / role in the consultation; exactly one host
	Role ConsultationRole `json:"role" validate:"required,enum"`
	ReadOnlyNames
} // @name ConsultationParticipantRequest

// JointActionInput is the writable part of a joint duty action.
type JointActionInput struct {
	ID string `json:"-"` // a preset id, for the demo loader only
	// 中文标题，1–200 个字符 / title in Chinese, 1–200 characters
	TitleZh string `json:"title_zh" validate:"required,max=200" maxLength:"200" example:"“丹青润川渝 翰墨润寿乡”川渝地区书画联展"`
	// 英文标题，1–200 个字符；可选，省略或发送 null 表示不填 / title in English, 1–200 characters; optional: omit it or send null to leave it empty
	TitleEn *string `json:"title_en" validate:"omitnil,notblank,max=200" maxLength:"200" example:"Sichuan–Chongqing calligraphy and painting exhibition" extensions:"x-nullable"`
	// 活动主题（中文），最多 500 个字符；可选，省略或发送 null 表示不填 / theme in Chinese, at most 500 characters; optional: omit it or send null to leave it empty
	ThemeZh *string `json:"theme_zh" validate:"omitnil,notblank,max=500" maxLength:"500" example:"丹青润川渝 翰墨润寿乡" extensions:"x-nullable"`
	// 活动主题（英文），最多 500 个字符；可选，省略或发送 null 表示不填 / theme in English, at most 500 characters; optional: omit it or send null to leave it empty
	ThemeEn *string `json:"theme_en" validate:"omitnil,notblank,max=500" maxLength:"500" extensions:"x-nullable" example:"Brushes and ink of Sichuan and Chongqing"`
	// 联合履职类别；可选，省略或发送 null 表示不填 / kind of joint action; optional: omit it or send null to leave it empty
	Kind *JointActionKind `json:"kind" validate:"omitnil,enum" extensions:"x-nullable" swaggertype:"string" enums:"inspection,research,proposal,supervision,exhibition,publicity,other"`
	// 开始日期，部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$`；可选，省略或发送 null 表示不填 / date it started, partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; optional: omit it or send null to leave it empty
	StartedOn *string `json:"started_on" validate:"omitnil,partialdate" example:"2023" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	// 结束日期，不早于开始日期，部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$`；可选，省略或发送 null 表示不填 / date it ended, not before started_on, partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; optional: omit it or send null to leave it empty
	EndedOn *string `json:"ended_on" validate:"omitnil,partialdate" example:"2023-12" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	// 地点，1–200 个字符；可选，省略或发送 null 表示不填 / place, 1–200 characters; optional: omit it or send null to leave it empty
	Location *string `json:"location" validate:"omitnil,notblank,max=200" maxLength:"200" example:"重庆市长寿区" extensions:"x-nullable"`
	// 所依据协议的 UUID（须已存在）；可选，省略或发送 null 表示不填 / UUID of the agreement it follows from (must exist); optional: omit it or send null to leave it empty
	AgreementID *string `json:"agreement_id" validate:"omitnil,notblank,max=64" format:"uuid" extensions:"x-nullable" example:"01938c6e-2f4b-7a10-8d3e-5b6c7d8e9f01"`
	// 合作领域分类代码；可选，省略或发送 null 表示不填 / cooperation-area taxonomy code; optional: omit it or send null to leave it empty
	AreaCode *string `json:"area_code" validate:"omitnil,code" example:"culture-tourism" extensions:"x-nullable"`
	// 联合履职状态，默认 planned / status of the joint action, planned by default
	Status JointActionStatus `json:"status" validate:"omitempty,enum" default:"planned"`
	// 参与组织（最多 100 个，至少两个不同组织，至少一个 lead） / the organisations taking part (at most 100; at least two distinct ones, at least one lead)
	Participants []JointActionParticipant `json:"participants" validate:"required,max=100,dive" maxItems:"100"`
	// 成果（最多 50 项）；可选，省略或发送 null 表示不填 / the results (at most 50); optional: omit it or send null to leave it empty
	Outcomes []OutcomeInput `json:"outcomes" validate:"max=50,dive" maxItems:"50" extensions:"x-nullable"`
	// 中文摘要，最多 10000 个字符；可选，省略或发送 null 表示不填 / summary in Chinese, at most 10,000 characters; optional: omit it or send null to leave it empty
	SummaryZh *string `json:"summary_zh" validate:"omitnil,notblank,max=10000" maxLength:"10000" example:"推动文化合作与艺术交流。" extensions:"x-nullable"`
	// 英文摘要，最多 10000 个字符；可选，省略或发送 null 表示不填 / summary in English, at most 10,000 characters; optional: omit it or send null to leave it empty
	SummaryEn *string `json:"summary_en" validate:"omitnil,notblank,max=10000" maxLength:"10000" extensions:"x-nullable" example:"Furthering cultural cooperation and artistic exchange."`
} // @name JointActionRequest

// JointActionParticipant is an organisation's part in a joint action
// input; the organisation may be named by UUID or code.
type JointActionParticipant struct {
	// 参与组织，UUID 或组织代码 / organisation taking part, by UUID or code
	OrganizationID string `json:"organization_id" validate:"required,orgref" example:"changshou-cppcc"`
	// 在联合履职中的角色；至少一个 lead / role in the joint action; at least one lead
	Role JointActionRole `json:"role" validate:"required,enum"`
	ReadOnlyNames
} // @name JointActionParticipantRequest

// OutcomeInput is a result of a consultation or joint action.
type OutcomeInput struct {
	// 成果类别 / kind of result
	Kind OutcomeKind `json:"kind" validate:"required,enum"`
	// 数量（0–1000000000）；可选，省略或发送 null 表示不填 / how many (0–1,000,000,000); optional: omit it or send null to leave it empty
	Count *int64 `json:"count" validate:"omitnil,min=0,max=1000000000" minimum:"0" maximum:"1000000000" example:"95" extensions:"x-nullable"`
	// 数量是否为约数（原文“余”，即“N 余”） / whether the count is approximate (the Chinese 余, "more than N")
	Approximate bool `json:"approximate" example:"false"`
	// 成果说明（中文），最多 10000 个字符；可选，省略或发送 null 表示不填 / description in Chinese, at most 10,000 characters; optional: omit it or send null to leave it empty
	DescriptionZh *string `json:"description_zh" validate:"omitnil,notblank,max=10000" maxLength:"10000" example:"形成协商意见95条" extensions:"x-nullable"`
	// 成果说明（英文），最多 10000 个字符；可选，省略或发送 null 表示不填 / description in English, at most 10,000 characters; optional: omit it or send null to leave it empty
	DescriptionEn *string `json:"description_en" validate:"omitnil,notblank,max=10000" maxLength:"10000" example:"95 consultation opinions" extensions:"x-nullable"`
} // @name OutcomeRequest

// OrganizationInput is the writable part of an organisation. ParentID may
// hold a UUID or a code.
type OrganizationInput struct {
	ID string `json:"-"` // a preset id, for the demo loader only
	// 组织代码，2–64 个小写字母、数字或连字符，唯一 / organisation code, 2–64 characters of a–z, 0–9 and -, unique
	Code string `json:"code" validate:"required,code" example:"pengzhou-cppcc"`
	// 组织类别 / kind of organisation
	Kind OrganizationKind `json:"kind" validate:"required,enum"`
	// 中文名称，1–200 个字符 / name in Chinese, 1–200 characters
	NameZh string `json:"name_zh" validate:"required,max=200" example:"中国人民政治协商会议彭州市委员会" maxLength:"200"`
	// 英文名称，1–200 个字符；可选，省略或发送 null 表示不填 / name in English, 1–200 characters; optional: omit it or send null to leave it empty
	NameEn *string `json:"name_en" validate:"omitnil,notblank,max=200" example:"Pengzhou City Committee of the CPPCC" maxLength:"200" extensions:"x-nullable"`
	// 中文简称，1–50 个字符；可选，省略或发送 null 表示不填 / short name in Chinese, 1–50 characters; optional: omit it or send null to leave it empty
	ShortNameZh *string `json:"short_name_zh" validate:"omitnil,notblank,max=50" example:"彭州市政协" maxLength:"50" extensions:"x-nullable"`
	// 英文简称，1–50 个字符；可选，省略或发送 null 表示不填 / short name in English, 1–50 characters; optional: omit it or send null to leave it empty
	ShortNameEn *string `json:"short_name_en" validate:"omitnil,notblank,max=50" example:"Pengzhou CPPCC" maxLength:"50" extensions:"x-nullable"`
	// 所在行政区划的六位 GB/T 2260 代码（须已存在）；可选，省略或发送 null 表示不填 / six-digit GB/T 2260 code of its region (must exist); optional: omit it or send null to leave it empty
	RegionCode *string `json:"region_code" validate:"omitnil,region" example:"510182" extensions:"x-nullable"`
	// 上级组织，UUID 或组织代码；可选，省略或发送 null 表示不填 / parent organisation, by UUID or code; optional: omit it or send null to leave it empty
	ParentID *string `json:"parent_id" validate:"omitnil,orgref" example:"changshou-cppcc" extensions:"x-nullable"`
} // @name OrganizationRequest

// AreaInput is the writable part of a cooperation area.
type AreaInput struct {
	// 领域代码，2–64 个小写字母、数字或连字符，创建后不可修改 / area code, 2–64 characters of a–z, 0–9 and -, immutable
	Code string `json:"code" validate:"required,code" example:"rural-revitalisation"`
	// 中文名称，1–200 个字符 / name in Chinese, 1–200 characters
	NameZh string `json:"name_zh" validate:"required,max=200" example:"乡村振兴"`
	// 英文名称，1–200 个字符；可选，省略或发送 null 表示不填 / name in English, 1–200 characters; optional: omit it or send null to leave it empty
	NameEn *string `json:"name_en" validate:"omitnil,notblank,max=200" example:"Rural revitalisation" extensions:"x-nullable"`
	// 上级领域代码（须已存在）；可选，省略或发送 null 表示不填 / code of the parent area (must exist); optional: omit it or send null to leave it empty
	ParentCode *string `json:"parent_code" validate:"omitnil,code" extensions:"x-nullable" example:"industry"`
} // @name CooperationAreaRequest
