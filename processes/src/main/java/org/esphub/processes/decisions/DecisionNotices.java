package org.esphub.processes.decisions;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.esphub.processes.ActivationCompliance;
import org.esphub.processes.BenefitAdjustment;
import org.esphub.processes.EmploymentSubsidy;
import org.esphub.processes.PesClientSaAccess;
import org.esphub.processes.ReferralToPes;
import org.esphub.processes.TrainingEnrolment;

/**
 * Every notice of an automated proposal, declared once: the notify task's two inputs that name the rule
 * and the approver, and per notice what was decided, which table's rule proposed it, who approved it and
 * how to appeal. The routes attach the explanation ({@code DecisionExplainer}), the models map the inputs
 * ({@code DecisionNoticesTest} checks every notify task of these outcomes does).
 */
public final class DecisionNotices {

    /** Input of the notify task: the id of the DMN rule that fired (or, for a single-output table, its output). */
    public static final String VAR_RULE_ID = "decisionRuleId";
    /** Input of the notify task: the user who approved the proposal. */
    public static final String VAR_APPROVED_BY = "decisionApprovedBy";

    private static final String SA_APPEAL = "appeal in writing to the Social Assistance Agency's appeals office, or"
            + " through your SA caseworker, before the deadline in this notice";

    public static final List<DecisionNotice> ALL = List.of(
            new DecisionNotice(ReferralToPes.OUTCOME_NOT_ELIGIBLE, "referral to the Public Employment Service",
                    "referral-eligibility", null, null,
                    "ask your SA caseworker to review the referral; a new referral is possible when your situation"
                            + " changes"),
            new DecisionNotice(BenefitAdjustment.OUTCOME_ADJUSTMENT_DECIDED, "benefit adjustment to your earnings",
                    "benefit-adjustment", null, "a Social Assistance caseworker", SA_APPEAL),
            new DecisionNotice(ActivationCompliance.OUTCOME_SANCTION_DECIDED, "sanction for unmet activation obligations",
                    "sanction-ladder", null, "a Social Assistance caseworker", SA_APPEAL),
            new DecisionNotice(EmploymentSubsidy.OUTCOME_SUBSIDY_APPROVED, "wage subsidy approved",
                    "subsidy-eligibility", null, "a subsidy officer",
                    "the employer may ask the subsidy administration to review the rate or the cap"),
            new DecisionNotice(EmploymentSubsidy.OUTCOME_SUBSIDY_REFUSED, "wage subsidy refused",
                    "subsidy-eligibility", null, "a subsidy officer",
                    "the employer may appeal to the subsidy administration before the deadline in this notice"),
            new DecisionNotice(EmploymentSubsidy.OUTCOME_CLAWBACK_DECIDED, "recovery of a paid wage subsidy", null,
                    "Employment Subsidy Act art. 12: when the employer does not keep the subsidised job, the months"
                            + " paid for the part of the minimum retention period not served are recovered",
                    "a subsidy officer",
                    "the employer may appeal to the subsidy administration before the deadline in this notice"),
            // PES clients' access to social assistance: the pre-eligibility rules propose, SA's caseworker decides;
            // PES passes the notice on to its client, so it carries the same explanation SA's own notices do
            new DecisionNotice(PesClientSaAccess.OUTCOME_GRANTED, "social assistance granted", "sa-pre-eligibility",
                    null, "a Social Assistance caseworker",
                    "nothing to do; if the amount or the start date seems wrong, " + SA_APPEAL),
            new DecisionNotice(PesClientSaAccess.OUTCOME_REFUSED, "social assistance refused", "sa-pre-eligibility",
                    null, "a Social Assistance caseworker", SA_APPEAL),
            // the attendance rules alone send the warning; a caseworker decides only what follows it
            new DecisionNotice(TrainingEnrolment.OUTCOME_ATTENDANCE_WARNING, "warning about low training attendance",
                    "training-attendance", null, null,
                    "if the attendance record is wrong, tell your PES caseworker or the training provider; a later"
                            + " decision to end the training can be appealed"));

    private static final Map<String, DecisionNotice> BY_OUTCOME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(DecisionNotice::outcome, Function.identity()));

    private DecisionNotices() {
    }

    public static Optional<DecisionNotice> of(Object outcome) {
        return outcome instanceof String code ? Optional.ofNullable(BY_OUTCOME.get(code)) : Optional.empty();
    }
}
