package org.esphub.simulators.sa;

import java.util.List;

import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.InvalidRequestException;
import org.esphub.simulators.SimulatorProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * SA's training-benefit desk: takes the hub's requests and answers later with the event
 * {@code TrainingBenefitDecided} on {@code esp.sa.events.in}, at once when auto-decide is on
 * (every request approved), else when a demo decides through {@code .../{id}/decision}.
 */
@RestController
@RequestMapping("/sim/sa/training-benefit-requests")
@ConditionalOnSimulatorsEnabled
class SaTrainingBenefitController {

    static final String AUTO_DECISION_REASON = "Approved at once by the SA simulator (auto-decide).";

    private final TrainingBenefitCases cases;
    private final TrainingBenefitDecisions decisions;
    private final boolean autoDecide;

    SaTrainingBenefitController(TrainingBenefitCases cases, TrainingBenefitDecisions decisions,
                                SimulatorProperties properties) {
        this.cases = cases;
        this.decisions = decisions;
        this.autoDecide = properties.sa().autoDecideTrainingBenefits();
    }

    /** 201 for a new request, 200 with the same case for a repeat; 404 {@code person.unknown}. */
    @PostMapping
    ResponseEntity<TrainingBenefitCase> request(
            @RequestBody TrainingBenefitRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        TrainingBenefitCases.Outcome outcome = cases.submit(request, idempotencyKey, correlationId);
        TrainingBenefitCase benefitCase = outcome.benefitCase();
        if (autoDecide && !benefitCase.isDecided()) {
            benefitCase = cases.decide(benefitCase.requestId(), true, AUTO_DECISION_REASON);
        }
        decisions.announceOnce(benefitCase);
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(benefitCase);
    }

    /** Decides a pending request by hand (auto-decide off) and tells the hub; 409 {@code request.decided}. */
    @PostMapping("/{requestId}/decision")
    TrainingBenefitCase decide(@PathVariable String requestId, @RequestBody TrainingBenefitDecision decision) {
        if (decision.approved() == null) {
            throw new InvalidRequestException("request.invalid", "approved is required: true or false.");
        }
        TrainingBenefitCase decided = cases.decide(requestId, decision.approved(), decision.reason());
        decisions.announceOnce(decided);
        return decided;
    }

    @GetMapping
    List<TrainingBenefitCase> requests(@RequestParam(name = "reference_id", required = false) String referenceId,
                                       @RequestParam(name = "person_id", required = false) String personId) {
        return cases.all(referenceId, personId);
    }

    @GetMapping("/{requestId}")
    TrainingBenefitCase request(@PathVariable String requestId) {
        return cases.find(requestId).orElseThrow(() -> new UnknownRequestException(requestId));
    }
}
