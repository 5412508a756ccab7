-- Back to agreement and milestone figures counted from the records: drop
-- their running sums and the view's branches for them (and its parent
-- column, which CREATE OR REPLACE cannot remove).
DELETE FROM stats_rollup WHERE figure IN ('ag_signed', 'ag_area', 'ag_in_force', 'ms_due', 'ms_done', 'ms_open');
DROP VIEW stats_contributions;
CREATE VIEW stats_contributions (entity, id, year, scope, shard, figure, key, n, approx, parts) AS
SELECT 'joint_action', j.id, y.year, s.scope,
       CASE WHEN s.scope = 'all' THEN (abs(hashtext(j.id::text)) % 16)::smallint ELSE 0::smallint END,
       f.figure, f.key, f.n, f.approx, f.parts
FROM joint_actions j
CROSS JOIN LATERAL generate_series(extract(year FROM lower(j.period))::int,
                                   extract(year FROM upper(j.period) - 1)::int) AS y (year)
CROSS JOIN LATERAL (
    SELECT 'all'
    UNION ALL
    SELECT 'org:' || p.organization_id FROM joint_action_participants p WHERE p.joint_action_id = j.id
) AS s (scope)
CROSS JOIN LATERAL (
    SELECT 'ja_total', '', 1::bigint, 0::bigint, 1::bigint
    UNION ALL SELECT 'ja_kind', j.kind, 1, 0, 1 WHERE j.kind IS NOT NULL
    UNION ALL SELECT 'ja_area', j.area_code, 1, 0, 1 WHERE j.area_code IS NOT NULL
    UNION ALL
    SELECT 'outcome', o.kind, sum(o.count)::bigint, count(*) FILTER (WHERE o.approximate), count(*)
    FROM joint_action_outcomes o WHERE o.joint_action_id = j.id AND o.count IS NOT NULL GROUP BY o.kind
) AS f (figure, key, n, approx, parts)
WHERE j.archived_at IS NULL AND j.period IS NOT NULL
UNION ALL
SELECT 'consultation', c.id, y.year, s.scope,
       CASE WHEN s.scope = 'all' THEN (abs(hashtext(c.id::text)) % 16)::smallint ELSE 0::smallint END,
       f.figure, f.key, f.n, f.approx, f.parts
FROM consultations c
CROSS JOIN LATERAL generate_series(extract(year FROM lower(c.period))::int,
                                   extract(year FROM upper(c.period) - 1)::int) AS y (year)
CROSS JOIN LATERAL (
    SELECT 'all'
    UNION ALL
    SELECT 'org:' || p.organization_id FROM consultation_participants p WHERE p.consultation_id = c.id
) AS s (scope)
CROSS JOIN LATERAL (
    SELECT 'con_held', '', 1::bigint, 0::bigint, 1::bigint
    UNION ALL SELECT 'con_format', c.format, 1, 0, 1 WHERE c.format IS NOT NULL
    UNION ALL SELECT 'con_area', c.area_code, 1, 0, 1 WHERE c.area_code IS NOT NULL
    UNION ALL
    SELECT 'outcome', o.kind, sum(o.count)::bigint, count(*) FILTER (WHERE o.approximate), count(*)
    FROM consultation_outcomes o WHERE o.consultation_id = c.id AND o.count IS NOT NULL GROUP BY o.kind
) AS f (figure, key, n, approx, parts)
WHERE c.archived_at IS NULL AND c.status = 'held' AND c.period IS NOT NULL;
ALTER TABLE stats_rollup RESET (fillfactor);
