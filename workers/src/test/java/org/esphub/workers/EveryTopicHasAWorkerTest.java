package org.esphub.workers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.esphub.workers.handoff.RouteWorker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The models and the workers agree: a topic without a worker would leave its tasks waiting forever
 * without an incident, a worker without a topic is dead code.
 */
class EveryTopicHasAWorkerTest {

    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

    @Test
    void every_external_task_topic_of_the_models_has_exactly_one_worker_and_every_worker_a_topic() throws Exception {
        Map<String, List<Class<?>>> workers = workersByTopic();

        assertThat(workers.keySet()).containsExactlyInAnyOrderElementsOf(topicsOfTheModels());
        assertThat(workers).allSatisfy((topic, handlers) -> assertThat(handlers).as(topic).hasSize(1));
    }

    @Test
    void every_worker_hands_off_and_reads_only_its_input_mappings_and_its_retry_schedule() throws Exception {
        for (List<Class<?>> handlers : workersByTopic().values()) {
            Class<?> worker = handlers.get(0);
            ExternalTaskSubscription subscription = worker.getAnnotation(ExternalTaskSubscription.class);
            assertThat(RouteWorker.class).as(worker.getName()).isAssignableFrom(worker);
            assertThat(subscription.localVariables()).as(worker.getName() + " localVariables").isTrue();
            assertThat(subscription.includeExtensionProperties()).as(worker.getName() + " includeExtensionProperties").isTrue();
        }
    }

    private static Map<String, List<Class<?>>> workersByTopic() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ExternalTaskSubscription.class));
        Map<String, List<Class<?>>> workers = new TreeMap<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.esphub.workers")) {
            Class<?> worker = Class.forName(candidate.getBeanClassName());
            String topic = worker.getAnnotation(ExternalTaskSubscription.class).topicName();
            workers.computeIfAbsent(topic, t -> new ArrayList<>()).add(worker);
        }
        return workers;
    }

    private static Set<String> topicsOfTheModels() throws Exception {
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
