package org.esphub.simulators.employer;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.esphub.simulators.AcceptedMessage;
import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.EventRequest;
import org.esphub.simulators.ReceivedInstructions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The employers' gateway for wage subsidies: the notices the hub sends about a subsidy and the webhook
 * events of the employer's subscription, kept as they came, and the employer's appeal against a refusal or a clawback ({@code SubsidyDecisionAppealed}),
 * sent to the hub through PES on {@code esp.pes.events.in} as the employers' other events are. The hub's
 * event intake admits events of referrals only, so for now it parks this one with its reason (ADR 0042).
 */
@RestController
@ConditionalOnSimulatorsEnabled
class SubsidyNoticeController {

    static final String SUBSIDY_DECISION_APPEALED = "SubsidyDecisionAppealed";

    private static final Logger log = LoggerFactory.getLogger(SubsidyNoticeController.class);

    private final ReceivedInstructions notices;
    private final ReceivedInstructions events;
    private final EmployerEventPublisher publisher;

    SubsidyNoticeController(ReceivedInstructions employerSubsidyNotices, ReceivedInstructions employerSubsidyEvents,
            EmployerEventPublisher publisher) {
        this.notices = employerSubsidyNotices;
        this.events = employerSubsidyEvents;
        this.publisher = publisher;
    }

    /** {@code {"reference_id": "...", "appeal_grounds": "..."}}: 202 sent to the hub; 400 without a reference. */
    @PostMapping("/sim/employer/subsidy-appeals")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AcceptedMessage appeal(@RequestBody JsonNode body) {
        ObjectNode event = body instanceof ObjectNode object ? object.deepCopy() : null;
        if (event == null) {
            throw EventRequest.invalid("a JSON object with reference_id is required.");
        }
        event.put("event_type", SUBSIDY_DECISION_APPEALED);
        ObjectNode checked = EventRequest.of(event, Set.of(SUBSIDY_DECISION_APPEALED));
        return new AcceptedMessage(publisher.publish(checked, null), publisher.queue());
    }

    /** 202 taken, 200 for a repeat; 400 {@code request.invalid}. */
    @PostMapping("/sim/employer/subsidy-decisions")
    ResponseEntity<Map<String, Object>> notice(@RequestBody Map<String, Object> notice,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        ReceivedInstructions.Outcome outcome = notices.record(notice, idempotencyKey, correlationId);
        log.info("employer {}: subsidy notice {} {}", notice.get("employer_id"), outcome.recorded().get("id"),
                notice.get("outcome"));
        return ResponseEntity.status(outcome.created() ? HttpStatus.ACCEPTED : HttpStatus.OK).body(outcome.recorded());
    }

    /**
     * The employer's webhook receiver for its subsidies' events ({@code subsidy_created}, {@code subsidy_updated}):
     * keeps each event's type and data as the gate let them through, once per delivery ({@code X-Webhook-Delivery};
     * the hub delivers at least once). A demo receiver: it does not check the signature a real one must.
     * 200; 400 {@code request.invalid} without an event type or a reference.
     */
    @PostMapping("/sim/employer/subsidy-events")
    Map<String, Object> event(@RequestBody JsonNode body,
            @RequestHeader(name = "X-Webhook-Delivery", required = false) String deliveryId) {
        Map<String, Object> content = new java.util.LinkedHashMap<>();
        content.put("event_type", body.path("event_type").isTextual() ? body.path("event_type").asText() : null);
        body.path("data").properties().forEach(field -> content.put(field.getKey(), plain(field.getValue())));
        ReceivedInstructions.Outcome outcome = events.record(content, deliveryId,
                body.at("/metadata/correlation_id").isTextual() ? body.at("/metadata/correlation_id").asText() : null);
        log.info("employer {}: subsidy event {} {} at step {}", content.get("employer_id"), outcome.recorded().get("id"),
                content.get("event_type"), content.get("step"));
        return outcome.recorded();
    }

    @GetMapping("/sim/employer/subsidy-events")
    List<Map<String, Object>> events(@RequestParam(name = "reference_id", required = false) String referenceId) {
        return events.all(referenceId);
    }

    private static Object plain(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        return value.isNull() ? null : value.asText();
    }

    @GetMapping("/sim/employer/subsidy-decisions")
    List<Map<String, Object>> notices(@RequestParam(name = "reference_id", required = false) String referenceId) {
        return notices.all(referenceId);
    }
}
