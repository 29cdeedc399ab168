package org.esphub.hub;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The person-rights scenarios (access, restriction, rectification, retention) on PostgreSQL, the production database. Runs when
 * {@code ESP_TEST_DATABASE_URL} names a database (CI sets it to the machine's PostgreSQL).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext
@EnabledIfEnvironmentVariable(named = "ESP_TEST_DATABASE_URL", matches = "jdbc:postgresql:.+")
@TestPropertySource(properties = {
    "spring.datasource.url=${ESP_TEST_DATABASE_URL}",
    "spring.datasource.username=${ESP_TEST_DATABASE_USER:postgres}",
    "spring.datasource.password=${ESP_TEST_DATABASE_PASSWORD:}"
})
class PersonRightsOnPostgresTest extends PersonRightsScenarios {
}
