package org.esphub.simulators.labour;

import java.time.Clock;
import java.util.List;

import org.esphub.simulators.ConditionalOnSimulatorsEnabled;
import org.esphub.simulators.ReceivedInstructions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The labour inspectorate simulator: reports of employers' non-compliance. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnSimulatorsEnabled
@Import(LabourInspectorateController.class)
public class LabourSimulatorConfiguration {

    @Bean
    ReceivedInstructions labourNonComplianceReports() {
        return new ReceivedInstructions("LI", List.of("reference_id", "employer_id", "subsidy_month"), Clock.systemUTC());
    }
}
