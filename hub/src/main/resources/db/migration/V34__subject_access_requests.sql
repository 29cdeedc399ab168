-- Access requests (DG.EMPL.05): what an agency asked for on a person's behalf, and the export the hub
-- compiled for it when it arrived. The case itself (review, answer) runs in subject-access-request;
-- its state is read from the engine, so nothing here changes after the insert.
CREATE TABLE esp_subject_access_request (
    request_id              VARCHAR(36)  NOT NULL,
    person_id               VARCHAR(64)  NOT NULL,
    requester_client        VARCHAR(255) NOT NULL,
    requester_id            VARCHAR(255) NOT NULL,
    on_behalf_of            VARCHAR(32)  NOT NULL,
    representation_kind     VARCHAR(64),
    representation_ref      VARCHAR(255),
    correlation_id          VARCHAR(64)  NOT NULL,
    received_at             TIMESTAMP    NOT NULL,
    due_at                  TIMESTAMP    NOT NULL,
    -- the canonical JSON bytes of the export (UTF-8 text): what is reviewed, released and signed
    export_json             TEXT         NOT NULL,
    CONSTRAINT pk_esp_subject_access_request PRIMARY KEY (request_id)
);

CREATE INDEX ix_esp_subject_access_request_person ON esp_subject_access_request (person_id);
