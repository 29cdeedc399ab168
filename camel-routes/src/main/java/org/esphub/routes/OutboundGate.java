package org.esphub.routes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.support.ExchangeHelper;
import org.esphub.governance.audit.AuditAction;
import org.esphub.governance.gate.DataSharingGate;
import org.esphub.governance.gate.ExchangeRequest;
import org.esphub.governance.gate.Release;

/**
 * The Camel side of the data-sharing gate. {@code data-sharing-gate.yaml} calls {@link #release}
 * right before every send to an agency endpoint, in every route: the route's id names the
 * exchange, the payload the route hands the endpoint (a map, or a DCI envelope whose
 * {@code message} is the payload) is what the gate filters, and the gate's output, serialised
 * as JSON, is what goes on the wire. A route cannot send around it.
 */
public class OutboundGate {

    /** Exchange property with the {@link Release} of the current send, for the route's answer handling. */
    public static final String RELEASE = "EspDataRelease";
    // set by the external-task hand-off (workers: HandoffHeaders), as exchange properties so they never reach the wire
    static final String PURPOSE = "EspPurpose";
    static final String PERSON_ID = "EspPersonId";
    static final String CORRELATION_ID = "EspCorrelationId";
    static final String BUSINESS_KEY = "EspBusinessKey";

    private final DataSharingGate gate;
    private final ObjectMapper json;
    private final String hubId;

    /** @param hubId who the audit records name as the actor: the hub, acting for the process */
    public OutboundGate(DataSharingGate gate, ObjectMapper json, String hubId) {
        this.gate = gate;
        this.json = json;
        this.hubId = hubId;
    }

    /**
     * Asks the gate to release what the route is about to send and replaces the body with the
     * released payload as JSON.
     *
     * @throws org.esphub.governance.gate.ExchangeRefused if the gate refuses (nothing is sent)
     * @throws IllegalStateException if the route hands the endpoint something other than a map
     */
    public void release(Exchange exchange) {
        String route = ExchangeHelper.getAtRouteId(exchange);
        Object body = exchange.getMessage().getBody();
        Map<String, Object> envelope = null;
        Map<String, Object> payload;
        if (body == null) {
            // a request without a body (e.g. GET /persons/{id}): the agreement still decides whether it may go
            payload = Map.of();
        } else if (body instanceof Map<?, ?> map) {
            envelope = isEnvelope(map) ? stringKeys(map) : null;
            payload = stringKeys(envelope == null ? map : (Map<?, ?>) map.get("message"));
        } else {
            throw new IllegalStateException("route " + route + " hands " + body.getClass().getName()
                    + " to an agency endpoint; hand it the payload as a map, the data-sharing gate filters and"
                    + " serialises it");
        }
        Release release = gate.release(new ExchangeRequest(route,
                exchange.getProperty(PURPOSE, String.class),
                personIdOf(exchange, payload),
                payload,
                hubId,
                exchange.getProperty(CORRELATION_ID, String.class),
                exchange.getProperty(BUSINESS_KEY, String.class),
                null,
                birthDateOf(payload),
                "GET".equals(exchange.getMessage().getHeader(Exchange.HTTP_METHOD, String.class))
                        ? AuditAction.READ : AuditAction.CREATE));
        exchange.setProperty(RELEASE, release);
        if (body != null) {
            Object wire = release.payload();
            if (envelope != null) {
                envelope.put("message", release.payload());
                wire = envelope;
            }
            exchange.getMessage().setBody(serialise(route, wire));
        }
    }

    /**
     * Keeps of the receiver's (unmarshalled) answer only the agreement's {@code response_fields}.
     * Routes call it on a successful answer, before they read it into process variables.
     */
    @SuppressWarnings("unchecked")
    public void admitAnswer(Exchange exchange) {
        Release release = exchange.getProperty(RELEASE, Release.class);
        if (release == null) {
            throw new IllegalStateException("route " + ExchangeHelper.getAtRouteId(exchange)
                    + " reads an answer of a send the data-sharing gate did not release");
        }
        exchange.getMessage().setBody(release.admit(exchange.getMessage().getBody(Map.class)));
    }

    private String personIdOf(Exchange exchange, Map<String, Object> payload) {
        String personId = exchange.getProperty(PERSON_ID, String.class);
        return personId != null ? personId : payload.get("person_id") instanceof String id ? id : null;
    }

    /** The person's birth date when the payload carries it: a minor's data needs a guardian's consent. */
    private static LocalDate birthDateOf(Map<String, Object> payload) {
        if (payload.get("birth_date") instanceof String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /** A DCI envelope: header and message, perhaps a signature; only the message is data about the person. */
    private static boolean isEnvelope(Map<?, ?> map) {
        return map.get("header") instanceof Map && map.get("message") instanceof Map
                && map.keySet().stream().allMatch(key -> "header".equals(key) || "message".equals(key)
                        || "signature".equals(key));
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }

    private String serialise(String route, Object wire) {
        try {
            return json.writeValueAsString(wire);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("route " + route + ": the released payload is not serialisable as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}
