package org.esphub.hub.saaccess;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.dci.OpaqueIdFormat;
import org.esphub.governance.audit.AuditAction;
import org.esphub.governance.gate.DataSharingGate;
import org.esphub.governance.gate.ExchangeRequest;
import org.esphub.governance.storage.StoredField;
import org.esphub.hub.intake.EnvelopeAdmission;
import org.esphub.hub.intake.IntakeLedger;
import org.esphub.hub.intake.ReferralParticipants;
import org.esphub.processes.AgencyKind;
import org.esphub.processes.PesClientSaAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code POST /sa-access-requests} (PRS.EMPL.09): PES refers jobseekers it serves who may need social
 * assistance. Each new item starts {@code pes-client-sa-access} (message start
 * {@link PesClientSaAccess#MESSAGE_ACCESS_REQUESTED}, the same start as PES's queue event) under its
 * reference_id; an item whose reference_id already names a case of the hub is refused and changes
 * nothing. The message as a whole is checked first (schema, sender, signature, the data-sharing gate:
 * exchange {@link #EXCHANGE}, each item audited) and is idempotent on message_id; the answer lists each
 * item's outcome. All in one transaction with the engine's writes. The person's consent is not checked
 * here: the case checks it before anything reaches SA and tells PES why when it is missing.
 */
@Service
public class SaAccessIntake {

    /** The agreements' name of this operation (pes-sa-social-assistance-access). */
    public static final String EXCHANGE = "api.request-sa-access";
    public static final String PURPOSE = PesClientSaAccess.PURPOSE_SOCIAL_ASSISTANCE_ACCESS;
    static final String ACTION = "request-sa-access";
    static final String SCHEMA = "classpath:schemas/sa-access-request.schema.json";
    /** The item refusal when its reference_id already names a case (a referral, placement, training, SA access). */
    public static final String REFERENCE_TAKEN = "rjct.sa_access.reference_taken";
    static final Set<AgencyKind> PES = Set.of(AgencyKind.PES);
    static final String ONLY_PES = "only the Public Employment Service refers its clients to social assistance";
    private static final Logger LOG = LoggerFactory.getLogger(SaAccessIntake.class);

    private final EnvelopeAdmission admission;
    private final IntakeLedger ledger;
    private final ReferralParticipants participants;
    private final DataSharingGate gate;
    private final RuntimeService runtimeService;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final JsonSchema schema;

    public SaAccessIntake(EnvelopeAdmission admission, IntakeLedger ledger, ReferralParticipants participants,
            DataSharingGate gate, RuntimeService runtimeService, ObjectMapper mapper, Clock clock) {
        this.admission = admission;
        this.ledger = ledger;
        this.participants = participants;
        this.gate = gate;
        this.runtimeService = runtimeService;
        this.mapper = mapper;
        this.clock = clock;
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(SchemaLocation.of(SCHEMA),
                SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH).formatAssertionsEnabled(true).build());
        schema.initializeValidators();
    }

    /**
     * @param clientId the OAuth2 client that called; it must be allowed to send as the envelope's sender_id
     * @param correlationId the caller's X-Correlation-ID or one the hub made; the cases carry it
     * @return transaction_id, correlation_id and sa_access_responses, one per item in order
     * @throws DciRejection when the message is refused as a whole; nothing was written then
     */
    @Transactional
    public Map<String, Object> accept(String body, String clientId, String correlationId) {
        JsonNode envelope = parse(body);
        admission.admit(envelope, clientId, correlationId, PES, ONLY_PES);
        JsonNode header = envelope.get("header");
        JsonNode items = envelope.at("/message/sa_access_request");
        refuseUnusableIds(items);
        for (JsonNode item : items) {
            passGate(item, clientId, correlationId);
        }
        String senderId = header.get("sender_id").asText();
        String messageId = header.get("message_id").asText();
        String transactionId = envelope.at("/message/transaction_id").asText();
        if (!ledger.recordMessage(senderId, messageId, ACTION, EnvelopeAdmission.CHANNEL_API, correlationId,
                transactionId, header.path("sender_uri").asText(null), items.size(), clock.instant())) {
            throw new DciRejection(DciReasonCode.MESSAGE_ID_DUPLICATE, "message_id '" + messageId + "' from sender '"
                    + senderId + "' was received before; nothing new was accepted");
        }
        List<Map<String, Object>> outcomes = new ArrayList<>();
        for (JsonNode item : items) {
            outcomes.add(acceptOne(item, senderId, messageId, correlationId));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("transaction_id", transactionId);
        answer.put("correlation_id", correlationId);
        answer.put("sa_access_responses", outcomes);
        return answer;
    }

    private Map<String, Object> acceptOne(JsonNode item, String senderId, String messageId, String correlationId) {
        String referenceId = item.get("reference_id").asText();
        if (participants.referral(referenceId).isPresent() || ledger.referralExists(referenceId)) {
            // one business key, one case: SA's events about it must not find two processes
            LOG.info("SA access {}: refused at intake: the reference names a case already", referenceId);
            return outcome(referenceId, "rjct", "reference_id " + referenceId + " names a case of the hub already;"
                    + " nothing was started", REFERENCE_TAKEN);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(PesClientSaAccess.VAR_REFERENCE_ID, referenceId);
        variables.put(PesClientSaAccess.VAR_PERSON_ID, item.get("person_id").asText());
        variables.put(PesClientSaAccess.VAR_CORRELATION_ID, correlationId);
        variables.put(PesClientSaAccess.VAR_GIVEN_NAME, item.get("given_name").asText());
        variables.put(PesClientSaAccess.VAR_FAMILY_NAME, item.get("family_name").asText());
        variables.put(PesClientSaAccess.VAR_PES_CASE_ID, item.get("pes_case_id").asText());
        variables.put(PesClientSaAccess.VAR_REFERRAL_REASON, item.get("referral_reason").asText());
        runtimeService.createMessageCorrelation(PesClientSaAccess.MESSAGE_ACCESS_REQUESTED)
                .processInstanceBusinessKey(referenceId)
                .setVariables(variables)
                .correlateStartMessage();
        LOG.info("SA access {}: referred by {} (message {}), case started", referenceId, senderId, messageId);
        return outcome(referenceId, "succ", "referral started; the person's consent and SA's figures are checked"
                + " next, and PES is told SA's decision", null);
    }

    private static Map<String, Object> outcome(String referenceId, String status, String message, String reasonCode) {
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("reference_id", referenceId);
        outcome.put("status", status);
        outcome.put("message", message);
        if (reasonCode != null) {
            outcome.put("status_reason_code", reasonCode);
        }
        return outcome;
    }

    /** The item as the agreements know it: refused (403, audited) unless an agreement lets PES refer it. */
    @SuppressWarnings("unchecked")
    private void passGate(JsonNode item, String clientId, String correlationId) {
        gate.release(new ExchangeRequest(EXCHANGE, PURPOSE, item.get("person_id").asText(),
                mapper.convertValue(item, Map.class), clientId, correlationId, item.get("reference_id").asText(),
                null, null, AuditAction.CREATE));
    }

    private static void refuseUnusableIds(JsonNode items) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = "$.message.sa_access_request[" + i + "].";
            String personId = items.get(i).path("person_id").asText();
            if (!OpaqueIdFormat.isUsable(personId)) {
                problems.add(at + "person_id: '" + personId + "' must be " + OpaqueIdFormat.DESCRIPTION);
            }
            EnvelopeAdmission.addProblem(problems, StoredField.REFERENCE_ID, at + "reference_id",
                    items.get(i).path("reference_id").asText());
        }
        if (!problems.isEmpty()) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, "the referrals name ids the hub cannot use;"
                    + " nothing was started", problems);
        }
    }

    private JsonNode parse(String body) {
        JsonNode envelope;
        try {
            envelope = body == null ? null : mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, "body is not valid JSON: " + e.getOriginalMessage());
        }
        if (envelope == null || !envelope.isObject()) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, "body must be a JSON object holding the DCI envelope");
        }
        String action = envelope.at("/header/action").asText(null);
        if (action != null && !ACTION.equals(action)) {
            throw new DciRejection(DciReasonCode.ACTION_INVALID, "header.action is '" + action + "' but POST"
                    + " /sa-access-requests takes '" + ACTION + "'");
        }
        List<String> problems = schema.validate(envelope).stream().map(ValidationMessage::getMessage).sorted().toList();
        if (!problems.isEmpty()) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, "request does not match the referrals to SA"
                    + " (" + SCHEMA + "); nothing was started", problems);
        }
        return envelope;
    }
}
