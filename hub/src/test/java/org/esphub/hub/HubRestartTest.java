package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.esphub.hub.support.AgencyBroker;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.Referrals;
import org.esphub.hub.support.Referrals.Referral;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jms.core.JmsTemplate;

/**
 * The default profile keeps its state under one data folder: stopping the hub's process and
 * starting it again loses no open instance and no task (H2 file database, Artemis journal).
 *
 * <p>The hub runs as a separate operating-system process, stopped with SIGTERM as an operator
 * would stop it, so the restart is real and nothing survives in memory.
 */
class HubRestartTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final int HTTP_PORT = 28090;
    private static final int BROKER_PORT = 61636;

    @TempDir
    Path dataDir;

    private Process hub;

    @AfterEach
    void stopHub() throws InterruptedException {
        if (hub != null && hub.isAlive()) {
            hub.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void open_instances_and_tasks_survive_a_restart_of_the_hub() throws Exception {
        Referral referral = Referrals.forPerson("10000000001");
        HubClient client = new HubClient(HTTP_PORT);

        hub = startHub();
        sendReferral(referral);
        await().atMost(TIMEOUT).until(() -> client.tasksOf("pes-worker", referral.referenceId()).size() == 1);
        String taskId = client.tasksOf("pes-worker", referral.referenceId()).get(0).path("id").asText();
        stop(hub);

        hub = startHub();
        JsonNode tasks = client.tasksOf("pes-worker", referral.referenceId());
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).path("id").asText()).isEqualTo(taskId);

        assertThat(client.completeTask("pes-worker", taskId,
                Map.of("workReady", false, "barriers", "No childcare until spring"))).isEqualTo(204);
        await().atMost(TIMEOUT).until(() -> client.saNotificationsAbout(referral.referenceId())
                .findValuesAsText("outcome").contains("RETURNED_TO_SA"));
    }

    /** The hub with the test classpath and its data folder in a temporary directory; returns when healthy. */
    private Process startHub() throws IOException {
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(javaBin.toString(), "-Xmx768m",
                "-cp", System.getProperty("java.class.path"), EspHubApplication.class.getName(),
                "--spring.profiles.active=demo,it",
                "--server.port=" + HTTP_PORT,
                "--esp.messaging.acceptor-url=tcp://127.0.0.1:" + BROKER_PORT + "?protocols=CORE,AMQP,STOMP",
                "--spring.datasource.url=jdbc:h2:file:" + dataDir.resolve("db/esp-hub")
                        + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000",
                "--spring.artemis.embedded.data-directory=" + dataDir.resolve("artemis")))
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("hub-" + System.nanoTime() + ".log").toFile())
                .start();
        HubClient client = new HubClient(HTTP_PORT);
        try {
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> client.statusOf("/actuator/health", null, null) == 200);
        } catch (RuntimeException notHealthy) {
            // not yet this.hub: without this the hub would outlive the test and hold its ports
            process.destroyForcibly();
            throw notHealthy;
        }
        return process;
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("hub stopped on SIGTERM").isTrue();
    }

    private static void sendReferral(Referral referral) {
        // as SA's demo broker user: the broker admits no anonymous client
        try (ActiveMQConnectionFactory connectionFactory = new ActiveMQConnectionFactory(
                "tcp://127.0.0.1:" + BROKER_PORT, AgencyBroker.SA, AgencyBroker.DEMO_PASSWORD)) {
            new JmsTemplate(connectionFactory).convertAndSend("esp.referrals.in", referral.json());
        }
    }
}
