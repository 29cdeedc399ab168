-- Webhook subscriptions of API clients and the outbox of their deliveries.
-- A delivery row is written in the same transaction as the change it reports (transactional
-- outbox), so an event exists exactly when that change committed; the dispatcher sends the rows
-- and records every attempt here, which makes delivery survive restarts.

-- one row per subscription; client_id is the OAuth2 client (JWT subject) that owns it
CREATE TABLE esp_webhook_subscription (
    id          VARCHAR(36)   NOT NULL,
    client_id   VARCHAR(255)  NOT NULL,
    url         VARCHAR(2048) NOT NULL,
    -- comma-separated event types, e.g. referral_created,referral_updated
    events      VARCHAR(1024) NOT NULL,
    -- kept readable: the hub signs every delivery with it (HMAC-SHA256)
    secret      VARCHAR(255)  NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    created_at  TIMESTAMP     NOT NULL,
    updated_at  TIMESTAMP     NOT NULL,
    CONSTRAINT pk_esp_webhook_subscription PRIMARY KEY (id),
    CONSTRAINT ck_esp_webhook_subscription_status CHECK (status IN ('ACTIVE', 'PAUSED'))
);

CREATE INDEX ix_esp_webhook_subscription_client ON esp_webhook_subscription (client_id, status);

-- one row per event and subscription; a deleted subscription takes its deliveries with it
CREATE TABLE esp_webhook_delivery (
    id                VARCHAR(36)   NOT NULL,
    subscription_id   VARCHAR(36)   NOT NULL,
    event_type        VARCHAR(64)   NOT NULL,
    payload           TEXT          NOT NULL,
    attempts          INTEGER       NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    next_attempt_at   TIMESTAMP     NOT NULL,
    last_attempt_at   TIMESTAMP,
    last_status_code  INTEGER,
    last_error        VARCHAR(1000),
    created_at        TIMESTAMP     NOT NULL,
    delivered_at      TIMESTAMP,
    CONSTRAINT pk_esp_webhook_delivery PRIMARY KEY (id),
    CONSTRAINT fk_esp_webhook_delivery_subscription FOREIGN KEY (subscription_id)
        REFERENCES esp_webhook_subscription (id) ON DELETE CASCADE,
    CONSTRAINT ck_esp_webhook_delivery_status CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED'))
);

-- the dispatcher's query: due PENDING rows, oldest first
CREATE INDEX ix_esp_webhook_delivery_due ON esp_webhook_delivery (status, next_attempt_at);
-- per-subscription statistics
CREATE INDEX ix_esp_webhook_delivery_subscription ON esp_webhook_delivery (subscription_id, status);
