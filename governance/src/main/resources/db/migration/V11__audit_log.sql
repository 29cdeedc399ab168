-- The audit log: one row per data exchange, refusal, read of personal data through an API and
-- change of governance data. Rows are only ever inserted (on PostgreSQL the database refuses
-- anything else, see postgresql/V12); each row's hash covers the previous row's hash and its
-- own content, so an altered, removed or inserted row breaks the chain from there on.
CREATE TABLE esp_audit_event (
    sequence         BIGINT         NOT NULL,
    event_id         VARCHAR(36)    NOT NULL,
    -- DESIGN.md's record: timestamp, actor_id, action, resource_type, resource_id, purpose,
    -- legal_basis, correlation_id
    occurred_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    actor_id         VARCHAR(255)   NOT NULL,
    action           VARCHAR(16)    NOT NULL,
    resource_type    VARCHAR(64)    NOT NULL,
    resource_id      VARCHAR(255),
    person_id        VARCHAR(255),
    purpose          VARCHAR(64),
    legal_basis      VARCHAR(1000),
    correlation_id   VARCHAR(255),
    -- where the data went and under what
    exchange_name    VARCHAR(128),
    agreement        VARCHAR(128),
    receiver         VARCHAR(255),
    outcome          VARCHAR(16)    NOT NULL,
    reason           VARCHAR(1000),
    filters_applied  VARCHAR(2000)  NOT NULL,
    consent_id       VARCHAR(36),
    payload_digest   VARCHAR(64),
    previous_hash    VARCHAR(64)    NOT NULL,
    hash             VARCHAR(64)    NOT NULL,
    CONSTRAINT pk_esp_audit_event PRIMARY KEY (sequence),
    CONSTRAINT uq_esp_audit_event_id UNIQUE (event_id)
);

-- the auditor's filters
CREATE INDEX ix_esp_audit_event_person ON esp_audit_event (person_id, sequence);
CREATE INDEX ix_esp_audit_event_correlation ON esp_audit_event (correlation_id);
CREATE INDEX ix_esp_audit_event_receiver ON esp_audit_event (receiver, sequence);
CREATE INDEX ix_esp_audit_event_occurred ON esp_audit_event (occurred_at);

-- The two ends of the chain, in one row that every append locks: the head (last row written)
-- and the anchor (last row purged after its retention; the first row kept links to it).
CREATE TABLE esp_audit_chain (
    id               INTEGER      NOT NULL,
    head_sequence    BIGINT       NOT NULL,
    head_hash        VARCHAR(64)  NOT NULL,
    anchor_sequence  BIGINT       NOT NULL,
    anchor_hash      VARCHAR(64)  NOT NULL,
    CONSTRAINT pk_esp_audit_chain PRIMARY KEY (id),
    CONSTRAINT ck_esp_audit_chain_single_row CHECK (id = 1)
);

INSERT INTO esp_audit_chain (id, head_sequence, head_hash, anchor_sequence, anchor_hash) VALUES (1, 0,
    '0000000000000000000000000000000000000000000000000000000000000000', 0,
    '0000000000000000000000000000000000000000000000000000000000000000');
