package org.esphub.hub.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.esphub.dci.FieldNames;
import org.esphub.processes.ActivationCompliance;
import org.esphub.processes.JobPlacement;
import org.esphub.processes.TrainingEnrolment;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Raises the training, placement and compliance webhook events ({@link LifecycleMilestones}) when their
 * steps end, from the engine's history events inside the engine's transaction: an event exists
 * exactly when its step committed. The data carries the step and, where the process has one,
 * its outcome so far.
 */
@Component
public class LifecycleWebhooks {

    private static final String[] OUTCOME_VARIABLES = {
            TrainingEnrolment.VAR_TRAINING_OUTCOME, TrainingEnrolment.VAR_PROGRAMME_ID,
            JobPlacement.VAR_PLACEMENT_OUTCOME, JobPlacement.VAR_EMPLOYER_ID, ActivationCompliance.VAR_SANCTION_TYPE};

    private final ReferralWebhooks webhooks;

    public LifecycleWebhooks(ReferralWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @EventListener
    public void onActivityEnd(HistoricActivityInstanceEventEntity event) {
        if (!HistoryEventTypes.ACTIVITY_INSTANCE_END.getEventName().equals(event.getEventType())) {
            return;
        }
        String eventType = LifecycleMilestones.eventAt(event.getProcessDefinitionKey(), event.getActivityId());
        if (eventType == null) {
            return;
        }
        // read from the command's own execution: RuntimeService would check the caller's authorizations
        ExecutionEntity instance = Context.getCommandContext().getExecutionManager()
                .findExecutionById(event.getProcessInstanceId());
        if (instance == null || instance.getBusinessKey() == null) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("process", event.getProcessDefinitionKey());
        data.put("step", event.getActivityId());
        for (String name : OUTCOME_VARIABLES) {
            Object value = instance.getVariable(name);
            if (value != null) {
                data.put(FieldNames.snakeCase(name), String.valueOf(value));
            }
        }
        webhooks.aboutReferral(instance.getBusinessKey(), eventType, data);
    }
}
