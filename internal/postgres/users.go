package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/chengyu-collab/registry/internal/registry"
)

const userColumns = `u.id, u.login, u.display_name, u.role, u.organization_id, o.code, u.disabled_at, u.created_at, u.updated_at`

func scanUser(row interface{ Scan(...any) error }, extra ...any) (registry.User, error) {
	var u registry.User
	var org, code sql.NullString
	var disabled sql.NullTime
	dest := append([]any{&u.ID, &u.Login, &u.DisplayName, &u.Role, &org, &code, &disabled, &u.CreatedAt, &u.UpdatedAt}, extra...)
	if err := row.Scan(dest...); err != nil {
		return u, err
	}
	u.OrganizationID, u.OrganizationCode, u.DisabledAt = stringPtr(org), stringPtr(code), timePtr(disabled)
	u.CreatedAt, u.UpdatedAt = u.CreatedAt.UTC(), u.UpdatedAt.UTC()
	return u, nil
}

// InsertUser stores a new account with its password hash, in the
// transaction ctx carries, if any.
func (s *Store) InsertUser(ctx context.Context, u registry.User, passwordHash string) (registry.User, error) {
	const q = `WITH u AS (
		INSERT INTO users (id, login, display_name, role, organization_id, password_hash)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING *)
		SELECT ` + userColumns + ` FROM u LEFT JOIN organizations o ON o.id = u.organization_id`
	var org sql.NullString
	if u.OrganizationID != nil {
		org = sql.NullString{String: *u.OrganizationID, Valid: true}
	}
	out, err := scanUser(s.unprepared(ctx).QueryRowContext(ctx, q, newID(), u.Login, u.DisplayName, string(u.Role), org, passwordHash))
	if err != nil {
		return out, mapError(fmt.Errorf("insert user: %w", err))
	}
	return out, nil
}

// UserByLogin returns the account of a login and its password hash, or
// ErrNotFound.
func (s *Store) UserByLogin(ctx context.Context, login string) (registry.User, string, error) {
	const q = `SELECT ` + userColumns + `, u.password_hash FROM users u
		LEFT JOIN organizations o ON o.id = u.organization_id WHERE u.login = $1`
	var hash string
	u, err := scanUser(s.unprepared(ctx).QueryRowContext(ctx, q, login), &hash)
	if notFound(err) {
		return u, "", registry.ErrNotFound
	}
	if err != nil {
		return u, "", mapError(fmt.Errorf("user by login: %w", err))
	}
	return u, hash, nil
}

// GetUser returns an account by id, or ErrNotFound.
func (s *Store) GetUser(ctx context.Context, id string) (registry.User, error) {
	if !isUUID(id) {
		return registry.User{}, registry.ErrNotFound
	}
	const q = `SELECT ` + userColumns + ` FROM users u LEFT JOIN organizations o ON o.id = u.organization_id WHERE u.id = $1`
	u, err := scanUser(s.unprepared(ctx).QueryRowContext(ctx, q, id))
	if notFound(err) {
		return u, registry.ErrNotFound
	}
	if err != nil {
		return u, mapError(fmt.Errorf("get user: %w", err))
	}
	return u, nil
}

// ListUsers lists every account, oldest first.
func (s *Store) ListUsers(ctx context.Context) ([]registry.User, error) {
	const q = `SELECT ` + userColumns + ` FROM users u LEFT JOIN organizations o ON o.id = u.organization_id
		ORDER BY u.created_at, u.id`
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return nil, mapError(fmt.Errorf("list users: %w", err))
	}
	defer rows.Close()
	users := []registry.User{}
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, mapError(fmt.Errorf("scan user: %w", err))
		}
		users = append(users, u)
	}
	if err := rows.Err(); err != nil {
		return nil, mapError(fmt.Errorf("list users: %w", err))
	}
	return users, nil
}

// DisableUser disables an account (keeping the first time it was
// disabled) and deletes every session of it, in one transaction.
func (s *Store) DisableUser(ctx context.Context, login string) (registry.User, error) {
	const q = `UPDATE users SET disabled_at = coalesce(disabled_at, now()), updated_at = now() WHERE login = $1 RETURNING id`
	return s.changeUser(ctx, login, q)
}

