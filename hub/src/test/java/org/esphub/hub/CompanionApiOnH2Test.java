package org.esphub.hub;

import org.esphub.hub.support.HubOnH2;

/** The companion's operations on the zero-install default: H2 and embedded Artemis. */
@HubOnH2
class CompanionApiOnH2Test extends CompanionApiScenarios {
}
