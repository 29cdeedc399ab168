package org.esphub.hub.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the PES finding of the status projection current between live refreshes: PES events
 * say what changed in its register, so a status request right after a registration or a
 * placement already sees it.
 */
public class PesStatusEvents {

    private static final Logger LOG = LoggerFactory.getLogger(PesStatusEvents.class);

    /** What each PES event says about the person's place at PES. */
    private static final Map<String, String> FINDING_BY_EVENT = Map.of(
            "RegistrationConfirmed", SourceObservation.REGISTERED_JOBSEEKER,
            "PlacementReported", SourceObservation.EMPLOYED,
            "EmploymentEnded", SourceObservation.REGISTERED_JOBSEEKER);

    private final EmploymentStatusProjection projection;
    private final Clock clock;

    public PesStatusEvents(EmploymentStatusProjection projection, Clock clock) {
        this.projection = projection;
        this.clock = clock;
    }

    /** @param event the event's {@code message} object, as PES sent it */
    public void apply(String eventType, JsonNode event) {
        String finding = FINDING_BY_EVENT.get(eventType);
        String personId = event.path("person_id").asText(null);
        if (finding == null || personId == null) {
            return;
        }
        Instant occurredAt = occurredAt(event);
        List<String> programmes = SourceObservation.REGISTERED_JOBSEEKER.equals(finding)
                ? List.of("JOB_SEARCH_ASSISTANCE") : List.of();
        boolean updated = projection.updatePes(personId, SourceObservation.pes(finding, occurredAt,
                event.path("pes_case_number").asText(null), programmes, null));
        if (updated) {
            LOG.debug("PES {} for person {} updated the status projection", eventType, personId);
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
