-- The reasons for each enterprise's rank (flags, anomaly, the supervised model), as the risk queue shows them.
ALTER TABLE enterprises ADD COLUMN reasons_json TEXT NOT NULL DEFAULT '[]';

-- Every training of the risk models, with its versions and measures: which model made a score, and how well it did.
CREATE TABLE IF NOT EXISTS risk_models
(
    training       INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    trained_at_ms  BIGINT  NOT NULL,
    summary_json   TEXT    NOT NULL
);

CREATE TRIGGER IF NOT EXISTS risk_models_no_update BEFORE UPDATE ON risk_models
BEGIN
    SELECT RAISE(ABORT, 'risk_models is append-only: UPDATE is not allowed');
END;

CREATE TRIGGER IF NOT EXISTS risk_models_no_delete BEFORE DELETE ON risk_models
BEGIN
    SELECT RAISE(ABORT, 'risk_models is append-only: DELETE is not allowed');
END;
