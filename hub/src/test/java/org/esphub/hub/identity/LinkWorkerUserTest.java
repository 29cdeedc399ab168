package org.esphub.hub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The agency-link nodes' user: made once in esp-workers, its password following the configuration. */
class LinkWorkerUserTest {

    private static final String WORKERS = AgencyRole.WORKERS.groupId();
    private static ProcessEngine engine;
    private static IdentityService identities;

    @BeforeAll
    static void engine() {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
                ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
                        .setJdbcUrl("jdbc:h2:mem:link-worker-user;DB_CLOSE_DELAY=-1")
                        .setJobExecutorActivate(false);
        // ids with hyphens, as the hub allows them (application.yaml, generalResourceWhitelistPattern)
        configuration.setGeneralResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9._-]*");
        engine = configuration.buildProcessEngine();
        identities = engine.getIdentityService();
        identities.saveGroup(identities.newGroup(WORKERS));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void the_user_is_created_in_esp_workers_and_a_changed_password_applies_at_the_next_start() {
        new LinkWorkerUser(new LinkWorkerProperties("link-node", "first")).postProcessEngineBuild(engine);

        assertThat(identities.createUserQuery().userId("link-node").memberOfGroup(WORKERS).count()).isEqualTo(1);
        assertThat(identities.checkPassword("link-node", "first")).isTrue();

        new LinkWorkerUser(new LinkWorkerProperties("link-node", "rotated")).postProcessEngineBuild(engine);

        assertThat(identities.checkPassword("link-node", "rotated")).isTrue();
        assertThat(identities.checkPassword("link-node", "first")).isFalse();
        assertThat(identities.createUserQuery().userId("link-node").count()).isEqualTo(1);
    }

    @Test
    void without_a_configured_user_there_is_none() {
        long users = identities.createUserQuery().count();

        new LinkWorkerUser(new LinkWorkerProperties("", "")).postProcessEngineBuild(engine);

        assertThat(identities.createUserQuery().count()).isEqualTo(users);
    }

    @Test
    void a_user_without_a_password_is_refused_at_start_naming_the_variable() {
        assertThatThrownBy(() -> new LinkWorkerProperties("link-node", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ESP_LINK_PASSWORD");
    }
}
