package org.esphub.simulators.pes;

import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Emits {@code RegistrationConfirmed} once per jobseeker. Remembering what was sent (rather than
 * sending only for brand-new registrations) means a confirmation whose send failed goes out on
 * the caller's retry, instead of leaving the hub waiting for it forever.
 */
public class RegistrationConfirmer {

    static final String EVENT_TYPE = "RegistrationConfirmed";

    private final PesEventPublisher publisher;
    private final ObjectMapper objectMapper;
    private final Set<String> confirmedCaseNumbers = new HashSet<>();

    public RegistrationConfirmer(PesEventPublisher publisher, ObjectMapper objectMapper) {
        this.publisher = publisher;
        this.objectMapper = objectMapper;
    }

    /** @return {@code true} if an event was sent now, {@code false} if one had been sent before */
    public synchronized boolean confirmOnce(Jobseeker jobseeker) {
        if (confirmedCaseNumbers.contains(jobseeker.caseNumber())) {
            return false;
        }
        ObjectNode event = objectMapper.createObjectNode()
                .put("event_type", EVENT_TYPE)
                .put("reference_id", jobseeker.referenceId())
                .put("person_id", jobseeker.personId())
                .put("pes_case_number", jobseeker.caseNumber())
                .put("occurred_at", jobseeker.registeredAt().toString());
        publisher.publish(event, jobseeker.correlationId());
        confirmedCaseNumbers.add(jobseeker.caseNumber());
        return true;
    }
}
