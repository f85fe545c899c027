-- Flags of rule versions on dry run: what a version on trial would have raised, recorded beside the
-- live flags but never shown in a queue, counted in a score or pushed to a dashboard. Same shape as
-- risk_flags, kept apart so that nothing reading flags can show them by mistake.
CREATE TABLE IF NOT EXISTS dry_run_flags
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
    CONSTRAINT pk_dry_run_flags PRIMARY KEY (flag_id)
);

CREATE INDEX IF NOT EXISTS ix_dry_run_flags_rule ON dry_run_flags (rule_id, rule_version);
CREATE INDEX IF NOT EXISTS ix_risk_flags_rule ON risk_flags (rule_id, rule_version);

CREATE OR REPLACE TRIGGER dry_run_flags_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON dry_run_flags
    FOR EACH STATEMENT EXECUTE FUNCTION evidence_reject_change();

-- Dry-run rule versions an administrator made live, in order: applied over the loaded rule pack at
-- every start and by every silo, so that a promotion outlives restarts and reaches the whole cluster.
CREATE TABLE IF NOT EXISTS rule_promotions
(
    promotion       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    pack_id         text COLLATE "C" NOT NULL,
    rule_id         text COLLATE "C" NOT NULL,
    rule_version    integer          NOT NULL,
    promoted_by     text             NOT NULL,
    promoted_at_ms  bigint           NOT NULL,
    CONSTRAINT uq_rule_promotions UNIQUE (pack_id, rule_id, rule_version)
);

CREATE OR REPLACE TRIGGER rule_promotions_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON rule_promotions
    FOR EACH STATEMENT EXECUTE FUNCTION evidence_reject_change();
