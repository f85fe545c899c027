-- The receipt of every report an enterprise submitted (giấy biên nhận), with the whole receipt as JSON;
-- append-only. The report itself is kept beside the registries' records, as a self-report record.
CREATE TABLE IF NOT EXISTS report_receipts
(
    number           text    NOT NULL PRIMARY KEY,
    enterprise_code  text    NOT NULL,
    province         text    NOT NULL,
    template_id      text    NOT NULL,
    period           text    NOT NULL,
    version          integer NOT NULL,
    submitted_at_ms  bigint  NOT NULL,
    receipt_json     text    NOT NULL,
    UNIQUE (enterprise_code, template_id, period, version)
);

CREATE OR REPLACE TRIGGER report_receipts_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON report_receipts
    FOR EACH STATEMENT EXECUTE FUNCTION evidence_reject_change();

CREATE INDEX IF NOT EXISTS report_receipts_by_enterprise ON report_receipts (enterprise_code, submitted_at_ms);
CREATE INDEX IF NOT EXISTS report_receipts_by_province ON report_receipts (province, submitted_at_ms);
