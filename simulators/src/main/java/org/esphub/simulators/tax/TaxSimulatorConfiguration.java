package org.esphub.simulators.tax;

import java.time.Clock;

import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.SimulatorProperties;
import org.esphub.simulators.population.SyntheticPopulation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The tax / social-insurance authority simulator: insured employment records, employers' standing, subsidy compliance reports and work-capacity clearances. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSimulatorsEnabled
@Import({TaxRecordsController.class, TaxSubsidyController.class, WorkCapacityController.class})
public class TaxSimulatorConfiguration {

    @Bean
    ContributionRegister taxContributionRegister(SyntheticPopulation population, SimulatorProperties properties) {
        return new ContributionRegister(population, properties.seed(), properties.tax().currency(), Clock.systemUTC());
    }

    @Bean
    EmployerCompliance taxEmployerCompliance(ContributionRegister taxContributionRegister) {
        return new EmployerCompliance(taxContributionRegister);
    }

    @Bean
    WorkCapacityAssessments taxWorkCapacityAssessments() {
        return new WorkCapacityAssessments(Clock.systemUTC());
    }
}
