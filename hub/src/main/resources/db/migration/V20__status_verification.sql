-- Employment-status verifications (process employment-status-verification): one row per person
-- asked about, by SA over POST /dci/employment/v1.0.0/status/verifications or by the hub's
-- scheduled re-verification. Written in the transaction that starts the process, so a row exists
-- exactly for a started verification; its outcome is called back to the message's sender_uri
-- (esp_inbound_message) when sender_id and message_id are set.
CREATE TABLE esp_status_verification (
    reference_id          VARCHAR(255)  NOT NULL,
    person_id             VARCHAR(64)   NOT NULL,
    -- SA_REQUEST or SCHEDULED
    verification_trigger  VARCHAR(16)   NOT NULL,
    -- the API request's message and client; null for a scheduled verification
    sender_id             VARCHAR(255),
    message_id            VARCHAR(255),
    client_id             VARCHAR(255),
    correlation_id        VARCHAR(64)   NOT NULL,
    process_instance_id   VARCHAR(64)   NOT NULL,
    received_at           TIMESTAMP     NOT NULL,
    CONSTRAINT pk_esp_status_verification PRIMARY KEY (reference_id)
);

CREATE INDEX ix_esp_status_verification_instance ON esp_status_verification (process_instance_id);

-- Periodic work of the hub nodes: the node whose UPDATE moves last_run_at does the run, the
-- others find it moved and skip (hub nodes share one database, ADR 0031).
CREATE TABLE esp_scheduled_run (
    name         VARCHAR(64)  NOT NULL,
    last_run_at  TIMESTAMP    NOT NULL,
    CONSTRAINT pk_esp_scheduled_run PRIMARY KEY (name)
);

INSERT INTO esp_scheduled_run (name, last_run_at) VALUES ('status-reverification', TIMESTAMP '2000-01-01 00:00:00');
