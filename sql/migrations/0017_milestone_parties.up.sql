-- "The overdue milestones of this party" walked every open milestone in
-- due order and kept those whose agreement the party signed: a party in
-- few agreements made the walk long (4 ms of statement a page, p99 over
-- 100 ms at 8 connections on the benchmark data set). Each milestone now
-- has a row per party of its agreement carrying what the party filters
-- read, so a party's page is one range of one index that stops after the
-- page, however deep.
--
-- The store writes these rows in the transaction of every milestone
-- write and of every agreement write that changes its parties; every
-- milestone of an agreement has a row for exactly the agreement's
-- parties.
CREATE TABLE milestone_parties (
    milestone_id    uuid NOT NULL,
    organization_id uuid NOT NULL,
    sort_on         date NOT NULL,
    due_on_last     date,
    status          text NOT NULL,
    archived        boolean NOT NULL,
    PRIMARY KEY (milestone_id, organization_id)
);
INSERT INTO milestone_parties (milestone_id, organization_id, sort_on, due_on_last, status, archived)
SELECT m.id, p.organization_id, m.sort_on, m.due_on_last, m.status, m.archived_at IS NOT NULL
FROM milestones m JOIN agreement_parties p ON p.agreement_id = m.agreement_id;
CREATE INDEX milestone_parties_order_idx ON milestone_parties (organization_id, sort_on, milestone_id)
    INCLUDE (due_on_last, status, archived);
ANALYZE milestone_parties;
