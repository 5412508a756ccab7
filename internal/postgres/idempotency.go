package postgres

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/chengyu-collab/registry/internal/registry"
)

// IdempotencyRetention is how long stored responses are kept; the contract
// promises at least 24 hours.
const IdempotencyRetention = 48 * time.Hour

// Idempotent runs fn at most once per (holder, key). It opens a transaction,
// takes a transaction-scoped advisory lock on the pair (ErrInFlight when
// another request holds it), and replays the stored response when one
// exists (ErrIdempotencyMismatch when it was stored for a different request
// hash). Otherwise fn runs with the transaction in its context, so that the
// write it does and the stored response commit together, or not at all.
// Only 2xx responses are stored; anything else rolls back.
func (s *Store) Idempotent(ctx context.Context, holder, key string, hash []byte,
	fn func(ctx context.Context) (registry.StoredResponse, error)) (resp registry.StoredResponse, replayed bool, err error) {
	err = retry(ctx, func() error {
		resp, replayed, err = s.idempotentOnce(ctx, holder, key, hash, fn)
		return err
	})
	return resp, replayed, err
}

// The statements of Idempotent, in the order they run: the advisory lock
// ($1 holder, $2 key), the lookup of a stored answer ($3 the retention in
// seconds) and the storing of the answer.
const (
	idempotencyLockSQL   = `SELECT pg_try_advisory_xact_lock(hashtext($1), hashtext($2))`
	idempotencyLookupSQL = `SELECT request_hash, status, location, etag, body FROM idempotency_keys
		WHERE holder = $1 AND key = $2 AND created_at > now() - $3 * interval '1 second'`
	idempotencyStoreSQL = `INSERT INTO idempotency_keys (holder, key, request_hash, status, location, etag, body)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (holder, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, status = EXCLUDED.status,
			location = EXCLUDED.location, etag = EXCLUDED.etag, body = EXCLUDED.body, created_at = now()`
)

func (s *Store) idempotentOnce(ctx context.Context, holder, key string, hash []byte,
	fn func(ctx context.Context) (registry.StoredResponse, error)) (resp registry.StoredResponse, replayed bool, err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return resp, false, mapError(fmt.Errorf("begin: %w", err))
	}
	defer tx.Rollback()
	var locked bool
	if err := tx.QueryRowContext(ctx, idempotencyLockSQL, holder, key).Scan(&locked); err != nil {
		return resp, false, mapError(fmt.Errorf("idempotency lock: %w", err))
	}
	if !locked {
		return resp, false, registry.ErrInFlight
	}
	var stored []byte
	var loc, etag sql.NullString
	err = tx.QueryRowContext(ctx, idempotencyLookupSQL, holder, key, IdempotencyRetention.Seconds()).Scan(&stored, &resp.Status, &loc, &etag, &resp.Body)
	switch {
	case err == nil:
		if !bytes.Equal(stored, hash) {
			return registry.StoredResponse{}, false, registry.ErrIdempotencyMismatch
		}
		resp.Location, resp.ETag = loc.String, etag.String
		return resp, true, nil
	case !notFound(err):
		return resp, false, mapError(fmt.Errorf("read idempotency key: %w", err))
	}
	resp, err = fn(context.WithValue(ctx, txKey{}, tx))
	if err != nil || resp.Status < 200 || resp.Status > 299 {
		return resp, false, err
	}
	if _, err := tx.ExecContext(ctx, idempotencyStoreSQL, holder, key, hash, resp.Status, nullIfEmpty(resp.Location), nullIfEmpty(resp.ETag), resp.Body); err != nil {
		return resp, false, mapError(fmt.Errorf("store idempotent response: %w", err))
	}
	if err := tx.Commit(); err != nil {
		return resp, false, mapError(fmt.Errorf("commit: %w", err))
	}
	return resp, false, nil
}

// PurgeIdempotencyKeys deletes stored responses older than the retention.
func (s *Store) PurgeIdempotencyKeys(ctx context.Context) (int64, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM idempotency_keys WHERE created_at < now() - $1 * interval '1 second'`,
		IdempotencyRetention.Seconds())
	if err != nil {
		return 0, mapError(fmt.Errorf("purge idempotency keys: %w", err))
	}
	return res.RowsAffected()
}
