package org.esphub.hub.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.esphub.dci.DciRequestValidator;
import org.esphub.routes.OutboundEnvelope;
import org.esphub.routes.PayloadMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans the YAML routes call by name ({@code ref: payloadMapper}, ...). */
@Configuration(proxyBeanMethods = false)
public class RoutingConfiguration {

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
