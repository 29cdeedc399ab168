package org.esphub.hub.engine.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.GetDeployedTaskFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The fields of a task's or a start event's Camunda Form ({@code camunda:formRef}): the {@code key} of every component
 * in the form's JSON, nested ones (groups, dynamic lists) included, and for a field whose options
 * come from a process variable ({@code valuesKey}) the name of that variable. A task without a
 * Camunda Form has no fields.
 */
final class TaskFormFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TaskFormFields() {
    }

    /** The form's id and its field keys, read in the running command as the engine itself would. */
    static Form of(TaskEntity task, CommandContext commandContext) {
        if (task.getTaskDefinition() == null || task.getTaskDefinition().getFormDefinition() == null
                || task.getTaskDefinition().getFormDefinition().getCamundaFormDefinitionKey() == null) {
            return new Form("none", Set.of(), Map.of());
        }
        // the caller may complete the task; reading its deployed form needs no further permission
        return commandContext.runWithoutAuthorization(() -> {
            try (InputStream form = new GetDeployedTaskFormCmd(task.getId()).execute(commandContext)) {
                return read(form);
            } catch (IOException e) {
                throw new ProcessEngineException("the form of task " + task.getId() + " cannot be read", e);
            }
        });
    }

    /**
     * The start form's id and field keys, if the definition's start event has a Camunda Form; a definition
     * without one (started by the hub alone) has none.
     */
    static java.util.Optional<Form> ofStart(ProcessDefinitionEntity definition, CommandContext commandContext) {
        if (definition.getStartFormDefinition() == null
                || definition.getStartFormDefinition().getCamundaFormDefinitionKey() == null) {
            return java.util.Optional.empty();
        }
        // the caller is about to start the process; reading its deployed start form needs no further permission
        return java.util.Optional.of(commandContext.runWithoutAuthorization(() -> {
            try (InputStream form = new GetDeployedStartFormCmd(definition.getId()).execute(commandContext)) {
                return read(form);
            } catch (IOException e) {
                throw new ProcessEngineException("the start form of " + definition.getKey() + " cannot be read", e);
            }
        }));
    }

    private static Form read(InputStream form) throws IOException {
        JsonNode schema = JSON.readTree(form);
        Set<String> keys = new TreeSet<>();
        Map<String, String> options = new TreeMap<>();
        collectKeys(schema, keys, options);
        return new Form(schema.path("id").asText("?"), keys, options);
    }

    private static void collectKeys(JsonNode component, Set<String> keys, Map<String, String> options) {
        for (JsonNode child : component.path("components")) {
            if (child.hasNonNull("key")) {
                keys.add(child.get("key").asText());
                if (child.hasNonNull("valuesKey")) {
                    options.put(child.get("key").asText(), child.get("valuesKey").asText());
                }
            }
            collectKeys(child, keys, options);
        }
    }

    /**
     * @param options by field key, the process variable that holds the field's options (a select
     *     filled by a lookup before the task): the field takes only one of their values
     */
    record Form(String id, Set<String> fields, Map<String, String> options) {
    }
}
