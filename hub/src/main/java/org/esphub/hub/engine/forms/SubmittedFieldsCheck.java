package org.esphub.hub.engine.forms;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * A caseworker writes into a process only the fields of the task's form: completing a user task,
 * submitting its form, raising an error or escalation from it or setting its (non-local) variables
 * with any other name is refused before anything changes, whatever the path (engine REST,
 * Tasklist, the Java API). The form is the task's output contract: its keys are the only variables
 * the task may set (ADR 0023).
 *
 * <p>Runs inside the command context, before the command itself. Camunda's REST API answers the
 * refusal with 400 and the message, which names the refused fields (except on PATCH and DELETE of
 * task variables, which it answers with 500 for any engine refusal; nothing changes either way).
 */
final class SubmittedFieldsCheck extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        TaskVariableWrite.of(command).ifPresent(write -> check(write, Context.getCommandContext()));
        return next.execute(command);
    }

    private static void check(TaskVariableWrite write, CommandContext commandContext) {
        TaskEntity task = commandContext.getTaskManager().findTaskById(write.taskId());
        if (task == null || task.getProcessInstanceId() == null) {
            return; // unknown task: the command reports it; a standalone task has no process to write into
        }
        TaskFormFields.Form form = TaskFormFields.of(task, commandContext);
        List<String> refused = write.sortedNames().stream().filter(name -> !form.fields().contains(name)).toList();
        if (!refused.isEmpty()) {
            String message = "task '" + task.getTaskDefinitionKey() + "' accepts only the fields of its form '"
                    + form.id() + "' " + form.fields() + "; refused: " + String.join(", ", refused);
            // the types Camunda's REST API answers with 400 on each path
            throw write.completion() ? new FormFieldValidationException(refused, message)
                    : new BadUserRequestException(message);
        }
    }
}
