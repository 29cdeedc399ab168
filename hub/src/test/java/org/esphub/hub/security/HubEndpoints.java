package org.esphub.hub.security;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Every HTTP endpoint a running hub serves that can be listed, as {@code METHOD path}: the
 * handler methods of all Spring MVC mappings (the hub's controllers under /dci and /api, the
 * simulators under /sim, the error page, springdoc's document and Swagger UI, and the actuator's
 * endpoints, which have a mapping of their own) and the OAuth2 issuer's endpoints. The engine
 * REST API (JAX-RS, hundreds of resources) and the Camunda webapps are servlets of their own, and
 * Swagger UI's files are static resources: they cannot be listed this way, and the matrix probes
 * them by representative resources.
 */
final class HubEndpoints {

    /** Paths served outside Spring MVC, represented in the matrix rather than listed. */
    static final Set<String> UNLISTED_PREFIXES = Set.of("/engine-rest/", "/camunda/", "/swagger-ui/");

    private HubEndpoints() {
    }

    static Set<String> of(ApplicationContext context) {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping
                : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String path : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        endpoints.add("ANY " + path);
                    }
                    methods.forEach(method -> endpoints.add(method.name() + " " + path));
                }
            }
        }
        context.getBeanProvider(AuthorizationServerSettings.class).ifAvailable(issuer -> endpoints.addAll(issuer(issuer)));
        return endpoints;
    }

    /**
     * The issuer's endpoints, read from its settings so that one it starts serving needs a row
     * too: token, keys, introspection, revocation, authorization and pushed authorization (no
     * client may use that grant), device authorization and verification, and the server metadata.
     */
    private static Set<String> issuer(AuthorizationServerSettings settings) {
        Set<String> endpoints = new TreeSet<>();
        endpoints.add("POST " + settings.getTokenEndpoint());
        endpoints.add("GET " + settings.getJwkSetEndpoint());
        endpoints.add("POST " + settings.getTokenIntrospectionEndpoint());
        endpoints.add("POST " + settings.getTokenRevocationEndpoint());
        endpoints.add("GET " + settings.getAuthorizationEndpoint());
        endpoints.add("POST " + settings.getDeviceAuthorizationEndpoint());
        endpoints.add("GET " + settings.getDeviceVerificationEndpoint());
        endpoints.add("POST " + settings.getPushedAuthorizationRequestEndpoint());
        endpoints.add("GET /.well-known/oauth-authorization-server");
        return endpoints;
    }

    static boolean isListable(String path) {
        return UNLISTED_PREFIXES.stream().noneMatch(path::startsWith);
    }
}
