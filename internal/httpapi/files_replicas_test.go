package httpapi_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/chengyu-collab/registry/internal/blobstore"
	"github.com/chengyu-collab/registry/internal/demo"
	"github.com/chengyu-collab/registry/internal/httpapi"
	"github.com/chengyu-collab/registry/internal/postgres"
	"github.com/chengyu-collab/registry/internal/registry"
)

// secondReplica starts another registry over the database and blob folder
// of e, as a second replica would run: its own pool, Service and handler.
func secondReplica(t *testing.T, e *fileEnv, blobURL string) string {
	t.Helper()
	ctx := context.Background()
	store, err := postgres.Open(ctx, e.api.DBURL, 4)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	bucket, err := blobstore.Open(ctx, blobURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bucket.Close() })
	svc := registry.NewService(store, nil)
	svc.UseBlobs(bucket, testMaxFile)
	srv := httptest.NewServer(httpapi.NewHandler(httpapi.Deps{Store: store, Service: svc}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// TestFileUploadIdempotencyAcrossReplicas sends the same upload to two
// replicas over one database: while the first still streams its bytes the
// second answers 409, and once the first is stored the second replays it.
func TestFileUploadIdempotencyAcrossReplicas(t *testing.T) {
	t.Parallel()
	blobURL, err := blobstore.DefaultURL(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	e := newFileEnv(t, blobURL)
	signal := &signalBlobs{Blobs: e.blobs.Blobs, started: make(chan struct{})}
	e.blobs.Blobs = signal
	other := secondReplica(t, e, blobURL)
	api := e.api
	path := "/v1/agreements/" + demo.AgreementChangshouPengzhou + "/files?kind=minutes"
	pdf := append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("两地协商纪要 "), 4000)...)
	send := func(base string, body io.Reader) (*http.Response, []byte) {
		t.Helper()
		hr, err := http.NewRequest("POST", base+path, body)
		if err != nil {
			t.Fatal(err)
		}
		hr.Header.Set("Authorization", "Bearer "+api.Changshou)
		hr.Header.Set("Content-Type", "application/pdf")
		hr.Header.Set("Content-Disposition", "attachment; filename*=UTF-8''minutes.pdf")
		hr.Header.Set("Idempotency-Key", "replicated-upload")
		resp, err := http.DefaultClient.Do(hr)
		if err != nil {
			t.Error(err)
			return nil, nil
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp, b
	}

	pr, pw := io.Pipe()
	defer pw.CloseWithError(io.ErrUnexpectedEOF) // never leave the first upload hanging
	type answer struct {
		resp *http.Response
		body []byte
	}
	done := make(chan answer, 1)
	go func() {
		resp, b := send(api.URL, pr)
		done <- answer{resp, b}
	}()
	go func() { _, _ = pw.Write(pdf[:2000]) }()
	select {
	case <-signal.started:
	case <-time.After(10 * time.Second):
		t.Fatal("the first upload never reached the blob store")
	}
	if n := api.countRows("file_uploads"); n != 1 {
		t.Fatalf("%d upload reservations while the first streams, want 1", n)
	}
	resp, body := send(other, bytes.NewReader(pdf))
	if resp == nil || resp.StatusCode != 409 {
		t.Fatalf("the same key on the other replica while the first streams: %v %s", resp, body)
	}
	go func() {
		_, _ = pw.Write(pdf[2000:])
		_ = pw.Close()
	}()
	first := <-done
	if first.resp == nil || first.resp.StatusCode != 201 {
		t.Fatalf("the first upload: %v %s", first.resp, first.body)
	}
	resp, body = send(other, bytes.NewReader(pdf))
	if resp == nil || resp.StatusCode != 201 || resp.Header.Get("Idempotent-Replayed") != "true" ||
		!bytes.Equal(body, first.body) || resp.Header.Get("Location") != first.resp.Header.Get("Location") {
		t.Fatalf("the repeat on the other replica is no replay: %v %s\nfirst: %s", resp, body, first.body)
	}
	if rows, blobs, pending := api.countRows("files"), len(e.keys(t)), api.countRows("file_uploads"); rows != 1 || blobs != 1 || pending != 0 {
		t.Fatalf("%d file rows, %d blobs and %d reservations, want 1, 1 and 0", rows, blobs, pending)
	}
}
