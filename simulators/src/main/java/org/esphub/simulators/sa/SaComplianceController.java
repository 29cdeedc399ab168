package org.esphub.simulators.sa;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.esphub.simulators.AcceptedMessage;
import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.InvalidRequestException;
import org.esphub.simulators.SimulatorQueues;
import org.esphub.simulators.inbox.ReceivedNotification;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets a demo or test play SA in compliance monitoring (activation-compliance): pass on the person's
 * reasons, report an appeal against a sanction, and see the compliance notices and which sanctions SA
 * has applied, from the hub's notices alone.
 */
@RestController
@ConditionalOnSimulatorsEnabled
class SaComplianceController {

    static final String REASONS_EVENT = "ComplianceReasonsGiven";
    static final String APPEAL_EVENT = "SanctionAppealed";
    /** The notices of activation-compliance (outcome codes), in the order an episode may send them. */
    static final List<String> COMPLIANCE_OUTCOMES = List.of("COMPLIANCE_REASONS_REQUESTED",
            "COMPLIANCE_GOOD_CAUSE_ACCEPTED", "COMPLIANCE_WARNING", "SANCTION_REJECTED", "SANCTION_DECIDED",
            "SANCTION_APPLIED", "SANCTION_ENDED");

    private final SaEventPublisher publisher;
    private final SaNotificationInbox inbox;
    private final ObjectMapper objectMapper;

    SaComplianceController(SaEventPublisher publisher, SaNotificationInbox inbox, ObjectMapper objectMapper) {
        this.publisher = publisher;
        this.inbox = inbox;
        this.objectMapper = objectMapper;
    }

    /** {@code {"stated_reasons": "..."}}: the person's reasons, within the period the notice named. */
    @PostMapping("/sim/sa/compliance/{referenceId}/reasons")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AcceptedMessage reasons(@PathVariable String referenceId, @RequestBody JsonNode body) {
        String reasons = body.path("stated_reasons").asText("");
        if (reasons.isBlank()) {
            throw new InvalidRequestException("reasons.invalid", "stated_reasons is required.");
        }
        return send(event(REASONS_EVENT, referenceId).put("stated_reasons", reasons));
    }

    /** {@code {"appeal_grounds": "..."}} (optional): the person appeals the sanction notified last. */
    @PostMapping("/sim/sa/compliance/{referenceId}/appeal")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AcceptedMessage appeal(@PathVariable String referenceId, @RequestBody(required = false) JsonNode body) {
        ObjectNode event = event(APPEAL_EVENT, referenceId);
        if (body != null && body.hasNonNull("appeal_grounds")) {
            event.put("appeal_grounds", body.get("appeal_grounds").asText());
        }
        return send(event);
    }

    /**
     * What SA knows of the person's compliance: every compliance notice in order, and the sanctions in
     * force (applied and not yet ended). An overturned sanction never appears among them.
     */
    @GetMapping("/sim/sa/compliance/{referenceId}")
    Map<String, Object> compliance(@PathVariable String referenceId) {
        List<JsonNode> notices = new ArrayList<>();
        List<JsonNode> inForce = new ArrayList<>();
        for (ReceivedNotification notification : inbox.about(referenceId, null)) {
            JsonNode message = notification.body() == null ? null : notification.body().path("message");
            if (message == null || !COMPLIANCE_OUTCOMES.contains(message.path("outcome").asText())) {
                continue;
            }
            notices.add(message);
            switch (message.path("outcome").asText()) {
                case "SANCTION_APPLIED" -> inForce.add(message);
                case "SANCTION_ENDED" -> inForce.removeIf(applied ->
                        applied.path("sanction_type").asText().equals(message.path("sanction_type").asText()));
                default -> {
                }
            }
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("reference_id", referenceId);
        view.put("notices", notices);
        view.put("sanctions_in_force", inForce);
        return view;
    }

    private ObjectNode event(String type, String referenceId) {
        return objectMapper.createObjectNode().put("event_type", type).put("reference_id", referenceId);
    }

    private AcceptedMessage send(ObjectNode event) {
        return new AcceptedMessage(publisher.publish(event, null), SimulatorQueues.SA_EVENTS_IN);
    }
}
