package org.esphub.hub.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * A test class that runs against the whole hub on PostgreSQL, the production database, when
 * {@code ESP_TEST_DATABASE_URL} names one (CI sets it to the machine's PostgreSQL; elsewhere the class is
 * skipped). Like {@link HubOnH2}, every class so marked has the same configuration and they share one
 * running hub in a JVM of their own (tag {@value #TAG}); the same rules apply.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"demo", "it"})
@EnabledIfEnvironmentVariable(named = "ESP_TEST_DATABASE_URL", matches = "jdbc:postgresql:.+")
@TestPropertySource(properties = {
    "spring.datasource.url=${ESP_TEST_DATABASE_URL}",
    "spring.datasource.username=${ESP_TEST_DATABASE_USER:postgres}",
    "spring.datasource.password=${ESP_TEST_DATABASE_PASSWORD:}"
})
@Tag(HubOnPostgres.TAG)
@ExtendWith(HubThreadFailuresStayInTheLog.class)
public @interface HubOnPostgres {

    /** The JUnit tag hub/pom.xml selects the shared-hub run by. */
    String TAG = "shared-hub-postgres";
}
