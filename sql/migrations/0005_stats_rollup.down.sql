DROP VIEW stats_contributions;
DROP TABLE stats_rollup;
