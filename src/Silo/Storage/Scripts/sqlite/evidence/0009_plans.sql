-- Every change of every inspection plan, with the whole plan as it stood after it: the plan's history, append-only.
CREATE TABLE IF NOT EXISTS plan_events
(
    plan_id    TEXT    NOT NULL,
    version    INTEGER NOT NULL,
    action     TEXT    NOT NULL,
    at_ms      BIGINT  NOT NULL,
    actor      TEXT    NOT NULL,
    plan_json  TEXT    NOT NULL,
    PRIMARY KEY (plan_id, version)
);

CREATE TRIGGER IF NOT EXISTS plan_events_no_update BEFORE UPDATE ON plan_events
BEGIN
    SELECT RAISE(ABORT, 'plan_events is append-only: UPDATE is not allowed');
END;

CREATE TRIGGER IF NOT EXISTS plan_events_no_delete BEFORE DELETE ON plan_events
BEGIN
    SELECT RAISE(ABORT, 'plan_events is append-only: DELETE is not allowed');
END;

-- Each plan's latest version, to list plans by; derived from plan_events. Periods are ISO dates (yyyy-MM-dd), compared as text.
CREATE TABLE IF NOT EXISTS plans
(
    plan_id        TEXT    NOT NULL PRIMARY KEY,
    agency         TEXT    NOT NULL,
    status         TEXT    NOT NULL,
    period_from    TEXT    NOT NULL,
    period_to      TEXT    NOT NULL,
    created_at_ms  BIGINT  NOT NULL,
    version        INTEGER NOT NULL,
    plan_json      TEXT    NOT NULL
);

CREATE INDEX IF NOT EXISTS plans_by_period ON plans (period_from, period_to);

-- The provinces of each plan's latest version: an inspector sees the plans that lie wholly within their own.
CREATE TABLE IF NOT EXISTS plan_provinces
(
    plan_id   TEXT NOT NULL,
    province  TEXT NOT NULL,
    PRIMARY KEY (plan_id, province)
);

-- The entries of each plan's latest version, to find the plans that name an enterprise (the duplicate-check warning).
CREATE TABLE IF NOT EXISTS plan_entries
(
    plan_id          TEXT    NOT NULL,
    entry_number     INTEGER NOT NULL,
    enterprise_code  TEXT    NOT NULL,
    topic            TEXT    NOT NULL,
    PRIMARY KEY (plan_id, entry_number)
);

CREATE INDEX IF NOT EXISTS plan_entries_by_enterprise ON plan_entries (enterprise_code, topic);

-- Which case carries out which plan entry; written with the case's opening, so a plan's progress is a join with cases.
CREATE TABLE IF NOT EXISTS plan_cases
(
    case_id       TEXT    NOT NULL PRIMARY KEY,
    plan_id       TEXT    NOT NULL,
    entry_number  INTEGER NOT NULL
);

CREATE INDEX IF NOT EXISTS plan_cases_by_plan ON plan_cases (plan_id, entry_number);
