package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.ProducerTemplate;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.RuntimeService;
import org.esphub.hub.engine.decisions.ParseOnceFeelEngineFactory;
import org.esphub.hub.engine.decisions.ParsedFeelExpressions;
import org.esphub.hub.support.AgencyBroker;
import org.esphub.hub.support.EligiblePeople;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.Referrals;
import org.esphub.hub.support.Referrals.Referral;
import org.esphub.processes.ReferralToPes;
import org.esphub.processes.TrainingEnrolment;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.tax.ContributionRegister;
import org.esphub.workers.handoff.HandoffHeaders;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * UC1's first slice end to end, on the real hub: a create-referral envelope on
 * {@code esp.referrals.in} → eligibility → SA profile → PES registration (simulators over HTTP
 * and JMS) → intake task in the PES caseworkers' inbox → completion → SA notified.
 *
 * <p>Subclasses choose the database, so the same scenarios prove H2 and PostgreSQL.
 */
abstract class ReferralToPesScenarios {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    private static final String NOT_WORK_ABLE = "10000000002";

    @Value("${esp.messaging.acceptor-url}")
    private String acceptorUrl;
    @Autowired
    private ConnectionFactory connectionFactory;
    @Autowired
    private EmbeddedActiveMQ broker;
    @Autowired
    private RuntimeService runtimeService;
    @Autowired
    private HistoryService historyService;
    @Autowired
    private ProcessEngine processEngine;
    @Autowired
    private ParsedFeelExpressions parsedFeelExpressions;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private SyntheticPopulation population;
    @Autowired
    private ContributionRegister register;
    @Autowired
    private ProducerTemplate camel;
    @Value("${server.port}")
    private int port;

    private HubClient hub;
    private EligiblePeople eligible;

    @BeforeEach
    void connect() {
        hub = new HubClient(port);
        eligible = new EligiblePeople(population, register, jdbc);
    }

    @Test
    void a_referral_reaches_the_pes_inbox_only_and_not_work_ready_returns_it_to_sa_with_the_reason() {
        Referral referral = Referrals.forPerson(eligible.next());
        send(ReferralQueue.REFERRALS, referral.json(), null);

        JsonNode task = awaitIntakeTask(referral.referenceId());
        assertThat(task.path("name").asText()).isEqualTo("Intake and employability assessment");
        assertThat(hub.tasksOf("sa-worker", referral.referenceId())).isEmpty();
        assertThat(hub.completeTask("sa-worker", task.path("id").asText(), Map.of("workReady", false)))
                .as("an SA caseworker may not work a PES task").isEqualTo(403);

        assertThat(hub.completeTask("pes-worker", task.path("id").asText(), Map.of(
                "workReady", false, "barriers", "Full-time carer for a parent", "notes", "Review in 3 months")))
                .isEqualTo(204);

        JsonNode notice = awaitSaNotification(referral.referenceId(), "RETURNED_TO_SA");
        assertThat(notice.path("reason").asText()).isEqualTo("Full-time carer for a parent");
        assertThat(notice.path("pes_case_number").asText()).startsWith("PES-");
        assertEndedAt(referral.referenceId(), ReferralToPes.RETURNED_TO_SA);
    }

