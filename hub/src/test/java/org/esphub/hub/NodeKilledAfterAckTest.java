package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.Referrals;
import org.esphub.hub.support.Referrals.Referral;
import org.esphub.processes.ReferralToPes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two hub nodes on one PostgreSQL, and the one that acknowledged the referrals is killed (SIGKILL,
 * no shutdown) while it takes them (ADR 0029): every referral it acknowledged, and every one it
 * recorded before it died, gets exactly one process, started by the surviving node's sweeper
 * where the dead node did not get to it.
 *
 * <p>The nodes run as separate operating-system processes, like {@link HubRestartTest}. The killed
 * node starts items on one thread with room for one more and sweeps only at its start-up, so most
 * of a message of many items is left in the inbox when it dies; the survivor takes an item 30 s
 * after its ACK.
 */
@EnabledIfEnvironmentVariable(named = "ESP_TEST_DATABASE_URL", matches = "jdbc:postgresql:.+")
class NodeKilledAfterAckTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final int KILLED_HTTP_PORT = 28091;
    private static final int KILLED_BROKER_PORT = 61637;
    private static final int SURVIVOR_HTTP_PORT = 28092;
    private static final int SURVIVOR_BROKER_PORT = 61638;
    private static final int BATCH_ITEMS = 20;
    private static final int SINGLES = 16;
    private static final int KILL_AFTER_SINGLES = 4;
    private static final String REFERRALS_PATH = "/dci/employment/v1.0.0/referrals";

    @TempDir
    Path dataDir;

    private final List<Process> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() throws InterruptedException {
        for (Process node : nodes) {
            if (node.isAlive()) {
                node.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void what_a_killed_node_acknowledged_is_started_once_by_the_surviving_node() throws Exception {
        Process doomed = startNode("killed", KILLED_HTTP_PORT, KILLED_BROKER_PORT,
                "--esp.referrals.start.threads=1", "--esp.referrals.start.queue-capacity=1",
                "--esp.referrals.start.sweep-interval=1h", "--esp.referrals.start.left-behind-after=30s");
        startNode("survivor", SURVIVOR_HTTP_PORT, SURVIVOR_BROKER_PORT);
        HubClient killedNode = new HubClient(KILLED_HTTP_PORT);
        String token = killedNode.clientToken("sa-system", "referral:create");

        // one message of many items: its node hands two to its start thread, the others wait in the inbox
        Referral batch = severalItems(BATCH_ITEMS);
        assertThat(killedNode.postWithToken(token, REFERRALS_PATH, batch.json()).status()).isEqualTo(200);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        acknowledged.addAll(referenceIdsOf(batch));
        // then single referrals from four callers, and the node dies among them
        List<Referral> singles = new ArrayList<>();
        for (int i = 0; i < SINGLES; i++) {
            singles.add(Referrals.forPerson(unknownPerson()));
        }
        CountDownLatch someAcked = new CountDownLatch(KILL_AFTER_SINGLES);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        for (Referral referral : singles) {
            callers.submit(() -> {
                try {
                    if (killedNode.postWithToken(token, REFERRALS_PATH, referral.json()).status() == 200) {
                        acknowledged.add(referral.referenceId());
                        someAcked.countDown();
                    }
                } catch (RuntimeException connectionLost) {
                    // the node died under this request: no ACK, so nothing is owed for it
                }
            });
        }
        assertThat(someAcked.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        doomed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        callers.shutdown();
        assertThat(callers.awaitTermination(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();

        List<String> references = new ArrayList<>(referenceIdsOf(batch));
        singles.forEach(single -> references.add(single.referenceId()));
        try (Connection db = DriverManager.getConnection(System.getenv("ESP_TEST_DATABASE_URL"),
                System.getenv().getOrDefault("ESP_TEST_DATABASE_USER", "postgres"),
                System.getenv().getOrDefault("ESP_TEST_DATABASE_PASSWORD", ""))) {
            List<String> recorded = recorded(db, references);
            assertThat(recorded).as("every acknowledged referral is durable").containsAll(acknowledged);
            assertThat(waitingStarts(db, recorded)).as("items the killed node left for the survivor's sweeper")
                    .isGreaterThanOrEqualTo(BATCH_ITEMS - 2);

            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                    .until(() -> waitingStarts(db, recorded) == 0 && notStarted(db, recorded) == 0);
            for (String referenceId : recorded) {
                assertThat(instancesOf(db, referenceId)).as("instances of " + referenceId).isEqualTo(1);
            }
        }
    }

    /** A create-referral message of {@code items} items, each for a person SA does not know. */
    private static Referral severalItems(int items) {
        Referral first = Referrals.forPerson(unknownPerson());
        ObjectNode envelope = first.envelope();
        ArrayNode list = (ArrayNode) envelope.get("message").get("referral_request");
        ObjectNode template = (ObjectNode) list.get(0);
        for (int i = 1; i < items; i++) {
            list.add(template.deepCopy().put("reference_id", first.referenceId() + "-" + i)
                    .put("person_id", unknownPerson()));
        }
        ((ObjectNode) envelope.get("header")).put("total_count", items);
        return first;
    }

    private static List<String> referenceIdsOf(Referral referral) {
        List<String> ids = new ArrayList<>();
        referral.envelope().get("message").get("referral_request")
                .forEach(item -> ids.add(item.get("reference_id").asText()));
        return ids;
    }

    /** Each referral runs on its own to its end (not eligible): no person has an active referral twice. */
    private static String unknownPerson() {
        return "9" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    }

    // ---- the nodes -----------------------------------------------------------------------------

    /** A hub node with the test classpath on the shared database; returns when healthy. */
    private Process startNode(String name, int httpPort, int brokerPort, String... settings) throws IOException {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(javaBin.toString(), "-Xmx768m",
                "-cp", System.getProperty("java.class.path"), EspHubApplication.class.getName(),
                "--spring.profiles.active=demo,it",
                "--server.port=" + httpPort,
                "--esp.messaging.acceptor-url=tcp://127.0.0.1:" + brokerPort + "?protocols=CORE,AMQP,STOMP",
                "--spring.datasource.url=" + System.getenv("ESP_TEST_DATABASE_URL"),
                "--spring.datasource.username=" + System.getenv().getOrDefault("ESP_TEST_DATABASE_USER", "postgres"),
                "--spring.datasource.password=" + System.getenv().getOrDefault("ESP_TEST_DATABASE_PASSWORD", ""),
                "--spring.artemis.embedded.data-directory=" + dataDir.resolve(name + "/artemis")));
        command.addAll(List.of(settings));
        Files.createDirectories(dataDir.resolve(name));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve(name + "/hub.log").toFile())
                .start();
        nodes.add(process);
        HubClient client = new HubClient(httpPort);
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> client.statusOf("/actuator/health", null, null) == 200);
        return process;
    }

    // ---- the shared database -------------------------------------------------------------------

    private static List<String> recorded(Connection db, List<String> references) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(
                "SELECT reference_id FROM esp_referral WHERE reference_id = ANY (?)")) {
            query.setArray(1, db.createArrayOf("varchar", references.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        return found;
    }

    private static int waitingStarts(Connection db, List<String> references) throws SQLException {
        return count(db, "SELECT COUNT(*) FROM esp_referral_start WHERE reference_id = ANY (?)", references);
    }

    private static int notStarted(Connection db, List<String> references) throws SQLException {
        return count(db, "SELECT COUNT(*) FROM esp_referral WHERE process_instance_id IS NULL"
                + " AND reference_id = ANY (?)", references);
    }

    private static int instancesOf(Connection db, String referenceId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "SELECT COUNT(*) FROM act_hi_procinst WHERE business_key_ = ? AND proc_def_key_ = ?")) {
            query.setString(1, referenceId);
            query.setString(2, ReferralToPes.PROCESS_KEY);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static int count(Connection db, String sql, List<String> references) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setArray(1, db.createArrayOf("varchar", references.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
