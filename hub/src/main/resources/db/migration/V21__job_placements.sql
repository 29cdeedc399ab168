-- Placements PES reports through POST /job-placements (placements PES made itself, outside a
-- referral's matching). reference_id is the placement_id of PUT /job-placements/{placement_id}
-- and the business key of its job-placement instance; an item refused at intake is kept with its
-- reason and no instance. The message rows stay in esp_inbound_message (dedup on message_id).
CREATE TABLE esp_placement (
    reference_id         VARCHAR(255) NOT NULL,
    person_id            VARCHAR(255) NOT NULL,
    sender_id            VARCHAR(255) NOT NULL,
    message_id           VARCHAR(255) NOT NULL,
    correlation_id       VARCHAR(64)  NOT NULL,
    process_instance_id  VARCHAR(64),
    rejection_code       VARCHAR(64),
    rejection_reason     VARCHAR(1000),
    received_at          TIMESTAMP    NOT NULL,
    CONSTRAINT pk_esp_placement PRIMARY KEY (reference_id)
);
CREATE INDEX ix_esp_placement_person ON esp_placement (person_id);
