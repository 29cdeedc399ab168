package org.esphub.hub;

import org.esphub.hub.support.HubOnH2;

/** The compliance scenario on the zero-install default: H2 and embedded Artemis. */
@HubOnH2
class ActivationComplianceOnH2Test extends ActivationComplianceScenarios {
}
