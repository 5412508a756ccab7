package httpapi

import "github.com/chengyu-collab/registry/internal/registry"

// The bodies of PATCH requests as the Swagger document shows them. A JSON
// merge patch (RFC 7396) names only the fields it changes, so none is
// required, and null clears an optional field. The handlers read a patch
// with the request type (agreementRequest, ...): it is merged onto the
// stored record and the result is validated as a whole. These types only
// describe the shape for the document; TestPatchTypesMatchRequests keeps
// their fields in step with the request types.

// agreementPatch documents the body of PATCH /v1/agreements/{id}.
type agreementPatch struct {
	// 协议编号，唯一，最多 64 个字符；null 清除此值 / reference number of the agreement, unique, at most 64 characters; null clears it
	RefNo *string `json:"ref_no" maxLength:"64" example:"CS-PZ-2023-01" extensions:"x-nullable"`
	// 中文标题，1–200 个字符 / title in Chinese, 1–200 characters
	TitleZh string `json:"title_zh" maxLength:"200" example:"重庆市长寿区政协 四川省彭州市政协 友好政协交流合作框架协议"`
	// 英文标题，1–200 个字符；null 清除此值 / title in English, 1–200 characters; null clears it
	TitleEn *string `json:"title_en" maxLength:"200" example:"Framework agreement on friendly exchange and cooperation" extensions:"x-nullable"`
	// 协议类型 / type of agreement
	Type registry.AgreementType `json:"type"`
	// 协议状态；只允许生命周期中的变更，否则 409 / status; only moves of the lifecycle, any other is 409
	Status registry.AgreementStatus `json:"status"`
	// 协议签署日期，部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$`；null 清除此值 / date the agreement was signed, partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; null clears it
	SignedOn *string `json:"signed_on" example:"2023-05-18" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	// 签署地点，1–200 个字符；null 清除此值 / place of signing, 1–200 characters; null clears it
	SignedPlace *string `json:"signed_place" maxLength:"200" example:"彭州市" extensions:"x-nullable"`
	// 生效日期，不早于签署日期，部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$`；null 清除此值 / date it takes effect, not before signed_on, partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; null clears it
	EffectiveFrom *string `json:"effective_from" example:"2023-05" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	// 失效日期，不早于生效日期，部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$`；null 清除此值 / date it ends, not before effective_from, partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; null clears it
	EffectiveTo *string `json:"effective_to" example:"2025" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	// 中文摘要，最多 10000 个字符；null 清除此值 / summary in Chinese, at most 10,000 characters; null clears it
	SummaryZh *string `json:"summary_zh" maxLength:"10000" extensions:"x-nullable" example:"双方在文旅交流、联合履职等六个领域开展交流合作。"`
	// 英文摘要，最多 10000 个字符；null 清除此值 / summary in English, at most 10,000 characters; null clears it
	SummaryEn *string `json:"summary_en" maxLength:"10000" extensions:"x-nullable" example:"The two committees cooperate in six areas, among them culture and tourism and joint duty."`
	// 协议文本声明涵盖的合作领域数（0–100），可多于 areas 所列；null 清除此值 / number of cooperation areas the text says it covers (0–100); may exceed the areas listed; null clears it
	AreasDeclared *int `json:"areas_declared" minimum:"0" maximum:"100" example:"6" extensions:"x-nullable"`
	// 协议各方（最多 50 个，至少两个不同的签署方组织）；整体替换 / the parties (at most 50; at least two distinct signatory organisations); replaces the list
	Parties []registry.PartyInput `json:"parties" maxItems:"50"`
	// 协议所列合作领域（最多 50 项）；null 清除此值 / the cooperation areas the agreement names (at most 50); null clears it
	Areas []registry.AreaRefInput `json:"areas" maxItems:"50" extensions:"x-nullable"`
	// 协议建立的工作机制（最多 20 项）；null 清除此值 / the working arrangements the agreement sets up (at most 20); null clears it
	Mechanisms []registry.MechanismInput `json:"mechanisms" maxItems:"20" extensions:"x-nullable"`
	// 相关文件（最多 50 项）；网址仅保存，服务器不访问；null 清除此值 / published texts (at most 50); URLs are stored, never fetched; null clears it
	Documents []registry.DocumentInput `json:"documents" maxItems:"50" extensions:"x-nullable"`
	// 与其他协议的关系（最多 50 项），整体替换；null 清除此值 / links to other agreements (at most 50); replaces the list; null clears it
	Relations []registry.RelationInput `json:"relations" maxItems:"50" extensions:"x-nullable"`
} // @name AgreementPatch

// consultationPatch documents the body of PATCH /v1/consultations/{id}.
type consultationPatch struct {
	// 中文标题，1–200 个字符 / title in Chinese, 1–200 characters
	TitleZh string `json:"title_zh" maxLength:"200" example:"长寿区政协联合渝北、邻水开展森林防灭火联合协商"`
	// 英文标题，1–200 个字符；null 清除此值 / title in English, 1–200 characters; null clears it
	TitleEn *string `json:"title_en" maxLength:"200" example:"Joint consultation on forest fire prevention" extensions:"x-nullable"`
	// 协商议题（中文），最多 500 个字符；null 清除此值 / topic in Chinese, at most 500 characters; null clears it
	TopicZh *string `json:"topic_zh" maxLength:"500" example:"森林防灭火" extensions:"x-nullable"`
	// 协商议题（英文），最多 500 个字符；null 清除此值 / topic in English, at most 500 characters; null clears it
	TopicEn *string `json:"topic_en" maxLength:"500" example:"Forest fire prevention" extensions:"x-nullable"`
	// 协商形式；null 清除此值 / format of the consultation; null clears it
	Format *registry.ConsultationFormat `json:"format" extensions:"x-nullable" swaggertype:"string" enums:"meeting,seminar,field_visit,online,grassroots"`
	// 协商举行日期，部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$`；null 清除此值 / date it was held, partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; null clears it
	HeldOn *string `json:"held_on" example:"2023" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	// 地点，1–200 个字符；null 清除此值 / place, 1–200 characters; null clears it
	Location *string `json:"location" maxLength:"200" example:"重庆市长寿区" extensions:"x-nullable"`
	// 所依据协议的 UUID（须已存在）；null 清除此值 / UUID of the agreement it follows from (must exist); null clears it
	AgreementID *string `json:"agreement_id" format:"uuid" extensions:"x-nullable" example:"01938c6e-2f4b-7a10-8d3e-5b6c7d8e9f01"`
	// 合作领域分类代码；null 清除此值 / cooperation-area taxonomy code; null clears it
	AreaCode *string `json:"area_code" example:"forest-fire-prevention" extensions:"x-nullable"`
	// 协商状态 / status of the consultation
	Status registry.ConsultationStatus `json:"status"`
	// 参与组织（最多 100 个，至少两个不同组织，有且仅有一个 host）；整体替换 / the organisations taking part (at most 100; at least two distinct ones, exactly one host); replaces the list
	Participants []registry.ConsultationParticipant `json:"participants" maxItems:"100"`
	// 成果（最多 50 项）；null 清除此值 / the results (at most 50); null clears it
	Outcomes []registry.OutcomeInput `json:"outcomes" maxItems:"50" extensions:"x-nullable"`
	// 中文摘要，最多 10000 个字符；null 清除此值 / summary in Chinese, at most 10,000 characters; null clears it
	SummaryZh *string `json:"summary_zh" maxLength:"10000" example:"共同筑牢森林防灭火安全防线。" extensions:"x-nullable"`
	// 英文摘要，最多 10000 个字符；null 清除此值 / summary in English, at most 10,000 characters; null clears it
	SummaryEn *string `json:"summary_en" maxLength:"10000" extensions:"x-nullable" example:"Building a joint line of defence against forest fires."`
} // @name ConsultationPatch

// jointActionPatch documents the body of PATCH /v1/joint-actions/{id}.
type jointActionPatch struct {
	// 中文标题，1–200 个字符 / title in Chinese, 1–200 characters
	TitleZh string `json:"title_zh" maxLength:"200" example:"“丹青润川渝 翰墨润寿乡”川渝地区书画联展"`
	// 英文标题，1–200 个字符；null 清除此值 / title in English, 1–200 characters; null clears it
	TitleEn *string `json:"title_en" maxLength:"200" example:"Sichuan–Chongqing calligraphy and painting exhibition" extensions:"x-nullable"`
	// 活动主题（中文），最多 500 个字符；null 清除此值 / theme in Chinese, at most 500 characters; null clears it
	ThemeZh *string `json:"theme_zh" maxLength:"500" example:"丹青润川渝 翰墨润寿乡" extensions:"x-nullable"`
	// 活动主题（英文），最多 500 个字符；null 清除此值 / theme in English, at most 500 characters; null clears it
	ThemeEn *string `json:"theme_en" maxLength:"500" extensions:"x-nullable" example:"Brushes and ink of Sichuan and Chongqing"`
	// 联合履职类别；null 清除此值 / kind of joint action; null clears it
	Kind *registry.JointActionKind `json:"kind" extensions:"x-nullable" swaggertype:"string" enums:"inspection,research,proposal,supervision,exhibition,publicity,other"`
	// 开始日期，部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$`；null 清除此值 / date it started, partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; null clears it
	StartedOn *string `json:"started_on" example:"2023" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	// 结束日期，不早于开始日期，部分日期 YYYY、YYYY-MM 或 YYYY-MM-DD，模式 `^\d{4}(-\d{2}(-\d{2})?)?$`；null 清除此值 / date it ended, not before started_on, partial date YYYY, YYYY-MM or YYYY-MM-DD, pattern `^\d{4}(-\d{2}(-\d{2})?)?$`; null clears it
	EndedOn *string `json:"ended_on" example:"2023-12" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	// 地点，1–200 个字符；null 清除此值 / place, 1–200 characters; null clears it
	Location *string `json:"location" maxLength:"200" example:"重庆市长寿区" extensions:"x-nullable"`
	// 所依据协议的 UUID（须已存在）；null 清除此值 / UUID of the agreement it follows from (must exist); null clears it
	AgreementID *string `json:"agreement_id" format:"uuid" extensions:"x-nullable" example:"01938c6e-2f4b-7a10-8d3e-5b6c7d8e9f01"`
	// 合作领域分类代码；null 清除此值 / cooperation-area taxonomy code; null clears it
	AreaCode *string `json:"area_code" example:"culture-tourism" extensions:"x-nullable"`
	// 联合履职状态 / status of the joint action
	Status registry.JointActionStatus `json:"status"`
	// 参与组织（最多 100 个，至少两个不同组织，至少一个 lead）；整体替换 / the organisations taking part (at most 100; at least two distinct ones, at least one lead); replaces the list
	Participants []registry.JointActionParticipant `json:"participants" maxItems:"100"`
	// 成果（最多 50 项）；null 清除此值 / the results (at most 50); null clears it
	Outcomes []registry.OutcomeInput `json:"outcomes" maxItems:"50" extensions:"x-nullable"`
	// 中文摘要，最多 10000 个字符；null 清除此值 / summary in Chinese, at most 10,000 characters; null clears it
	SummaryZh *string `json:"summary_zh" maxLength:"10000" example:"推动文化合作与艺术交流。" extensions:"x-nullable"`
	// 英文摘要，最多 10000 个字符；null 清除此值 / summary in English, at most 10,000 characters; null clears it
	SummaryEn *string `json:"summary_en" maxLength:"10000" extensions:"x-nullable" example:"Furthering cultural cooperation and artistic exchange."`
} // @name JointActionPatch

