package registry

// The inputs of the registry's writes: what a person or a program may set
// on a record. Each carries its field rules as validator tags (checked by
// the Service, whoever calls it) and the Swagger description of the request
// bodies. Read-only fields (id, version, timestamps) have no place here.

// AgreementInput is the writable part of an agreement.
type AgreementInput struct {
	ID            string           `json:"-"` // a preset id, for the demo loader only
	RefNo         *string          `json:"ref_no" validate:"omitnil,notblank,max=64" maxLength:"64" example:"CS-PZ-2023-01" extensions:"x-nullable"`
	TitleZh       string           `json:"title_zh" validate:"required,max=200" maxLength:"200" example:"重庆市长寿区政协 四川省彭州市政协 友好政协交流合作框架协议"`
	TitleEn       *string          `json:"title_en" validate:"omitnil,notblank,max=200" maxLength:"200" example:"Framework agreement on friendly exchange and cooperation" extensions:"x-nullable"`
	Type          AgreementType    `json:"type" validate:"required,enum"`
	Status        AgreementStatus  `json:"status" validate:"omitempty,enum" default:"draft"`
	SignedOn      *string          `json:"signed_on" validate:"omitnil,partialdate" example:"2023-05-18" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	SignedPlace   *string          `json:"signed_place" validate:"omitnil,notblank,max=200" maxLength:"200" example:"彭州市" extensions:"x-nullable"`
	EffectiveFrom *string          `json:"effective_from" validate:"omitnil,partialdate" example:"2023-05" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	EffectiveTo   *string          `json:"effective_to" validate:"omitnil,partialdate" example:"2025" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	SummaryZh     *string          `json:"summary_zh" validate:"omitnil,notblank,max=10000" maxLength:"10000" extensions:"x-nullable"`
	SummaryEn     *string          `json:"summary_en" validate:"omitnil,notblank,max=10000" maxLength:"10000" extensions:"x-nullable"`
	AreasDeclared *int             `json:"areas_declared" validate:"omitnil,min=0,max=100" minimum:"0" maximum:"100" example:"6" extensions:"x-nullable"`
	Parties       []PartyInput     `json:"parties" validate:"required,max=50,dive" maxItems:"50"`
	Areas         []AreaRefInput   `json:"areas" validate:"max=50,dive" maxItems:"50" extensions:"x-nullable"`
	Mechanisms    []MechanismInput `json:"mechanisms" validate:"max=20,dive" maxItems:"20" extensions:"x-nullable"`
	Documents     []DocumentInput  `json:"documents" validate:"max=50,dive" maxItems:"50" extensions:"x-nullable"`
	Relations     []RelationInput  `json:"relations" validate:"max=50,dive" maxItems:"50" extensions:"x-nullable"`
} // @name AgreementRequest

// PartyInput is an organisation's part in an agreement; the organisation
// may be named by UUID or code.
type PartyInput struct {
	OrganizationID string    `json:"organization_id" validate:"required,orgref" example:"changshou-cppcc"`
	Role           PartyRole `json:"role" validate:"required,enum"`
	SignatoryName  *string   `json:"signatory_name" validate:"omitnil,notblank,max=200" maxLength:"200" extensions:"x-nullable"`
	SignatoryTitle *string   `json:"signatory_title" validate:"omitnil,notblank,max=200" maxLength:"200" extensions:"x-nullable"`
	SignedOn       *string   `json:"signed_on" validate:"omitnil,partialdate" example:"2023-05-18" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
} // @name PartyRequest

// AreaRefInput is a cooperation area as the agreement words it.
type AreaRefInput struct {
	AreaCode    *string `json:"area_code" validate:"omitnil,code" example:"culture-tourism" extensions:"x-nullable"`
	LabelZh     string  `json:"label_zh" validate:"required,max=200" maxLength:"200" example:"文旅交流"`
	LabelEn     *string `json:"label_en" validate:"omitnil,notblank,max=200" maxLength:"200" extensions:"x-nullable"`
	Description *string `json:"description" validate:"omitnil,notblank,max=10000" maxLength:"10000" extensions:"x-nullable"`
} // @name AgreementAreaRequest

// MechanismInput is a working arrangement the agreement sets up.
type MechanismInput struct {
	Kind        MechanismKind `json:"kind" validate:"required,enum"`
	Description *string       `json:"description" validate:"omitnil,notblank,max=10000" maxLength:"10000" extensions:"x-nullable"`
} // @name MechanismRequest

