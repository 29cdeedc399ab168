package org.esphub.hub.engine.forms;

import static org.esphub.hub.engine.forms.CommandFields.field;
import static org.esphub.hub.engine.forms.CommandFields.read;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractVariableCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * The variable names an engine command writes through a task into its process: completing it
 * (with or without its form, resolving a delegation included), raising a BPMN error or an
 * escalation from it, or setting, patching or removing its variables other than task-locally.
 * Camunda's commands do not expose what they carry, so their fields are read; each field is
 * looked up once, when the class loads, so a Camunda upgrade that renames one fails at start-up.
 *
 * @param values     the values it writes, by name (none for a removal)
 * @param completion whether the command ends the task (complete, submit, error, escalation) rather
 *                   than only writing variables
 */
record TaskVariableWrite(String taskId, Set<String> names, Map<String, Object> values, boolean completion) {

    private static final Field COMPLETE_TASK = field(CompleteTaskCmd.class, "taskId");
    private static final Field COMPLETE_VARIABLES = field(CompleteTaskCmd.class, "variables");
    private static final Field SUBMIT_TASK = field(SubmitTaskFormCmd.class, "taskId");
    private static final Field SUBMIT_PROPERTIES = field(SubmitTaskFormCmd.class, "properties");
    private static final Field ERROR_TASK = field(HandleTaskBpmnErrorCmd.class, "taskId");
    private static final Field ERROR_VARIABLES = field(HandleTaskBpmnErrorCmd.class, "variables");
    private static final Field ESCALATION_TASK = field(HandleTaskEscalationCmd.class, "taskId");
    private static final Field ESCALATION_VARIABLES = field(HandleTaskEscalationCmd.class, "variables");
    private static final Field VARIABLE_ENTITY = field(AbstractVariableCmd.class, "entityId");
    private static final Field VARIABLE_LOCAL = field(AbstractVariableCmd.class, "isLocal");
    private static final Field SET_VARIABLES = field(AbstractSetVariableCmd.class, "variables");
    private static final Field REMOVE_NAMES = field(AbstractRemoveVariableCmd.class, "variableNames");
    private static final Field PATCH_ENTITY = field(AbstractPatchVariablesCmd.class, "entityId");
    private static final Field PATCH_LOCAL = field(AbstractPatchVariablesCmd.class, "isLocal");
    private static final Field PATCH_VARIABLES = field(AbstractPatchVariablesCmd.class, "variables");
    private static final Field PATCH_DELETIONS = field(AbstractPatchVariablesCmd.class, "deletions");

    TaskVariableWrite {
        names = Set.copyOf(names);
        // values may be null (a variable set to nothing); Map.copyOf takes none
        values = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(values));
    }

    /** What {@code command} writes into a task's process, if it is such a command and writes anything. */
    static Optional<TaskVariableWrite> of(Command<?> command) {
        if (command instanceof CompleteTaskCmd) { // also ResolveTaskCmd
            return write(command, true, COMPLETE_TASK, read(command, COMPLETE_VARIABLES));
        }
        if (command instanceof SubmitTaskFormCmd) {
            return write(command, true, SUBMIT_TASK, read(command, SUBMIT_PROPERTIES));
        }
        if (command instanceof HandleTaskBpmnErrorCmd) {
            return write(command, true, ERROR_TASK, read(command, ERROR_VARIABLES));
        }
        if (command instanceof HandleTaskEscalationCmd) {
            return write(command, true, ESCALATION_TASK, read(command, ESCALATION_VARIABLES));
        }
        if (command instanceof SetTaskVariablesCmd && !(Boolean) read(command, VARIABLE_LOCAL)) {
            return write(command, false, VARIABLE_ENTITY, read(command, SET_VARIABLES));
        }
        if (command instanceof RemoveTaskVariablesCmd && !(Boolean) read(command, VARIABLE_LOCAL)) {
            return write(command, false, VARIABLE_ENTITY, read(command, REMOVE_NAMES));
        }
        if (command instanceof PatchTaskVariablesCmd && !(Boolean) read(command, PATCH_LOCAL)) {
            Object modifications = read(command, PATCH_VARIABLES);
            Set<String> names = new LinkedHashSet<>(names(modifications));
            names.addAll(names(read(command, PATCH_DELETIONS)));
            Object id = read(command, PATCH_ENTITY);
            Map<String, Object> values = new java.util.HashMap<>();
            if (modifications instanceof Map<?, ?> map) {
                map.forEach((name, value) -> values.put(String.valueOf(name), value));
            }
            return names.isEmpty() || id == null ? Optional.empty()
                    : Optional.of(new TaskVariableWrite(id.toString(), names, values, false));
        }
        return Optional.empty();
    }

    private static Optional<TaskVariableWrite> write(Command<?> command, boolean completion, Field taskId,
            Object variables) {
        Set<String> names = names(variables);
        Object id = read(command, taskId);
        Map<String, Object> values = new java.util.HashMap<>();
        if (variables instanceof Map<?, ?> map) {
            map.forEach((name, value) -> values.put(String.valueOf(name), value));
        }
        return names.isEmpty() || id == null ? Optional.empty()
                : Optional.of(new TaskVariableWrite(id.toString(), names, values, completion));
    }

    private static Set<String> names(Object variables) {
        if (variables instanceof Map<?, ?> map) {
            return names(map.keySet());
        }
        Set<String> names = new LinkedHashSet<>();
        if (variables instanceof Collection<?> collection) {
            collection.forEach(name -> names.add(String.valueOf(name)));
        }
        return names;
    }

    List<String> sortedNames() {
        return names.stream().sorted().toList();
    }
}
