package registry

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// File is the metadata of a file on an agreement, consultation or joint
// action; its bytes live in the blob store. Files never change: they are
// added and may be archived.
type File struct {
	// 服务器分配的 UUID（只读） / UUID chosen by the server (read-only)
	ID string `json:"id" binding:"required" format:"uuid" example:"0193a5c2-b3c4-7d5e-8f60-7a8b9c0d1e2f"`
	// 文件所属记录的类别 / kind of record the file belongs to
	RecordType FileRecordType `json:"record_type" binding:"required"`
	// 文件所属协议、联合协商或联合履职的 UUID / UUID of the agreement, consultation or joint action the file belongs to
	RecordID string `json:"record_id" binding:"required" format:"uuid" example:"0193a5c2-7d1e-7c4f-9a70-1f1c2b3d4e5f"`
	// 文件名，取自上传时 Content-Disposition 的 filename*，去掉路径与控制字符，最多 255 个字符；没有时为 file / file name, from the filename* of Content-Disposition at upload, without path or control characters, at most 255 characters; file when none was given
	Filename string `json:"filename" binding:"required" example:"框架协议.pdf"`
	// 媒体类型：PDF、JPEG、PNG、DOCX、XLSX 或 OFD / media type: PDF, JPEG, PNG, DOCX, XLSX or OFD
	MediaType string `json:"media_type" binding:"required" example:"application/pdf"`
	// 文件大小（字节） / size in bytes
	Size int64 `json:"size" binding:"required" example:"482113"`
	// 文件内容的 SHA-256，64 位十六进制；下载的 ETag 即其带引号形式 / SHA-256 of the bytes, 64 hex digits; the download's ETag is it in quotes
	SHA256 string `json:"sha256" binding:"required" example:"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"`
	// 中文标题，1–200 个字符；未给出时为 null / title in Chinese, 1–200 characters; null when not given
	TitleZh *string `json:"title_zh" binding:"required" extensions:"x-nullable" example:"协议签署文本"`
	// 英文标题，1–200 个字符；未给出时为 null / title in English, 1–200 characters; null when not given
	TitleEn *string `json:"title_en" binding:"required" extensions:"x-nullable" example:"Signed text"`
	// 文件类别；未给出时为 null / kind of file; null when not given
	Kind *FileKind `json:"kind" binding:"required" extensions:"x-nullable" swaggertype:"string" enums:"full_text,minutes,photo,report,other"`
	// 上传时间，RFC 3339 UTC 时间 / when it was uploaded, RFC 3339 time in UTC
	UploadedAt time.Time `json:"uploaded_at" binding:"required" format:"date-time" example:"2024-05-01T08:00:00Z"`
	// 上传所用 API 密钥的 UUID；不是用密钥上传时为 null / UUID of the API key it was uploaded with; null when not uploaded with a key
	UploadedBy *string `json:"uploaded_by" binding:"required" extensions:"x-nullable" format:"uuid" example:"0193a5c2-c4d5-7e6f-8071-8b9c0d1e2f30"`
	// 归档时间，RFC 3339 UTC 时间；未归档时为 null / when it was archived, RFC 3339 time in UTC; null while not archived
	ArchivedAt *time.Time `json:"archived_at" binding:"required" extensions:"x-nullable" format:"date-time" example:"2024-06-01T08:00:00Z"`
	// BlobKey names the bytes in the blob store.
	BlobKey string `json:"-" swaggerignore:"true"`
} // @name File

// FileUpload is a file being added: its metadata as the client gives it
// and its bytes as a stream, read once.
type FileUpload struct {
	ID         string // a preset id, for tests; new otherwise
	RecordType FileRecordType
	RecordID   string
	Filename   string
	MediaType  string
	TitleZh    *string
	TitleEn    *string
	Kind       *FileKind
	Body       io.Reader
	// IdempotencyKey is the upload's Idempotency-Key, "" for none: while
	// the upload runs, the same key of the same key holder is ErrInFlight
	// in every replica.
	IdempotencyKey string
}

// Blobs keeps the bytes of files. Put streams r to key and fails, leaving
// nothing at key, when r fails; NewRangeReader reads length bytes from
// offset (length < 0: to the end).
type Blobs interface {
	Put(ctx context.Context, key, contentType string, r io.Reader) error
	NewRangeReader(ctx context.Context, key string, offset, length int64) (io.ReadCloser, error)
	Delete(ctx context.Context, key string) error
}

