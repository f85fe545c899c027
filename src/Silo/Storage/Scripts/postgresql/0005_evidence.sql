-- The evidence store (kho chứng cứ): what the platform was told and what it concluded, kept so that
-- a flag shown to an inspector can be traced to the exact registry answers behind it.
--
-- Kept portable with the SQLite twin of this script: times are unix milliseconds (BIGINT), JSON is
-- TEXT. Keys and sort columns use the "C" collation so that ordering is byte order, the same as
-- SQLite's, whatever locale the cluster was created with.

-- Registry records are immutable facts: (registry, record_id, version) is written once, and a newer
-- version is a new row beside the old one.
CREATE TABLE IF NOT EXISTS registry_records
(
    registry        text COLLATE "C" NOT NULL,
    record_id       text COLLATE "C" NOT NULL,
    version         integer          NOT NULL,
    enterprise_code text COLLATE "C" NOT NULL,
    kind            text             NOT NULL,
    period          text             NULL,
    fields_json     text             NOT NULL,
    service         text             NOT NULL,
    request_id      text             NOT NULL,
    request_hash    text             NULL,
    payload_hash    text             NOT NULL,
    fetched_at_ms   bigint           NOT NULL,
    CONSTRAINT pk_registry_records PRIMARY KEY (registry, record_id, version)
);

CREATE INDEX IF NOT EXISTS ix_registry_records_enterprise ON registry_records (enterprise_code, fetched_at_ms);

-- Flags are written once; flag_json holds the whole flag, the other columns are there to filter on.
CREATE TABLE IF NOT EXISTS risk_flags
(
    flag_id         text COLLATE "C" NOT NULL,
    enterprise_code text COLLATE "C" NOT NULL,
    province        text COLLATE "C" NOT NULL,
    rule_id         text COLLATE "C" NOT NULL,
    rule_version    integer          NOT NULL,
    severity        text             NOT NULL,
    period          text             NULL,
    flag_json       text             NOT NULL,
    raised_at_ms    bigint           NOT NULL,
    CONSTRAINT pk_risk_flags PRIMARY KEY (flag_id)
);

CREATE INDEX IF NOT EXISTS ix_risk_flags_raised ON risk_flags (raised_at_ms);
CREATE INDEX IF NOT EXISTS ix_risk_flags_province ON risk_flags (province, raised_at_ms);
CREATE INDEX IF NOT EXISTS ix_risk_flags_enterprise ON risk_flags (enterprise_code, raised_at_ms);

-- The enterprise list is a read model, rewritten after every pull; it is not evidence.
CREATE TABLE IF NOT EXISTS enterprises
(
    code              text COLLATE "C" NOT NULL,
    name              text             NOT NULL,
    province          text COLLATE "C" NOT NULL,
    province_name     text             NOT NULL,
    sector            text COLLATE "C" NOT NULL,
    status            text             NOT NULL,
    risk_score        double precision NOT NULL,
    risk_tier         text COLLATE "C" NOT NULL,
    open_flags        integer          NOT NULL,
    last_pulled_at_ms bigint           NULL,
    CONSTRAINT pk_enterprises PRIMARY KEY (code)
);

CREATE INDEX IF NOT EXISTS ix_enterprises_rank ON enterprises (risk_score DESC, code);
CREATE INDEX IF NOT EXISTS ix_enterprises_province_rank ON enterprises (province, risk_score DESC, code);

-- Evidence is append-only in the database itself, not only by the application's good manners.
CREATE OR REPLACE FUNCTION evidence_reject_change() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
    RAISE EXCEPTION '% is append-only evidence: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$fn$;

CREATE OR REPLACE TRIGGER registry_records_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON registry_records
    FOR EACH STATEMENT EXECUTE FUNCTION evidence_reject_change();

CREATE OR REPLACE TRIGGER risk_flags_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON risk_flags
    FOR EACH STATEMENT EXECUTE FUNCTION evidence_reject_change();
