package org.esphub.hub;

import org.esphub.hub.support.HubOnH2;

/** The PES-to-SA referral scenarios on the zero-install default: H2 and embedded Artemis. */
@HubOnH2
class PesClientSaAccessOnH2Test extends PesClientSaAccessScenarios {
}