// FileRecords keeps file metadata.
type FileRecords interface {
	InsertFile(ctx context.Context, f File) (File, error)
	GetFile(ctx context.Context, id string) (File, error)
	LockFile(ctx context.Context, id string) (File, error)
	ArchiveFile(ctx context.Context, id string) (File, error)
	ListFiles(ctx context.Context, t FileRecordType, recordID string, includeArchived bool, limit int, cursor string) (Page[File], error)
}

// PendingUpload is the reservation of an upload whose bytes are being
// stored: written before the first byte goes to the blob store, deleted
// with the storing of the file's metadata. One left behind names the
// bytes of an upload whose process died.
type PendingUpload struct {
	BlobKey string
	Holder  string // the key holder of an upload sent with an Idempotency-Key
	Key     string // its Idempotency-Key; "" for none
	// Stored, from LockAbandonedUploads: a file row names the blob, so its
	// bytes are kept and only the reservation goes.
	Stored bool
}

// UploadReservations keeps the reservations of uploads in the database,
// where every replica sees them.
type UploadReservations interface {
	// ReserveUpload stores u in a short transaction of its own.
	// ErrInFlight when a reservation touched within liveFor holds the same
	// holder and key; an older one gives its key up to u (its bytes stay
	// for the sweeper).
	ReserveUpload(ctx context.Context, u PendingUpload, liveFor time.Duration) error
	// TouchUpload marks the reservation as alive.
	TouchUpload(ctx context.Context, blobKey string) error
	// DeleteUpload deletes a reservation, in the transaction of ctx when
	// there is one; false when there was none.
	DeleteUpload(ctx context.Context, blobKey string) (bool, error)
	// LockAbandonedUploads locks, in the transaction of ctx, up to limit
	// reservations untouched for longer than olderThan, skipping those
	// another transaction holds.
	LockAbandonedUploads(ctx context.Context, olderThan time.Duration, limit int) ([]PendingUpload, error)
}

// DefaultUploadSweepAfter is how long an upload's reservation may go
// untouched before the sweeper takes it for abandoned and deletes its bytes,
// unless configured (REGISTRY_UPLOAD_SWEEP_AFTER). A live upload touches
// its reservation every 15 seconds (a quarter of a shorter bound).
const DefaultUploadSweepAfter = time.Hour

// ErrUploadSwept means an upload's reservation was swept before its
// metadata was stored: the upload fails and may be sent again.
var ErrUploadSwept = fmt.Errorf("%w: the upload was taken for abandoned", ErrUnavailable)

// The errors of a file upload besides validation: a type the registry does
// not keep (415), bytes over the limit (413), and no blob store (503).
var (
	ErrUnsupportedMedia = errors.New("unsupported media type")
	ErrTooLarge         = errors.New("file too large")
	ErrBlobUnavailable  = fmt.Errorf("%w: blob store unavailable", ErrUnavailable)
)

// DefaultMaxFileBytes is the size limit of a file unless configured.
const DefaultMaxFileBytes = 25 << 20

