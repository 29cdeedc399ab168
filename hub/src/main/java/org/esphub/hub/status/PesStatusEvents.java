package org.esphub.hub.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.hub.webhooks.ReferralWebhooks;
import org.esphub.hub.webhooks.WebhookEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the PES finding of the status projection current between live refreshes: PES events
 * say what changed in its register, so a status request right after a registration or a
 * placement already sees it. When the change turns the verdict into another status, the
 * referring agency gets {@code employment_status_changed}.
 */
public class PesStatusEvents {

    private static final Logger LOG = LoggerFactory.getLogger(PesStatusEvents.class);

    /** What each PES event says about the person's place at PES. */
    private static final Map<String, String> FINDING_BY_EVENT = Map.of(
            "RegistrationConfirmed", SourceObservation.REGISTERED_JOBSEEKER,
            "PlacementReported", SourceObservation.EMPLOYED,
            "EmploymentEnded", SourceObservation.REGISTERED_JOBSEEKER);

    private final EmploymentStatusProjection projection;
    private final ConfidenceRule rule;
    private final ReferralWebhooks webhooks;
    private final Clock clock;
    private final Duration clockSkew;

    /** @param clockSkew how far PES's clock may run ahead of the hub's (esp.signatures.clock-skew) */
    public PesStatusEvents(EmploymentStatusProjection projection, ConfidenceRule rule, ReferralWebhooks webhooks,
            Clock clock, Duration clockSkew) {
        this.clockSkew = clockSkew;
        this.projection = projection;
        this.rule = rule;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** True if the event, from PES, says something about the person's place at PES. */
    public boolean isStatusFinding(String eventType) {
        return FINDING_BY_EVENT.containsKey(eventType);
    }

    /**
     * Refuses a finding dated in the future (beyond the allowed clock skew): it would outweigh
     * every real finding until that date. An event without {@code occurred_at} counts from its arrival.
     */
    public void checkOccurredAt(JsonNode event) {
        JsonNode occurredAt = event.get("occurred_at");
        if (occurredAt == null) {
            return;
        }
        Instant at;
        try {
            at = Instant.parse(occurredAt.asText());
        } catch (DateTimeParseException unreadable) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, "occurred_at '" + occurredAt.asText()
                    + "' is not an ISO-8601 instant");
        }
        Instant latest = clock.instant().plus(clockSkew);
        if (at.isAfter(latest)) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, "occurred_at " + at + " is in the future (the hub's"
                    + " clock allows up to " + clockSkew + " ahead)");
        }
    }

    /**
     * @param personId the person of the referral the event belongs to (never taken from the event)
     * @param referenceId that referral
     * @param event the event's {@code message} object, as PES sent it; its occurred_at checked
     */
    public void apply(String eventType, String personId, String referenceId, JsonNode event) {
        String finding = FINDING_BY_EVENT.get(eventType);
        if (finding == null || personId == null) {
            return;
        }
        Optional<EmploymentStatusProjection.Row> known = projection.find(personId);
        if (known.isEmpty()) {
            // nobody asked about this person yet: the first request reads the sources live
            return;
        }
        Instant occurredAt = occurredAt(event);
        List<String> programmes = SourceObservation.REGISTERED_JOBSEEKER.equals(finding)
                ? List.of("JOB_SEARCH_ASSISTANCE") : List.of();
        SourceObservation pes = SourceObservation.pes(finding, occurredAt, event.path("pes_case_number").asText(null),
                programmes, null);
        projection.updatePes(personId, pes);
        LOG.debug("PES {} for person {} updated the status projection", eventType, personId);

        Instant now = clock.instant();
        StatusVerdict before = rule.decide(known.get().observations(), now);
        Map<StatusSource, SourceObservation> findings = new EnumMap<>(StatusSource.class);
        findings.putAll(known.get().observations());
        findings.put(StatusSource.PES, pes);
        StatusVerdict after = rule.decide(findings, now);
        if (!before.employmentStatus().equals(after.employmentStatus())) {
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("employment_status", after.employmentStatus());
            change.put("previous_employment_status", before.employmentStatus());
            change.put("confidence_score", after.confidence());
            change.put("manual_review_required", after.manualReviewRequired());
            change.put("cause", eventType);
            webhooks.aboutReferral(referenceId, WebhookEvents.EMPLOYMENT_STATUS_CHANGED, change);
        }
    }

    /** When PES says it happened; an event without a readable time counts from its arrival. */
    private Instant occurredAt(JsonNode event) {
        try {
            return Instant.parse(event.path("occurred_at").asText());
        } catch (DateTimeParseException unreadable) {
            return clock.instant();
        }
    }
}
