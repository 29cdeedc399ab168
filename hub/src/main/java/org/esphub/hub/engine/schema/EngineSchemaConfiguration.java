package org.esphub.hub.engine.schema;

import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway, as the migration user, owns every table, Camunda's included ({@link CamundaEngineSchemaMigration});
 * the engine starts only after it ({@link EngineStartsAfterMigrations}).
 */
@Configuration(proxyBeanMethods = false)
public class EngineSchemaConfiguration {

    /** Spring Boot hands every {@link JavaMigration} bean to Flyway. */
    @Bean
    JavaMigration camundaEngineSchemaMigration() {
        return new CamundaEngineSchemaMigration();
    }
}
