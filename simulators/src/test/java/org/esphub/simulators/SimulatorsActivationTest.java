package org.esphub.simulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.util.Arrays;
import java.util.Objects;

import jakarta.jms.ConnectionFactory;

import org.esphub.simulators.employer.ProposalRegister;
import org.esphub.simulators.pes.JobseekerRegistry;
import org.esphub.simulators.pes.PesNotificationInbox;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.sa.BenefitAdjustments;
import org.esphub.simulators.sa.SaNotificationInbox;
import org.esphub.simulators.sa.TrainingBenefitCases;
import org.esphub.simulators.tvet.TrainingRegister;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.jms.core.JmsTemplate;

/** The simulators exist only when {@code esp.simulators.enabled=true}, however the host finds them. */
class SimulatorsActivationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, SimulatorsAutoConfiguration.class))
            .withBean(JmsTemplate.class, () -> new JmsTemplate(mock(ConnectionFactory.class)));

    @Test
    void simulatorsAreAbsentWhenThePropertyIsNotSet() {
        runner.run(context -> assertNoSimulatorBeans(context));
    }

    @Test
    void simulatorsAreAbsentWhenThePropertyIsFalse() {
        runner.withPropertyValues("esp.simulators.enabled=false")
                .run(context -> assertNoSimulatorBeans(context));
    }

    @Test
    void simulatorsStayAbsentEvenIfTheHostComponentScansTheirPackage() {
        runner.withPropertyValues("esp.simulators.enabled=false")
                .withUserConfiguration(HostScanningSimulatorPackage.class)
                .run(context -> assertNoSimulatorBeans(context));
    }

    @Test
    void simulatorsArePresentWhenThePropertyIsTrue() {
        runner.withPropertyValues("esp.simulators.enabled=true", "esp.simulators.population-size=10")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(SyntheticPopulation.class);
                    assertThat(context).hasSingleBean(SaNotificationInbox.class);
                    assertThat(context).hasSingleBean(JobseekerRegistry.class);
                    assertThat(context).hasSingleBean(PesNotificationInbox.class);
                    assertThat(context).hasSingleBean(TrainingRegister.class);
                    assertThat(context).hasSingleBean(ProposalRegister.class);
                    assertThat(context).hasSingleBean(TrainingBenefitCases.class);
                    assertThat(context).hasSingleBean(BenefitAdjustments.class);
                    assertThat(context.getBean(SyntheticPopulation.class).size()).isEqualTo(10);
                });
    }

    private static void assertNoSimulatorBeans(AssertableApplicationContext context) {
        assertThat(context).hasNotFailed();
        assertThat(Arrays.stream(context.getBeanDefinitionNames())
                .map(context::getType)
                .filter(Objects::nonNull)
                .map(Class::getName)
                .filter(name -> name.startsWith("org.esphub.simulators."))
                .filter(name -> !name.startsWith(SimulatorsActivationTest.class.getName())))
                .isEmpty();
    }

    /** A careless host whose component scan covers the simulator packages. */
    @Configuration(proxyBeanMethods = false)
    @ComponentScan(basePackages = "org.esphub.simulators", excludeFilters = @ComponentScan.Filter(
            type = FilterType.REGEX, pattern = "org\\.esphub\\.simulators\\.(testapp\\..*|.*Test.*)"))
    static class HostScanningSimulatorPackage {
    }
}
