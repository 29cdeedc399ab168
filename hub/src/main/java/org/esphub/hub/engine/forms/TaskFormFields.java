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
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * The fields of a task's Camunda Form ({@code camunda:formRef}): the {@code key} of every component
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
                JsonNode schema = JSON.readTree(form);
                Set<String> keys = new TreeSet<>();
                Map<String, String> options = new TreeMap<>();
                collectKeys(schema, keys, options);
                return new Form(schema.path("id").asText("?"), keys, options);
            } catch (IOException e) {
                throw new ProcessEngineException("the form of task " + task.getId() + " cannot be read", e);
            }
        });
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
