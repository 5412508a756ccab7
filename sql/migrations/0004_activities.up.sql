-- Joint consultations and joint duty actions, with their participants and
-- outcomes. Partial dates are kept as their first day, their last day and
-- their precision (1 year, 2 month, 3 day), as in 0003. Each record has a
-- generated `period` (the days its main date or dates cover, NULL when
-- undated), so that "what was going on between from and to" and the
-- statistics of a year are one indexed overlap test (&&).

CREATE TABLE consultations (
    id                uuid PRIMARY KEY,
    title_zh          text NOT NULL,
    title_en          text,
    topic_zh          text,
    topic_en          text,
    -- Optional: a source may not say how a consultation was held.
    format            text CHECK (format IN ('meeting', 'seminar', 'field_visit', 'online', 'grassroots')),
    held_on           date,
    held_on_last      date,
    held_on_precision smallint CHECK (held_on_precision BETWEEN 1 AND 3),
    location          text,
    agreement_id      uuid CONSTRAINT consultations_agreement_id_fkey REFERENCES agreements (id),
    area_code         text CONSTRAINT consultations_area_code_fkey REFERENCES cooperation_areas (code),
    status            text NOT NULL CHECK (status IN ('planned', 'held', 'cancelled')),
    summary_zh        text,
    summary_en        text,
    version           integer NOT NULL DEFAULT 1,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    archived_at       timestamptz,
    CONSTRAINT consultations_held_on_parts CHECK (
        (held_on IS NULL) = (held_on_last IS NULL) AND (held_on IS NULL) = (held_on_precision IS NULL)
        AND held_on_last >= held_on),
    -- Sort key: newest first by the day held, undated last.
    sort_on           date NOT NULL GENERATED ALWAYS AS (coalesce(held_on, '-infinity'::date)) STORED,
    period            daterange GENERATED ALWAYS AS (
        CASE WHEN held_on IS NOT NULL THEN daterange(held_on, held_on_last, '[]') END) STORED,
    search_text       text NOT NULL GENERATED ALWAYS AS (
        title_zh || ' ' || coalesce(title_en, '') || ' ' || coalesce(topic_zh, '') || ' ' ||
        coalesce(topic_en, '') || ' ' || coalesce(summary_zh, '') || ' ' || coalesce(summary_en, '')) STORED
);
CREATE INDEX consultations_order_idx ON consultations (sort_on DESC, id DESC);
CREATE INDEX consultations_agreement_idx ON consultations (agreement_id, sort_on DESC, id DESC);
CREATE INDEX consultations_area_idx ON consultations (area_code, sort_on DESC, id DESC);
CREATE INDEX consultations_status_idx ON consultations (status, sort_on DESC, id DESC);
CREATE INDEX consultations_format_idx ON consultations (format, sort_on DESC, id DESC);
CREATE INDEX consultations_period_idx ON consultations USING gist (period);
CREATE INDEX consultations_search_idx ON consultations USING gin (search_text gin_trgm_ops);

CREATE TABLE consultation_participants (
    consultation_id uuid NOT NULL REFERENCES consultations (id),
    position        smallint NOT NULL,
    organization_id uuid NOT NULL CONSTRAINT consultation_participants_organization_id_fkey REFERENCES organizations (id),
    role            text NOT NULL CHECK (role IN ('host', 'co_host', 'participant')),
    PRIMARY KEY (consultation_id, position),
    CONSTRAINT consultation_participants_organization_key UNIQUE (consultation_id, organization_id)
);
CREATE INDEX consultation_participants_org_idx ON consultation_participants (organization_id, consultation_id);

CREATE TABLE consultation_outcomes (
    consultation_id uuid NOT NULL REFERENCES consultations (id),
    position        smallint NOT NULL,
    kind            text NOT NULL CHECK (kind IN ('opinion', 'proposal', 'public_opinion_report', 'problem_solved', 'other')),
    count           bigint CHECK (count BETWEEN 0 AND 1000000000),
    approximate     boolean NOT NULL DEFAULT false,
    description_zh  text,
    description_en  text,
    PRIMARY KEY (consultation_id, position)
);

