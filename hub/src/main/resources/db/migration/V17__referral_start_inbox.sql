-- The inbox of referral items accepted but not yet started (ADR 0029).
--
-- The intake's transaction (the ACK) writes one row per item it accepts, next to the item's
-- esp_referral row, and calls no engine. A starter takes the row and starts the item's
-- referral-to-pes instance in one transaction: it deletes the row, starts the instance and sets
-- esp_referral.process_instance_id, so the row exists exactly while the item waits. The delete
-- decides between hub nodes: a second starter waits on the row lock and then deletes nothing.
-- A failed start keeps the row with its attempts and error; after the last attempt it is
-- parked (parked_at) for an operator and no starter takes it any more.
CREATE TABLE esp_referral_start (
    reference_id         VARCHAR(255)  NOT NULL,
    -- the item's start variables the ledger does not hold already
    referral_reason      VARCHAR(64),
    program_id           VARCHAR(255),
    benefit_type         VARCHAR(255),
    intake_working_days  INTEGER       NOT NULL,
    created_at           TIMESTAMP     NOT NULL,
    attempts             INTEGER       NOT NULL,
    -- the sweeper takes a row once this is past: a grace period after the ACK, then the back-off
    next_attempt_at      TIMESTAMP     NOT NULL,
    last_error           VARCHAR(1000),
    parked_at            TIMESTAMP,
    CONSTRAINT pk_esp_referral_start PRIMARY KEY (reference_id),
    CONSTRAINT fk_esp_referral_start_referral FOREIGN KEY (reference_id) REFERENCES esp_referral (reference_id)
);

-- the sweeper's query: rows not parked whose next attempt is due, oldest first
CREATE INDEX ix_esp_referral_start_due ON esp_referral_start (parked_at, next_attempt_at);