// FileMediaTypes are the types the registry keeps.
var FileMediaTypes = []string{"application/pdf", "image/jpeg", "image/png",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/ofd"}

// UseBlobs gives the Service the blob store of files and their size
// limit (DefaultMaxFileBytes when max ≤ 0).
func (s *Service) UseBlobs(b Blobs, max int64) {
	if max <= 0 {
		max = DefaultMaxFileBytes
	}
	s.blobs, s.maxFileBytes = b, max
}

// SetUploadSweepAfter sets how long an upload's reservation may go
// untouched before SweepUploads deletes its bytes (DefaultUploadSweepAfter
// when d ≤ 0).
func (s *Service) SetUploadSweepAfter(d time.Duration) { s.sweepAfter = d }

// UploadSweepAfter is the bound of SetUploadSweepAfter.
func (s *Service) UploadSweepAfter() time.Duration {
	if s.sweepAfter <= 0 {
		return DefaultUploadSweepAfter
	}
	return s.sweepAfter
}

// uploadTouchEvery is how often a running upload touches its reservation:
// every 15 seconds, or a quarter of the sweep bound when that is shorter,
// so that a live upload is never swept. A reservation untouched for four
// times as long belongs to a dead process: its key may be used again.
func (s *Service) uploadTouchEvery() time.Duration {
	return min(15*time.Second, s.UploadSweepAfter()/4)
}

// SweepUploads deletes the bytes of uploads whose reservation went
// untouched for longer than the sweep bound (their process died between
// reserving and storing the metadata), then the reservations. Each batch
// holds its reservations locked while it works, so an upload cannot store
// its metadata meanwhile; bytes a file row names are never deleted. It
// returns how many uploads it swept.
func (s *Service) SweepUploads(ctx context.Context) (int, error) {
	if s.blobs == nil {
		return 0, nil
	}
	total := 0
	for {
		n := 0
		err := s.store.InTx(ctx, func(ctx context.Context) error {
			abandoned, err := s.store.LockAbandonedUploads(ctx, s.UploadSweepAfter(), 100)
			if err != nil {
				return err
			}
			for _, u := range abandoned {
				if !u.Stored {
					if err := s.blobs.Delete(ctx, u.BlobKey); err != nil {
						return fmt.Errorf("%w: %v", ErrBlobUnavailable, err)
					}
				}
				if _, err := s.store.DeleteUpload(ctx, u.BlobKey); err != nil {
					return err
				}
			}
			n = len(abandoned)
			return nil
		})
		total += n
		if err != nil || n < 100 {
			return total, err
		}
	}
}

// MaxFileBytes is the size limit of a file.
func (s *Service) MaxFileBytes() int64 {
	if s.maxFileBytes <= 0 {
		return DefaultMaxFileBytes
	}
	return s.maxFileBytes
}

// SniffMismatch reports whether the first bytes of a file contradict the
// declared media type. Only what a streaming reader can see is checked:
// the magic number, and for the zip-based types (DOCX, XLSX, OFD) the zip
// local file header and, where the first entry is named, that it is not
// the mimetype entry of an OpenDocument file.
func SniffMismatch(mediaType string, head []byte) bool {
	switch mediaType {
	case "application/pdf":
		return !bytes.HasPrefix(head, []byte("%PDF-"))
	case "image/jpeg":
		return !bytes.HasPrefix(head, []byte{0xFF, 0xD8, 0xFF})
	case "image/png":
		return !bytes.HasPrefix(head, []byte{0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})
	default: // the zip-based types
		if !bytes.HasPrefix(head, []byte("PK\x03\x04")) {
			return true
		}
		if len(head) >= 30 {
			n := int(head[26]) | int(head[27])<<8
			if 30+n <= len(head) && string(head[30:30+n]) == "mimetype" {
				return true // an OpenDocument file
			}
		}
		return false
	}
}

// CleanFilename makes a client's file name safe to keep and to send back:
// the last path element only, no control characters, at most 255
// characters; "file" when nothing is left.
func CleanFilename(name string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	name = strings.ToValidUTF8(name, "")
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == unicode.ReplacementChar {
			return -1
		}
		return r
	}, name)
	name = strings.TrimSpace(name)
	if utf8.RuneCountInString(name) > 255 {
		name = string([]rune(name)[:255])
	}
	if name == "" || name == "." || name == ".." {
		return "file"
	}
	return name
}

// fileOwner returns who may add files to the record and whether it is
// archived; ErrNotFound when it does not exist.
func (s *Service) fileOwner(ctx context.Context, t FileRecordType, id string) (func(org string) bool, bool, error) {
	switch t {
	case FileOnAgreement:
		a, err := s.store.GetAgreement(ctx, id)
		return a.HasParty, a.ArchivedAt != nil, err
	case FileOnConsultation:
		c, err := s.store.GetConsultation(ctx, id)
		return c.HasParticipant, c.ArchivedAt != nil, err
	case FileOnJointAction:
		j, err := s.store.GetJointAction(ctx, id)
		return j.HasParticipant, j.ArchivedAt != nil, err
	}
	return nil, false, ErrNotFound
}

// mayWriteFiles checks that the actor may add or archive files of the
// record: who may write the record, while it is not archived.
func (s *Service) mayWriteFiles(ctx context.Context, by Actor, t FileRecordType, id string) error {
	if err := MayWrite(by); err != nil {
		return err
	}
	takesPart, archived, err := s.fileOwner(ctx, t, id)
	switch {
	case err != nil:
		return err
	case by.Role != RoleAdmin && !takesPart(by.OrganizationID):
		return Forbidden(ReasonNotAParty)
	case archived:
		return ErrArchived
	}
	return nil
}

// countingHash counts and hashes what passes through it and refuses more
// than max bytes.
type countingHash struct {
	r   io.Reader
	n   int64
	max int64
	sum interface {
		io.Writer
		Sum([]byte) []byte
	}
}

func (c *countingHash) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	_, _ = c.sum.Write(p[:n])
	if c.n > c.max {
		return n, ErrTooLarge
	}
	return n, err
}

// StagedFile is a file whose bytes are in the blob store and whose
// metadata is not stored yet: what StageFile returns, for CommitFile to
// store or DiscardFile to delete.
type StagedFile struct {
	File
	up FileUpload
}

