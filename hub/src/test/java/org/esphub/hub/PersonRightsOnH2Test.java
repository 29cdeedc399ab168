package org.esphub.hub;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The person-rights scenarios (access, restriction, rectification, retention) on the zero-install default: H2 and embedded Artemis. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext
class PersonRightsOnH2Test extends PersonRightsScenarios {
}
