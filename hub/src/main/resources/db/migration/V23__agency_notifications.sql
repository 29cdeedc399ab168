-- Notifications agencies send through POST /notifications about a case the hub runs (a referral,
-- a placement PES reported, a training enrolment). One row per item taken, with what became of it:
-- correlated into the process waiting for it, or a task for the case owner's caseworkers
-- (process agency-notification). Refused items are answered, not kept (they change nothing).
CREATE TABLE esp_agency_notification (
    notification_id      VARCHAR(64)  NOT NULL,
    reference_id         VARCHAR(255) NOT NULL,
    person_id            VARCHAR(255) NOT NULL,
    sender_id            VARCHAR(255) NOT NULL,
    message_id           VARCHAR(255) NOT NULL,
    notification_type    VARCHAR(128) NOT NULL,
    delivered_as         VARCHAR(32)  NOT NULL,
    process_instance_id  VARCHAR(64),
    received_at          TIMESTAMP    NOT NULL,
    CONSTRAINT pk_esp_agency_notification PRIMARY KEY (notification_id)
);
CREATE INDEX ix_esp_agency_notification_ref ON esp_agency_notification (reference_id);
