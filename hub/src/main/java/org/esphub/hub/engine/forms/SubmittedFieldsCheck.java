package org.esphub.hub.engine.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A caseworker writes into a process only the fields of the task's form: completing a user task,
 * submitting its form, raising an error or escalation from it or setting its (non-local) variables
 * with any other name is refused before anything changes, whatever the path (engine REST,
 * Tasklist, the Java API). The form is the task's output contract: its keys are the only variables
 * the task may set (ADR 0023). A field whose options a lookup put into a process variable before
 * the task ({@code valuesKey}: the provider's programmes, the vacancies at PES) takes only one of
 * those options' values: what the agency did not offer cannot be chosen, in Tasklist or around it
 * (ADR 0027).
 *
 * <p>Runs in front of the command: the task's form is read in a short command of its own, and a
 * refusal is thrown before the write's own transaction starts. The exception types are the ones
 * Camunda's REST API answers with a client error on each path: a completion with 400 (as a form
 * validation failure), a variable write (PUT, PATCH, DELETE) with 403; the message names the
 * refused fields.
 */
final class SubmittedFieldsCheck extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;

    SubmittedFieldsCheck(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
        TaskVariableWrite.of(command).ifPresent(this::check);
        return next.execute(command);
    }

    private void check(TaskVariableWrite write) {
        Optional<TaskForm> form = configuration.getCommandExecutorTxRequired().execute(commandContext -> {
            TaskEntity task = commandContext.getTaskManager().findTaskById(write.taskId());
            // an unknown task: the command itself reports it; a standalone task has no process to write into
            if (task == null || task.getProcessInstanceId() == null) {
                return Optional.<TaskForm>empty();
            }
            TaskFormFields.Form taskForm = TaskFormFields.of(task, commandContext);
            return Optional.of(new TaskForm(task.getTaskDefinitionKey(), taskForm, offered(task, taskForm, write)));
        });
        form.ifPresent(taskForm -> {
            refuseOthers(write, taskForm);
            refuseUnoffered(write, taskForm);
        });
    }

    /** For each written field with options, the values its options variable offers now. */
    private static Map<String, Set<String>> offered(TaskEntity task, TaskFormFields.Form form,
            TaskVariableWrite write) {
        Map<String, Set<String>> offered = new TreeMap<>();
        form.options().forEach((field, optionsVariable) -> {
            if (write.values().containsKey(field)) {
                offered.put(field, OfferedOptions.values(task.getVariableTyped(optionsVariable, false)));
            }
        });
        return offered;
    }

    private static void refuseUnoffered(TaskVariableWrite write, TaskForm taskForm) {
        List<String> refused = new ArrayList<>();
        taskForm.offered().forEach((field, values) -> {
            Object plain = plain(write.values().get(field));
            // no value is the form's own business (required or not); any value must be one offered
            if (plain != null && !values.contains(String.valueOf(plain))) {
                refused.add(field);
            }
        });
        if (!refused.isEmpty()) {
            String message = "task '" + taskForm.taskKey() + "' accepts in " + refused
                    + " only a value among the options the process offers " + taskForm.form().options()
                    + "; refused: " + refused.stream()
                    .map(field -> field + " '" + plain(write.values().get(field)) + "'").toList();
            throw write.completion() ? new FormFieldValidationException(refused, message)
                    : new AuthorizationException(message);
        }
    }

    private static Object plain(Object value) {
        return value instanceof TypedValue typed ? typed.getValue() : value;
    }

    private static void refuseOthers(TaskVariableWrite write, TaskForm taskForm) {
        TaskFormFields.Form form = taskForm.form();
        List<String> refused = write.sortedNames().stream().filter(name -> !form.fields().contains(name)).toList();
        if (!refused.isEmpty()) {
            String message = "task '" + taskForm.taskKey() + "' accepts only the fields of its form '" + form.id()
                    + "' " + form.fields() + "; refused: " + String.join(", ", refused);
            throw write.completion() ? new FormFieldValidationException(refused, message)
                    : new AuthorizationException(message);
        }
    }

    private record TaskForm(String taskKey, TaskFormFields.Form form, Map<String, Set<String>> offered) {
    }
}
