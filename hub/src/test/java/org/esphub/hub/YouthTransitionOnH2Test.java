package org.esphub.hub;

import org.esphub.hub.support.HubOnH2;

/** The youth-transition scenarios on the zero-install default: H2 and embedded Artemis. */
@HubOnH2
class YouthTransitionOnH2Test extends YouthTransitionScenarios {
}
