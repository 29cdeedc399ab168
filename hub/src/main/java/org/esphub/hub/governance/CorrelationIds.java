package org.esphub.hub.governance;

import java.util.List;
import java.util.UUID;
import org.esphub.governance.storage.StoredField;

/** The caller's X-Correlation-ID, or one made for the request, so the records of one call share it. */
final class CorrelationIds {

    static final String HEADER = "X-Correlation-ID";

    private CorrelationIds() {
    }

    /**
     * @throws BadGovernanceRequest if the given id is longer than the hub stores or has characters
     *     a header id may not have: refused, rather than cut, so that a search by it finds its records
     */
    static String orNew(String given) {
        if (given == null || given.isBlank()) {
            return UUID.randomUUID().toString();
        }
        String problem = StoredField.CORRELATION_ID.problem(HEADER, given);
        if (problem != null) {
            throw new BadGovernanceRequest(List.of(problem));
        }
        return given;
    }
}
