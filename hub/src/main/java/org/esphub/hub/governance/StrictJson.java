package org.esphub.hub.governance;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Reads request bodies of the governance API strictly: an unknown or mistyped field is a 400
 * naming it, never silently ignored (a misspelt {@code expires_at} would record a consent
 * without expiry). The body must be a JSON object, and no list in it may hold null.
 */
@Component
class StrictJson {

    private final ObjectMapper mapper;

    StrictJson(ObjectMapper mapper) {
        // a number or boolean where text is expected is a mistake, not a value to turn into text
        // ({"person_id": -1} would become the person "-1")
        this.mapper = mapper.copy();
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            this.mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
            this.mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(shape, CoercionAction.Fail);
        }
        // nor is an empty string a date left out: "subject_birth_date": "" would record a consent without it
        this.mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(CoercionInputShape.EmptyString,
                CoercionAction.Fail);
        // and a number is no date (a lenient reader takes -1 as 1969-12-31)
        this.mapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
        this.mapper.configOverride(Instant.class).setFormat(JsonFormat.Value.forLeniency(false));
    }

    /** @throws BadGovernanceRequest naming the field and the problem */
    <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw new BadGovernanceRequest(List.of("the request body is missing; send a JSON object"));
        }
        ObjectReader reader = mapper.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        try {
            JsonNode tree = reader.readTree(body);
            if (tree == null || !tree.isObject()) {
                throw new BadGovernanceRequest(List.of("the request body must be a JSON object"));
            }
            List<String> nulls = new ArrayList<>();
            nullsInArrays(tree, "", nulls);
            if (!nulls.isEmpty()) {
                throw new BadGovernanceRequest(nulls);
            }
            return reader.readValue(tree);
        } catch (UnrecognizedPropertyException e) {
            throw new BadGovernanceRequest(List.of("unknown field '" + e.getPropertyName() + "'; known fields: "
                    + e.getKnownPropertyIds().stream().map(String::valueOf).sorted().collect(Collectors.joining(", "))));
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(reference -> reference.getFieldName() != null
                    ? reference.getFieldName() : "[" + reference.getIndex() + "]").collect(Collectors.joining("."));
            throw new BadGovernanceRequest(List.of((field.isEmpty() ? "body" : field) + ": "
                    + firstLine(e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            throw new BadGovernanceRequest(List.of("the body is not JSON: " + firstLine(e.getOriginalMessage())));
        } catch (IOException e) {
            // reading a tree already in memory does no I/O
            throw new BadGovernanceRequest(List.of("the body is unreadable"));
        }
    }

    /** A list never holds null: {@code "scope": [null]} is refused, not read as a receiver named null. */
    private static void nullsInArrays(JsonNode node, String path, List<String> problems) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (node.get(i).isNull()) {
                    problems.add(path + "[" + i + "]: null is not a value");
                } else {
                    nullsInArrays(node.get(i), path + "[" + i + "]", problems);
                }
            }
        } else if (node.isObject()) {
            node.properties().forEach(field -> nullsInArrays(field.getValue(),
                    path.isEmpty() ? field.getKey() : path + "." + field.getKey(), problems));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable value";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
