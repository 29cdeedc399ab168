-- The consent registry: a person's consent to the use of their data for one purpose.
-- A withdrawal sets withdrawn_at; consents are never deleted by the hub, they are the evidence
-- that past exchanges were lawful.
CREATE TABLE esp_consent (
    id                  VARCHAR(36)    NOT NULL,
    person_id           VARCHAR(255)   NOT NULL,
    -- a purpose code of an agreement, e.g. EMPLOYMENT_ACTIVATION
    purpose             VARCHAR(64)    NOT NULL,
    -- comma-separated receiver ids the consent is limited to; NULL: every receiver of the purpose
    scope               VARCHAR(1024),
    given_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE,
    withdrawn_at        TIMESTAMP WITH TIME ZONE,
    withdrawal_reason   VARCHAR(1000),
    withdrawn_by        VARCHAR(255),
    -- where it was captured: a form, a DCI referral, ...
    source              VARCHAR(255)   NOT NULL,
    legal_basis         VARCHAR(1000)  NOT NULL,
    given_by            VARCHAR(255)   NOT NULL,
    given_by_role       VARCHAR(16)    NOT NULL,
    subject_birth_date  DATE,
    recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by         VARCHAR(255)   NOT NULL,
    CONSTRAINT pk_esp_consent PRIMARY KEY (id),
    CONSTRAINT ck_esp_consent_role CHECK (given_by_role IN ('SUBJECT', 'GUARDIAN'))
);

-- the gate's question on every exchange that needs consent
CREATE INDEX ix_esp_consent_person_purpose ON esp_consent (person_id, purpose);
