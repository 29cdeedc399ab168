package org.esphub.hub.routing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The agency event queues (declared once in the camel-routes module's esp-queues.yaml), by the
 * agency name their inbound route gives the intake.
 */
@ConfigurationProperties("esp.queues")
public record AgencyEventQueues(String pesEventsIn, String saEventsIn) {

    /** @param agency PES or SA, as hub-pes-inbound.yaml and hub-sa-inbound.yaml name it */
    String of(String agency) {
        return "SA".equals(agency) ? saEventsIn : pesEventsIn;
    }
}
