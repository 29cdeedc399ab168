package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The split between hub nodes and agency-link nodes holds: an agency-link node loads every route
 * file but {@code hub-*.yaml}, so the inbound queue routes (whose intake is on hub nodes) must be
 * in {@code hub-*.yaml}, every task's route must not (but the hub's own steps, topics {@code hub.*},
 * whose worker only hub nodes run: {@code esp.workers.hub-steps}), and no route a link node loads may
 * call a route that only hub nodes have.
 */
class HubOnlyRouteFilesTest {

    private static final String HUB_ONLY_PREFIX = "hub-";
    /** Topics of the hub's own steps (no agency called); their worker runs on hub nodes only. */
    private static final String HUB_STEP_PREFIX = "hub.";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private record RouteFile(String name, String routeId, String from, List<String> directCalls) {

        boolean hubOnly() {
            return name.startsWith(HUB_ONLY_PREFIX);
        }
    }

    private static final List<RouteFile> ROUTES = new ArrayList<>();

    @BeforeAll
    static void readRouteFiles() throws Exception {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:camel-routes/*.yaml");
        assertThat(files).isNotEmpty();
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                for (JsonNode element : YAML.readTree(in)) {
                    JsonNode route = element.path("route");
                    if (!route.isMissingNode()) {
                        List<String> calls = new ArrayList<>();
                        route.findValues("to").forEach(to -> {
                            String uri = to.isTextual() ? to.asText() : to.path("uri").asText();
                            if (uri.startsWith("direct:")) {
                                calls.add(uri);
                            }
                        });
                        ROUTES.add(new RouteFile(file.getFilename(), route.path("id").asText(),
                                route.path("from").path("uri").asText(), calls));
                    }
                }
            }
        }
    }

    @Test
    void every_route_consuming_a_queue_is_in_a_hub_only_file() {
        assertThat(ROUTES).filteredOn(route -> route.from().startsWith("jms:"))
                .isNotEmpty()
                .allSatisfy(route -> assertThat(route.hubOnly())
                        .as("%s consumes %s: its intake is on hub nodes, so it belongs in a hub-*.yaml file",
                                route.routeId(), route.from())
                        .isTrue());
    }

    @Test
    void every_task_route_is_in_a_file_agency_link_nodes_load() throws Exception {
        for (String topic : EveryTopicHasARouteTest.topicsOfTheModels()) {
            boolean hubStep = topic.startsWith(HUB_STEP_PREFIX);
            assertThat(ROUTES).filteredOn(route -> route.from().equals("direct:" + topic))
                    .as("the route of topic %s", topic)
                    .singleElement()
                    .satisfies(route -> assertThat(route.hubOnly())
                            .as(hubStep ? "%s (%s) is a hub step: only hub nodes work it"
                                    : "%s (%s) must run where the workers run", route.routeId(), route.name())
                            .isEqualTo(hubStep));
        }
    }

    @Test
    void no_route_a_link_node_loads_calls_a_hub_only_route() {
        assertThat(ROUTES).as("the calls are read at all (sa-fetch-benefit hands the answer on)")
                .flatMap(RouteFile::directCalls).contains("direct:person-record-answer");
        Map<String, RouteFile> byInput = new HashMap<>();
        ROUTES.forEach(route -> byInput.put(route.from(), route));
        ROUTES.stream().filter(route -> !route.hubOnly()).forEach(route -> route.directCalls().forEach(call ->
                assertThat(byInput.get(call))
                        .as("%s calls %s", route.routeId(), call)
                        .isNotNull()
                        .satisfies(called -> assertThat(called.hubOnly())
                                .as("%s calls %s, which only hub nodes load (%s)", route.routeId(), call, called.name())
                                .isFalse())));
    }
}
