package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.esphub.hub.support.EligiblePeople;
import org.esphub.hub.outbound.HostResolver;
import org.esphub.hub.outbound.ScriptedResolver;
import org.esphub.hub.signing.HubSigner;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.PublishedHubKeys;
import org.esphub.hub.support.Referrals;
import org.esphub.hub.support.Referrals.Referral;
import org.esphub.hub.webhooks.WebhookSignature;
import org.esphub.processes.ReferralToPes;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.tax.ContributionRegister;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Webhooks as an agency system uses them: it subscribes, the hub POSTs signed events to its
 * URL and retries by the (here shortened) schedule until the subscriber takes them. A local
 * HTTP server plays the subscriber.
 *
 * <p>Every referral an sa-system token posts goes to every sa-system subscription of this
 * class, so each test looks only at the deliveries about its own referral.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext
@TestPropertySource(properties = "esp.webhooks.retry-schedule=PT0S,PT1S,PT1S,PT1S,PT1S,PT1S,PT1S")
class WebhooksApiTest {

    private static final String SUBSCRIPTIONS = "/dci/employment/v1.0.0/webhooks/subscription";
    private static final String REFERRALS = "/dci/employment/v1.0.0/referrals";
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String NOT_WORK_ABLE = "10000000002";

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final Set<String> FLAKY_FAILED_ONCE = ConcurrentHashMap.newKeySet();
    /** The subscribers' server: on loopback, admitted by the test configuration (its port only). */
    private static final HttpServer subscriber = startSubscriber();
    /** Something else on this machine, not admitted: whatever reaches it is a request the hub should not have made. */
    private static final HttpServer internalService = startInternalService();
    private static final List<String> INTERNAL_SERVICE_HITS = new CopyOnWriteArrayList<>();
    /** DNS as the tests script it: nothing here reaches the real DNS. */
    private static final ScriptedResolver DNS = new ScriptedResolver()
            .answer("receiver.test.example", "127.0.0.1")
            // a rebinding server: a public address when the subscription is checked, loopback afterwards
            .answer("rebinding.test.example", "93.184.216.34", "127.0.0.1");

    @Value("${server.port}")
    private int port;
    @Autowired
    private JWKSource<SecurityContext> signingKeys;
    @Autowired
    private SyntheticPopulation population;
    @Autowired
    private ContributionRegister register;
    @Autowired
    private JdbcTemplate jdbc;

    private HubClient hub;
    private EligiblePeople eligible;

    @TestConfiguration
    static class ScriptedDns {

        @Bean
        @Primary
        HostResolver scriptedResolver() {
            return DNS;
        }
    }

    @DynamicPropertySource
    static void admitTheSubscriberOnly(DynamicPropertyRegistry registry) {
        registry.add("esp.outbound.allowed-targets", () -> "localhost:${server.port},127.0.0.1:${server.port},"
                + "127.0.0.1:" + subscriber.getAddress().getPort());
    }

    /** What the subscriber got: the path it was posted to, the headers and the raw body. */
    record Received(String path, String contentType, String event, String deliveryId, String signature,
            String hubSignature, String host, byte[] body) {

        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        boolean about(String referenceId) {
            return json().at("/data/reference_id").asText().equals(referenceId);
        }
    }

