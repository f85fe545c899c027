-- The documents enterprises upload in answer to an inspector's request (tài liệu), stored once per content:
-- the key is the SHA-256 of the bytes, the content type the one the platform determined from them.
CREATE TABLE IF NOT EXISTS documents
(
    sha256        char(64) NOT NULL PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size          bigint   NOT NULL CHECK (size > 0),
    content_type  text     NOT NULL,
    content       bytea    NOT NULL,
    stored_at_ms  bigint   NOT NULL,
    CHECK (octet_length(content) = size)
);

-- PDF streams, PNG, JPEG and Office documents are compressed already: stored out of line, not compressed again.
ALTER TABLE documents ALTER COLUMN content SET STORAGE EXTERNAL;

CREATE OR REPLACE TRIGGER documents_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON documents
    FOR EACH STATEMENT EXECUTE FUNCTION evidence_reject_change();
