package org.esphub.hub.api;

import static org.esphub.hub.security.ApiSecurityConfiguration.API_BASE;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.hub.intake.IntakeReceipt;
import org.esphub.hub.intake.ReferralIntake;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The DCI Employment-SP API ({@code /dci/employment/v1.0.0}). Requests go through the same
 * intake as the queues, so both channels start and correlate the same processes.
 */
@RestController
@RequestMapping(path = API_BASE, produces = MediaType.APPLICATION_JSON_VALUE)
public class EmploymentApiController {

    private final ReferralIntake referralIntake;
    private final ReferralQueries referralQueries;
    private final Clock clock;

    public EmploymentApiController(ReferralIntake referralIntake, ReferralQueries referralQueries, Clock clock) {
        this.referralIntake = referralIntake;
        this.referralQueries = referralQueries;
        this.clock = clock;
    }

    /** PRS.EMPL.01: answers an ACK once every item is started or known; outcomes follow asynchronously. */
    @PostMapping(path = "/referrals", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> createReferrals(@RequestBody String body, Authentication caller,
            @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        IntakeReceipt receipt = referralIntake.acceptFromApi(body, caller.getName(), correlationId);
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put("ack_status", "ACK");
        ack.put("timestamp", Instant.now(clock).toString());
        ack.put("correlation_id", receipt.correlationId());
        return Map.of("message", ack);
    }

    /** The caller's own referrals (those sent under a sender_id it may use), newest first. */
    @GetMapping("/referrals")
    public Map<String, Object> searchReferrals(Authentication caller,
            @RequestParam(name = "person_id", required = false) String personId,
            @RequestParam(name = "reference_id", required = false) String referenceId,
            @RequestParam(name = "page_size", defaultValue = "20") int pageSize,
            @RequestParam(name = "page_number", defaultValue = "1") int pageNumber,
            @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        if (pageSize < 1 || pageSize > 100 || pageNumber < 1) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD,
                    "page_size must be 1..100 and page_number at least 1 (pages count from 1)");
        }
        return referralQueries.search(caller.getName(), personId, referenceId, pageSize, pageNumber,
                correlationId == null || correlationId.isBlank() ? UUID.randomUUID().toString() : correlationId);
    }

    @GetMapping("/status/{personId}")
    public Object employmentStatus(@PathVariable String personId) {
        throw notSupported("employment status verification (PRS.EMPL.02)");
    }

    @PostMapping("/training-benefits")
    public Object enrollTraining() {
        throw notSupported("training enrolment (PRS.EMPL.03)");
    }

    @PostMapping("/job-placements")
    public Object createPlacement() {
        throw notSupported("job placement (PRS.EMPL.04)");
    }

    @PutMapping("/job-placements/{placementId}")
    public Object updatePlacement(@PathVariable String placementId) {
        throw notSupported("job placement updates (PRS.EMPL.04)");
    }

    @PostMapping("/compliance/monitor")
    public Object monitorCompliance() {
        throw notSupported("compliance monitoring (PRS.EMPL.05)");
    }

    @PostMapping("/notifications")
    public Object notifications() {
        throw notSupported("notifications");
    }

    private static DciRejection notSupported(String capability) {
        return new DciRejection(DciReasonCode.ACTION_NOT_SUPPORTED,
                capability + " is not available on this hub yet; nothing was stored or started",
                List.of());
    }
}
