-- Core tables: reference data, organisations, API keys, the append-only
-- audit log and stored idempotent responses.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE regions (
    code        char(6) PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
    name_zh     text NOT NULL,
    name_en     text,
    level       text NOT NULL CHECK (level IN ('province', 'prefecture', 'county')),
    parent_code char(6) REFERENCES regions (code)
);
CREATE INDEX regions_parent_idx ON regions (parent_code, code);

CREATE TABLE cooperation_areas (
    code        text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]{2,64}$'),
    name_zh     text NOT NULL,
    name_en     text,
    parent_code text REFERENCES cooperation_areas (code),
    version     integer NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE organizations (
    id            uuid PRIMARY KEY,
    code          text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9-]{2,64}$'),
    kind          text NOT NULL CHECK (kind IN ('cppcc_committee', 'democratic_party',
                      'federation_of_industry_commerce', 'non_party_intellectuals', 'government', 'other')),
    name_zh       text NOT NULL,
    name_en       text,
    short_name_zh text,
    short_name_en text,
    region_code   char(6) REFERENCES regions (code),
    parent_id     uuid REFERENCES organizations (id),
    version       integer NOT NULL DEFAULT 1,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    search_text   text GENERATED ALWAYS AS (
        code || ' ' || name_zh || ' ' || coalesce(name_en, '') || ' ' ||
        coalesce(short_name_zh, '') || ' ' || coalesce(short_name_en, '')) STORED
);
CREATE INDEX organizations_region_idx ON organizations (region_code, code);
CREATE INDEX organizations_kind_idx ON organizations (kind, code);
CREATE INDEX organizations_search_idx ON organizations USING gin (search_text gin_trgm_ops);

CREATE TABLE api_keys (
    id              uuid PRIMARY KEY,
    name            text NOT NULL,
    role            text NOT NULL CHECK (role IN ('admin', 'registrar', 'reader')),
    organization_id uuid REFERENCES organizations (id),
    secret_hash     bytea NOT NULL UNIQUE,
    created_at      timestamptz NOT NULL DEFAULT now(),
    last_used_at    timestamptz,
    revoked_at      timestamptz,
    CHECK (role = 'admin' OR organization_id IS NOT NULL)
);

-- The audit log is append-only: a trigger refuses UPDATE, DELETE and
-- TRUNCATE for every role, the application's included.
CREATE TABLE audit_log (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at                    timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor_key_id          uuid,
    actor_organization_id uuid,
    action                text NOT NULL CHECK (action IN ('create', 'update', 'archive')),
    entity                text NOT NULL CHECK (entity IN ('agreement', 'consultation', 'joint_action',
                              'organization', 'cooperation_area')),
    entity_id             text NOT NULL,
    request_id            text,
    before                jsonb,
    after                 jsonb
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_key_id, id);
CREATE INDEX audit_log_actor_org_idx ON audit_log (actor_organization_id, id);
CREATE INDEX audit_log_at_idx ON audit_log (at, id);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

-- Successful responses to POSTs that carried an Idempotency-Key, kept per
-- API key so that a retry replays the first answer on any replica.
CREATE TABLE idempotency_keys (
    holder       uuid NOT NULL,
    key          text NOT NULL,
    request_hash bytea NOT NULL,
    status       integer NOT NULL,
    location     text,
    etag         text,
    body         bytea NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (holder, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
