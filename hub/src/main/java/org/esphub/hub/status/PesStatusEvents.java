package org.esphub.hub.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    public PesStatusEvents(EmploymentStatusProjection projection, ConfidenceRule rule, ReferralWebhooks webhooks,
            Clock clock) {
        this.projection = projection;
        this.rule = rule;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** @param event the event's {@code message} object, as PES sent it */
    public void apply(String eventType, JsonNode event) {
        String finding = FINDING_BY_EVENT.get(eventType);
        String personId = event.path("person_id").asText(null);
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
            webhooks.aboutReferral(event.path("reference_id").asText(), WebhookEvents.EMPLOYMENT_STATUS_CHANGED, change);
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
