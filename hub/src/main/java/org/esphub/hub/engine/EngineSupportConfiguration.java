package org.esphub.hub.engine;

import java.time.Clock;
import org.esphub.processes.AppealSettings;
import org.esphub.processes.ActivationComplianceSettings;
import org.esphub.processes.EmploymentSubsidySettings;
import org.esphub.processes.YouthTransitionSettings;
import org.esphub.processes.BenefitAdjustmentSettings;
import org.esphub.processes.CatalogueChoice;
import org.esphub.processes.JobPlacementSettings;
import org.esphub.processes.TrainingEnrolmentSettings;
import org.esphub.processes.WorkingCalendar;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Beans the process models call by name in expressions, configured from {@code esp.calendar} and
 * {@code esp.lifecycle}. A bean name is part of a model's contract: its constants class names it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LifecycleProperties.class)
public class EngineSupportConfiguration {

    /** {@code ${workingCalendar.addWorkingDays(...)}} in the models: deadlines in working days. */
    @Bean
    WorkingCalendar workingCalendar(CalendarProperties calendar) {
        return new WorkingCalendar(calendar.publicHolidays(), calendar.zone());
    }

    /** {@code ${catalogueChoice.text(execution, ...)}} in the models: the entry a form's select chose. */
    @Bean
    CatalogueChoice catalogueChoice() {
        return new CatalogueChoice();
    }

    @Bean
    TrainingEnrolmentSettings trainingEnrolmentSettings(LifecycleProperties lifecycle) {
        return new TrainingEnrolmentSettings(lifecycle.trainingEnrolment().slotHoldWorkingDays());
    }

    @Bean
    JobPlacementSettings jobPlacementSettings(LifecycleProperties lifecycle, CalendarProperties calendar) {
        LifecycleProperties.JobPlacement placement = lifecycle.jobPlacement();
        return new JobPlacementSettings(placement.employerDecisionWorkingDays(), placement.verificationDays(),
                placement.verificationRecheckInterval(), placement.retentionCheckpointDays(),
                placement.minimumMonthlyWage(), calendar.zone());
    }

    @Bean
    BenefitAdjustmentSettings benefitAdjustmentSettings(LifecycleProperties lifecycle) {
        return new BenefitAdjustmentSettings(lifecycle.benefitAdjustment().appealWindow());
    }

    @Bean
    AppealSettings appealSettings(LifecycleProperties lifecycle) {
        return new AppealSettings(lifecycle.appeal().decisionDeadline(), lifecycle.appeal().escalationAfter());
    }

    @Bean
    ActivationComplianceSettings activationComplianceSettings(LifecycleProperties lifecycle) {
        LifecycleProperties.ActivationCompliance compliance = lifecycle.activationCompliance();
        return new ActivationComplianceSettings(compliance.monitoringPeriod(), compliance.reasonsPeriod(),
                compliance.appealWindow(), compliance.historyWindow(), compliance.reductionDuration(),
                compliance.suspensionDuration(), compliance.minimumApplicationsPerPeriod());
    }

    @Bean
    EmploymentSubsidySettings employmentSubsidySettings(LifecycleProperties lifecycle) {
        LifecycleProperties.EmploymentSubsidy subsidy = lifecycle.employmentSubsidy();
        return new EmploymentSubsidySettings(subsidy.registrationPeriod(), subsidy.reportingPeriod(),
                subsidy.appealWindow(), subsidy.retentionCheckMonths(), subsidy.retentionBonus());
    }

    @Bean
    YouthTransitionSettings youthTransitionSettings(LifecycleProperties lifecycle) {
        LifecycleProperties.YouthTransition youth = lifecycle.youthTransition();
        return new YouthTransitionSettings(youth.minimumAge(), youth.maximumAge(), youth.contactAttemptPeriod(),
                youth.maxContactAttempts(), youth.firstOutcomeAfter(), youth.secondOutcomeAfter());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
