package org.esphub.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.web.InJvmWorkerCredential;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Who may call what, for every endpoint of the hub and every demo identity, as one table says:
 * {@code src/test/resources/security/authorization-matrix.txt}. An endpoint the hub serves
 * without a row there fails the build, so a new endpoint cannot ship without someone deciding
 * who may call it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
// serve /actuator/prometheus as the hub does outside tests
@AutoConfigureObservability
@ActiveProfiles({"demo", "it"})
@DirtiesContext
@Tag("security")
class AuthorizationMatrixTest {

    private static final AuthorizationMatrix MATRIX = AuthorizationMatrix.load();

    @Autowired
    private ApplicationContext context;
    @Autowired
    private RegisteredClientRepository clients;
    @Autowired
    private RepositoryService repository;
    @Autowired
    private RuntimeService runtime;
    @Autowired
    private TaskService tasks;
    @Autowired
    private ExternalTaskService externalTasks;
    @Value("${server.port}")
    private int port;
    /** What the in-JVM workers present to the engine REST API: the technical identity as it really calls. */
    @Autowired
    private InJvmWorkerCredential workerCredential;

    @Test
    void every_endpoint_the_hub_serves_has_a_row_in_the_matrix() {
        Set<String> served = HubEndpoints.of(context);
        Set<String> rows = new TreeSet<>();
        MATRIX.rows().forEach(row -> rows.add(row.endpoint()));

        Set<String> withoutRow = new TreeSet<>(served);
        withoutRow.removeAll(rows);
        Set<String> stale = new TreeSet<>();
        MATRIX.rows().stream()
                .filter(row -> HubEndpoints.isListable(row.path()) && !served.contains(row.endpoint()))
                .forEach(row -> stale.add(row.endpoint() + " (line " + row.line() + ")"));

        System.out.println("authorization matrix: " + served.size() + " endpoints served, " + withoutRow.size()
                + " without a row, " + stale.size() + " rows for endpoints not served");
        assertThat(withoutRow).as("endpoints with no row in " + AuthorizationMatrix.RESOURCE
                + ": add one saying who may call each").isEmpty();
        assertThat(stale).as("rows of " + AuthorizationMatrix.RESOURCE + " for endpoints the hub does not serve")
                .isEmpty();
    }

    @Test
    void every_identity_meets_at_every_endpoint_what_the_matrix_says() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String baseUrl = "http://localhost:" + port;
        MatrixProbe probe = new MatrixProbe(http, baseUrl, HubClient.DEMO_PASSWORD, workerCredential.workerId(),
                workerCredential.authorizationHeader(),
                new AgencyTokens(http, baseUrl, HubClient.DEMO_PASSWORD), this::registeredScopes,
                new EngineFixture(repository, runtime, tasks, externalTasks));

        int requests = 0;
        int mismatches = 0;
        List<String> rowsMismatched = new ArrayList<>();
        for (AuthorizationMatrix.Row row : MATRIX.rows()) {
            List<String> cells = new ArrayList<>();
            for (var cell : row.expected().entrySet()) {
                MatrixProbe.Outcome outcome = probe.send(row, cell.getKey());
                requests++;
                if (!outcome.meets(cell.getValue())) {
                    cells.add(cell.getKey().column() + " expected " + cell.getValue().cell() + " got " + outcome.seen());
                }
            }
            if (!cells.isEmpty()) {
                mismatches += cells.size();
                rowsMismatched.add("line " + row.line() + " " + row.endpoint() + ": " + String.join(", ", cells)
                        + (row.note() == null ? "" : " [" + row.note() + "]"));
            }
        }

        rowsMismatched.forEach(row -> System.out.println("authorization matrix mismatch: " + row));
        System.out.println("authorization matrix: " + requests + " requests, " + mismatches + " mismatches");
        assertThat(rowsMismatched).as("rows where an identity met other than the matrix says").isEmpty();
    }

    private Set<String> registeredScopes(String clientId) {
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null) {
            throw new IllegalStateException("no OAuth2 client " + clientId + " in this profile");
        }
        return client.getScopes();
    }
}
