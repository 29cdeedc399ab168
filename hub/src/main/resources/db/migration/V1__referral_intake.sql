-- Inbound deduplication and the hub's own record of every referral item it accepted.
-- Written in the same transaction as the process start, so a message is either fully taken
-- (rows + instances) or not at all, and a redelivered message finds its rows and starts nothing.

-- one row per DCI message accepted: sender_id + message_id is the standard's dedup key
CREATE TABLE esp_inbound_message (
    sender_id       VARCHAR(255) NOT NULL,
    message_id      VARCHAR(255) NOT NULL,
    action          VARCHAR(64)  NOT NULL,
    channel         VARCHAR(16)  NOT NULL,
    correlation_id  VARCHAR(64)  NOT NULL,
    transaction_id  VARCHAR(99),
    item_count      INTEGER      NOT NULL,
    received_at     TIMESTAMP    NOT NULL,
    CONSTRAINT pk_esp_inbound_message PRIMARY KEY (sender_id, message_id)
);

-- one row per referral item: reference_id is the business key of its process instance
CREATE TABLE esp_referral (
    reference_id         VARCHAR(255) NOT NULL,
    person_id            VARCHAR(255) NOT NULL,
    sender_id            VARCHAR(255) NOT NULL,
    message_id           VARCHAR(255) NOT NULL,
    correlation_id       VARCHAR(64)  NOT NULL,
    process_instance_id  VARCHAR(64)  NOT NULL,
    received_at          TIMESTAMP    NOT NULL,
    CONSTRAINT pk_esp_referral PRIMARY KEY (reference_id)
);

CREATE INDEX ix_esp_referral_person ON esp_referral (person_id);
