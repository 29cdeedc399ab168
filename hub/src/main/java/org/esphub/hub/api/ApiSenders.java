package org.esphub.hub.api;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code esp.api.sender-ids}: which DCI {@code header.sender_id} values an API client may use.
 * A client may always send as its own client id. Binding the two stops one agency from sending
 * (or deduplicating away) messages in another agency's name.
 */
@ConfigurationProperties("esp.api")
public record ApiSenders(@DefaultValue Map<String, List<String>> senderIds) {

    public boolean mayUse(String clientId, String senderId) {
        return senderIdsOf(clientId).contains(senderId);
    }

    /** Every sender_id the client may use: its own client id and those configured for it. */
    public Set<String> senderIdsOf(String clientId) {
        Set<String> senders = new LinkedHashSet<>(senderIds.getOrDefault(clientId, List.of()));
        senders.add(clientId);
        return senders;
    }

    /**
     * The reverse of {@link #mayUse}: every client that may send as {@code senderId}, i.e. whose
     * list names it, and a client whose id it is. The hub cannot tell whether that last client
     * exists; if it does not, it simply has no subscriptions.
     */
    public Set<String> clientsUsing(String senderId) {
        Set<String> clients = new LinkedHashSet<>();
        senderIds.forEach((clientId, senders) -> {
            if (senders.contains(senderId)) {
                clients.add(clientId);
            }
        });
        clients.add(senderId);
        return clients;
    }
}
