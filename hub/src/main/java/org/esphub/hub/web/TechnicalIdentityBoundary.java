package org.esphub.hub.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.esphub.dci.DciReasonCode;
import org.esphub.hub.api.DciHttpErrors;
import org.esphub.hub.identity.AgencyRole;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The external-task workers' identity (any member of {@code esp-workers}) may fetch, lock,
 * complete and fail external tasks, raise their BPMN errors and extend or give up their locks,
 * and nothing else on {@code /engine-rest}. Camunda's authorizations cannot say this: fetching
 * and completing need READ and UPDATE on process instances, which also open every instance's
 * variables to the variable endpoints. So the fence is here, after authentication, on the path.
 *
 * <p>Both the path as Tomcat mapped it and the path as sent must be one of the allowed calls, so
 * no encoding, {@code ;} parameter or {@code ..} can make the two disagree.
 */
public class TechnicalIdentityBoundary extends OncePerRequestFilter {

    /** The calls of Camunda's external-task client, optionally under a named engine. */
    private static final Pattern EXTERNAL_TASK_CALL = Pattern.compile(
            "(/engine/[A-Za-z0-9_-]+)?/external-task/(fetchAndLock|[A-Za-z0-9_-]+/"
                    + "(lock|complete|failure|bpmnError|extendLock|unlock))");

    private final IdentityService identityService;
    private final ObjectMapper mapper;

    public TechnicalIdentityBoundary(IdentityService identityService, ObjectMapper mapper) {
        this.identityService = identityService;
        this.mapper = mapper;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = identityService.getCurrentAuthentication();
        boolean technical = caller != null && caller.getGroupIds() != null
                && caller.getGroupIds().contains(AgencyRole.WORKERS.groupId());
        if (technical && !isExternalTaskCall(request)) {
            DciHttpErrors.write(response, mapper, HttpServletResponse.SC_FORBIDDEN, DciReasonCode.REQUEST_FORBIDDEN,
                    "the external-task workers' identity may only fetch, lock, complete and fail external tasks, not "
                            + request.getMethod() + " " + request.getRequestURI());
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isExternalTaskCall(HttpServletRequest request) {
        String mapped = request.getPathInfo();
        String sent = request.getRequestURI().substring(request.getContextPath().length());
        String servletPath = request.getServletPath();
        return "POST".equals(request.getMethod())
                && mapped != null && EXTERNAL_TASK_CALL.matcher(mapped).matches()
                && sent.startsWith(servletPath) && sent.substring(servletPath.length()).equals(mapped);
    }
}
