package org.esphub.processes.engine;

import static org.esphub.processes.ActivationCompliance.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Execution;
import org.esphub.processes.ActivationCompliance;
import org.esphub.processes.TrainingEnrolment;

/**
 * Ties a referral to its compliance monitoring ({@code activation-compliance}), from the referral's
 * model: {@code action} {@code start} when the activation plan is agreed starts the monitoring under the
 * referral's business key with the referral's case label; {@code end} when the obligations end (the
 * referral ends, however it ends, or its placement is verified) tells the monitoring (message
 * ActivationObligationsEnded) if it is still running.
 *
 * <p>{@code trainingAttendance}, on the attendance assessment of a {@code training-enrolment} under the same
 * business key, hands the assessed report to the monitoring as evidence (message ComplianceEvidence):
 * attendance on track is {@code TRAINING_ATTENDED}, below the minimum {@code TRAINING_MISSED}. A training
 * outside a monitored referral has no monitoring to tell, and nothing happens.
 *
 * <p>{@code startAgain}, when the referral's placement fails after it was verified (the verified job had
 * ended the obligations), starts the monitoring again unless one is running.
 *
 * <p>A listener rather than a call activity: the monitoring must block nothing of the referral, and it
 * must learn of the referral's end even when the referral is cancelled, so that a sanction still
 * running is lifted at SA (a cancelled call activity would just vanish).
 */
public class ActivationComplianceLink implements ExecutionListener {

    private Expression action;

    @Override
    public void notify(DelegateExecution execution) {
        String what = action == null ? null : String.valueOf(action.getValue(execution));
        RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
        String businessKey = execution.getProcessBusinessKey();
        switch (String.valueOf(what)) {
            case "start" -> start(execution, runtime, businessKey, null);
            case "startAgain" -> {
                if (running(runtime, businessKey) == null) {
                    start(execution, runtime, businessKey, previousSanctionHistory(execution, businessKey));
                }
            }
            case "trainingAttendance" -> {
                Execution monitoring = running(runtime, businessKey);
                if (monitoring != null) {
                    boolean onTrack = TrainingEnrolment.ATTENDANCE_ON_TRACK_CODE.equals(
                            execution.getVariable(TrainingEnrolment.VAR_ATTENDANCE_ACTION));
                    runtime.createMessageCorrelation(MESSAGE_EVIDENCE)
                            .processInstanceId(monitoring.getProcessInstanceId())
                            .setVariable(VAR_EVIDENCE_TYPE, onTrack ? EVIDENCE_TRAINING_ATTENDED : EVIDENCE_TRAINING_MISSED)
                            .correlateWithResult();
                }
            }
            case "end" -> {
                boolean monitored = runtime.createExecutionQuery().processInstanceBusinessKey(businessKey)
                        .messageEventSubscriptionName(MESSAGE_OBLIGATIONS_ENDED).count() > 0;
                if (monitored) {
                    runtime.createMessageCorrelation(MESSAGE_OBLIGATIONS_ENDED).processInstanceBusinessKey(businessKey)
                            .correlateWithResult();
                }
            }
            default -> throw new IllegalStateException("ActivationComplianceLink needs the field 'action' (start,"
                    + " startAgain, trainingAttendance, end), got " + what + " at " + execution.getCurrentActivityId());
        }
    }

    /** Starts the monitoring under the referral's business key with the referral's case label. */
    private static void start(DelegateExecution execution, RuntimeService runtime, String businessKey,
            String sanctionHistory) {
        Map<String, Object> caseLabel = new HashMap<>();
        for (String name : new String[] {VAR_REFERENCE_ID, VAR_PERSON_ID, VAR_CORRELATION_ID, VAR_GIVEN_NAME,
                VAR_FAMILY_NAME}) {
            caseLabel.put(name, execution.getVariable(name));
        }
        if (sanctionHistory != null) {
            caseLabel.put(VAR_SANCTION_HISTORY, sanctionHistory);
        }
        runtime.startProcessInstanceByKey(ActivationCompliance.PROCESS_KEY, businessKey, caseLabel);
    }

    /**
     * The steps that stood in the referral's last monitoring: the ladder's rolling window looks back
     * across a job that ended, not only at the new monitoring.
     */
    private static String previousSanctionHistory(DelegateExecution execution, String businessKey) {
        HistoryService history = execution.getProcessEngineServices().getHistoryService();
        List<HistoricProcessInstance> last = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ActivationCompliance.PROCESS_KEY).processInstanceBusinessKey(businessKey)
                .finished().orderByProcessInstanceEndTime().desc().listPage(0, 1);
        if (last.isEmpty()) {
            return null;
        }
        HistoricVariableInstance steps = history.createHistoricVariableInstanceQuery()
                .processInstanceId(last.get(0).getId()).variableName(VAR_SANCTION_HISTORY).singleResult();
        return steps == null || steps.getValue() == null ? null : String.valueOf(steps.getValue());
    }

    /** The running monitoring of the business key (the instance that takes evidence), or null. */
    private static Execution running(RuntimeService runtime, String businessKey) {
        return runtime.createExecutionQuery().processDefinitionKey(ActivationCompliance.PROCESS_KEY)
                .processInstanceBusinessKey(businessKey).messageEventSubscriptionName(MESSAGE_EVIDENCE).singleResult();
    }

    public void setAction(Expression action) {
        this.action = action;
    }
}