// AddFile checks who may add the file and what it is, streams its bytes to
// the blob store (hashing them on the way, never holding them whole), then
// stores its metadata with its audit entry in one transaction. Whatever
// fails after the bytes were written — the upload cut, the limit passed,
// the database down — the bytes are deleted and no row remains.
func (s *Service) AddFile(ctx context.Context, by Actor, up FileUpload) (File, error) {
	st, err := s.StageFile(ctx, by, up)
	if err != nil {
		return File{}, err
	}
	out, err := s.CommitFile(ctx, by, st)
	if err != nil {
		s.DiscardFile(st)
		return File{}, err
	}
	return out, nil
}

// StageFile is the first half of AddFile: it checks who may add the file
// and what it is, and streams its bytes to the blob store, hashing them
// on the way. On success the bytes are stored under the file's blob key
// with its size and SHA-256 known, and no metadata row exists yet; on
// failure nothing is left in the blob store.
func (s *Service) StageFile(ctx context.Context, by Actor, up FileUpload) (StagedFile, error) {
	var out StagedFile
	if s.blobs == nil {
		return out, ErrBlobUnavailable
	}
	if err := s.mayWriteFiles(ctx, by, up.RecordType, up.RecordID); err != nil {
		return out, err
	}
	mt := FileMediaType(up.MediaType)
	supported := false
	for _, t := range FileMediaTypes {
		supported = supported || t == mt
	}
	if !supported {
		return out, ErrUnsupportedMedia
	}
	var v ValidationError
	for _, f := range []struct {
		name string
		p    *string
	}{{"title_zh", up.TitleZh}, {"title_en", up.TitleEn}} {
		if f.p != nil && (strings.TrimSpace(*f.p) == "" || utf8.RuneCountInString(*f.p) > 200 || !utf8.ValidString(*f.p)) {
			v.Add(f.name, "invalid", "")
		}
	}
	if up.Kind != nil && !FileKinds.Has(string(*up.Kind)) {
		v.Add("kind", "invalid_value", strings.Join(FileKinds.Codes(), " "))
	}
	head := make([]byte, 512)
	n, err := io.ReadFull(up.Body, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return out, fmt.Errorf("read upload: %w", err)
	}
	head = head[:n]
	if SniffMismatch(mt, head) {
		v.Add("body", "media_type_mismatch", mt)
	}
	if err := v.Err(); err != nil {
		return out, err
	}
	f := File{ID: up.ID, RecordType: up.RecordType, RecordID: up.RecordID, Filename: CleanFilename(up.Filename),
		MediaType: mt, TitleZh: trimmed(up.TitleZh), TitleEn: trimmed(up.TitleEn), Kind: up.Kind}
	if by.KeyID != "" {
		f.UploadedBy = &by.KeyID
	}
	if f.ID == "" {
		f.ID = newFileID()
	}
	f.BlobKey = "files/" + f.ID
	pending := PendingUpload{BlobKey: f.BlobKey}
	if up.IdempotencyKey != "" {
		pending.Holder, pending.Key = by.KeyID, up.IdempotencyKey
	}
	if err := s.store.ReserveUpload(ctx, pending, 4*s.uploadTouchEvery()); err != nil {
		return out, err
	}
	body := &countingHash{r: io.MultiReader(bytes.NewReader(head), up.Body), max: s.MaxFileBytes(), sum: sha256.New()}
	stop := s.touchWhile(f.BlobKey)
	err = s.blobs.Put(ctx, f.BlobKey, mt, body)
	stop()
	if err != nil {
		s.discard(f.BlobKey)
		if errors.Is(err, ErrTooLarge) || body.n > s.MaxFileBytes() {
			return out, ErrTooLarge
		}
		if ctx.Err() != nil || errors.Is(err, io.ErrUnexpectedEOF) {
			return out, fmt.Errorf("upload cut: %w", err)
		}
		return out, fmt.Errorf("%w: %v", ErrBlobUnavailable, err)
	}
	f.Size, f.SHA256 = body.n, hex.EncodeToString(body.sum.Sum(nil))
	up.Body = nil
	return StagedFile{File: f, up: up}, nil
}

// touchWhile touches the reservation of blobKey every uploadTouchEvery
// until the returned stop is called.
func (s *Service) touchWhile(blobKey string) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(s.uploadTouchEvery())
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				ctx, cancel := context.WithTimeout(context.Background(), s.uploadTouchEvery())
				_ = s.store.TouchUpload(ctx, blobKey) // a missed touch is made up by the next
				cancel()
			}
		}
	}()
	return func() {
		close(done)
		<-finished
	}
}

