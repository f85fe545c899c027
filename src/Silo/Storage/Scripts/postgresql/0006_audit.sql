-- The audit trail (nhật ký kiểm toán): who did what, when, to which subject. Each entry carries the hash
-- of the one before it, so that changing, removing or inserting an entry breaks the chain from there on;
-- the database itself refuses to change or remove an entry.
CREATE TABLE IF NOT EXISTS audit_log
(
    sequence      BIGINT NOT NULL PRIMARY KEY,
    at_ms         BIGINT NOT NULL,
    actor         TEXT   NOT NULL,
    actor_role    TEXT   NOT NULL,
    action        TEXT   NOT NULL,
    subject       TEXT   NOT NULL,
    details_json  TEXT   NOT NULL,
    previous_hash TEXT   NOT NULL,
    hash          TEXT   NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_audit_log_subject ON audit_log (subject, sequence);
CREATE INDEX IF NOT EXISTS ix_audit_log_action ON audit_log (action, sequence);

CREATE OR REPLACE TRIGGER audit_log_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION evidence_reject_change();
