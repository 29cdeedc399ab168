package org.esphub.hub.webhooks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.esphub.dci.FieldNames;
import org.esphub.hub.agencies.AgencySenders;
import org.esphub.processes.EmploymentSubsidy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A wage subsidy's milestones ({@link LifecycleMilestones}) as webhook events: to the subscriptions of the
 * employer the application names (its sender, {@code esp.agencies.partners}), and of SA for the payments its
 * treasury makes. A subsidy has no referral record: the case itself says whom it concerns. The data is the
 * case's state after the step; the gate lets only the agreement's fields of {@code webhook.subsidy_*} leave,
 * never the percentile (the case holds it, the agreement does not list it).
 */
@Component
class SubsidyWebhooks {

    /**
     * What the subscriber may follow, as the step left it: decision, outcome, the month, a payment's type and
     * amount, the clawback, a recovery and the appeal behind it. Read from the step's own execution, whose inputs
     * hold its amounts: the step's outputs reach the case only after the step's end is recorded, so running
     * totals (months paid, paid so far) would lag one step and are not sent.
     */
    private static final String[] STATE = {EmploymentSubsidy.VAR_PROGRAMME_CODE, EmploymentSubsidy.VAR_SUBSIDY_DECISION,
            EmploymentSubsidy.VAR_SUBSIDY_OUTCOME, EmploymentSubsidy.VAR_SUBSIDY_MONTH, EmploymentSubsidy.INPUT_PAYMENT_TYPE,
            EmploymentSubsidy.INPUT_AMOUNT, EmploymentSubsidy.VAR_CLAWBACK_AMOUNT, EmploymentSubsidy.INPUT_RECOVERY_AMOUNT,
            EmploymentSubsidy.INPUT_APPEAL_OUTCOME};
    /** The field of a retention check's answer: was the worker still employed by this employer? */
    static final String RETAINED = "retained";
    /**
     * SA hears of the steps its treasury acts on and that name the worker as its instructions do; a recovery
     * names no worker, so SA learns of it from the instruction alone.
     */
    static final Set<String> TREASURY_STEPS = Set.of(EmploymentSubsidy.INSTRUCT_PAYMENT,
            EmploymentSubsidy.PAY_RETENTION_BONUS);

    private final ReferralWebhooks webhooks;
    private final AgencySenders agencies;
    private final String saSenderId;

    SubsidyWebhooks(ReferralWebhooks webhooks, AgencySenders agencies, @Value("${esp.sa.receiver-id}") String saSenderId) {
        this.webhooks = webhooks;
        this.agencies = agencies;
        this.saSenderId = saSenderId;
    }

    /**
     * Called in the engine's transaction, when the step ended.
     *
     * @param instance the subsidy's process instance
     * @param stepExecution the execution that ran the step (its inputs first, then the case's variables)
     */
    void raise(ExecutionEntity instance, ExecutionEntity stepExecution, String step, String eventType) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("reference_id", instance.getBusinessKey());
        data.put("person_id", instance.getVariable(EmploymentSubsidy.VAR_PERSON_ID));
        data.put("employer_id", instance.getVariable(EmploymentSubsidy.VAR_EMPLOYER_ID));
        data.put("correlation_id", instance.getVariable(EmploymentSubsidy.VAR_CORRELATION_ID));
        data.put("process", EmploymentSubsidy.PROCESS_KEY);
        data.put("step", step);
        for (String name : STATE) {
            Object value = stepExecution.getVariable(name);
            if (value != null) {
                data.put(FieldNames.snakeCase(name), value);
            }
        }
        if (EmploymentSubsidy.CHECK_RETENTION.equals(step)) {
            data.put(RETAINED, Boolean.TRUE.equals(stepExecution.getVariable(EmploymentSubsidy.VAR_INSURED_EMPLOYMENT_FOUND)));
        }
        Object employerId = data.get("employer_id");
        if (employerId != null) {
            agencies.senderForPartner(employerId.toString())
                    .ifPresent(sender -> webhooks.aboutRequestOf(sender, eventType, data));
        }
        if (TREASURY_STEPS.contains(step)) {
            webhooks.aboutRequestOf(saSenderId, eventType, data);
        }
    }
}
