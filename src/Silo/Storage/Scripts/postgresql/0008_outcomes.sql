-- Outcomes of concluded inspections (kết quả thanh tra, kiểm tra): imported from the agency's past case
-- records or written when a case is concluded. What the supervised risk model learns from; append-only.
CREATE TABLE IF NOT EXISTS inspection_outcomes
(
    enterprise_code text COLLATE "C" NOT NULL,
    decided_on      text COLLATE "C" NOT NULL,
    violation_found boolean          NOT NULL,
    source          text COLLATE "C" NOT NULL,
    recorded_at_ms  bigint           NOT NULL,
    CONSTRAINT pk_inspection_outcomes PRIMARY KEY (enterprise_code, decided_on, source)
);

CREATE OR REPLACE TRIGGER inspection_outcomes_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON inspection_outcomes
    FOR EACH STATEMENT EXECUTE FUNCTION evidence_reject_change();
