-- SA's compliance requests feed the referral's compliance episode (activation-compliance), and the
-- hub keeps a read model of the episodes and their enforcement actions for GET /compliance-monitoring
-- (ADR 0040).

-- when the request was handed to its referral's episode (null: held until the activation plan is
-- agreed and the episode starts), which episode took it, and when its assessment was called back
ALTER TABLE esp_compliance_request ADD COLUMN fed_at TIMESTAMP;
ALTER TABLE esp_compliance_request ADD COLUMN monitoring_id VARCHAR(64);
ALTER TABLE esp_compliance_request ADD COLUMN assessed_at TIMESTAMP;

-- requests waiting for their episode or for its next assessment
CREATE INDEX ix_esp_compliance_request_referral ON esp_compliance_request (referral_reference_id);

-- one row per activation-compliance instance, written by the listener of its steps in the step's
-- own transaction; the searches read this table and never the engine
CREATE TABLE esp_compliance_episode (
    -- the activation-compliance process instance
    monitoring_id           VARCHAR(64)   NOT NULL,
    -- the referral monitored (the instance's business key)
    reference_id            VARCHAR(255)  NOT NULL,
    person_id               VARCHAR(64)   NOT NULL,
    -- MONITORING, UNDER_REVIEW (an episode of non-compliance is being heard or decided), ENDED
    state                   VARCHAR(16)   NOT NULL,
    -- the last assessment's result in the annex's terms: PENDING (none yet), COMPLIANT, NON_COMPLIANT
    compliance_status       VARCHAR(16)   NOT NULL,
    non_compliance_reason   VARCHAR(32),
    assessment_rule_id      VARCHAR(64),
    -- the annex's compliance_areas SA asked to be monitored, comma-separated
    monitored_areas         VARCHAR(255)  NOT NULL,
    minimum_applications    INTEGER,
    applications_in_period  INTEGER,
    missed_appointments     INTEGER,
    training_absences       INTEGER,
    refused_offers          INTEGER,
    next_review_date        DATE,
    last_assessed_at        TIMESTAMP,
    started_at              TIMESTAMP     NOT NULL,
    ended_at                TIMESTAMP,
    updated_at              TIMESTAMP     NOT NULL,
    CONSTRAINT pk_esp_compliance_episode PRIMARY KEY (monitoring_id),
    CONSTRAINT ck_esp_compliance_episode_state CHECK (state IN ('MONITORING', 'UNDER_REVIEW', 'ENDED'))
);

CREATE INDEX ix_esp_compliance_episode_reference ON esp_compliance_episode (reference_id);

-- each sanction step an episode proposed (CD.EMPL.11 action_type) and what became of it
CREATE TABLE esp_enforcement_action (
    action_id          VARCHAR(64)   NOT NULL,
    monitoring_id      VARCHAR(64)   NOT NULL,
    action_type        VARCHAR(32)   NOT NULL,
    reduction_percent  INTEGER,
    -- proposed, approved, rejected, applied, overturned, ended
    state              VARCHAR(16)   NOT NULL,
    -- the non-compliance it answers (compliance-assessment's reason code)
    reason             VARCHAR(32),
    proposed_at        TIMESTAMP     NOT NULL,
    applied_at         TIMESTAMP,
    ends_at            TIMESTAMP,
    updated_at         TIMESTAMP     NOT NULL,
    CONSTRAINT pk_esp_enforcement_action PRIMARY KEY (action_id)
);

CREATE INDEX ix_esp_enforcement_action_monitoring ON esp_enforcement_action (monitoring_id, proposed_at);
