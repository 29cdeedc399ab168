package org.esphub.dci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an incoming DCI request against the Employment-SP annex, or against its companion
 * operation's schema, before anything happens.
 *
 * <p>The annex's schemas are read from the vendored annex itself (not re-typed in Java), so the hub
 * accepts exactly what the standard describes. On top of the schema it applies the header rules
 * the annex states in prose: {@code header.action} must match the operation,
 * {@code header.total_count} must equal the number of items, and a batch may not exceed the
 * configured limit. A companion request ({@link CompanionOperation}) is parsed the same way, its
 * action checked the same way, and then checked against its own schema, which states its limits
 * itself. Thread-safe; build one and share it.
 */
public class DciRequestValidator {

    /** Where the annex lives on the classpath (vendored from the shared standards folder). */
    public static final String ANNEX = "classpath:dci-spec/employment/employment_api_v1.0.0.yaml";
    /** The version of the annex this hub speaks: {@code header.version} and the X-DCI-Version header. */
    public static final String SUPPORTED_VERSION = "1.0.0";

    private static final String MESSAGE_PATH = "$.message";

    private final ObjectMapper mapper;
    private final int maxItemsPerMessage;
    private final Map<DciOperation, JsonSchema> envelopeSchemas = new EnumMap<>(DciOperation.class);
    private final Map<DciOperation, JsonSchema> payloadSchemas = new EnumMap<>(DciOperation.class);
    private final Map<CompanionOperation, JsonSchema> companionSchemas = new EnumMap<>(CompanionOperation.class);

    public DciRequestValidator(ObjectMapper mapper, int maxItemsPerMessage) {
        this.mapper = mapper;
        this.maxItemsPerMessage = maxItemsPerMessage;
        DciSchemas schemas = new DciSchemas();
        for (DciOperation operation : DciOperation.values()) {
            envelopeSchemas.put(operation, schemas.load(ANNEX, operation.envelopePointer()));
            payloadSchemas.put(operation, schemas.load(ANNEX, operation.payloadPointer()));
        }
        for (CompanionOperation operation : CompanionOperation.values()) {
            companionSchemas.put(operation, schemas.load(operation));
        }
    }

    /**
     * Parses {@code body} and validates it as a request of {@code type}.
     *
     * @return the parsed envelope
     * @throws DciRejection naming the reason code and every failing field
     */
    public JsonNode parseAndValidate(DciRequestType type, String body) {
        JsonNode envelope = parse(body);
        if (type instanceof DciOperation operation) {
            validate(operation, envelope);
        } else {
            validate((CompanionOperation) type, envelope);
        }
        return envelope;
    }

    private JsonNode parse(String body) {
        JsonNode envelope;
        try {
            envelope = body == null ? null : mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, "body is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")"));
        }
        if (envelope == null || !envelope.isObject()) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD,
                    "body must be a JSON object holding the DCI envelope (signature, header, message)");
        }
        return envelope;
    }

    /** Validates an already parsed envelope; see {@link #parseAndValidate}. */
    public void validate(DciOperation operation, JsonNode envelope) {
        JsonNode header = envelope.path("header");
        checkAction(operation, header);
        Set<ValidationMessage> problems = envelopeSchemas.get(operation).validate(envelope);
        if (!problems.isEmpty()) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD,
                    "request does not match the DCI Employment-SP annex", explain(operation, envelope, problems));
        }
        String version = header.path("version").asText();
        if (!SUPPORTED_VERSION.equals(version)) {
            // another version may mean other fields: reading it as this one could misread it
            throw new DciRejection(DciReasonCode.VERSION_NOT_SUPPORTED, "header.version is not " + SUPPORTED_VERSION
                    + ", the only version this hub speaks");
        }
        if (header.path("is_msg_encrypted").asBoolean(false)) {
            // The hub holds no decryption keys for agencies yet; accepting the envelope would mean
            // accepting a payload nobody can check.
            throw new DciRejection(DciReasonCode.ENCRYPTION_INVALID,
                    "encrypted messages are not accepted on this channel; send the payload unencrypted over TLS");
        }
        checkCounts(operation, header, envelope.path("message").path(operation.itemsField()));
    }

    /** Validates an already parsed companion request against its schema; see {@link #parseAndValidate}. */
    public void validate(CompanionOperation operation, JsonNode envelope) {
        checkAction(operation, envelope.path("header"));
        List<String> problems = companionSchemas.get(operation).validate(envelope).stream()
                .map(ValidationMessage::getMessage).sorted().toList();
        if (!problems.isEmpty()) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, operation.mismatch(), problems);
        }
    }

    /** Another operation's action is refused as such before the schema would call it a mismatch. */
    private static void checkAction(DciRequestType type, JsonNode header) {
        String action = header.path("action").asText(null);
        if (header.isObject() && action != null && !type.action().equals(action)) {
            throw new DciRejection(DciReasonCode.ACTION_INVALID, "header.action is '" + action + "' but "
                    + type.request() + " takes '" + type.action() + "'");
        }
    }

    private void checkCounts(DciOperation operation, JsonNode header, JsonNode items) {
        int count = items.size();
        if (count > maxItemsPerMessage) {
            throw new DciRejection(DciReasonCode.TOTAL_COUNT_LIMIT_EXCEEDED, "message." + operation.itemsField()
                    + " holds " + count + " items; at most " + maxItemsPerMessage + " are accepted per message");
        }
        if (count == 0) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, "message." + operation.itemsField() + " is empty");
        }
        int declared = header.path("total_count").asInt();
        if (declared != count) {
            throw new DciRejection(DciReasonCode.TOTAL_COUNT_INVALID, "header.total_count is " + declared
                    + " but message." + operation.itemsField() + " holds " + count + " items");
        }
    }

    /**
     * Turns schema messages into one line per failing field. The annex lets {@code message} be
     * either the plain payload or an encrypted one ({@code oneOf}); reporting both branches would
     * bury the real problem, so an unencrypted payload is explained against the plain schema only.
     */
    private List<String> explain(DciOperation operation, JsonNode envelope, Set<ValidationMessage> problems) {
        boolean plainPayload = envelope.path("message").isObject()
                && !envelope.path("header").path("is_msg_encrypted").asBoolean(false);
        List<String> details = new ArrayList<>();
        for (ValidationMessage problem : problems) {
            String location = problem.getInstanceLocation().toString();
            if (plainPayload && location.startsWith(MESSAGE_PATH)) {
                continue;
            }
            details.add(problem.getMessage());
        }
        if (plainPayload) {
            for (ValidationMessage problem : payloadSchemas.get(operation).validate(envelope.get("message"))) {
                details.add(MESSAGE_PATH + problem.getMessage().substring(1));
            }
        }
        return details.stream().distinct().sorted().toList();
    }
}
