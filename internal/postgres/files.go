package postgres

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/chengyu-collab/registry/internal/registry"
)

const fileColumns = `f.id, f.record_type, f.record_id, f.blob_key, f.filename, f.media_type, f.size, f.sha256, f.title_zh,
	f.title_en, f.kind, f.uploaded_at, f.uploaded_by, f.archived_at`

func scanFile(sc scanner) (registry.File, error) {
	var f registry.File
	var titleZh, titleEn, kind, by sql.NullString
	var archived sql.NullTime
	err := sc.Scan(&f.ID, &f.RecordType, &f.RecordID, &f.BlobKey, &f.Filename, &f.MediaType, &f.Size, &f.SHA256,
		&titleZh, &titleEn, &kind, &f.UploadedAt, &by, &archived)
	if notFound(err) {
		return f, registry.ErrNotFound
	}
	if err != nil {
		return f, mapError(fmt.Errorf("scan file: %w", err))
	}
	f.TitleZh, f.TitleEn, f.UploadedBy, f.ArchivedAt = stringPtr(titleZh), stringPtr(titleEn), stringPtr(by), timePtr(archived)
	f.UploadedAt = f.UploadedAt.UTC()
	if kind.Valid {
		k := registry.FileKind(kind.String)
		f.Kind = &k
	}
	return f, nil
}

// InsertFile stores a file's metadata.
func (s *Store) InsertFile(ctx context.Context, f registry.File) (registry.File, error) {
	const q = `INSERT INTO files (id, record_type, record_id, blob_key, filename, media_type, size, sha256, title_zh, title_en,
		kind, uploaded_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`
	if _, err := s.q(ctx).ExecContext(ctx, q, f.ID, string(f.RecordType), f.RecordID, f.BlobKey, f.Filename, f.MediaType, f.Size,
		f.SHA256, nullString(f.TitleZh), nullString(f.TitleEn), nullText(f.Kind), nullString(f.UploadedBy)); err != nil {
		return registry.File{}, mapError(fmt.Errorf("insert file: %w", err))
	}
	return s.GetFile(ctx, f.ID)
}

// GetFile returns a file's metadata by id.
func (s *Store) GetFile(ctx context.Context, id string) (registry.File, error) {
	if !isUUID(id) {
		return registry.File{}, registry.ErrNotFound
	}
	return scanFile(s.q(ctx).QueryRowContext(ctx, `SELECT `+fileColumns+` FROM files f WHERE f.id = $1`, id))
}

// LockFile reads a file's metadata under a row lock.
func (s *Store) LockFile(ctx context.Context, id string) (registry.File, error) {
	if err := s.lockRow(ctx, "files", "id", id); err != nil {
		return registry.File{}, err
	}
	return s.GetFile(ctx, id)
}

// ArchiveFile sets archived_at; the bytes are kept.
func (s *Store) ArchiveFile(ctx context.Context, id string) (registry.File, error) {
	if _, err := s.q(ctx).ExecContext(ctx, `UPDATE files SET archived_at = now() WHERE id = $1`, id); err != nil {
		return registry.File{}, mapError(fmt.Errorf("archive file: %w", err))
	}
	return s.GetFile(ctx, id)
}

// ListFiles lists a record's files oldest first (files_record_idx).
func (s *Store) ListFiles(ctx context.Context, t registry.FileRecordType, recordID string, includeArchived bool, limit int,
	cursor string) (registry.Page[registry.File], error) {
	empty := registry.Page[registry.File]{Items: []registry.File{}}
	var w whereBuilder
	w.add(`f.record_type = ` + w.arg(string(t)))
	w.add(`f.record_id = ` + w.arg(recordID))
	if !includeArchived {
		w.add(`f.archived_at IS NULL`)
	}
	if cursor != "" {
		parts, err := decodeCursor(cursor, 2)
		var at time.Time
		if err == nil {
			at, err = time.Parse(time.RFC3339Nano, parts[0])
		}
		if err != nil || !isUUID(parts[1]) {
			return empty, &registry.BadParam{Name: "cursor", Code: "invalid_cursor", Value: cursor}
		}
		w.add(`(f.uploaded_at, f.id) > (` + w.arg(at) + `, ` + w.arg(parts[1]) + `::uuid)`)
	}
	q := `SELECT ` + fileColumns + ` FROM files f` + w.sql() + ` ORDER BY f.uploaded_at, f.id LIMIT ` + w.arg(limit+1)
	var items []registry.File
	err := eachRow(ctx, s.q(ctx), q, w.args, func(sc scanner) error {
		f, err := scanFile(sc)
		items = append(items, f)
		return err
	})
	if err != nil {
		return empty, fmt.Errorf("list files: %w", err)
	}
	return trimPage(items, limit, func(f registry.File) []string {
		return []string{f.UploadedAt.Format(time.RFC3339Nano), f.ID}
	}), nil
}
