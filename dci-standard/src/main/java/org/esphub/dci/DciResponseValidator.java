package org.esphub.dci;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a response body against the annex's response schemas, so a caller (or a contract
 * test) can tell whether what the hub answers is what the standard promises. Thread-safe.
 */
public class DciResponseValidator {

    /** The annex's {@code components.responses}; each is a $ref to a file of the common folder. */
    public enum DciResponse {
        /** {@code Response}: the ACK of an accepted request. */
        ACK("Response.yaml"),
        /** {@code HttpErrorResponse}: {@code {"errors": [{"code", "message"}]}}. */
        HTTP_ERROR("HttpErrorResponse.yaml");

        private final String file;

        DciResponse(String file) {
            this.file = file;
        }
    }

    private static final String COMMON_RESPONSES = "classpath:dci-spec/common/response/";
    // the annex's responses are response objects, not schemas: the schema sits under the JSON body
    private static final String BODY_SCHEMA = "/content/application~1json/schema";

    private final Map<DciResponse, JsonSchema> schemas = new EnumMap<>(DciResponse.class);

    public DciResponseValidator() {
        DciSchemas loader = new DciSchemas();
        for (DciResponse response : DciResponse.values()) {
            schemas.put(response, loader.load(COMMON_RESPONSES + response.file, BODY_SCHEMA));
        }
    }

    /** @return one line per violation, empty when {@code body} matches */
    public List<String> problems(DciResponse response, JsonNode body) {
        return schemas.get(response).validate(body).stream()
                .map(ValidationMessage::getMessage)
                .sorted()
                .toList();
    }
}
