package org.esphub.hub.outcomes;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.esphub.hub.intake.IntakeLedger;
import org.esphub.hub.webhooks.ReferralWebhooks;
import org.esphub.processes.ReferralToPes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reports each referral item's outcome to its sender, by webhook ({@code referral_updated}) and
 * by DCI callback to {@code sender_uri}: refused at intake, registered at PES, or refused by the
 * process (not eligible, registration rejected); the end of the process is reported as
 * {@code referral_updated} too. Also frees the person for a new referral when the process ends.
 *
 * <p>Engine outcomes come from the engine's history events, which the Camunda Spring Boot starter
 * publishes as Spring events inside the engine's transaction: what this writes commits exactly
 * when the step it reports does.
 */
@Component
public class ReferralOutcomes {

    private static final Logger LOG = LoggerFactory.getLogger(ReferralOutcomes.class);
    /** The steps of referral-to-pes that decide what becomes of the item. */
    private static final Set<String> DECIDING_STEPS = Set.of(ReferralToPes.REGISTRATION_CONFIRMED,
            ReferralToPes.NOT_ELIGIBLE, ReferralToPes.REGISTRATION_REJECTED_END);

    private final IntakeLedger ledger;
    private final ReferralWebhooks webhooks;
    private final ReferralCallbacks callbacks;
    private final JdbcTemplate jdbc;

    public ReferralOutcomes(IntakeLedger ledger, ReferralWebhooks webhooks, ReferralCallbacks callbacks,
            JdbcTemplate jdbc) {
        this.ledger = ledger;
        this.webhooks = webhooks;
        this.callbacks = callbacks;
        this.jdbc = jdbc;
    }

    /** Called by the intake, in its transaction, for an item it refused. */
    public void rejectedAtIntake(String referenceId, String personId, String senderId, String reasonCode,
            String reason) {
        webhooks.updated(referenceId, personId, senderId, "REJECTED", reasonCode, reason);
        callbacks.queue(ItemOutcome.rejected(referenceId, reasonCode, reason, "RejectedAtIntake"));
    }

    /**
     * The steps that decide an item's outcome: registration confirmed, or an end that refuses the
     * referral. Handled when the activity ends, while the process's variables still exist.
     */
    @EventListener
    public void onActivityEnd(HistoricActivityInstanceEventEntity event) {
        if (!ReferralToPes.PROCESS_KEY.equals(event.getProcessDefinitionKey())
                || !HistoryEventTypes.ACTIVITY_INSTANCE_END.getEventName().equals(event.getEventType())) {
            return;
        }
        if (!DECIDING_STEPS.contains(event.getActivityId())) {
            return;
        }
        Map<String, Object> referral = referralOf(event.getProcessInstanceId());
        if (referral == null) {
            // only instances the intake started have a sender to tell
            LOG.warn("Referral instance {} reached {} but the hub has no record of it; no outcome is reported",
                    event.getProcessInstanceId(), event.getActivityId());
            return;
        }
        ItemOutcome outcome = outcomeAt(event.getActivityId(), (String) referral.get("reference_id"),
                event.getProcessInstanceId());
        if (ItemOutcome.SUCCEEDED.equals(outcome.status())) {
            // a refusal ends the process: its referral_updated comes with the end, below
            webhooks.updated(outcome.referenceId(), (String) referral.get("person_id"),
                    (String) referral.get("sender_id"), "ACTIVE", event.getActivityId(), null);
        }
        callbacks.queue(outcome);
    }

    /** The end of the referral's process: reported, and the person may be referred again. */
    @EventListener
    public void onProcessEnd(HistoricProcessInstanceEventEntity event) {
        if (!ReferralToPes.PROCESS_KEY.equals(event.getProcessDefinitionKey()) || event.getEndTime() == null
                || !HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(event.getEventType())) {
            return;
        }
        ledger.closeActiveReferral(event.getBusinessKey());
        Map<String, Object> referral = referralOf(event.getProcessInstanceId());
        if (referral != null) {
            webhooks.updated(event.getBusinessKey(), (String) referral.get("person_id"),
                    (String) referral.get("sender_id"), event.getState(), event.getEndActivityId(), null);
        }
    }

    /** The item outcome decided at one of the {@link #DECIDING_STEPS}. */
    private static ItemOutcome outcomeAt(String activityId, String referenceId, String processInstanceId) {
        if (ReferralToPes.REGISTRATION_CONFIRMED.equals(activityId)) {
            return ItemOutcome.registered(referenceId, variable(processInstanceId, ReferralToPes.VAR_PES_CASE_NUMBER));
        }
        if (ReferralToPes.NOT_ELIGIBLE.equals(activityId)) {
            return ItemOutcome.rejected(referenceId, ItemOutcome.NOT_ELIGIBLE,
                    variable(processInstanceId, ReferralToPes.VAR_ELIGIBILITY_DECISION), activityId);
        }
        if (ReferralToPes.REGISTRATION_REJECTED_END.equals(activityId)) {
            return ItemOutcome.rejected(referenceId, ItemOutcome.REGISTRATION_REJECTED,
                    variable(processInstanceId, ReferralToPes.VAR_REGISTRATION_REJECTION_REASON), activityId);
        }
        throw new IllegalArgumentException(activityId + " decides no item outcome");
    }

    private Map<String, Object> referralOf(String processInstanceId) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT reference_id, person_id, sender_id FROM esp_referral WHERE process_instance_id = ?",
                processInstanceId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /**
     * A variable of the instance as the running command sees it. Read from the command's own
     * execution, not through RuntimeService, whose authorization check would refuse the
     * caseworker or worker whose action ended the step.
     */
    private static String variable(String processInstanceId, String name) {
        ExecutionEntity instance = Context.getCommandContext().getExecutionManager().findExecutionById(processInstanceId);
        Object value = instance == null ? null : instance.getVariable(name);
        return value == null ? null : String.valueOf(value);
    }
}
