package org.esphub.simulators.sa;

import java.util.List;
import java.util.Map;

import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.ReceivedInstructions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * SA for employment subsidies: the social registry's targeting check (percentile only) and the
 * treasury that pays subsidies and recovers clawbacks on the hub's instructions. Each answer of the
 * registry is logged with what it contained, so the log shows that the percentile is all it gave.
 */
@RestController
@ConditionalOnSimulatorsEnabled
class SaSubsidyController {

    private static final Logger log = LoggerFactory.getLogger(SaSubsidyController.class);

    private final SubsidyTargeting targeting;
    private final ReceivedInstructions payments;
    private final ReceivedInstructions recoveries;

    SaSubsidyController(SubsidyTargeting targeting,
            @Qualifier(SaSimulatorConfiguration.SUBSIDY_PAYMENTS) ReceivedInstructions payments,
            @Qualifier(SaSimulatorConfiguration.SUBSIDY_RECOVERIES) ReceivedInstructions recoveries) {
        this.targeting = targeting;
        this.payments = payments;
        this.recoveries = recoveries;
    }

    /** 200 the person's SA status and percentile; 404 {@code person.unknown}. */
    @GetMapping("/sim/sa/persons/{personId}/subsidy-targeting")
    Map<String, Object> targeting(@PathVariable String personId,
            @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        Map<String, Object> answer = targeting.answerFor(personId);
        log.info("social registry: subsidy targeting check for person {} (correlation {}) answered with the fields {}"
                + " and percentile {}", personId, correlationId, answer.keySet(), answer.get("vulnerability_percentile"));
        return answer;
    }

    /** A tester sets the person's percentile: {@code {"vulnerability_percentile": 25}}. */
    @PutMapping("/sim/sa/persons/{personId}/subsidy-targeting")
    Map<String, Object> setPercentile(@PathVariable String personId, @RequestBody Map<String, Integer> body) {
        return targeting.set(personId, body.get("vulnerability_percentile"));
    }

    /** 201 recorded, 200 for a repeat; 400 {@code request.invalid}; 409 a key reused for another payment. */
    @PostMapping("/sim/sa/subsidy-payments")
    ResponseEntity<Map<String, Object>> pay(@RequestBody Map<String, Object> instruction,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        ReceivedInstructions.Outcome outcome = payments.record(instruction, idempotencyKey, correlationId);
        log.info("treasury: subsidy payment {} received: {}", outcome.recorded().get("id"), instruction);
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome.recorded());
    }

    @GetMapping("/sim/sa/subsidy-payments")
    List<Map<String, Object>> payments(@RequestParam(name = "reference_id", required = false) String referenceId) {
        return payments.all(referenceId);
    }

    /** 201 recorded, 200 for a repeat; 400 {@code request.invalid}; 409 a key reused for another recovery. */
    @PostMapping("/sim/sa/subsidy-recoveries")
    ResponseEntity<Map<String, Object>> recover(@RequestBody Map<String, Object> instruction,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        ReceivedInstructions.Outcome outcome = recoveries.record(instruction, idempotencyKey, correlationId);
        log.info("treasury: subsidy recovery {} received: {}", outcome.recorded().get("id"), instruction);
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome.recorded());
    }

    @GetMapping("/sim/sa/subsidy-recoveries")
    List<Map<String, Object>> recoveries(@RequestParam(name = "reference_id", required = false) String referenceId) {
        return recoveries.all(referenceId);
    }
}
