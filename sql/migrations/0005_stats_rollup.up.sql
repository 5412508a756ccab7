-- Yearly statistics of consultations, joint actions and their outcomes,
-- kept as running sums so that GET /v1/stats reads a few dozen rows
-- instead of aggregating a year of records (about 110,000 joint actions a
-- year at the benchmark's scale).
--
-- stats_contributions says, in one place, what each live record adds to
-- the figures of each year it counts in, for everyone (scope 'all') and
-- for each participating organisation (scope 'org:<uuid>'). Every write
-- subtracts the record's contributions before it changes the record and
-- adds them again afterwards, in the same transaction; the backfill below
-- and the benchmark loader sum them set-wise. The scope 'all' is spread
-- over 16 shards by record id, so that concurrent writers rarely wait for
-- the same row. Region selections, partner regions and partner provinces
-- are computed from the records themselves.

CREATE TABLE stats_rollup (
    year   integer  NOT NULL,
    scope  text     NOT NULL,
    figure text     NOT NULL,
    key    text     NOT NULL,
    shard  smallint NOT NULL,
    n      bigint   NOT NULL,
    approx bigint   NOT NULL, -- approximate parts in n (outcomes): n is approximate when > 0
    parts  bigint   NOT NULL, -- contributions in n: the figure is absent when 0
    PRIMARY KEY (year, scope, figure, key, shard)
);

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

INSERT INTO stats_rollup (year, scope, figure, key, shard, n, approx, parts)
SELECT year, scope, figure, key, shard, sum(n), sum(approx), sum(parts)
FROM stats_contributions
GROUP BY year, scope, figure, key, shard;
