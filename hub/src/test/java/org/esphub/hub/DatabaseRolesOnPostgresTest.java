package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.esphub.hub.support.HubClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production set-up of the database, on PostgreSQL: Flyway migrates as a migration user that
 * owns every table (Camunda's included, the engine does not create or update its schema), the hub
 * runs as an application user with data rights only. That user cannot disable the audit log's
 * trigger, drop or create a table, or change an audit record, and the hub works.
 *
 * <p>Runs when {@code ESP_TEST_DATABASE_URL} names a PostgreSQL database, connecting as
 * {@code ESP_TEST_DATABASE_USER}, a superuser (CI: postgres): it (re)creates the two roles and a
 * database of its own next to that one, named after it with {@code _roles}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext
@EnabledIfEnvironmentVariable(named = "ESP_TEST_DATABASE_URL", matches = "jdbc:postgresql:.+")
class DatabaseRolesOnPostgresTest {

    private static final String MIGRATION_USER = "esp_test_migrator";
    private static final String APPLICATION_USER = "esp_test_application";
    /** Test roles on a test database; not a secret. */
    private static final String PASSWORD = "esp-test-only";

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private RepositoryService repositoryService;
    @Autowired
    private RuntimeService runtimeService;
    @Value("${server.port}")
    private int port;

    @DynamicPropertySource
    static void ownDatabaseWithTwoRoles(DynamicPropertyRegistry registry) throws SQLException {
        String serverUrl = System.getenv("ESP_TEST_DATABASE_URL");
        String database = serverUrl.substring(serverUrl.lastIndexOf('/') + 1).replaceAll("\\?.*", "") + "_roles";
        String databaseUrl = serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + database;
        String superuser = System.getenv().getOrDefault("ESP_TEST_DATABASE_USER", "postgres");
        String superuserPassword = System.getenv().getOrDefault("ESP_TEST_DATABASE_PASSWORD", "");
        try (Connection connection = DriverManager.getConnection(serverUrl, superuser, superuserPassword);
                Statement sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            for (String role : new String[] {MIGRATION_USER, APPLICATION_USER}) {
                sql.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN "
                        + "CREATE ROLE " + role + " LOGIN PASSWORD '" + PASSWORD + "'; END IF; END $$");
            }
            // what docker/postgres/init-roles.sh does on the stack's first start
            sql.execute("CREATE DATABASE " + database + " OWNER " + MIGRATION_USER);
        }
        try (Connection connection = DriverManager.getConnection(databaseUrl, superuser, superuserPassword);
                Statement sql = connection.createStatement()) {
            sql.execute("ALTER SCHEMA public OWNER TO " + MIGRATION_USER);
            sql.execute("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
            sql.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            sql.execute("GRANT CONNECT, TEMPORARY ON DATABASE " + database + " TO " + APPLICATION_USER);
        }
        // the production profile's database settings, on the test profile
        registry.add("spring.datasource.url", () -> databaseUrl);
        registry.add("spring.datasource.username", () -> APPLICATION_USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
        registry.add("spring.flyway.user", () -> MIGRATION_USER);
        registry.add("spring.flyway.password", () -> PASSWORD);
        registry.add("spring.flyway.placeholders.applicationRole", () -> APPLICATION_USER);
        registry.add("camunda.bpm.database.schema-update", () -> "false");
    }

    @Test
    void theHubRunsAsTheApplicationUserWhoOwnsNoTable() {
        assertThat(jdbc.queryForObject("SELECT current_user", String.class)).isEqualTo(APPLICATION_USER);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'", Integer.class))
                .as("Camunda's and the hub's tables").isGreaterThan(50);
        assertThat(jdbc.queryForList("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'",
                String.class)).containsExactly(MIGRATION_USER);
    }

    @Test
    void theApplicationUserCannotDisableTheAuditTriggerOrDropOrCreateTables() {
        assertRefused("ALTER TABLE esp_audit_event DISABLE TRIGGER esp_audit_event_no_update_or_delete",
                "must be owner");
        assertRefused("ALTER TABLE esp_audit_event DISABLE TRIGGER ALL", "must be owner");
        assertRefused("DROP TRIGGER esp_audit_event_no_update_or_delete ON esp_audit_event", "must be owner");
        assertRefused("DROP TABLE esp_audit_event", "must be owner");
        assertRefused("DROP TABLE act_ru_task", "must be owner");
        assertRefused("CREATE TABLE esp_mine (id int)", "permission denied");
        assertRefused("UPDATE esp_audit_event SET purpose = 'MARKETING'", "permission denied");
        assertRefused("TRUNCATE esp_audit_event", "permission denied");
        assertRefused("DELETE FROM esp_schema_history", "permission denied");
        assertThat(jdbc.queryForObject("SELECT tgenabled FROM pg_trigger WHERE tgname = "
                + "'esp_audit_event_no_update_or_delete'", String.class)).isEqualTo("O");
    }

    @Test
    void theHubWorksWithDataRightsOnly() {
        String person = "P-" + UUID.randomUUID();
        HubClient hub = new HubClient(port);

        HubClient.Answer consent = hub.post("sa-worker", "/api/consents",
                Map.of("person_id", person, "purpose", "EMPLOYMENT_ACTIVATION", "source", "form"));

        assertThat(consent.status()).as(consent.body()).isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM esp_audit_event WHERE person_id = ?", Integer.class,
                person)).isPositive();
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("referral-to-pes").count())
                .as("the models were deployed at start-up").isOne();
        String deployment = repositoryService.createDeployment().name("roles-check")
                .addString("roles-check.bpmn", """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://esp-hub.org/test">
                          <bpmn:process id="roles-check" isExecutable="true" camunda:historyTimeToLive="1">
                            <bpmn:startEvent id="s"/><bpmn:sequenceFlow id="f" sourceRef="s" targetRef="t"/>
                            <bpmn:userTask id="t"/>
                          </bpmn:process>
                        </bpmn:definitions>
                        """).deploy().getId();
        String instance = runtimeService.startProcessInstanceByKey("roles-check").getId();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isOne();
        repositoryService.deleteDeployment(deployment, true);
    }

    private void assertRefused(String statement, String reason) {
        assertThatThrownBy(() -> jdbc.execute(statement)).as(statement)
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining(reason);
    }
}
