package org.esphub.simulators;

import org.esphub.simulators.employer.EmployerSimulatorConfiguration;
import org.esphub.simulators.labour.LabourSimulatorConfiguration;
import org.esphub.simulators.pes.PesSimulatorConfiguration;
import org.esphub.simulators.tax.TaxSimulatorConfiguration;
import org.esphub.simulators.sources.SourcesSimulatorConfiguration;
import org.esphub.simulators.population.PopulationConfiguration;
import org.esphub.simulators.sa.SaSimulatorConfiguration;
import org.esphub.simulators.tvet.TvetSimulatorConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jms.JmsAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jms.core.JmsTemplate;

/**
 * Entry point of the agency simulators, registered in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}.
 *
 * <p>Active only with {@code esp.simulators.enabled=true}: the hub sets it in its default profile
 * and clears it in production. The simulators use nothing of the hub but its public channels:
 * HTTP and the JMS queues of the {@code ConnectionFactory} the hub provides.
 */
@AutoConfiguration(after = JmsAutoConfiguration.class)
@ConditionalOnSimulatorsEnabled
@EnableConfigurationProperties(SimulatorProperties.class)
@Import({
        PopulationConfiguration.class,
        SourcesSimulatorConfiguration.class,
        LabourSimulatorConfiguration.class,
        SaSimulatorConfiguration.class,
        PesSimulatorConfiguration.class,
        TaxSimulatorConfiguration.class,
        TvetSimulatorConfiguration.class,
        EmployerSimulatorConfiguration.class,
        SimulatorExceptionHandler.class
})
public class SimulatorsAutoConfiguration {

    @Bean
    AgencyBrokerLogins simulatorBrokerLogins(JmsTemplate jmsTemplate) {
        return new AgencyBrokerLogins(jmsTemplate);
    }
}
