package org.esphub.hub.batch;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/** The embedded SFTP server, where {@code esp.batch.server.enabled} asks for it (demo profile, tests). */
@Configuration(proxyBeanMethods = false)
class BatchConfiguration {

    @Bean
    @ConditionalOnProperty(name = "esp.batch.server.enabled", havingValue = "true")
    EmbeddedSftpServer embeddedSftpServer(BatchProperties properties, ConfigurableEnvironment environment) {
        return new EmbeddedSftpServer(properties, environment);
    }
}
