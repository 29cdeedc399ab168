package org.esphub.hub;

import org.esphub.hub.support.HubOnH2;

/** The referral scenarios on the zero-install default: H2 and embedded Artemis. */
@HubOnH2
class ReferralToPesOnH2Test extends ReferralToPesScenarios {
}
