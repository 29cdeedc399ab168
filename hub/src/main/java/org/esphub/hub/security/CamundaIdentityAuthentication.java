package org.esphub.hub.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * HTTP basic for people on the hub's {@code /api}: the same users, passwords and login throttling
 * as Tasklist (Camunda's identity service), with each Camunda group as authority
 * {@code GROUP_<group id>}.
 */
public class CamundaIdentityAuthentication implements AuthenticationProvider {

    public static final String GROUP_PREFIX = "GROUP_";

    private final IdentityService identityService;

    public CamundaIdentityAuthentication(IdentityService identityService) {
        this.identityService = identityService;
    }

    public static String group(String groupId) {
        return GROUP_PREFIX + groupId;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String user = request.getName();
        Object password = request.getCredentials();
        if (user == null || password == null || !identityService.checkPassword(user, password.toString())) {
            throw new BadCredentialsException("unknown user or wrong password");
        }
        List<GrantedAuthority> groups = identityService.createGroupQuery().groupMember(user).list().stream()
                .<GrantedAuthority>map(group -> new SimpleGrantedAuthority(group(group.getId())))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
