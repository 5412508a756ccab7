package postgres

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/chengyu-collab/registry/internal/registry"
)

// An agreement's timeline is one UNION ALL of the tables its events live
// in, each branch read through an index on the agreement (the agreement's
// own row, agreement_parties' key, audit_log_entity_idx, the relation key
// and agreement_relations_related_idx, *_agreement_idx of consultations,
// joint actions and milestones, files_record_idx). Every event has a sort
// key (at, rank, tie): at is the moment (a date counts from midnight in
// China Standard Time), rank orders the kinds of one moment, tie tells
// events of one kind and moment apart. Keyset paging compares the whole
// key, so page 100 costs what page 1 does.

// dateAt is the moment a date column's first day begins in China Standard
// Time.
func dateAt(col string) string {
	return `((` + col + `)::timestamp - interval '8 hours') AT TIME ZONE 'UTC'`
}

// rfc3339 formats a timestamptz column as an RFC 3339 time in UTC.
func rfc3339(col string) string {
	return `to_char((` + col + `) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`
}

// timelineSQL selects (at, rank, tie, on, kind, record_type, record_id,
// title_zh, title_en) for agreement $1 after the key ($2, $3, $4), first
// $5 rows.
var timelineSQL = `SELECT t.at, t.rank, t.tie, t.on_, t.kind, t.record_type, t.record_id, t.title_zh, t.title_en FROM (
	SELECT ` + dateAt("a.signed_on") + ` AS at, 0 AS rank, a.id::text AS tie, ` + partialDateJSON("a.signed_on") + ` AS on_,
		'signed' AS kind, 'agreement' AS record_type, a.id AS record_id, a.title_zh, a.title_en
	FROM agreements a WHERE a.id = $1 AND a.signed_on IS NOT NULL
	UNION ALL
	SELECT ` + dateAt("p.signed_on") + `, 1, o.id::text, ` + partialDateJSON("p.signed_on") + `,
		'party_signed', 'organization', o.id, o.name_zh, o.name_en
	FROM agreement_parties p JOIN organizations o ON o.id = p.organization_id WHERE p.agreement_id = $1 AND p.signed_on IS NOT NULL
	UNION ALL
	SELECT l.at, 2, lpad(l.id::text, 20, '0'), ` + rfc3339("l.at") + `, 'status_changed', 'agreement', $1, l.after->>'status', NULL
	FROM audit_log l WHERE l.entity = 'agreement' AND l.entity_id = $1::text AND l.action = 'update'
		AND l.before->>'status' IS DISTINCT FROM l.after->>'status'
	UNION ALL
	SELECT r.created_at, 3, r.related_id::text || r.kind, ` + rfc3339("r.created_at") + `, 'related', 'agreement', x.id, x.title_zh, x.title_en
	FROM agreement_relations r JOIN agreements x ON x.id = r.related_id WHERE r.agreement_id = $1
	UNION ALL
	SELECT r.created_at, 3, r.agreement_id::text || r.kind, ` + rfc3339("r.created_at") + `, 'related', 'agreement', x.id, x.title_zh, x.title_en
	FROM agreement_relations r JOIN agreements x ON x.id = r.agreement_id WHERE r.related_id = $1
	UNION ALL
	SELECT coalesce(` + dateAt("c.held_on") + `, c.created_at), 4, c.id::text,
		coalesce(` + partialDateJSON("c.held_on") + `, ` + rfc3339("c.created_at") + `), 'consultation', 'consultation', c.id, c.title_zh, c.title_en
	FROM consultations c WHERE c.agreement_id = $1 AND c.archived_at IS NULL
	UNION ALL
	SELECT coalesce(` + dateAt("j.started_on") + `, j.created_at), 5, j.id::text,
		coalesce(` + partialDateJSON("j.started_on") + `, ` + rfc3339("j.created_at") + `), 'joint_action', 'joint_action', j.id, j.title_zh, j.title_en
	FROM joint_actions j WHERE j.agreement_id = $1 AND j.archived_at IS NULL
	UNION ALL
	SELECT ` + dateAt("m.due_on") + `, 6, m.id::text, ` + partialDateJSON("m.due_on") + `, 'milestone_due', 'milestone', m.id, m.title_zh, m.title_en
	FROM milestones m WHERE m.agreement_id = $1 AND m.due_on IS NOT NULL AND m.archived_at IS NULL
	UNION ALL
	SELECT ` + dateAt("m.done_on") + `, 7, m.id::text, ` + partialDateJSON("m.done_on") + `, 'milestone_done', 'milestone', m.id, m.title_zh, m.title_en
	FROM milestones m WHERE m.agreement_id = $1 AND m.done_on IS NOT NULL AND m.archived_at IS NULL
	UNION ALL
	SELECT f.uploaded_at, 8, f.id::text, ` + rfc3339("f.uploaded_at") + `, 'file_added', 'file', f.id, coalesce(f.title_zh, f.filename), f.title_en
	FROM files f WHERE f.record_type = 'agreement' AND f.record_id = $1 AND f.archived_at IS NULL
) t
WHERE $2::timestamptz IS NULL OR (t.at, t.rank, t.tie) > ($2::timestamptz, $3::int, $4::text)
ORDER BY t.at, t.rank, t.tie
LIMIT $5`

// ListTimeline returns one page of an agreement's timeline, oldest first.
func (s *Store) ListTimeline(ctx context.Context, agreementID string, limit int, cursor string) (registry.Page[registry.TimelineItem], error) {
	empty := registry.Page[registry.TimelineItem]{Items: []registry.TimelineItem{}}
	var at *time.Time
	rank, tie := 0, ""
	if cursor != "" {
		parts, err := decodeCursor(cursor, 3)
		bad := &registry.BadParam{Name: "cursor", Code: "invalid_cursor", Value: cursor}
		if err != nil {
			return empty, bad
		}
		t, err1 := time.Parse(time.RFC3339Nano, parts[0])
		r, err2 := strconv.Atoi(parts[1])
		if err1 != nil || err2 != nil || r < 0 || r > 8 {
			return empty, bad
		}
		at, rank, tie = &t, r, parts[2]
	}
	rows, err := s.q(ctx).QueryContext(ctx, timelineSQL, agreementID, at, rank, tie, limit+1)
	if err != nil {
		return empty, mapError(fmt.Errorf("timeline: %w", err))
	}
	defer rows.Close()
	type keyed struct {
		item registry.TimelineItem
		key  []string
	}
	var items []keyed
	for rows.Next() {
		var k keyed
		var t time.Time
		var r int
		var tie string
		if err := rows.Scan(&t, &r, &tie, &k.item.On, &k.item.Kind, &k.item.RecordType, &k.item.RecordID, &k.item.TitleZh, &k.item.TitleEn); err != nil {
			return empty, mapError(fmt.Errorf("timeline: %w", err))
		}
		k.key = []string{t.UTC().Format(time.RFC3339Nano), strconv.Itoa(r), tie}
		items = append(items, k)
	}
	if err := rows.Err(); err != nil {
		return empty, mapError(fmt.Errorf("timeline: %w", err))
	}
	page := trimPage(items, limit, func(k keyed) []string { return k.key })
	out := registry.Page[registry.TimelineItem]{Items: make([]registry.TimelineItem, len(page.Items)), Next: page.Next}
	for i, k := range page.Items {
		out.Items[i] = k.item
	}
	return out, nil
}
