package org.esphub.hub;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/** The batch file exchange scenarios on the zero-install default: H2, embedded Artemis and SFTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext
class BatchExchangeOnH2Test extends BatchExchangeScenarios {
}
