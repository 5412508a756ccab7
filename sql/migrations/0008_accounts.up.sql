-- Accounts for people: the web console signs officers and partner
-- committees in with a login and a password (an Argon2id hash; the
-- password itself is never kept). A user has the permissions of the same
-- role and organisation as an API key.
CREATE TABLE users (
    id              uuid PRIMARY KEY,
    login           text NOT NULL UNIQUE CHECK (login ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
    display_name    text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    role            text NOT NULL CHECK (role IN ('admin', 'registrar', 'reader')),
    organization_id uuid REFERENCES organizations (id),
    password_hash   text NOT NULL,
    disabled_at     timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CHECK (role = 'admin' OR organization_id IS NOT NULL)
);

-- Console sessions, in the layout of github.com/alexedwards/scs/postgresstore,
-- so that every replica sees a sign-in and a sign-out at once.
CREATE TABLE sessions (
    token  text PRIMARY KEY,
    data   bytea NOT NULL,
    expiry timestamptz NOT NULL
);
CREATE INDEX sessions_expiry_idx ON sessions (expiry);

-- Which session belongs to which user, so that disabling an account (or
-- resetting its password) deletes every session of it on every replica.
CREATE TABLE user_sessions (
    token      text PRIMARY KEY,
    user_id    uuid NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX user_sessions_user_idx ON user_sessions (user_id);

-- Failed sign-ins, for throttling per login and per address; kept in
-- PostgreSQL so that every replica counts the same failures.
CREATE TABLE sign_in_failures (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    login   text NOT NULL,
    address text NOT NULL,
    at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_failures_login_idx ON sign_in_failures (login, at);
CREATE INDEX sign_in_failures_address_idx ON sign_in_failures (address, at);

-- Writes made through the console name the user; actor_key_id is then null.
ALTER TABLE audit_log ADD COLUMN actor_user_id uuid;
CREATE INDEX audit_log_actor_user_idx ON audit_log (actor_user_id, id);
