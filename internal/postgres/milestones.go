package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/lib/pq"

	"github.com/chengyu-collab/registry/internal/registry"
)

// milestoneTable is the column table of milestones.
var milestoneTable = &table[registry.Milestone]{name: "milestones", alias: "m", columns: []column[registry.Milestone]{
	key(func(m *registry.Milestone) *string { return &m.ID }),
	text("agreement_id", func(m *registry.Milestone) *string { return &m.AgreementID }),
	text("title_zh", func(m *registry.Milestone) *string { return &m.TitleZh }),
	optText("title_en", func(m *registry.Milestone) **string { return &m.TitleEn }),
	optText("description", func(m *registry.Milestone) **string { return &m.Description }),
	optText("responsible_organization_id", func(m *registry.Milestone) **string { return &m.ResponsibleOrganizationID }),
	partialDate("due_on", func(m *registry.Milestone) **registry.Date { return &m.DueOn }),
	text("status", func(m *registry.Milestone) *registry.MilestoneStatus { return &m.Status }),
	partialDate("done_on", func(m *registry.Milestone) **registry.Date { return &m.DoneOn }),
	stamps(func(m *registry.Milestone) *int { return &m.Version }, func(m *registry.Milestone) *time.Time { return &m.CreatedAt },
		func(m *registry.Milestone) *time.Time { return &m.UpdatedAt }, func(m *registry.Milestone) **time.Time { return &m.ArchivedAt }),
}}

// milestoneListSelect reads milestones with their links, from the
// milestones (or the page of them) the statement then names as m; and
// milestoneSelect also the parties of their agreement, who may write them,
// which a single milestone's read needs (the Service checks a write
// against them) and a list does not (they are not part of the record sent).
var (
	milestoneListSelect = `SELECT ` + milestoneTable.selectList() + `,
	coalesce((SELECT json_agg(json_build_object('record_type', l.record_type, 'record_id', l.record_id) ORDER BY l.position)
		FROM milestone_links l WHERE l.milestone_id = m.id), '[]')`
	milestoneSelect = milestoneListSelect + `,
	array(SELECT p.organization_id::text FROM agreement_parties p WHERE p.agreement_id = m.agreement_id ORDER BY p.position)`
)

// scanMilestone reads a row of milestoneSelect, or with parties false one
// of milestoneListSelect.
func scanMilestone(sc scanner, parties bool) (registry.Milestone, error) {
	var m registry.Milestone
	var links []byte
	extra := []any{&links}
	if parties {
		extra = append(extra, pq.Array(&m.AgreementParties))
	}
	dests, done := milestoneTable.dests(&m, extra...)
	if err := sc.Scan(dests...); err != nil {
		if notFound(err) {
			return m, registry.ErrNotFound
		}
		return m, mapError(fmt.Errorf("scan milestone: %w", err))
	}
	done()
	if string(links) == "[]" { // most milestones link to nothing
		m.Links = []registry.MilestoneLink{}
	} else if err := json.Unmarshal(links, &m.Links); err != nil {
		return m, fmt.Errorf("decode milestone links: %w", err)
	}
	return m, nil
}

// GetMilestone returns a milestone (archived ones included) by id.
func (s *Store) GetMilestone(ctx context.Context, id string) (registry.Milestone, error) {
	if !isUUID(id) {
		return registry.Milestone{}, registry.ErrNotFound
	}
	return scanMilestone(s.q(ctx).QueryRowContext(ctx, milestoneSelect+` FROM milestones m WHERE m.id = $1`, id), true)
}

// LockMilestone reads a milestone under a row lock, in the transaction of
// ctx.
func (s *Store) LockMilestone(ctx context.Context, id string) (registry.Milestone, error) {
	if err := s.lockRow(ctx, "milestones", "id", id); err != nil {
		return registry.Milestone{}, err
	}
	return s.GetMilestone(ctx, id)
}

// InsertMilestone stores a new milestone with its links.
func (s *Store) InsertMilestone(ctx context.Context, m registry.Milestone) (registry.Milestone, error) {
	if m.ID == "" {
		m.ID = newID()
	}
	return s.writeMilestone(ctx, milestoneTable.insertSQL(), m)
}

// ReplaceMilestone replaces a milestone's fields and links and raises its
// version.
func (s *Store) ReplaceMilestone(ctx context.Context, m registry.Milestone) (registry.Milestone, error) {
	return s.writeMilestone(ctx, milestoneTable.updateSQL(), m)
}

