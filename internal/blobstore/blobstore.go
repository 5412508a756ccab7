// Package blobstore keeps the bytes of files in a gocloud.dev blob bucket
// named by a URL: file:///… (a folder on local disk, the default) or
// s3://bucket?endpoint=…&region=…&use_path_style=true for any
// S3-compatible store.
package blobstore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"gocloud.dev/blob"
	_ "gocloud.dev/blob/fileblob" // file:// URLs
	_ "gocloud.dev/blob/s3blob"   // s3:// URLs
	"gocloud.dev/gcerrors"

	"github.com/chengyu-collab/registry/internal/registry"
)

// Bucket is a blob bucket as the registry's Service uses it.
type Bucket struct {
	b   *blob.Bucket
	dir string // the folder of a file:// bucket, "" otherwise
}

var _ registry.Blobs = (*Bucket)(nil)

// Open opens the bucket of rawURL. A file:// folder is created when it
// does not exist, and the bytes of a write in progress go to a temporary
// file beside their key (no_tmp_dir), never to the system's temporary
// folder: the rename that ends the write then never crosses file systems,
// and a write cut by a crash leaves its bytes where Delete finds them.
func Open(ctx context.Context, rawURL string) (*Bucket, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, fmt.Errorf("blob URL: %w", err)
	}
	var dir string
	if u.Scheme == "file" {
		dir = filepath.FromSlash(u.Path)
		if err := os.MkdirAll(dir, 0o750); err != nil {
			return nil, fmt.Errorf("blob folder: %w", err)
		}
		q := u.Query()
		if !q.Has("no_tmp_dir") {
			q.Set("no_tmp_dir", "true")
			u.RawQuery = q.Encode()
			rawURL = u.String()
		}
	}
	b, err := blob.OpenBucket(ctx, rawURL)
	if err != nil {
		return nil, fmt.Errorf("open blob bucket: %w", err)
	}
	return &Bucket{b: b, dir: dir}, nil
}

// DefaultURL is the file:// URL of a folder under dir.
func DefaultURL(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("blob folder: %w", err)
	}
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String(), nil
}

// Close closes the bucket.
func (b *Bucket) Close() error { return b.b.Close() }

// Put streams r to key. When r fails the write is aborted: nothing is left
// at key (fileblob writes to a temporary file it renames only on success;
// S3 aborts the multipart upload).
func (b *Bucket) Put(ctx context.Context, key, contentType string, r io.Reader) error {
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	w, err := b.b.NewWriter(wctx, key, &blob.WriterOptions{ContentType: contentType, BufferSize: 1 << 20})
	if err != nil {
		return fmt.Errorf("blob writer: %w", err)
	}
	if _, err := io.Copy(w, r); err != nil {
		cancel()
		_ = w.Close()
		return fmt.Errorf("write blob: %w", err)
	}
	if err := w.Close(); err != nil {
		return fmt.Errorf("close blob: %w", err)
	}
	return nil
}

// NewRangeReader reads length bytes of key from offset (length < 0: to the
// end).
func (b *Bucket) NewRangeReader(ctx context.Context, key string, offset, length int64) (io.ReadCloser, error) {
	r, err := b.b.NewRangeReader(ctx, key, offset, length, nil)
	if err != nil {
		return nil, fmt.Errorf("read blob: %w", err)
	}
	return r, nil
}

// Delete removes key, and in a file:// bucket the temporary files of
// writes to key that a crash cut short (key.<hex>.tmp); a key that is not
// there is no error. It is meant for bytes no write is still storing.
func (b *Bucket) Delete(ctx context.Context, key string) error {
	err := b.b.Delete(ctx, key)
	if err != nil && gcerrors.Code(err) != gcerrors.NotFound {
		return fmt.Errorf("delete blob: %w", err)
	}
	if b.dir == "" || strings.ContainsAny(key, "*?[\\") {
		return nil
	}
	partial, err := filepath.Glob(filepath.Join(b.dir, filepath.FromSlash(key)) + ".*.tmp")
	if err != nil {
		return fmt.Errorf("partial writes of a blob: %w", err)
	}
	for _, p := range partial {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("delete a partial write: %w", err)
		}
	}
	return nil
}

// Exists reports whether key holds bytes (for tests and checks).
func (b *Bucket) Exists(ctx context.Context, key string) (bool, error) {
	ok, err := b.b.Exists(ctx, key)
	if err != nil && !errors.Is(err, context.Canceled) {
		return false, fmt.Errorf("blob exists: %w", err)
	}
	return ok, err
}

// Keys lists every key of the bucket (for tests: no stray bytes), partial
// writes included. A write ending while the folder is listed makes the
// listing fail on the temporary file it renamed or removed; the listing is
// then taken again.
func (b *Bucket) Keys(ctx context.Context) ([]string, error) {
	for attempt := 1; ; attempt++ {
		keys, err := b.keys(ctx)
		if err == nil || gcerrors.Code(err) != gcerrors.NotFound || attempt == 10 {
			return keys, err
		}
	}
}

func (b *Bucket) keys(ctx context.Context) ([]string, error) {
	var keys []string
	it := b.b.List(nil)
	for {
		o, err := it.Next(ctx)
		if err == io.EOF {
			return keys, nil
		}
		if err != nil {
			return nil, fmt.Errorf("list blobs: %w", err)
		}
		keys = append(keys, o.Key)
	}
}
