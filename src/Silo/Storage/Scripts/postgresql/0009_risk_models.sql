-- The reasons for each enterprise's rank (flags, anomaly, the supervised model), as the risk queue shows them.
ALTER TABLE enterprises ADD COLUMN IF NOT EXISTS reasons_json text NOT NULL DEFAULT '[]';

-- Every training of the risk models, with its versions and measures: which model made a score, and how well it did.
CREATE TABLE IF NOT EXISTS risk_models
(
    training       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trained_at_ms  bigint NOT NULL,
    summary_json   text   NOT NULL
);

CREATE OR REPLACE TRIGGER risk_models_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON risk_models
    FOR EACH STATEMENT EXECUTE FUNCTION evidence_reject_change();
