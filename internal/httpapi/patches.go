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
	RefNo         *string                   `json:"ref_no" maxLength:"64" example:"CS-PZ-2023-01" extensions:"x-nullable"`
	TitleZh       string                    `json:"title_zh" maxLength:"200" example:"重庆市长寿区政协 四川省彭州市政协 友好政协交流合作框架协议"`
	TitleEn       *string                   `json:"title_en" maxLength:"200" example:"Framework agreement on friendly exchange and cooperation" extensions:"x-nullable"`
	Type          registry.AgreementType    `json:"type"`
	Status        registry.AgreementStatus  `json:"status"`
	SignedOn      *string                   `json:"signed_on" example:"2023-05-18" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	SignedPlace   *string                   `json:"signed_place" maxLength:"200" example:"彭州市" extensions:"x-nullable"`
	EffectiveFrom *string                   `json:"effective_from" example:"2023-05" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	EffectiveTo   *string                   `json:"effective_to" example:"2025" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	SummaryZh     *string                   `json:"summary_zh" maxLength:"10000" extensions:"x-nullable"`
	SummaryEn     *string                   `json:"summary_en" maxLength:"10000" extensions:"x-nullable"`
	AreasDeclared *int                      `json:"areas_declared" minimum:"0" maximum:"100" example:"6" extensions:"x-nullable"`
	Parties       []registry.PartyInput     `json:"parties" maxItems:"50"`
	Areas         []registry.AreaRefInput   `json:"areas" maxItems:"50" extensions:"x-nullable"`
	Mechanisms    []registry.MechanismInput `json:"mechanisms" maxItems:"20" extensions:"x-nullable"`
	Documents     []registry.DocumentInput  `json:"documents" maxItems:"50" extensions:"x-nullable"`
	Relations     []registry.RelationInput  `json:"relations" maxItems:"50" extensions:"x-nullable"`
} // @name AgreementPatch

// consultationPatch documents the body of PATCH /v1/consultations/{id}.
type consultationPatch struct {
	TitleZh      string                             `json:"title_zh" maxLength:"200" example:"长寿区政协联合渝北、邻水开展森林防灭火联合协商"`
	TitleEn      *string                            `json:"title_en" maxLength:"200" example:"Joint consultation on forest fire prevention" extensions:"x-nullable"`
	TopicZh      *string                            `json:"topic_zh" maxLength:"500" example:"森林防灭火" extensions:"x-nullable"`
	TopicEn      *string                            `json:"topic_en" maxLength:"500" example:"Forest fire prevention" extensions:"x-nullable"`
	Format       *registry.ConsultationFormat       `json:"format" extensions:"x-nullable" swaggertype:"string" enums:"meeting,seminar,field_visit,online,grassroots"`
	HeldOn       *string                            `json:"held_on" example:"2023" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	Location     *string                            `json:"location" maxLength:"200" example:"重庆市长寿区" extensions:"x-nullable"`
	AgreementID  *string                            `json:"agreement_id" format:"uuid" extensions:"x-nullable"`
	AreaCode     *string                            `json:"area_code" example:"forest-fire-prevention" extensions:"x-nullable"`
	Status       registry.ConsultationStatus        `json:"status"`
	Participants []registry.ConsultationParticipant `json:"participants" maxItems:"100"`
	Outcomes     []registry.OutcomeInput            `json:"outcomes" maxItems:"50" extensions:"x-nullable"`
	SummaryZh    *string                            `json:"summary_zh" maxLength:"10000" example:"共同筑牢森林防灭火安全防线。" extensions:"x-nullable"`
	SummaryEn    *string                            `json:"summary_en" maxLength:"10000" extensions:"x-nullable"`
} // @name ConsultationPatch

// jointActionPatch documents the body of PATCH /v1/joint-actions/{id}.
type jointActionPatch struct {
	TitleZh      string                            `json:"title_zh" maxLength:"200" example:"“丹青润川渝 翰墨润寿乡”川渝地区书画联展"`
	TitleEn      *string                           `json:"title_en" maxLength:"200" example:"Sichuan–Chongqing calligraphy and painting exhibition" extensions:"x-nullable"`
	ThemeZh      *string                           `json:"theme_zh" maxLength:"500" example:"丹青润川渝 翰墨润寿乡" extensions:"x-nullable"`
	ThemeEn      *string                           `json:"theme_en" maxLength:"500" extensions:"x-nullable"`
	Kind         *registry.JointActionKind         `json:"kind" extensions:"x-nullable" swaggertype:"string" enums:"inspection,research,proposal,supervision,exhibition,publicity,other"`
	StartedOn    *string                           `json:"started_on" example:"2023" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	EndedOn      *string                           `json:"ended_on" example:"2023-12" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	Location     *string                           `json:"location" maxLength:"200" example:"重庆市长寿区" extensions:"x-nullable"`
	AgreementID  *string                           `json:"agreement_id" format:"uuid" extensions:"x-nullable"`
	AreaCode     *string                           `json:"area_code" example:"culture-tourism" extensions:"x-nullable"`
	Status       registry.JointActionStatus        `json:"status"`
	Participants []registry.JointActionParticipant `json:"participants" maxItems:"100"`
	Outcomes     []registry.OutcomeInput           `json:"outcomes" maxItems:"50" extensions:"x-nullable"`
	SummaryZh    *string                           `json:"summary_zh" maxLength:"10000" example:"推动文化合作与艺术交流。" extensions:"x-nullable"`
	SummaryEn    *string                           `json:"summary_en" maxLength:"10000" extensions:"x-nullable"`
} // @name JointActionPatch

// organizationPatch documents the body of PATCH /v1/organizations/{id}.
type organizationPatch struct {
	Code        string                    `json:"code" example:"pengzhou-cppcc"`
	Kind        registry.OrganizationKind `json:"kind"`
	NameZh      string                    `json:"name_zh" example:"中国人民政治协商会议彭州市委员会" maxLength:"200"`
	NameEn      *string                   `json:"name_en" example:"Pengzhou City Committee of the CPPCC" maxLength:"200" extensions:"x-nullable"`
	ShortNameZh *string                   `json:"short_name_zh" example:"彭州市政协" maxLength:"50" extensions:"x-nullable"`
	ShortNameEn *string                   `json:"short_name_en" example:"Pengzhou CPPCC" maxLength:"50" extensions:"x-nullable"`
	RegionCode  *string                   `json:"region_code" example:"510182" extensions:"x-nullable"`
	ParentID    *string                   `json:"parent_id" example:"changshou-cppcc" extensions:"x-nullable"`
} // @name OrganizationPatch

// areaPatch documents the body of PATCH /v1/cooperation-areas/{code}.
type areaPatch struct {
	Code       string  `json:"code" example:"rural-revitalisation"`
	NameZh     string  `json:"name_zh" example:"乡村振兴"`
	NameEn     *string `json:"name_en" example:"Rural revitalisation" extensions:"x-nullable"`
	ParentCode *string `json:"parent_code" extensions:"x-nullable"`
} // @name CooperationAreaPatch
