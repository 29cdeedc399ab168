-- Agency events that arrived before their process waits for them, while it is on its way there
-- (a worker holds the step before the wait). Held here, acknowledged to the broker, and taken by
-- the hold's sweeper once the process waits; parked in the dead-letter queue with a reason if it
-- never does. One row per event (sender_id + message_id, as the intake ledger); the envelope is
-- kept as the hub parsed it, for the same checks again when it is taken.
CREATE TABLE esp_early_event (
    sender_id         VARCHAR(255)  NOT NULL,
    message_id        VARCHAR(255)  NOT NULL,
    agency            VARCHAR(16)   NOT NULL,
    event_type        VARCHAR(100)  NOT NULL,
    reference_id      VARCHAR(255)  NOT NULL,
    broker_user       VARCHAR(255),
    envelope          TEXT          NOT NULL,
    held_at           TIMESTAMP     NOT NULL,
    attempts          INTEGER       NOT NULL,
    next_attempt_at   TIMESTAMP     NOT NULL,
    CONSTRAINT pk_esp_early_event PRIMARY KEY (sender_id, message_id)
);
CREATE INDEX ix_esp_early_event_due ON esp_early_event (next_attempt_at);
