package org.esphub.processes;

import java.util.Map;
import java.util.Set;

/**
 * What one agency event may do: who may send it, the JSON schema its {@code message} must match,
 * and the process variables it may set. Nothing else of an event reaches a process.
 *
 * @param eventType the BPMN message name ({@code message.event_type})
 * @param senders the kinds of agency that may send it
 * @param schema classpath location of the JSON schema of the event's {@code message} object
 *        (additional properties refused)
 * @param variables event field (snake_case) to the variable it sets, with its type
 * @param startsProcess true if the event starts a process of its own instead of reaching a waiting one
 */
public record AgencyEventContract(String eventType, Set<AgencyKind> senders, String schema,
        Map<String, Variable> variables, boolean startsProcess) {

    /** Folder of the schemas on the classpath (processes/agency-events in the sources). */
    public static final String SCHEMA_FOLDER = "agency-events/";

    public AgencyEventContract {
        senders = Set.copyOf(senders);
        variables = Map.copyOf(variables);
    }

    static AgencyEventContract waitedFor(String eventType, Set<AgencyKind> senders, Map<String, Variable> variables) {
        return new AgencyEventContract(eventType, senders, SCHEMA_FOLDER + eventType + ".schema.json", variables,
                false);
    }

    static AgencyEventContract starting(String eventType, Set<AgencyKind> senders, Map<String, Variable> variables) {
        return new AgencyEventContract(eventType, senders, SCHEMA_FOLDER + eventType + ".schema.json", variables,
                true);
    }

    /** A process variable an event field sets. */
    public record Variable(String name, Type type) {
    }

    /** How the field's JSON value becomes the variable's value. */
    public enum Type {
        /** JSON string, as is (dates stay ISO-8601 text, as the forms write them). */
        STRING,
        /** JSON boolean. */
        BOOLEAN,
        /** JSON integer as a Long. */
        INTEGER,
        /** JSON number: a Long when integral, else a Double (the DMN tables compare either). */
        NUMBER
    }
}
