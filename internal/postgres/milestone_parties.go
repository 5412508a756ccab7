package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"slices"

	"github.com/lib/pq"
)

// milestone_parties (migration 0017) holds, for every milestone, a row per
// party of its agreement with what the party filters of /v1/milestones
// read, so that a party's page is one range of
// milestone_parties_order_idx. The store keeps it exact: every milestone
// of an agreement has a row for exactly the agreement's parties, written
// in the transaction that changes either.

// insertMilestonePartiesSQL writes the rows of the milestones it is
// followed by a condition on (m, the milestone; p, a party of its
// agreement), or of every milestone when it is not.
const insertMilestonePartiesSQL = `INSERT INTO milestone_parties (milestone_id, organization_id, sort_on, due_on_last, status, archived)
SELECT m.id, p.organization_id, m.sort_on, m.due_on_last, m.status, m.archived_at IS NOT NULL
FROM milestones m JOIN agreement_parties p ON p.agreement_id = m.agreement_id`

// RebuildMilestonePartiesSQL recomputes milestone_parties from the
// milestones and the agreements' parties. Writes through the store keep it
// current; this is for data loaded around it, such as the benchmark's
// COPY loader.
const RebuildMilestonePartiesSQL = `DELETE FROM milestone_parties;
` + insertMilestonePartiesSQL

// lockMilestoneAgreement takes a share lock on the agreement of milestone
// id (or, for a milestone not yet stored, on agreement agreementID) before
// a milestone write reads or writes anything that depends on the
// agreement's parties or archive: its party rows and its statistics. An
// agreement write changing either then finished before (and is read here)
// or waits for this transaction (and then sees this milestone when it
// adjusts them).
func lockMilestoneAgreement(ctx context.Context, tx *sql.Tx, id, agreementID string) error {
	const lock = `SELECT 1 FROM agreements a
		WHERE a.id = coalesce((SELECT m.agreement_id FROM milestones m WHERE m.id = $1), $2::uuid) FOR SHARE`
	if _, err := tx.ExecContext(ctx, lock, id, sql.NullString{String: agreementID, Valid: agreementID != ""}); err != nil {
		return mapError(fmt.Errorf("lock the milestone's agreement: %w", err))
	}
	return nil
}

// writeMilestoneParties rewrites the party rows of milestone id from the
// milestone as stored in tx, which holds lockMilestoneAgreement.
func writeMilestoneParties(ctx context.Context, tx *sql.Tx, id string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM milestone_parties WHERE milestone_id = $1`, id); err != nil {
		return mapError(fmt.Errorf("replace milestone parties: %w", err))
	}
	if _, err := tx.ExecContext(ctx, insertMilestonePartiesSQL+` WHERE m.id = $1`, id); err != nil {
		return mapError(fmt.Errorf("write milestone parties: %w", err))
	}
	return nil
}

// syncMilestoneParties adjusts the party rows of agreement id's milestones
// after its parties were written in tx. Every milestone of an agreement
// has rows for the same parties, so one milestone's rows tell which
// parties the rows name now, and only the differences are written. An
// agreement write calls it only when it changed the set of parties
// (partiesChange, which it reads before the write anyway).
func syncMilestoneParties(ctx context.Context, tx *sql.Tx, id string) error {
	var have, want []string
	const q = `SELECT
		array(SELECT mp.organization_id::text FROM milestone_parties mp
			WHERE mp.milestone_id = (SELECT m.id FROM milestones m WHERE m.agreement_id = $1 LIMIT 1)),
		array(SELECT p.organization_id::text FROM agreement_parties p WHERE p.agreement_id = $1),
		EXISTS (SELECT 1 FROM milestones m WHERE m.agreement_id = $1)`
	var hasMilestones bool
	if err := tx.QueryRowContext(ctx, q, id).Scan(pq.Array(&have), pq.Array(&want), &hasMilestones); err != nil {
		return mapError(fmt.Errorf("read milestone parties: %w", err))
	}
	if !hasMilestones {
		return nil
	}
	gone := missingFrom(have, want)
	added := missingFrom(want, have)
	if len(gone) > 0 {
		const del = `DELETE FROM milestone_parties
			WHERE organization_id = ANY($2::uuid[]) AND milestone_id IN (SELECT m.id FROM milestones m WHERE m.agreement_id = $1)`
		if _, err := tx.ExecContext(ctx, del, id, pq.Array(gone)); err != nil {
			return mapError(fmt.Errorf("remove milestone parties: %w", err))
		}
	}
	if len(added) > 0 {
		ins := insertMilestonePartiesSQL + ` WHERE m.agreement_id = $1 AND p.organization_id = ANY($2::uuid[])`
		if _, err := tx.ExecContext(ctx, ins, id, pq.Array(added)); err != nil {
			return mapError(fmt.Errorf("add milestone parties: %w", err))
		}
	}
	return nil
}

// missingFrom returns the elements of a that b lacks.
func missingFrom(a, b []string) []string {
	var out []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

// rebuildMilestoneParties runs RebuildMilestonePartiesSQL in a transaction
// that holds writers of the table off until it commits, and returns the
// number of rows written.
func (s *Store) rebuildMilestoneParties(ctx context.Context) (int, error) {
	var n int
	err := s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `LOCK TABLE milestone_parties IN EXCLUSIVE MODE`); err != nil {
			return mapError(fmt.Errorf("lock milestone parties: %w", err))
		}
		if _, err := tx.ExecContext(ctx, RebuildMilestonePartiesSQL); err != nil {
			return mapError(fmt.Errorf("rebuild milestone parties: %w", err))
		}
		return tx.QueryRowContext(ctx, `SELECT count(*) FROM milestone_parties`).Scan(&n)
	})
	return n, err
}
