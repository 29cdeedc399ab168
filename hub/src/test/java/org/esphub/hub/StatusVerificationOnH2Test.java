package org.esphub.hub;

import org.esphub.hub.support.HubOnH2;

/** The status-verification scenario on the zero-install default: H2 and embedded Artemis. */
@HubOnH2
class StatusVerificationOnH2Test extends StatusVerificationScenarios {
}
