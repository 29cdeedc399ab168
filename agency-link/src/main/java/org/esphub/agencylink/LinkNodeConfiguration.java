package org.esphub.agencylink;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What only a link node adds to the shared workers, routes and gate. */
@Configuration(proxyBeanMethods = false)
class LinkNodeConfiguration {

    /** Static: a post-processor is made before the beans it checks. */
    @Bean
    static BeanPostProcessor hubSchemaRequired() {
        return new HubSchemaRequired();
    }
}
