package postgres

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/chengyu-collab/registry/internal/registry"
)

// Every statistics query takes the same parameters: $1 and $2 the first
// and last day of the year, $3 the selected organisation's UUID, $4 the
// selected region's code and $5 the partner region's code (NULL when not
// selected). Each figure is one set-based query; archived records are
// left out.

// selectedBy is the condition that record alias.id has in the participant
// (or party) table a participant that is organisation $3 or lies in region
// $4 or below (true when neither is selected), and one in partner region
// $5 or below (true when none is selected).
func selectedBy(table, fk, alias string) string {
	inRegion := func(param string) string {
		return `(` + param + `::text IS NULL OR EXISTS (SELECT 1 FROM ` + table + ` sp JOIN organizations so ON so.id = sp.organization_id
			WHERE sp.` + fk + ` = ` + alias + `.id AND so.region_code IN ` + descendantRegions(param) + `))`
	}
	return `($3::uuid IS NULL OR EXISTS (SELECT 1 FROM ` + table + ` sp WHERE sp.` + fk + ` = ` + alias + `.id
			AND sp.organization_id = $3))
		AND ` + inRegion("$4") + ` AND ` + inRegion("$5")
}

// signedInYear is the condition that agreement alias was signed in the
// year and belongs to the selection; its signing-date bounds are repeated
// on sort_on (a partial date's first day is at most a year before its
// last), so that agreements_signed_stats_idx serves it.
func signedInYear(alias string) string {
	return alias + `.archived_at IS NULL AND ` + alias + `.signed_on <= $2 AND ` + alias + `.signed_on_last >= $1
		AND ` + alias + `.sort_on <= $2 AND ` + alias + `.sort_on >= $1::date - 366
		AND ` + selectedBy("agreement_parties", "agreement_id", alias)
}

// statsAgreementProvinces counts, for a selected organisation or region
// only, the agreements signed in the year by the province of each party
// from outside the selection's own province (a JSON object, as
// statsPartnerProvinces counts joint actions).
var statsAgreementProvinces = `SELECT coalesce(json_object_agg(t.province_code, t.n), '{}') FROM (
		SELECT rp.province_code, count(DISTINCT a.id) AS n
		FROM agreements a
		JOIN agreement_parties p ON p.agreement_id = a.id
		JOIN organizations o ON o.id = p.organization_id
		JOIN region_provinces rp ON rp.code = o.region_code
		WHERE ($3::uuid IS NOT NULL OR $4::text IS NOT NULL) AND ` + signedInYear("a") + `
			AND rp.province_code IS DISTINCT FROM (SELECT own.province_code FROM region_provinces own
				WHERE own.code = coalesce((SELECT so.region_code FROM organizations so WHERE so.id = $3), $4))
		GROUP BY rp.province_code) t`

// statsAgreements counts agreements signed in the year; agreements in
// force whose effective period (from effective_from, or the signing when
// it is not given, to effective_to) overlaps the year; the agreements
// signed in the year by taxonomy area they name (a JSON object); and the
// partner provinces of statsAgreementProvinces. One statement: the
// agreement figures cost one round trip. Only region selections count them
// so; the others read the running sums (migration 0018).
var statsAgreements = `SELECT
	(SELECT count(*) FROM agreements a WHERE ` + signedInYear("a") + `),
	(SELECT count(*) FROM agreements a
		WHERE a.archived_at IS NULL AND a.status = 'in_force'
		AND coalesce(a.effective_from, a.signed_on, '-infinity'::date) <= $2
		AND coalesce(a.effective_to_last, 'infinity'::date) >= $1
		AND ` + selectedBy("agreement_parties", "agreement_id", "a") + `),
	(SELECT coalesce(json_object_agg(t.area_code, t.n), '{}') FROM (
		SELECT x.area_code, count(DISTINCT x.agreement_id) AS n
		FROM agreement_areas x
		WHERE x.area_code IS NOT NULL AND x.agreement_id IN (SELECT a.id FROM agreements a WHERE ` + signedInYear("a") + `)
		GROUP BY x.area_code) t),
	(` + statsAgreementProvinces + `)`

