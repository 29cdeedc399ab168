package org.esphub.hub.intake;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/** The referral start scenarios on the zero-install default, H2. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext
@TestPropertySource(properties = "esp.referrals.start.sweep-interval=1h")
class ReferralStartOnH2Test extends ReferralStartScenarios {
}
