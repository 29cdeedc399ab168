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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The employers' gateway for corrections (DG.EMPL.05): an employer that received a field about a person (a
 * candidate's name, with a proposal) is told it was corrected, with the new value, its version and the date it
 * takes effect. Kept as the hub sent them, per employer, so a tester sees which employer was told what.
 */
@RestController
@ConditionalOnSimulatorsEnabled
class RectificationNoticeController {

    private static final Logger log = LoggerFactory.getLogger(RectificationNoticeController.class);

    private final ReceivedInstructions notices;

    RectificationNoticeController(ReceivedInstructions employerRectificationNotices) {
        this.notices = employerRectificationNotices;
    }

    /** 202 taken, 200 for a repeat; 400 {@code request.invalid} without the employer, field or new value. */
    @PostMapping("/sim/employer/rectifications")
    ResponseEntity<Map<String, Object>> notice(@RequestBody Map<String, Object> notice,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        ReceivedInstructions.Outcome outcome = notices.record(notice, idempotencyKey, correlationId);
        log.info("employer {}: rectification notice {} of {} (version {})", notice.get("employer_id"),
                outcome.recorded().get("id"), notice.get("field"), notice.get("version"));
        return ResponseEntity.status(outcome.created() ? HttpStatus.ACCEPTED : HttpStatus.OK).body(outcome.recorded());
    }

    /** What the employers were told, oldest first; {@code reference_id} is the rectification's id. */
    @GetMapping("/sim/employer/rectifications")
    List<Map<String, Object>> notices(@RequestParam(name = "reference_id", required = false) String referenceId,
            @RequestParam(name = "employer_id", required = false) String employerId) {
        return notices.all(referenceId).stream()
                .filter(notice -> employerId == null || employerId.equals(contentOf(notice).get("employer_id")))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> contentOf(Map<String, Object> notice) {
        return (Map<String, Object>) notice.get("content");
    }
}
