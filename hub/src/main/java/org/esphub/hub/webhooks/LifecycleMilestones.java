package org.esphub.hub.webhooks;

import java.util.Map;
import org.esphub.processes.ActivationCompliance;
import org.esphub.processes.EmploymentSubsidy;
import org.esphub.processes.JobPlacement;
import org.esphub.processes.PesClientSaAccess;
import org.esphub.processes.ReturnToWork;
import org.esphub.processes.TrainingEnrolment;
import org.esphub.processes.YouthTransition;

/**
 * Which step of which lifecycle process raises which webhook event: one table, so adding an
 * event is adding a row. A step counts when it ends.
 */
final class LifecycleMilestones {

    /** process key → (activity id → event type) */
    static final Map<String, Map<String, String>> EVENTS = Map.of(
            TrainingEnrolment.PROCESS_KEY, Map.of(
                    TrainingEnrolment.CONFIRM_ENROLMENT, WebhookEvents.BENEFIT_ENROLLED,
                    TrainingEnrolment.NOTIFY_SA_ATTENDANCE_WARNING, WebhookEvents.COMPLIANCE_ALERT,
                    TrainingEnrolment.TRAINING_COMPLETED_END, WebhookEvents.BENEFIT_COMPLETED,
                    TrainingEnrolment.DROPPED_OUT, WebhookEvents.BENEFIT_COMPLETED),
            JobPlacement.PROCESS_KEY, Map.of(
                    JobPlacement.PLACEMENT_VERIFIED, WebhookEvents.PLACEMENT_CREATED,
                    JobPlacement.CHECKPOINT_PASSED, WebhookEvents.PLACEMENT_UPDATED,
                    JobPlacement.EMPLOYMENT_ENDED, WebhookEvents.PLACEMENT_UPDATED,
                    JobPlacement.RETENTION_CHECK_FAILED, WebhookEvents.PLACEMENT_UPDATED),
            // each step of a compliance episode SA hears of: reasons asked, good cause, warning,
            // a sanction rejected or decided, applied, ended
            ActivationCompliance.PROCESS_KEY, Map.of(
                    ActivationCompliance.ASK_FOR_REASONS, WebhookEvents.COMPLIANCE_ALERT,
                    ActivationCompliance.NOTIFY_GOOD_CAUSE, WebhookEvents.COMPLIANCE_ALERT,
                    ActivationCompliance.NOTIFY_WARNING, WebhookEvents.COMPLIANCE_ALERT,
                    ActivationCompliance.NOTIFY_SANCTION_REJECTED, WebhookEvents.COMPLIANCE_ALERT,
                    ActivationCompliance.NOTIFY_SANCTION_DECIDED, WebhookEvents.COMPLIANCE_ALERT,
                    ActivationCompliance.APPLY_SANCTION, WebhookEvents.COMPLIANCE_ALERT,
                    ActivationCompliance.NOTIFY_SANCTION_ENDED, WebhookEvents.COMPLIANCE_ALERT,
                    ActivationCompliance.NOTIFY_SANCTION_ENDED_WITH_REFERRAL, WebhookEvents.COMPLIANCE_ALERT),
            // a PES client's referral to SA, to PES's subscriptions: taken in, decided (and decided again
            // on appeal), not passed on for want of consent, closed
            PesClientSaAccess.PROCESS_KEY, Map.of(
                    PesClientSaAccess.ACCESS_STARTED, WebhookEvents.REFERRAL_CREATED,
                    PesClientSaAccess.NOTIFY_PES_OF_DECISION, WebhookEvents.REFERRAL_UPDATED,
                    PesClientSaAccess.NOTIFY_PES_ACCESS_REFUSED, WebhookEvents.REFERRAL_UPDATED,
                    PesClientSaAccess.REFUSAL_STANDS, WebhookEvents.REFERRAL_UPDATED,
                    PesClientSaAccess.REFUSAL_UPHELD, WebhookEvents.REFERRAL_UPDATED,
                    PesClientSaAccess.ASSISTANCE_ENDED, WebhookEvents.REFERRAL_UPDATED),
            // a young person SA referred, to SA's subscriptions: taken on, not taken on (age band, consent),
            // the pathway, each checkpoint's status, not reached, followed up
            YouthTransition.PROCESS_KEY, Map.of(
                    YouthTransition.TRANSITION_STARTED, WebhookEvents.REFERRAL_CREATED,
                    YouthTransition.OUTSIDE_AGE_BAND, WebhookEvents.REFERRAL_UPDATED,
                    YouthTransition.NOTIFY_SA_EXCHANGE_REFUSED, WebhookEvents.REFERRAL_UPDATED,
                    YouthTransition.NOTIFY_SA_OF_PATHWAY, WebhookEvents.REFERRAL_UPDATED,
                    YouthTransition.REPORT_FIRST_OUTCOME, WebhookEvents.REFERRAL_UPDATED,
                    YouthTransition.REPORT_SECOND_OUTCOME, WebhookEvents.REFERRAL_UPDATED,
                    YouthTransition.NOT_REACHED, WebhookEvents.REFERRAL_UPDATED,
                    YouthTransition.FOLLOWED_UP, WebhookEvents.REFERRAL_UPDATED),
            // a return to work, to SA's subscriptions: taken in, not passed on for want of consent, ended
            ReturnToWork.PROCESS_KEY, Map.of(
                    ReturnToWork.RETURN_STARTED, WebhookEvents.REFERRAL_CREATED,
                    ReturnToWork.NOTIFY_SA_RETURN_REFUSED, WebhookEvents.REFERRAL_UPDATED,
                    ReturnToWork.NOTIFY_SA_OF_OUTCOME, WebhookEvents.REFERRAL_UPDATED),
            // a wage subsidy, to the employer's subscriptions (and SA's for the payments it makes): taken in,
            // decided, registration missed, each payment, suspended and resumed, each retention check, the bonus,
            // the clawback and its recovery, the end
            EmploymentSubsidy.PROCESS_KEY, Map.ofEntries(
                    Map.entry(EmploymentSubsidy.SUBSIDY_APPLIED, WebhookEvents.SUBSIDY_CREATED),
                    Map.entry(EmploymentSubsidy.NOTIFY_APPROVAL, WebhookEvents.SUBSIDY_UPDATED),
                    Map.entry(EmploymentSubsidy.NOTIFY_REFUSAL, WebhookEvents.SUBSIDY_UPDATED),
                    Map.entry(EmploymentSubsidy.NOTIFY_PAYMENTS_NOT_STARTED, WebhookEvents.SUBSIDY_UPDATED),
                    Map.entry(EmploymentSubsidy.INSTRUCT_PAYMENT, WebhookEvents.SUBSIDY_UPDATED),
                    Map.entry(EmploymentSubsidy.NOTIFY_PAYMENTS_SUSPENDED, WebhookEvents.SUBSIDY_UPDATED),
                    Map.entry(EmploymentSubsidy.NOTIFY_PAYMENTS_RESUMED, WebhookEvents.SUBSIDY_UPDATED),
                    Map.entry(EmploymentSubsidy.CHECK_RETENTION, WebhookEvents.SUBSIDY_UPDATED),
                    Map.entry(EmploymentSubsidy.PAY_RETENTION_BONUS, WebhookEvents.SUBSIDY_UPDATED),
                    Map.entry(EmploymentSubsidy.NOTIFY_CLAWBACK, WebhookEvents.SUBSIDY_UPDATED),
                    Map.entry(EmploymentSubsidy.INSTRUCT_RECOVERY, WebhookEvents.SUBSIDY_UPDATED),
                    Map.entry(EmploymentSubsidy.INSTRUCT_AMENDED_RECOVERY, WebhookEvents.SUBSIDY_UPDATED),
                    Map.entry(EmploymentSubsidy.CLAWBACK_OVERTURNED, WebhookEvents.SUBSIDY_UPDATED),
                    Map.entry(EmploymentSubsidy.SUBSIDY_COMPLETED, WebhookEvents.SUBSIDY_UPDATED)));

    private LifecycleMilestones() {
    }

    /** The event the step raises, or null. */
    static String eventAt(String processKey, String activityId) {
        Map<String, String> steps = EVENTS.get(processKey);
        return steps == null ? null : steps.get(activityId);
    }
}
