package postgres

import (
	"github.com/chengyu-collab/registry/internal/registry"
)

// The statements below are the ones the store runs for the endpoints the
// load benchmark measures. They are exported so that bench/ gives pgbench
// the very same SQL as its ceiling, and cannot drift from the store.

// AgreementByIDSQL reads one agreement with its child rows; $1 is the id.
func AgreementByIDSQL() string { return agreementSelect + ` WHERE a.id = $1` }

// JointActionByIDSQL reads one joint action with its child rows; $1 is the
// id.
func JointActionByIDSQL() string { return jointActionKind.selectSQL + ` WHERE x.id = $1` }

// OrganizationIDSQL resolves an organisation code to its id; $1 is the
// code.
const OrganizationIDSQL = `SELECT id FROM organizations WHERE code = $1`

// JointActionListSQL builds the statement of one page of joint actions for
// a filter whose party is already resolved to partyID.
func JointActionListSQL(f registry.ActivityFilter, partyID string) (string, []any, error) {
	return jointActionKind.listQuery(f, partyList(partyID))
}

// partyList is the party filter of one resolved party ("" for none).
func partyList(partyID string) []string {
	if partyID == "" {
		return nil
	}
	return []string{partyID}
}

// StatsSQL returns the statements of GET /v1/stats?year=… without a
// selection, run in one read-only repeatable-read transaction: the
// agreement figures (with $1 and $2 the first and last day of the year and
// $3, $4, $5 NULL) and the running sums (with $1 the year and $2 "all").
func StatsSQL() (agreements, rollup string) { return statsAgreements, statsFromRollupSQL }

// JointActionWriteSQL lists the statements of a joint-action create, in
// order: the insert of the record, of a participant, of an outcome, the
// update of the statistics ($1 the entity, $2 the id, $3 +1) and the audit
// entry; AuthenticateSQL and the idempotency statements come around them.
func JointActionWriteSQL() (record, participant, outcome, stats, audit string) {
	participant, outcome = jointActionKind.childInserts()
	return jointActionKind.insertSQL, participant, outcome, applyStatsSQL, auditInsertSQL
}

// Statement is a statement of the store together with the way the store
// sends it. It exists for the benchmark's ceiling (bench/cmd/bench), which
// runs each statement with pgbench the way the store runs it: prepared ones
// as prepared statements, the others with the extended protocol and their
// values as parameters.
type Statement struct {
	SQL string
	// Prepared: the store runs it through its statement cache, a named
	// prepared statement on each connection, planned once and reused.
	// Otherwise lib/pq sends it as an unnamed statement of the extended
	// protocol, parsed and planned for its values on every run: filtered
	// lists (Store.unprepared), statements run on a transaction directly,
	// and those run through the cache inside a transaction that no read
	// outside one has prepared (the cache only prepares outside
	// transactions, see statements.get).
	Prepared bool
}

// AreaExistsSQL checks that a cooperation area exists; $1 is its code. It
// exists for the benchmark's ceiling; TestBenchStatements checks that it
// is the text the store runs.
const AreaExistsSQL = `SELECT EXISTS (SELECT 1 FROM cooperation_areas WHERE code = $1)`

// ReadStatements returns the statements of the reads the load benchmark
// measures, the way the store runs them, for the benchmark's ceiling: a
// joint action and an agreement by id, and the resolution of a party code
// (all prepared, run outside a transaction).
func ReadStatements() (jointActionByID, agreementByID, organizationID Statement) {
	return Statement{JointActionByIDSQL(), true}, Statement{AgreementByIDSQL(), true}, Statement{OrganizationIDSQL, true}
}

// JointActionList builds the statement of one page of joint actions for a
// filter whose party is already resolved to partyID, with its arguments,
// for the benchmark's ceiling. The store runs it unprepared, so that it is
// planned for the filter's values.
func JointActionList(f registry.ActivityFilter, partyID string) (Statement, []any, error) {
	q, args, err := jointActionKind.listQuery(f, partyList(partyID))
	return Statement{SQL: q}, args, err
}

// StatsStatement returns the statement of GET /v1/stats?year=… without a
// selection, for the benchmark's ceiling: it reads every figure from the
// running sums ($1 the year, $2 the scope "all", $3 today as YYYY-MM-DD).
// It runs on its own (one statement needs no transaction to see one
// snapshot), prepared when the store opens (hotStatements).
func StatsStatement() Statement {
	return Statement{statsFromRollupSQL, true}
}

