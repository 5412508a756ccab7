package httpapi_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chengyu-collab/registry/internal/blobstore"
	"github.com/chengyu-collab/registry/internal/registry"
)

// TestSweepAbandonedUploads leaves behind what a process killed in the
// middle of uploads would (reservations with their bytes whole or half
// written) and shows that the sweep deletes exactly those bytes and
// reservations, once they are older than the bound, and nothing a stored
// file or a live upload still needs.
func TestSweepAbandonedUploads(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	blobURL, err := blobstore.DefaultURL(dir)
	if err != nil {
		t.Fatal(err)
	}
	e := newFileEnv(t, blobURL)
	api, ctx := e.api, context.Background()
	pdf := append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("签署文本 "), 3000)...)
	stored := e.upload(api.Changshou, "application/pdf", "signed.pdf", pdf)
	expect(t, stored, 201)
	svc := registry.NewService(api.Store, nil)
	svc.UseBlobs(e.bucket, testMaxFile)

	reserve := func(key, holder, idem string) {
		t.Helper()
		if err := api.Store.ReserveUpload(ctx, registry.PendingUpload{BlobKey: key, Holder: holder, Key: idem}, registry.DefaultUploadSweepAfter); err != nil {
			t.Fatal(err)
		}
	}
	age := func(key, by string) {
		t.Helper()
		if _, err := api.Store.DB().Exec(`UPDATE file_uploads SET touched_at = touched_at - $2::interval WHERE blob_key = $1`, key, by); err != nil {
			t.Fatal(err)
		}
	}
	// Whole bytes whose metadata never came, and a write cut half-way.
	reserve("files/00000000-0000-7000-8000-000000000001", "", "")
	if err := e.bucket.Put(ctx, "files/00000000-0000-7000-8000-000000000001", "application/pdf", bytes.NewReader(pdf)); err != nil {
		t.Fatal(err)
	}
	reserve("files/00000000-0000-7000-8000-000000000002", "holder", "cut-upload")
	partial := filepath.Join(dir, "files", "00000000-0000-7000-8000-000000000002.18a2b3c4d5e6f708.tmp")
	if err := os.WriteFile(partial, pdf[:100], 0o600); err != nil {
		t.Fatal(err)
	}
	// A reservation left on the bytes of a stored file, and a live upload.
	reserve("files/"+stored.JSON(t)["id"].(string), "", "")
	reserve("files/00000000-0000-7000-8000-000000000003", "", "")
	if err := e.bucket.Put(ctx, "files/00000000-0000-7000-8000-000000000003", "application/pdf", bytes.NewReader(pdf)); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"000000000001", "000000000002"} {
		age("files/00000000-0000-7000-8000-"+k, "2 hours")
	}
	age("files/"+stored.JSON(t)["id"].(string), "2 hours")
	age("files/00000000-0000-7000-8000-000000000003", "59 minutes")

	n, err := svc.SweepUploads(ctx)
	if err != nil || n != 3 {
		t.Fatalf("swept %d uploads (%v), want 3", n, err)
	}
	keys := e.keys(t)
	want := []string{"files/00000000-0000-7000-8000-000000000003", "files/" + stored.JSON(t)["id"].(string)}
	if strings.Join(keys, " ") != strings.Join(want, " ") && strings.Join(keys, " ") != want[1]+" "+want[0] {
		t.Fatalf("blobs after the sweep: %v, want %v", keys, want)
	}
	if _, err := os.Stat(partial); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the half-written bytes are still there: %v", err)
	}
	if n := api.countRows("file_uploads"); n != 1 {
		t.Fatalf("%d reservations after the sweep, want only the live one", n)
	}
	expect(t, api.get("/v1/files/"+stored.JSON(t)["id"].(string)+"/content"), 200)

	// A reservation swept before its metadata is stored fails the upload.
	st := registry.StagedFile{File: registry.File{ID: "00000000-0000-7000-8000-000000000004", BlobKey: "files/00000000-0000-7000-8000-000000000004"}}
	if _, err := svc.CommitFile(ctx, registry.Actor{Role: registry.RoleAdmin}, st); !errors.Is(err, registry.ErrUploadSwept) {
		t.Fatalf("commit without a reservation: %v", err)
	}
}
