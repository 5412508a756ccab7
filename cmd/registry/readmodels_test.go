package main

import (
	"database/sql"
	"testing"
)

// TestRebuildReadModels: the command recomputes, from the source tables,
// the very bytes the writes stored, whether the forms are missing or
// wrong, the milestones' party rows, and the running sums of the
// statistics; and it leaves the tables it rewrote vacuumed.
func TestRebuildReadModels(t *testing.T) {
	t.Parallel()
	dbURL := freshDatabaseURL(t)
	c := cli{t: t, env: map[string]string{"DATABASE_URL": dbURL}}
	c.ok("migrate", "up")
	c.ok("seed", "--demo")
	db, err := sql.Open("postgres", dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	tables := []string{"agreements", "consultations", "joint_actions"}
	forms := func() map[string]string {
		out := map[string]string{}
		for _, table := range tables {
			rows, err := db.Query(`SELECT id, coalesce(read_json, 'NULL') FROM ` + table)
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var id, form string
				if err := rows.Scan(&id, &form); err != nil {
					t.Fatal(err)
				}
				out[table+"/"+id] = form
			}
			rows.Close()
		}
		return out
	}
	written := forms()
	for _, table := range tables {
		if _, err := db.Exec(`UPDATE ` + table + ` SET read_json = CASE WHEN random() < 0.5 THEN NULL ELSE '{"stale":true}' END`); err != nil {
			t.Fatal(err)
		}
	}
	partyRows := func() string {
		var s string
		const q = `SELECT coalesce(string_agg(concat_ws(' ', milestone_id, organization_id, sort_on, due_on_last, status, archived), ';'
			ORDER BY milestone_id, organization_id), '') FROM milestone_parties`
		if err := db.QueryRow(q).Scan(&s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	partiesWritten := partyRows()
	if _, err := db.Exec(`UPDATE milestone_parties SET status = 'done', archived = true;
		DELETE FROM milestone_parties WHERE organization_id = (SELECT organization_id FROM milestone_parties LIMIT 1)`); err != nil {
		t.Fatal(err)
	}
	// The running sums as the writes left them (rows every contribution
	// has left, at zero, are the same as no row), then damaged: changed,
	// missing and extra rows.
	sums := func() string {
		var s string
		const q = `SELECT coalesce(string_agg(concat_ws(' ', year, scope, figure, key, shard, n, approx, parts), ';'
			ORDER BY year, scope, figure, key, shard), '') FROM stats_rollup WHERE n <> 0 OR approx <> 0 OR parts <> 0`
		if err := db.QueryRow(q).Scan(&s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	sumsWritten := sums()
	if _, err := db.Exec(`UPDATE stats_rollup SET n = n + 7 WHERE random() < 0.5;
		DELETE FROM stats_rollup WHERE random() < 0.2;
		INSERT INTO stats_rollup (year, scope, figure, key, shard, n, approx, parts) VALUES (1999, 'all', 'ja_total', '', 0, 3, 0, 3)`); err != nil {
		t.Fatal(err)
	}
	if sums() == sumsWritten {
		t.Fatal("the running sums were not damaged")
	}
	c.ok("rebuild-read-models", "--missing")
	if n := count(t, db, `SELECT count(*) FROM joint_actions WHERE read_json IS NULL`); n != 0 {
		t.Fatalf("--missing left %d joint actions without a read form", n)
	}
	c.ok("rebuild-read-models")
	rebuilt := forms()
	if len(rebuilt) != len(written) || len(written) == 0 {
		t.Fatalf("%d read forms rebuilt, %d written", len(rebuilt), len(written))
	}
	if got := partyRows(); got != partiesWritten || got == "" {
		t.Fatalf("milestone party rows: written\n%s\nrebuilt\n%s", partiesWritten, got)
	}
	if got := sums(); got != sumsWritten || got == "" {
		t.Fatalf("running sums: written\n%s\nrebuilt\n%s", sumsWritten, got)
	}
	// The rewritten tables are vacuumed: every page all-visible again, as
	// the lists' index-only scans need.
	for _, table := range append(tables, "milestone_parties", "stats_rollup") {
		var pages, visible int
		if err := db.QueryRow(`SELECT relpages, relallvisible FROM pg_class WHERE oid = $1::regclass`, table).Scan(&pages, &visible); err != nil {
			t.Fatal(err)
		}
		if pages == 0 || visible != pages {
			t.Errorf("%s: %d of %d pages all-visible after the rebuild", table, visible, pages)
		}
	}
	for key, form := range written {
		if form == "NULL" || rebuilt[key] != form {
			t.Fatalf("%s: written\n%s\nrebuilt\n%s", key, form, rebuilt[key])
		}
	}
}
