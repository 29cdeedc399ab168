package org.esphub.hub.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.esphub.hub.identity.AgencyRole;

/**
 * Who calls {@code /engine-rest}: the in-JVM workers by their per-start credential (group
 * {@code esp-workers}, no identity-service lookup), everyone else by HTTP basic against
 * Camunda's users ({@link CachedBasicAuthentication}).
 */
public class EngineRestAuthentication implements AuthenticationProvider {

    private final InJvmWorkerCredential inJvmWorkers;
    private final AuthenticationProvider users;

    public EngineRestAuthentication(InJvmWorkerCredential inJvmWorkers, AuthenticationProvider users) {
        this.inJvmWorkers = inJvmWorkers;
        this.users = users;
    }

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        if (inJvmWorkers.isPresentedBy(request)) {
            AuthenticationResult worker = AuthenticationResult.successful(inJvmWorkers.workerId());
            worker.setGroups(List.of(AgencyRole.WORKERS.groupId()));
            worker.setTenants(List.of());
            return worker;
        }
        return users.extractAuthenticatedUser(request, engine);
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
        users.augmentResponseByAuthenticationChallenge(response, engine);
    }
}
