package org.esphub.hub.intake;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.esphub.processes.AgencyEventContract;

/**
 * The process variables an agency event may set: those its contract lists, typed as the contract
 * says, nothing else. The same for an event from the queues and a notification through the API.
 */
public final class AgencyEventVariables {

    private AgencyEventVariables() {
    }

    /** @param event the event's message object, already checked against its type's schema */
    public static VariableMap of(AgencyEventContract contract, JsonNode event) {
        VariableMap variables = Variables.createVariables();
        contract.variables().forEach((field, variable) -> {
            JsonNode value = event.get(field);
            if (value == null) {
                return;
            }
            // the schema checked the JSON types already
            Object javaValue = value.isNull() ? null : switch (variable.type()) {
                case STRING -> value.asText();
                case BOOLEAN -> value.asBoolean();
                case INTEGER -> value.asLong();
                case NUMBER -> value.isIntegralNumber() ? (Object) value.asLong() : (Object) value.asDouble();
            };
            variables.putValue(variable.name(), javaValue);
        });
        return variables;
    }
}
