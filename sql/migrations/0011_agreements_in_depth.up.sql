-- Agreements in depth: when each party signed, links between agreements,
-- the milestones of an agreement's follow-up, and files (the bytes live in
-- a blob store; only their metadata is here).

-- When that party signed or ratified, a partial date as in 0003.
ALTER TABLE agreement_parties
    ADD COLUMN signed_on           date,
    ADD COLUMN signed_on_last      date,
    ADD COLUMN signed_on_precision smallint CHECK (signed_on_precision BETWEEN 1 AND 3);

-- Links from an agreement to another. created_at survives a rewrite of the
-- agreement (the store keeps unchanged links), so the timeline can say when
-- a link was made.
CREATE TABLE agreement_relations (
    agreement_id uuid NOT NULL REFERENCES agreements (id),
    related_id   uuid NOT NULL CONSTRAINT agreement_relations_related_id_fkey REFERENCES agreements (id),
    kind         text NOT NULL CHECK (kind IN ('amends', 'supplements', 'renews', 'supersedes', 'implements')),
    position     smallint NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (agreement_id, related_id, kind),
    CHECK (agreement_id <> related_id)
);
-- related_to=<id> and related_from read the links pointing at an agreement.
CREATE INDEX agreement_relations_related_idx ON agreement_relations (related_id, agreement_id);

-- The follow-up commitments under an agreement. sort_on orders by due date
-- ascending, undated last.
CREATE TABLE milestones (
    id                          uuid PRIMARY KEY,
    agreement_id                uuid NOT NULL CONSTRAINT milestones_agreement_id_fkey REFERENCES agreements (id),
    title_zh                    text NOT NULL,
    title_en                    text,
    description                 text,
    responsible_organization_id uuid CONSTRAINT milestones_responsible_organization_id_fkey REFERENCES organizations (id),
    due_on                      date,
    due_on_last                 date,
    due_on_precision            smallint CHECK (due_on_precision BETWEEN 1 AND 3),
    status                      text NOT NULL CHECK (status IN ('open', 'done', 'cancelled')),
    done_on                     date,
    done_on_last                date,
    done_on_precision           smallint CHECK (done_on_precision BETWEEN 1 AND 3),
    version                     integer NOT NULL DEFAULT 1,
    created_at                  timestamptz NOT NULL DEFAULT now(),
    updated_at                  timestamptz NOT NULL DEFAULT now(),
    archived_at                 timestamptz,
    CONSTRAINT milestones_due_on_parts CHECK (
        (due_on IS NULL) = (due_on_last IS NULL) AND (due_on IS NULL) = (due_on_precision IS NULL)
        AND due_on_last >= due_on),
    CONSTRAINT milestones_done_on_parts CHECK (
        (done_on IS NULL) = (done_on_last IS NULL) AND (done_on IS NULL) = (done_on_precision IS NULL)
        AND done_on_last >= done_on),
    sort_on                     date NOT NULL GENERATED ALWAYS AS (coalesce(due_on, 'infinity'::date)) STORED
);
CREATE INDEX milestones_order_idx ON milestones (sort_on, id) WHERE archived_at IS NULL;
CREATE INDEX milestones_agreement_idx ON milestones (agreement_id, sort_on, id);
CREATE INDEX milestones_responsible_idx ON milestones (responsible_organization_id, sort_on, id);
-- Overdue: open, and the last day due before today; in due order.
CREATE INDEX milestones_open_idx ON milestones (sort_on, id) INCLUDE (due_on_last, agreement_id)
    WHERE status = 'open' AND archived_at IS NULL;
-- The timeline and the statistics read milestones by the day done.
CREATE INDEX milestones_done_idx ON milestones (agreement_id, done_on) WHERE done_on IS NOT NULL;

CREATE TABLE milestone_links (
    milestone_id uuid NOT NULL REFERENCES milestones (id),
    position     smallint NOT NULL,
    record_type  text NOT NULL CHECK (record_type IN ('consultation', 'joint_action')),
    record_id    uuid NOT NULL,
    PRIMARY KEY (milestone_id, position)
);

-- Files on agreements, consultations and joint actions. Files never change:
-- a row is inserted once and may only be archived.
CREATE TABLE files (
    id          uuid PRIMARY KEY,
    record_type text NOT NULL CHECK (record_type IN ('agreement', 'consultation', 'joint_action')),
    record_id   uuid NOT NULL,
    blob_key    text NOT NULL UNIQUE,
    filename    text NOT NULL,
    media_type  text NOT NULL,
    size        bigint NOT NULL CHECK (size >= 0),
    sha256      text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    title_zh    text,
    title_en    text,
    kind        text CHECK (kind IN ('full_text', 'minutes', 'photo', 'report', 'other')),
    uploaded_at timestamptz NOT NULL DEFAULT now(),
    uploaded_by text,
    archived_at timestamptz
);
CREATE INDEX files_record_idx ON files (record_type, record_id, uploaded_at, id);

-- The timeline reads an agreement's audit entries by entity and id
-- (audit_log_entity_idx), and its consultations and joint actions by
-- agreement (their *_agreement_idx).

ALTER TABLE audit_log DROP CONSTRAINT audit_log_entity_check;
ALTER TABLE audit_log ADD CONSTRAINT audit_log_entity_check CHECK (entity IN ('agreement', 'consultation',
    'joint_action', 'organization', 'cooperation_area', 'milestone', 'file'));
