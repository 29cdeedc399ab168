-- Batch file exchange over SFTP (ADR 0050): one row per file taken from an agency's inbox, with
-- its reconciliation report as written back to the agency's outbox. The same file delivered
-- again (same agency, name and SHA-256) is recognised here and changes nothing.
CREATE TABLE esp_batch_exchange (
    exchange_id             VARCHAR(36)   NOT NULL,
    -- the SFTP user whose directory the file was in: the identity its records are taken as
    agency_user             VARCHAR(64)   NOT NULL,
    file_name               VARCHAR(255)  NOT NULL,
    -- of the whole file, as fetched
    file_sha256             VARCHAR(64)   NOT NULL,
    received_at             TIMESTAMP     NOT NULL,
    -- PROCESSED (records taken one by one), REJECTED (bad checksum or count: no record taken),
    -- UNREADABLE (not a batch file at all), REPEATED (the same file again: nothing taken)
    status                  VARCHAR(16)   NOT NULL,
    received_count          INTEGER       NOT NULL,
    accepted_count          INTEGER       NOT NULL,
    rejected_count          INTEGER       NOT NULL,
    already_known_count     INTEGER       NOT NULL,
    -- for REPEATED: the exchange that took the file first
    repeat_of               VARCHAR(36),
    report                  TEXT          NOT NULL,
    CONSTRAINT pk_esp_batch_exchange PRIMARY KEY (exchange_id)
);

CREATE INDEX ix_esp_batch_exchange_file ON esp_batch_exchange (agency_user, file_name, file_sha256);
CREATE INDEX ix_esp_batch_exchange_received ON esp_batch_exchange (received_at);