func (s *Store) writeMilestone(ctx context.Context, stmt string, m registry.Milestone) (registry.Milestone, error) {
	var out registry.Milestone
	err := s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if err := lockMilestoneAgreement(ctx, tx, m.ID, m.AgreementID); err != nil {
			return err
		}
		if err := s.applyStats(ctx, tx, "milestone", m.ID, -1); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, stmt, milestoneTable.args(m.ID, &m)...); err != nil {
			return mapError(fmt.Errorf("write milestone: %w", err))
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM milestone_links WHERE milestone_id = $1`, m.ID); err != nil {
			return mapError(fmt.Errorf("replace milestone links: %w", err))
		}
		for i, l := range m.Links {
			const q = `INSERT INTO milestone_links (milestone_id, position, record_type, record_id) VALUES ($1, $2, $3, $4)`
			if _, err := tx.ExecContext(ctx, q, m.ID, i, string(l.RecordType), l.RecordID); err != nil {
				return mapError(fmt.Errorf("insert milestone link: %w", err))
			}
		}
		if err := writeMilestoneParties(ctx, tx, m.ID); err != nil {
			return err
		}
		if err := s.applyStats(ctx, tx, "milestone", m.ID, +1); err != nil {
			return err
		}
		var err error
		out, err = s.GetMilestone(ctx, m.ID)
		return err
	})
	return out, err
}

// ArchiveMilestone sets archived_at and raises the version.
func (s *Store) ArchiveMilestone(ctx context.Context, id string) (registry.Milestone, error) {
	var out registry.Milestone
	err := s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		if err := lockMilestoneAgreement(ctx, tx, id, ""); err != nil {
			return err
		}
		if err := s.applyStats(ctx, tx, "milestone", id, -1); err != nil { // archived milestones count nowhere
			return err
		}
		if err := s.archiveRow(ctx, "milestones", id); err != nil {
			return err
		}
		if err := writeMilestoneParties(ctx, tx, id); err != nil {
			return err
		}
		var err error
		out, err = s.GetMilestone(ctx, id)
		return err
	})
	return out, err
}

// ActivityExists reports whether a consultation or joint action exists.
func (s *Store) ActivityExists(ctx context.Context, t registry.LinkType, id string) (bool, error) {
	if !isUUID(id) {
		return false, nil
	}
	tables := map[registry.LinkType]string{registry.LinkConsultation: "consultations", registry.LinkJointAction: "joint_actions"}
	name, ok := tables[t]
	if !ok {
		return false, nil
	}
	var found bool
	if err := s.q(ctx).QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM `+name+` WHERE id = $1)`, id).Scan(&found); err != nil {
		return false, mapError(fmt.Errorf("find %s: %w", name, err))
	}
	return found, nil
}

// milestoneSortKey is the cursor form of a due date: its first day, or
// infinity for undated milestones, which sort last.
func milestoneSortKey(d *registry.Date) string {
	if d == nil {
		return "infinity"
	}
	return d.First().Format(time.DateOnly)
}

// ListMilestones lists milestones by due date ascending (undated last,
// ties by id) with keyset pagination. The milestones of a list carry no
// AgreementParties: GetMilestone gives them, for a write.
func (s *Store) ListMilestones(ctx context.Context, f registry.MilestoneFilter) (registry.Page[registry.Milestone], error) {
	empty := registry.Page[registry.Milestone]{Items: []registry.Milestone{}}
	resolve := func(ref string) (string, bool, error) {
		if ref == "" {
			return "", true, nil
		}
		id, err := s.ResolveOrganization(ctx, ref)
		if err == registry.ErrNotFound {
			return "", false, nil
		}
		return id, err == nil, err
	}
	partyID, ok, err := resolve(f.Party)
	if !ok {
		return empty, err
	}
	responsibleID, ok, err := resolve(f.Responsible)
	if !ok {
		return empty, err
	}
	st, args, err := milestoneListQuery(f, partyID, responsibleID)
	if err != nil {
		return empty, err
	}
	qr := s.unprepared(ctx)
	if st.Prepared {
		qr = s.q(ctx)
	}
	rows, err := qr.QueryContext(ctx, st.SQL, args...)
	if err != nil {
		return empty, mapError(fmt.Errorf("list milestones: %w", err))
	}
	defer rows.Close()
	var items []registry.Milestone
	for rows.Next() {
		m, err := scanMilestone(rows, false)
		if err != nil {
			return empty, err
		}
		items = append(items, m)
	}
	if err := rows.Err(); err != nil {
		return empty, mapError(fmt.Errorf("list milestones: %w", err))
	}
	return trimPage(items, f.Limit, func(m registry.Milestone) []string { return []string{milestoneSortKey(m.DueOn), m.ID} }), nil
}

