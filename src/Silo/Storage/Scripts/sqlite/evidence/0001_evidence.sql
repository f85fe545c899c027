-- The evidence store (kho chứng cứ): what the platform was told and what it concluded, kept so that
-- a flag shown to an inspector can be traced to the exact registry answers behind it.
--
-- Kept portable with the PostgreSQL twin of this script: times are unix milliseconds (BIGINT), JSON
-- is TEXT, and text sorts in byte order on both.

-- Registry records are immutable facts: (registry, record_id, version) is written once, and a newer
-- version is a new row beside the old one.
CREATE TABLE IF NOT EXISTS registry_records
(
    registry        TEXT    NOT NULL,
    record_id       TEXT    NOT NULL,
    version         INTEGER NOT NULL,
    enterprise_code TEXT    NOT NULL,
    kind            TEXT    NOT NULL,
    period          TEXT    NULL,
    fields_json     TEXT    NOT NULL,
    service         TEXT    NOT NULL,
    request_id      TEXT    NOT NULL,
    request_hash    TEXT    NULL,
    payload_hash    TEXT    NOT NULL,
    fetched_at_ms   BIGINT  NOT NULL,
    PRIMARY KEY (registry, record_id, version)
);

CREATE INDEX IF NOT EXISTS ix_registry_records_enterprise ON registry_records (enterprise_code, fetched_at_ms);

-- Flags are written once; flag_json holds the whole flag, the other columns are there to filter on.
CREATE TABLE IF NOT EXISTS risk_flags
(
    flag_id         TEXT    NOT NULL PRIMARY KEY,
    enterprise_code TEXT    NOT NULL,
    province        TEXT    NOT NULL,
    rule_id         TEXT    NOT NULL,
    rule_version    INTEGER NOT NULL,
    severity        TEXT    NOT NULL,
    period          TEXT    NULL,
    flag_json       TEXT    NOT NULL,
    raised_at_ms    BIGINT  NOT NULL
);

CREATE INDEX IF NOT EXISTS ix_risk_flags_raised ON risk_flags (raised_at_ms);
CREATE INDEX IF NOT EXISTS ix_risk_flags_province ON risk_flags (province, raised_at_ms);
CREATE INDEX IF NOT EXISTS ix_risk_flags_enterprise ON risk_flags (enterprise_code, raised_at_ms);

-- The enterprise list is a read model, rewritten after every pull; it is not evidence.
CREATE TABLE IF NOT EXISTS enterprises
(
    code              TEXT    NOT NULL PRIMARY KEY,
    name              TEXT    NOT NULL,
    province          TEXT    NOT NULL,
    province_name     TEXT    NOT NULL,
    sector            TEXT    NOT NULL,
    status            TEXT    NOT NULL,
    risk_score        REAL    NOT NULL,
    risk_tier         TEXT    NOT NULL,
    open_flags        INTEGER NOT NULL,
    last_pulled_at_ms BIGINT  NULL
);

CREATE INDEX IF NOT EXISTS ix_enterprises_rank ON enterprises (risk_score DESC, code);
CREATE INDEX IF NOT EXISTS ix_enterprises_province_rank ON enterprises (province, risk_score DESC, code);

-- Evidence is append-only in the database itself, not only by the application's good manners.
CREATE TRIGGER IF NOT EXISTS registry_records_no_update BEFORE UPDATE ON registry_records
BEGIN
    SELECT RAISE(ABORT, 'registry_records is append-only evidence: UPDATE is not allowed');
END;

CREATE TRIGGER IF NOT EXISTS registry_records_no_delete BEFORE DELETE ON registry_records
BEGIN
    SELECT RAISE(ABORT, 'registry_records is append-only evidence: DELETE is not allowed');
END;

CREATE TRIGGER IF NOT EXISTS risk_flags_no_update BEFORE UPDATE ON risk_flags
BEGIN
    SELECT RAISE(ABORT, 'risk_flags is append-only evidence: UPDATE is not allowed');
END;

CREATE TRIGGER IF NOT EXISTS risk_flags_no_delete BEFORE DELETE ON risk_flags
BEGIN
    SELECT RAISE(ABORT, 'risk_flags is append-only evidence: DELETE is not allowed');
END;