// SetPasswordHash replaces an account's password hash and deletes every
// session of it, in one transaction.
func (s *Store) SetPasswordHash(ctx context.Context, login, hash string) (registry.User, error) {
	const q = `UPDATE users SET password_hash = $2, updated_at = now() WHERE login = $1 RETURNING id`
	return s.changeUser(ctx, login, q, hash)
}

// changeUser runs an update of one account that returns its id, then
// deletes the account's sessions, in the transaction ctx carries or one of
// its own, and returns the account as the transaction sees it.
func (s *Store) changeUser(ctx context.Context, login, update string, args ...any) (registry.User, error) {
	var u registry.User
	err := s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		var id string
		err := tx.QueryRowContext(ctx, update, append([]any{login}, args...)...).Scan(&id)
		if notFound(err) {
			return registry.ErrNotFound
		}
		if err != nil {
			return mapError(fmt.Errorf("change user: %w", err))
		}
		const del = `WITH gone AS (DELETE FROM user_sessions WHERE user_id = $1 RETURNING token)
			DELETE FROM sessions WHERE token IN (SELECT token FROM gone)`
		if _, err := tx.ExecContext(ctx, del, id); err != nil {
			return mapError(fmt.Errorf("delete sessions: %w", err))
		}
		u, err = s.GetUser(ctx, id)
		return err
	})
	if err != nil {
		return registry.User{}, err
	}
	return u, nil
}

// BindSession records that a session token belongs to a user; bindings of
// sessions that have expired are dropped on the way.
func (s *Store) BindSession(ctx context.Context, token, userID string) error {
	return s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		const clean = `DELETE FROM user_sessions b WHERE b.user_id = $1
			AND NOT EXISTS (SELECT 1 FROM sessions s WHERE s.token = b.token AND s.expiry > now())`
		if _, err := tx.ExecContext(ctx, clean, userID); err != nil {
			return mapError(fmt.Errorf("clean session bindings: %w", err))
		}
		const q = `INSERT INTO user_sessions (token, user_id) VALUES ($1, $2)
			ON CONFLICT (token) DO UPDATE SET user_id = EXCLUDED.user_id`
		if _, err := tx.ExecContext(ctx, q, token, userID); err != nil {
			return mapError(fmt.Errorf("bind session: %w", err))
		}
		return nil
	})
}

// RecordSignInFailure notes a failed sign-in of a login from an address.
func (s *Store) RecordSignInFailure(ctx context.Context, login, address string) error {
	const q = `INSERT INTO sign_in_failures (login, address) VALUES ($1, $2)`
	if _, err := s.db.ExecContext(ctx, q, login, address); err != nil {
		return mapError(fmt.Errorf("record sign-in failure: %w", err))
	}
	return nil
}

// SignInFailures counts the failed sign-ins since a time of a login and
// from an address, and forgets failures older than a day.
func (s *Store) SignInFailures(ctx context.Context, login, address string, since time.Time) (int, int, error) {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM sign_in_failures WHERE at < now() - interval '1 day'`); err != nil {
		return 0, 0, mapError(fmt.Errorf("forget sign-in failures: %w", err))
	}
	const q = `SELECT count(*) FILTER (WHERE login = $1), count(*) FILTER (WHERE address = $2)
		FROM sign_in_failures WHERE at >= $3 AND (login = $1 OR address = $2)`
	var byLogin, byAddress int
	if err := s.db.QueryRowContext(ctx, q, login, address, since).Scan(&byLogin, &byAddress); err != nil {
		return 0, 0, mapError(fmt.Errorf("count sign-in failures: %w", err))
	}
	return byLogin, byAddress, nil
}

// ClearSignInFailures forgets the failures of a login after it signed in.
func (s *Store) ClearSignInFailures(ctx context.Context, login string) error {
	if _, err := s.db.ExecContext(ctx, `DELETE FROM sign_in_failures WHERE login = $1`, login); err != nil {
		return mapError(fmt.Errorf("clear sign-in failures: %w", err))
	}
	return nil
}
