-- Per-item outcomes of create-referral messages, reported asynchronously.
--
-- A person has at most one active referral: esp_active_referral's primary key settles races
-- between consumers, and the row goes when the referral's process ends. An item refused at
-- intake (the person already has one) is kept in esp_referral without a process instance, with
-- its reason, so GET /referrals shows it.
CREATE TABLE esp_active_referral (
    person_id     VARCHAR(255) NOT NULL,
    reference_id  VARCHAR(255) NOT NULL,
    opened_at     TIMESTAMP    NOT NULL,
    CONSTRAINT pk_esp_active_referral PRIMARY KEY (person_id)
);
CREATE INDEX ix_esp_active_referral_reference ON esp_active_referral (reference_id);

ALTER TABLE esp_referral ALTER COLUMN process_instance_id DROP NOT NULL;
ALTER TABLE esp_referral ADD COLUMN rejection_code VARCHAR(64);
ALTER TABLE esp_referral ADD COLUMN rejection_reason VARCHAR(1000);

-- where the sender takes DCI callbacks (header.sender_uri), if it gave one
ALTER TABLE esp_inbound_message ADD COLUMN sender_uri VARCHAR(2048);

-- the outbox also carries DCI callbacks: addressed to a URL, not to a webhook subscription
ALTER TABLE esp_webhook_delivery ALTER COLUMN subscription_id DROP NOT NULL;
ALTER TABLE esp_webhook_delivery ADD COLUMN target_url VARCHAR(2048);
ALTER TABLE esp_webhook_delivery ADD CONSTRAINT ck_esp_webhook_delivery_target
    CHECK (subscription_id IS NOT NULL OR target_url IS NOT NULL);
CREATE INDEX ix_esp_referral_process_instance ON esp_referral (process_instance_id);
