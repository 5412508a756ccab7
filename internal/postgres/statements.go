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
	return jointActionKind.listQuery(f, partyID)
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
