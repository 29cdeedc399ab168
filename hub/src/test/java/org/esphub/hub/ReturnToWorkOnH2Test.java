package org.esphub.hub;

import org.esphub.hub.support.HubOnH2;

/** The return-to-work scenarios on the zero-install default: H2 and embedded Artemis. */
@HubOnH2
class ReturnToWorkOnH2Test extends ReturnToWorkScenarios {
}
