package org.esphub.hub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.dci.DciRequestValidator;
import org.esphub.dci.OpaqueIdFormat;
import org.esphub.governance.gate.DataSharingGate;
import org.esphub.governance.gate.ExchangeRequest;
import org.esphub.governance.storage.StoredField;
import org.esphub.processes.AgencyKind;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How the hub takes a DCI message of items from an agency through the API, the same for every
 * operation ({@link ApiItemOperation}): the request is validated, its envelope admitted
 * ({@link EnvelopeAdmission}), ids the hub cannot use refuse it whole, every item passes the
 * data-sharing gate, the message is recorded in the ledger or refused as a resend of its
 * message_id, and only then is each item taken and the outcomes told. A refusal before the items
 * are taken writes nothing; all of it runs in one transaction with the engine's writes.
 */
@Component
public class ApiItemIntake {

    /** What a resent message's refusal says was left undone. */
    static final String NOTHING_NEW = "nothing new was accepted";

    private final DciRequestValidator validator;
    private final EnvelopeAdmission admission;
    private final IntakeLedger ledger;
    private final DataSharingGate gate;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ApiItemIntake(DciRequestValidator validator, EnvelopeAdmission admission, IntakeLedger ledger,
            DataSharingGate gate, ObjectMapper mapper, Clock clock) {
        this.validator = validator;
        this.admission = admission;
        this.ledger = ledger;
        this.gate = gate;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * @param clientId the OAuth2 client that called; it must be allowed to send as the envelope's sender_id
     * @param correlationId the caller's X-Correlation-ID or one the hub made
     * @return the message as admitted and each item's outcome, in the message's order
     * @throws DciRejection when the message is refused as a whole; nothing was written then
     */
    @Transactional
    public <O> TakenMessage<O> take(ApiItemOperation<O> operation, String body, String clientId, String correlationId) {
        ApiItemTerms terms = operation.terms();
        JsonNode envelope = validator.parseAndValidate(terms.request(), body);
        AgencyKind senderKind = admission.admit(envelope, clientId, correlationId, terms.senders(),
                terms.onlySenders());
        JsonNode items = envelope.path("message").path(terms.request().itemsField());
        refuseUnusableIds(operation, items);
        List<ApiItem> released = new ArrayList<>();
        for (JsonNode item : items) {
            released.add(passGate(terms, item, clientId, correlationId));
        }
        AdmittedMessage message = new AdmittedMessage(envelope, senderKind, envelope.at("/header/sender_id").asText(),
                envelope.at("/header/message_id").asText(), clientId, correlationId, clock.instant());
        ledger.recordOrRefuseDuplicate(ReceivedMessage.ofEnvelope(envelope, terms.request().action(), correlationId,
                items.size(), message.receivedAt()), NOTHING_NEW);
        List<O> outcomes = new ArrayList<>();
        for (ApiItem item : released) {
            outcomes.add(operation.accept(item, message));
        }
        operation.report(message, outcomes);
        return new TakenMessage<>(message, outcomes);
    }

    /** The item as the agreements know it: refused (403, audited) unless an agreement lets the sender send it. */
    @SuppressWarnings("unchecked")
    private ApiItem passGate(ApiItemTerms terms, JsonNode item, String clientId, String correlationId) {
        return new ApiItem(item, gate.release(new ExchangeRequest(terms.exchange(), terms.purpose(),
                item.get("person_id").asText(), mapper.convertValue(item, Map.class), clientId, correlationId,
                item.get("reference_id").asText(), null, null, terms.audit())).payload());
    }

    /** Before anything is written: ids that cannot be stored or used in an agency URL refuse the whole message. */
    private static void refuseUnusableIds(ApiItemOperation<?> operation, JsonNode items) {
        String itemsField = operation.terms().request().itemsField();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = "$.message." + itemsField + "[" + i + "].";
            JsonNode item = items.get(i);
            String personId = item.path("person_id").asText();
            if (!OpaqueIdFormat.isUsable(personId)) {
                problems.add(at + "person_id: '" + personId + "' must be " + OpaqueIdFormat.DESCRIPTION);
            }
            EnvelopeAdmission.addProblem(problems, StoredField.REFERENCE_ID, at + "reference_id",
                    item.path("reference_id").asText());
            operation.addProblems(item, at, problems);
        }
        if (!problems.isEmpty()) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, operation.terms().unusableIds(), problems);
        }
    }
}
