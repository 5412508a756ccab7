package registry

import "context"

// Store is the storage the Service needs; internal/postgres implements it
// over PostgreSQL and the service's tests over a map. It keeps records and
// answers lookups; every rule is the Service's, except those only the
// database can decide atomically (unique codes and reference numbers,
// foreign keys), which come back as ConflictError or ValidationError.
//
// Calls made with the context InTx hands to fn join that transaction;
// Lock* calls must be made inside one.
type Store interface {
	InTx(ctx context.Context, fn func(ctx context.Context) error) error
	// Audit appends the entry of a write to the transaction of ctx.
	Audit(ctx context.Context, by Actor, action AuditAction, entity AuditEntity, id string, before, after any) error

	References
	RelationGraph
	MilestoneRecords
	TimelineReads
	FileRecords
	UploadReservations
	AgreementRecords
	ActivityRecords
	ReferenceRecords
	Reads
}

// References answers the lookups that check a write's references.
type References interface {
	// ResolveOrganization turns a UUID or code into the organisation's
	// UUID, or ErrNotFound.
	ResolveOrganization(ctx context.Context, ref string) (string, error)
	AreaExists(ctx context.Context, code string) (bool, error)
	AgreementExists(ctx context.Context, id string) (bool, error)
	RegionExists(ctx context.Context, code string) (bool, error)
	// OrganizationBelow reports whether id is parent or one of its
	// ancestors; AreaBelow the same of cooperation areas.
	OrganizationBelow(ctx context.Context, parent, id string) (bool, error)
	AreaBelow(ctx context.Context, parent, code string) (bool, error)
}

// AgreementRecords keeps agreements. Insert and Replace return the record
// as stored; Replace and Archive raise the version.
type AgreementRecords interface {
	GetAgreement(ctx context.Context, id string) (Agreement, error)
	LockAgreement(ctx context.Context, id string) (Agreement, error)
	InsertAgreement(ctx context.Context, a Agreement) (Agreement, error)
	ReplaceAgreement(ctx context.Context, a Agreement) (Agreement, error)
	ArchiveAgreement(ctx context.Context, id string) (Agreement, error)
	ListAgreements(ctx context.Context, f AgreementFilter) (Page[Agreement], error)
}

// ActivityRecords keeps consultations and joint actions.
type ActivityRecords interface {
	GetConsultation(ctx context.Context, id string) (Consultation, error)
	LockConsultation(ctx context.Context, id string) (Consultation, error)
	InsertConsultation(ctx context.Context, c Consultation) (Consultation, error)
	ReplaceConsultation(ctx context.Context, c Consultation) (Consultation, error)
	ArchiveConsultation(ctx context.Context, id string) (Consultation, error)
	ListConsultations(ctx context.Context, f ActivityFilter) (Page[Consultation], error)

	GetJointAction(ctx context.Context, id string) (JointAction, error)
	LockJointAction(ctx context.Context, id string) (JointAction, error)
	InsertJointAction(ctx context.Context, j JointAction) (JointAction, error)
	ReplaceJointAction(ctx context.Context, j JointAction) (JointAction, error)
	ArchiveJointAction(ctx context.Context, id string) (JointAction, error)
	ListJointActions(ctx context.Context, f ActivityFilter) (Page[JointAction], error)
}

// ReferenceRecords keeps organisations and cooperation areas.
type ReferenceRecords interface {
	GetOrganization(ctx context.Context, ref string) (Organization, error)
	LockOrganization(ctx context.Context, ref string) (Organization, error)
	InsertOrganization(ctx context.Context, in OrganizationInput) (Organization, error)
	ReplaceOrganization(ctx context.Context, id string, in OrganizationInput) (Organization, error)
	ListOrganizations(ctx context.Context, f OrganizationFilter) (Page[Organization], error)

	GetArea(ctx context.Context, code string) (CooperationArea, error)
	LockArea(ctx context.Context, code string) (CooperationArea, error)
	InsertArea(ctx context.Context, in AreaInput) (CooperationArea, error)
	ReplaceArea(ctx context.Context, in AreaInput) (CooperationArea, error)
	ListAreas(ctx context.Context, limit int, cursor string) (Page[CooperationArea], error)
}

// Reads are the lists and figures that need no rule but access.
type Reads interface {
	ListRegions(ctx context.Context, f RegionFilter) (Page[Region], error)
	GetRegion(ctx context.Context, code string) (Region, error)
	ListAudit(ctx context.Context, f AuditFilter) (Page[AuditEntry], error)
	GetStats(ctx context.Context, f StatsFilter) (Stats, error)
}
