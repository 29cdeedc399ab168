package org.esphub.hub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the case view page call {@code /api/cases/**} with the caseworker's Tasklist login: the Camunda
 * webapps keep who logged in in the HTTP session, and this filter takes the user from there (the groups
 * afresh from the identity service, so a removed membership counts at once).
 *
 * <p>A session cookie goes with every request a browser sends, also one another site makes it send; so
 * the session counts only with the header {@link #HEADER}, which the page sets and which no other site
 * can add without the hub's leave (a cross-origin request with a custom header needs CORS, which the hub
 * never grants). HTTP basic works as on the rest of {@code /api}.
 */
public final class CaseViewSession extends OncePerRequestFilter {

    /** Sent by the case view page with every call. */
    public static final String HEADER = "X-ESP-Case-View";
    static final String PATH = "/api/cases/";
    private static final String ENGINE = "default";

    private final IdentityService identity;

    public CaseViewSession(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + PATH) || request.getHeader(HEADER) == null
                || request.getHeader("Authorization") != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = loggedInUser(request.getSession(false));
        if (user != null && SecurityContextHolder.getContext().getAuthentication() == null) {
            List<GrantedAuthority> groups = identity.createGroupQuery().groupMember(user).list().stream()
                    .<GrantedAuthority>map(group -> new SimpleGrantedAuthority(
                            CamundaIdentityAuthentication.group(group.getId())))
                    .toList();
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(user, null, groups));
        }
        chain.doFilter(request, response);
    }

    private static String loggedInUser(HttpSession session) {
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        Authentication login = authentications == null ? null : authentications.getAuthenticationForProcessEngine(ENGINE);
        return login == null ? null : login.getName();
    }
}
