package registry

// Every closed set of values the registry knows is declared here, once:
// a named string type and one constant a value, whose trailing comment
// gives its Chinese and English labels ("中文 | English"). enumgen
// (go generate) turns these declarations into the tables of
// enums_gen.go that validation, query parameters, exports and labels read,
// and swag reads the same constants for the Swagger enums. A migration's
// CHECK constraint must list the same values (TestEnumsMatchMigrations).
// Adding a value: the migration and one line below, then `make generate`.

//go:generate go run ./enumgen

// AgreementType is the kind of instrument an agreement is.
type AgreementType string

// The agreement types.
const (
	TypeFramework   AgreementType = "framework"   // 框架协议 | Framework agreement
	TypeFriendship  AgreementType = "friendship"  // 友好协议 | Friendship agreement
	TypeCooperation AgreementType = "cooperation" // 合作协议 | Cooperation agreement
	TypeMemorandum  AgreementType = "memorandum"  // 合作备忘录 | Memorandum
)

// AgreementStatus is where an agreement stands in its lifecycle.
type AgreementStatus string

// The agreement statuses, in lifecycle order.
const (
	StatusDraft      AgreementStatus = "draft"      // 草拟 | Draft
	StatusSigned     AgreementStatus = "signed"     // 已签署 | Signed
	StatusInForce    AgreementStatus = "in_force"   // 生效 | In force
	StatusSuspended  AgreementStatus = "suspended"  // 中止 | Suspended
	StatusExpired    AgreementStatus = "expired"    // 期满 | Expired
	StatusTerminated AgreementStatus = "terminated" // 终止 | Terminated
)

// PartyRole is an organisation's part in an agreement.
type PartyRole string

// The party roles.
const (
	PartySignatory   PartyRole = "signatory"   // 签署方 | Signatory
	PartyWitness     PartyRole = "witness"     // 见证方 | Witness
	PartyCoordinator PartyRole = "coordinator" // 协调方 | Coordinator
)

// MechanismKind is the kind of working arrangement an agreement sets up.
type MechanismKind string

// The mechanism kinds.
const (
	MechanismJointMeeting         MechanismKind = "joint_meeting"         // 联席会议 | Joint meeting
	MechanismLiaison              MechanismKind = "liaison"               // 联络机制 | Liaison
	MechanismConsultationPlatform MechanismKind = "consultation_platform" // 协商平台 | Consultation platform
	MechanismInformationExchange  MechanismKind = "information_exchange"  // 信息互通 | Information exchange
	MechanismJointResearch        MechanismKind = "joint_research"        // 联合调研 | Joint research
	MechanismJointProposal        MechanismKind = "joint_proposal"        // 联合提案 | Joint proposal
	MechanismOther                MechanismKind = "other"                 // 其他 | Other
)

// DocumentKind is the kind of a published text an agreement refers to.
type DocumentKind string

// The document kinds.
const (
	DocumentFullText     DocumentKind = "full_text"    // 全文 | Full text
	DocumentAnnouncement DocumentKind = "announcement" // 公告 | Announcement
	DocumentReport       DocumentKind = "report"       // 报道 | Report
	DocumentPhoto        DocumentKind = "photo"        // 照片 | Photo
	DocumentOther        DocumentKind = "other"        // 其他 | Other
)

// ConsultationFormat is how a joint consultation was held.
type ConsultationFormat string

// The consultation formats.
const (
	FormatMeeting    ConsultationFormat = "meeting"     // 会议协商 | Meeting
	FormatSeminar    ConsultationFormat = "seminar"     // 座谈研讨 | Seminar
	FormatFieldVisit ConsultationFormat = "field_visit" // 实地考察 | Field visit
	FormatOnline     ConsultationFormat = "online"      // 网络协商 | Online
	FormatGrassroots ConsultationFormat = "grassroots"  // 基层协商 | Grassroots
)

// ConsultationStatus is where a joint consultation stands.
type ConsultationStatus string

// The consultation statuses.
const (
	ConsultationPlanned   ConsultationStatus = "planned"   // 计划中 | Planned
	StatusHeld            ConsultationStatus = "held"      // 已举行 | Held
	ConsultationCancelled ConsultationStatus = "cancelled" // 已取消 | Cancelled
)

