package org.esphub.simulators.sa;

import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Tells the hub SA's decision on a training-benefit request, as the event
 * {@code TrainingBenefitDecided}, once per request. Remembering what was sent (rather than sending
 * only when deciding) means a decision whose send failed goes out on the caller's retry.
 */
public class TrainingBenefitDecisions {

    static final String EVENT_TYPE = "TrainingBenefitDecided";

    private final SaEventPublisher publisher;
    private final ObjectMapper objectMapper;
    private final Set<String> announcedRequestIds = new HashSet<>();

    public TrainingBenefitDecisions(SaEventPublisher publisher, ObjectMapper objectMapper) {
        this.publisher = publisher;
        this.objectMapper = objectMapper;
    }

    /** @return {@code true} if the event was sent now; {@code false} if the request is pending or was announced before */
    public synchronized boolean announceOnce(TrainingBenefitCase benefitCase) {
        if (!benefitCase.isDecided() || announcedRequestIds.contains(benefitCase.requestId())) {
            return false;
        }
        ObjectNode event = objectMapper.createObjectNode()
                .put("event_type", EVENT_TYPE)
                .put("reference_id", benefitCase.referenceId())
                .put("person_id", benefitCase.personId())
                .put("request_id", benefitCase.requestId())
                .put("programme_id", benefitCase.programmeId())
                .put("training_benefit_approved", TrainingBenefitCase.APPROVED.equals(benefitCase.status()));
        if (benefitCase.decisionReason() != null) {
            event.put("training_benefit_decision_reason", benefitCase.decisionReason());
        }
        event.put("occurred_at", benefitCase.decidedAt().toString());
        publisher.publish(event, benefitCase.correlationId());
        announcedRequestIds.add(benefitCase.requestId());
        return true;
    }
}