// DocumentInput refers to a published text; the URL is never fetched.
type DocumentInput struct {
	Title    string        `json:"title" validate:"required,max=200" maxLength:"200"`
	URL      string        `json:"url" validate:"required,max=2048,weburl" maxLength:"2048" example:"https://example.org/agreement.pdf"`
	Language *string       `json:"language" validate:"omitnil,langtag,max=35" example:"zh" extensions:"x-nullable"`
	Kind     *DocumentKind `json:"kind" validate:"omitnil,enum" extensions:"x-nullable" swaggertype:"string" enums:"full_text,announcement,report,photo,other"`
} // @name DocumentRequest

// ConsultationInput is the writable part of a joint consultation.
type ConsultationInput struct {
	ID           string                    `json:"-"` // a preset id, for the demo loader only
	TitleZh      string                    `json:"title_zh" validate:"required,max=200" maxLength:"200" example:"长寿区政协联合渝北、邻水开展森林防灭火联合协商"`
	TitleEn      *string                   `json:"title_en" validate:"omitnil,notblank,max=200" maxLength:"200" example:"Joint consultation on forest fire prevention" extensions:"x-nullable"`
	TopicZh      *string                   `json:"topic_zh" validate:"omitnil,notblank,max=500" maxLength:"500" example:"森林防灭火" extensions:"x-nullable"`
	TopicEn      *string                   `json:"topic_en" validate:"omitnil,notblank,max=500" maxLength:"500" example:"Forest fire prevention" extensions:"x-nullable"`
	Format       *ConsultationFormat       `json:"format" validate:"omitnil,enum" extensions:"x-nullable" swaggertype:"string" enums:"meeting,seminar,field_visit,online,grassroots"`
	HeldOn       *string                   `json:"held_on" validate:"omitnil,partialdate" example:"2023" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	Location     *string                   `json:"location" validate:"omitnil,notblank,max=200" maxLength:"200" example:"重庆市长寿区" extensions:"x-nullable"`
	AgreementID  *string                   `json:"agreement_id" validate:"omitnil,notblank,max=64" format:"uuid" extensions:"x-nullable"`
	AreaCode     *string                   `json:"area_code" validate:"omitnil,code" example:"forest-fire-prevention" extensions:"x-nullable"`
	Status       ConsultationStatus        `json:"status" validate:"omitempty,enum" default:"planned"`
	Participants []ConsultationParticipant `json:"participants" validate:"required,max=100,dive" maxItems:"100"`
	Outcomes     []OutcomeInput            `json:"outcomes" validate:"max=50,dive" maxItems:"50" extensions:"x-nullable"`
	SummaryZh    *string                   `json:"summary_zh" validate:"omitnil,notblank,max=10000" maxLength:"10000" example:"共同筑牢森林防灭火安全防线。" extensions:"x-nullable"`
	SummaryEn    *string                   `json:"summary_en" validate:"omitnil,notblank,max=10000" maxLength:"10000" extensions:"x-nullable"`
} // @name ConsultationRequest

// ConsultationParticipant is an organisation's part in a consultation
// input; the organisation may be named by UUID or code.
type ConsultationParticipant struct {
	OrganizationID string           `json:"organization_id" validate:"required,orgref" example:"changshou-cppcc"`
	Role           ConsultationRole `json:"role" validate:"required,enum"`
} // @name ConsultationParticipantRequest

// JointActionInput is the writable part of a joint duty action.
type JointActionInput struct {
	ID           string                   `json:"-"` // a preset id, for the demo loader only
	TitleZh      string                   `json:"title_zh" validate:"required,max=200" maxLength:"200" example:"“丹青润川渝 翰墨润寿乡”川渝地区书画联展"`
	TitleEn      *string                  `json:"title_en" validate:"omitnil,notblank,max=200" maxLength:"200" example:"Sichuan–Chongqing calligraphy and painting exhibition" extensions:"x-nullable"`
	ThemeZh      *string                  `json:"theme_zh" validate:"omitnil,notblank,max=500" maxLength:"500" example:"丹青润川渝 翰墨润寿乡" extensions:"x-nullable"`
	ThemeEn      *string                  `json:"theme_en" validate:"omitnil,notblank,max=500" maxLength:"500" extensions:"x-nullable"`
	Kind         *JointActionKind         `json:"kind" validate:"omitnil,enum" extensions:"x-nullable" swaggertype:"string" enums:"inspection,research,proposal,supervision,exhibition,publicity,other"`
	StartedOn    *string                  `json:"started_on" validate:"omitnil,partialdate" example:"2023" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	EndedOn      *string                  `json:"ended_on" validate:"omitnil,partialdate" example:"2023-12" pattern:"^\\d{4}(-\\d{2}(-\\d{2})?)?$" extensions:"x-nullable"`
	Location     *string                  `json:"location" validate:"omitnil,notblank,max=200" maxLength:"200" example:"重庆市长寿区" extensions:"x-nullable"`
	AgreementID  *string                  `json:"agreement_id" validate:"omitnil,notblank,max=64" format:"uuid" extensions:"x-nullable"`
	AreaCode     *string                  `json:"area_code" validate:"omitnil,code" example:"culture-tourism" extensions:"x-nullable"`
	Status       JointActionStatus        `json:"status" validate:"omitempty,enum" default:"planned"`
	Participants []JointActionParticipant `json:"participants" validate:"required,max=100,dive" maxItems:"100"`
	Outcomes     []OutcomeInput           `json:"outcomes" validate:"max=50,dive" maxItems:"50" extensions:"x-nullable"`
	SummaryZh    *string                  `json:"summary_zh" validate:"omitnil,notblank,max=10000" maxLength:"10000" example:"推动文化合作与艺术交流。" extensions:"x-nullable"`
	SummaryEn    *string                  `json:"summary_en" validate:"omitnil,notblank,max=10000" maxLength:"10000" extensions:"x-nullable"`
} // @name JointActionRequest

