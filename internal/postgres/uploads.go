package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/chengyu-collab/registry/internal/registry"
)

// ReserveUpload stores the reservation of an upload in a transaction of its
// own, before its bytes are stored. An upload with an Idempotency-Key first
// takes the key away from a reservation of the same holder untouched for
// longer than liveFor (a dead process's; the sweeper deletes its bytes),
// then inserts; ErrInFlight when a live reservation still holds the key.
// While the transaction storing a first upload's metadata runs, the insert
// waits for it, so that the repeat then replays its answer.
func (s *Store) ReserveUpload(ctx context.Context, u registry.PendingUpload, liveFor time.Duration) error {
	return retry(ctx, func() error {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return mapError(fmt.Errorf("begin: %w", err))
		}
		defer tx.Rollback()
		var holder, key sql.NullString
		if u.Key != "" {
			holder, key = sql.NullString{String: u.Holder, Valid: true}, sql.NullString{String: u.Key, Valid: true}
			if _, err := tx.ExecContext(ctx, `UPDATE file_uploads SET holder = NULL, idem_key = NULL
				WHERE holder = $1 AND idem_key = $2 AND touched_at < now() - $3 * interval '1 second'`,
				holder, key, liveFor.Seconds()); err != nil {
				return mapError(fmt.Errorf("release a stale upload key: %w", err))
			}
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO file_uploads (blob_key, holder, idem_key) VALUES ($1, $2, $3)
			ON CONFLICT (holder, idem_key) WHERE idem_key IS NOT NULL DO NOTHING`, u.BlobKey, holder, key)
		if err != nil {
			return mapError(fmt.Errorf("reserve upload: %w", err))
		}
		if n, err := res.RowsAffected(); err != nil {
			return mapError(fmt.Errorf("reserve upload: %w", err))
		} else if n == 0 {
			return registry.ErrInFlight
		}
		if err := tx.Commit(); err != nil {
			return mapError(fmt.Errorf("commit: %w", err))
		}
		return nil
	})
}

// TouchUpload marks an upload's reservation as alive.
func (s *Store) TouchUpload(ctx context.Context, blobKey string) error {
	if _, err := s.db.ExecContext(ctx, `UPDATE file_uploads SET touched_at = now() WHERE blob_key = $1`, blobKey); err != nil {
		return mapError(fmt.Errorf("touch upload: %w", err))
	}
	return nil
}

// DeleteUpload deletes an upload's reservation, in the transaction of ctx
// when there is one (where it waits for a sweeper holding the row); false
// when there was none.
func (s *Store) DeleteUpload(ctx context.Context, blobKey string) (bool, error) {
	res, err := s.q(ctx).ExecContext(ctx, `DELETE FROM file_uploads WHERE blob_key = $1`, blobKey)
	if err != nil {
		return false, mapError(fmt.Errorf("delete upload reservation: %w", err))
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, mapError(fmt.Errorf("delete upload reservation: %w", err))
	}
	return n > 0, nil
}

// LockAbandonedUploads locks, in the transaction of ctx, up to limit
// reservations untouched for longer than olderThan, oldest first, skipping
// those another transaction holds (an upload storing its metadata).
func (s *Store) LockAbandonedUploads(ctx context.Context, olderThan time.Duration, limit int) ([]registry.PendingUpload, error) {
	const q = `SELECT u.blob_key, coalesce(u.holder, ''), coalesce(u.idem_key, ''),
			EXISTS (SELECT 1 FROM files f WHERE f.blob_key = u.blob_key)
		FROM file_uploads u WHERE u.touched_at < now() - $1 * interval '1 second'
		ORDER BY u.touched_at LIMIT $2 FOR UPDATE OF u SKIP LOCKED`
	var out []registry.PendingUpload
	err := eachRow(ctx, s.q(ctx), q, []any{olderThan.Seconds(), limit}, func(sc scanner) error {
		var u registry.PendingUpload
		if err := sc.Scan(&u.BlobKey, &u.Holder, &u.Key, &u.Stored); err != nil {
			return mapError(fmt.Errorf("scan upload reservation: %w", err))
		}
		out = append(out, u)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("abandoned uploads: %w", err)
	}
	return out, nil
}
