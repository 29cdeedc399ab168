package org.esphub.hub.outbound;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The resolver the outbound checks and the sender share; tests replace it with a scripted one. */
@Configuration(proxyBeanMethods = false)
public class OutboundConfiguration {

    @Bean
    HostResolver hostResolver() {
        return new SystemHostResolver();
    }
}