// statsConsultations counts consultations held in the year: the total
// (grouping 3), by format (grouping 1) and by area (grouping 2).
var statsConsultations = `SELECT GROUPING(c.format, c.area_code), c.format, c.area_code, count(*)
	FROM consultations c
	WHERE c.archived_at IS NULL AND c.status = 'held' AND c.period && daterange($1::date, $2::date, '[]')
		AND ` + selectedBy("consultation_participants", "consultation_id", "c") + `
	GROUP BY GROUPING SETS ((), (c.format), (c.area_code))`

// statsJointActions counts joint actions whose period overlaps the year:
// the total (grouping 3), by kind (grouping 1) and by area (grouping 2).
var statsJointActions = `SELECT GROUPING(j.kind, j.area_code), j.kind, j.area_code, count(*)
	FROM joint_actions j
	WHERE j.archived_at IS NULL AND j.period && daterange($1::date, $2::date, '[]')
		AND ` + selectedBy("joint_action_participants", "joint_action_id", "j") + `
	GROUP BY GROUPING SETS ((), (j.kind), (j.area_code))`

// statsPartnerProvinces counts, for the selection, the joint actions of the
// year that have a participant from each province other than the
// selection's own (the province of the organisation's region, or the one
// at or above the selected region).
var statsPartnerProvinces = `SELECT rp.province_code, count(DISTINCT j.id)
	FROM joint_actions j
	JOIN joint_action_participants p ON p.joint_action_id = j.id
	JOIN organizations o ON o.id = p.organization_id
	JOIN region_provinces rp ON rp.code = o.region_code
	WHERE j.archived_at IS NULL AND j.period && daterange($1::date, $2::date, '[]')
		AND ` + selectedBy("joint_action_participants", "joint_action_id", "j") + `
		AND rp.province_code IS DISTINCT FROM (SELECT own.province_code FROM region_provinces own
			WHERE own.code = coalesce((SELECT so.region_code FROM organizations so WHERE so.id = $3), $4))
	GROUP BY rp.province_code`

// statsOutcomes sums the counted outcomes of consultations held in the
// year and of joint actions overlapping it, by kind; a sum with any
// approximate part is approximate.
var statsOutcomes = `SELECT u.kind, sum(u.count), bool_or(u.approximate)
	FROM (
		SELECT o.kind, o.count, o.approximate FROM consultation_outcomes o JOIN consultations c ON c.id = o.consultation_id
		WHERE c.archived_at IS NULL AND c.status = 'held' AND c.period && daterange($1::date, $2::date, '[]')
			AND ` + selectedBy("consultation_participants", "consultation_id", "c") + `
		UNION ALL
		SELECT o.kind, o.count, o.approximate FROM joint_action_outcomes o JOIN joint_actions j ON j.id = o.joint_action_id
		WHERE j.archived_at IS NULL AND j.period && daterange($1::date, $2::date, '[]')
			AND ` + selectedBy("joint_action_participants", "joint_action_id", "j") + `
	) u
	WHERE u.count IS NOT NULL
	GROUP BY u.kind`

