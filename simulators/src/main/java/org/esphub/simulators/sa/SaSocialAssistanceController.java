package org.esphub.simulators.sa;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.esphub.simulators.AcceptedMessage;
import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.SimulatorQueues;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * SA in PES clients' access to social assistance (pes-client-sa-access): the registry's household
 * figures the hub reads for pre-eligibility, the register of applications and decisions the hub
 * records, and the person's appeal and the end of the assistance, sent to the hub as SA events.
 */
@RestController
@ConditionalOnSimulatorsEnabled
class SaSocialAssistanceController {

    static final String APPEAL_EVENT = "SocialAssistanceAppealFiled";
    static final String ENDED_EVENT = "SocialAssistanceEnded";

    private final SocialAssistanceApplications applications;
    private final SaEventPublisher publisher;
    private final ObjectMapper objectMapper;

    SaSocialAssistanceController(SocialAssistanceApplications applications, SaEventPublisher publisher,
            ObjectMapper objectMapper) {
        this.applications = applications;
        this.publisher = publisher;
        this.objectMapper = objectMapper;
    }

    /** What the registry holds of the person's household; 404 {@code person.unknown}. */
    @GetMapping("/sim/sa/persons/{personId}/household-figures")
    Map<String, Object> figures(@PathVariable String personId) {
        return view(personId, applications.figuresOf(personId));
    }

    /** {@code {"household_size": 4, "monthly_household_income": "1600.00"}}: a demo sets the figures. */
    @PutMapping("/sim/sa/persons/{personId}/household-figures")
    Map<String, Object> setFigures(@PathVariable String personId, @RequestBody FiguresRequest request) {
        return view(personId, applications.setFigures(personId, new SocialAssistanceApplications.HouseholdFigures(
                request.householdSize() == null ? 0 : request.householdSize(), request.monthlyHouseholdIncome())));
    }

    /** 201 recorded now, 200 for a repeat of the same Idempotency-Key; 400 without reference, person or decision. */
    @PostMapping("/sim/sa/social-assistance-applications")
    ResponseEntity<JsonNode> record(@RequestBody JsonNode application,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        SocialAssistanceApplications.Outcome outcome = applications.record(application, idempotencyKey, correlationId);
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(outcome.application().received());
    }

    /** The applications exactly as SA received them, oldest first. */
    @GetMapping("/sim/sa/social-assistance-applications")
    List<JsonNode> applications(@RequestParam(name = "reference_id", required = false) String referenceId) {
        return applications.all(referenceId).stream().map(SocialAssistanceApplications.RecordedApplication::received)
                .toList();
    }

    /** {@code {"appeal_grounds": "..."}} (optional): the person appeals SA's refusal within the window. */
    @PostMapping("/sim/sa/social-assistance/{referenceId}/appeal")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AcceptedMessage appeal(@PathVariable String referenceId, @RequestBody(required = false) JsonNode body) {
        ObjectNode event = event(APPEAL_EVENT, referenceId);
        if (body != null && body.hasNonNull("appeal_grounds")) {
            event.put("appeal_grounds", body.get("appeal_grounds").asText());
        }
        return new AcceptedMessage(publisher.publish(event, null), SimulatorQueues.SA_EVENTS_IN);
    }

    /** SA stopped paying the assistance it granted: the person's activation obligations end with it. */
    @PostMapping("/sim/sa/social-assistance/{referenceId}/ended")
    @ResponseStatus(HttpStatus.ACCEPTED)
    AcceptedMessage ended(@PathVariable String referenceId) {
        return new AcceptedMessage(publisher.publish(event(ENDED_EVENT, referenceId), null),
                SimulatorQueues.SA_EVENTS_IN);
    }

    private ObjectNode event(String type, String referenceId) {
        return objectMapper.createObjectNode().put("event_type", type).put("reference_id", referenceId);
    }

    private static Map<String, Object> view(String personId, SocialAssistanceApplications.HouseholdFigures figures) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("person_id", personId);
        view.put("household_size", figures.householdSize());
        view.put("monthly_household_income", figures.monthlyHouseholdIncome());
        return view;
    }

    record FiguresRequest(
            @JsonProperty("household_size") Integer householdSize,
            @JsonProperty("monthly_household_income") String monthlyHouseholdIncome) {
    }
}
