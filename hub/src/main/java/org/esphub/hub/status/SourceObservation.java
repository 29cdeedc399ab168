package org.esphub.hub.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What one source said about a person, and as of when. Kept in the status projection as JSON.
 *
 * @param finding         the source's own finding: {@link #EMPLOYED}, {@link #NOT_EMPLOYED},
 *                        {@link #REGISTERED_JOBSEEKER} or {@link #NOT_KNOWN}
 * @param asOf            the moment the source's data describes (not when the hub asked)
 * @param employerName    with the insured employment, if any
 * @param monthlyIncome   decimal string, as the DCI {@code Amount}
 * @param activePrograms  PES programmes the person takes part in
 * @param complianceStatus PES: COMPLIANT, NON_COMPLIANT or PENDING
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceObservation(
        StatusSource source,
        String finding,
        Instant asOf,
        String employerName,
        LocalDate employmentStartDate,
        String employmentType,
        String monthlyIncome,
        String currency,
        String caseNumber,
        List<String> activePrograms,
        String complianceStatus) {

    public static final String EMPLOYED = "EMPLOYED";
    public static final String NOT_EMPLOYED = "NOT_EMPLOYED";
    public static final String REGISTERED_JOBSEEKER = "REGISTERED_JOBSEEKER";
    /** The source has no record of the person's labour-market situation; it votes for nothing. */
    public static final String NOT_KNOWN = "NOT_KNOWN";

    public static SourceObservation pes(String finding, Instant asOf, String caseNumber, List<String> activePrograms,
            String complianceStatus) {
        return new SourceObservation(StatusSource.PES, finding, asOf, null, null, null, null, null, caseNumber,
                activePrograms, complianceStatus);
    }

    /** Whether the finding says the person is employed, not employed, or nothing either way. */
    Boolean employed() {
        return switch (finding) {
            case EMPLOYED -> Boolean.TRUE;
            case NOT_EMPLOYED, REGISTERED_JOBSEEKER -> Boolean.FALSE;
            default -> null;
        };
    }
}
