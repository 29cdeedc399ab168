package org.esphub.simulators.tax;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What the authority answers about one person: the spells it holds and the day its data is
 * complete to. Contributions are declared monthly after the month ends, so {@code asOf} is the
 * last day of the last processed month; the hub weighs the answer by that freshness.
 *
 * @param employmentStatus {@code EMPLOYED} when a spell is open on {@code asOf}, else {@code NOT_EMPLOYED}
 *                         (the authority cannot tell unemployed from inactive)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ContributionRecord(
        String personId,
        String employmentStatus,
        LocalDate asOf,
        List<InsuredEmployment> employments) {

    public static final String EMPLOYED = "EMPLOYED";
    public static final String NOT_EMPLOYED = "NOT_EMPLOYED";
}
