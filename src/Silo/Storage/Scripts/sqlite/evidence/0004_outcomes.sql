-- Outcomes of concluded inspections (kết quả thanh tra, kiểm tra): imported from the agency's past case
-- records or written when a case is concluded. What the supervised risk model learns from; append-only.
CREATE TABLE IF NOT EXISTS inspection_outcomes
(
    enterprise_code TEXT    NOT NULL,
    decided_on      TEXT    NOT NULL,
    violation_found INTEGER NOT NULL,
    source          TEXT    NOT NULL,
    recorded_at_ms  BIGINT  NOT NULL,
    PRIMARY KEY (enterprise_code, decided_on, source)
);

CREATE TRIGGER IF NOT EXISTS inspection_outcomes_no_update BEFORE UPDATE ON inspection_outcomes
BEGIN
    SELECT RAISE(ABORT, 'inspection_outcomes is append-only: UPDATE is not allowed');
END;

CREATE TRIGGER IF NOT EXISTS inspection_outcomes_no_delete BEFORE DELETE ON inspection_outcomes
BEGIN
    SELECT RAISE(ABORT, 'inspection_outcomes is append-only: DELETE is not allowed');
END;