// CommitFile is the second half of AddFile: it checks again who may add
// the file and stores its metadata with its audit entry, deleting the
// upload's reservation, in the transaction of ctx when there is one
// (ErrUploadSwept when the sweeper took the reservation first). It does not
// delete the bytes when it fails; the caller decides (DiscardFile).
func (s *Service) CommitFile(ctx context.Context, by Actor, st StagedFile) (File, error) {
	var out File
	err := s.store.InTx(ctx, func(ctx context.Context) error {
		if reserved, err := s.store.DeleteUpload(ctx, st.BlobKey); err != nil {
			return err
		} else if !reserved {
			return ErrUploadSwept
		}
		if err := s.mayWriteFiles(ctx, by, st.up.RecordType, st.up.RecordID); err != nil {
			return err
		}
		var err error
		if out, err = s.store.InsertFile(ctx, st.File); err != nil {
			return err
		}
		return s.store.Audit(ctx, by, ActionCreate, EntityFile, out.ID, nil, out)
	})
	if err != nil {
		return File{}, err
	}
	return out, nil
}

// DiscardFile deletes the bytes of a staged file that will not be stored
// (its metadata failed, or an idempotent repeat replayed the first upload),
// then its reservation.
func (s *Service) DiscardFile(st StagedFile) {
	if s.blobs != nil && st.BlobKey != "" {
		s.discard(st.BlobKey)
	}
}

// FileMediaType is the media type of a Content-Type header as the registry
// compares it: lower case, without parameters.
func FileMediaType(contentType string) string {
	mt := strings.ToLower(strings.TrimSpace(contentType))
	if i := strings.IndexByte(mt, ';'); i >= 0 {
		mt = strings.TrimSpace(mt[:i])
	}
	return mt
}

// discard deletes the bytes of a failed upload, then its reservation, on a
// context of its own: the request's may be what was cancelled. When either
// fails the reservation stays, and the sweeper deletes the bytes later.
func (s *Service) discard(key string) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := s.blobs.Delete(ctx, key); err == nil {
		_, _ = s.store.DeleteUpload(ctx, key)
	}
}

func trimmed(p *string) *string {
	if p == nil {
		return nil
	}
	v := strings.TrimSpace(*p)
	return &v
}

// GetFile returns a file's metadata, archived or not.
func (s *Service) GetFile(ctx context.Context, id string) (File, error) {
	return s.store.GetFile(ctx, id)
}

// ListFiles lists the files of a record (404 when it does not exist),
// oldest first.
func (s *Service) ListFiles(ctx context.Context, t FileRecordType, recordID string, includeArchived bool, limit int, cursor string) (Page[File], error) {
	if _, _, err := s.fileOwner(ctx, t, recordID); err != nil {
		return Page[File]{}, err
	}
	return s.store.ListFiles(ctx, t, recordID, includeArchived, limit, cursor)
}

// OpenFile reads length bytes of a file's content from offset (length < 0:
// to the end).
func (s *Service) OpenFile(ctx context.Context, f File, offset, length int64) (io.ReadCloser, error) {
	if s.blobs == nil {
		return nil, ErrBlobUnavailable
	}
	r, err := s.blobs.NewRangeReader(ctx, f.BlobKey, offset, length)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBlobUnavailable, err)
	}
	return r, nil
}

// ArchiveFile archives a file (files never change, so no version); its
// bytes are kept. Who may write the record may archive its files.
func (s *Service) ArchiveFile(ctx context.Context, by Actor, id string) (File, error) {
	var out File
	err := s.store.InTx(ctx, func(ctx context.Context) error {
		cur, err := s.store.LockFile(ctx, id)
		if err != nil {
			return err
		}
		if err := s.mayWriteFiles(ctx, by, cur.RecordType, cur.RecordID); err != nil {
			return err
		}
		if cur.ArchivedAt != nil {
			return ErrArchived
		}
		if out, err = s.store.ArchiveFile(ctx, id); err != nil {
			return err
		}
		return s.store.Audit(ctx, by, ActionArchive, EntityFile, id, cur, out)
	})
	return out, err
}

// newFileID returns a time-ordered UUID (version 7), so that a file's
// blob key is known before its row is stored.
func newFileID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	ms := uint64(time.Now().UnixMilli())
	for i := 0; i < 6; i++ {
		b[i] = byte(ms >> (40 - 8*i))
	}
	b[6] = b[6]&0x0f | 0x70
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}
