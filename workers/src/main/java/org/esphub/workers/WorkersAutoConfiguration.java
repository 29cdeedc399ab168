package org.esphub.workers;

import org.apache.camel.ProducerTemplate;
import org.esphub.workers.handoff.RetrySchedule;
import org.esphub.workers.handoff.RouteHandoff;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/**
 * Registers the topic handlers with the Camunda external-task client. On by default, so the
 * hub's JVM works its own tasks; set {@code esp.workers.enabled=false} where workers run on
 * other machines (the same classes, pointed at the engine's REST API).
 */
@AutoConfiguration
@ConditionalOnProperty(name = "esp.workers.enabled", havingValue = "true", matchIfMissing = true)
@ComponentScan
public class WorkersAutoConfiguration {

    @Bean
    RouteHandoff routeHandoff(ProducerTemplate producerTemplate,
            @Value("${esp.workers.default-retry-backoff:PT10S,PT1M,PT5M,PT15M,PT1H}") String defaultBackoff) {
        return new RouteHandoff(producerTemplate, RetrySchedule.parse(defaultBackoff));
    }
}
