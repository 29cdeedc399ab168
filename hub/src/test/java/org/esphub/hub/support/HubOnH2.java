package org.esphub.hub.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A test class that runs against the whole hub on its zero-install defaults (H2, embedded Artemis) on the
 * fixed test ports. Every class so marked has the same Spring configuration, so they share one running
 * hub: hub/pom.xml runs the tag {@value #TAG} in one JVM of its own, and Spring's test-context cache
 * hands each class the hub the first one started (about 30 s of boot per class saved). That is also why
 * a class so marked must not dirty the context, add beans or set properties of its own; one that needs
 * to uses the plain annotations and gets a JVM of its own. Scenarios therefore work on people of their
 * own and end what they started.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"demo", "it"})
@Tag(HubOnH2.TAG)
@ExtendWith(HubThreadFailuresStayInTheLog.class)
public @interface HubOnH2 {

    /** The JUnit tag hub/pom.xml selects the shared-hub run by. */
    String TAG = "shared-hub-h2";
}