// GetStats returns the figures of a year for everyone, for one
// organisation (UUID or code) or for one region and the regions below it
// (at most one of the two), optionally only for records with a partner in
// a given region. An organisation or region that does not exist gives
// zeros. Partner provinces are counted only for a selection.
func (s *Store) GetStats(ctx context.Context, f registry.StatsFilter) (registry.Stats, error) {
	st := emptyStats(f)
	var orgID, regionCode, partnerCode sql.NullString
	if f.Organization != "" {
		id, err := s.ResolveOrganization(ctx, f.Organization)
		if err == registry.ErrNotFound {
			return st, nil
		} else if err != nil {
			return st, err
		}
		orgID = sql.NullString{String: id, Valid: true}
	}
	for _, r := range []struct {
		code string
		dst  *sql.NullString
	}{{f.Region, &regionCode}, {f.PartnerRegion, &partnerCode}} {
		if r.code == "" {
			continue
		}
		if _, err := s.GetRegion(ctx, r.code); err == registry.ErrNotFound {
			return st, nil
		} else if err != nil {
			return st, err
		}
		*r.dst = sql.NullString{String: r.code, Valid: true}
	}
	first := time.Date(f.Year, 1, 1, 0, 0, 0, 0, time.UTC)
	args := []any{first, first.AddDate(1, 0, -1), orgID, regionCode, partnerCode}
	if !orgID.Valid && !regionCode.Valid && !partnerCode.Valid {
		// Everyone: one statement, which sees one snapshot by itself.
		return st, s.statsFromRollup(ctx, f.Year, "all", f.Today, &st)
	}
	err := s.inSnapshot(ctx, func(ctx context.Context) error {
		if regionCode.Valid || partnerCode.Valid { // regions: counted from the records
			if err := s.milestoneStats(ctx, append(args[:5:5], f.Today), &st); err != nil {
				return err
			}
			return s.fillStats(ctx, args, &st)
		}
		scope := "all"
		if orgID.Valid {
			scope = "org:" + orgID.String
		}
		return s.fillStatsFromRollup(ctx, args, scope, f.Today, &st)
	})
	return st, err
}

// agreementStats fills the agreement figures, counted from the records.
func (s *Store) agreementStats(ctx context.Context, args []any, st *registry.Stats) error {
	var byArea, byProvince []byte
	err := s.q(ctx).QueryRowContext(ctx, statsAgreements, args...).Scan(&st.Agreements.Signed, &st.Agreements.InForce,
		&byArea, &byProvince)
	if err != nil {
		return mapError(fmt.Errorf("agreement stats: %w", err))
	}
	if err := json.Unmarshal(byArea, &st.Agreements.ByArea); err != nil {
		return fmt.Errorf("agreement stats by area: %w", err)
	}
	if err := json.Unmarshal(byProvince, &st.Agreements.ByPartnerProvince); err != nil {
		return fmt.Errorf("agreement stats by partner province: %w", err)
	}
	return nil
}

// fillStatsFromRollup reads the figures of everyone or one organisation
// from the running sums, and an organisation's partner provinces (of
// agreements and of joint actions) from the records: they depend on
// regions, which may be edited.
func (s *Store) fillStatsFromRollup(ctx context.Context, args []any, scope string, today time.Time, st *registry.Stats) error {
	if err := s.statsFromRollup(ctx, st.Year, scope, today, st); err != nil {
		return err
	}
	if scope == "all" {
		return nil
	}
	var byProvince []byte
	if err := s.q(ctx).QueryRowContext(ctx, statsAgreementProvinces, args...).Scan(&byProvince); err != nil {
		return mapError(fmt.Errorf("agreement stats by partner province: %w", err))
	}
	if err := json.Unmarshal(byProvince, &st.Agreements.ByPartnerProvince); err != nil {
		return fmt.Errorf("agreement stats by partner province: %w", err)
	}
	return s.partnerProvinceStats(ctx, args, st)
}

// inSnapshot runs fn in a read-only repeatable-read transaction, so that
// figures read by several statements agree with each other, unless ctx
// already carries a transaction.
func (s *Store) inSnapshot(ctx context.Context, fn func(ctx context.Context) error) error {
	if _, ok := ctx.Value(txKey{}).(*sql.Tx); ok {
		return fn(ctx)
	}
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return mapError(fmt.Errorf("begin: %w", err))
	}
	defer tx.Rollback()
	if err := fn(context.WithValue(ctx, txKey{}, tx)); err != nil {
		return err
	}
	return mapError(tx.Commit())
}