// JointActionParticipant is an organisation's part in a joint action
// input; the organisation may be named by UUID or code.
type JointActionParticipant struct {
	OrganizationID string          `json:"organization_id" validate:"required,orgref" example:"changshou-cppcc"`
	Role           JointActionRole `json:"role" validate:"required,enum"`
} // @name JointActionParticipantRequest

// OutcomeInput is a result of a consultation or joint action.
type OutcomeInput struct {
	Kind          OutcomeKind `json:"kind" validate:"required,enum"`
	Count         *int64      `json:"count" validate:"omitnil,min=0,max=1000000000" minimum:"0" maximum:"1000000000" example:"95" extensions:"x-nullable"`
	Approximate   bool        `json:"approximate" example:"false"`
	DescriptionZh *string     `json:"description_zh" validate:"omitnil,notblank,max=10000" maxLength:"10000" example:"形成协商意见95条" extensions:"x-nullable"`
	DescriptionEn *string     `json:"description_en" validate:"omitnil,notblank,max=10000" maxLength:"10000" example:"95 consultation opinions" extensions:"x-nullable"`
} // @name OutcomeRequest

// OrganizationInput is the writable part of an organisation. ParentID may
// hold a UUID or a code.
type OrganizationInput struct {
	ID          string           `json:"-"` // a preset id, for the demo loader only
	Code        string           `json:"code" validate:"required,code" example:"pengzhou-cppcc"`
	Kind        OrganizationKind `json:"kind" validate:"required,enum"`
	NameZh      string           `json:"name_zh" validate:"required,max=200" example:"中国人民政治协商会议彭州市委员会" maxLength:"200"`
	NameEn      *string          `json:"name_en" validate:"omitnil,notblank,max=200" example:"Pengzhou City Committee of the CPPCC" maxLength:"200" extensions:"x-nullable"`
	ShortNameZh *string          `json:"short_name_zh" validate:"omitnil,notblank,max=50" example:"彭州市政协" maxLength:"50" extensions:"x-nullable"`
	ShortNameEn *string          `json:"short_name_en" validate:"omitnil,notblank,max=50" example:"Pengzhou CPPCC" maxLength:"50" extensions:"x-nullable"`
	RegionCode  *string          `json:"region_code" validate:"omitnil,region" example:"510182" extensions:"x-nullable"`
	ParentID    *string          `json:"parent_id" validate:"omitnil,orgref" example:"changshou-cppcc" extensions:"x-nullable"`
} // @name OrganizationRequest

// AreaInput is the writable part of a cooperation area.
type AreaInput struct {
	Code       string  `json:"code" validate:"required,code" example:"rural-revitalisation"`
	NameZh     string  `json:"name_zh" validate:"required,max=200" example:"乡村振兴"`
	NameEn     *string `json:"name_en" validate:"omitnil,notblank,max=200" example:"Rural revitalisation" extensions:"x-nullable"`
	ParentCode *string `json:"parent_code" validate:"omitnil,code" extensions:"x-nullable"`
} // @name CooperationAreaRequest