CREATE TABLE joint_actions (
    id                 uuid PRIMARY KEY,
    title_zh           text NOT NULL,
    title_en           text,
    theme_zh           text,
    theme_en           text,
    -- Optional: a source may not say what kind of work a joint action was.
    kind               text CHECK (kind IN ('inspection', 'research', 'proposal', 'supervision', 'exhibition',
                           'publicity', 'other')),
    started_on         date,
    started_on_last    date,
    started_on_precision smallint CHECK (started_on_precision BETWEEN 1 AND 3),
    ended_on           date,
    ended_on_last      date,
    ended_on_precision smallint CHECK (ended_on_precision BETWEEN 1 AND 3),
    location           text,
    agreement_id       uuid CONSTRAINT joint_actions_agreement_id_fkey REFERENCES agreements (id),
    area_code          text CONSTRAINT joint_actions_area_code_fkey REFERENCES cooperation_areas (code),
    status             text NOT NULL CHECK (status IN ('planned', 'ongoing', 'completed', 'cancelled')),
    summary_zh         text,
    summary_en         text,
    version            integer NOT NULL DEFAULT 1,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    archived_at        timestamptz,
    CONSTRAINT joint_actions_started_on_parts CHECK (
        (started_on IS NULL) = (started_on_last IS NULL) AND (started_on IS NULL) = (started_on_precision IS NULL)
        AND started_on_last >= started_on),
    CONSTRAINT joint_actions_ended_on_parts CHECK (
        (ended_on IS NULL) = (ended_on_last IS NULL) AND (ended_on IS NULL) = (ended_on_precision IS NULL)
        AND ended_on_last >= ended_on),
    -- Partial dates are out of order only when the start's first day is
    -- after the end's last day.
    CONSTRAINT joint_actions_date_order CHECK (ended_on_last >= started_on),
    -- Sort key: newest first by the start, undated last.
    sort_on            date NOT NULL GENERATED ALWAYS AS (coalesce(started_on, '-infinity'::date)) STORED,
    -- started_on … ended_on, or just started_on when there is no end (just
    -- ended_on when there is no start).
    period             daterange GENERATED ALWAYS AS (
        CASE WHEN coalesce(started_on, ended_on) IS NOT NULL THEN
            daterange(coalesce(started_on, ended_on), coalesce(ended_on_last, started_on_last), '[]') END) STORED,
    search_text        text NOT NULL GENERATED ALWAYS AS (
        title_zh || ' ' || coalesce(title_en, '') || ' ' || coalesce(theme_zh, '') || ' ' ||
        coalesce(theme_en, '') || ' ' || coalesce(summary_zh, '') || ' ' || coalesce(summary_en, '')) STORED
);
CREATE INDEX joint_actions_order_idx ON joint_actions (sort_on DESC, id DESC);
CREATE INDEX joint_actions_agreement_idx ON joint_actions (agreement_id, sort_on DESC, id DESC);
CREATE INDEX joint_actions_area_idx ON joint_actions (area_code, sort_on DESC, id DESC);
CREATE INDEX joint_actions_status_idx ON joint_actions (status, sort_on DESC, id DESC);
CREATE INDEX joint_actions_kind_idx ON joint_actions (kind, sort_on DESC, id DESC);
CREATE INDEX joint_actions_period_idx ON joint_actions USING gist (period);
CREATE INDEX joint_actions_search_idx ON joint_actions USING gin (search_text gin_trgm_ops);

CREATE TABLE joint_action_participants (
    joint_action_id uuid NOT NULL REFERENCES joint_actions (id),
    position        smallint NOT NULL,
    organization_id uuid NOT NULL CONSTRAINT joint_action_participants_organization_id_fkey REFERENCES organizations (id),
    role            text NOT NULL CHECK (role IN ('lead', 'partner', 'supporter')),
    PRIMARY KEY (joint_action_id, position),
    CONSTRAINT joint_action_participants_organization_key UNIQUE (joint_action_id, organization_id)
);
CREATE INDEX joint_action_participants_org_idx ON joint_action_participants (organization_id, joint_action_id);

CREATE TABLE joint_action_outcomes (
    joint_action_id uuid NOT NULL REFERENCES joint_actions (id),
    position        smallint NOT NULL,
    kind            text NOT NULL CHECK (kind IN ('opinion', 'proposal', 'public_opinion_report', 'problem_solved', 'other')),
    count           bigint CHECK (count BETWEEN 0 AND 1000000000),
    approximate     boolean NOT NULL DEFAULT false,
    description_zh  text,
    description_en  text,
    PRIMARY KEY (joint_action_id, position)
);

-- The province-level region at or above every region (GB/T 2260 codes),
-- found by walking parent_code up: the "own province" of the statistics.
CREATE VIEW region_provinces (code, province_code) AS
    WITH RECURSIVE walk (code, at, level) AS (
        SELECT code, code, level FROM regions
        UNION ALL
        SELECT w.code, r.parent_code, p.level
        FROM walk w JOIN regions r ON r.code = w.at JOIN regions p ON p.code = r.parent_code
        WHERE w.level <> 'province'
    )
    SELECT code, at FROM walk WHERE level = 'province';
