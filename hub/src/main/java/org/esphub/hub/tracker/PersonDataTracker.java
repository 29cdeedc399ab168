package org.esphub.hub.tracker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.dci.OpaqueIdFormat;
import org.esphub.governance.storage.StoredField;
import org.esphub.governance.tracker.DataTracker;
import org.esphub.governance.tracker.TrackerEntry;
import org.esphub.hub.governance.ApiDisclosure;
import org.springframework.stereotype.Component;

/**
 * A person's tracker as it leaves the hub, whichever way it goes (agency API, printable page, PDF):
 * read from the audit log, passed through the data-sharing gate (agreement data-subject-information)
 * and so itself recorded. The call is recorded after the list is read: a tracker lists the earlier
 * requests for it, not the one that made it (ADR 0051).
 */
@Component
public class PersonDataTracker {

    /** The answer's exchange and purpose in the agreements. */
    static final String EXCHANGE = "api.get-data-tracker";
    static final String PURPOSE = "DATA_SUBJECT_RIGHTS";
    static final String CORRELATION_HEADER = "X-Correlation-ID";

    private final DataTracker tracker;
    private final ApiDisclosure disclosure;

    public PersonDataTracker(DataTracker tracker, ApiDisclosure disclosure) {
        this.tracker = tracker;
        this.disclosure = disclosure;
    }

    /**
     * @param callerId the agency client or caseworker who asked on the person's behalf
     * @return {@code person_id} and {@code exchanges}, snake_case, as released by the gate
     * @param correlationId the caller's X-Correlation-ID, or null for a new one
     * @throws DciRejection 400 for an id the hub never stores, 404 when no exchange about the person is recorded
     */
    public Map<String, Object> release(String personId, String callerId, String correlationId) {
        if (!OpaqueIdFormat.isUsable(personId)) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, "the person id is not valid",
                    List.of("person_id must be " + OpaqueIdFormat.DESCRIPTION));
        }
        String correlation = correlationId == null || correlationId.isBlank() ? UUID.randomUUID().toString()
                : correlationId;
        String badCorrelation = StoredField.CORRELATION_ID.problem(CORRELATION_HEADER, correlation);
        if (badCorrelation != null) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, "the request is not valid", List.of(badCorrelation));
        }
        List<TrackerEntry> entries = tracker.exchangesAbout(personId);
        if (entries.isEmpty()) {
            throw new DciRejection(DciReasonCode.REQUEST_NOT_FOUND,
                    "the hub has recorded no exchange about person " + personId, List.of());
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("person_id", personId);
        answer.put("exchanges", entries.stream().map(TrackerJson::of).toList());
        return disclosure.toApiCaller(EXCHANGE, PURPOSE, callerId, personId, personId, correlation, answer);
    }
}
