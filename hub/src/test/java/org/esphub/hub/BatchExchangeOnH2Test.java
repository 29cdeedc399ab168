package org.esphub.hub;

import org.esphub.hub.support.HubOnH2;

/** The batch file exchange scenarios on the zero-install default: H2, embedded Artemis and SFTP. */
@HubOnH2
class BatchExchangeOnH2Test extends BatchExchangeScenarios {
}
