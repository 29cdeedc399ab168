package org.esphub.hub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.processes.AgencyEventContract;
import org.esphub.processes.AgencyEvents;
import org.springframework.stereotype.Component;

/**
 * The JSON schemas of the agency events ({@link AgencyEvents}), loaded once at start-up so a
 * missing or broken schema stops the hub instead of the first event.
 */
@Component
public class AgencyEventSchemas {

    private final Map<String, JsonSchema> schemas;

    public AgencyEventSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_PATH)
                .formatAssertionsEnabled(true)
                .build();
        schemas = AgencyEvents.CONTRACTS.values().stream().collect(Collectors.toUnmodifiableMap(
                AgencyEventContract::eventType, contract -> {
                    JsonSchema schema = factory.getSchema(SchemaLocation.of("classpath:" + contract.schema()), config);
                    schema.initializeValidators();
                    return schema;
                }));
    }

    /** Refuses the event's message object unless it matches its type's schema; names each failing field. */
    public void check(AgencyEventContract contract, JsonNode event, String senderId) {
        List<String> errors = schemas.get(contract.eventType()).validate(event).stream()
                .map(ValidationMessage::getMessage).sorted().toList();
        if (!errors.isEmpty()) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, contract.eventType() + " from " + senderId
                    + " does not match its schema (" + contract.schema() + ")", errors);
        }
    }

}
