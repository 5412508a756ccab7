package httpapi_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/chengyu-collab/registry/internal/blobstore"
	"github.com/chengyu-collab/registry/internal/demo"
	"github.com/chengyu-collab/registry/internal/registry"
)

// signalBlobs tells the test when an upload's bytes start to be stored,
// if the test is waiting for it.
type signalBlobs struct {
	registry.Blobs
	started chan struct{}
}

func (s *signalBlobs) Put(ctx context.Context, key, ct string, r io.Reader) error {
	select {
	case s.started <- struct{}{}:
	default:
	}
	return s.Blobs.Put(ctx, key, ct, r)
}

// uploadKeyed uploads a PDF with an Idempotency-Key.
func (e *fileEnv) uploadKeyed(apiKey, idemKey, name string, body []byte) response {
	return e.api.do(req{method: "POST", path: "/v1/agreements/" + demo.AgreementChangshouPengzhou + "/files?kind=minutes",
		key: apiKey, body: body, header: map[string]string{"Content-Type": "application/pdf", "Idempotency-Key": idemKey,
			"Content-Disposition": "attachment; filename=" + name}})
}

func TestFileUploadIdempotency(t *testing.T) {
	t.Parallel()
	dir, err := blobstore.DefaultURL(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	e := newFileEnv(t, dir)
	signal := &signalBlobs{Blobs: e.blobs.Blobs, started: make(chan struct{})}
	e.blobs.Blobs = signal
	api := e.api
	pdf := append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("会议纪要 "), 5000)...)
	other := append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("另一文件 "), 5000)...)
	state := func(t *testing.T, rows, blobs int) {
		t.Helper()
		if n, k := api.countRows("files"), len(e.keys(t)); n != rows || k != blobs {
			t.Fatalf("%d rows and %d blobs, want %d and %d", n, k, rows, blobs)
		}
	}

	t.Run("a repeat replays the first 201 and stores nothing", func(t *testing.T) {
		first := e.uploadKeyed(api.Changshou, "upload-1", "minutes.pdf", pdf)
		expect(t, first, 201)
		state(t, 1, 1)
		again := e.uploadKeyed(api.Changshou, "upload-1", "minutes.pdf", pdf)
		expect(t, again, 201)
		if !bytes.Equal(again.Body, first.Body) || again.Header.Get("Location") != first.Header.Get("Location") ||
			again.Header.Get("Idempotent-Replayed") != "true" {
			t.Fatalf("replay differs:\n%s %v\n%s %v", first.Body, first.Header, again.Body, again.Header)
		}
		state(t, 1, 1)
	})
	t.Run("other bytes under the same key are 422", func(t *testing.T) {
		expectProblem(t, e.uploadKeyed(api.Changshou, "upload-1", "minutes.pdf", other), 422)
		state(t, 1, 1)
	})
	t.Run("another name under the same key is 422", func(t *testing.T) {
		expectProblem(t, e.uploadKeyed(api.Changshou, "upload-1", "renamed.pdf", pdf), 422)
		state(t, 1, 1)
	})
	t.Run("the same key of another key holder is unrelated", func(t *testing.T) {
		expect(t, e.uploadKeyed(api.Admin, "upload-1", "minutes.pdf", pdf), 201)
		state(t, 2, 2)
	})
	t.Run("a failure is not stored and may be retried", func(t *testing.T) {
		expectProblem(t, e.uploadKeyed(api.Changshou, "upload-2", "a.pdf", []byte("MZ not a PDF")), 422)
		e.store.dbDown = true
		expectProblem(t, e.uploadKeyed(api.Changshou, "upload-2", "a.pdf", other), 503)
		e.store.dbDown = false
		state(t, 2, 2)
		expect(t, e.uploadKeyed(api.Changshou, "upload-2", "a.pdf", other), 201)
		state(t, 3, 3)
	})
	t.Run("a malformed key is 400", func(t *testing.T) {
		expectProblem(t, e.uploadKeyed(api.Changshou, "has space", "a.pdf", pdf), 400)
		state(t, 3, 3)
	})
	t.Run("a repeat while the first is running is 409", func(t *testing.T) {
		pr, pw := io.Pipe()
		defer pw.CloseWithError(io.ErrUnexpectedEOF) // never leave the first upload hanging
		hr, err := http.NewRequest("POST", api.URL+"/v1/agreements/"+demo.AgreementChangshouPengzhou+"/files", pr)
		if err != nil {
			t.Fatal(err)
		}
		hr.Header.Set("Authorization", "Bearer "+api.Changshou)
		hr.Header.Set("Content-Type", "application/pdf")
		hr.Header.Set("Idempotency-Key", "upload-3")
		done := make(chan *http.Response, 1)
		go func() {
			resp, err := http.DefaultClient.Do(hr)
			if err != nil {
				t.Error(err)
			}
			done <- resp
		}()
		go func() {
			_, _ = pw.Write(pdf[:1000])
		}()
		select {
		case <-signal.started:
		case <-time.After(10 * time.Second):
			t.Fatal("the first upload never reached the blob store")
		}
		expectProblem(t, e.api.do(req{method: "POST", path: "/v1/agreements/" + demo.AgreementChangshouPengzhou + "/files",
			key: api.Changshou, body: pdf, header: map[string]string{"Content-Type": "application/pdf", "Idempotency-Key": "upload-3"}}), 409)
		go func() {
			_, _ = pw.Write(pdf[1000:])
			_ = pw.Close()
		}()
		resp := <-done
		if resp == nil {
			return
		}
		first, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 201 {
			t.Fatalf("the first upload: %d %s", resp.StatusCode, first)
		}
		state(t, 4, 4)
		again := e.api.do(req{method: "POST", path: "/v1/agreements/" + demo.AgreementChangshouPengzhou + "/files",
			key: api.Changshou, body: pdf, header: map[string]string{"Content-Type": "application/pdf", "Idempotency-Key": "upload-3"}})
		expect(t, again, 201)
		if !bytes.Equal(again.Body, first) {
			t.Fatalf("replay differs:\n%s\n%s", first, again.Body)
		}
		state(t, 4, 4)
	})
}
