package org.esphub.routes;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code esp.hub}: who the outbound routes speak as.
 *
 * @param senderId the hub's DCI {@code sender_id} on every envelope it sends, from whichever node
 * @param auditActor who the data-sharing gate's audit records name as the actor; the hub's
 *     sender id where unset. An agency-link node names itself, so an auditor sees which process
 *     released the data.
 */
@ConfigurationProperties("esp.hub")
public record HubSender(@DefaultValue("esp-hub") String senderId, String auditActor) {

    public String actor() {
        return auditActor == null || auditActor.isBlank() ? senderId : auditActor;
    }
}
