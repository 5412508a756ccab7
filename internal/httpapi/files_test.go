package httpapi_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"

	"github.com/chengyu-collab/registry/internal/blobstore"
	"github.com/chengyu-collab/registry/internal/demo"
	"github.com/chengyu-collab/registry/internal/httpapi"
	"github.com/chengyu-collab/registry/internal/postgres"
	"github.com/chengyu-collab/registry/internal/registry"
)

const testMaxFile = 256 << 10

// faultyBlobs and faultyStore inject the failures the fault tests need.
type faultyBlobs struct {
	registry.Blobs
	down bool
}

func (f *faultyBlobs) Put(ctx context.Context, key, ct string, r io.Reader) error {
	if f.down {
		return errors.New("connection refused")
	}
	return f.Blobs.Put(ctx, key, ct, r)
}

type faultyStore struct {
	*postgres.Store
	dbDown bool
}

func (f *faultyStore) InsertFile(ctx context.Context, file registry.File) (registry.File, error) {
	if f.dbDown {
		return registry.File{}, fmt.Errorf("%w: connection refused", registry.ErrUnavailable)
	}
	return f.Store.InsertFile(ctx, file)
}

type fileEnv struct {
	api    *testAPI
	bucket *blobstore.Bucket
	blobs  *faultyBlobs
	store  *faultyStore
}

func newFileEnv(t *testing.T, blobURL string) *fileEnv {
	bucket, err := blobstore.Open(context.Background(), blobURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bucket.Close() })
	env := &fileEnv{bucket: bucket, blobs: &faultyBlobs{Blobs: bucket}}
	env.api = newAPI(t, func(d *httpapi.Deps) {
		env.store = &faultyStore{Store: d.Store.(*postgres.Store)}
		svc := registry.NewService(env.store, nil)
		svc.UseBlobs(env.blobs, testMaxFile)
		d.Store, d.Service = env.store, svc
	})
	return env
}

