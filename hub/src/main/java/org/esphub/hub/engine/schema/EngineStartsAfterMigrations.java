package org.esphub.hub.engine.schema;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * The process engine is built only after Flyway has migrated the database: with
 * {@code schema-update: false} (production) it finds the schema Flyway created, instead of racing it.
 * Registered in {@code META-INF/spring.factories}.
 */
public class EngineStartsAfterMigrations extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(ProcessEngine.class, ProcessEngineConfigurationImpl.class);
    }
}
