package org.esphub.simulators.pes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.esphub.simulators.AcceptedMessage;
import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.InvalidRequestException;
import org.esphub.simulators.SimulatorQueues;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets a demo or test play PES observing a person's activation obligations (activation-compliance):
 * appointments attended or missed, job-search diary entries, refused offers, and renewed compliance.
 * Each observation goes to the hub as the event {@code ComplianceEvidence} carrying only its kind, as
 * the agreement asks: the diary's content stays at PES.
 */
@RestController
@ConditionalOnSimulatorsEnabled
class PesComplianceController {

    static final String EVIDENCE_EVENT = "ComplianceEvidence";
    static final String RENEWED_EVENT = "ComplianceRenewed";
    static final Set<String> EVIDENCE_TYPES = Set.of("APPOINTMENT_ATTENDED", "APPOINTMENT_MISSED_WITH_NOTICE",
            "APPOINTMENT_MISSED_WITHOUT_NOTICE", "JOB_APPLICATION", "INCOME_REPORTED", "OFFER_REFUSED",
            "TRAINING_ATTENDED", "TRAINING_MISSED");
    private static final int MOST_AT_ONCE = 50;

    private final PesEventPublisher publisher;
    private final ObjectMapper objectMapper;

    PesComplianceController(PesEventPublisher publisher, ObjectMapper objectMapper) {
        this.publisher = publisher;
        this.objectMapper = objectMapper;
    }

    /**
     * One observation, or {@code count} of the same kind (a diary with several applications).
     *
     * @return one accepted message per event sent
     */
    @PostMapping("/sim/pes/compliance/{referenceId}/evidence")
    @ResponseStatus(HttpStatus.ACCEPTED)
    List<AcceptedMessage> evidence(@PathVariable String referenceId, @RequestBody EvidenceRequest request) {
        if (request == null || request.evidenceType() == null || !EVIDENCE_TYPES.contains(request.evidenceType())) {
            throw new InvalidRequestException("evidence.invalid", "evidence_type must be one of " + EVIDENCE_TYPES);
        }
        int count = request.count() == null ? 1 : request.count();
        if (count < 1 || count > MOST_AT_ONCE) {
            throw new InvalidRequestException("evidence.invalid", "count must be between 1 and " + MOST_AT_ONCE);
        }
        List<AcceptedMessage> sent = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ObjectNode event = event(EVIDENCE_EVENT, referenceId).put("evidence_type", request.evidenceType());
            sent.add(new AcceptedMessage(publisher.publish(event, null), SimulatorQueues.PES_EVENTS_IN));
        }
        return sent;
    }

    /** PES finds the person meets the obligations again: a running sanction ends early. */
    @PostMapping("/sim/pes/compliance/{referenceId}/renewed")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AcceptedMessage renewed(@PathVariable String referenceId) {
        return new AcceptedMessage(publisher.publish(event(RENEWED_EVENT, referenceId), null),
                SimulatorQueues.PES_EVENTS_IN);
    }

    private ObjectNode event(String type, String referenceId) {
        return objectMapper.createObjectNode().put("event_type", type).put("reference_id", referenceId);
    }

    /** {@code {"evidence_type": "APPOINTMENT_MISSED_WITHOUT_NOTICE", "count": 1}} */
    record EvidenceRequest(
            @JsonProperty("evidence_type") String evidenceType,
            Integer count) {
    }
}
