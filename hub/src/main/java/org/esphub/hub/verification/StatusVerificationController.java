package org.esphub.hub.verification;

import static org.esphub.hub.security.ApiSecurityConfiguration.API_BASE;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.governance.storage.StoredField;
import org.esphub.hub.api.DciApiErrors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * PRS.EMPL.02 as a process: {@code POST /status/verifications} starts an employment-status verification
 * for each person of the request and answers an ACK; each outcome is called back to the message's
 * sender_uri. The hub's own operation next to the annex's synchronous {@code GET /status/{person_id}}
 * (scope {@code employment:read}).
 */
@RestController
@DciApiErrors
@RequestMapping(path = API_BASE, produces = MediaType.APPLICATION_JSON_VALUE)
public class StatusVerificationController {

    private final StatusVerificationIntake intake;
    private final Clock clock;

    public StatusVerificationController(StatusVerificationIntake intake, Clock clock) {
        this.intake = intake;
        this.clock = clock;
    }

    @PostMapping(path = "/status/verifications", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, Object> verify(@RequestBody String body, Authentication caller,
            @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        String problem = StoredField.CORRELATION_ID.problem("X-Correlation-ID", correlationId);
        if (problem != null) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, problem);
        }
        String correlation = correlationId == null || correlationId.isBlank() ? UUID.randomUUID().toString()
                : correlationId;
        int started = intake.accept(body, caller.getName(), correlation);
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put("ack_status", "ACK");
        ack.put("timestamp", Instant.now(clock).toString());
        ack.put("correlation_id", correlation);
        ack.put("verifications_started", started);
        return Map.of("message", ack);
    }
}
