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
        ACK(COMMON_RESPONSES + "Response.yaml", BODY_SCHEMA),
        /** {@code HttpErrorResponse}: {@code {"errors": [{"code", "message"}]}}. */
        HTTP_ERROR(COMMON_RESPONSES + "HttpErrorResponse.yaml", BODY_SCHEMA),
        /** The 200 answer of {@code GET /status/{person_id}}: envelope with a {@code DO_EMPL_02_Response}. */
        EMPLOYMENT_STATUS(DciRequestValidator.ANNEX, "/paths/~1status~1{person_id}/get/responses/200" + BODY_SCHEMA),
        /** {@code MsgCallbackHeader_V1.0.0}: the header of a DCI callback the hub sends to a sender_uri. */
        CALLBACK_HEADER("classpath:dci-spec/common/schema/MsgCallbackHeader_V1.0.0.yaml", "");

        private final String file;
        private final String pointer;

        DciResponse(String file, String pointer) {
            this.file = file;
            this.pointer = pointer;
        }
    }

    private static final String COMMON_RESPONSES = "classpath:dci-spec/common/response/";
    // the annex's responses are response objects, not schemas: the schema sits under the JSON body
    private static final String BODY_SCHEMA = "/content/application~1json/schema";

    private final Map<DciResponse, JsonSchema> schemas = new EnumMap<>(DciResponse.class);

    public DciResponseValidator() {
        DciSchemas loader = new DciSchemas();
        for (DciResponse response : DciResponse.values()) {
            schemas.put(response, loader.load(response.file, response.pointer));
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
