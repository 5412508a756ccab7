package postgres

import (
	"context"
	"time"

	"github.com/chengyu-collab/registry/internal/registry"
)

type consultation = registry.Consultation

// consultationTable is the column table of consultations.
var consultationTable = &table[consultation]{name: "consultations", alias: "x", columns: []column[consultation]{
	key(func(c *consultation) *string { return &c.ID }),
	text("title_zh", func(c *consultation) *string { return &c.TitleZh }),
	optText("title_en", func(c *consultation) **string { return &c.TitleEn }),
	optText("topic_zh", func(c *consultation) **string { return &c.TopicZh }),
	optText("topic_en", func(c *consultation) **string { return &c.TopicEn }),
	optText("format", func(c *consultation) **registry.ConsultationFormat { return &c.Format }),
	partialDate("held_on", func(c *consultation) **registry.Date { return &c.HeldOn }),
	optText("location", func(c *consultation) **string { return &c.Location }),
	optText("agreement_id", func(c *consultation) **string { return &c.AgreementID }),
	optText("area_code", func(c *consultation) **string { return &c.AreaCode }),
	text("status", func(c *consultation) *registry.ConsultationStatus { return &c.Status }),
	optText("summary_zh", func(c *consultation) **string { return &c.SummaryZh }),
	optText("summary_en", func(c *consultation) **string { return &c.SummaryEn }),
	stamps(func(c *consultation) *int { return &c.Version }, func(c *consultation) *time.Time { return &c.CreatedAt },
		func(c *consultation) *time.Time { return &c.UpdatedAt }, func(c *consultation) **time.Time { return &c.ArchivedAt }),
}}

// consultationKind describes consultations to the code they share with
// joint actions.
var consultationKind = newActivityKind(consultationTable, registry.EntityConsultation,
	"consultation_participants", "consultation_outcomes", "consultation_id", "format",
	func(c *consultation) activityParts {
		return activityParts{id: &c.ID, participants: c.Participants, outcomes: c.Outcomes, mainDate: c.HeldOn,
			childParticipants: &c.Participants, childOutcomes: &c.Outcomes}
	})

// GetConsultation returns a consultation (archived ones included) by id.
func (s *Store) GetConsultation(ctx context.Context, id string) (consultation, error) {
	return getActivity(ctx, s, consultationKind, id)
}

// LockConsultation reads a consultation under a row lock, in the
// transaction of ctx.
func (s *Store) LockConsultation(ctx context.Context, id string) (consultation, error) {
	return lockActivity(ctx, s, consultationKind, id)
}

// InsertConsultation stores a new consultation with its participants and
// outcomes and returns it as stored.
func (s *Store) InsertConsultation(ctx context.Context, c consultation) (consultation, error) {
	return insertActivity(ctx, s, consultationKind, c)
}

// ReplaceConsultation replaces a consultation and its child rows and
// returns it as stored.
func (s *Store) ReplaceConsultation(ctx context.Context, c consultation) (consultation, error) {
	return replaceActivity(ctx, s, consultationKind, c)
}

// ArchiveConsultation archives a consultation.
func (s *Store) ArchiveConsultation(ctx context.Context, id string) (consultation, error) {
	return archiveActivity(ctx, s, consultationKind, id)
}

// ListConsultations lists consultations newest first by the day held
// (undated last, ties by id descending) with keyset pagination.
func (s *Store) ListConsultations(ctx context.Context, f registry.ActivityFilter) (registry.Page[consultation], error) {
	return listActivities(ctx, s, consultationKind, f)
}