// ConsultationRole is an organisation's part in a joint consultation.
type ConsultationRole string

// The consultation roles.
const (
	RoleHost        ConsultationRole = "host"        // 主办方 | Host
	RoleCoHost      ConsultationRole = "co_host"     // 协办方 | Co-host
	RoleParticipant ConsultationRole = "participant" // 参与方 | Participant
)

// JointActionKind is the kind of a joint duty action.
type JointActionKind string

// The joint action kinds.
const (
	KindInspection  JointActionKind = "inspection"  // 视察 | Inspection
	KindResearch    JointActionKind = "research"    // 调研 | Research
	KindProposal    JointActionKind = "proposal"    // 提案 | Proposal
	KindSupervision JointActionKind = "supervision" // 民主监督 | Supervision
	KindExhibition  JointActionKind = "exhibition"  // 展览 | Exhibition
	KindPublicity   JointActionKind = "publicity"   // 宣传 | Publicity
	KindOtherAction JointActionKind = "other"       // 其他 | Other
)

// JointActionStatus is where a joint duty action stands.
type JointActionStatus string

// The joint action statuses.
const (
	ActionPlanned   JointActionStatus = "planned"   // 计划中 | Planned
	ActionOngoing   JointActionStatus = "ongoing"   // 进行中 | Ongoing
	ActionCompleted JointActionStatus = "completed" // 已完成 | Completed
	ActionCancelled JointActionStatus = "cancelled" // 已取消 | Cancelled
)

// JointActionRole is an organisation's part in a joint duty action.
type JointActionRole string

// The joint action roles.
const (
	RoleLead      JointActionRole = "lead"      // 牵头方 | Lead
	RolePartner   JointActionRole = "partner"   // 合作方 | Partner
	RoleSupporter JointActionRole = "supporter" // 支持方 | Supporter
)

// OutcomeKind is the kind of result a consultation or joint action records.
type OutcomeKind string

// The outcome kinds.
const (
	OutcomeOpinion             OutcomeKind = "opinion"               // 意见建议 | Opinions
	OutcomeProposal            OutcomeKind = "proposal"              // 提案 | Proposals
	OutcomePublicOpinionReport OutcomeKind = "public_opinion_report" // 社情民意信息 | Public opinion reports
	OutcomeProblemSolved       OutcomeKind = "problem_solved"        // 解决问题 | Problems solved
	OutcomeOther               OutcomeKind = "other"                 // 其他 | Other
)

// OrganizationKind is the kind of body an organisation is.
type OrganizationKind string

// The organisation kinds.
const (
	KindCPPCC      OrganizationKind = "cppcc_committee"                 // 政协委员会 | CPPCC committee
	KindParty      OrganizationKind = "democratic_party"                // 民主党派 | Democratic party
	KindFederation OrganizationKind = "federation_of_industry_commerce" // 工商联 | Federation of industry and commerce
	KindNonParty   OrganizationKind = "non_party_intellectuals"         // 无党派人士 | Non-party intellectuals
	KindGovernment OrganizationKind = "government"                      // 政府部门 | Government
	KindOtherOrg   OrganizationKind = "other"                           // 其他 | Other
)

// Role is what an API key or a user may do.
type Role string

// The roles.
const (
	RoleAdmin     Role = "admin"     // 管理员 | Administrator
	RoleRegistrar Role = "registrar" // 联络员 | Registrar
	RoleReader    Role = "reader"    // 查阅者 | Reader
)

// RegionLevel is the level of an administrative division.
type RegionLevel string

// The region levels of GB/T 2260.
const (
	LevelProvince   RegionLevel = "province"   // 省级 | Province
	LevelPrefecture RegionLevel = "prefecture" // 地级 | Prefecture
	LevelCounty     RegionLevel = "county"     // 县级 | County
)

// AuditAction is what a write did.
type AuditAction string

