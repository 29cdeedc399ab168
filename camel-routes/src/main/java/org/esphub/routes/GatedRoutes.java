package org.esphub.routes;

import java.util.ArrayList;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.model.DynamicRouterDefinition;
import org.apache.camel.model.EnrichDefinition;
import org.apache.camel.model.InterceptSendToEndpointDefinition;
import org.apache.camel.model.Model;
import org.apache.camel.model.PollEnrichDefinition;
import org.apache.camel.model.ProcessorDefinition;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RecipientListDefinition;
import org.apache.camel.model.RouteConfigurationDefinition;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.RoutingSlipDefinition;
import org.apache.camel.model.ToDynamicDefinition;

/**
 * Start-up check that no route can send around the data-sharing gate
 * ({@code camel-routes/data-sharing-gate.yaml}):
 * <ul>
 *   <li>the gate's route configuration has no id, which Camel applies to every route that names
 *       no route configuration of its own, so no route may name one;</li>
 *   <li>Camel lets only the first interceptor that matches an endpoint decorate it, so no other
 *       interceptSendToEndpoint may exist: it could take an agency endpoint from the gate.</li>
 *   <li>the gate releases data to the agency of the route's agreement, so every send names its
 *       endpoint statically ({@code to}, with {@code {{placeholders}}} from configuration only): an
 *       endpoint computed from the message ({@code toD}, {@code wireTap}, {@code enrich},
 *       {@code recipientList}, ...) could be pointed elsewhere by data, get endpoint options
 *       ({@code ?httpMethod=DELETE}) or resolve a placeholder ({@code {{env:...}}}). An id goes
 *       into a path through {@link AgencyPath}.</li>
 * </ul>
 */
public final class GatedRoutes {

    /** The ids of the gate's own interceptors start with this. */
    static final String GATE_INTERCEPTOR_PREFIX = "data-sharing-gate";
    /** Sends whose endpoint is an expression evaluated per message (wireTap is a kind of toD). */
    private static final List<Class<?>> DYNAMIC_SENDS = List.of(ToDynamicDefinition.class, EnrichDefinition.class,
            PollEnrichDefinition.class, RecipientListDefinition.class, RoutingSlipDefinition.class,
            DynamicRouterDefinition.class);

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
        List<String> dynamic = dynamicSends(model);
        if (!dynamic.isEmpty()) {
            problems.add("sends to endpoints computed per message " + dynamic + " could be steered by data; send"
                    + " with 'to' to a configured endpoint and put ids into CamelHttpPath with AgencyPath");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Sends could bypass the data-sharing gate: " + String.join("; ", problems));
        }
    }

    /** Every dynamic send in the routes and in the route configurations' steps, as "route id: what". */
    private static List<String> dynamicSends(Model model) {
        List<String> found = new ArrayList<>();
        for (RouteDefinition route : model.getRouteDefinitions()) {
            dynamicSendsIn(route.getOutputs(), route.getRouteId(), found);
        }
        for (RouteConfigurationDefinition configuration : model.getRouteConfigurationDefinitions()) {
            String where = "route configuration " + (configuration.getId() == null ? "(all routes)" : configuration.getId());
            configuration.getInterceptSendTos().forEach(step -> dynamicSendsIn(step.getOutputs(), where, found));
            configuration.getIntercepts().forEach(step -> dynamicSendsIn(step.getOutputs(), where, found));
            configuration.getInterceptFroms().forEach(step -> dynamicSendsIn(step.getOutputs(), where, found));
            configuration.getOnExceptions().forEach(step -> dynamicSendsIn(step.getOutputs(), where, found));
            configuration.getOnCompletions().forEach(step -> dynamicSendsIn(step.getOutputs(), where, found));
        }
        return found;
    }

    private static void dynamicSendsIn(List<ProcessorDefinition<?>> outputs, String where, List<String> found) {
        for (Class<?> type : DYNAMIC_SENDS) {
            for (Object send : ProcessorDefinitionHelper.filterTypeInOutputs(outputs, type)) {
                found.add(where + ": " + ((ProcessorDefinition<?>) send).getShortName() + " " + send);
            }
        }
    }
}
