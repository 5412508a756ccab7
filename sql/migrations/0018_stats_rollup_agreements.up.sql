-- /v1/stats counted the agreement and milestone figures from the records
-- on every request: its median grew fivefold from the benchmark's scale
-- 0.1 to scale 1 (the by-area figure alone joined every agreement area).
-- They are now running sums in stats_rollup like the consultation and
-- joint-action figures, so a request reads a few rows whatever the data.
--
-- What an agreement adds, for everyone and for each of its parties, while
-- it is not archived:
-- - ag_signed in the year of its signing;
-- - ag_area, one per taxonomy area it names, in the year of its signing;
-- - ag_in_force, when in force, in the year-0 bucket under the key
--   'FROM:TO': the year its effective period starts (of effective_from,
--   else of its signing; 0 when neither is known) and the year it ends (of
--   effective_to_last; 9999 when open). A year Y counts the keys with
--   FROM <= Y <= TO, which is exactly the overlap the records were asked
--   for, since partial dates never cross a year.
--
-- What a milestone adds, for everyone and for each party of its agreement,
-- while neither is archived:
-- - ms_due in the year of its due date; ms_done in the year it was done;
-- - ms_open, while open, in the year of its due date under the key of its
--   last due day (YYYY-MM-DD), so that the overdue figure is the sum of the
--   keys before today. These rows are not spread over shards: a year has
--   at most 366 of them a scope, and a request sums them.
--
-- Writes apply these like the others (subtract before, add after, in the
-- same transaction); a milestone's depend on its agreement, so an agreement
-- write that changes its parties or archives it moves its milestones'
-- contributions too. The new column parent names a milestone's agreement
-- for that purpose. Region selections are still counted from the records.
CREATE OR REPLACE VIEW stats_contributions (entity, id, year, scope, shard, figure, key, n, approx, parts, parent) AS
SELECT 'joint_action', j.id, y.year, s.scope,
       CASE WHEN s.scope = 'all' THEN (abs(hashtext(j.id::text)) % 16)::smallint ELSE 0::smallint END,
       f.figure, f.key, f.n, f.approx, f.parts, NULL::uuid
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
       f.figure, f.key, f.n, f.approx, f.parts, NULL::uuid
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
WHERE c.archived_at IS NULL AND c.status = 'held' AND c.period IS NOT NULL
UNION ALL
SELECT 'agreement', a.id, f.year, s.scope,
       CASE WHEN s.scope = 'all' THEN (abs(hashtext(a.id::text)) % 16)::smallint ELSE 0::smallint END,
       f.figure, f.key, 1::bigint, 0::bigint, 1::bigint, NULL::uuid
FROM agreements a
CROSS JOIN LATERAL (
    SELECT 'all'
    UNION ALL
    SELECT 'org:' || p.organization_id FROM agreement_parties p WHERE p.agreement_id = a.id
) AS s (scope)
CROSS JOIN LATERAL (
    SELECT extract(year FROM a.signed_on)::int, 'ag_signed', '' WHERE a.signed_on IS NOT NULL
    UNION ALL
    SELECT extract(year FROM a.signed_on)::int, 'ag_area', x.area_code
    FROM (SELECT DISTINCT x.area_code FROM agreement_areas x WHERE x.agreement_id = a.id AND x.area_code IS NOT NULL) x
    WHERE a.signed_on IS NOT NULL
    UNION ALL
    SELECT 0, 'ag_in_force',
           lpad(coalesce(extract(year FROM coalesce(a.effective_from, a.signed_on))::int, 0)::text, 4, '0') || ':' ||
           lpad(coalesce(extract(year FROM a.effective_to_last)::int, 9999)::text, 4, '0')
    WHERE a.status = 'in_force'
) AS f (year, figure, key)
WHERE a.archived_at IS NULL
UNION ALL
SELECT 'milestone', m.id, f.year, s.scope,
       CASE WHEN s.scope = 'all' AND f.figure <> 'ms_open' THEN (abs(hashtext(m.id::text)) % 16)::smallint ELSE 0::smallint END,
       f.figure, f.key, 1::bigint, 0::bigint, 1::bigint, m.agreement_id
FROM milestones m
JOIN agreements a ON a.id = m.agreement_id AND a.archived_at IS NULL
CROSS JOIN LATERAL (
    SELECT 'all'
    UNION ALL
    SELECT 'org:' || p.organization_id FROM agreement_parties p WHERE p.agreement_id = m.agreement_id
) AS s (scope)
CROSS JOIN LATERAL (
    SELECT extract(year FROM m.due_on)::int, 'ms_due', '' WHERE m.due_on IS NOT NULL
    UNION ALL
    SELECT extract(year FROM m.done_on)::int, 'ms_done', '' WHERE m.done_on IS NOT NULL
    UNION ALL
    SELECT extract(year FROM m.due_on)::int, 'ms_open', to_char(m.due_on_last, 'YYYY-MM-DD')
    WHERE m.due_on IS NOT NULL AND m.status = 'open'
) AS f (year, figure, key)
WHERE m.archived_at IS NULL;

INSERT INTO stats_rollup (year, scope, figure, key, shard, n, approx, parts)
SELECT year, scope, figure, key, shard, sum(n), sum(approx), sum(parts)
FROM stats_contributions
WHERE entity IN ('agreement', 'milestone')
GROUP BY year, scope, figure, key, shard;

-- A request reads the rows of one year and scope (about a thousand for
-- everyone, spread over sixteen shards) and the year-0 rows of the scope.
-- Inserted in the order the sums were grouped, they lay one to a page:
-- 800 to 1,000 pages a request on the benchmark data set. Ordered by the
-- primary key they fill a few dozen; and with room left in each page, the
-- updates every write makes stay on their page (no indexed column
-- changes, so they are heap-only tuples) instead of wandering off.
ALTER TABLE stats_rollup SET (fillfactor = 70);
CLUSTER stats_rollup USING stats_rollup_pkey;
ANALYZE stats_rollup;
