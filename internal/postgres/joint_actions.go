package postgres

import (
	"context"
	"time"

	"github.com/chengyu-collab/registry/internal/registry"
)

type jointAction = registry.JointAction

// jointActionTable is the column table of joint actions.
var jointActionTable = &table[jointAction]{name: "joint_actions", alias: "x", columns: []column[jointAction]{
	key(func(j *jointAction) *string { return &j.ID }),
	text("title_zh", func(j *jointAction) *string { return &j.TitleZh }),
	optText("title_en", func(j *jointAction) **string { return &j.TitleEn }),
	optText("theme_zh", func(j *jointAction) **string { return &j.ThemeZh }),
	optText("theme_en", func(j *jointAction) **string { return &j.ThemeEn }),
	optText("kind", func(j *jointAction) **registry.JointActionKind { return &j.Kind }),
	partialDate("started_on", func(j *jointAction) **registry.Date { return &j.StartedOn }),
	partialDate("ended_on", func(j *jointAction) **registry.Date { return &j.EndedOn }),
	optText("location", func(j *jointAction) **string { return &j.Location }),
	optText("agreement_id", func(j *jointAction) **string { return &j.AgreementID }),
	optText("area_code", func(j *jointAction) **string { return &j.AreaCode }),
	text("status", func(j *jointAction) *registry.JointActionStatus { return &j.Status }),
	optText("summary_zh", func(j *jointAction) **string { return &j.SummaryZh }),
	optText("summary_en", func(j *jointAction) **string { return &j.SummaryEn }),
	stamps(func(j *jointAction) *int { return &j.Version }, func(j *jointAction) *time.Time { return &j.CreatedAt },
		func(j *jointAction) *time.Time { return &j.UpdatedAt }, func(j *jointAction) **time.Time { return &j.ArchivedAt }),
}}

// jointActionKind describes joint actions to the code they share with
// consultations.
var jointActionKind = newActivityKind(jointActionTable, registry.EntityJointAction,
	"joint_action_participants", "joint_action_outcomes", "joint_action_id", "kind",
	func(j *jointAction) activityParts {
		return activityParts{id: &j.ID, participants: j.Participants, outcomes: j.Outcomes, mainDate: j.StartedOn,
			childParticipants: &j.Participants, childOutcomes: &j.Outcomes}
	})

// GetJointAction returns a joint action (archived ones included) by id.
func (s *Store) GetJointAction(ctx context.Context, id string) (jointAction, error) {
	return getActivity(ctx, s, jointActionKind, id)
}

// LockJointAction reads a joint action under a row lock, in the
// transaction of ctx.
func (s *Store) LockJointAction(ctx context.Context, id string) (jointAction, error) {
	return lockActivity(ctx, s, jointActionKind, id)
}

// InsertJointAction stores a new joint action with its participants and
// outcomes and returns it as stored.
func (s *Store) InsertJointAction(ctx context.Context, j jointAction) (jointAction, error) {
	return insertActivity(ctx, s, jointActionKind, j)
}

// ReplaceJointAction replaces a joint action and its child rows and
// returns it as stored.
func (s *Store) ReplaceJointAction(ctx context.Context, j jointAction) (jointAction, error) {
	return replaceActivity(ctx, s, jointActionKind, j)
}

// ArchiveJointAction archives a joint action.
func (s *Store) ArchiveJointAction(ctx context.Context, id string) (jointAction, error) {
	return archiveActivity(ctx, s, jointActionKind, id)
}

// ListJointActions lists joint actions newest first by their start (undated
// last, ties by id descending) with keyset pagination.
func (s *Store) ListJointActions(ctx context.Context, f registry.ActivityFilter) (registry.Page[jointAction], error) {
	return listActivities(ctx, s, jointActionKind, f)
}
