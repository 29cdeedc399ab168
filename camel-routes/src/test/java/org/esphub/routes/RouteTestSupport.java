package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.esphub.processes.decisions.DecisionRules;
import jakarta.jms.ConnectionFactory;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.component.jms.JmsConfiguration;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Registry;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Runs the real YAML route files, exactly as packaged, with the real data-sharing gate
 * ({@link GateOnH2}: the shipped agreements, consents and audit log on H2) and everything else
 * stood in: the intake beans by recording doubles, the agencies' HTTP APIs by
 * {@link AgencyStandIn}, and the broker by mock endpoints.
 *
 * <p>Every route that consumes from JMS is advised to consume from {@code direct:<route id>}
 * instead, so a test sends what a queue would deliver (including JMS headers) straight in, and
 * any failure comes back on the exchange, where the JMS transaction would see it and roll back.
 */
abstract class RouteTestSupport extends CamelTestSupport {

    static final String SENDER_ID = "esp-hub";
    static final String SA_RECEIVER_ID = "sa.gov.example";
    static final String PES_RECEIVER_ID = "pes.gov.example";
    /** The queue message size limit the route tests run with. */
    static final long MAX_MESSAGE_BYTES = 1024;
    static final Instant NOW = Instant.parse("2026-03-02T09:15:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> ROUTE_FILES = List.of(
            "classpath:camel-routes/data-sharing-gate.yaml",
            "classpath:camel-routes/sa-link.yaml",
            "classpath:camel-routes/pes-link.yaml",
            "classpath:camel-routes/tax-link.yaml",
            "classpath:camel-routes/agency-answers.yaml",
            "classpath:camel-routes/tvet-link.yaml",
            "classpath:camel-routes/employer-link.yaml",
            "classpath:camel-routes/labour-link.yaml",
            "classpath:camel-routes/hub-dead-letter.yaml",
            "classpath:camel-routes/hub-sa-inbound.yaml",
            "classpath:camel-routes/hub-pes-inbound.yaml",
            "classpath:camel-routes/hub-status-sources.yaml");

    protected final AgencyStandIn agency = AgencyStandIn.start();
    protected final GateOnH2 governance = new GateOnH2();
    protected final RecordingReferralIntake referralIntake = new RecordingReferralIntake();
    protected final RecordingAgencyEventIntake agencyEventIntake = new RecordingAgencyEventIntake();
    protected final RecordingStatusWeighing statusWeighing = new RecordingStatusWeighing();

    @Override
    public boolean isUseAdviceWith() {
        // the context is started by adviseJmsConsumersAndStart, once the JMS consumers are replaced
        return true;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        // set here, not in useOverridePropertiesWithPropertiesComponent(): CamelTestSupport reads that
        // in its constructor, before the agency stand-in (and so its port) exists
        camel.getPropertiesComponent().setInitialProperties(properties());
        // The YAML names jms: endpoints, so the component must exist for the routes to start.
        // Queues record what is sent on mock:jms:queue:<name> after the gate ran; the connection
        // factory refuses to connect: consumers are replaced, so a test that reached for a broker
        // anyway fails loudly instead of hanging.
        camel.addComponent("jms", new RecordingJmsComponent(new JmsConfiguration(unreachableBroker())));
        return camel;
    }

    @Override
    protected void bindToRegistry(Registry registry) {
        registry.bind(InboundReferrals.BEAN, referralIntake);
        registry.bind(InboundAgencyEvents.BEAN, agencyEventIntake);
        registry.bind(InboundQueueErrors.BEAN, new InboundQueueErrors());
        registry.bind(EmploymentStatusWeighing.BEAN, statusWeighing);
        registry.bind("payloadMapper", new PayloadMapper());
        registry.bind("decisionExplainer", new DecisionExplainer(DecisionRules.ofNotices()));
        registry.bind("onceOnTheBroker", new OnceOnTheBroker());
        registry.bind("inboundJmsMessage", new InboundJmsMessage(MAX_MESSAGE_BYTES));
        registry.bind("outboundEnvelope", new OutboundEnvelope(SENDER_ID, Clock.fixed(NOW, ZoneOffset.UTC)));
        registry.bind("outboundGate", new OutboundGate(governance.gate(), new ObjectMapper(), SENDER_ID));
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        List<Resource> resources = new ArrayList<>();
        for (String file : ROUTE_FILES) {
            resources.add(ResourceHelper.resolveMandatoryResource(context, file));
        }
        return PluginHelper.getRoutesLoader(context).findRoutesBuilders(resources).toArray(RoutesBuilder[]::new);
    }

    @BeforeEach
    void adviseJmsConsumersAndStart() throws Exception {
        for (RouteDefinition route : List.copyOf(context.getRouteDefinitions())) {
            if (route.getInput().getEndpointUri().startsWith("jms:")) {
                AdviceWith.adviceWith(context, route.getRouteId(), advice -> advice.replaceFromWith("direct:" + route.getRouteId()));
            }
        }
        context.start();
    }

    @AfterEach
    void stopAgencyAndGate() throws InterruptedException {
        agency.close();
        governance.close();
    }

    /** The mock that stands for a JMS queue; it must exist already, so a typo cannot pass as "nothing sent". */
    protected MockEndpoint queue(String name) {
        return getMockEndpoint("mock:jms:queue:" + name, false);
    }

