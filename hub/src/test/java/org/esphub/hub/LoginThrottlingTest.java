package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.esphub.hub.support.AgencyBroker;
import org.esphub.hub.support.EligiblePeople;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.Referrals;
import org.esphub.hub.support.Referrals.Referral;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.tax.ContributionRegister;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

/**
 * No lock-out from outside: wrong passwords slow down the address they come from (429 with
 * Retry-After) and lock no account, wherever a password or client secret is checked; and nobody
 * can stop the in-JVM workers by trying passwords in their name.
 *
 * <p>The hub trusts the forwarded address of a proxy on loopback here, as it should behind a
 * reverse proxy, so each test plays clients from addresses of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
    // the production allowance (application-it.yaml raises it for the other test classes)
    "esp.login-throttle.max-failures=10",
    "esp.login-throttle.window=15m",
    "server.forward-headers-strategy=native"})
@ActiveProfiles({"demo", "it"})
@DirtiesContext
class LoginThrottlingTest {

    private static final String TOO_MANY = "err.request.too_many_requests";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Value("${server.port}")
    private int port;
    @Value("${esp.messaging.acceptor-url}")
    private String acceptorUrl;
    @Value("${esp.queues.referrals-in}")
    private String referralsQueue;
    @Autowired
    private IdentityService identityService;
    @Autowired
    private TaskService taskService;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private SyntheticPopulation population;
    @Autowired
    private ContributionRegister register;

    /** A client that does not retry a 429 after its Retry-After, as Apache HttpClient would. */
    private RestClient http;
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeEach
    void connect() {
        http = RestClient.builder().baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory())
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> { })
                .build();
    }

    @Test
    void eleven_wrong_passwords_throttle_the_address_with_429_but_do_not_lock_the_user() throws Exception {
        String attacker = newAddress();
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(engineRest(attacker, "pes-supervisor", "wrong-" + attempt).getStatusCode().value())
                    .isEqualTo(401);
        }

        ResponseEntity<String> eleventh = engineRest(attacker, "pes-supervisor", "wrong-11");

        assertThat(eleventh.getStatusCode().value()).isEqualTo(429);
        // one more try every 90 s (10 per 15 min)
        assertThat(Long.parseLong(eleventh.getHeaders().getFirst("Retry-After"))).isBetween(1L, 90L);
        assertThat(mapper.readTree(eleventh.getBody()).at("/errors/0/code").asText()).isEqualTo(TOO_MANY);
        // while throttled even the right password is refused, or the answer would tell a right guess
        assertThat(engineRest(attacker, "pes-supervisor", HubClient.DEMO_PASSWORD).getStatusCode().value())
                .isEqualTo(429);
        // ten wrong passwords reached the engine, whose lock-out would have locked the user for good
        assertThat(engineRest(newAddress(), "pes-supervisor", HubClient.DEMO_PASSWORD).getStatusCode().value())
                .isEqualTo(200);
        assertThat(identityService.checkPassword("pes-supervisor", HubClient.DEMO_PASSWORD)).isTrue();
    }

    @Test
    void the_hubs_api_the_webapps_login_and_the_token_endpoint_throttle_failed_logins_too() throws Exception {
        assertThrottledAfterTenFailures(address -> http.get().uri("/api/agreements")
                .headers(h -> h.setBasicAuth("auditor", "wrong"))
                .header("X-Forwarded-For", address).retrieve().toEntity(String.class));
        assertThrottledAfterTenFailures(address -> webappLogin(address, "admin", "wrong"));
        assertThrottledAfterTenFailures(address -> http.post().uri("/oauth2/client/token")
                .headers(h -> h.setBasicAuth("sa-system", "wrong"))
                .header("X-Forwarded-For", address)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("grant_type=client_credentials&scope=referral:read").retrieve().toEntity(String.class));
        assertThat(identityService.checkPassword("admin", HubClient.DEMO_PASSWORD)).isTrue();
    }

    /** The attacker sits on the hub's own host: the workers' calls come from the same address. */
    @Test
    void the_workers_keep_completing_tasks_while_someone_hammers_the_worker_users_password() throws Exception {
        AtomicBoolean hammering = new AtomicBoolean(true);
        AtomicInteger tries = new AtomicInteger();
        AtomicInteger throttled = new AtomicInteger();
        ExecutorService attacker = Executors.newSingleThreadExecutor();
        try {
            Future<?> attack = attacker.submit(() -> {
                while (hammering.get()) {
                    int status = http.get().uri("/engine-rest/external-task")
                            .headers(h -> h.setBasicAuth("esp-worker", "guess-" + tries.get()))
                            .retrieve().toBodilessEntity().getStatusCode().value();
                    assertThat(status).isIn(401, 429);
                    if (status == 429) {
                        throttled.incrementAndGet();
                    }
                    identityService.checkPassword("esp-worker", "guess-" + tries.getAndIncrement());
                }
            });
            await().atMost(Duration.ofSeconds(120)).until(() -> throttled.get() > 0);
            Referral referral = Referrals.forPerson(new EligiblePeople(population, register, jdbc).next());

            AgencyBroker.as(acceptorUrl, AgencyBroker.SA).send(referralsQueue,
                    session -> session.createTextMessage(referral.json()));

            // the SA profile fetch and the PES registration are service tasks: the workers did them
            await().atMost(Duration.ofSeconds(120))
                    .until(() -> taskService.createTaskQuery().processInstanceBusinessKey(referral.referenceId())
                            .taskDefinitionKey("Intake").count() == 1);
            hammering.set(false);
            attack.get();
        } finally {
            hammering.set(false);
            attacker.shutdownNow();
        }
    }

    private void assertThrottledAfterTenFailures(Function<String, ResponseEntity<String>> failedLoginFrom)
            throws Exception {
        String address = newAddress();
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(failedLoginFrom.apply(address).getStatusCode().value()).isEqualTo(401);
        }
        ResponseEntity<String> answer = failedLoginFrom.apply(address);
        assertThat(answer.getStatusCode().value()).isEqualTo(429);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isNotBlank();
        JsonNode body = mapper.readTree(answer.getBody());
        assertThat(body.at("/errors/0/code").asText()).isEqualTo(TOO_MANY);
    }

    private ResponseEntity<String> engineRest(String address, String user, String password) {
        return http.get().uri("/engine-rest/task").headers(h -> h.setBasicAuth(user, password))
                .header("X-Forwarded-For", address).retrieve().toEntity(String.class);
    }

    /** The Tasklist login form as a browser sends it: session and CSRF token from the page first. */
    private ResponseEntity<String> webappLogin(String address, String user, String password) {
        String tasklist = "http://localhost:" + port + "/camunda/app/tasklist/default/";
        ResponseEntity<String> page = http.get().uri(tasklist).header("X-Forwarded-For", address)
                .retrieve().toEntity(String.class);
        List<String> cookies = page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .map(cookie -> cookie.substring(0, cookie.indexOf(';'))).toList();
        String csrfToken = cookies.stream().filter(cookie -> cookie.startsWith("XSRF-TOKEN="))
                .map(cookie -> cookie.substring("XSRF-TOKEN=".length())).findFirst().orElse("");
        return http.post().uri("/camunda/api/admin/auth/user/default/login/tasklist")
                .header("X-Forwarded-For", address)
                .header(HttpHeaders.COOKIE, String.join("; ", cookies))
                .header("X-XSRF-TOKEN", csrfToken)
                .header(HttpHeaders.REFERER, tasklist)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("username=" + user + "&password=" + password).retrieve().toEntity(String.class);
    }

    /** A client address of the documentation range (RFC 5737), one per call. */
    private static String newAddress() {
        return "198.51.100." + ADDRESSES.incrementAndGet();
    }

}
