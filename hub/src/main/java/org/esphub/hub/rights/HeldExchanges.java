package org.esphub.hub.rights;

import java.util.List;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.esphub.governance.gate.RefusalReason;
import org.esphub.processes.SubjectAccessRequest;
import org.springframework.stereotype.Component;

/**
 * The steps a restriction of processing holds: external tasks of the person's running processes that
 * their worker failed with a {@link RefusalReason#RESTRICTED} reason, waiting for a retry later. Lifting
 * the restriction makes them due at once; the gate decides again, so one another restriction still
 * holds is held again.
 */
@Component
public class HeldExchanges {

    private final RuntimeService runtime;
    private final ExternalTaskService externalTasks;

    public HeldExchanges(RuntimeService runtime, ExternalTaskService externalTasks) {
        this.runtime = runtime;
        this.externalTasks = externalTasks;
    }

    public List<ExternalTask> of(String personId) {
        String[] instances = runtime.createProcessInstanceQuery()
                .variableValueEquals(SubjectAccessRequest.VAR_PERSON_ID, personId).active().list().stream()
                .map(ProcessInstance::getId).toArray(String[]::new);
        if (instances.length == 0) {
            return List.of();
        }
        return externalTasks.createExternalTaskQuery().processInstanceIdIn(instances).list().stream()
                .filter(task -> task.getErrorMessage() != null
                        && task.getErrorMessage().startsWith(RefusalReason.RESTRICTED.name()))
                .toList();
    }

    /** @return how many held steps were made due */
    public int resume(String personId) {
        List<ExternalTask> held = of(personId);
        held.forEach(task -> externalTasks.unlock(task.getId()));
        return held.size();
    }
}
