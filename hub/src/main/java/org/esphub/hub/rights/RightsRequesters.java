package org.esphub.hub.rights;

import java.util.Optional;
import java.util.Set;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.hub.agencies.AgencySenders;
import org.esphub.processes.AgencyKind;
import org.springframework.stereotype.Component;

/** Who may act on a person's data-protection rights for them: SA and PES, the agencies the person deals with. */
@Component
public class RightsRequesters {

    static final Set<AgencyKind> KINDS = Set.of(AgencyKind.SA, AgencyKind.PES);

    /** The agency a client acts for, as the requests record and the answers name it. */
    public record Requester(String senderId, AgencyKind kind) {
    }

    private final AgencySenders agencySenders;

    public RightsRequesters(AgencySenders agencySenders) {
        this.agencySenders = agencySenders;
    }

    /** @throws DciRejection 403 for a client that acts for neither SA nor PES */
    public Requester of(String clientId) {
        for (String senderId : agencySenders.senderIdsOf(clientId)) {
            Optional<AgencyKind> kind = agencySenders.kindOf(senderId);
            if (kind.isPresent() && KINDS.contains(kind.get())) {
                return new Requester(senderId, kind.get());
            }
        }
        throw new DciRejection(DciReasonCode.REQUEST_FORBIDDEN,
                "only Social Assistance and the Public Employment Service act on a person's rights for them");
    }
}
