package org.esphub.governance.agreements;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Period;

/**
 * How consent under this agreement is handled.
 *
 * @param validity how long a consent that names no expiry lasts (a DCI Consent has none)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ConsentTerms(Period validity) {
}
