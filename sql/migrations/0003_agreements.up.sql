-- Agreements and their child rows. Partial dates are kept as their first
-- day, their last day and their precision (1 year, 2 month, 3 day).

CREATE TABLE agreements (
    id                       uuid PRIMARY KEY,
    ref_no                   text UNIQUE,
    title_zh                 text NOT NULL,
    title_en                 text,
    type                     text NOT NULL CHECK (type IN ('framework', 'friendship', 'cooperation', 'memorandum')),
    status                   text NOT NULL CHECK (status IN ('draft', 'signed', 'in_force', 'suspended', 'expired', 'terminated')),
    signed_on                date,
    signed_on_last           date,
    signed_on_precision      smallint CHECK (signed_on_precision BETWEEN 1 AND 3),
    signed_place             text,
    effective_from           date,
    effective_from_last      date,
    effective_from_precision smallint CHECK (effective_from_precision BETWEEN 1 AND 3),
    effective_to             date,
    effective_to_last        date,
    effective_to_precision   smallint CHECK (effective_to_precision BETWEEN 1 AND 3),
    summary_zh               text,
    summary_en               text,
    areas_declared           integer CHECK (areas_declared BETWEEN 0 AND 100),
    version                  integer NOT NULL DEFAULT 1,
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    archived_at              timestamptz,
    -- Sort key: newest first by signing date, undated last.
    sort_on                  date NOT NULL GENERATED ALWAYS AS (coalesce(signed_on, '-infinity'::date)) STORED,
    search_text              text NOT NULL GENERATED ALWAYS AS (
        title_zh || ' ' || coalesce(title_en, '') || ' ' || coalesce(summary_zh, '') || ' ' ||
        coalesce(summary_en, '') || ' ' || coalesce(ref_no, '')) STORED
);
CREATE INDEX agreements_order_idx ON agreements (sort_on DESC, id DESC);
CREATE INDEX agreements_status_idx ON agreements (status, sort_on DESC, id DESC);
CREATE INDEX agreements_type_idx ON agreements (type, sort_on DESC, id DESC);
CREATE INDEX agreements_search_idx ON agreements USING gin (search_text gin_trgm_ops);

CREATE TABLE agreement_parties (
    agreement_id    uuid NOT NULL REFERENCES agreements (id),
    position        smallint NOT NULL,
    organization_id uuid NOT NULL REFERENCES organizations (id),
    role            text NOT NULL CHECK (role IN ('signatory', 'witness', 'coordinator')),
    signatory_name  text,
    signatory_title text,
    PRIMARY KEY (agreement_id, position),
    UNIQUE (agreement_id, organization_id)
);
CREATE INDEX agreement_parties_org_idx ON agreement_parties (organization_id, agreement_id);

CREATE TABLE agreement_areas (
    agreement_id uuid NOT NULL REFERENCES agreements (id),
    position     smallint NOT NULL,
    area_code    text REFERENCES cooperation_areas (code),
    label_zh     text NOT NULL,
    label_en     text,
    description  text,
    PRIMARY KEY (agreement_id, position)
);
CREATE INDEX agreement_areas_area_idx ON agreement_areas (area_code, agreement_id);

CREATE TABLE agreement_mechanisms (
    agreement_id uuid NOT NULL REFERENCES agreements (id),
    position     smallint NOT NULL,
    kind         text NOT NULL CHECK (kind IN ('joint_meeting', 'liaison', 'consultation_platform',
                     'information_exchange', 'joint_research', 'joint_proposal', 'other')),
    description  text,
    PRIMARY KEY (agreement_id, position)
);

CREATE TABLE agreement_documents (
    agreement_id uuid NOT NULL REFERENCES agreements (id),
    position     smallint NOT NULL,
    title        text NOT NULL,
    url          text NOT NULL,
    language     text,
    kind         text CHECK (kind IN ('full_text', 'announcement', 'report', 'photo', 'other')),
    PRIMARY KEY (agreement_id, position)
);
