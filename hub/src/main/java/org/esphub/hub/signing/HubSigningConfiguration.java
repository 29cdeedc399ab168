package org.esphub.hub.signing;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The hub's signing key, loaded once at start-up, and the signer that uses it. */
@Configuration(proxyBeanMethods = false)
public class HubSigningConfiguration {

    @Bean
    HubSigningKey hubSigningKey(HubSigningProperties properties, @Value("${esp.hub.sender-id}") String hubSenderId) {
        return HubSigningKeyLoader.load(properties, hubSenderId);
    }

    @Bean
    HubSigner hubSigner(HubSigningKey key, HubSigningProperties properties, Clock clock) {
        return new HubSigner(key, properties.validity(), clock);
    }
}
