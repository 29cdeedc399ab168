package org.esphub.hub.governance;

import java.util.Map;
import java.util.Set;
import org.esphub.governance.audit.AuditAction;
import org.esphub.governance.gate.DataSharingGate;
import org.esphub.governance.gate.ExchangeRequest;
import org.esphub.hub.agencies.AgencySenders;
import org.springframework.stereotype.Component;

/**
 * The data-sharing gate for API answers: every answer of the hub's APIs that carries personal
 * data passes here before it is returned, so it is minimised to the agreement's fields, refused
 * when no agreement covers it, and audited as a read.
 *
 * <p>An agency system's answer goes to the parties its client may act for
 * ({@code esp.agencies.sender-ids}); the agreement's receiver must be one of them.
 */
@Component
public class ApiDisclosure {

    private final DataSharingGate gate;
    private final AgencySenders agencySenders;

    public ApiDisclosure(DataSharingGate gate, AgencySenders agencySenders) {
        this.gate = gate;
        this.agencySenders = agencySenders;
    }

    /**
     * Releases an answer to an agency system (DCI API, bearer token).
     *
     * @param exchange the API operation as agreements name it, e.g. {@code api.get-employment-status}
     * @param purpose what the answer is for, as the operation serves it
     * @param clientId the OAuth2 client that called (the token's subject)
     * @param personId whose data the answer is, or null
     * @param resourceId what the answer is about (a reference_id, the person id)
     * @param correlationId the caller's X-Correlation-ID or one the hub made for the request
     * @param answer the answer as it would be returned, snake_case fields
     * @return the answer with only the agreement's fields
     * @throws org.esphub.governance.gate.ExchangeRefused if the agreement does not allow it (answer 403)
     */
    public Map<String, Object> toClient(String exchange, String purpose, String clientId, String personId,
            String resourceId, String correlationId, Map<String, Object> answer) {
        return release(exchange, purpose, clientId, agencySenders.senderIdsOf(clientId), personId, resourceId,
                correlationId, answer);
    }

    /**
     * Releases an answer of the hub's own {@code /api} (consents, audit): the hub is the receiver
     * the agreement names, and who may call the operation at all is decided by the security
     * configuration (groups, scopes).
     *
     * @param callerId the user (Tasklist identity) or agency client that called
     */
    public Map<String, Object> toApiCaller(String exchange, String purpose, String callerId, String personId,
            String resourceId, String correlationId, Map<String, Object> answer) {
        return release(exchange, purpose, callerId, null, personId, resourceId, correlationId, answer);
    }

    private Map<String, Object> release(String exchange, String purpose, String actorId, Set<String> receivers,
            String personId, String resourceId, String correlationId, Map<String, Object> answer) {
        return gate.release(new ExchangeRequest(exchange, purpose, personId, answer, actorId, correlationId, resourceId,
                receivers, null, AuditAction.READ)).payload();
    }
}
