-- UC5 integrated cases (ADR 0048): which processes each person's shared case links, and every
-- version of its joint plan that both agencies agreed. Written by the engine listeners of
-- org.esphub.hub.cases in the step's own transaction; the case view reads them.

-- one row per process linked to an integrated-case instance
CREATE TABLE esp_case_link (
    -- the integrated-case process instance
    case_instance_id        VARCHAR(64)   NOT NULL,
    -- the linked process instance and its process key (referral-to-pes, appeal, ...)
    process_instance_id     VARCHAR(64)   NOT NULL,
    process_key             VARCHAR(255)  NOT NULL,
    person_id               VARCHAR(64)   NOT NULL,
    linked_at               TIMESTAMP     NOT NULL,
    CONSTRAINT pk_esp_case_link PRIMARY KEY (case_instance_id, process_instance_id)
);
-- a linked process that ends finds its case
CREATE INDEX ix_esp_case_link_process ON esp_case_link (process_instance_id);

-- one row per agreed version of a case's joint plan; the highest version is in force
CREATE TABLE esp_case_plan_version (
    case_instance_id        VARCHAR(64)   NOT NULL,
    version                 INTEGER       NOT NULL,
    person_id               VARCHAR(64)   NOT NULL,
    goal                    VARCHAR(2000) NOT NULL,
    sa_action               VARCHAR(1000) NOT NULL,
    sa_action_due_date      VARCHAR(10)   NOT NULL,
    pes_action              VARCHAR(1000) NOT NULL,
    pes_action_due_date     VARCHAR(10)   NOT NULL,
    -- PES's own notes (assessment details): the case view shows them to PES only
    pes_case_notes          VARCHAR(4000),
    proposed_by             VARCHAR(64),
    agreed_by               VARCHAR(64),
    agreed_at               TIMESTAMP     NOT NULL,
    CONSTRAINT pk_esp_case_plan_version PRIMARY KEY (case_instance_id, version)
);
