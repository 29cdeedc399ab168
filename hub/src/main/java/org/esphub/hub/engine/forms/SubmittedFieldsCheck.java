package org.esphub.hub.engine.forms;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * A caseworker writes into a process only the fields of the task's form: completing a user task,
 * submitting its form, raising an error or escalation from it or setting its (non-local) variables
 * with any other name is refused before anything changes, whatever the path (engine REST,
 * Tasklist, the Java API). The form is the task's output contract: its keys are the only variables
 * the task may set (ADR 0023).
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
            return task == null || task.getProcessInstanceId() == null ? Optional.<TaskForm>empty()
                    : Optional.of(new TaskForm(task.getTaskDefinitionKey(), TaskFormFields.of(task, commandContext)));
        });
        form.ifPresent(taskForm -> refuseOthers(write, taskForm));
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

    private record TaskForm(String taskKey, TaskFormFields.Form form) {
    }
}
