package org.esphub.simulators.pes;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What PES knows about a person's place in the labour market: registered jobseekers are
 * unemployed and take part in job-search assistance; PES knows nothing of anyone else.
 *
 * @param employmentStatus {@code UNEMPLOYED} for a registered jobseeker, {@code UNKNOWN} otherwise
 * @param complianceStatus {@code COMPLIANT} or {@code PENDING} (registered, no activity yet); null when not registered
 * @param asOf             when PES looked: its register is live
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record LabourMarketStatus(
        String personId,
        boolean registered,
        String caseNumber,
        String employmentStatus,
        List<String> activePrograms,
        String complianceStatus,
        Instant asOf) {

    static LabourMarketStatus of(String personId, Jobseeker jobseeker, Instant now) {
        if (jobseeker == null) {
            return new LabourMarketStatus(personId, false, null, "UNKNOWN", List.of(), null, now);
        }
        return new LabourMarketStatus(personId, true, jobseeker.caseNumber(), "UNEMPLOYED",
                List.of("JOB_SEARCH_ASSISTANCE"), "PENDING", now);
    }

    /** A jobseeker PES holds without a referral of the hub (set by a source behaviour). */
    static LabourMarketStatus registeredWithoutCase(String personId, Instant asOf) {
        return new LabourMarketStatus(personId, true, "PES-" + personId, "UNEMPLOYED", List.of("JOB_SEARCH_ASSISTANCE"),
                "COMPLIANT", asOf);
    }
}