    /**
     * Hands a message to the route the way a worker does: request-reply, failure on the exchange,
     * the task's context in headers and, for the gate, in exchange properties; the task declares
     * the purpose EMPLOYMENT_ACTIVATION, as referral-to-pes does.
     */
    protected Exchange handOff(String topic, Map<String, Object> variables, Map<String, Object> headers) {
        return handOff(topic, variables, headers, GateOnH2.ACTIVATION);
    }

    protected Exchange handOff(String topic, Map<String, Object> variables, Map<String, Object> headers,
            String purpose) {
        return template.request("direct:" + topic, exchange -> {
            exchange.getIn().setBody(variables);
            exchange.getIn().setHeaders(new HashMap<>(headers));
            exchange.setProperty("EspPurpose", purpose);
            exchange.setProperty("EspPersonId", variables.get("personId"));
            exchange.setProperty("EspCorrelationId", headers.get("EspCorrelationId"));
            exchange.setProperty("EspBusinessKey", headers.get("EspBusinessKey"));
        });
    }

    /** Delivers a message to an inbound route the way its JMS consumer would. */
    protected Exchange deliver(String routeId, Object body, Map<String, Object> jmsHeaders) {
        return template.send("direct:" + routeId, exchange -> {
            exchange.getIn().setBody(body);
            exchange.getIn().setHeaders(new HashMap<>(jmsHeaders));
        });
    }

    /** The headers a worker sets when it hands one step of one process to {@code direct:<topic>}. */
    static Map<String, Object> handOffHeaders(String topic, String businessKey, String activityId) {
        return Map.of(
                "EspTopic", topic,
                "EspBusinessKey", businessKey,
                "EspCorrelationId", "corr-" + businessKey,
                "EspIdempotencyKey", businessKey + ":" + activityId + ":ai-1",
                "EspProcessInstanceId", "pi-" + businessKey,
                "EspActivityId", activityId);
    }

    /** A JSON document as a map, to compare what went over the wire field by field. */
    static Map<String, Object> json(String document) {
        try {
            return JSON.readValue(document, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a JSON object: " + document, e);
        }
    }

    /**
     * Ids that would steer an agency call if a route built its endpoint from them: a parent or
     * "this" segment, a property placeholder (a secret in a URL), an endpoint option (another
     * method), an encoded parent, a path of its own. A route must refuse each, or pass it on as
     * nothing but a literal value. For {@code @MethodSource("hostileIds")}.
     */
    static Stream<String> hostileIds() {
        return Stream.of("..", ".", "{{env:HOME}}", "1?httpMethod=DELETE", "%2e%2e", "1/../../admin",
                "1?proxyHost=attacker.example&proxyPort=80");
    }

    /**
     * The route refused to name a resource by an unusable id: the business outcome the models
     * handle for an exchange the hub will not make, with the reason, and nothing reached the agency.
     */
    protected void assertRefusedForItsId(Exchange reply) {
        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeader("EspBpmnErrorCode")).isEqualTo("EXCHANGE_REFUSED");
        assertThat(reply.getMessage().getHeader("EspBpmnErrorMessage", String.class))
                .startsWith(UnusableIdentifier.CODE);
        assertThat(agency.requestCount()).as("calls that reached the agency").isZero();
    }

    /**
     * The one call reached the stand-in (so the host is unchanged) with the route's method and path,
     * and the id travelled as a literal JSON value of the body, unresolved and unencoded.
     */
    protected void assertIdReachedTheAgencyLiterally(String method, String path, String field, String id) {
        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.method()).isEqualTo(method);
        assertThat(request.path()).isEqualTo(path);
        assertThat(json(request.body())).containsEntry(field, id);
    }

    /** True for a hand-off header (Esp...), which must never reach an agency or come back from one. */
    static boolean isHandOffHeader(String name) {
        return name.regionMatches(true, 0, "Esp", 0, 3);
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.put("esp.queues.referrals-in", "esp.referrals.in");
        properties.put("esp.queues.pes-events-in", "esp.pes.events.in");
        properties.put("esp.queues.sa-events-in", "esp.sa.events.in");
        properties.put("esp.queues.sa-notifications-out", "esp.sa.notifications.out");
        properties.put("esp.queues.pes-notifications-out", "esp.pes.notifications.out");
        properties.put("esp.queues.dead-letter", "DLQ");
        properties.put("esp.referrals.consumers", "2");
        properties.put("esp.events.consumers", "2");
        properties.put("esp.sa.base-url", agency.baseUrl());
        properties.put("esp.sa.receiver-id", SA_RECEIVER_ID);
        properties.put("esp.pes.base-url", agency.baseUrl());
        properties.put("esp.pes.receiver-id", PES_RECEIVER_ID);
        properties.put("esp.tax.base-url", agency.baseUrl());
        properties.put("esp.tvet.base-url", agency.baseUrl() + "/tvet");
        properties.put("esp.employer.base-url", agency.baseUrl() + "/employers");
        properties.put("esp.labour.base-url", agency.baseUrl() + "/labour");
        properties.put("esp.status.live-timeout-ms", "2000");
        return properties;
    }

    private static ConnectionFactory unreachableBroker() {
        return (ConnectionFactory) Proxy.newProxyInstance(RouteTestSupport.class.getClassLoader(),
                new Class<?>[] {ConnectionFactory.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "unreachable broker";
                        };
                    }
                    throw new IllegalStateException("route tests have no broker; " + method.getName() + " was called");
                });
    }
}
