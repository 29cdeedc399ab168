package org.esphub.governance.agreements;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A purpose the agreement allows data to be used for (purpose limitation). The code is what
 * processes declare on their service tasks and what consents name.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Purpose(String code, String description) {
}
