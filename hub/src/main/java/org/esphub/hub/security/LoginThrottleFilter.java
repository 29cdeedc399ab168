package org.esphub.hub.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.esphub.dci.DciReasonCode;
import org.esphub.hub.api.DciHttpErrors;
import org.esphub.hub.web.InJvmWorkerCredential;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every place a password or client secret is checked: HTTP basic on {@code /engine-rest} and
 * {@code /api}, the Camunda webapps' login form and the OAuth2 token endpoint's client
 * authentication. A 401 there is a failed login of the client address ({@link LoginThrottle});
 * once its allowance is spent, its logins are answered 429 with {@code Retry-After} before any
 * password is checked, the right one included (otherwise the answer would still tell a guess
 * right from wrong).
 *
 * <p>Bearer tokens are not throttled (they cannot be guessed and lock nothing), nor is the in-JVM
 * workers' per-start credential, so someone hammering from the hub's own host cannot stop them.
 * The client address is the connection's, or the proxy's forwarded one where
 * {@code server.forward-headers-strategy} says to trust it.
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

    private static final Pattern WEBAPP_LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/.*");

    private final LoginThrottle throttle;
    private final InJvmWorkerCredential inJvmWorkers;
    private final ObjectMapper mapper;

    public LoginThrottleFilter(LoginThrottle throttle, InJvmWorkerCredential inJvmWorkers, ObjectMapper mapper) {
        this.throttle = throttle;
        this.inJvmWorkers = inJvmWorkers;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isLoginAttempt(request) || inJvmWorkers.isPresentedBy(request)) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Optional<Duration> wait = throttle.waitBeforeNextLogin(address);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            DciHttpErrors.write(response, mapper, 429, DciReasonCode.REQUEST_TOO_MANY,
                    "too many failed logins from your address; try again in " + seconds + " s");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            throttle.recordFailure(address);
        }
    }

    /** Credentials other than a bearer token, sent where a password or client secret is checked. */
    static boolean isLoginAttempt(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.startsWith("/oauth2/")) {
            return true;
        }
        if ("POST".equals(request.getMethod()) && WEBAPP_LOGIN.matcher(path).matches()) {
            return true;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean credentials = authorization != null && !authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        return credentials && (path.equals("/engine-rest") || path.startsWith("/engine-rest/")
                || path.equals("/api") || path.startsWith("/api/"));
    }
}
