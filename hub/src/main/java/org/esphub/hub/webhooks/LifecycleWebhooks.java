package org.esphub.hub.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.esphub.dci.FieldNames;
import org.esphub.processes.ActivationCompliance;
import org.esphub.processes.EmploymentSubsidy;
import org.esphub.processes.JobPlacement;
import org.esphub.processes.PesClientSaAccess;
import org.esphub.processes.ReturnToWork;
import org.esphub.processes.TrainingEnrolment;
import org.esphub.processes.YouthTransition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Raises the training, placement, compliance, PES-to-SA referral, youth-transition, return-to-work and
 * subsidy webhook events ({@link LifecycleMilestones}) when their
 * steps end, from the engine's history events inside the engine's transaction: an event exists
 * exactly when its step committed. The data carries the step and, where the process has one,
 * its outcome so far.
 */
@Component
public class LifecycleWebhooks {

    private static final String[] OUTCOME_VARIABLES = {
            TrainingEnrolment.VAR_TRAINING_OUTCOME, TrainingEnrolment.VAR_PROGRAMME_ID,
            JobPlacement.VAR_PLACEMENT_OUTCOME, JobPlacement.VAR_EMPLOYER_ID, ActivationCompliance.VAR_SANCTION_TYPE};

    /** The outcome of a case started in the engine (a PES client's referral to SA, a youth referral, a return
     * to work) before it has one. */
    static final String RECEIVED = "RECEIVED";

    private final ReferralWebhooks webhooks;
    private final SubsidyWebhooks subsidies;
    private final String pesSenderId;
    private final String saSenderId;

    public LifecycleWebhooks(ReferralWebhooks webhooks, SubsidyWebhooks subsidies,
            @Value("${esp.pes.receiver-id}") String pesSenderId, @Value("${esp.sa.receiver-id}") String saSenderId) {
        this.webhooks = webhooks;
        this.subsidies = subsidies;
        this.pesSenderId = pesSenderId;
        this.saSenderId = saSenderId;
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
        if (PesClientSaAccess.PROCESS_KEY.equals(event.getProcessDefinitionKey())) {
            aboutPesReferralToSa(instance, eventType, data);
            return;
        }
        if (YouthTransition.PROCESS_KEY.equals(event.getProcessDefinitionKey())) {
            aboutYouthReferral(instance, eventType, data);
            return;
        }
        if (ReturnToWork.PROCESS_KEY.equals(event.getProcessDefinitionKey())) {
            Object outcome = instance.getVariable(ReturnToWork.VAR_RETURN_OUTCOME);
            aboutCaseOf(saSenderId, instance, eventType, data, outcome);
            return;
        }
        if (EmploymentSubsidy.PROCESS_KEY.equals(event.getProcessDefinitionKey())) {
            ExecutionEntity step = Context.getCommandContext().getExecutionManager().findExecutionById(event.getExecutionId());
            subsidies.raise(instance, step == null ? instance : step, event.getActivityId(), eventType);
            return;
        }
        webhooks.aboutReferral(instance.getBusinessKey(), eventType, data);
    }

    /**
     * A PES client's referral to SA has no SA referral record: PES, which referred, hears of it, with the
     * case's outcome so far (the decision, or how the case ended), never SA's figures.
     */
    private void aboutPesReferralToSa(ExecutionEntity instance, String eventType, Map<String, Object> data) {
        Object outcome = instance.getVariable(PesClientSaAccess.VAR_ACCESS_OUTCOME);
        if (outcome == null) {
            outcome = instance.getVariable(PesClientSaAccess.VAR_SA_DECISION);
        }
        aboutCaseOf(pesSenderId, instance, eventType, data, outcome);
    }

    /**
     * A case started straight in the engine has no referral record: the agency that started it hears of
     * it, with the outcome so far ({@link #RECEIVED} until there is one). For a return to work that is
     * SA, which learns the outcome, never the capacity or the restrictions.
     */
    private void aboutCaseOf(String senderId, ExecutionEntity instance, String eventType, Map<String, Object> data,
            Object outcome) {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("reference_id", instance.getBusinessKey());
        about.put("person_id", instance.getVariable(PesClientSaAccess.VAR_PERSON_ID));
        about.putAll(data);
        about.put("outcome", outcome == null ? RECEIVED : String.valueOf(outcome));
        webhooks.aboutRequestOf(senderId, eventType, about);
    }

    /**
     * A young person SA referred has no SA referral record either: SA, which referred, hears of the case with
     * its outcome so far: how it ended, else the latest status reported, else the pathway.
     */
    private void aboutYouthReferral(ExecutionEntity instance, String eventType, Map<String, Object> data) {
        Object outcome = null;
        for (String name : new String[] {YouthTransition.VAR_PATHWAY, YouthTransition.VAR_FIRST_YOUTH_STATUS,
                YouthTransition.VAR_SECOND_YOUTH_STATUS, YouthTransition.VAR_CASE_OUTCOME}) {
            Object value = instance.getVariable(name);
            if (value != null) {
                outcome = value;
            }
        }
        aboutCaseOf(saSenderId, instance, eventType, data, outcome);
    }
}
