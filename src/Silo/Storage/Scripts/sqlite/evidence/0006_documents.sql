-- The documents enterprises upload in answer to an inspector's request (tài liệu), stored once per content:
-- the key is the SHA-256 of the bytes, the content type the one the platform determined from them.
CREATE TABLE IF NOT EXISTS documents
(
    sha256        CHAR(64) NOT NULL PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    size          BIGINT   NOT NULL CHECK (size > 0),
    content_type  TEXT     NOT NULL,
    content       BLOB     NOT NULL,
    stored_at_ms  BIGINT   NOT NULL,
    CHECK (length(content) = size)
);

CREATE TRIGGER IF NOT EXISTS documents_no_update BEFORE UPDATE ON documents
BEGIN
    SELECT RAISE(ABORT, 'documents is append-only: UPDATE is not allowed');
END;

CREATE TRIGGER IF NOT EXISTS documents_no_delete BEFORE DELETE ON documents
BEGIN
    SELECT RAISE(ABORT, 'documents is append-only: DELETE is not allowed');
END;
