package org.esphub.hub.intake;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The referral start scenarios on PostgreSQL, where several hub nodes share one database. Runs
 * when {@code ESP_TEST_DATABASE_URL} names a database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext
@EnabledIfEnvironmentVariable(named = "ESP_TEST_DATABASE_URL", matches = "jdbc:postgresql:.+")
@TestPropertySource(properties = {
    "esp.referrals.start.sweep-interval=1h",
    "spring.datasource.url=${ESP_TEST_DATABASE_URL}",
    "spring.datasource.username=${ESP_TEST_DATABASE_USER:postgres}",
    "spring.datasource.password=${ESP_TEST_DATABASE_PASSWORD:}"
})
class ReferralStartOnPostgresTest extends ReferralStartScenarios {
}
