package org.esphub.simulators.employer;

import java.util.List;
import java.util.Map;

import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.ReceivedInstructions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The employers' gateway for wage subsidies: the notices the hub sends about a subsidy, kept as they came. */
@RestController
@RequestMapping("/sim/employer/subsidy-decisions")
@ConditionalOnSimulatorsEnabled
class SubsidyNoticeController {

    private static final Logger log = LoggerFactory.getLogger(SubsidyNoticeController.class);

    private final ReceivedInstructions notices;

    SubsidyNoticeController(ReceivedInstructions employerSubsidyNotices) {
        this.notices = employerSubsidyNotices;
    }

    /** 202 taken, 200 for a repeat; 400 {@code request.invalid}. */
    @PostMapping
    ResponseEntity<Map<String, Object>> notice(@RequestBody Map<String, Object> notice,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        ReceivedInstructions.Outcome outcome = notices.record(notice, idempotencyKey, correlationId);
        log.info("employer {}: subsidy notice {} {}", notice.get("employer_id"), outcome.recorded().get("id"),
                notice.get("outcome"));
        return ResponseEntity.status(outcome.created() ? HttpStatus.ACCEPTED : HttpStatus.OK).body(outcome.recorded());
    }

    @GetMapping
    List<Map<String, Object>> notices(@RequestParam(name = "reference_id", required = false) String referenceId) {
        return notices.all(referenceId);
    }
}
