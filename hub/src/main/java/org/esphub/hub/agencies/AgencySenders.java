package org.esphub.hub.agencies;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.esphub.processes.AgencyKind;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code esp.agencies}: who may speak for which agency. One table for every channel, so an
 * agency cannot be held to one rule on the API and another on the broker.
 *
 * @param senderIds which DCI {@code header.sender_id} values an identity may use: the identity is
 *        an OAuth2 client id on the API and an authenticated (validated) broker user on the queues;
 *        an identity may always use its own name as well
 * @param kinds what kind of agency each sender_id is (SA, PES, TVET_PROVIDER, ...): decides which
 *        agency events it may send ({@link org.esphub.processes.AgencyEvents})
 * @param partners the sender_id that speaks for each training provider or employer id as the
 *        processes know it ({@code providerId}, {@code employerId}); the key {@code *} names the
 *        sender for every partner not listed (the demo's single simulated employer system)
 */
@ConfigurationProperties("esp.agencies")
public record AgencySenders(@DefaultValue Map<String, List<String>> senderIds,
        @DefaultValue Map<String, AgencyKind> kinds, @DefaultValue Map<String, String> partners) {

    /** Key of {@link #partners} that stands for any partner not named. */
    public static final String ANY_PARTNER = "*";

    public boolean mayUse(String identity, String senderId) {
        return senderIdsOf(identity).contains(senderId);
    }

    /** Every sender_id the identity may use: its own name and those configured for it. */
    public Set<String> senderIdsOf(String identity) {
        Set<String> senders = new LinkedHashSet<>(senderIds.getOrDefault(identity, List.of()));
        senders.add(identity);
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

    /** The kind of agency a sender_id is, if configured. */
    public Optional<AgencyKind> kindOf(String senderId) {
        return Optional.ofNullable(kinds.get(senderId));
    }

    /** The sender_id that speaks for a training provider or employer id, if any. */
    public Optional<String> senderForPartner(String partnerId) {
        if (partnerId != null && partners.containsKey(partnerId)) {
            return Optional.of(partners.get(partnerId));
        }
        return Optional.ofNullable(partners.get(ANY_PARTNER));
    }
}
