package postgres

import (
	"context"
	"database/sql"
	"errors"
	"testing"

	"github.com/chengyu-collab/registry/internal/registry"
)

// TestTransactionRetriesSerializationFailures raises real serialization
// failure and deadlock errors in the first attempts of a transaction: the
// store runs it again and the caller sees success; a conflict that never
// ends becomes ErrUnavailable (503), never an internal error.
func TestTransactionRetriesSerializationFailures(t *testing.T) {
	t.Parallel()
	s := newInternalStore(t)
	ctx := context.Background()
	attempts := 0
	err := s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		attempts++
		code := map[int]string{1: "40001", 2: "40P01"}[attempts]
		if code != "" {
			_, err := tx.ExecContext(ctx, `DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '`+code+`'; END $$`)
			return mapError(err)
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO cooperation_areas (code, name_zh) VALUES ('retried', '重试')`)
		return mapError(err)
	})
	if err != nil || attempts != 3 {
		t.Fatalf("inTx = %v after %d attempts, want success on the third", err, attempts)
	}
	if _, err := s.GetArea(ctx, "retried"); err != nil {
		t.Fatalf("the retried write is missing: %v", err)
	}
	err = s.inTx(ctx, func(ctx context.Context, tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = '40001'; END $$`)
		return mapError(err)
	})
	if !errors.Is(err, registry.ErrUnavailable) {
		t.Fatalf("endless conflict: err = %v, want ErrUnavailable", err)
	}
}