// organizationPatch documents the body of PATCH /v1/organizations/{id}.
type organizationPatch struct {
	// 组织代码，2–64 个小写字母、数字或连字符，唯一 / organisation code, 2–64 characters of a–z, 0–9 and -, unique
	Code string `json:"code" example:"pengzhou-cppcc"`
	// 组织类别 / kind of organisation
	Kind registry.OrganizationKind `json:"kind"`
	// 中文名称，1–200 个字符 / name in Chinese, 1–200 characters
	NameZh string `json:"name_zh" example:"中国人民政治协商会议彭州市委员会" maxLength:"200"`
	// 英文名称，1–200 个字符；null 清除此值 / name in English, 1–200 characters; null clears it
	NameEn *string `json:"name_en" example:"Pengzhou City Committee of the CPPCC" maxLength:"200" extensions:"x-nullable"`
	// 中文简称，1–50 个字符；null 清除此值 / short name in Chinese, 1–50 characters; null clears it
	ShortNameZh *string `json:"short_name_zh" example:"彭州市政协" maxLength:"50" extensions:"x-nullable"`
	// 英文简称，1–50 个字符；null 清除此值 / short name in English, 1–50 characters; null clears it
	ShortNameEn *string `json:"short_name_en" example:"Pengzhou CPPCC" maxLength:"50" extensions:"x-nullable"`
	// 所在行政区划的六位 GB/T 2260 代码（须已存在）；null 清除此值 / six-digit GB/T 2260 code of its region (must exist); null clears it
	RegionCode *string `json:"region_code" example:"510182" extensions:"x-nullable"`
	// 上级组织，UUID 或组织代码；null 清除此值 / parent organisation, by UUID or code; null clears it
	ParentID *string `json:"parent_id" example:"changshou-cppcc" extensions:"x-nullable"`
} // @name OrganizationPatch

// areaPatch documents the body of PATCH /v1/cooperation-areas/{code}.
type areaPatch struct {
	// 领域代码；不可修改，只能省略或发送原值 / area code; immutable: leave it out or send its current value
	Code string `json:"code" example:"rural-revitalisation"`
	// 中文名称，1–200 个字符 / name in Chinese, 1–200 characters
	NameZh string `json:"name_zh" example:"乡村振兴"`
	// 英文名称，1–200 个字符；null 清除此值 / name in English, 1–200 characters; null clears it
	NameEn *string `json:"name_en" example:"Rural revitalisation" extensions:"x-nullable"`
	// 上级领域代码（须已存在）；null 清除此值 / code of the parent area (must exist); null clears it
	ParentCode *string `json:"parent_code" extensions:"x-nullable" example:"industry"`
} // @name CooperationAreaPatch
