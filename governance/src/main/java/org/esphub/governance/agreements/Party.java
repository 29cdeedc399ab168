package org.esphub.governance.agreements;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * A signatory of an agreement.
 *
 * @param id the agency's identifier as it appears in DCI headers (sender_id, receiver_id)
 * @param role what the party does under the agreement, e.g. "data provider", "recipient"
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Party(String id, String name, String role) {
}
