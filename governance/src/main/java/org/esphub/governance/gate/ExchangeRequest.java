package org.esphub.governance.gate;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.esphub.governance.audit.AuditAction;

/**
 * What a caller asks the gate to let go.
 *
 * @param exchange the exchange's name in the agreements (route id, {@code webhook.<event>}, {@code api.<operation>})
 * @param purpose what the data is for, as the process or API declares it
 * @param personId whose data it is, if it is about one person
 * @param payload the data as it would leave, field names as on the wire (snake_case)
 * @param actorId who makes the exchange: the hub for processes and webhooks, the caller for APIs
 * @param resourceId what the exchange is about (a reference_id, a delivery id, a person id)
 * @param receivers when not null, the parties the data would actually reach; the agreement's
 *     receiver must be one of them (an API answer goes to whoever called)
 * @param subjectBirthDate the person's birth date if the caller knows it (for the guardian rule)
 * @param action what the exchange does, recorded when no agreement names the exchange
 */
public record ExchangeRequest(
        String exchange,
        String purpose,
        String personId,
        Map<String, Object> payload,
        String actorId,
        String correlationId,
        String resourceId,
        Set<String> receivers,
        LocalDate subjectBirthDate,
        AuditAction action) {

    public ExchangeRequest {
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(actorId, "actorId");
        payload = payload == null ? Map.of() : payload;
        action = action == null ? AuditAction.CREATE : action;
    }
}
