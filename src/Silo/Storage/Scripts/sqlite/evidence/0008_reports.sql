-- The receipt of every report an enterprise submitted (giấy biên nhận), with the whole receipt as JSON;
-- append-only. The report itself is kept beside the registries' records, as a self-report record.
CREATE TABLE IF NOT EXISTS report_receipts
(
    number           TEXT    NOT NULL PRIMARY KEY,
    enterprise_code  TEXT    NOT NULL,
    province         TEXT    NOT NULL,
    template_id      TEXT    NOT NULL,
    period           TEXT    NOT NULL,
    version          INTEGER NOT NULL,
    submitted_at_ms  BIGINT  NOT NULL,
    receipt_json     TEXT    NOT NULL,
    UNIQUE (enterprise_code, template_id, period, version)
);

CREATE TRIGGER IF NOT EXISTS report_receipts_no_update BEFORE UPDATE ON report_receipts
BEGIN
    SELECT RAISE(ABORT, 'report_receipts is append-only: UPDATE is not allowed');
END;

CREATE TRIGGER IF NOT EXISTS report_receipts_no_delete BEFORE DELETE ON report_receipts
BEGIN
    SELECT RAISE(ABORT, 'report_receipts is append-only: DELETE is not allowed');
END;

CREATE INDEX IF NOT EXISTS report_receipts_by_enterprise ON report_receipts (enterprise_code, submitted_at_ms);
CREATE INDEX IF NOT EXISTS report_receipts_by_province ON report_receipts (province, submitted_at_ms);
