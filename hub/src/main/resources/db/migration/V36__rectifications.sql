-- Rectifications (DG.EMPL.05): an agency asked, for a person, that one field be corrected; the field's
-- source agency checks it in rectification. Each correction is a new version of the field for the
-- person. Neither the old value nor the claimed one is kept in clear: only a digest of the claimed value,
-- so a repeated claim can be recognised. receivers_told: the sender_ids told the new value, comma-separated.
CREATE TABLE esp_rectification (
    rectification_id    VARCHAR(36)   NOT NULL,
    person_id           VARCHAR(64)   NOT NULL,
    field               VARCHAR(64)   NOT NULL,
    source_agency       VARCHAR(255)  NOT NULL,
    requester_client    VARCHAR(255)  NOT NULL,
    requester_id        VARCHAR(255)  NOT NULL,
    correlation_id      VARCHAR(64)   NOT NULL,
    claimed_value_hash  VARCHAR(64)   NOT NULL,
    status              VARCHAR(16)   NOT NULL,
    version             INTEGER,
    requested_at        TIMESTAMP     NOT NULL,
    due_at              TIMESTAMP     NOT NULL,
    decided_at          TIMESTAMP,
    decided_by          VARCHAR(255),
    receivers_told      VARCHAR(2000),
    CONSTRAINT pk_esp_rectification PRIMARY KEY (rectification_id),
    CONSTRAINT uq_esp_rectification_version UNIQUE (person_id, field, version)
);

CREATE INDEX ix_esp_rectification_person ON esp_rectification (person_id);