// fillStats runs the statistics queries with args into st.
func (s *Store) fillStats(ctx context.Context, args []any, st *registry.Stats) error {
	q := s.q(ctx)
	if err := s.agreementStats(ctx, args, st); err != nil {
		return err
	}
	err := eachRow(ctx, q, statsConsultations, args, func(sc scanner) error {
		var grouping, n int
		var format, area sql.NullString
		if err := sc.Scan(&grouping, &format, &area, &n); err != nil {
			return err
		}
		switch {
		case grouping == 3:
			st.Consultations.Held = n
		case grouping == 1 && format.Valid:
			st.Consultations.ByFormat[format.String] = n
		case grouping == 2 && area.Valid:
			st.Consultations.ByArea[area.String] = n
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("consultation stats: %w", err)
	}
	if err := s.jointActionStats(ctx, args, st); err != nil {
		return err
	}
	err = eachRow(ctx, q, statsOutcomes, args, func(sc scanner) error {
		var kind string
		var total registry.OutcomeTotal
		if err := sc.Scan(&kind, &total.Count, &total.Approximate); err != nil {
			return err
		}
		st.Outcomes[kind] = total
		return nil
	})
	if err != nil {
		return fmt.Errorf("outcome stats: %w", err)
	}
	return nil
}

func emptyStats(f registry.StatsFilter) registry.Stats {
	st := registry.Stats{Year: f.Year, Outcomes: map[string]registry.OutcomeTotal{}}
	for _, p := range []struct {
		v   string
		dst **string
	}{{f.Organization, &st.Organization}, {f.Region, &st.Region}, {f.PartnerRegion, &st.PartnerRegion}} {
		if p.v != "" {
			v := p.v
			*p.dst = &v
		}
	}
	st.Agreements.ByArea, st.Agreements.ByPartnerProvince = map[string]int{}, map[string]int{}
	st.Consultations.ByFormat, st.Consultations.ByArea = map[string]int{}, map[string]int{}
	st.JointActions.ByKind, st.JointActions.ByArea = map[string]int{}, map[string]int{}
	st.JointActions.ByPartnerProvince = map[string]int{}
	return st
}

// jointActionStats fills the joint-action figures.
func (s *Store) jointActionStats(ctx context.Context, args []any, st *registry.Stats) error {
	q := s.q(ctx)
	err := eachRow(ctx, q, statsJointActions, args, func(sc scanner) error {
		var grouping, n int
		var kind, area sql.NullString
		if err := sc.Scan(&grouping, &kind, &area, &n); err != nil {
			return err
		}
		switch {
		case grouping == 3:
			st.JointActions.Total = n
		case grouping == 1 && kind.Valid:
			st.JointActions.ByKind[kind.String] = n
		case grouping == 2 && area.Valid:
			st.JointActions.ByArea[area.String] = n
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("joint action stats: %w", err)
	}
	if st.Organization == nil && st.Region == nil {
		return nil
	}
	return s.partnerProvinceStats(ctx, args, st)
}

// partnerProvinceStats fills joint_actions.by_partner_province.
func (s *Store) partnerProvinceStats(ctx context.Context, args []any, st *registry.Stats) error {
	err := eachRow(ctx, s.q(ctx), statsPartnerProvinces, args, func(sc scanner) error {
		var province string
		var n int
		if err := sc.Scan(&province, &n); err != nil {
			return err
		}
		st.JointActions.ByPartnerProvince[province] = n
		return nil
	})
	if err != nil {
		return fmt.Errorf("partner province stats: %w", err)
	}
	return nil
}

// eachRow runs a query and calls fn on every row, checking rows.Err.
func eachRow(ctx context.Context, q querier, query string, args []any, fn func(sc scanner) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return mapError(err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return mapError(err)
		}
	}
	return mapError(rows.Err())
}
