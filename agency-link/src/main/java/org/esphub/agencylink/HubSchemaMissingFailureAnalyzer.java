package org.esphub.agencylink;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing hub schema into Spring Boot's start-up report: what is missing, and what to do. */
class HubSchemaMissingFailureAnalyzer extends AbstractFailureAnalyzer<HubSchemaMissing> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, HubSchemaMissing cause) {
        return new FailureAnalysis(
                "The agency-link node found no hub schema in " + cause.url() + ":\n  - "
                        + String.join("\n  - ", cause.missing()),
                "Point ESP_DB_URL at the database of the hubs this node works for, and start a hub against it"
                        + " first: the hub owns the schema and migrates it; a link node never creates or changes"
                        + " a table.",
                cause);
    }
}