// The audit actions.
const (
	ActionCreate        AuditAction = "create"         // 创建 | Created
	ActionUpdate        AuditAction = "update"         // 修改 | Updated
	ActionArchive       AuditAction = "archive"        // 归档 | Archived
	ActionDisable       AuditAction = "disable"        // 停用 | Disabled
	ActionResetPassword AuditAction = "reset_password" // 重置密码 | Password reset
	ActionRevoke        AuditAction = "revoke"         // 吊销 | Revoked
)

// AuditEntity is the kind of record a write changed.
type AuditEntity string

// The audited entities.
const (
	EntityAgreement       AuditEntity = "agreement"        // 合作协议 | Agreement
	EntityConsultation    AuditEntity = "consultation"     // 联合协商 | Joint consultation
	EntityJointAction     AuditEntity = "joint_action"     // 联合履职 | Joint duty action
	EntityOrganization    AuditEntity = "organization"     // 组织 | Organisation
	EntityCooperationArea AuditEntity = "cooperation_area" // 合作领域 | Cooperation area
	EntityMilestone       AuditEntity = "milestone"        // 里程碑 | Milestone
	EntityFile            AuditEntity = "file"             // 文件 | File
	EntityUser            AuditEntity = "user"             // 用户账号 | User account
	EntityAPIKey          AuditEntity = "api_key"          // 接口密钥 | API key
)

// RelationKind is how an agreement relates to another it links to.
type RelationKind string

// The relation kinds.
const (
	RelationAmends      RelationKind = "amends"      // 修订 | Amends
	RelationSupplements RelationKind = "supplements" // 补充 | Supplements
	RelationRenews      RelationKind = "renews"      // 续签 | Renews
	RelationSupersedes  RelationKind = "supersedes"  // 取代 | Supersedes
	RelationImplements  RelationKind = "implements"  // 落实 | Implements
)

// MilestoneStatus is where a follow-up milestone stands.
type MilestoneStatus string

// The milestone statuses.
const (
	MilestoneOpen      MilestoneStatus = "open"      // 未完成 | Open
	MilestoneDone      MilestoneStatus = "done"      // 已完成 | Done
	MilestoneCancelled MilestoneStatus = "cancelled" // 已取消 | Cancelled
)

// LinkType is the kind of activity a milestone links to.
type LinkType string

// The activities a milestone may link to.
const (
	LinkConsultation LinkType = "consultation" // 联合协商 | Joint consultation
	LinkJointAction  LinkType = "joint_action" // 联合履职 | Joint duty action
)

// FileRecordType is the kind of record a file belongs to.
type FileRecordType string

// The records that hold files.
const (
	FileOnAgreement    FileRecordType = "agreement"    // 合作协议 | Agreement
	FileOnConsultation FileRecordType = "consultation" // 联合协商 | Joint consultation
	FileOnJointAction  FileRecordType = "joint_action" // 联合履职 | Joint duty action
)

// FileKind is what a file holds.
type FileKind string

// The file kinds.
const (
	FileFullText FileKind = "full_text" // 协议文本 | Full text
	FileMinutes  FileKind = "minutes"   // 会议纪要 | Minutes
	FilePhoto    FileKind = "photo"     // 照片 | Photo
	FileReport   FileKind = "report"    // 报告 | Report
	FileOther    FileKind = "other"     // 其他 | Other
)

// TimelineKind is the kind of an event of an agreement's timeline
// (computed when read, never stored).
type TimelineKind string

// The timeline event kinds.
const (
	TimelineSigned        TimelineKind = "signed"         // 签署 | Signed
	TimelinePartySigned   TimelineKind = "party_signed"   // 一方签署 | Party signed
	TimelineStatusChanged TimelineKind = "status_changed" // 状态变更 | Status changed
	TimelineRelated       TimelineKind = "related"        // 关联协议 | Related agreement
	TimelineConsultation  TimelineKind = "consultation"   // 联合协商 | Joint consultation
	TimelineJointAction   TimelineKind = "joint_action"   // 联合履职 | Joint duty action
	TimelineMilestoneDue  TimelineKind = "milestone_due"  // 里程碑到期 | Milestone due
	TimelineMilestoneDone TimelineKind = "milestone_done" // 里程碑完成 | Milestone done
	TimelineFileAdded     TimelineKind = "file_added"     // 添加文件 | File added
)
