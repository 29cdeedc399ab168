package org.esphub.hub.signatures;

import java.time.Clock;
import org.esphub.dci.signature.DciSignatureVerifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The DCI signature verifier, fed from {@code esp.signatures} and the hub's clock. */
@Configuration(proxyBeanMethods = false)
public class SignatureConfiguration {

    @Bean
    DciSignatureVerifier dciSignatureVerifier(SignatureProperties properties, Clock clock) {
        return new DciSignatureVerifier(properties.senderKeys(), clock, properties.clockSkew(),
                properties.maxValidity());
    }
}
