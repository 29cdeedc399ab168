-- The employment-status projection (PRS.EMPL.02): per person, the latest finding of each
-- source as JSON, so GET /status answers from one row. Live queries refresh a row when it is
-- older than esp.status.projection-max-age; PES events update the PES finding in between.
CREATE TABLE esp_employment_status (
    person_id     VARCHAR(64)  NOT NULL,
    pes           TEXT,
    tax           TEXT,
    -- when both sources were last asked live
    refreshed_at  TIMESTAMP    NOT NULL,
    CONSTRAINT pk_esp_employment_status PRIMARY KEY (person_id)
);
