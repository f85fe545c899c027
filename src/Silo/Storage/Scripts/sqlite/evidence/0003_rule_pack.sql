-- Flags of rule versions on dry run: what a version on trial would have raised, recorded beside the
-- live flags but never shown in a queue, counted in a score or pushed to a dashboard. Same shape as
-- risk_flags, kept apart so that nothing reading flags can show them by mistake.
CREATE TABLE IF NOT EXISTS dry_run_flags
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

CREATE INDEX IF NOT EXISTS ix_dry_run_flags_rule ON dry_run_flags (rule_id, rule_version);
CREATE INDEX IF NOT EXISTS ix_risk_flags_rule ON risk_flags (rule_id, rule_version);

CREATE TRIGGER IF NOT EXISTS dry_run_flags_no_update BEFORE UPDATE ON dry_run_flags
BEGIN
    SELECT RAISE(ABORT, 'dry_run_flags is append-only evidence: UPDATE is not allowed');
END;

CREATE TRIGGER IF NOT EXISTS dry_run_flags_no_delete BEFORE DELETE ON dry_run_flags
BEGIN
    SELECT RAISE(ABORT, 'dry_run_flags is append-only evidence: DELETE is not allowed');
END;

-- Dry-run rule versions an administrator made live, in order: applied over the loaded rule pack at
-- every start, so that a promotion outlives restarts.
CREATE TABLE IF NOT EXISTS rule_promotions
(
    promotion       INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    pack_id         TEXT    NOT NULL,
    rule_id         TEXT    NOT NULL,
    rule_version    INTEGER NOT NULL,
    promoted_by     TEXT    NOT NULL,
    promoted_at_ms  BIGINT  NOT NULL,
    UNIQUE (pack_id, rule_id, rule_version)
);

CREATE TRIGGER IF NOT EXISTS rule_promotions_no_update BEFORE UPDATE ON rule_promotions
BEGIN
    SELECT RAISE(ABORT, 'rule_promotions is append-only: UPDATE is not allowed');
END;

CREATE TRIGGER IF NOT EXISTS rule_promotions_no_delete BEFORE DELETE ON rule_promotions
BEGIN
    SELECT RAISE(ABORT, 'rule_promotions is append-only: DELETE is not allowed');
END;
