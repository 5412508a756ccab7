package postgres

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/chengyu-collab/registry/internal/registry"
)

// consultationSelect reads consultations with their participants and
// outcomes in one statement.
var consultationSelect = `SELECT x.id, x.title_zh, x.title_en, x.topic_zh, x.topic_en, x.format,
	x.held_on, x.held_on_precision, x.location, x.agreement_id, x.area_code, x.status, x.summary_zh, x.summary_en,
	x.version, x.created_at, x.updated_at, x.archived_at,
	` + activityChildren("consultation_participants", "consultation_outcomes", "consultation_id") + `
	FROM consultations x`

const consultationInsert = `INSERT INTO consultations (id, title_zh, title_en, topic_zh, topic_en, format,
	held_on, held_on_last, held_on_precision, location, agreement_id, area_code, status, summary_zh, summary_en)
	VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`

const consultationUpdate = `UPDATE consultations SET title_zh = $2, title_en = $3, topic_zh = $4, topic_en = $5,
	format = $6, held_on = $7, held_on_last = $8, held_on_precision = $9, location = $10, agreement_id = $11,
	area_code = $12, status = $13, summary_zh = $14, summary_en = $15, version = version + 1, updated_at = now()
	WHERE id = $1`

// consultationKind describes consultations to the code they share with
// joint actions.
var consultationKind = &activityKind[registry.Consultation]{
	entity:       registry.EntityConsultation,
	table:        "consultations",
	participants: "consultation_participants",
	outcomes:     "consultation_outcomes",
	fk:           "consultation_id",
	kindColumn:   "format",
	selectSQL:    consultationSelect,
	insertSQL:    consultationInsert,
	updateSQL:    consultationUpdate,
	scan:         scanConsultation,
	args:         consultationArgs,
	parts: func(c *registry.Consultation) activityParts {
		return activityParts{id: &c.ID, participants: c.Participants, outcomes: c.Outcomes, agreementID: c.AgreementID,
			areaCode: c.AreaCode, mainDate: c.HeldOn, version: c.Version, archived: c.ArchivedAt != nil}
	},
	check: registry.CheckConsultation,
}

func scanConsultation(sc scanner) (registry.Consultation, error) {
	var c registry.Consultation
	var titleEn, topicZh, topicEn, format, location, agreement, area, sumZh, sumEn sql.NullString
	var held, archived sql.NullTime
	var heldP sql.NullInt16
	var participants, outcomes []byte
	err := sc.Scan(&c.ID, &c.TitleZh, &titleEn, &topicZh, &topicEn, &format, &held, &heldP, &location, &agreement, &area,
		&c.Status, &sumZh, &sumEn, &c.Version, &c.CreatedAt, &c.UpdatedAt, &archived, &participants, &outcomes)
	if err != nil {
		if notFound(err) {
			return c, registry.ErrNotFound
		}
		return c, mapError(fmt.Errorf("scan consultation: %w", err))
	}
	c.TitleEn, c.TopicZh, c.TopicEn, c.Format = stringPtr(titleEn), stringPtr(topicZh), stringPtr(topicEn), stringPtr(format)
	c.Location, c.AgreementID, c.AreaCode = stringPtr(location), stringPtr(agreement), stringPtr(area)
	c.SummaryZh, c.SummaryEn = stringPtr(sumZh), stringPtr(sumEn)
	c.HeldOn = scannedDate(held, heldP)
	c.CreatedAt, c.UpdatedAt, c.ArchivedAt = c.CreatedAt.UTC(), c.UpdatedAt.UTC(), timePtr(archived)
	return c, decodeActivityChildren(participants, outcomes, &c.Participants, &c.Outcomes)
}

func consultationArgs(c registry.Consultation) []any {
	hf, hl, hp := dateArgs(c.HeldOn)
	return []any{c.ID, c.TitleZh, nullString(c.TitleEn), nullString(c.TopicZh), nullString(c.TopicEn), nullString(c.Format),
		hf, hl, hp, nullString(c.Location), nullString(c.AgreementID), nullString(c.AreaCode), c.Status,
		nullString(c.SummaryZh), nullString(c.SummaryEn)}
}

// CreateConsultation stores a consultation with its participants, outcomes
// and audit entry, in one transaction. Participant organisations may be
// given by code.
func (s *Store) CreateConsultation(ctx context.Context, by registry.Actor, c registry.Consultation) (registry.Consultation, error) {
	return createActivity(ctx, s, consultationKind, by, c, consultationKind.check)
}

// GetConsultation returns a consultation (archived ones included) by id.
func (s *Store) GetConsultation(ctx context.Context, id string) (registry.Consultation, error) {
	return getActivity(ctx, s, consultationKind, id)
}

// UpdateConsultation changes a consultation at the expected version (0:
// any). apply receives the current record under lock and returns the new
// one, on which the rules are checked.
func (s *Store) UpdateConsultation(ctx context.Context, by registry.Actor, id string, version int,
	apply func(cur registry.Consultation) (registry.Consultation, error)) (registry.Consultation, error) {
	return updateActivity(ctx, s, consultationKind, by, id, version, apply)
}

// ArchiveConsultation archives a consultation at the expected version.
func (s *Store) ArchiveConsultation(ctx context.Context, by registry.Actor, id string, version int) (registry.Consultation, error) {
	return archiveActivity(ctx, s, consultationKind, by, id, version)
}

// ListConsultations lists consultations newest first by the day held
// (undated last, ties by id descending) with keyset pagination.
func (s *Store) ListConsultations(ctx context.Context, f registry.ActivityFilter) (registry.Page[registry.Consultation], error) {
	return listActivities(ctx, s, consultationKind, f)
}
