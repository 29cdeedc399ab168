package org.esphub.hub.engine.startup;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Hub nodes sharing a database build their engines one after the other. Building the engine is
 * where the once-only start-up work happens: Camunda's own (history level, the history-cleanup
 * job, the installation id; on H2 it takes no locks at all), the starter's administrator, the
 * hub's groups, grants, inbox filters and demo users ({@code AgencyRolesSetup}, {@code DemoUsers};
 * each checks, then inserts, and two nodes doing that at once would insert twice or fail on a
 * unique key), and the auto-deployment of the models (one deployment per changed model version).
 * The {@link NodeStartLock} is taken before the engine is built and given back once the engine
 * bean, seeded and deployed, exists; a node starting meanwhile waits, then finds the work done.
 *
 * <p>Flyway needs no help: it locks its own schema history while it migrates (an advisory lock on
 * PostgreSQL), and runs before the engine is built ({@code EngineStartsAfterMigrations}).
 */
@Configuration(proxyBeanMethods = false)
public class EngineStartConfiguration {

    @Bean
    NodeStartLock engineStartLock(DataSource dataSource) {
        return new NodeStartLock(dataSource, NodeStartLock.ENGINE_START);
    }

    /** First of the engine's plugins: nothing the engine does at start runs before the lock is held. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ProcessEnginePlugin engineStartsAlone(NodeStartLock engineStartLock) {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                engineStartLock.acquire();
            }
        };
    }

    /**
     * Gives the lock back once the process engine bean is built: the Spring engine configuration
     * deploys the models at the end of the build, after every plugin's post-processing.
     */
    @Bean
    static BeanPostProcessor engineStartLockRelease(ObjectProvider<NodeStartLock> engineStartLock) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof ProcessEngine) {
                    engineStartLock.ifAvailable(NodeStartLock::release);
                }
                return bean;
            }
        };
    }
}