func (e *fileEnv) keys(t *testing.T) []string {
	keys, err := e.bucket.Keys(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, k := range keys {
		if !strings.HasSuffix(k, ".attrs") {
			out = append(out, k)
		}
	}
	return out
}

func (e *fileEnv) upload(key, mediaType, name string, body []byte) response {
	return e.api.do(req{method: "POST", path: "/v1/agreements/" + demo.AgreementChangshouPengzhou + "/files?kind=full_text&title_zh=签署文本",
		key: key, body: body, header: map[string]string{"Content-Type": mediaType,
			"Content-Disposition": "attachment; filename*=UTF-8''" + url.PathEscape(name)}})
}

func TestFilesOnLocalFolder(t *testing.T) {
	t.Parallel()
	dir, err := blobstore.DefaultURL(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	fileSuite(t, newFileEnv(t, dir))
}

func TestFilesOnS3(t *testing.T) {
	t.Parallel()
	backend := s3mem.New()
	if err := backend.CreateBucket("files"); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(gofakes3.New(backend).Server())
	t.Cleanup(srv.Close)
	fileSuite(t, newFileEnv(t, "s3://files?region=us-east-1&anonymous=true&use_path_style=true&endpoint="+url.QueryEscape(srv.URL)))
}

func fileSuite(t *testing.T, e *fileEnv) {
	api := e.api
	pdf := append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("签署文本 "), 9000)...)
	sum := sha256.Sum256(pdf)

	r := e.upload(api.Changshou, "application/pdf", "../../etc/协议\n文本.pdf", pdf)
	expect(t, r, 201)
	f := r.JSON(t)
	id := f["id"].(string)
	if f["sha256"] != hex.EncodeToString(sum[:]) || f["size"].(float64) != float64(len(pdf)) || f["filename"] != "协议文本.pdf" ||
		f["record_type"] != "agreement" || f["kind"] != "full_text" || r.Header.Get("Location") != "/v1/files/"+id {
		t.Fatalf("metadata: %s", r.Body)
	}
	g := api.get("/v1/files/" + id + "/content")
	expect(t, g, 200)
	if !bytes.Equal(g.Body, pdf) || g.Header.Get("X-Content-Type-Options") != "nosniff" ||
		g.Header.Get("ETag") != `"`+hex.EncodeToString(sum[:])+`"` || g.Header.Get("Accept-Ranges") != "bytes" {
		t.Fatalf("download headers: %v", g.Header)
	}
	if cd := g.Header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") || !strings.Contains(cd, "filename*=UTF-8''"+url.PathEscape("协议文本.pdf")) {
		t.Fatalf("Content-Disposition = %q", cd)
	}
	part := api.do(req{method: "GET", path: "/v1/files/" + id + "/content", header: map[string]string{"Range": "bytes=1-4"}})
	expect(t, part, 206)
	if string(part.Body) != "PDF-" {
		t.Fatalf("range: %q", part.Body)
	}
	expect(t, api.do(req{method: "GET", path: "/v1/files/" + id + "/content", header: map[string]string{"If-None-Match": g.Header.Get("ETag")}}), 304)
	inline := api.get("/v1/files/" + id + "/content?inline=true")
	if !strings.HasPrefix(inline.Header.Get("Content-Disposition"), "inline;") {
		t.Fatalf("inline PDF on purpose: %v", inline.Header)
	}
	list := api.get("/v1/agreements/" + demo.AgreementChangshouPengzhou + "/files").JSON(t)["items"].([]any)
	if len(list) != 1 {
		t.Fatalf("files of the agreement: %v", list)
	}

	rows, keys := api.countRows("files"), len(e.keys(t))
	nothingLeft := func(what string) {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for {
			n, k := api.countRows("files"), len(e.keys(t))
			if n == rows && k == keys {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s left %d rows (want %d) and %d blobs (want %d)", what, n, rows, k, keys)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	exe := append([]byte("MZ\x90\x00"), make([]byte, 2000)...)
	p := expectProblem(t, e.upload(api.Changshou, "application/pdf", "a.pdf", exe), 422)
	if problemCode(p, "body") != "media_type_mismatch" {
		t.Fatalf("executable sent as PDF: %v", p)
	}
	nothingLeft("a mismatched type")
	expectProblem(t, e.upload(api.Changshou, "text/html", "a.html", []byte("<script>alert(1)</script>")), 415)
	nothingLeft("an unsupported type")
	expectProblem(t, e.upload(api.Changshou, "application/pdf", "big.pdf", append([]byte("%PDF-"), make([]byte, testMaxFile)...)), 413)
	nothingLeft("a body over the limit")
	expectProblem(t, e.upload(api.Yubei, "application/pdf", "a.pdf", pdf), 403)
	nothingLeft("a registrar outside the agreement")
	long := strings.Repeat("长", 1000) + ".pdf"
	r = e.upload(api.Changshou, "application/pdf", long, pdf)
	expect(t, r, 201)
	if n := len([]rune(r.JSON(t)["filename"].(string))); n != 255 {
		t.Fatalf("a 1,000-character name kept as %d characters", n)
	}
	rows, keys = api.countRows("files"), len(e.keys(t))

	// The blob store down: 503, no row.
	e.blobs.down = true
	expectProblem(t, e.upload(api.Changshou, "application/pdf", "a.pdf", pdf), 503)
	e.blobs.down = false
	nothingLeft("the blob store down")
	// The database down after the bytes were written: no row, bytes gone.
	e.store.dbDown = true
	expectProblem(t, e.upload(api.Changshou, "application/pdf", "a.pdf", pdf), 503)
	e.store.dbDown = false
	nothingLeft("the database down after the bytes")

	// A connection cut half-way: no row, no stray bytes.
	u, _ := url.Parse(api.URL)
	conn, err := net.Dial("tcp", u.Host)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(conn, "POST /v1/agreements/%s/files HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\nContent-Type: application/pdf\r\nContent-Length: %d\r\n\r\n",
		demo.AgreementChangshouPengzhou, api.Changshou, len(pdf))
	_, _ = conn.Write(pdf[:len(pdf)/2])
	time.Sleep(200 * time.Millisecond)
	conn.Close()
	nothingLeft("a connection cut half-way")

	// Archive: 200 with the metadata, then 409; the bytes stay readable.
	d := api.do(req{method: "DELETE", path: "/v1/files/" + id, key: api.Pengzhou})
	expect(t, d, 200)
	if d.JSON(t)["archived_at"] == nil {
		t.Fatalf("archive: %s", d.Body)
	}
	expectProblem(t, api.do(req{method: "DELETE", path: "/v1/files/" + id, key: api.Pengzhou}), 409)
	expect(t, api.get("/v1/files/"+id+"/content"), 200)
	hist := api.do(req{method: "GET", path: "/v1/audit?entity=file&entity_id=" + id, key: api.Admin}).JSON(t)["items"].([]any)
	if len(hist) != 2 {
		t.Fatalf("audit of the file: %v", hist)
	}
	_ = http.StatusOK
}
