package org.esphub.simulators.sa;

import java.util.List;

import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** SA's benefit administration: applies the adjustments the hub instructs, and lists them. */
@RestController
@RequestMapping("/sim/sa/benefit-adjustments")
@ConditionalOnSimulatorsEnabled
class SaBenefitAdjustmentController {

    private final BenefitAdjustments adjustments;

    SaBenefitAdjustmentController(BenefitAdjustments adjustments) {
        this.adjustments = adjustments;
    }

    /** 201 applied now, 200 for a repeat; 404 {@code person.unknown}, 422 {@code adjustment.invalid}. */
    @PostMapping
    ResponseEntity<AppliedAdjustment> apply(
            @RequestBody BenefitAdjustmentInstruction instruction,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        BenefitAdjustments.Outcome outcome = adjustments.apply(instruction, idempotencyKey, correlationId);
        return ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK).body(outcome.adjustment());
    }

    @GetMapping
    List<AppliedAdjustment> applied(@RequestParam(name = "reference_id", required = false) String referenceId,
                                    @RequestParam(name = "person_id", required = false) String personId) {
        return adjustments.all(referenceId, personId);
    }
}
