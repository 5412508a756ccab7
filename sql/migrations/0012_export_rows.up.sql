-- The export rows of each record, kept beside its read form (0009) and
-- written with it, in the same transaction and by the same code: the CSV
-- export's line (its cells defused and quoted, with its newline) and the
-- Excel export's cells in Chinese and in English (labels, organisation
-- and cooperation-area names resolved). An export copies them page by
-- page; a NULL (rows loaded by COPY, or written before 0012) is computed
-- on read, and `registry rebuild-read-models` fills them all.
ALTER TABLE agreements ADD COLUMN export_csv text, ADD COLUMN export_zh text[], ADD COLUMN export_en text[];
ALTER TABLE consultations ADD COLUMN export_csv text, ADD COLUMN export_zh text[], ADD COLUMN export_en text[];
ALTER TABLE joint_actions ADD COLUMN export_csv text, ADD COLUMN export_zh text[], ADD COLUMN export_en text[];

-- A cooperation area's names are in the Excel rows of the consultations
-- and joint actions of that area: a change of them is queued and drained
-- like an organisation's.
ALTER TABLE read_form_queue
	ALTER COLUMN organization_id DROP NOT NULL,
	ADD COLUMN area_code text REFERENCES cooperation_areas (code),
	ADD CONSTRAINT read_form_queue_one_subject CHECK (num_nonnulls(organization_id, area_code) = 1);
