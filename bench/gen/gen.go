// Package gen generates a realistic, bilingual, skewed data set for load
// benchmarks and loads it through the real schema with COPY. The same seed
// and sizes always give the same data, ids included: record n of a kind
// has the id md5("<seed>-<kind>-<n>"), which pgbench scripts compute too.
package gen

import (
	"context"
	"crypto/md5"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/lib/pq"

	"github.com/chengyu-collab/registry/internal/postgres"
)

// Sizes says how many records of each kind to generate.
type Sizes struct {
	Organizations, Agreements, Consultations, JointActions int
	// Milestones in all, of which Busy are under BusyAgreement.
	Milestones, Busy int
}

// Full is the size the benchmark targets are set for.
var Full = Sizes{Organizations: 2000, Agreements: 20000, Consultations: 200000, JointActions: 1000000, Milestones: 100000, Busy: 10000}

// Short is a small data set for CI, which checks that the harness runs.
var Short = Sizes{Organizations: 100, Agreements: 500, Consultations: 2000, JointActions: 10000, Milestones: 2000, Busy: 500}

// Scaled returns the sizes with the records (not the organisations) times
// f, so that each organisation takes part in f times as many: scales 0.1,
// 1 and 3 show how a case's cost grows with the data.
func (s Sizes) Scaled(f float64) Sizes {
	if f == 1 || f <= 0 {
		return s
	}
	n := func(v int) int { return max(1, int(float64(v)*f+0.5)) }
	return Sizes{Organizations: s.Organizations, Agreements: n(s.Agreements), Consultations: n(s.Consultations), JointActions: n(s.JointActions),
		Milestones: n(s.Milestones), Busy: n(s.Busy)}
}

// ID is the id of record n (1-based) of a kind: "org", "agr", "con" or "ja".
func ID(seed int64, kind string, n int) string {
	sum := md5.Sum([]byte(fmt.Sprintf("%d-%s-%d", seed, kind, n)))
	return uuid.UUID(sum).String()
}

// IDSQL is the SQL expression of ID for pgbench scripts, with :n the
// record number.
func IDSQL(seed int64, kind string) string {
	return fmt.Sprintf("md5('%d-%s-' || :n)::uuid", seed, kind)
}

// OrgCode is the code of organisation n.
func OrgCode(n int) string { return fmt.Sprintf("bench-org-%04d", n) }

type region struct{ code, name string }

// generator holds the random source and the reference data.
type generator struct {
	seed    int64
	sizes   Sizes
	regions []region
}

// Load generates the data set into db, which must be migrated and hold no
// records of its own but the reference data. Secondary indexes are
// dropped while loading and built again afterwards (much faster than
// maintaining them row by row), foreign-key triggers are off during COPY
// (the data is consistent by construction), and the tables are analysed.
func Load(ctx context.Context, db *sql.DB, seed int64, sizes Sizes, progress func(string)) error {
	g := &generator{seed: seed, sizes: sizes}
	if err := g.loadRegions(ctx, db); err != nil {
		return err
	}
	tables := []string{"organizations", "agreements", "agreement_parties", "agreement_areas", "agreement_mechanisms",
		"agreement_documents", "consultations", "consultation_participants", "consultation_outcomes",
		"joint_actions", "joint_action_participants", "joint_action_outcomes", "milestones", "agreement_relations"}
	conn, err := db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	indexes, err := secondaryIndexes(ctx, conn, tables)
	if err != nil {
		return err
	}
	for _, ix := range indexes {
		if _, err := conn.ExecContext(ctx, `DROP INDEX `+pq.QuoteIdentifier(ix.name)); err != nil {
			return fmt.Errorf("drop index %s: %w", ix.name, err)
		}
	}
	if _, err := conn.ExecContext(ctx, `SET session_replication_role = replica`); err != nil {
		return fmt.Errorf("disable triggers (needs a superuser): %w", err)
	}
	steps := []struct {
		name string
		fn   func(context.Context, *sql.Conn) error
	}{
		{"organizations", g.organizations}, {"agreements", g.agreements},
		{"consultations", g.consultations}, {"joint actions", g.jointActions},
		{"milestones", g.milestones}, {"agreement relations", g.relations},
	}
	for _, st := range steps {
		start := time.Now()
		if err := st.fn(ctx, conn); err != nil {
			return fmt.Errorf("load %s: %w", st.name, err)
		}
		progress(fmt.Sprintf("loaded %s in %s", st.name, time.Since(start).Round(time.Millisecond)))
	}
	if _, err := conn.ExecContext(ctx, `SET session_replication_role = origin`); err != nil {
		return err
	}
	start := time.Now()
	for _, ix := range indexes {
		if _, err := conn.ExecContext(ctx, ix.def); err != nil {
			return fmt.Errorf("rebuild index %s: %w", ix.name, err)
		}
	}
	progress(fmt.Sprintf("rebuilt %d indexes in %s", len(indexes), time.Since(start).Round(time.Millisecond)))
	start = time.Now()
	if _, err := conn.ExecContext(ctx, postgres.RebuildStatsSQL); err != nil {
		return fmt.Errorf("statistics: %w", err)
	}
	progress(fmt.Sprintf("summed the statistics in %s", time.Since(start).Round(time.Millisecond)))
	start = time.Now()
	if _, err := conn.ExecContext(ctx, postgres.RebuildMilestonePartiesSQL); err != nil {
		return fmt.Errorf("milestone parties: %w", err)
	}
	progress(fmt.Sprintf("wrote the milestones' party rows in %s", time.Since(start).Round(time.Millisecond)))
	if _, err := conn.ExecContext(ctx, `VACUUM ANALYZE`); err != nil {
		return fmt.Errorf("analyze: %w", err)
	}
	return nil
}

