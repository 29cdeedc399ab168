package org.esphub.hub.engine.models;

import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ListableBeanFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.esphub.processes.ActivationCompliance;
import org.esphub.processes.ActivationComplianceSettings;
import org.esphub.processes.EmploymentSubsidy;
import org.esphub.processes.EmploymentSubsidySettings;
import org.esphub.processes.YouthTransition;
import org.esphub.processes.YouthTransitionSettings;
import org.esphub.processes.Appeal;
import org.esphub.processes.AppealSettings;
import org.esphub.processes.BenefitAdjustment;
import org.esphub.processes.BenefitAdjustmentSettings;
import org.esphub.processes.CatalogueChoice;
import org.esphub.processes.EmploymentStatusVerification;
import org.esphub.processes.EmploymentStatusVerificationSettings;
import org.esphub.processes.JobPlacement;
import org.esphub.processes.JobPlacementSettings;
import org.esphub.processes.TrainingEnrolment;
import org.esphub.processes.TrainingEnrolmentSettings;
import org.esphub.processes.WorkingCalendar;
import org.esphub.processes.RectificationRecord;
import org.esphub.processes.engine.ActivationComplianceLink;
import org.esphub.processes.engine.ComplianceLedger;
import org.esphub.processes.engine.RaiseTaskPriority;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the process models may reach, in one place: the beans their expressions name and the
 * delegate classes they name. A model that needs another bean or class is a change here, reviewed
 * like code; everything else a process owner deploys is refused (ADR 0023).
 */
@Configuration(proxyBeanMethods = false)
public class ModelSandboxConfiguration {

    @Bean
    ModelExpressionBeans modelExpressionBeans(WorkingCalendar workingCalendar, CatalogueChoice catalogueChoice,
            TrainingEnrolmentSettings trainingEnrolmentSettings, JobPlacementSettings jobPlacementSettings,
            BenefitAdjustmentSettings benefitAdjustmentSettings, AppealSettings appealSettings,
            EmploymentStatusVerificationSettings employmentStatusVerificationSettings,
            ActivationComplianceSettings activationComplianceSettings,
            EmploymentSubsidySettings employmentSubsidySettings, YouthTransitionSettings youthTransitionSettings,
            RectificationRecord rectificationRecord) {
        return new ModelExpressionBeans(Map.ofEntries(
                Map.entry(WorkingCalendar.BEAN_NAME, workingCalendar),
                Map.entry(CatalogueChoice.BEAN_NAME, catalogueChoice),
                Map.entry(TrainingEnrolment.SETTINGS_BEAN, trainingEnrolmentSettings),
                Map.entry(JobPlacement.SETTINGS_BEAN, jobPlacementSettings),
                Map.entry(BenefitAdjustment.SETTINGS_BEAN, benefitAdjustmentSettings),
                Map.entry(Appeal.SETTINGS_BEAN, appealSettings),
                Map.entry(EmploymentStatusVerification.SETTINGS_BEAN, employmentStatusVerificationSettings),
                Map.entry(ActivationCompliance.SETTINGS_BEAN, activationComplianceSettings),
                Map.entry(EmploymentSubsidy.SETTINGS_BEAN, employmentSubsidySettings),
                Map.entry(YouthTransition.SETTINGS_BEAN, youthTransitionSettings),
                // rectification records the source agency's decision and learns whom to tell (ADR 0053)
                Map.entry(RectificationRecord.BEAN, rectificationRecord)));
    }

    @Bean
    ProcessEnginePlugin modelSandboxPlugin(ModelExpressionBeans modelExpressionBeans, ListableBeanFactory beanFactory) {
        // every bean name, so that a model naming one it may not use is told so rather than "unknown property"
        return new ModelSandboxPlugin(modelExpressionBeans, Set.of(beanFactory.getBeanDefinitionNames()),
                Set.of(RaiseTaskPriority.class, ComplianceLedger.class, ActivationComplianceLink.class));
    }
}
