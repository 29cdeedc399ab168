package org.esphub.hub.api;

import static org.esphub.hub.security.ApiSecurityConfiguration.API_BASE;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.esphub.hub.intake.ComplianceIntake;
import org.esphub.hub.intake.IntakeReceipt;
import org.esphub.hub.intake.ReferralIntake;
import org.esphub.hub.placements.PlacementIntake;
import org.esphub.hub.placements.PlacementNotChangeable;
import org.esphub.hub.placements.PlacementUpdates;
import org.esphub.hub.agencies.AgencySenders;
import org.esphub.hub.governance.ApiDisclosure;
import org.esphub.hub.status.EmploymentStatusVerification;
import org.esphub.hub.status.LiveStatusSources;
import org.esphub.hub.status.StatusResponse;
import org.esphub.hub.status.StatusVerificationProperties;
import org.esphub.hub.notifications.NotificationIntake;
import org.esphub.hub.returntowork.ReturnToWorkIntake;
import org.esphub.hub.saaccess.SaAccessIntake;
import org.esphub.hub.subsidies.SubsidyApplicationIntake;
import org.esphub.hub.youth.YouthReferralIntake;
import org.esphub.hub.training.TrainingBenefitIntake;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
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

    /** The status answer's exchange in the agreements (employment-status-verification). */
    static final String STATUS_EXCHANGE = "api.get-employment-status";

    private final ReferralIntake referralIntake;
    private final ComplianceIntake complianceIntake;
    private final PlacementIntake placementIntake;
    private final TrainingBenefitIntake trainingIntake;
    private final NotificationIntake notificationIntake;
    private final SaAccessIntake saAccessIntake;
    private final ReturnToWorkIntake returnToWorkIntake;
    private final SubsidyApplicationIntake subsidyIntake;
    private final YouthReferralIntake youthReferralIntake;
    private final PlacementUpdates placementUpdates;
    private final ReferralQueries referralQueries;
    private final EmploymentStatusVerification statusVerification;
    private final StatusVerificationProperties statusProperties;
    private final AgencySenders agencySenders;
    private final ApiDisclosure disclosure;
    private final String hubSenderId;
    private final Clock clock;

    public EmploymentApiController(ReferralIntake referralIntake, ComplianceIntake complianceIntake,
            PlacementIntake placementIntake, TrainingBenefitIntake trainingIntake,
            NotificationIntake notificationIntake, SaAccessIntake saAccessIntake, ReturnToWorkIntake returnToWorkIntake,
            SubsidyApplicationIntake subsidyIntake, YouthReferralIntake youthReferralIntake,
            PlacementUpdates placementUpdates,
            ReferralQueries referralQueries,
            EmploymentStatusVerification statusVerification, StatusVerificationProperties statusProperties,
            AgencySenders agencySenders, ApiDisclosure disclosure, @Value("${esp.hub.sender-id}") String hubSenderId,
            Clock clock) {
        this.referralIntake = referralIntake;
        this.complianceIntake = complianceIntake;
        this.placementIntake = placementIntake;
        this.trainingIntake = trainingIntake;
        this.notificationIntake = notificationIntake;
        this.saAccessIntake = saAccessIntake;
        this.returnToWorkIntake = returnToWorkIntake;
        this.subsidyIntake = subsidyIntake;
        this.youthReferralIntake = youthReferralIntake;
        this.placementUpdates = placementUpdates;
        this.referralQueries = referralQueries;
        this.statusVerification = statusVerification;
        this.statusProperties = statusProperties;
        this.agencySenders = agencySenders;
        this.disclosure = disclosure;
        this.hubSenderId = hubSenderId;
        this.clock = clock;
    }

    /**
     * PRS.EMPL.01: answers an ACK once the message is validated and every item is recorded (accepted,
     * known or refused); the processes start after that (ADR 0029) and outcomes follow asynchronously.
     */
    @PostMapping(path = "/referrals", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> createReferrals(@RequestBody String body, Authentication caller,
            @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        IntakeReceipt receipt = referralIntake.acceptFromApi(body, caller.getName(), correlationId);
        return ack(receipt.correlationId());
    }

    /** The annex's {@code Response}: the request is taken, its outcomes follow asynchronously. */
    private Map<String, Object> ack(String correlationId) {
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put("ack_status", "ACK");
        ack.put("timestamp", Instant.now(clock).toString());
        ack.put("correlation_id", correlationId);
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
        SearchPage page = SearchPage.of(pageSize, pageNumber, correlationId);
        return referralQueries.search(caller.getName(), personId, referenceId, page.pageSize(), page.pageNumber(),
                page.correlationId());
    }

    /**
     * PRS.EMPL.02: the person's employment status from PES and the tax / social-insurance
     * authority, with a confidence score; answered from the status projection while it is recent.
     */
    @GetMapping("/status/{personId}")
    public ResponseEntity<Map<String, Object>> employmentStatus(@PathVariable String personId, Authentication caller,
            @RequestHeader(name = "X-Request-Id", required = false) String requestId,
            @RequestHeader(name = "X-DCI-Version", required = false) String dciVersion) {
        StatusRequestHeaders.check(personId, requestId, dciVersion);
        EmploymentStatusVerification.Verification verification = statusVerification.verify(personId, requestId);
        String receiverId = agencySenders.senderIdsOf(caller.getName()).stream().findFirst()
                .orElse(caller.getName());
        Map<String, Object> answer = new LinkedHashMap<>(StatusResponse.of(verification, hubSenderId, receiverId,
                statusProperties.manualReviewBelow()));
        // the agreement governs the payload; the envelope's header is the hub's own
        @SuppressWarnings("unchecked")
        Map<String, Object> message = (Map<String, Object>) answer.get("message");
        answer.put("message", disclosure.toClient(STATUS_EXCHANGE, LiveStatusSources.PURPOSE, caller.getName(),
                personId, personId, requestId, message));
        return ResponseEntity.ok().header("X-Request-Id", requestId).body(answer);
    }

    /**
     * PRS.EMPL.03: PES or a training provider requests training outside a referral; each new item's
     * training-enrolment starts before the ACK, and each item's outcome is called back to sender_uri.
     */
    @PostMapping(path = "/training-benefits", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> enrollTraining(@RequestBody String body, Authentication caller,
            @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        String correlation = correlationOf(correlationId);
        trainingIntake.accept(body, caller.getName(), correlation);
        return ack(correlation);
    }

    private static String correlationOf(String correlationId) {
        return correlationId == null || correlationId.isBlank() ? UUID.randomUUID().toString() : correlationId;
    }

    /**
     * PRS.EMPL.04: PES reports placements it made itself; each new item's verification starts before
     * the ACK, and each item's outcome is called back to sender_uri.
     */
    @PostMapping(path = "/job-placements", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> createPlacements(@RequestBody String body, Authentication caller,
            @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        String correlation = correlationOf(correlationId);
        placementIntake.accept(body, caller.getName(), correlation);
        return ack(correlation);
    }

    /** API.EMPL.04: changes a placement PES reported, by message correlation to its running process. */
    @PutMapping(path = "/job-placements/{placementId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> updatePlacement(@PathVariable String placementId, @RequestBody String body,
            Authentication caller, @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        try {
            return placementUpdates.update(placementId, body, caller.getName(), correlationOf(correlationId));
        } catch (PlacementNotChangeable notNow) {
            throw new DciConflict(notNow.getReasonCode(), notNow.getMessage());
        }
    }

    /**
     * PRS.EMPL.05: each item is validated, stored and answered (ACK now, the item's outcome as a
     * callback and a compliance_alert webhook); the compliance process will start from the stored
     * requests once it exists (ADR 0033).
     */
    @PostMapping(path = "/compliance/monitor", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> monitorCompliance(@RequestBody String body, Authentication caller,
            @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        String correlation = correlationOf(correlationId);
        complianceIntake.accept(body, caller.getName(), correlation);
        return ack(correlation);
    }

    /**
     * PRS.EMPL.09: PES refers jobseekers it serves who may need social assistance; each new item's case
     * starts before the answer, which lists each item's outcome; SA's decision reaches PES as a notice.
     */
    @PostMapping(path = "/sa-access-requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> requestSaAccess(@RequestBody String body, Authentication caller,
            @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        return saAccessIntake.accept(body, caller.getName(), correlationOf(correlationId));
    }

    /**
     * PRS.EMPL.07: SA refers young people of the households it supports for the school-to-work transition;
     * each new item's case starts before the answer, which lists each item's outcome; what becomes of each
     * (outside the age band, no consent, the pathway, the outcomes) reaches SA as notices.
     */
    @PostMapping(path = "/youth-referrals", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> referYouth(@RequestBody String body, Authentication caller,
            @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        return youthReferralIntake.accept(body, caller.getName(), correlationOf(correlationId));
    }

    /**
     * PRS.EMPL.06: SA refers people on sickness, injury or disability-related benefit back to work; each
     * new item's case starts before the answer, which lists each item's outcome; how each return ends
     * reaches SA as a notice.
     */
    @PostMapping(path = "/return-to-work-referrals", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> referReturnToWork(@RequestBody String body, Authentication caller,
            @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        return returnToWorkIntake.accept(body, caller.getName(), correlationOf(correlationId));
    }

    /**
     * UC4, PRS.EMPL.08: an employer applies for wage subsidies for its hires; each new item's
     * employment-subsidy case starts before the ACK, and each item's outcome is called back to
     * sender_uri. The decision reaches the employer later, as the subsidy's notice.
     */
    @PostMapping(path = "/subsidy-applications", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> applyForSubsidies(@RequestBody String body, Authentication caller,
            @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        String correlation = correlationOf(correlationId);
        subsidyIntake.accept(body, caller.getName(), correlation);
        return ack(correlation);
    }

    /**
     * API.EMPL.06: an agency's notifications about cases it takes part in; each reaches the process
     * that waits for it or the case owner's caseworkers, or is refused, as its answer item says.
     */
    @PostMapping(path = "/notifications", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> notifications(@RequestBody String body, Authentication caller,
            @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        return notificationIntake.accept(body, caller.getName(), correlationOf(correlationId));
    }
}
