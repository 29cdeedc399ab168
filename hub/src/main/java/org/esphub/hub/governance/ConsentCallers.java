package org.esphub.hub.governance;

import java.util.List;
import org.esphub.hub.agencies.AgencySenders;
import org.esphub.hub.agencies.GroupParties;
import org.esphub.hub.identity.AgencyRole;
import org.esphub.hub.security.CamundaIdentityAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Maps an authenticated caller to the agreement parties it acts for: an agency system (bearer
 * token) to the sender_ids its client may use ({@code esp.agencies.sender-ids}), a caseworker (HTTP
 * basic) to the parties of their groups ({@code esp.agencies.group-parties}). Auditors are recognised
 * by their group.
 */
@Component
class ConsentCallers {

    private final AgencySenders senders;
    private final GroupParties groups;

    ConsentCallers(AgencySenders senders, GroupParties groups) {
        this.senders = senders;
        this.groups = groups;
    }

    ConsentCaller of(Authentication authentication) {
        String id = authentication.getName();
        if (authentication instanceof JwtAuthenticationToken) {
            return new ConsentCaller(id, senders.senderIdsOf(id), false);
        }
        List<String> groupIds = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(CamundaIdentityAuthentication.GROUP_PREFIX))
                .map(authority -> authority.substring(CamundaIdentityAuthentication.GROUP_PREFIX.length()))
                .toList();
        return new ConsentCaller(id, groups.partiesOf(groupIds), groupIds.contains(AgencyRole.AUDITORS.groupId()));
    }
}
