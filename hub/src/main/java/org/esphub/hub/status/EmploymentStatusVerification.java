package org.esphub.hub.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;

/**
 * Verifies a person's employment status (PRS.EMPL.02): from the projection while it is recent,
 * otherwise from both sources live, then weighed by the {@link ConfidenceRule}.
 *
 * <p>A live refresh keeps a source's earlier finding when the source cannot be asked now, so
 * a PES outage degrades the answer (older data, lower confidence) rather than failing it.
 */
public class EmploymentStatusVerification {

    private final EmploymentStatusProjection projection;
    private final LiveStatusSources liveSources;
    private final ConfidenceRule rule;
    private final Duration projectionMaxAge;
    private final Clock clock;

    public EmploymentStatusVerification(EmploymentStatusProjection projection, LiveStatusSources liveSources,
            ConfidenceRule rule, Duration projectionMaxAge, Clock clock) {
        this.projection = projection;
        this.liveSources = liveSources;
        this.rule = rule;
        this.projectionMaxAge = projectionMaxAge;
        this.clock = clock;
    }

    /** @param findings what each source said, as used for the verdict */
    public record Verification(String personId, Map<StatusSource, SourceObservation> findings, StatusVerdict verdict,
            Instant verifiedAt) {
    }

    /**
     * @throws DciRejection {@code err.request.not_found} when no source knows the person,
     *     {@code err.service.unavailable} when no source can be asked and nothing is known yet
     */
    public Verification verify(String personId, String correlationId) {
        Instant now = clock.instant();
        Optional<EmploymentStatusProjection.Row> known = projection.find(personId);
        Map<StatusSource, SourceObservation> findings;
        if (known.isPresent() && !known.get().refreshedAt().plus(projectionMaxAge).isBefore(now)) {
            findings = known.get().observations();
        } else {
            findings = refresh(personId, correlationId, known, now);
        }
        return new Verification(personId, findings, rule.decide(findings, now), now);
    }

    private Map<StatusSource, SourceObservation> refresh(String personId, String correlationId,
            Optional<EmploymentStatusProjection.Row> known, Instant now) {
        LiveStatusSources.Answers answers = liveSources.ask(personId, correlationId);
        if (answers.personUnknown()) {
            throw new DciRejection(DciReasonCode.REQUEST_NOT_FOUND,
                    "no employment-status source knows person_id '" + personId + "'");
        }
        Map<StatusSource, SourceObservation> findings = new EnumMap<>(StatusSource.class);
        known.ifPresent(row -> findings.putAll(row.observations()));
        findings.putAll(answers.observations());
        if (answers.answered() == 0) {
            if (known.isEmpty()) {
                throw new DciRejection(DciReasonCode.SERVICE_UNAVAILABLE, "no employment-status source could be"
                        + " asked about person_id '" + personId + "' now; please retry");
            }
            return findings;
        }
        projection.store(personId, findings, now);
        return findings;
    }
}
