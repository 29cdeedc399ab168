package org.esphub.routes;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.model.InterceptSendToEndpointDefinition;
import org.apache.camel.model.Model;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;

/**
 * Start-up check that no route can send around the data-sharing gate
 * ({@code camel-routes/data-sharing-gate.yaml}):
 * <ul>
 *   <li>the gate's route configuration has no id, which Camel applies to every route that names
 *       no route configuration of its own, so no route may name one;</li>
 *   <li>Camel lets only the first interceptor that matches an endpoint decorate it, so no other
 *       interceptSendToEndpoint may exist: it could take an agency endpoint from the gate.</li>
 * </ul>
 */
public final class GatedRoutes {

    /** The ids of the gate's own interceptors start with this. */
    static final String GATE_INTERCEPTOR_PREFIX = "data-sharing-gate";

    private GatedRoutes() {
    }

    /** @throws IllegalStateException naming every route and interceptor that would bypass the gate */
    public static void check(CamelContext camel) {
        Model model = camel.getCamelContextExtension().getContextPlugin(Model.class);
        List<String> problems = new ArrayList<>();
        List<String> optedOut = model.getRouteDefinitions().stream()
                .filter(route -> route.getRouteConfigurationId() != null)
                .map(RouteDefinition::getRouteId)
                .toList();
        if (!optedOut.isEmpty()) {
            problems.add("routes " + optedOut + " name route configurations of their own and so would not get the"
                    + " gate; remove routeConfigurationId from them");
        }
        List<String> foreign = new ArrayList<>();
        for (RouteConfigurationDefinition configuration : model.getRouteConfigurationDefinitions()) {
            for (InterceptSendToEndpointDefinition intercept : configuration.getInterceptSendTos()) {
                if (intercept.getId() == null || !intercept.getId().startsWith(GATE_INTERCEPTOR_PREFIX)) {
                    foreign.add(intercept.getUri());
                }
            }
        }
        for (RouteDefinition route : model.getRouteDefinitions()) {
            route.getOutputs().stream()
                    .filter(InterceptSendToEndpointDefinition.class::isInstance)
                    .map(output -> ((InterceptSendToEndpointDefinition) output).getUri())
                    .forEach(foreign::add);
        }
        if (!foreign.isEmpty()) {
            problems.add("interceptSendToEndpoint " + foreign + " could take endpoints from the gate's interceptors;"
                    + " put such steps into the interceptors of data-sharing-gate.yaml instead");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Sends could bypass the data-sharing gate: " + String.join("; ", problems));
        }
    }
}
