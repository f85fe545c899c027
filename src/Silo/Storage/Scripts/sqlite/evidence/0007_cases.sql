-- Every step of every inspection case, with the whole case as it stood after it: the case's history, append-only.
CREATE TABLE IF NOT EXISTS case_events
(
    case_id    TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    action     TEXT    NOT NULL,
    at_ms      BIGINT  NOT NULL,
    actor      TEXT    NOT NULL,
    case_json  TEXT    NOT NULL,
    PRIMARY KEY (case_id, version)
);

CREATE TRIGGER IF NOT EXISTS case_events_no_update BEFORE UPDATE ON case_events
BEGIN
    SELECT RAISE(ABORT, 'case_events is append-only: UPDATE is not allowed');
END;

CREATE TRIGGER IF NOT EXISTS case_events_no_delete BEFORE DELETE ON case_events
BEGIN
    SELECT RAISE(ABORT, 'case_events is append-only: DELETE is not allowed');
END;

-- Each case's latest version, to list and count cases by; derived from case_events, never the evidence itself.
CREATE TABLE IF NOT EXISTS cases
(
    case_id          TEXT    NOT NULL PRIMARY KEY,
    enterprise_code  TEXT    NOT NULL,
    province         TEXT    NOT NULL,
    sector           TEXT    NOT NULL,
    agency           TEXT    NOT NULL,
    selection        TEXT    NOT NULL,
    mode             TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    outcome          TEXT    NULL,
    opened_at_ms     BIGINT  NOT NULL,
    concluded_at_ms  BIGINT  NULL,
    version          INTEGER NOT NULL,
    case_json        TEXT    NOT NULL
);

CREATE INDEX IF NOT EXISTS cases_by_enterprise ON cases (enterprise_code, opened_at_ms);
CREATE INDEX IF NOT EXISTS cases_by_province ON cases (province, opened_at_ms);
