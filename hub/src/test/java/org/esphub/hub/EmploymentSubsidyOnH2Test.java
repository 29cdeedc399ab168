package org.esphub.hub;

import org.esphub.hub.support.HubOnH2;

/** The subsidy scenarios on the zero-install default: H2 and embedded Artemis. */
@HubOnH2
class EmploymentSubsidyOnH2Test extends EmploymentSubsidyScenarios {
}
