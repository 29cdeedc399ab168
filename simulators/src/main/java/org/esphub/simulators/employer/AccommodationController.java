package org.esphub.simulators.employer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.ReceivedInstructions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The employers' gateway for returning workers (PRS.EMPL.06): the hub asks an employer to agree to a
 * graded return's hours and accommodations and the employer answers at once. Requests are kept exactly
 * as they came, so that what an employer learned (capacity and restrictions, never a diagnosis) can be read.
 */
@RestController
@ConditionalOnSimulatorsEnabled
class AccommodationController {

    private static final Logger log = LoggerFactory.getLogger(AccommodationController.class);

    private final ReceivedInstructions requests;
    private final AccommodationAnswers answers;

    AccommodationController(ReceivedInstructions employerAccommodationRequests, AccommodationAnswers answers) {
        this.requests = employerAccommodationRequests;
        this.answers = answers;
    }

    /** 200 with {@code employer_answer} and {@code employer_comment} (a repeat gets the same); 400 {@code request.invalid}. */
    @PostMapping("/sim/employer/accommodation-requests")
    Map<String, Object> request(@RequestBody Map<String, Object> request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        ReceivedInstructions.Outcome outcome = requests.record(request, idempotencyKey, correlationId);
        AccommodationAnswers.Answer answer = answers.of(String.valueOf(request.get("employer_id")));
        log.info("employer {}: accommodation request {} answered {}", request.get("employer_id"),
                outcome.recorded().get("id"), answer.employerAnswer());
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("id", outcome.recorded().get("id"));
        reply.put("employer_answer", answer.employerAnswer());
        reply.put("employer_comment", answer.employerComment());
        return reply;
    }

    @GetMapping("/sim/employer/accommodation-requests")
    List<Map<String, Object>> requests(@RequestParam(name = "reference_id", required = false) String referenceId) {
        return requests.all(referenceId);
    }

    /** Sets how this employer answers from now on: {@code {"employer_answer": "REFUSED", "employer_comment": "..."}}. */
    @PutMapping("/sim/employer/employers/{employerId}/accommodation-answer")
    AccommodationAnswers.Answer answer(@PathVariable String employerId, @RequestBody AccommodationAnswers.Answer answer) {
        return answers.set(employerId, answer);
    }
}