type index struct{ name, def string }

// secondaryIndexes lists the indexes of tables that back no constraint.
func secondaryIndexes(ctx context.Context, conn *sql.Conn, tables []string) ([]index, error) {
	const q = `SELECT i.indexname, i.indexdef FROM pg_indexes i
		WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
		  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`
	rows, err := conn.QueryContext(ctx, q, pq.Array(tables))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []index
	for rows.Next() {
		var ix index
		if err := rows.Scan(&ix.name, &ix.def); err != nil {
			return nil, err
		}
		out = append(out, ix)
	}
	return out, rows.Err()
}

func (g *generator) loadRegions(ctx context.Context, db *sql.DB) error {
	rows, err := db.QueryContext(ctx, `SELECT code, name_zh FROM regions WHERE level <> 'province' ORDER BY code`)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var r region
		if err := rows.Scan(&r.code, &r.name); err != nil {
			return err
		}
		g.regions = append(g.regions, r)
	}
	if len(g.regions) == 0 {
		return fmt.Errorf("no regions: is the database migrated?")
	}
	return rows.Err()
}

// copyRows streams rows into table with COPY in one transaction.
func copyRows(ctx context.Context, conn *sql.Conn, table string, cols []string, n int, row func(i int) []any) error {
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, pq.CopyIn(table, cols...))
	if err != nil {
		return err
	}
	for i := 1; i <= n; i++ {
		for _, r := range expand(row(i)) {
			if _, err := stmt.ExecContext(ctx, r...); err != nil {
				return fmt.Errorf("%s row %d: %w", table, i, err)
			}
		}
	}
	if _, err := stmt.ExecContext(ctx); err != nil {
		return err
	}
	if err := stmt.Close(); err != nil {
		return err
	}
	return tx.Commit()
}

// multi marks a row function's result as several rows.
type multi [][]any

// expand turns a row function's result into rows: a multi is many rows,
// anything else one.
func expand(r []any) [][]any {
	if len(r) == 1 {
		if m, ok := r[0].(multi); ok {
			return m
		}
	}
	return [][]any{r}
}

// source is the random source of one record: the same record number
// always draws the same values, so that each table's COPY pass can rebuild
// the parts of a record it needs.
type source struct {
	r *rand.Rand
	z *rand.Zipf
	g *generator
}

func (g *generator) source(kind string, n int) *source {
	h := uint64(0)
	for _, c := range kind {
		h = h*131 + uint64(c)
	}
	r := rand.New(rand.NewPCG(uint64(g.seed), h<<40|uint64(n)))
	return &source{r: r, z: rand.NewZipf(r, 1.1, 8, uint64(g.sizes.Organizations-1)), g: g}
}

// org picks an organisation number, skewed: a few are very active.
func (s *source) org() int { return int(s.z.Uint64()) + 1 }

// distinctOrgs picks k distinct organisations.
func (s *source) distinctOrgs(k int) []int {
	seen := map[int]bool{}
	out := make([]int, 0, k)
	for len(out) < k {
		o := s.org()
		if !seen[o] {
			seen[o] = true
			out = append(out, o)
		}
	}
	return out
}

// partialDate returns first day, last day and precision of a random date
// between the years: mostly days, some months, a few years only.
func (s *source) partialDate(fromYear, toYear int) (time.Time, time.Time, int16) {
	y := fromYear + s.r.IntN(toYear-fromYear+1)
	m := time.Month(1 + s.r.IntN(12))
	d := 1 + s.r.IntN(28)
	switch p := s.r.IntN(100); {
	case p < 10:
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), 1
	case p < 30:
		first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
		return first, first.AddDate(0, 1, -1), 2
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return t, t, 3
}

// text builds a Chinese paragraph of about n characters.
func (s *source) text(lead string, n int) string {
	var b strings.Builder
	b.WriteString(lead)
	for len([]rune(b.String())) < n {
		b.WriteString(phrases[s.r.IntN(len(phrases))])
	}
	return strings.TrimSuffix(b.String(), "，") + "。"
}

func (s *source) topic() (string, string) {
	i := s.r.IntN(len(topics))
	return topics[i], topicsEn[i]
}

func (s *source) pick(list []string) string { return list[s.r.IntN(len(list))] }

// regionOf is the region of organisation n.
func (g *generator) regionOf(n int) region { return g.regions[(n*7919)%len(g.regions)] }
