package org.esphub.hub;

import org.esphub.hub.support.HubOnH2;

/** The person-rights scenarios (access, restriction, rectification, retention) on the zero-install default: H2 and embedded Artemis. */
@HubOnH2
class PersonRightsOnH2Test extends PersonRightsScenarios {
}
