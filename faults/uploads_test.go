//go:build faults

package faults

import (
	"bytes"
	"fmt"
	"io/fs"
	"net"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestUploadKilledMidway kills `registry serve` with SIGKILL while a file's
// bytes are half-way into the blob folder. The upload leaves no file row,
// only its reservation and its partial bytes; the restarted binary's sweep
// (REGISTRY_UPLOAD_SWEEP_AFTER, 2 s here instead of an hour) deletes both,
// leaving no stray bytes in the blob folder, and the upload's
// Idempotency-Key may then be used again.
func TestUploadKilledMidway(t *testing.T) {
	pg := newCluster(t)
	dbURL := pg.url("registry")
	blobDir := t.TempDir()
	env := map[string]string{"REGISTRY_BLOB_URL": "file://" + blobDir, "REGISTRY_UPLOAD_SWEEP_AFTER": "2s"}
	a := startService(t, dbURL, env, "--demo")
	registrar := newKey(t, dbURL, "registrar", "changshou-cppcc", "faults changshou")
	db := pg.open("registry")
	c := newClient(15 * time.Second)
	agreement := idOf(c.must(t, 201, "POST", a.base+"/v1/agreements", registrar,
		agreementBody("上传中断测试协议", "changshou-cppcc", "pengzhou-cppcc"), nil))
	count := func(table string) int {
		t.Helper()
		var n int
		if err := db.QueryRow(`SELECT count(*) FROM ` + table).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	// files lists every regular file of the blob folder with its size.
	files := func() map[string]int64 {
		t.Helper()
		out := map[string]int64{}
		err := filepath.WalkDir(blobDir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			out[strings.TrimPrefix(p, blobDir+"/")] = info.Size()
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}

	// Half of a 1 MiB PDF, then nothing more: the upload is streaming.
	pdf := append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte("会议纪要 中断的上传 "), 1<<20/28)...)
	conn, err := net.Dial("tcp", a.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /v1/agreements/%s/files HTTP/1.1\r\nHost: registry\r\nAuthorization: Bearer %s\r\n"+
		"Content-Type: application/pdf\r\nIdempotency-Key: killed-upload\r\nContent-Length: %d\r\n\r\n", agreement, registrar, len(pdf))
	if _, err := conn.Write(pdf[:len(pdf)/2]); err != nil {
		t.Fatal(err)
	}
	var partial string
	for deadline := time.Now().Add(30 * time.Second); partial == ""; time.Sleep(10 * time.Millisecond) {
		for name, size := range files() {
			if strings.HasSuffix(name, ".tmp") && size >= int64(len(pdf)/4) {
				partial = name
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the upload's bytes never reached the blob folder: %v", files())
		}
	}
	if n := count("file_uploads"); n != 1 {
		t.Fatalf("%d upload reservations while the bytes stream, want 1", n)
	}

	a.signal(syscall.SIGKILL)
	<-a.exited
	if n := count("files"); n != 0 {
		t.Fatalf("%d file rows after the kill, want none", n)
	}
	if _, ok := files()[partial]; !ok {
		t.Fatalf("the killed upload's partial bytes %s are gone before any sweep: %v", partial, files())
	}
	t.Logf("after SIGKILL: no file row, 1 reservation, stray bytes %s (%d bytes)", partial, files()[partial])

	b := startService(t, dbURL, env, "--migrate=false")
	b.waitLog(t, `"msg":"swept abandoned uploads","count":1`, 30*time.Second)
	if left := files(); len(left) != 0 {
		t.Fatalf("stray bytes in the blob folder after the sweep: %v", left)
	}
	if n, m := count("files"), count("file_uploads"); n != 0 || m != 0 {
		t.Fatalf("%d file rows and %d reservations after the sweep, want none", n, m)
	}

	// The key of the killed upload is free again, and the upload completes.
	c.must(t, 201, "POST", b.base+"/v1/agreements/"+agreement+"/files", registrar, pdf,
		map[string]string{"Content-Type": "application/pdf", "Idempotency-Key": "killed-upload"})
	if n, m := count("files"), count("file_uploads"); n != 1 || m != 0 {
		t.Fatalf("%d file rows and %d reservations after the upload is sent again, want 1 and 0", n, m)
	}
	var blobs []string
	for name := range files() {
		if !strings.HasSuffix(name, ".attrs") {
			blobs = append(blobs, name)
		}
	}
	if len(blobs) != 1 || strings.HasSuffix(blobs[0], ".tmp") {
		t.Fatalf("blobs after the upload is sent again: %v", files())
	}
}
