-- Uploads whose bytes are being stored. A row is written, in a short
-- transaction of its own, before the first byte goes to the blob store, and
-- deleted in the transaction that stores the file's metadata (or after the
-- bytes of a failed upload are deleted). A row left behind is an upload
-- whose process died: the sweeper deletes its bytes, then the row.
--
-- holder and idem_key are the key holder and Idempotency-Key of an upload
-- sent with one: while the row is alive (touched_at recent), the same pair
-- answers 409 in every replica.
CREATE TABLE file_uploads (
    blob_key   text PRIMARY KEY,
    holder     text,
    idem_key   text,
    started_at timestamptz NOT NULL DEFAULT now(),
    touched_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((holder IS NULL) = (idem_key IS NULL))
);
CREATE UNIQUE INDEX file_uploads_key_idx ON file_uploads (holder, idem_key) WHERE idem_key IS NOT NULL;
CREATE INDEX file_uploads_touched_idx ON file_uploads (touched_at);
