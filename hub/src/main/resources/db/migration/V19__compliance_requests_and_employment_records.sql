-- POST /compliance/monitor requests, the hub's read models of benefits and placements, and the
-- companion's webhook subscription filters (issue 12).

-- one row per compliance_request item the intake took, accepted or refused (like esp_referral);
-- the compliance process (activation-compliance) will start from these rows once it exists
CREATE TABLE esp_compliance_request (
    reference_id           VARCHAR(255)  NOT NULL,
    person_id              VARCHAR(64)   NOT NULL,
    sender_id              VARCHAR(255)  NOT NULL,
    message_id             VARCHAR(255)  NOT NULL,
    correlation_id         VARCHAR(64)   NOT NULL,
    -- the person's referral from the same sender the request is about; null when refused
    referral_reference_id  VARCHAR(255),
    period_start           DATE,
    period_end             DATE,
    -- the annex's compliance_areas, comma-separated (WORK_SEARCH,APPOINTMENT_ATTENDANCE)
    compliance_areas       VARCHAR(255)  NOT NULL,
    requested_assessment   VARCHAR(32),
    -- RECEIVED: stored, waiting for the compliance process; REJECTED: refused with a reason
    status                 VARCHAR(16)   NOT NULL,
    rejection_code         VARCHAR(64),
    rejection_reason       VARCHAR(1000),
    received_at            TIMESTAMP     NOT NULL,
    CONSTRAINT pk_esp_compliance_request PRIMARY KEY (reference_id),
    CONSTRAINT ck_esp_compliance_request_status CHECK (status IN ('RECEIVED', 'REJECTED'))
);

-- GET /compliance-monitoring: a sender's requests, newest first
CREATE INDEX ix_esp_compliance_request_sender ON esp_compliance_request (sender_id, received_at);

-- benefits the processes decided (training benefits, benefit adjustments), written in the
-- transaction of the step that decided them; GET /employment-benefits reads only this table
CREATE TABLE esp_employment_benefit (
    -- the process instance that decided it
    benefit_id       VARCHAR(64)   NOT NULL,
    -- the referral it belongs to (the process's business key)
    reference_id     VARCHAR(255)  NOT NULL,
    person_id        VARCHAR(64)   NOT NULL,
    benefit_type     VARCHAR(32)   NOT NULL,
    benefit_subtype  VARCHAR(64),
    description      VARCHAR(255),
    start_date       DATE,
    end_date         DATE,
    status           VARCHAR(16)   NOT NULL,
    updated_at       TIMESTAMP     NOT NULL,
    CONSTRAINT pk_esp_employment_benefit PRIMARY KEY (benefit_id)
);

CREATE INDEX ix_esp_employment_benefit_reference ON esp_employment_benefit (reference_id);

-- placements the job-placement processes verified, with their later checkpoints and end
CREATE TABLE esp_job_placement (
    -- the job-placement process instance
    placement_id    VARCHAR(64)   NOT NULL,
    reference_id    VARCHAR(255)  NOT NULL,
    person_id       VARCHAR(64)   NOT NULL,
    employer_id     VARCHAR(255),
    job_title       VARCHAR(255),
    contract_type   VARCHAR(32),
    placement_date  DATE,
    start_date      DATE,
    end_date        DATE,
    status          VARCHAR(32)   NOT NULL,
    updated_at      TIMESTAMP     NOT NULL,
    CONSTRAINT pk_esp_job_placement PRIMARY KEY (placement_id)
);

CREATE INDEX ix_esp_job_placement_reference ON esp_job_placement (reference_id);

-- the companion's subscription filters as JSON ({"person_ids": [...]}); null: every event
ALTER TABLE esp_webhook_subscription ADD COLUMN filters TEXT;
