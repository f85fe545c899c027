-- Every change of every inspection plan, with the whole plan as it stood after it: the plan's history, append-only.
CREATE TABLE IF NOT EXISTS plan_events
(
    plan_id    text    NOT NULL,
    version    integer NOT NULL,
    action     text    NOT NULL,
    at_ms      bigint  NOT NULL,
    actor      text    NOT NULL,
    plan_json  text    NOT NULL,
    PRIMARY KEY (plan_id, version)
);

CREATE OR REPLACE TRIGGER plan_events_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON plan_events
    FOR EACH STATEMENT EXECUTE FUNCTION evidence_reject_change();

-- Each plan's latest version, to list plans by; derived from plan_events. Periods are ISO dates (yyyy-MM-dd), compared as text.
CREATE TABLE IF NOT EXISTS plans
(
    plan_id        text    NOT NULL PRIMARY KEY,
    agency         text    NOT NULL,
    status         text    NOT NULL,
    period_from    text    NOT NULL,
    period_to      text    NOT NULL,
    created_at_ms  bigint  NOT NULL,
    version        integer NOT NULL,
    plan_json      text    NOT NULL
);

CREATE INDEX IF NOT EXISTS plans_by_period ON plans (period_from, period_to);

-- The provinces of each plan's latest version: an inspector sees the plans that lie wholly within their own.
CREATE TABLE IF NOT EXISTS plan_provinces
(
    plan_id   text NOT NULL,
    province  text NOT NULL,
    PRIMARY KEY (plan_id, province)
);

-- The entries of each plan's latest version, to find the plans that name an enterprise (the duplicate-check warning).
CREATE TABLE IF NOT EXISTS plan_entries
(
    plan_id          text    NOT NULL,
    entry_number     integer NOT NULL,
    enterprise_code  text    NOT NULL,
    topic            text    NOT NULL,
    PRIMARY KEY (plan_id, entry_number)
);

CREATE INDEX IF NOT EXISTS plan_entries_by_enterprise ON plan_entries (enterprise_code, topic);

-- Which case carries out which plan entry; written with the case's opening, so a plan's progress is a join with cases.
CREATE TABLE IF NOT EXISTS plan_cases
(
    case_id       text    NOT NULL PRIMARY KEY,
    plan_id       text    NOT NULL,
    entry_number  integer NOT NULL
);

CREATE INDEX IF NOT EXISTS plan_cases_by_plan ON plan_cases (plan_id, entry_number);