    @Test
    void a_work_ready_person_is_reported_to_sa_as_services_commenced_and_the_referral_goes_on_to_training() {
        Referral referral = Referrals.forPerson(eligible.next());
        send(ReferralQueue.REFERRALS, referral.json(), null);
        JsonNode task = awaitIntakeTask(referral.referenceId());

        hub.completeTask("pes-worker", task.path("id").asText(),
                Map.of("workReady", true, "pathway", "BOTH", "barriers", "", "notes", "Starts job club Monday"));

        JsonNode notice = awaitSaNotification(referral.referenceId(), "SERVICES_COMMENCED");
        assertThat(notice.path("reason").asText()).isEqualTo("BOTH");
        // the plan is carried out next: training first for BOTH, its programme chosen by a PES caseworker
        await().atMost(FLOW_TIMEOUT).until(() -> hub.tasksOf("pes-worker", referral.referenceId())
                .findValuesAsText("taskDefinitionKey").contains(TrainingEnrolment.CHOOSE_PROGRAMME));
        String referralId = runtimeService.createProcessInstanceQuery().processDefinitionKey(ReferralToPes.PROCESS_KEY)
                .processInstanceBusinessKey(referral.referenceId()).singleResult().getId();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(referralId)
                .activityId(ReferralToPes.ACTIVATION_PLAN_AGREED).finished().count()).isEqualTo(1);
        assertThat(runtimeService.getActiveActivityIds(referralId)).as("the referral waits in its training")
                .contains(ReferralToPes.TRAINING);
    }

    @Test
    void an_ineligible_person_is_reported_to_sa_and_ends_not_eligible() {
        Referral referral = Referrals.forPerson(NOT_WORK_ABLE);
        send(ReferralQueue.REFERRALS, referral.json(), null);

        JsonNode notice = awaitSaNotification(referral.referenceId(), "NOT_ELIGIBLE");
        assertThat(notice.path("reason").asText()).isEqualTo("NOT_WORK_ABLE");
        assertEndedAt(referral.referenceId(), ReferralToPes.NOT_ELIGIBLE);
        // decided by the engine's DMN engine with the FEEL engine that parses each text once
        assertThat(((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                .getDmnEngineConfiguration().getFeelEngineFactory()).isInstanceOf(ParseOnceFeelEngineFactory.class);
        assertThat(parsedFeelExpressions.size()).as("FEEL texts kept parsed").isGreaterThan(0);
    }

    @Test
    void a_person_sa_does_not_know_is_reported_as_not_eligible() {
        Referral referral = Referrals.forPerson("99999999999");
        send(ReferralQueue.REFERRALS, referral.json(), null);

        JsonNode notice = awaitSaNotification(referral.referenceId(), "NOT_ELIGIBLE");
        assertThat(notice.path("reason").asText()).isEqualTo("PERSON_UNKNOWN");
        assertEndedAt(referral.referenceId(), ReferralToPes.NOT_ELIGIBLE);
    }

    @Test
    void a_malformed_message_is_parked_in_the_dead_letter_queue_with_its_reason_and_the_next_referral_flows() {
        String marker = UUID.randomUUID().toString();
        String correlationId = send(ReferralQueue.REFERRALS,
                "{\"header\": {\"action\": \"create-referral\"}, \"message\": 42}", marker);
        Referral next = Referrals.forPerson(eligible.next());
        send(ReferralQueue.REFERRALS, next.json(), null);

        await().atMost(FLOW_TIMEOUT).until(() -> hub.deadLetters("admin").findValuesAsText("correlation_id")
                .contains(correlationId));
        JsonNode listed = hub.deadLetters("admin").findParents("correlation_id").stream()
                .filter(entry -> correlationId.equals(entry.path("correlation_id").asText()))
                .findFirst().orElseThrow();
        assertThat(listed.path("rejection_code").asText()).isEqualTo("err.request.bad");
        assertThat(listed.path("rejected_from").asText()).isEqualTo(ReferralQueue.REFERRALS);
        assertThat(listed.path("body").asText()).contains("\"message\": 42");
        assertThat(hub.deadLetters("pes-worker").path("errors").get(0).path("code").asText())
                .as("caseworkers may not read parked messages").isEqualTo("err.request.forbidden");

        Message parked = deadLetterMarked(marker);
        assertThat(parked).as("malformed message in DLQ").isNotNull();
        assertThat(property(parked, "EspRejectionCode")).isEqualTo("err.request.bad");
        assertThat(property(parked, "EspRejectionReason")).contains("message_id").contains("$.message");
        assertThat(property(parked, "EspRejectedFrom")).isEqualTo(ReferralQueue.REFERRALS);

        awaitIntakeTask(next.referenceId());
    }

    @Test
    void a_referral_whose_sender_uri_points_inside_the_hubs_network_is_parked_and_starts_nothing() {
        String marker = UUID.randomUUID().toString();
        Referral referral = Referrals.forPerson(eligible.next());
        ((ObjectNode) referral.envelope().get("header")).put("sender_uri", "http://169.254.169.254/latest/meta-data/");
        send(ReferralQueue.REFERRALS, referral.json(), marker);

        Message parked = deadLetterMarked(marker);
        assertThat(parked).as("parked in DLQ").isNotNull();
        assertThat(property(parked, "EspRejectionCode")).isEqualTo("err.request.bad");
        assertThat(property(parked, "EspRejectionReason")).contains("$.header.sender_uri")
                .contains("cloud metadata service");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM esp_inbound_message WHERE message_id = ?",
                Integer.class, referral.messageId())).as("nothing stored").isZero();
    }

    @Test
    void a_repeated_message_or_referral_item_starts_nothing_new() {
        Referral referral = Referrals.forPerson(eligible.next());
        send(ReferralQueue.REFERRALS, referral.json(), null);
        send(ReferralQueue.REFERRALS, referral.json(), null);
        Referral resent = referral.resentAsNewMessage();
        send(ReferralQueue.REFERRALS, resent.json(), null);

        awaitDrained(ReferralQueue.REFERRALS);
        await().atMost(FLOW_TIMEOUT).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM esp_inbound_message WHERE message_id = ?", Integer.class,
                resent.messageId()) == 1);
        assertThat(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(referral.referenceId()).count()
                + historyService.createHistoricProcessInstanceQuery().finished()
                .processInstanceBusinessKey(referral.referenceId()).count())
                .as("instances for one reference_id").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM esp_inbound_message WHERE message_id = ?",
                Integer.class, referral.messageId())).isEqualTo(1);
    }

    @Test
    void a_second_referral_for_a_person_with_an_active_one_is_refused_on_its_own_and_starts_nothing() {
        String person = eligible.next();
        Referral first = Referrals.forPerson(person);
        send(ReferralQueue.REFERRALS, first.json(), null);
        awaitIntakeTask(first.referenceId());

        Referral second = Referrals.forPerson(person);
        send(ReferralQueue.REFERRALS, second.json(), null);

        await().atMost(FLOW_TIMEOUT).until(() -> jdbc.queryForList(
                "SELECT rejection_code FROM esp_referral WHERE reference_id = ?", String.class,
                second.referenceId()).contains("rjct.referral.duplicate_active"));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(second.referenceId()).count())
                .isZero();
        assertThat(hub.tasksOf("pes-worker", first.referenceId())).hasSize(1);
    }

    @Test
    void a_pes_event_for_a_referral_nobody_waits_for_is_parked_with_its_reason() {
        String marker = UUID.randomUUID().toString();
        send(ReferralQueue.PES_EVENTS, """
                {"header": {"message_id": "e1", "action": "pes-event", "sender_id": "pes.gov.example"},
                 "message": {"event_type": "RegistrationConfirmed", "reference_id": "REF-NOBODY-%s"}}"""
                .formatted(marker), marker);

        Message parked = deadLetterMarked(marker);
        assertThat(parked).isNotNull();
        assertThat(property(parked, "EspRejectionCode")).isEqualTo("err.request.not_found");
        assertThat(property(parked, "EspRejectionReason")).contains("REF-NOBODY-" + marker);
    }

    @Test
    void a_pes_event_that_comes_while_its_process_is_on_its_way_to_wait_for_it_is_held_and_taken_when_it_waits() {
        String referenceId = referralAtIntake();
        // a step of this referral whose worker is away (it died after PES confirmed; its lock has not run out)
        String step = startStepBeforeTheWait(referenceId);

        String messageId = sendRegistrationConfirmed(referenceId);
        await().atMost(FLOW_TIMEOUT).until(() -> held(messageId) == 1);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(step).count()).isEqualTo(1);

        // the worker that took the task over completes it: now the process waits, and the held event is taken
        completeTheStep(referenceId);

        await().atMost(FLOW_TIMEOUT).until(() -> held(messageId) == 0
                && runtimeService.createProcessInstanceQuery().processInstanceId(step).count() == 0);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(step)
                .activityId(EARLY_STEP_WAIT).finished().count()).as("the wait took the event").isEqualTo(1);
    }

    @Test
    void a_held_event_whose_process_goes_on_without_waiting_for_it_is_parked_with_the_reason() {
        String referenceId = referralAtIntake();
        String step = startStepBeforeTheWait(referenceId);
        String messageId = sendRegistrationConfirmed(referenceId);
        await().atMost(FLOW_TIMEOUT).until(() -> held(messageId) == 1);

        runtimeService.deleteProcessInstance(step, "the step was cancelled before it completed");

        Message parked = await().atMost(FLOW_TIMEOUT).until(() -> deadLetterWith(messageId), java.util.Objects::nonNull);
        assertThat(property(parked, "EspRejectionCode")).isEqualTo("err.request.not_found");
        assertThat(property(parked, "EspRejectionReason")).contains("went on without waiting for it");
        assertThat(property(parked, "EspRejectedFrom")).isEqualTo(ReferralQueue.PES_EVENTS);
        // parked first, then released: a node that died between the two would park it again, never lose it
        await().atMost(FLOW_TIMEOUT).until(() -> held(messageId) == 0);
    }

    @Test
    void a_notification_sent_again_by_the_worker_that_took_over_a_dead_workers_task_reaches_sa_once() {
        String referenceId = "REF-" + UUID.randomUUID();
        // the worker that died after its send, then the one that took the task over when the lock ran out
        handOffNotification(referenceId, "NotifyNotEligible:1", ReferralToPes.OUTCOME_NOT_ELIGIBLE);
        handOffNotification(referenceId, "NotifyNotEligible:1", ReferralToPes.OUTCOME_NOT_ELIGIBLE);
        // another step: SA's one listener reads in order, so once this is in, a repeat would be too
        handOffNotification(referenceId, "NotifyExchangeRefused:2", ReferralToPes.OUTCOME_EXCHANGE_REFUSED);

        awaitSaNotification(referenceId, ReferralToPes.OUTCOME_EXCHANGE_REFUSED);
        assertThat(outcomes(referenceId)).containsExactly(
                ReferralToPes.OUTCOME_NOT_ELIGIBLE, ReferralToPes.OUTCOME_EXCHANGE_REFUSED);
    }

    /** What RouteHandoff hands the sa.notify-outcome route for one external task. */
    private void handOffNotification(String referenceId, String activityInstanceId, String outcome) {
        camel.send("direct:sa.notify-outcome", exchange -> {
            exchange.setProperty(HandoffHeaders.PURPOSE, "EMPLOYMENT_ACTIVATION");
            exchange.setProperty(HandoffHeaders.PERSON_ID, NOT_WORK_ABLE);
            exchange.setProperty(HandoffHeaders.CORRELATION_ID, referenceId);
            exchange.setProperty(HandoffHeaders.BUSINESS_KEY, referenceId);
            exchange.getIn().setBody(Map.of("referenceId", referenceId, "personId", NOT_WORK_ABLE, "outcome", outcome));
            exchange.getIn().setHeader(HandoffHeaders.TOPIC, "sa.notify-outcome");
            exchange.getIn().setHeader(HandoffHeaders.BUSINESS_KEY, referenceId);
            exchange.getIn().setHeader(HandoffHeaders.CORRELATION_ID, referenceId);
            exchange.getIn().setHeader(HandoffHeaders.IDEMPOTENCY_KEY, referenceId + ":" + activityInstanceId);
        });
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** Queue names of the contract. */
    static final class ReferralQueue {
        static final String REFERRALS = "esp.referrals.in";
        static final String PES_EVENTS = "esp.pes.events.in";
        static final String DEAD_LETTER = "DLQ";
    }

    private static final String EARLY_STEP_TOPIC = "test.step-before-the-wait";
    private static final String EARLY_STEP_WAIT = "RegistrationConfirmedHere";

    private String referralAtIntake() {
        Referral referral = Referrals.forPerson(eligible.next());
        send(ReferralQueue.REFERRALS, referral.json(), null);
        awaitIntakeTask(referral.referenceId());
        return referral.referenceId();
    }

    /** A process of the referral held at a worker's step that leads straight to waiting for RegistrationConfirmed. */
    private String startStepBeforeTheWait(String referenceId) {
        processEngine.getRepositoryService().createDeployment().addModelInstance("step-before-the-wait.bpmn",
                Bpmn.createExecutableProcess("step-before-the-wait").camundaHistoryTimeToLive(1)
                        .startEvent()
                        .serviceTask("StepBeforeTheWait").camundaExternalTask(EARLY_STEP_TOPIC)
                        .intermediateCatchEvent(EARLY_STEP_WAIT).message(ReferralToPes.MESSAGE_REGISTRATION_CONFIRMED)
                        .endEvent()
                        .done()).deploy();
        return runtimeService.startProcessInstanceByKey("step-before-the-wait", referenceId).getId();
    }

    private void completeTheStep(String referenceId) {
        ExternalTaskService tasks = processEngine.getExternalTaskService();
        List<LockedExternalTask> locked = tasks.fetchAndLock(1, "test-worker")
                .topic(EARLY_STEP_TOPIC, 60_000).businessKey(referenceId).execute();
        assertThat(locked).hasSize(1);
        tasks.complete(locked.get(0).getId(), "test-worker");
    }

    /** PES confirms a registration; returns the event's message_id. */
    private String sendRegistrationConfirmed(String referenceId) {
        String messageId = "early-" + UUID.randomUUID();
        send(ReferralQueue.PES_EVENTS, """
                {"header": {"message_id": "%s", "action": "pes-event", "sender_id": "pes.gov.example"},
                 "message": {"event_type": "%s", "reference_id": "%s"}}"""
                .formatted(messageId, ReferralToPes.MESSAGE_REGISTRATION_CONFIRMED, referenceId), null);
        return messageId;
    }

    private int held(String messageId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM esp_early_event WHERE message_id = ?", Integer.class,
                messageId);
    }

    /** The parked message whose body names the message_id, or null; the queue is browsed, not drained. */
    private Message deadLetterWith(String messageId) {
        return new JmsTemplate(connectionFactory).browse(ReferralQueue.DEAD_LETTER, (session, browser) -> {
            for (java.util.Enumeration<?> all = browser.getEnumeration(); all.hasMoreElements(); ) {
                Message message = (Message) all.nextElement();
                if (message instanceof jakarta.jms.TextMessage text && text.getText().contains(messageId)) {
                    return message;
                }
            }
            return null;
        });
    }

    /** Sends a text message; returns its JMS correlation id. */
    private String send(String queue, String body, String marker) {
        String correlationId = UUID.randomUUID().toString();
        String user = ReferralQueue.PES_EVENTS.equals(queue) ? AgencyBroker.PES : AgencyBroker.SA;
        AgencyBroker.as(acceptorUrl, user).send(queue, session -> {
            Message message = session.createTextMessage(body);
            message.setJMSCorrelationID(correlationId);
            if (marker != null) {
                message.setStringProperty("testMarker", marker);
            }
            return message;
        });
        return correlationId;
    }

    private JsonNode awaitIntakeTask(String referenceId) {
        await().atMost(FLOW_TIMEOUT).until(() -> hub.tasksOf("pes-worker", referenceId).size() == 1);
        return hub.tasksOf("pes-worker", referenceId).get(0);
    }

    private JsonNode awaitSaNotification(String referenceId, String outcome) {
        await().atMost(FLOW_TIMEOUT).until(() -> outcomes(referenceId).contains(outcome));
        for (JsonNode notification : hub.saNotificationsAbout(referenceId)) {
            JsonNode message = notification.path("body").path("message");
            if (outcome.equals(message.path("outcome").asText())) {
                return message;
            }
        }
        throw new AssertionError("no " + outcome + " notification for " + referenceId);
    }

    private List<String> outcomes(String referenceId) {
        return hub.saNotificationsAbout(referenceId).findValuesAsText("outcome");
    }

    private void assertEndedAt(String referenceId, String endEventId) {
        await().atMost(FLOW_TIMEOUT).until(() -> historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(referenceId).completed().count() == 1);
        String instanceId = historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(referenceId).singleResult().getId();
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceId)
                .activityId(endEventId).count()).as("ended at " + endEventId).isEqualTo(1);
    }

    private void awaitDrained(String queueName) {
        Queue queue = broker.getActiveMQServer().locateQueue(SimpleString.of(queueName));
        await().atMost(FLOW_TIMEOUT).until(() -> queue.getMessageCount() == 0 && queue.getDeliveringCount() == 0);
    }

    private Message deadLetterMarked(String marker) {
        JmsTemplate receiver = new JmsTemplate(connectionFactory);
        receiver.setReceiveTimeout(FLOW_TIMEOUT.toMillis());
        return receiver.receiveSelected(ReferralQueue.DEAD_LETTER, "testMarker = '" + marker + "'");
    }

    private static String property(Message message, String name) {
        try {
            return message.getStringProperty(name);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
