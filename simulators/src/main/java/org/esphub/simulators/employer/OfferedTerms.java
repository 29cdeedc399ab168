package org.esphub.simulators.employer;

import java.math.BigDecimal;

/** The terms an employer names when it accepts a candidate; each may be absent (the vacancy's terms stand). */
public record OfferedTerms(
        BigDecimal hoursPerWeek,
        BigDecimal monthlyWage,
        String contractType,
        Integer contractMonths,
        String startDate) {
}
