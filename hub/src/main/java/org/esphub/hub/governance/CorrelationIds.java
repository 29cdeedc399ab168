package org.esphub.hub.governance;

import java.util.UUID;

/** The caller's X-Correlation-ID, or one made for the request, so the records of one call share it. */
final class CorrelationIds {

    static final String HEADER = "X-Correlation-ID";

    private CorrelationIds() {
    }

    static String orNew(String given) {
        return given == null || given.isBlank() ? UUID.randomUUID().toString() : given;
    }
}