    private static HttpServer startSubscriber() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/ok", exchange -> answer(exchange, 200));
            // fails the first attempt of every delivery, takes the second
            server.createContext("/flaky", exchange -> answer(exchange,
                    FLAKY_FAILED_ONCE.add(exchange.getRequestHeaders().getFirst("X-Webhook-Delivery")) ? 500 : 200));
            server.createContext("/down", exchange -> answer(exchange, 500));
            server.createContext("/gone", exchange -> answer(exchange, 410));
            // only the subscription under a DNS name posts here
            server.createContext("/named", exchange -> answer(exchange, 200));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpServer startInternalService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                INTERNAL_SERVICE_HITS.add(exchange.getRequestURI().toString());
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopServers() {
        subscriber.stop(0);
        internalService.stop(0);
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        var headers = exchange.getRequestHeaders();
        RECEIVED.add(new Received(exchange.getRequestURI().getPath(), headers.getFirst("Content-Type"),
                headers.getFirst("X-Webhook-Event"), headers.getFirst("X-Webhook-Delivery"),
                headers.getFirst("X-Webhook-Signature"), headers.getFirst(HubSigner.BODY_SIGNATURE_HEADER), headers.getFirst("Host"),
                body));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @BeforeEach
    void connect() {
        hub = new HubClient(port);
        eligible = new EligiblePeople(population, register, jdbc);
    }

    @Test
    void a_subscriber_receives_referral_created_and_referral_updated_signed_with_its_secret() {
        String token = token("sa-system", "webhook:manage referral:create");
        String secret = "a-secret-of-the-sa-system-0001";
        ResponseEntity<JsonNode> created = send(HttpMethod.POST, SUBSCRIPTIONS, token, Map.of(
                "url", subscriberUrl("/ok"), "events", List.of("referral_created", "referral_updated"),
                "secret", secret));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody().path("subscription_id").asText()).isNotBlank();
        assertThat(created.getBody().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(created.getBody().path("secret").asText()).isEqualTo(secret);
        assertThat(created.getBody().path("created_at").asText()).isNotBlank();

        // this person is not work-able: the referral ends by itself, NOT_ELIGIBLE
        Referral referral = Referrals.forPerson(NOT_WORK_ABLE);
        assertThat(postReferral(token, referral).getStatusCode().value()).isEqualTo(200);

        Received referralCreated = awaitDelivery("/ok", referral.referenceId(), "referral_created");
        assertThat(referralCreated.contentType()).startsWith("application/json");
        assertThat(referralCreated.deliveryId()).isEqualTo(referralCreated.json().path("delivery_id").asText());
        assertThat(referralCreated.signature()).isEqualTo(WebhookSignature.sign(secret, referralCreated.body()));
        PublishedHubKeys hubKeys = PublishedHubKeys.fetch(hub);
        hubKeys.verifyWebhook(referralCreated.body(), referralCreated.hubSignature());
        JsonNode payload = referralCreated.json();
        assertThat(payload.path("event").asText()).isEqualTo("referral_created");
        assertThat(Instant.parse(payload.path("occurred_at").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(payload.at("/data/person_id").asText()).isEqualTo(NOT_WORK_ABLE);
        assertThat(payload.at("/data/sender_id").asText()).isEqualTo("sa.gov.example");
        assertThat(payload.at("/data/process_instance_id").asText()).isNotBlank();
        assertThat(payload.at("/data/correlation_id").asText()).isNotBlank();

        Received referralUpdated = awaitDelivery("/ok", referral.referenceId(), "referral_updated");
        assertThat(referralUpdated.signature()).isEqualTo(WebhookSignature.sign(secret, referralUpdated.body()));
        hubKeys.verifyWebhook(referralUpdated.body(), referralUpdated.hubSignature());
        assertThat(referralUpdated.json().at("/data/status").asText()).isEqualTo("COMPLETED");
        assertThat(referralUpdated.json().at("/data/outcome").asText()).isEqualTo(ReferralToPes.NOT_ELIGIBLE);
    }

    @Test
    void a_subscriber_that_fails_once_gets_the_event_again_and_the_statistics_show_it() {
        String token = token("sa-system", "webhook:manage referral:create");
        ResponseEntity<JsonNode> created = send(HttpMethod.POST, SUBSCRIPTIONS, token, Map.of(
                "url", subscriberUrl("/flaky"), "events", List.of("referral_created")));
        String id = created.getBody().path("subscription_id").asText();
        String generatedSecret = created.getBody().path("secret").asText();
        assertThat(generatedSecret).as("32 random bytes in hex").matches("[0-9a-f]{64}");

        Referral referral = Referrals.forPerson(eligible.next());
        postReferral(token, referral);

        await().atMost(DELIVERY_TIMEOUT).until(() -> deliveriesTo("/flaky", referral.referenceId()).size() == 2);
        List<Received> attempts = deliveriesTo("/flaky", referral.referenceId());
        assertThat(attempts).extracting(Received::deliveryId).as("the same delivery twice").containsOnly(
                attempts.get(0).deliveryId());
        // the same event; only the companion's metadata.retry_count says which attempt it is
        assertThat(attempts.get(0).json().at("/metadata/retry_count").asInt()).isZero();
        assertThat(attempts.get(1).json().at("/metadata/retry_count").asInt()).isEqualTo(1);
        ObjectNode first = attempts.get(0).json().deepCopy();
        ObjectNode second = attempts.get(1).json().deepCopy();
        ((ObjectNode) first.get("metadata")).remove("retry_count");
        ((ObjectNode) second.get("metadata")).remove("retry_count");
        assertThat(second).isEqualTo(first);
        assertThat(attempts.get(1).signature())
                .isEqualTo(WebhookSignature.sign(generatedSecret, attempts.get(1).body()));

        await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> {
            JsonNode statistics = subscription(token, id).path("delivery_statistics");
            assertThat(statistics.path("pending").asInt()).isZero();
            assertThat(statistics.path("delivered").asInt()).isPositive();
            assertThat(statistics.path("failed").asInt()).isZero();
            assertThat(statistics.path("failed_attempts").asInt()).isEqualTo(statistics.path("delivered").asInt());
            assertThat(statistics.path("last_outcome").asText()).isEqualTo("delivered");
            assertThat(statistics.has("last_status_code")).as("the receiver's codes are not shown").isFalse();
            assertThat(statistics.path("last_attempt_at").asText()).isNotBlank();
        });
        assertThat(subscription(token, id).has("secret")).as("the secret is shown only once").isFalse();
    }

    @Test
    void a_delivery_that_fails_every_attempt_of_the_schedule_is_failed() {
        String token = token("sa-system", "webhook:manage referral:create");
        String id = send(HttpMethod.POST, SUBSCRIPTIONS, token, Map.of(
                "url", subscriberUrl("/down"), "events", List.of("referral_created")))
                .getBody().path("subscription_id").asText();

        Referral referral = Referrals.forPerson(eligible.next());
        postReferral(token, referral);

        await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> {
            assertThat(subscription(token, id).at("/delivery_statistics/failed").asInt()).isPositive();
            assertThat(deliveriesTo("/down", referral.referenceId())).hasSize(7);
        });
        assertThat(subscription(token, id).at("/delivery_statistics/last_outcome").asText()).isEqualTo("receiver_error");
    }

    @Test
    void a_receiver_that_refuses_the_event_is_shown_as_refused_not_by_its_status_code() {
        String token = token("sa-system", "webhook:manage referral:create");
        String id = send(HttpMethod.POST, SUBSCRIPTIONS, token, Map.of(
                "url", subscriberUrl("/gone"), "events", List.of("referral_created")))
                .getBody().path("subscription_id").asText();

        Referral referral = Referrals.forPerson(eligible.next());
        postReferral(token, referral);

        await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> assertThat(
                subscription(token, id).at("/delivery_statistics/last_outcome").asText())
                .isEqualTo("refused_by_receiver"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:61616/", "http://[::1]:61616/", "http://0x7f000001:61616/",
            "http://2130706433:61616/", "http://017700000001:61616/", "http://127.1:61616/",
            "http://[::ffff:127.0.0.1]:61616/", "http://[0:0:0:0:0:ffff:7f00:1]/", "http://localhost:61616/",
            "http://10.0.0.1/hooks", "http://172.16.0.1/hooks", "http://192.168.1.1/hooks", "http://[fd12::1]/hooks",
            "http://169.254.1.1/hooks", "http://[fe80::1]/hooks", "http://100.64.0.1/hooks", "http://0.0.0.0/hooks",
            "http://[::]/hooks", "http://224.0.0.1/hooks", "http://[ff02::1]/hooks",
            "http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/latest/meta-data/",
            "http://metadata.google.internal/computeMetadata/v1/", "http://metadata/computeMetadata/v1/"})
    void a_subscription_to_an_address_inside_the_hubs_networks_is_refused_in_every_spelling(String url) {
        String token = mintedToken("target-test-client", "webhook:manage");
        String ok = send(HttpMethod.POST, SUBSCRIPTIONS, token, Map.of("url", "https://hooks.agency.example/x",
                "events", List.of("referral_created"))).getBody().path("subscription_id").asText();

        ResponseEntity<JsonNode> created = send(HttpMethod.POST, SUBSCRIPTIONS, token,
                Map.of("url", url, "events", List.of("referral_created")));
        ResponseEntity<JsonNode> moved = send(HttpMethod.PUT, SUBSCRIPTIONS + "/" + ok, token, Map.of("url", url));

        for (ResponseEntity<JsonNode> refused : List.of(created, moved)) {
            assertThat(refused.getStatusCode().value()).isEqualTo(400);
            assertThat(refused.getBody().at("/errors/0/code").asText()).isEqualTo("err.request.bad");
            assertThat(refused.getBody().get("errors").findValuesAsText("message"))
                    .anySatisfy(m -> assertThat(m).startsWith("$.url: "));
        }
        JsonNode stored = send(HttpMethod.GET, SUBSCRIPTIONS, token, null).getBody().get("subscriptions");
        assertThat(stored.findValuesAsText("url")).as("nothing stored, nothing changed")
                .containsOnly("https://hooks.agency.example/x");
        send(HttpMethod.DELETE, SUBSCRIPTIONS + "/" + ok, token, null);
    }

    @Test
    void a_name_that_resolves_to_loopback_at_delivery_is_not_called_and_shown_as_blocked() {
        String token = token("sa-system", "webhook:manage referral:create");
        String url = "http://rebinding.test.example:" + internalService.getAddress().getPort() + "/admin";
        ResponseEntity<JsonNode> created = send(HttpMethod.POST, SUBSCRIPTIONS, token,
                Map.of("url", url, "events", List.of("referral_created")));
        assertThat(created.getStatusCode().value()).as("a public address when subscribing").isEqualTo(201);
        String id = created.getBody().path("subscription_id").asText();

        postReferral(token, Referrals.forPerson(eligible.next()));

        await().atMost(DELIVERY_TIMEOUT).untilAsserted(() -> {
            JsonNode statistics = subscription(token, id).path("delivery_statistics");
            assertThat(statistics.path("last_outcome").asText()).isEqualTo("blocked_target");
            assertThat(statistics.path("failed").asInt()).as("not tried again").isPositive();
        });
        assertThat(INTERNAL_SERVICE_HITS).as("the loopback service was never called").isEmpty();
        send(HttpMethod.DELETE, SUBSCRIPTIONS + "/" + id, token, null);
    }

    @Test
    void an_admitted_receiver_gets_the_event_at_the_address_checked_under_its_own_name() {
        String token = token("sa-system", "webhook:manage referral:create");
        String url = "http://receiver.test.example:" + subscriber.getAddress().getPort() + "/named";
        String id = send(HttpMethod.POST, SUBSCRIPTIONS, token, Map.of("url", url,
                "events", List.of("referral_created"))).getBody().path("subscription_id").asText();

        Referral referral = Referrals.forPerson(eligible.next());
        postReferral(token, referral);

        // receiver.test.example exists only in the scripted DNS: the hub connected to the address it checked
        Received delivered = awaitDelivery("/named", referral.referenceId(), "referral_created");
        assertThat(delivered.host()).isEqualTo("receiver.test.example:" + subscriber.getAddress().getPort());
        PublishedHubKeys.fetch(hub).verifyWebhook(delivered.body(), delivered.hubSignature());
        send(HttpMethod.DELETE, SUBSCRIPTIONS + "/" + id, token, null);
    }

    @Test
    void a_client_sees_and_changes_only_its_own_subscriptions() {
        String sa = token("sa-system", "webhook:manage");
        String pes = token("pes-system", "webhook:manage");
        String id = send(HttpMethod.POST, SUBSCRIPTIONS, sa, Map.of(
                "url", "https://sa.example.gov/hooks", "events", List.of("compliance_alert")))
                .getBody().path("subscription_id").asText();

        assertThat(send(HttpMethod.GET, SUBSCRIPTIONS, pes, null).getBody().get("subscriptions")
                .findValuesAsText("subscription_id")).doesNotContain(id);
        for (ResponseEntity<JsonNode> attempt : List.of(
                send(HttpMethod.PUT, SUBSCRIPTIONS + "/" + id, pes, Map.of("status", "PAUSED")),
                send(HttpMethod.DELETE, SUBSCRIPTIONS + "/" + id, pes, null),
                send(HttpMethod.PUT, SUBSCRIPTIONS + "/no-such-subscription", sa, Map.of("status", "PAUSED")))) {
            assertThat(attempt.getStatusCode().value()).isEqualTo(404);
            assertThat(attempt.getBody().at("/errors/0/code").asText()).isEqualTo("err.request.not_found");
        }

        ResponseEntity<JsonNode> paused = send(HttpMethod.PUT, SUBSCRIPTIONS + "/" + id, sa,
                Map.of("status", "PAUSED", "events", List.of("compliance_alert", "placement_created")));
        assertThat(paused.getStatusCode().value()).isEqualTo(200);
        assertThat(paused.getBody().path("status").asText()).isEqualTo("PAUSED");
        assertThat(paused.getBody().path("url").asText()).as("unchanged").isEqualTo("https://sa.example.gov/hooks");
        assertThat(subscription(sa, id).path("events")).hasSize(2);

        assertThat(send(HttpMethod.DELETE, SUBSCRIPTIONS + "/" + id, sa, null).getStatusCode().value()).isEqualTo(204);
        assertThat(send(HttpMethod.GET, SUBSCRIPTIONS, sa, null).getBody().get("subscriptions")
                .findValuesAsText("subscription_id")).doesNotContain(id);
        assertThat(send(HttpMethod.DELETE, SUBSCRIPTIONS + "/" + id, sa, null).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void the_eleventh_active_subscription_of_a_client_exceeds_the_limit() {
        // a client of its own, so the other tests' subscriptions do not count
        String token = mintedToken("limit-test-client", "webhook:manage");
        Map<String, Object> request = Map.of("url", "https://agency.example/hooks",
                "events", List.of("placement_created"));
        String first = null;
        for (int i = 0; i < 10; i++) {
            ResponseEntity<JsonNode> created = send(HttpMethod.POST, SUBSCRIPTIONS, token, request);
            assertThat(created.getStatusCode().value()).isEqualTo(201);
            first = first == null ? created.getBody().path("subscription_id").asText() : first;
        }

        ResponseEntity<JsonNode> eleventh = send(HttpMethod.POST, SUBSCRIPTIONS, token, request);
        assertThat(eleventh.getStatusCode().value()).isEqualTo(409);
        assertThat(eleventh.getBody().at("/errors/0/code").asText()).isEqualTo("rjct.total_count.limit_exceeded");

        // a paused subscription does not count, and cannot be resumed while ten others are active
        assertThat(send(HttpMethod.PUT, SUBSCRIPTIONS + "/" + first, token, Map.of("status", "PAUSED"))
                .getStatusCode().value()).isEqualTo(200);
        assertThat(send(HttpMethod.POST, SUBSCRIPTIONS, token, request).getStatusCode().value()).isEqualTo(201);
        ResponseEntity<JsonNode> resumed = send(HttpMethod.PUT, SUBSCRIPTIONS + "/" + first, token,
                Map.of("status", "ACTIVE"));
        assertThat(resumed.getStatusCode().value()).isEqualTo(409);
        assertThat(send(HttpMethod.GET, SUBSCRIPTIONS, token, null).getBody().get("subscriptions")).hasSize(11);
    }

    @Test
    void malformed_requests_are_bad_requests_naming_the_field() {
        String token = token("sa-system", "webhook:manage");

        ResponseEntity<JsonNode> notJson = sendRaw(HttpMethod.POST, SUBSCRIPTIONS, token, "{\"url\": ");
        ResponseEntity<JsonNode> invalid = send(HttpMethod.POST, SUBSCRIPTIONS, token, Map.of(
                "url", "ftp://agency.example/hooks", "events", List.of("referral_created", "coffee_ready"),
                "secret", 1234));
        ResponseEntity<JsonNode> badStatus = send(HttpMethod.PUT, SUBSCRIPTIONS + "/any", token,
                Map.of("status", "DELETED"));

        assertThat(notJson.getStatusCode().value()).isEqualTo(400);
        assertThat(notJson.getBody().at("/errors/0/code").asText()).isEqualTo("err.request.bad");
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(invalid.getBody().get("errors").findValuesAsText("code")).containsOnly("err.request.bad");
        assertThat(invalid.getBody().get("errors").findValuesAsText("message"))
                .anySatisfy(m -> assertThat(m).startsWith("$.url"))
                .anySatisfy(m -> assertThat(m).startsWith("$.events[1]"))
                .anySatisfy(m -> assertThat(m).startsWith("$.secret"))
                .noneSatisfy(m -> assertThat(m).contains("Exception"));
        assertThat(badStatus.getStatusCode().value()).isEqualTo(400);
        assertThat(badStatus.getBody().get("errors").findValuesAsText("message"))
                .anySatisfy(m -> assertThat(m).startsWith("$.status"));
    }

    @Test
    void a_client_without_the_webhook_scope_is_forbidden() {
        String trainingOnly = token("tvet-provider", "benefit:manage");

        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST)) {
            Map<String, Object> body = method == HttpMethod.POST
                    ? Map.of("url", "https://x.example/", "events", List.of("referral_created")) : null;
            ResponseEntity<JsonNode> response = send(method, SUBSCRIPTIONS, trainingOnly, body);
            assertThat(response.getStatusCode().value()).isEqualTo(403);
            assertThat(response.getBody().at("/errors/0/code").asText()).isEqualTo("err.request.forbidden");
        }
    }

    private String subscriberUrl(String path) {
        return "http://127.0.0.1:" + subscriber.getAddress().getPort() + path;
    }

    private static List<Received> deliveriesTo(String path, String referenceId) {
        return RECEIVED.stream().filter(r -> r.path().equals(path) && r.about(referenceId)).toList();
    }

    private static Received awaitDelivery(String path, String referenceId, String event) {
        return await().atMost(DELIVERY_TIMEOUT).until(() -> deliveriesTo(path, referenceId).stream()
                .filter(r -> event.equals(r.event())).findFirst().orElse(null), r -> r != null);
    }

    private JsonNode subscription(String token, String id) {
        JsonNode all = send(HttpMethod.GET, SUBSCRIPTIONS, token, null).getBody().get("subscriptions");
        for (JsonNode subscription : all) {
            if (subscription.path("subscription_id").asText().equals(id)) {
                return subscription;
            }
        }
        throw new AssertionError("subscription " + id + " not listed: " + all);
    }

    private ResponseEntity<JsonNode> postReferral(String token, Referral referral) {
        return sendRaw(HttpMethod.POST, REFERRALS, token, referral.json());
    }

    private ResponseEntity<JsonNode> send(HttpMethod method, String path, String token, Map<String, Object> body) {
        try {
            return sendRaw(method, path, token, body == null ? null : MAPPER.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private ResponseEntity<JsonNode> sendRaw(HttpMethod method, String path, String token, String body) {
        var request = hub.raw().method(method).uri(path).headers(h -> h.setBearerAuth(token));
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }

    private String token(String client, String scopes) {
        return hub.clientToken(client, scopes);
    }

    /** A token the hub's issuer signed for a client that is not in the demo configuration. */
    private String mintedToken(String subject, String scope) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().subject(subject).issuedAt(now)
                .expiresAt(now.plus(Duration.ofMinutes(5))).claim("scope", List.of(scope)).build();
        return new NimbusJwtEncoder(signingKeys).encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).build(), claims)).getTokenValue();
    }
}
