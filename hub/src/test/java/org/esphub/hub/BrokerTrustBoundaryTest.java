package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.esphub.processes.TrainingEnrolment;
import org.esphub.hub.status.EmploymentStatusProjection;
import org.esphub.hub.support.AgencyBroker;
import org.esphub.hub.support.AmqpAnonymousProbe;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.Referrals;
import org.esphub.hub.support.Referrals.Referral;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jms.JmsSecurityException;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The broker as a stranger or a dishonest agency meets it: no anonymous client on any protocol,
 * each demo agency user confined to its own queues, its sender_id bound to its broker user, and
 * nothing but JSON text of bounded size read from the inbound queues.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext
class BrokerTrustBoundaryTest {

    private static final Duration PARKED_WITHIN = Duration.ofSeconds(30);

    @Value("${esp.messaging.acceptor-url}")
    private String acceptorUrl;
    @Autowired
    private ConnectionFactory hubConnectionFactory;
    @Autowired
    private EmploymentStatusProjection projection;
    @Value("${server.port}")
    private int port;
    @Autowired
    private RepositoryService repositoryService;
    @Autowired
    private RuntimeService runtimeService;

    @Test
    void anAnonymousCoreClientIsRefused() {
        ActiveMQConnectionFactory anonymous = new ActiveMQConnectionFactory(AgencyBroker.clientUrl(acceptorUrl));
        assertThatThrownBy(() -> anonymous.createConnection().close()).isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void aClientWithAWrongPasswordIsRefused() {
        ActiveMQConnectionFactory wrong = new ActiveMQConnectionFactory(AgencyBroker.clientUrl(acceptorUrl),
                AgencyBroker.SA, "not-demo");
        assertThatThrownBy(() -> wrong.createConnection().close()).isInstanceOf(JMSSecurityException.class);
    }

    @Test
    void anAnonymousStompClientIsRefused() throws Exception {
        assertThat(stompConnect(null, null)).startsWith("ERROR");
        assertThat(stompConnect(AgencyBroker.SA, AgencyBroker.DEMO_PASSWORD)).startsWith("CONNECTED");
    }

    @Test
    void anAnonymousAmqpClientGetsNoConnection() throws Exception {
        URI uri = URI.create(AgencyBroker.clientUrl(acceptorUrl));
        assertThat(AmqpAnonymousProbe.opensAnonymously(uri.getHost(), uri.getPort())).isFalse();
    }

    @Test
    void anAgencyUserCannotSendToAnotherAgencysQueue() {
        JmsTemplate tvet = AgencyBroker.as(acceptorUrl, AgencyBroker.TVET);
        assertThatThrownBy(() -> tvet.convertAndSend("esp.referrals.in", "{}"))
                .isInstanceOf(JmsSecurityException.class);
        JmsTemplate pes = AgencyBroker.as(acceptorUrl, AgencyBroker.PES);
        assertThatThrownBy(() -> pes.convertAndSend("esp.sa.events.in", "{}"))
                .isInstanceOf(JmsSecurityException.class);
    }

    @Test
    void anAgencyUserCannotReadAnotherAgencysNotifications() throws Exception {
        ActiveMQConnectionFactory pes = new ActiveMQConnectionFactory(AgencyBroker.clientUrl(acceptorUrl),
                AgencyBroker.PES, AgencyBroker.DEMO_PASSWORD);
        try (Connection connection = pes.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("esp.sa.notifications.out")))
                    .isInstanceOf(JMSSecurityException.class);
            // its own notifications it may read
            session.createConsumer(session.createQueue("esp.pes.notifications.out")).close();
        }
    }

    @Test
    void aSenderIdTheBrokerUserMayNotUseIsParkedAsSenderIdInvalid() {
        String marker = UUID.randomUUID().toString();
        // the training provider's broker user claims to be PES
        sendText(AgencyBroker.TVET, "esp.pes.events.in", event("pes.gov.example", "m-" + marker,
                "RegistrationConfirmed", "REF-" + marker), marker);

        Message parked = deadLetterMarked(marker);
        assertThat(property(parked, "EspRejectionCode")).isEqualTo("err.sender_id.invalid");
        assertThat(property(parked, "EspRejectionReason")).contains("tvet-provider").contains("pes.gov.example");
    }

    @Test
    void anObjectMessageIsParkedAndNeverDeserialized() {
        String marker = UUID.randomUUID().toString();
        AgencyBroker.as(acceptorUrl, AgencyBroker.SA).send("esp.referrals.in", session -> {
            Message message = session.createObjectMessage(new DeserializationTripwire());
            message.setStringProperty("testMarker", marker);
            return message;
        });

        Message parked = deadLetterMarked(marker);
        assertThat(property(parked, "EspRejectionCode")).isEqualTo("err.request.bad");
        assertThat(property(parked, "EspRejectionReason")).contains("ObjectMessage");
        assertThat(DeserializationTripwire.deserialized).isFalse();
    }

    @Test
    void aBytesMessageIsParkedWithItsReason() {
        String marker = UUID.randomUUID().toString();
        AgencyBroker.as(acceptorUrl, AgencyBroker.PES).send("esp.pes.events.in", session -> {
            var message = session.createBytesMessage();
            message.writeBytes(event("pes.gov.example", "m-" + marker, "RegistrationConfirmed", "REF-" + marker)
                    .getBytes(StandardCharsets.UTF_8));
            message.setStringProperty("testMarker", marker);
            return message;
        });

        Message parked = deadLetterMarked(marker);
        assertThat(property(parked, "EspRejectionReason")).contains("BytesMessage");
    }

    @Test
    void aMessageOverTheSizeLimitIsParkedAndNotProcessed() {
        String marker = UUID.randomUUID().toString();
        String oversize = "{\"header\":{\"sender_id\":\"sa.gov.example\"},\"pad\":\"" + "x".repeat(1024 * 1024) + "\"}";
        sendText(AgencyBroker.SA, "esp.referrals.in", oversize, marker);

        Message parked = deadLetterMarked(marker);
        assertThat(property(parked, "EspRejectionReason")).contains("larger than the 1048576 bytes");
    }

    @Test
    void anEventWithoutMessageIdIsParked() {
        String marker = UUID.randomUUID().toString();
        sendText(AgencyBroker.PES, "esp.pes.events.in", """
                {"header": {"action": "pes-event", "sender_id": "pes.gov.example"},
                 "message": {"event_type": "RegistrationConfirmed", "reference_id": "REF-%s"}}""".formatted(marker),
                marker);

        Message parked = deadLetterMarked(marker);
        assertThat(property(parked, "EspRejectionCode")).isEqualTo("err.request.bad");
        assertThat(property(parked, "EspRejectionReason")).contains("message_id");
    }

    @Test
    void anEventFromAnAgencyKindThatMayNotSendItIsParked() {
        String marker = UUID.randomUUID().toString();
        // a training provider may report attendance, not a PES registration
        sendText(AgencyBroker.TVET, "esp.pes.events.in", event("tvet.example.org", "m-" + marker,
                "RegistrationConfirmed", "REF-" + marker), marker);

        Message parked = deadLetterMarked(marker);
        assertThat(property(parked, "EspRejectionCode")).isEqualTo("err.request.forbidden");
        assertThat(property(parked, "EspRejectionReason")).contains("may not send RegistrationConfirmed");
    }

    @Test
    void anEventForAReferralTheHubNeverTookIsParked() {
        String marker = UUID.randomUUID().toString();
        sendText(AgencyBroker.TVET, "esp.pes.events.in", """
                {"header": {"message_id": "m-%1$s", "sender_id": "tvet.example.org"},
                 "message": {"event_type": "AttendanceReported", "reference_id": "REF-%1$s", "attendance_rate": 90}}"""
                .formatted(marker), marker);

        Message parked = deadLetterMarked(marker);
        assertThat(property(parked, "EspRejectionCode")).isEqualTo("err.request.not_found");
    }

    @Test
    void anEventWithAFieldOutsideItsContractIsParked() {
        String marker = UUID.randomUUID().toString();
        sendText(AgencyBroker.TVET, "esp.pes.events.in", """
                {"header": {"message_id": "m-%1$s", "sender_id": "tvet.example.org"},
                 "message": {"event_type": "AttendanceReported", "reference_id": "REF-%1$s", "attendance_rate": 90,
                             "pathway": "JOB_SEARCH_ONLY", "pes_case_number": "PES-FORGED"}}""".formatted(marker), marker);

        Message parked = deadLetterMarked(marker);
        assertThat(property(parked, "EspRejectionCode")).isEqualTo("err.request.bad");
        assertThat(property(parked, "EspRejectionReason")).contains("pathway").contains("pes_case_number");
    }

    @Test
    void aPesStatusEventFromTheFutureOrFromAnotherAgencyLeavesTheStatusProjectionUnchanged() {
        HubClient hub = new HubClient(port);
        String token = hub.clientToken(AgencyBroker.SA, "employment:read");
        String person = "10000000001";
        // the projection holds a person once someone asked about them
        hub.raw().get().uri("/dci/employment/v1.0.0/status/" + person).headers(h -> {
            h.setBearerAuth(token);
            h.set("X-Request-Id", UUID.randomUUID().toString());
            h.set("X-DCI-Version", "1.0.0");
        }).retrieve().toBodilessEntity();
        Referral referral = Referrals.forPerson(person);
        AgencyBroker.as(acceptorUrl, AgencyBroker.SA).convertAndSend("esp.referrals.in", referral.json());
        // the PES simulator confirms the registration (a true PES finding) before intake appears
        await().atMost(PARKED_WITHIN.multipliedBy(2))
                .until(() -> hub.tasksOf("pes-worker", referral.referenceId()).size() == 1);
        EmploymentStatusProjection.Row before = projection.find(person).orElseThrow();

        String future = UUID.randomUUID().toString();
        sendText(AgencyBroker.PES, "esp.pes.events.in", """
                {"header": {"message_id": "%s", "sender_id": "pes.gov.example"},
                 "message": {"event_type": "RegistrationConfirmed", "reference_id": "%s", "person_id": "%s",
                             "pes_case_number": "PES-1", "occurred_at": "2099-01-01T00:00:00Z"}}"""
                .formatted(future, referral.referenceId(), person), future);
        Message fromTheFuture = deadLetterMarked(future);
        assertThat(property(fromTheFuture, "EspRejectionCode")).isEqualTo("err.request.bad");
        assertThat(property(fromTheFuture, "EspRejectionReason")).contains("in the future");

        String employer = UUID.randomUUID().toString();
        sendText(AgencyBroker.EMPLOYER, "esp.pes.events.in", """
                {"header": {"message_id": "%s", "sender_id": "employer.example.org"},
                 "message": {"event_type": "PlacementReported", "reference_id": "%s"}}"""
                .formatted(employer, referral.referenceId()), employer);
        assertThat(property(deadLetterMarked(employer), "EspRejectionReason"))
                .contains("takes no part in referral");

        String sa = UUID.randomUUID().toString();
        sendText(AgencyBroker.SA, "esp.sa.events.in", event("sa.gov.example", sa, "RegistrationConfirmed",
                referral.referenceId()), sa);
        assertThat(property(deadLetterMarked(sa), "EspRejectionCode")).isEqualTo("err.request.forbidden");

        assertThat(projection.find(person)).contains(before);
    }

    @Test
    void aProvidersLateEventAfterItsTrainingEndedIsParkedAsAwaitedByNoOneNotAsAStrangers() {
        HubClient hub = new HubClient(port);
        Referral referral = Referrals.forPerson("10000000004");
        AgencyBroker.as(acceptorUrl, AgencyBroker.SA).convertAndSend("esp.referrals.in", referral.json());
        await().atMost(PARKED_WITHIN.multipliedBy(2))
                .until(() -> hub.tasksOf("pes-worker", referral.referenceId()).size() == 1);
        // a training of this referral with TVET-NORTH that has already ended, as after its graduation
        repositoryService.createDeployment().addModelInstance("ended-training.bpmn",
                Bpmn.createExecutableProcess("ended-training").camundaHistoryTimeToLive(1)
                        .startEvent().endEvent().done()).deploy();
        runtimeService.startProcessInstanceByKey("ended-training", referral.referenceId(),
                Map.of(TrainingEnrolment.VAR_PROVIDER_ID, "TVET-NORTH"));

        String late = UUID.randomUUID().toString();
        sendText(AgencyBroker.TVET, "esp.pes.events.in", """
                {"header": {"message_id": "%s", "sender_id": "tvet.example.org"},
                 "message": {"event_type": "%s", "reference_id": "%s", "attendance_rate": 90}}"""
                .formatted(late, TrainingEnrolment.MESSAGE_ATTENDANCE_REPORTED, referral.referenceId()), late);

        Message parked = deadLetterMarked(late);
        assertThat(property(parked, "EspRejectionCode")).isEqualTo("err.request.not_found");
        assertThat(property(parked, "EspRejectionReason")).contains("waits for AttendanceReported");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static String event(String senderId, String messageId, String eventType, String referenceId) {
        return """
                {"header": {"message_id": "%s", "action": "event", "sender_id": "%s"},
                 "message": {"event_type": "%s", "reference_id": "%s"}}""".formatted(messageId, senderId, eventType,
                referenceId);
    }

    private void sendText(String user, String queue, String body, String marker) {
        AgencyBroker.as(acceptorUrl, user).send(queue, session -> {
            Message message = session.createTextMessage(body);
            message.setStringProperty("testMarker", marker);
            return message;
        });
    }

    private Message deadLetterMarked(String marker) {
        JmsTemplate receiver = new JmsTemplate(hubConnectionFactory);
        receiver.setReceiveTimeout(PARKED_WITHIN.toMillis());
        Message parked = receiver.receiveSelected("DLQ", "testMarker = '" + marker + "'");
        assertThat(parked).as("parked in DLQ").isNotNull();
        return parked;
    }

    private static String property(Message message, String name) {
        try {
            return message.getStringProperty(name);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** STOMP 1.2 CONNECT to the agencies' acceptor; returns the first line of the broker's answer. */
    private String stompConnect(String login, String passcode) throws Exception {
        URI uri = URI.create(AgencyBroker.clientUrl(acceptorUrl));
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder frame = new StringBuilder("CONNECT\naccept-version:1.2\nhost:").append(uri.getHost()).append('\n');
            if (login != null) {
                frame.append("login:").append(login).append("\npasscode:").append(passcode).append('\n');
            }
            out.write(frame.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            out.write(0);
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            int c;
            while ((c = in.read()) > 0 && c != '\n') {
                answer.append((char) c);
            }
            return answer.toString();
        }
    }

    /** A serializable object that records being deserialized (its readObject would run in the hub). */
    static final class DeserializationTripwire implements java.io.Serializable {
        static volatile boolean deserialized;

        private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
            in.defaultReadObject();
            deserialized = true;
        }
    }
}
