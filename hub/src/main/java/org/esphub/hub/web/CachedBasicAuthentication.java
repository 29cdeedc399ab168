package org.esphub.hub.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * Camunda's HTTP basic check for {@code /engine-rest}, remembering a successful login for a
 * minute. Without it every REST call costs a password check and two queries for the user's groups
 * and tenants; remote external-task workers make several calls per task, which made
 * authentication a visible share of the referral benchmark.
 *
 * <p>Only successes are remembered, keyed by a SHA-256 of the credentials (never the password
 * itself), so wrong passwords are checked every time (and counted by the login throttle), and a
 * changed password or group takes effect within {@link #REMEMBER_FOR}.
 */
public class CachedBasicAuthentication implements AuthenticationProvider {

    static final Duration REMEMBER_FOR = Duration.ofSeconds(60);
    /** Enough for every technical and human user of a hub; beyond it the memory starts afresh. */
    static final int MAX_REMEMBERED = 1000;

    private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(String userId, List<String> groups, List<String> tenants, long until) {
    }

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic.extractAuthenticatedUser(request, engine);
        }
        String key = fingerprint(engine.getName() + '\n' + header);
        long now = System.nanoTime();
        Remembered known = remembered.get(key);
        if (known != null && now - known.until() < 0) {
            return authenticated(known);
        }
        AuthenticationResult result = basic.extractAuthenticatedUser(request, engine);
        if (!result.isAuthenticated()) {
            remembered.remove(key);
            return result;
        }
        IdentityService identity = engine.getIdentityService();
        String userId = result.getAuthenticatedUser();
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        List<String> tenants = identity.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()
                .stream().map(Tenant::getId).toList();
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        Remembered login = new Remembered(userId, groups, tenants, now + REMEMBER_FOR.toNanos());
        remembered.put(key, login);
        return authenticated(login);
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        basic.augmentResponseByAuthenticationChallenge(response, engine);
    }

    private static AuthenticationResult authenticated(Remembered login) {
        AuthenticationResult result = AuthenticationResult.successful(login.userId());
        // given groups and tenants, the filter does not query them again
        result.setGroups(login.groups());
        result.setTenants(login.tenants());
        return result;
    }

    private static String fingerprint(String credentials) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(credentials.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
