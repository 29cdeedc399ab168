-- Restrictions of processing (DG.EMPL.05): while a person disputes their data, the gate holds the
-- exchanges about them for the disputed purposes (the agreements' essential benefit-payment exchanges
-- excepted) until the restriction is lifted. Kept after lifting: the audit trail of the dispute.
CREATE TABLE esp_processing_restriction (
    id              VARCHAR(36)   NOT NULL,
    person_id       VARCHAR(64)   NOT NULL,
    -- the disputed purposes, comma-separated agreement purpose codes
    purposes        VARCHAR(1000) NOT NULL,
    reason          VARCHAR(1000) NOT NULL,
    opened_by       VARCHAR(255)  NOT NULL,
    opened_for      VARCHAR(255)  NOT NULL,
    opened_at       TIMESTAMP     NOT NULL,
    lifted_at       TIMESTAMP,
    lifted_by       VARCHAR(255),
    CONSTRAINT pk_esp_processing_restriction PRIMARY KEY (id)
);

CREATE INDEX ix_esp_processing_restriction_person ON esp_processing_restriction (person_id);
