-- Every step of every inspection case, with the whole case as it stood after it: the case's history, append-only.
CREATE TABLE IF NOT EXISTS case_events
(
    case_id    text    NOT NULL,
    version    integer NOT NULL,
    action     text    NOT NULL,
    at_ms      bigint  NOT NULL,
    actor      text    NOT NULL,
    case_json  text    NOT NULL,
    PRIMARY KEY (case_id, version)
);

CREATE OR REPLACE TRIGGER case_events_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON case_events
    FOR EACH STATEMENT EXECUTE FUNCTION evidence_reject_change();

-- Each case's latest version, to list and count cases by; derived from case_events, never the evidence itself.
CREATE TABLE IF NOT EXISTS cases
(
    case_id          text    NOT NULL PRIMARY KEY,
    enterprise_code  text    NOT NULL,
    province         text    NOT NULL,
    sector           text    NOT NULL,
    agency           text    NOT NULL,
    selection        text    NOT NULL,
    mode             text    NOT NULL,
    status           text    NOT NULL,
    outcome          text    NULL,
    opened_at_ms     bigint  NOT NULL,
    concluded_at_ms  bigint  NULL,
    version          integer NOT NULL,
    case_json        text    NOT NULL
);

CREATE INDEX IF NOT EXISTS cases_by_enterprise ON cases (enterprise_code, opened_at_ms);
CREATE INDEX IF NOT EXISTS cases_by_province ON cases (province, opened_at_ms);
