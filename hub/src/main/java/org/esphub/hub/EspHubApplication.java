package org.esphub.hub;

import org.apache.camel.spring.boot.actuate.health.CamelAvailabilityCheckAutoConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The ESP Hub: Camunda engine, Camel routes, Artemis and the agency-facing intake in one JVM. */
// Camel's liveness and readiness probes warn on every health poll while the hub starts; the hub's
// own (org.esphub.hub.operations.CamelProbesOnceStarted) ask Camel only once the hub is up
@SpringBootApplication(exclude = CamelAvailabilityCheckAutoConfiguration.class)
@ConfigurationPropertiesScan
public class EspHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(EspHubApplication.class, args);
    }
}
