package postgres

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/chengyu-collab/registry/internal/registry"
)

// jointActionSelect reads joint actions with their participants and
// outcomes in one statement.
var jointActionSelect = `SELECT x.id, x.title_zh, x.title_en, x.theme_zh, x.theme_en, x.kind,
	x.started_on, x.started_on_precision, x.ended_on, x.ended_on_precision, x.location, x.agreement_id, x.area_code,
	x.status, x.summary_zh, x.summary_en, x.version, x.created_at, x.updated_at, x.archived_at,
	` + activityChildren("joint_action_participants", "joint_action_outcomes", "joint_action_id") + `
	FROM joint_actions x`

const jointActionInsert = `INSERT INTO joint_actions (id, title_zh, title_en, theme_zh, theme_en, kind,
	started_on, started_on_last, started_on_precision, ended_on, ended_on_last, ended_on_precision,
	location, agreement_id, area_code, status, summary_zh, summary_en)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`

const jointActionUpdate = `UPDATE joint_actions SET title_zh = $2, title_en = $3, theme_zh = $4, theme_en = $5,
	kind = $6, started_on = $7, started_on_last = $8, started_on_precision = $9,
	ended_on = $10, ended_on_last = $11, ended_on_precision = $12, location = $13, agreement_id = $14,
	area_code = $15, status = $16, summary_zh = $17, summary_en = $18, version = version + 1, updated_at = now()
	WHERE id = $1`

// jointActionKind describes joint actions to the code they share with
// consultations.
var jointActionKind = &activityKind[registry.JointAction]{
	entity:       registry.EntityJointAction,
	table:        "joint_actions",
	participants: "joint_action_participants",
	outcomes:     "joint_action_outcomes",
	fk:           "joint_action_id",
	kindColumn:   "kind",
	selectSQL:    jointActionSelect,
	insertSQL:    jointActionInsert,
	updateSQL:    jointActionUpdate,
	scan:         scanJointAction,
	args:         jointActionArgs,
	parts: func(j *registry.JointAction) activityParts {
		return activityParts{id: &j.ID, participants: j.Participants, outcomes: j.Outcomes, agreementID: j.AgreementID,
			areaCode: j.AreaCode, mainDate: j.StartedOn, version: j.Version, archived: j.ArchivedAt != nil}
	},
	check: registry.CheckJointAction,
}

func scanJointAction(sc scanner) (registry.JointAction, error) {
	var j registry.JointAction
	var titleEn, themeZh, themeEn, kind, location, agreement, area, sumZh, sumEn sql.NullString
	var started, ended, archived sql.NullTime
	var startedP, endedP sql.NullInt16
	var participants, outcomes []byte
	err := sc.Scan(&j.ID, &j.TitleZh, &titleEn, &themeZh, &themeEn, &kind, &started, &startedP, &ended, &endedP,
		&location, &agreement, &area, &j.Status, &sumZh, &sumEn, &j.Version, &j.CreatedAt, &j.UpdatedAt, &archived,
		&participants, &outcomes)
	if err != nil {
		if notFound(err) {
			return j, registry.ErrNotFound
		}
		return j, mapError(fmt.Errorf("scan joint action: %w", err))
	}
	j.TitleEn, j.ThemeZh, j.ThemeEn, j.Kind = stringPtr(titleEn), stringPtr(themeZh), stringPtr(themeEn), stringPtr(kind)
	j.Location, j.AgreementID, j.AreaCode = stringPtr(location), stringPtr(agreement), stringPtr(area)
	j.SummaryZh, j.SummaryEn = stringPtr(sumZh), stringPtr(sumEn)
	j.StartedOn, j.EndedOn = scannedDate(started, startedP), scannedDate(ended, endedP)
	j.CreatedAt, j.UpdatedAt, j.ArchivedAt = j.CreatedAt.UTC(), j.UpdatedAt.UTC(), timePtr(archived)
	return j, decodeActivityChildren(participants, outcomes, &j.Participants, &j.Outcomes)
}

func jointActionArgs(j registry.JointAction) []any {
	sf, sl, sp := dateArgs(j.StartedOn)
	ef, el, ep := dateArgs(j.EndedOn)
	return []any{j.ID, j.TitleZh, nullString(j.TitleEn), nullString(j.ThemeZh), nullString(j.ThemeEn), nullString(j.Kind),
		sf, sl, sp, ef, el, ep, nullString(j.Location), nullString(j.AgreementID), nullString(j.AreaCode), j.Status,
		nullString(j.SummaryZh), nullString(j.SummaryEn)}
}

// CreateJointAction stores a joint action with its participants, outcomes
// and audit entry, in one transaction. Participant organisations may be
// given by code.
func (s *Store) CreateJointAction(ctx context.Context, by registry.Actor, j registry.JointAction) (registry.JointAction, error) {
	return createActivity(ctx, s, jointActionKind, by, j, jointActionKind.check)
}

// ImportJointAction stores a joint action as a source document records
// it: like CreateJointAction, but without the minimum of two
// organisations, which a source that names only the host of a joint event
// cannot meet (registry.CheckJointActionFromSource). Only the demo loader
// uses it; the API never does, and a later change through the API must
// meet every rule.
func (s *Store) ImportJointAction(ctx context.Context, by registry.Actor, j registry.JointAction) (registry.JointAction, error) {
	return createActivity(ctx, s, jointActionKind, by, j, registry.CheckJointActionFromSource)
}

// GetJointAction returns a joint action (archived ones included) by id.
func (s *Store) GetJointAction(ctx context.Context, id string) (registry.JointAction, error) {
	return getActivity(ctx, s, jointActionKind, id)
}

// UpdateJointAction changes a joint action at the expected version (0:
// any). apply receives the current record under lock and returns the new
// one, on which the rules are checked.
func (s *Store) UpdateJointAction(ctx context.Context, by registry.Actor, id string, version int,
	apply func(cur registry.JointAction) (registry.JointAction, error)) (registry.JointAction, error) {
	return updateActivity(ctx, s, jointActionKind, by, id, version, apply)
}

// ArchiveJointAction archives a joint action at the expected version.
func (s *Store) ArchiveJointAction(ctx context.Context, by registry.Actor, id string, version int) (registry.JointAction, error) {
	return archiveActivity(ctx, s, jointActionKind, by, id, version)
}

// ListJointActions lists joint actions newest first by their start (undated
// last, ties by id descending) with keyset pagination.
func (s *Store) ListJointActions(ctx context.Context, f registry.ActivityFilter) (registry.Page[registry.JointAction], error) {
	return listActivities(ctx, s, jointActionKind, f)
}