// ReadFormStatements returns the statements of GET /v1/joint-actions/{id}
// and GET /v1/agreements/{id}, which read a record's version and read form
// by id ($1), the way the store runs them (prepared), for the benchmark's
// ceiling.
func ReadFormStatements() (jointActionByID, agreementByID Statement) {
	return Statement{jointActionForms.byIDSQL(), true}, Statement{agreementForms.byIDSQL(), true}
}

// JointActionJSONList builds the statement of one page of joint actions in
// their read form (GET /v1/joint-actions) for a filter whose party is
// resolved to partyID, with its arguments, for the benchmark's ceiling:
// the statement of JointActionList reading only the read form of each row.
// The store runs it unprepared, planned for the filter's values.
func JointActionJSONList(f registry.ActivityFilter, partyIDs []string) (Statement, []any, error) {
	q, args, err := jointActionKind.listQueryOf(jointActionForms.jsonSelect, f, partyIDs)
	return Statement{SQL: q}, args, err
}

// JointActionCreate lists, in the order they run, the statements of
// POST /v1/joint-actions with an Idempotency-Key, for the benchmark's
// ceiling. Authenticate runs before the transaction; the others run in it,
// between BEGIN and COMMIT.
type JointActionCreate struct {
	Authenticate Statement // $1 the hash of the secret
	Lock         Statement // $1 holder (key id), $2 idempotency key
	Lookup       Statement // $1 holder, $2 key, $3 retention in seconds
	Organization Statement // $1 a participant's code, once per participant
	Area         Statement // $1 the area code
	Record       Statement // $1 id, then the columns of the record
	Participant  Statement // $1 id, $2 position, $3 organisation id, $4 role
	Outcome      Statement // $1 id, $2 position, $3 kind, $4 count, $5 approximate, $6, $7 descriptions
	Stats        Statement // $1 entity, $2 id, $3 +1
	LockOrgs     Statement // $1 id: the organisations it names, FOR SHARE
	LockArea     Statement // $1 id: its cooperation area, FOR SHARE, with the area's names
	ReadBack     Statement // $1 id
	ReadForm     Statement // $1 id, $2 the read form, $3 the CSV line, $4 and $5 the Excel cells (text[] literals)
	Audit        Statement // $1 key id, $2 organisation, $3 action, $4 entity, $5 entity id, $6 request id, $7 before, $8 after
	Store        Statement // $1 holder, $2 key, $3 request hash, $4 status, $5 location, $6 ETag, $7 body
}

// JointActionCreateStatements returns the statements of a joint-action
// create with an Idempotency-Key, the way the store runs them, for the
// benchmark's ceiling. Inside the transaction only the statistics update
// (prepared when the store opens) and the resolution of a party code
// (prepared once any read outside a transaction has resolved a code, as
// the benchmark's list cases do before it) run prepared.
func JointActionCreateStatements() JointActionCreate {
	record, participant, outcome, stats, audit := JointActionWriteSQL()
	return JointActionCreate{
		Authenticate: Statement{SQL: AuthenticateSQL},
		Lock:         Statement{SQL: idempotencyLockSQL},
		Lookup:       Statement{SQL: idempotencyLookupSQL},
		Organization: Statement{OrganizationIDSQL, true},
		Area:         Statement{SQL: AreaExistsSQL},
		Record:       Statement{SQL: record},
		Participant:  Statement{SQL: participant},
		Outcome:      Statement{SQL: outcome},
		Stats:        Statement{stats, true},
		LockOrgs:     Statement{SQL: jointActionForms.lockOrgs},
		LockArea:     Statement{SQL: jointActionForms.lockArea},
		ReadBack:     Statement{SQL: JointActionByIDSQL()},
		ReadForm:     Statement{SQL: jointActionForms.storeSQL()},
		Audit:        Statement{SQL: audit},
		Store:        Statement{SQL: idempotencyStoreSQL},
	}
}

// MilestoneList is the statement of one page of milestones for a filter
// whose party is already resolved to partyID, as Store.ListMilestones runs
// it (prepared for a party).
func MilestoneList(f registry.MilestoneFilter, partyID string) (Statement, []any, error) {
	return milestoneListQuery(f, partyID, "")
}

// TimelineFirstStatement is the statement of an agreement's first
// timeline page ($1 the agreement, $2 the rows to read), prepared as
// Store.ListTimeline runs it.
func TimelineFirstStatement() Statement { return Statement{timelineFirstSQL, true} }
