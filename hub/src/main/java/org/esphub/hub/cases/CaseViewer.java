package org.esphub.hub.cases;

import java.util.Collection;
import java.util.List;
import org.esphub.hub.identity.AgencyRole;
import org.esphub.hub.security.CamundaIdentityAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who reads the case view, and for which agency: an SA caseworker or supervisor reads it as SA, a PES
 * one as PES. Someone in both agencies' groups reads it as SA, the narrower view.
 *
 * @param exchange the agreement's exchange that releases the view to this agency
 */
record CaseViewer(String userId, String agency, String exchange) {

    static final String SA = "SA";
    static final String PES = "PES";
    static final String SA_EXCHANGE = "api.case-view-sa";
    static final String PES_EXCHANGE = "api.case-view-pes";
    static final List<AgencyRole> SA_ROLES = List.of(AgencyRole.SA_CASEWORKERS, AgencyRole.SA_SUPERVISORS);
    static final List<AgencyRole> PES_ROLES = List.of(AgencyRole.PES_CASEWORKERS, AgencyRole.PES_SUPERVISORS);

    /** The caller's agency, or null if it is none of the two (the security chain lets no one else in). */
    static CaseViewer of(Authentication caller) {
        Collection<? extends GrantedAuthority> authorities = caller.getAuthorities();
        if (inAny(authorities, SA_ROLES)) {
            return new CaseViewer(caller.getName(), SA, SA_EXCHANGE);
        }
        if (inAny(authorities, PES_ROLES)) {
            return new CaseViewer(caller.getName(), PES, PES_EXCHANGE);
        }
        return null;
    }

    /** The agency whose inbox a candidate group is, or null for neither. */
    static String agencyOfGroup(String groupId) {
        if (SA_ROLES.stream().anyMatch(role -> role.groupId().equals(groupId))) {
            return SA;
        }
        return PES_ROLES.stream().anyMatch(role -> role.groupId().equals(groupId)) ? PES : null;
    }

    private static boolean inAny(Collection<? extends GrantedAuthority> authorities, List<AgencyRole> roles) {
        return authorities.stream().anyMatch(authority -> roles.stream()
                .anyMatch(role -> CamundaIdentityAuthentication.group(role.groupId()).equals(authority.getAuthority())));
    }
}