// milestoneListQuery builds the statement of one page. Every page is a
// range of an index on (…, sort_on, id): for a party, that party's range
// of milestone_parties_order_idx (which includes what the overdue, status
// and due-date filters read); otherwise the order index, the agreement or
// responsible organisation index, or the partial index of open milestones
// for overdue=true. A due date's bounds are read through sort_on (the
// due date's first day; infinity for undated milestones, which no bound
// admits) and due_on_last.
//
// A party's page is prepared: its one index serves it whatever the values,
// so a generic plan is the custom one without the planning (8 ms of a
// 12 ms statement on the benchmark data set). The others stay unprepared:
// a generic plan of the overdue filter over all open milestones read
// 100 ms where a plan for the values reads 3.
func milestoneListQuery(f registry.MilestoneFilter, partyID, responsibleID string) (Statement, []any, error) {
	var w whereBuilder
	from, t, id, live := `milestones m`, "m", "m.id", `m.archived_at IS NULL`
	if partyID != "" {
		from, t, id, live = `milestone_parties k`, "k", "k.milestone_id", `NOT k.archived`
		w.add(`k.organization_id = ` + w.arg(partyID))
		if responsibleID != "" || f.Agreement != "" {
			from += ` JOIN milestones m ON m.id = k.milestone_id`
		}
	}
	if !f.IncludeArchived {
		w.add(live)
	}
	if responsibleID != "" {
		w.add(`m.responsible_organization_id = ` + w.arg(responsibleID))
	}
	if f.Agreement != "" {
		w.add(`m.agreement_id = ` + w.arg(f.Agreement))
	}
	if f.Status != "" {
		w.add(t + `.status = ` + w.arg(string(f.Status)))
	}
	if f.Overdue {
		today := w.arg(f.Today)
		w.add(t + `.status = 'open' AND ` + t + `.due_on_last < ` + today + ` AND ` + t + `.sort_on < ` + today)
	}
	if f.DueFrom != nil {
		w.add(t + `.due_on_last >= ` + w.arg(f.DueFrom.First()))
		w.add(t + `.sort_on >= ` + w.arg(f.DueFrom.First().AddDate(-1, 0, 0)))
	}
	if f.DueTo != nil {
		w.add(t + `.sort_on <= ` + w.arg(f.DueTo.Last()))
	}
	if f.Cursor != "" {
		parts, err := decodeCursor(f.Cursor, 2)
		if err != nil || !(parts[0] == "infinity" || checkSortKey(parts[0])) || parts[0] == "-infinity" || !isUUID(parts[1]) {
			return Statement{}, nil, &registry.BadParam{Name: "cursor", Code: "invalid_cursor", Value: f.Cursor}
		}
		w.add(`(` + t + `.sort_on, ` + id + `) > (` + w.arg(parts[0]) + `::date, ` + w.arg(parts[1]) + `::uuid)`)
	}
	// The page's keys are chosen first, then its rows, then their links
	// and parties for those rows only: with the subqueries in the same
	// SELECT as the filter, PostgreSQL ran them for every matching
	// milestone before cutting the page (4,000 runs for a page of 51 of a
	// busy party); and with the whole row in the choosing scan, every
	// milestone it passed over was read from the heap, where the keys
	// alone let an index that includes what the filters read answer
	// without it.
	q := milestoneListSelect + ` FROM (SELECT m.* FROM (SELECT ` + id + ` AS id FROM ` + from + w.sql() +
		` ORDER BY ` + t + `.sort_on, ` + id + ` LIMIT ` + w.arg(f.Limit+1) +
		`) page JOIN milestones m ON m.id = page.id) m ORDER BY m.sort_on, m.id`
	return Statement{SQL: q, Prepared: partyID != ""}, w.args, nil
}

// statsMilestones counts the milestones (of live agreements the selection
// takes part in) due in the year, done in it, and due in it and overdue on
// day $6. Those due in the year are one index range (sort_on, the due
// date's first day, at most a year before its last), those done in it but
// not due in it another, each read from its index alone
// (milestones_due_stats_idx, milestones_done_stats_idx), and the live
// agreements' ids a third (agreements_live_idx; migration 0016).
var statsMilestones = `SELECT count(*) FILTER (WHERE u.due), count(*) FILTER (WHERE u.done), count(*) FILTER (WHERE u.overdue)
	FROM (
		SELECT m.agreement_id, true AS due, coalesce(m.done_on <= $2 AND m.done_on_last >= $1, false) AS done,
			m.status = 'open' AND m.due_on_last < $6 AS overdue
		FROM milestones m
		WHERE m.archived_at IS NULL AND m.sort_on <= $2 AND m.sort_on >= $1::date - 366 AND m.due_on_last >= $1
		UNION ALL
		SELECT m.agreement_id, false, true, false
		FROM milestones m
		WHERE m.archived_at IS NULL AND m.done_on <= $2 AND m.done_on >= $1::date - 366 AND m.done_on_last >= $1
			AND NOT coalesce(m.due_on <= $2 AND m.due_on_last >= $1, false)
	) u
	WHERE u.agreement_id IN (SELECT a.id FROM agreements a WHERE a.archived_at IS NULL
		AND ` + selectedBy("agreement_parties", "agreement_id", "a") + `)`

// milestoneStats fills the milestone figures; args are those of every
// statistics query, then today.
func (s *Store) milestoneStats(ctx context.Context, args []any, st *registry.Stats) error {
	m := &st.Milestones
	if err := s.q(ctx).QueryRowContext(ctx, statsMilestones, args...).Scan(&m.Due, &m.Done, &m.Overdue); err != nil {
		return mapError(fmt.Errorf("milestone stats: %w", err))
	}
	return nil
}
