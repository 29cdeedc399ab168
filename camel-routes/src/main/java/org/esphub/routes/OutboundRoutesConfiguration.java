package org.esphub.routes;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.esphub.processes.decisions.DecisionRules;
import org.esphub.governance.gate.DataSharingGate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans the outbound routes call by name ({@code ref: outboundGate}, {@code ref: payloadMapper},
 * ...) and the gate's start-up check: the same on every process that runs the outbound routes,
 * a hub node or an agency-link node. Each imports it; the inbound queue routes' beans stay with
 * the hub, where the intake is.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HubSender.class)
public class OutboundRoutesConfiguration {

    /** The data-sharing gate in every route (data-sharing-gate.yaml). */
    @Bean
    OutboundGate outboundGate(DataSharingGate gate, ObjectMapper objectMapper, HubSender sender) {
        return new OutboundGate(gate, objectMapper, sender.actor());
    }

    /** Once the routes are loaded: no process runs with a route that could send around the gate. */
    @Bean
    CamelContextConfiguration gatedRoutesCheck() {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camelContext) {
                // the routes are not loaded yet
            }

            @Override
            public void afterApplicationStart(CamelContext camelContext) {
                GatedRoutes.check(camelContext);
            }
        };
    }

    /** After the gate, before a JMS send: the broker drops a step's repeated message (data-sharing-gate.yaml). */
    @Bean
    OnceOnTheBroker onceOnTheBroker() {
        return new OnceOnTheBroker();
    }

    @Bean
    DecisionExplainer decisionExplainer() {
        return new DecisionExplainer(DecisionRules.ofNotices());
    }

    @Bean
    PayloadMapper payloadMapper() {
        return new PayloadMapper();
    }

    @Bean
    OutboundEnvelope outboundEnvelope(HubSender sender, ObjectProvider<Clock> clock) {
        return new OutboundEnvelope(sender.senderId(), clock.getIfAvailable(Clock::systemUTC));
    }
}
