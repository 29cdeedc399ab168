package org.esphub.hub.engine.forms;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;

/**
 * A person who starts a process that has a start form writes into it only the fields of that form, as a
 * caseworker completing a task writes only the task form's (ADR 0023): a subsidy officer's paper application
 * cannot carry, say, a percentile or a decision the flow would read. The hub's own starts (an API or queue
 * intake, a listener, a call activity) run without an engine login and are not held; nor are definitions
 * without a start form, which no person may start.
 *
 * <p>Runs in front of the command, like {@link SubmittedFieldsCheck}: submitting the start form with other
 * fields is answered 400 (as a form validation failure), starting the definition with them 403.
 */
final class StartFormFieldsCheck extends CommandInterceptor {

    private final ProcessEngineConfigurationImpl configuration;

    StartFormFieldsCheck(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
        StartFormWrite.of(command)
                .filter(write -> configuration.getIdentityService().getCurrentAuthentication() != null)
                .ifPresent(this::check);
        return next.execute(command);
    }

    private void check(StartFormWrite write) {
        Optional<TaskFormFields.Form> form = configuration.getCommandExecutorTxRequired().execute(commandContext -> {
            ProcessDefinitionEntity definition = definition(write, configuration.getDeploymentCache());
            // an unknown definition: the command itself reports it
            return definition == null ? Optional.<TaskFormFields.Form>empty()
                    : TaskFormFields.ofStart(definition, commandContext);
        });
        form.ifPresent(startForm -> {
            List<String> refused = write.sortedNames().stream().filter(name -> !startForm.fields().contains(name))
                    .toList();
            if (!refused.isEmpty()) {
                String message = "the start form '" + startForm.id() + "' accepts only its fields " + startForm.fields()
                        + "; refused: " + String.join(", ", refused);
                throw write.form() ? new FormFieldValidationException(refused, message)
                        : new AuthorizationException(message);
            }
        });
    }

    private static ProcessDefinitionEntity definition(StartFormWrite write, DeploymentCache cache) {
        try {
            return write.definitionId() != null ? cache.findDeployedProcessDefinitionById(write.definitionId())
                    : cache.findDeployedLatestProcessDefinitionByKey(write.definitionKey());
        } catch (org.camunda.bpm.engine.exception.NullValueException e) {
            return null;
        }
    }
}
