package org.esphub.hub.engine;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code esp.lifecycle}: the deadlines and policy numbers of the lifecycle processes that are
 * not thresholds of a decision table (those live in the DMN files). Bound once and handed to the
 * models as the settings beans they name.
 */
@Validated
@ConfigurationProperties("esp.lifecycle")
public record LifecycleProperties(
        @NotNull @Valid TrainingEnrolment trainingEnrolment,
        @NotNull @Valid JobPlacement jobPlacement,
        @NotNull @Valid BenefitAdjustment benefitAdjustment,
        @NotNull @Valid Appeal appeal,
        @NotNull @Valid ActivationCompliance activationCompliance,
        @NotNull @Valid EmploymentSubsidy employmentSubsidy,
        @NotNull @Valid YouthTransition youthTransition) {

    /** @param slotHoldWorkingDays how long the provider holds a place while SA decides the training benefit */
    public record TrainingEnrolment(@Positive int slotHoldWorkingDays) {
    }

    /**
     * @param employerDecisionWorkingDays how long an employer has to answer a proposal
     * @param verificationDays            days after the start date by which the placement must be confirmed
     *                                    and on the insurance record
     * @param verificationRecheckInterval wait between two looks at the insurance record
     * @param retentionCheckpointDays     days after the start date at which employment is checked again
     * @param minimumMonthlyWage          national minimum monthly wage, an input of placement suitability
     */
    public record JobPlacement(
            @Positive int employerDecisionWorkingDays,
            @PositiveOrZero int verificationDays,
            @NotNull Duration verificationRecheckInterval,
            @NotEmpty List<Integer> retentionCheckpointDays,
            @NotNull @PositiveOrZero Double minimumMonthlyWage) {
    }

    /** @param appealWindow how long the beneficiary may appeal after the notice */
    public record BenefitAdjustment(@NotNull Duration appealWindow) {
    }

    /**
     * @param decisionDeadline statutory time to decide an appeal, from its receipt
     * @param escalationAfter  when supervisors are alerted, from receipt; shorter than the deadline
     */
    public record Appeal(@NotNull Duration decisionDeadline, @NotNull Duration escalationAfter) {
    }

    /**
     * activation-compliance (UC3): see {@link org.esphub.processes.ActivationComplianceSettings}.
     *
     * @param monitoringPeriod             length of a monitoring period, ended by a periodic review
     * @param reasonsPeriod                time the person has to give reasons before good cause is decided
     * @param appealWindow                 how long a sanction may be appealed; applied only after it
     * @param historyWindow                rolling window of sanction history the ladder looks at
     * @param reductionDuration            how long a benefit reduction lasts
     * @param suspensionDuration           how long a benefit suspension lasts
     * @param minimumApplicationsPerPeriod job applications expected per period when SA's request names none
     */
    public record ActivationCompliance(@NotNull Duration monitoringPeriod, @NotNull Duration reasonsPeriod,
            @NotNull Duration appealWindow, @NotNull Duration historyWindow, @NotNull Duration reductionDuration,
            @NotNull Duration suspensionDuration, @PositiveOrZero int minimumApplicationsPerPeriod) {
    }

    /**
     * employment-subsidy (UC4): see {@link org.esphub.processes.EmploymentSubsidySettings}.
     *
     * @param registrationPeriod   how long the employer has, from the approval, to register the worker
     * @param reportingPeriod      one subsidy month: time between two compliance reports and payments
     * @param appealWindow         how long a refusal or a clawback may be appealed
     * @param retentionCheckMonths after how many paid months retention is checked; the last ends the subsidy
     * @param retentionBonus       paid to an employer who kept the worker to the last check
     */
    public record EmploymentSubsidy(@NotNull Duration registrationPeriod, @NotNull Duration reportingPeriod,
            @NotNull Duration appealWindow, @NotEmpty List<Integer> retentionCheckMonths,
            @PositiveOrZero long retentionBonus) {
    }

    /**
     * youth-transition (PRS.EMPL.07): see {@link org.esphub.processes.YouthTransitionSettings}.
     *
     * @param minimumAge           the youngest SA may refer (years, on the day of the referral)
     * @param maximumAge           the oldest (inclusive)
     * @param contactAttemptPeriod how long PES has for one contact attempt
     * @param maxContactAttempts   failed attempts after which an SA caseworker reaches out through the family
     * @param firstOutcomeAfter    from the pathway to the first outcome reported to SA
     * @param secondOutcomeAfter   from the pathway to the second, last one
     */
    public record YouthTransition(@PositiveOrZero int minimumAge, @Positive int maximumAge,
            @NotNull Duration contactAttemptPeriod, @Positive int maxContactAttempts, @NotNull Period firstOutcomeAfter,
            @NotNull Period secondOutcomeAfter) {
    }
}
