package org.esphub.hub;

import org.esphub.hub.support.HubOnH2;

/** The integrated-case scenarios on the zero-install default: H2 and embedded Artemis. */
@HubOnH2
class IntegratedCaseOnH2Test extends IntegratedCaseScenarios {
}
