-- Training enrolments PES or a training provider requests through POST /training-benefits
-- (PRS.EMPL.03, training outside a referral). reference_id is the business key of the item's
-- training-enrolment instance; an item refused at intake is kept with its reason and no instance.
-- The message rows stay in esp_inbound_message (dedup on message_id).
CREATE TABLE esp_training_enrolment (
    reference_id         VARCHAR(255) NOT NULL,
    person_id            VARCHAR(255) NOT NULL,
    sender_id            VARCHAR(255) NOT NULL,
    message_id           VARCHAR(255) NOT NULL,
    correlation_id       VARCHAR(64)  NOT NULL,
    programme_id         VARCHAR(255),
    process_instance_id  VARCHAR(64),
    rejection_code       VARCHAR(64),
    rejection_reason     VARCHAR(1000),
    received_at          TIMESTAMP    NOT NULL,
    CONSTRAINT pk_esp_training_enrolment PRIMARY KEY (reference_id)
);
CREATE INDEX ix_esp_training_enrolment_person ON esp_training_enrolment (person_id);
