package org.esphub.governance.agreements;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The law or inter-agency agreement that allows the exchanges; copied into every audit record.
 *
 * @param reference e.g. "Social Assistance Act art. 34; SA-PES MoU 2026/07"
 * @param url where the text can be read, if published
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record LegalBasis(String reference, String url) {
}
