package org.esphub.governance.agreements;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.LocalDate;

/**
 * One version of an agreement: when it took effect and what it changed, in plain words.
 *
 * @param version the agreement's version this change made
 * @param date the day the version took effect
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AgreementChange(String version, LocalDate date, String change) {
}
