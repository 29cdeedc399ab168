package org.esphub.hub.operations;

import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.actuate.health.liveness.CamelLivenessStateHealthIndicator;
import org.apache.camel.spring.boot.actuate.health.readiness.CamelReadinessStateHealthIndicator;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityState;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The liveness and readiness probes ({@code /actuator/health/liveness}, {@code .../readiness}),
 * in place of Camel's own (its {@code CamelAvailabilityCheckAutoConfiguration} is excluded).
 *
 * <p>The web server answers health polls while the application is still starting, before the
 * Camel context has started: Camel's probes then ask a context that is not running, report it as
 * "shutting down" and log a WARN on every poll, though nothing is wrong. Until Spring Boot
 * declares the application live (liveness) or ready (readiness), these probes answer Spring
 * Boot's own state, which already says "not yet"; from then on they add Camel's health checks, so
 * a route or consumer that fails later still shows, with its WARN.
 */
@Configuration(proxyBeanMethods = false)
public class CamelProbesOnceStarted {

    @Bean
    CamelLivenessStateHealthIndicator camelLivenessStateHealthIndicator(ApplicationAvailability availability,
            CamelContext camelContext) {
        return new CamelLivenessStateHealthIndicator(availability, camelContext) {
            @Override
            protected AvailabilityState getState(ApplicationAvailability applicationAvailability) {
                LivenessState spring = applicationAvailability.getLivenessState();
                return spring == LivenessState.CORRECT ? super.getState(applicationAvailability) : spring;
            }
        };
    }

    @Bean
    CamelReadinessStateHealthIndicator camelReadinessStateHealthIndicator(ApplicationAvailability availability,
            CamelContext camelContext) {
        return new CamelReadinessStateHealthIndicator(availability, camelContext) {
            @Override
            protected AvailabilityState getState(ApplicationAvailability applicationAvailability) {
                ReadinessState spring = applicationAvailability.getReadinessState();
                return spring == ReadinessState.ACCEPTING_TRAFFIC ? super.getState(applicationAvailability) : spring;
            }
        };
    }
}
