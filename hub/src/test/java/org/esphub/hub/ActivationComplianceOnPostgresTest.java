package org.esphub.hub;

import org.esphub.hub.support.HubOnPostgres;

/**
 * The compliance scenario on PostgreSQL, the production database. Runs when
 * {@code ESP_TEST_DATABASE_URL} names a database (CI sets it to the machine's PostgreSQL).
 */
@HubOnPostgres
class ActivationComplianceOnPostgresTest extends ActivationComplianceScenarios {
}
