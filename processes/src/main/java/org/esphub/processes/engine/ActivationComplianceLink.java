package org.esphub.processes.engine;

import static org.esphub.processes.ActivationCompliance.*;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.esphub.processes.ActivationCompliance;

/**
 * Ties a referral to its compliance monitoring ({@code activation-compliance}), from the referral's
 * model: {@code action} {@code start} when the activation plan is agreed starts the monitoring under the
 * referral's business key with the referral's case label; {@code end} when the obligations end (the
 * referral ends, however it ends, or its placement is verified) tells the monitoring (message
 * ActivationObligationsEnded) if it is still running.
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
            case "start" -> {
                Map<String, Object> caseLabel = new HashMap<>();
                for (String name : new String[] {VAR_REFERENCE_ID, VAR_PERSON_ID, VAR_CORRELATION_ID, VAR_GIVEN_NAME,
                        VAR_FAMILY_NAME}) {
                    caseLabel.put(name, execution.getVariable(name));
                }
                runtime.startProcessInstanceByKey(ActivationCompliance.PROCESS_KEY, businessKey, caseLabel);
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
                    + " end), got " + what + " at " + execution.getCurrentActivityId());
        }
    }

    public void setAction(Expression action) {
        this.action = action;
    }
}
