package org.esphub.hub;

import org.esphub.hub.support.HubOnH2;

/** The oversight KPI scenarios on the zero-install default: H2 and embedded Artemis. */
@HubOnH2
class OversightKpisOnH2Test extends OversightKpisScenarios {
}
