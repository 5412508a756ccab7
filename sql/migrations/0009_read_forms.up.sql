-- The read form of each record: the exact JSON the API sends for it
-- (json.Marshal of the record as the store reads it, children and the
-- organisations they name included), written by the store in the same
-- transaction as every change of the record. GET sends it as it is; a
-- list reads it from the rows the existing filter indexes select. NULL
-- until the store (or `registry rebuild-read-models`) first writes it; a
-- NULL read form is computed on read.
ALTER TABLE agreements ADD COLUMN read_json text;
ALTER TABLE consultations ADD COLUMN read_json text;
ALTER TABLE joint_actions ADD COLUMN read_json text;

-- Organisations whose change (code, names, region) the read forms naming
-- them do not show yet. A rename enqueues its organisation in its own
-- transaction and drains the queue after its commit, before it answers;
-- a row left by a failed drain is drained by the next one, by `registry
-- serve` on start and by `registry rebuild-read-models`.
CREATE TABLE read_form_queue (
	id              bigserial PRIMARY KEY,
	organization_id uuid NOT NULL REFERENCES organizations (id),
	queued_at       timestamptz NOT NULL DEFAULT now()
);
