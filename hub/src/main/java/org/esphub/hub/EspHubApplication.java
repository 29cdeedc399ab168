package org.esphub.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The ESP Hub: Camunda engine, Camel routes, Artemis and the agency-facing intake in one JVM. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EspHubApplication {

    public static void main(String[] args) {
        SpringApplication.run(EspHubApplication.class, args);
    }
}
