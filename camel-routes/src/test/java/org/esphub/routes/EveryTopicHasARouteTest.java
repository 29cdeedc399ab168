package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.camel.Route;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The models and the route files agree: every external-task topic has its {@code direct:<topic>}
 * route, or its worker's hand-off fails on every attempt.
 */
class EveryTopicHasARouteTest extends RouteTestSupport {

    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

    @Test
    void every_external_task_topic_of_the_models_has_a_route_to_hand_off_to() throws Exception {
        Set<String> inputs = context.getRoutes().stream()
                .map(Route::getEndpoint)
                .map(endpoint -> endpoint.getEndpointUri().replaceFirst("^direct://", "direct:"))
                .collect(Collectors.toSet());

        assertThat(inputs).containsAll(topicsOfTheModels().stream().map(topic -> "direct:" + topic).toList());
    }

    static Set<String> topicsOfTheModels() throws Exception {
        Resource[] models = new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn");
        assertThat(models).as("the models of the processes module").isNotEmpty();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Set<String> topics = new TreeSet<>();
        for (Resource model : models) {
            try (InputStream in = model.getInputStream()) {
                NodeList elements = factory.newDocumentBuilder().parse(in).getElementsByTagName("*");
                for (int i = 0; i < elements.getLength(); i++) {
                    String topic = ((Element) elements.item(i)).getAttributeNS(CAMUNDA_NS, "topic");
                    if (!topic.isEmpty()) {
                        topics.add(topic);
                    }
                }
            }
        }
        return topics;
    }
}
