package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
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

// rfc3339 formats a timestamptz column as an RFC 3339 time in UTC, to the
// second ("2024-06-01T08:00:00Z"). It goes through to_json rather than a
// to_char pattern so that the statement holds no ":name", which pgbench
// (the benchmark's ceiling runs this statement) would take for a variable.
func rfc3339(col string) string {
	return `((to_json(date_trunc('second', (` + col + `) AT TIME ZONE 'UTC')) #>> '{}') || 'Z')`
}

// timelineBranch is one kind of event: its sort key (at, tie) and the
// rest of its columns, its table and the rows of the agreement ($1). A
// large branch (bounded false) is read through an index on (agreement,
// at, tie) — timeline indexes of migration 0015 — and stops after the
// page's rows, so a page costs the same however many events the agreement
// holds; the bounded branches hold a handful of rows per agreement.
type timelineBranch struct {
	rank    int
	at, tie string
	cols    string // on_, kind, record_type, record_id, title_zh, title_en (named in the first branch)
	from    string // FROM … WHERE … (the agreement's rows)
	bounded bool   // few rows per agreement: no ORDER BY/LIMIT of its own
}

var timelineBranches = []timelineBranch{
	{rank: 0, at: dateAt("a.signed_on"), tie: "a.id::text", bounded: true,
		cols: partialDateJSON("a.signed_on") + ` AS on_, 'signed' AS kind, 'agreement' AS record_type, a.id AS record_id, a.title_zh, a.title_en`,
		from: `FROM agreements a WHERE a.id = $1 AND a.signed_on IS NOT NULL`},
	{rank: 1, at: dateAt("p.signed_on"), tie: "o.id::text", bounded: true,
		cols: partialDateJSON("p.signed_on") + `, 'party_signed', 'organization', o.id, o.name_zh, o.name_en`,
		from: `FROM agreement_parties p JOIN organizations o ON o.id = p.organization_id WHERE p.agreement_id = $1 AND p.signed_on IS NOT NULL`},
	{rank: 2, at: "l.at", tie: "lpad(l.id::text, 20, '0')", bounded: true,
		cols: rfc3339("l.at") + `, 'status_changed', 'agreement', $1, l.after->>'status', NULL`,
		from: `FROM audit_log l WHERE l.entity = 'agreement' AND l.entity_id = $1::text AND l.action = 'update'
		AND l.before->>'status' IS DISTINCT FROM l.after->>'status'`},
	{rank: 3, at: "r.created_at", tie: "r.related_id::text || r.kind", bounded: true,
		cols: rfc3339("r.created_at") + `, 'related', 'agreement', x.id, x.title_zh, x.title_en`,
		from: `FROM agreement_relations r JOIN agreements x ON x.id = r.related_id WHERE r.agreement_id = $1`},
	{rank: 3, at: "r.created_at", tie: "r.agreement_id::text || r.kind", bounded: true,
		cols: rfc3339("r.created_at") + `, 'related', 'agreement', x.id, x.title_zh, x.title_en`,
		from: `FROM agreement_relations r JOIN agreements x ON x.id = r.agreement_id WHERE r.related_id = $1`},
	{rank: 4, at: "coalesce(" + dateAt("c.held_on") + ", c.created_at)", tie: "c.id::text",
		cols: `coalesce(` + partialDateJSON("c.held_on") + `, ` + rfc3339("c.created_at") + `), 'consultation', 'consultation', c.id, c.title_zh, c.title_en`,
		from: `FROM consultations c WHERE c.agreement_id = $1 AND c.archived_at IS NULL`},
	{rank: 5, at: "coalesce(" + dateAt("j.started_on") + ", j.created_at)", tie: "j.id::text",
		cols: `coalesce(` + partialDateJSON("j.started_on") + `, ` + rfc3339("j.created_at") + `), 'joint_action', 'joint_action', j.id, j.title_zh, j.title_en`,
		from: `FROM joint_actions j WHERE j.agreement_id = $1 AND j.archived_at IS NULL`},
	{rank: 6, at: dateAt("m.due_on"), tie: "m.id::text",
		cols: partialDateJSON("m.due_on") + `, 'milestone_due', 'milestone', m.id, m.title_zh, m.title_en`,
		from: `FROM milestones m WHERE m.agreement_id = $1 AND m.due_on IS NOT NULL AND m.archived_at IS NULL`},
	{rank: 7, at: dateAt("m.done_on"), tie: "m.id::text",
		cols: partialDateJSON("m.done_on") + `, 'milestone_done', 'milestone', m.id, m.title_zh, m.title_en`,
		from: `FROM milestones m WHERE m.agreement_id = $1 AND m.done_on IS NOT NULL AND m.archived_at IS NULL`},
	{rank: 8, at: "f.uploaded_at", tie: "f.id::text",
		cols: rfc3339("f.uploaded_at") + `, 'file_added', 'file', f.id, coalesce(f.title_zh, f.filename), f.title_en`,
		from: `FROM files f WHERE f.record_type = 'agreement' AND f.record_id = $1 AND f.archived_at IS NULL`},
}

// timelineSQL selects (at, rank, tie, on, kind, record_type, record_id,
// title_zh, title_en) for agreement $1: the first $2 rows, or with after
// the first $5 rows after the key ($2, $3, $4). Each large branch reads at most $5 rows in
// its index's order, from the key on (at >= $2 is the index range; the
// rest of the comparison filters the few rows of that one moment), and
// the union of those sorted and cut is the page.
func timelineSQL(after bool) string {
	limit := "$2" // the first page has no key
	if after {
		limit = "$5"
	}
	var b strings.Builder
	b.WriteString(`SELECT t.at, t.rank, t.tie, t.on_, t.kind, t.record_type, t.record_id, t.title_zh, t.title_en FROM (`)
	for i, br := range timelineBranches {
		if i > 0 {
			b.WriteString("\n\tUNION ALL\n")
		}
		r := strconv.Itoa(br.rank)
		b.WriteString("\t(SELECT " + br.at + " AS at, " + r + " AS rank, " + br.tie + " AS tie, " + br.cols + "\n\t" + br.from)
		if after {
			b.WriteString("\n\t\tAND " + br.at + " >= $2 AND (" + br.at + " > $2 OR " + r + " > $3 OR (" + r + " = $3 AND " + br.tie + " > $4))")
		}
		if !br.bounded {
			b.WriteString("\n\tORDER BY " + br.at + ", " + br.tie + " LIMIT " + limit)
		}
		b.WriteString(")")
	}
	b.WriteString("\n) t\nORDER BY t.at, t.rank, t.tie\nLIMIT " + limit)
	return b.String()
}

// The timeline's two statements: the first page, and a page after a key.
var timelineFirstSQL, timelineAfterSQL = timelineSQL(false), timelineSQL(true)

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
	var rows *sql.Rows
	var err error
	if at == nil {
		rows, err = s.q(ctx).QueryContext(ctx, timelineFirstSQL, agreementID, limit+1)
	} else {
		rows, err = s.q(ctx).QueryContext(ctx, timelineAfterSQL, agreementID, *at, rank, tie, limit+1)
	}
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
