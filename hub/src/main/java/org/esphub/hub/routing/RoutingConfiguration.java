package org.esphub.hub.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.apache.camel.CamelContext;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.esphub.dci.DciRequestValidator;
import org.esphub.governance.gate.DataSharingGate;
import org.esphub.hub.intake.AgencyEventIntake;
import org.esphub.hub.intake.ReferralIntake;
import org.esphub.hub.messaging.BrokerProperties;
import org.esphub.routes.GatedRoutes;
import org.esphub.routes.InboundAgencyEvents;
import org.esphub.routes.InboundReferrals;
import org.esphub.routes.InboundJmsMessage;
import org.esphub.routes.InboundQueueErrors;
import org.esphub.routes.OutboundGate;
import org.esphub.routes.OutboundEnvelope;
import org.esphub.routes.PayloadMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans the YAML routes call by name ({@code ref: payloadMapper}, ...), and the gate's start-up check. */
@Configuration(proxyBeanMethods = false)
public class RoutingConfiguration {

    /** The data-sharing gate in every route (camel-routes/data-sharing-gate.yaml). */
    @Bean
    OutboundGate outboundGate(DataSharingGate gate, ObjectMapper objectMapper,
            @Value("${esp.hub.sender-id}") String hubId) {
        return new OutboundGate(gate, objectMapper, hubId);
    }

    /** Once the routes are loaded: the hub does not run with a route that could send around the gate. */
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

    /** First step of every inbound queue route: text only, size-limited, with its authenticated broker user. */
    @Bean
    InboundJmsMessage inboundJmsMessage(BrokerProperties broker) {
        return new InboundJmsMessage(broker.maxMessageSize().toBytes());
    }

    /** The intake behind sa-referrals-inbound (the API uses the same intake directly). */
    @Bean(InboundReferrals.BEAN)
    InboundReferrals inboundReferrals(ReferralIntake intake) {
        return intake::acceptFromQueue;
    }

    /** The intake behind the agency event routes. */
    @Bean(InboundAgencyEvents.BEAN)
    InboundAgencyEvents inboundAgencyEvents(AgencyEventIntake intake) {
        return intake::accept;
    }

    /** How the inbound queue routes log a rolled-back message: too early at DEBUG, anything else at WARN. */
    @Bean(InboundQueueErrors.BEAN)
    InboundQueueErrors inboundQueueErrors() {
        return new InboundQueueErrors();
    }

    @Bean
    PayloadMapper payloadMapper() {
        return new PayloadMapper();
    }

    @Bean
    OutboundEnvelope outboundEnvelope(@Value("${esp.hub.sender-id}") String senderId, Clock clock) {
        return new OutboundEnvelope(senderId, clock);
    }

    @Bean
    DciRequestValidator dciRequestValidator(ObjectMapper objectMapper,
            @Value("${esp.referrals.max-items-per-message}") int maxItems) {
        return new DciRequestValidator(objectMapper, maxItems);
    }
}
