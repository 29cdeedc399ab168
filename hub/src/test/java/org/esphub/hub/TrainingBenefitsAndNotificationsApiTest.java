package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.esphub.dci.DciResponseValidator;
import org.esphub.dci.DciResponseValidator.DciResponse;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.esphub.hub.support.AgencyBroker;
import org.esphub.hub.support.CallbackReceiver;
import org.esphub.hub.support.EligiblePeople;
import org.esphub.hub.support.EngineClock;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.LifecycleDriver;
import org.esphub.hub.support.PublishedHubKeys;
import org.esphub.hub.support.Referrals;
import org.esphub.hub.support.SimulatedAgencies;
import org.esphub.hub.support.Referrals.Referral;
import org.esphub.processes.AgencyNotification;
import org.esphub.processes.ReferralToPes;
import org.esphub.processes.TrainingEnrolment;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.tax.ContributionRegister;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code POST /training-benefits} and {@code POST /notifications} as PES, a training provider and SA
 * use them: a training requested outside a referral starts training-enrolment (SA decides its
 * benefit, here through a notification that reaches the waiting process), its intake outcome is
 * called back signed to sender_uri; a notification no process waits for becomes a task for the
 * case owner's caseworkers; every refusal comes in the standard's error format and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "esp.simulators.sa.auto-decide-training-benefits=false")
@ActiveProfiles({"demo", "it"})
@DirtiesContext
class TrainingBenefitsAndNotificationsApiTest {

    private static final String BASE = "/dci/employment/v1.0.0";
    private static final String TRAINING = BASE + "/training-benefits";
    private static final String NOTIFICATIONS = BASE + "/notifications";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** PES's callback endpoint, admitted as the demo admits the simulators. */
    private static final CallbackReceiver PES = CallbackReceiver.start();

    private final DciResponseValidator responses = new DciResponseValidator();

    @Value("${server.port}")
    private int port;
    @Value("${esp.messaging.acceptor-url}")
    private String acceptorUrl;
    @Autowired
    private ProcessEngine engine;
    @Autowired
    private ExternalTaskClient workers;
    @Autowired
    private RuntimeService runtimeService;
    @Autowired
    private HistoryService historyService;
    @Autowired
    private TaskService taskService;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private SyntheticPopulation population;
    @Autowired
    private ContributionRegister register;

    private HubClient hub;
    private String pesTraining;
    private String pesNotices;

    @DynamicPropertySource
    static void admitPesCallbackEndpoint(DynamicPropertyRegistry registry) {
        registry.add("esp.outbound.allowed-targets", () -> CallbackReceiver.allowedTargets(PES));
    }

    @AfterAll
    static void stopPes() {
        PES.close();
    }

    @BeforeEach
    void connect() {
        hub = new HubClient(port);
        pesTraining = hub.clientToken("pes-system", "benefit:manage");
        pesNotices = hub.clientToken("pes-system", "notification:send");
    }

    // ---- POST /training-benefits ------------------------------------------------------------------

    @Test
    void a_training_PES_requests_starts_the_enrolment_with_the_request_filled_in_and_is_called_back_signed() {
        String person = new EligiblePeople(population, register, jdbc).next();
        recordConsent(person);
        ObjectNode request = training(person);
        ((ObjectNode) request.get("header")).put("sender_uri", PES.url());
        String referenceId = referenceOf(request);

        ResponseEntity<JsonNode> ack = post(pesTraining, TRAINING, request.toString());

        assertThat(ack.getStatusCode().value()).isEqualTo(200);
        assertThat(responses.problems(DciResponse.ACK, ack.getBody())).isEmpty();
        Task choice = awaitTask(referenceId, TrainingEnrolment.CHOOSE_PROGRAMME);
        assertThat(taskService.getIdentityLinksForTask(choice.getId())).anyMatch(link ->
                TrainingEnrolment.GROUP_PES_CASEWORKERS.equals(link.getGroupId()));
        assertThat(runtimeService.getVariables(choice.getProcessInstanceId()))
                .containsEntry(TrainingEnrolment.VAR_PERSON_ID, person)
                .containsEntry(TrainingEnrolment.VAR_REFERENCE_ID, referenceId)
                .containsEntry(TrainingEnrolment.VAR_PROGRAMME_ID, "TVET-WELD-01")
                .containsEntry(TrainingEnrolment.VAR_DURATION_WEEKS, 12L);
        assertThat(choice.getDescription()).contains(person).contains(referenceId);

        await().atMost(Duration.ofSeconds(60)).until(() -> PES.itemIn("training_response", referenceId) != null);
        JsonNode item = PES.itemIn("training_response", referenceId);
        assertThat(item.path("status").asText()).isEqualTo("succ");
        assertThat(item.path("outcome").asText()).isEqualTo("ENROLMENT_STARTED");
        JsonNode callback = PES.received().stream().filter(received -> received.at("/message/training_response/0")
                .path("reference_id").asText().equals(referenceId)).findFirst().orElseThrow();
        assertThat(callback.at("/header/action").asText()).isEqualTo("on-enroll-training");
        assertThat(responses.problems(DciResponse.CALLBACK_HEADER, callback.get("header"))).isEmpty();
        assertThat(PES.verifyAllWith(PublishedHubKeys.fetch(hub))).as("callbacks signed by the hub's key").isPositive();
    }

    @Test
    void each_training_requests_outcome_is_raised_as_benefit_enrolled_to_the_senders_subscriptions() {
        String consented = new EligiblePeople(population, register, jdbc).next();
        recordConsent(consented);
        String unconsented = "10000000098";
        ResponseEntity<JsonNode> subscribed = hub.raw().post().uri(BASE + "/webhooks/subscription")
                .headers(h -> h.setBearerAuth(hub.clientToken("pes-system", "webhook:manage")))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("url", PES.url(),
                        "event_types", List.of("benefit_enrolled"),
                        "filters", Map.of("person_ids", List.of(consented, unconsented))))
                .retrieve().toEntity(JsonNode.class);
        assertThat(subscribed.getStatusCode().value()).isEqualTo(201);
        ObjectNode requests = training(consented);
        ((ObjectNode) requests.get("header")).put("total_count", 2);
        String started = referenceOf(requests);
        String refused = "TRN-" + UUID.randomUUID();
        ((ArrayNode) requests.at("/message/training_request")).add(((ObjectNode) requests
                .at("/message/training_request/0").deepCopy()).put("reference_id", refused)
                .put("person_id", unconsented));

        assertThat(post(pesTraining, TRAINING, requests.toString()).getStatusCode().value()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> !PES.eventsAbout("benefit_enrolled", started).isEmpty()
                && !PES.eventsAbout("benefit_enrolled", refused).isEmpty());
        JsonNode event = PES.eventsAbout("benefit_enrolled", started).get(0);
        assertThat(event.at("/data/process").asText()).isEqualTo(TrainingEnrolment.PROCESS_KEY);
        assertThat(event.at("/data/step").asText()).isEqualTo(TrainingEnrolment.TRAINING_REQUESTED);
        assertThat(event.at("/data/programme_id").asText()).isEqualTo("TVET-WELD-01");
        assertThat(event.at("/data").has("training_outcome")).isFalse();
        assertThat(PES.eventsAbout("benefit_enrolled", refused).get(0).at("/data/training_outcome").asText())
                .isEqualTo("rjct.training.no_consent");
    }

    @Test
    void a_training_provider_may_request_an_enrolment_too() {
        String person = new EligiblePeople(population, register, jdbc).next();
        recordConsent(person);
        ObjectNode request = training(person);
        ((ObjectNode) request.get("header")).put("sender_id", "tvet.example.org");

        ResponseEntity<JsonNode> ack = post(hub.clientToken("tvet-provider", "benefit:manage"), TRAINING,
                request.toString());

        assertThat(ack.getStatusCode().value()).as("" + ack.getBody()).isEqualTo(200);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(referenceOf(request))
                .processDefinitionKey(TrainingEnrolment.PROCESS_KEY).count()).isEqualTo(1);
    }

    @Test
    void a_person_whose_referral_chooses_no_programme_now_and_a_referrals_reference_id_are_refused_with_reasons() {
        String person = new EligiblePeople(population, register, jdbc).next();
        Referral referral = Referrals.forPerson(person);
        assertThat(post(hub.clientToken("sa-system", "referral:create"), BASE + "/referrals", referral.json())
                .getStatusCode().value()).isEqualTo(200);
        ObjectNode requests = training(person);
        ((ObjectNode) requests.get("header")).put("sender_uri", PES.url()).put("total_count", 2);
        String inReferral = referenceOf(requests);
        ((ArrayNode) requests.at("/message/training_request")).add(((ObjectNode) requests
                .at("/message/training_request/0").deepCopy()).put("reference_id", referral.referenceId())
                .put("person_id", new EligiblePeople(population, register, jdbc).next()));

        assertThat(post(pesTraining, TRAINING, requests.toString()).getStatusCode().value()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> PES.itemIn("training_response", inReferral) != null
                && PES.itemIn("training_response", referral.referenceId()) != null);
        assertThat(PES.itemIn("training_response", inReferral).path("status_reason_code").asText())
                .isEqualTo("rjct.training.referral_active");
        assertThat(PES.itemIn("training_response", inReferral).path("status_reason_message").asText())
                .contains(referral.referenceId()).contains(" at ");
        assertThat(PES.itemIn("training_response", referral.referenceId()).path("status_reason_code").asText())
                .isEqualTo("rjct.training.reference_taken");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(inReferral).count()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(referral.referenceId())
                .processDefinitionKey(TrainingEnrolment.PROCESS_KEY).count()).isZero();
    }

    @Test
    void a_training_for_a_person_whose_referral_is_choosing_a_programme_reopens_that_choice_filled_in_with_it() {
        String person = new EligiblePeople(population, register, jdbc).next();
        EngineClock clock = new EngineClock(engine.getManagementService(), workers);
        LifecycleDriver driver = new LifecycleDriver(hub, new SimulatedAgencies(hub),
                AgencyBroker.as(acceptorUrl, AgencyBroker.SA), engine, clock);
        try {
            driver.referOnQueue(person);
            driver.assessWorkReady(ReferralToPes.PATHWAY_TRAINING, "Wants to weld");
            String firstChoice = driver.awaitTask(LifecycleDriver.PES_CASEWORKER, TrainingEnrolment.CHOOSE_PROGRAMME)
                    .path("id").asText();
            ObjectNode request = training(person);
            ((ObjectNode) request.get("header")).put("sender_uri", PES.url());
            String referenceId = referenceOf(request);

            assertThat(post(pesTraining, TRAINING, request.toString()).getStatusCode().value()).isEqualTo(200);

            // the catalogue is read again and the counsellor's choice opens with the request in it
            Task choice = await().atMost(Duration.ofSeconds(60)).until(() -> taskService.createTaskQuery()
                    .processInstanceBusinessKey(driver.referenceId())
                    .taskDefinitionKey(TrainingEnrolment.CHOOSE_PROGRAMME).singleResult(),
                    task -> task != null && !task.getId().equals(firstChoice));
            assertThat(runtimeService.getVariables(choice.getProcessInstanceId()))
                    .containsEntry(TrainingEnrolment.VAR_REFERENCE_ID, driver.referenceId())
                    .containsEntry(TrainingEnrolment.VAR_PROGRAMME_ID, "TVET-WELD-01")
                    .containsEntry(TrainingEnrolment.VAR_DURATION_WEEKS, 12L);
            assertThat(jdbc.queryForMap("SELECT process_instance_id, referral_reference_id FROM esp_training_enrolment"
                    + " WHERE reference_id = ?", referenceId))
                    .containsEntry("process_instance_id", choice.getProcessInstanceId())
                    .containsEntry("referral_reference_id", driver.referenceId());
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(referenceId).count())
                    .as("no case of its own").isZero();
            await().atMost(Duration.ofSeconds(60)).until(() -> PES.itemIn("training_response", referenceId) != null);
            assertThat(PES.itemIn("training_response", referenceId).path("outcome").asText())
                    .isEqualTo("ATTACHED_TO_REFERRAL");
        } finally {
            driver.endIfRunning();
        }
    }

    @Test
    void a_person_without_consent_to_the_activations_exchanges_is_refused_and_nothing_starts() {
        ObjectNode request = training(personWithoutConsent());
        ((ObjectNode) request.get("header")).put("sender_uri", PES.url());
        String referenceId = referenceOf(request);

        assertThat(post(pesTraining, TRAINING, request.toString()).getStatusCode().value()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> PES.itemIn("training_response", referenceId) != null);
        assertThat(PES.itemIn("training_response", referenceId).path("status_reason_code").asText())
                .isEqualTo("rjct.training.no_consent");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(referenceId).count()).isZero();
        assertThat(jdbc.queryForObject("SELECT rejection_code FROM esp_training_enrolment WHERE reference_id = ?",
                String.class, referenceId)).isEqualTo("rjct.training.no_consent");
    }

    @Test
    void the_same_training_message_again_is_refused_and_starts_nothing_more() {
        String person = new EligiblePeople(population, register, jdbc).next();
        recordConsent(person);
        ObjectNode request = training(person);
        assertThat(post(pesTraining, TRAINING, request.toString()).getStatusCode().value()).isEqualTo(200);

        assertError(post(pesTraining, TRAINING, request.toString()), 409, "rjct.message_id.duplicate");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(referenceOf(request))
                .count()).isEqualTo(1);
    }

    @Test
    void bad_training_requests_are_refused_in_the_standards_format_and_change_nothing() {
        String person = new EligiblePeople(population, register, jdbc).next();
        ObjectNode noProgramme = training(person);
        ((ObjectNode) noProgramme.at("/message/training_request/0")).remove("training_program");
        ObjectNode noWeeks = training(person);
        ((ObjectNode) noWeeks.at("/message/training_request/0/training_program")).put("duration_weeks", 0);
        ObjectNode unknownBenefit = training(person);
        ((ArrayNode) unknownBenefit.at("/message/training_request/0/requested_benefits")).add("HOUSING");
        ObjectNode tooMany = training(person);
        ArrayNode items = (ArrayNode) tooMany.at("/message/training_request");
        for (int i = 1; i <= 100; i++) {
            items.add(((ObjectNode) items.get(0).deepCopy()).put("reference_id", referenceOf(tooMany) + "-" + i));
        }
        ((ObjectNode) tooMany.get("header")).put("total_count", items.size());
        ObjectNode asSa = training(person);
        ((ObjectNode) asSa.get("header")).put("sender_id", "sa.gov.example");

        assertError(post(pesTraining, TRAINING, "{\"header\": "), 400, "err.request.bad");
        assertError(post(pesTraining, TRAINING, noProgramme.toString()), 400, "err.request.bad");
        assertError(post(pesTraining, TRAINING, noWeeks.toString()), 400, "err.request.bad");
        assertError(post(pesTraining, TRAINING, unknownBenefit.toString()), 400, "err.request.bad");
        assertError(post(pesTraining, TRAINING, tooMany.toString()), 400, "rjct.total_count.limit_exceeded");
        assertError(post(pesTraining, TRAINING, asSa.toString()), 403, "err.sender_id.invalid");
        // a scope for something else, and SA, which has no benefit:manage
        assertError(post(hub.clientToken("pes-system", "placement:create"), TRAINING, training(person).toString()),
                403, "err.request.forbidden");
        assertError(post(hub.clientToken("sa-system", "referral:create"), TRAINING, asSa.toString()), 403,
                "err.request.forbidden");

        for (ObjectNode refused : new ObjectNode[] {noProgramme, noWeeks, unknownBenefit, tooMany, asSa}) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM esp_training_enrolment WHERE reference_id LIKE ?",
                    Integer.class, referenceOf(refused) + "%")).isZero();
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(referenceOf(refused))
                    .count()).isZero();
        }
    }

    // ---- POST /notifications ----------------------------------------------------------------------

    @Test
    void a_notification_no_process_waits_for_becomes_a_task_for_the_case_owners_caseworkers() {
        String person = new EligiblePeople(population, register, jdbc).next();
        String referenceId = startedTraining(person);
        ObjectNode fromPes = notification(referenceId, person, "employment_status_change");
        ((ObjectNode) fromPes.get("header")).put("sender_uri", PES.url());
        ObjectNode fromSa = notification(referenceId, person, "benefit_suspended");
        ((ObjectNode) fromSa.get("header")).put("sender_id", "sa.gov.example");
        ResponseEntity<JsonNode> subscribed = hub.raw().post().uri(BASE + "/webhooks/subscription")
                .headers(h -> h.setBearerAuth(hub.clientToken("pes-system", "webhook:manage")))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("url", PES.url(),
                        "event_types", List.of("notification_processed"), "filters", Map.of("person_ids", List.of(person))))
                .retrieve().toEntity(JsonNode.class);
        assertThat(subscribed.getStatusCode().value()).isEqualTo(201);

        ResponseEntity<JsonNode> toSa = post(pesNotices, NOTIFICATIONS, fromPes.toString());
        ResponseEntity<JsonNode> toPes = post(hub.clientToken("sa-system", "notification:send"), NOTIFICATIONS,
                fromSa.toString());

        assertThat(toSa.getStatusCode().value()).as("" + toSa.getBody()).isEqualTo(200);
        assertThat(toSa.getBody().path("transaction_id").asText()).isEqualTo(fromPes.at("/message/transaction_id").asText());
        JsonNode answered = toSa.getBody().at("/notification_responses/0");
        assertThat(answered.path("reference_id").asText()).isEqualTo(referenceId);
        assertThat(answered.path("status").asText()).isEqualTo("succ");
        assertThat(answered.path("delivered_as").asText()).isEqualTo("INBOX");
        assertThat(toPes.getBody().at("/notification_responses/0/delivered_as").asText()).isEqualTo("INBOX");
        // the outcome is also called back to PES's sender_uri and raised to its subscription
        await().atMost(Duration.ofSeconds(60)).until(() -> PES.itemIn("notification_responses", referenceId) != null
                && !PES.eventsAbout("notification_processed", referenceId).isEmpty());
        JsonNode calledBack = PES.itemIn("notification_responses", referenceId);
        assertThat(calledBack.path("delivered_as").asText()).isEqualTo("INBOX");
        assertThat(calledBack.path("notification_type").asText()).isEqualTo("employment_status_change");
        JsonNode callback = PES.received().stream().filter(received -> received.at("/message/notification_responses/0")
                .path("reference_id").asText().equals(referenceId)).findFirst().orElseThrow();
        assertThat(callback.at("/header/action").asText()).isEqualTo("on-send-notification");
        assertThat(responses.problems(DciResponse.CALLBACK_HEADER, callback.get("header"))).isEmpty();
        assertThat(PES.eventsAbout("notification_processed", referenceId)).singleElement()
                .satisfies(event -> assertThat(event.at("/data/status").asText()).isEqualTo("succ"));

        List<Task> reads = taskService.createTaskQuery().processInstanceBusinessKey(referenceId)
                .taskDefinitionKey(AgencyNotification.READ_NOTIFICATION).list();
        assertThat(reads).extracting(Task::getName).containsExactlyInAnyOrder(
                "Read notification from pes.gov.example", "Read notification from sa.gov.example");
        Task forSa = reads.stream().filter(task -> task.getName().endsWith("pes.gov.example")).findFirst().orElseThrow();
        assertThat(hub.tasksOf("sa-worker", referenceId).findValuesAsText("id")).contains(forSa.getId());
        assertThat(hub.tasksOf("pes-worker", referenceId).findValuesAsText("id")).doesNotContain(forSa.getId());
        assertThat((String) runtimeService.getVariable(forSa.getProcessInstanceId(),
                AgencyNotification.VAR_NOTIFICATION_DATA)).contains("benefit_graduation_review");
        Task forPes = reads.stream().filter(task -> task.getName().endsWith("sa.gov.example")).findFirst().orElseThrow();
        assertThat(hub.tasksOf("pes-worker", referenceId).findValuesAsText("id")).contains(forPes.getId());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM esp_agency_notification WHERE reference_id = ?"
                + " AND delivered_as = 'INBOX'", Integer.class, referenceId)).isEqualTo(2);
    }

    @Test
    void SAs_training_benefit_decision_as_a_notification_reaches_the_enrolment_waiting_for_it() {
        String person = new EligiblePeople(population, register, jdbc).next();
        String referenceId = startedTraining(person);
        Task choice = awaitTask(referenceId, TrainingEnrolment.CHOOSE_PROGRAMME);
        taskService.complete(choice.getId(), Map.of(TrainingEnrolment.VAR_NO_SUITABLE_PROGRAMME, false,
                TrainingEnrolment.VAR_PROGRAMME_ID, "TVET-WELD-01", TrainingEnrolment.VAR_START_DATE, "2027-03-01"));
        await().atMost(Duration.ofSeconds(60)).until(() -> waitsFor(referenceId,
                TrainingEnrolment.MESSAGE_TRAINING_BENEFIT_DECIDED));
        ObjectNode decision = notification(referenceId, person, TrainingEnrolment.MESSAGE_TRAINING_BENEFIT_DECIDED);
        ((ObjectNode) decision.get("header")).put("sender_id", "sa.gov.example");
        ((ObjectNode) decision.at("/message/notifications/0")).set("notification_data", JSON.createObjectNode()
                .put("training_benefit_approved", true).put("training_benefit_decision_reason", "approved by SA"));
        ObjectNode fromPes = notification(referenceId, person, TrainingEnrolment.MESSAGE_TRAINING_BENEFIT_DECIDED);
        ((ObjectNode) fromPes.at("/message/notifications/0")).set("notification_data", JSON.createObjectNode()
                .put("training_benefit_approved", true));

        // only SA decides the benefit: PES naming that event is refused and changes nothing
        ResponseEntity<JsonNode> refused = post(pesNotices, NOTIFICATIONS, fromPes.toString());
        ResponseEntity<JsonNode> taken = post(hub.clientToken("sa-system", "notification:send"), NOTIFICATIONS,
                decision.toString());

        assertThat(refused.getBody().at("/notification_responses/0/status_reason_code").asText())
                .isEqualTo("rjct.notification.event_not_allowed");
        assertThat(taken.getStatusCode().value()).as("" + taken.getBody()).isEqualTo(200);
        assertThat(taken.getBody().at("/notification_responses/0/delivered_as").asText()).isEqualTo("CORRELATED");
        String instance = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(referenceId)
                .processDefinitionKey(TrainingEnrolment.PROCESS_KEY).singleResult().getId();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName(TrainingEnrolment.VAR_TRAINING_BENEFIT_APPROVED).singleResult().getValue())
                .isEqualTo(true);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId(TrainingEnrolment.TRAINING_BENEFIT_DECIDED).finished().count()).isEqualTo(1);
    }

    @Test
    void notifications_about_unknown_cases_other_persons_or_from_strangers_are_refused_per_item() {
        String person = new EligiblePeople(population, register, jdbc).next();
        String referenceId = startedTraining(person);
        ObjectNode three = notification("CASE-NOBODY-KNOWS", person, "employment_status_change");
        ((ObjectNode) three.get("header")).put("total_count", 3);
        ArrayNode items = (ArrayNode) three.at("/message/notifications");
        items.add(((ObjectNode) items.get(0).deepCopy()).put("reference_id", referenceId).put("person_id", "10000000099"));
        ObjectNode fromProvider = notification(referenceId, person, "attendance_concern");
        ((ObjectNode) fromProvider.get("header")).put("sender_id", "tvet.example.org");

        ResponseEntity<JsonNode> answer = post(pesNotices, NOTIFICATIONS, three.toString());
        ResponseEntity<JsonNode> stranger = post(hub.clientToken("tvet-provider", "notification:send"),
                NOTIFICATIONS, fromProvider.toString());

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody().at("/notification_responses/0/status").asText()).isEqualTo("rjct");
        assertThat(answer.getBody().at("/notification_responses/0/status_reason_code").asText())
                .isEqualTo("rjct.notification.unknown_reference");
        assertThat(answer.getBody().at("/notification_responses/1/status_reason_code").asText())
                .isEqualTo("rjct.notification.other_person");
        // the provider took no part yet: no place was reserved with it
        assertThat(stranger.getBody().at("/notification_responses/0/status_reason_code").asText())
                .isEqualTo("rjct.notification.not_a_participant");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(referenceId)
                .taskDefinitionKey(AgencyNotification.READ_NOTIFICATION).count()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM esp_agency_notification WHERE reference_id IN (?, ?)",
                Integer.class, referenceId, "CASE-NOBODY-KNOWS")).isZero();
    }

    @Test
    void bad_or_repeated_notification_messages_are_refused_in_the_standards_format_and_change_nothing() {
        String person = new EligiblePeople(population, register, jdbc).next();
        String referenceId = startedTraining(person);
        ObjectNode once = notification(referenceId, person, "employment_status_change");
        assertThat(post(pesNotices, NOTIFICATIONS, once.toString()).getStatusCode().value()).isEqualTo(200);
        ObjectNode noType = notification(referenceId, person, "x");
        ((ObjectNode) noType.at("/message/notifications/0")).remove("notification_type");
        ObjectNode tooMany = notification(referenceId, person, "employment_status_change");
        ArrayNode items = (ArrayNode) tooMany.at("/message/notifications");
        for (int i = 1; i <= 100; i++) {
            items.add(items.get(0).deepCopy());
        }
        ObjectNode asSa = notification(referenceId, person, "employment_status_change");
        ((ObjectNode) asSa.get("header")).put("sender_id", "sa.gov.example");
        ObjectNode badPerson = notification(referenceId, "not a person id", "employment_status_change");

        assertError(post(pesNotices, NOTIFICATIONS, once.toString()), 409, "rjct.message_id.duplicate");
        assertError(post(pesNotices, NOTIFICATIONS, "{not json"), 400, "err.request.bad");
        assertError(post(pesNotices, NOTIFICATIONS, noType.toString()), 400, "err.request.bad");
        assertError(post(pesNotices, NOTIFICATIONS, tooMany.toString()), 400, "err.request.bad");
        assertError(post(pesNotices, NOTIFICATIONS, badPerson.toString()), 400, "err.request.bad");
        assertError(post(pesNotices, NOTIFICATIONS, asSa.toString()), 403, "err.sender_id.invalid");
        assertError(post(pesTraining, NOTIFICATIONS, notification(referenceId, person, "employment_status_change")
                .toString()), 403, "err.request.forbidden");

        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(referenceId)
                .taskDefinitionKey(AgencyNotification.READ_NOTIFICATION).count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM esp_agency_notification WHERE reference_id = ?",
                Integer.class, referenceId)).isEqualTo(1);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** A training PES requested for the person, started; its reference_id. */
    private String startedTraining(String person) {
        recordConsent(person);
        ObjectNode request = training(person);
        assertThat(post(pesTraining, TRAINING, request.toString()).getStatusCode().value()).isEqualTo(200);
        return referenceOf(request);
    }

    /** A person no test and no referral recorded a consent for (the other tests share their persons). */
    private String personWithoutConsent() {
        EligiblePeople people = new EligiblePeople(population, register, jdbc);
        String person = people.next();
        while (jdbc.queryForObject("SELECT COUNT(*) FROM esp_consent WHERE person_id = ?", Integer.class, person) > 0) {
            person = people.next();
        }
        return person;
    }

    /** The person agrees to the activation's exchanges (the provider's place, SA's benefit), as PES records it. */
    private void recordConsent(String person) {
        HubClient.Answer recorded = hub.post("pes-worker", "/api/consents", Map.of("person_id", person,
                "purpose", TrainingEnrolment.PURPOSE_EMPLOYMENT_ACTIVATION, "source", "PES training interview"));
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    }

    private Task awaitTask(String referenceId, String taskKey) {
        await().atMost(Duration.ofSeconds(60)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(referenceId).taskDefinitionKey(taskKey).count() == 1);
        return taskService.createTaskQuery().processInstanceBusinessKey(referenceId).taskDefinitionKey(taskKey)
                .singleResult();
    }

    private boolean waitsFor(String referenceId, String message) {
        return runtimeService.createExecutionQuery().processInstanceBusinessKey(referenceId)
                .messageEventSubscriptionName(message).count() > 0;
    }

    private static ObjectNode training(String personId) {
        ObjectNode request = sample("training-benefits.json");
        String unique = UUID.randomUUID().toString();
        ((ObjectNode) request.get("header")).put("message_id", "MSG-" + unique)
                .put("message_ts", Instant.now().toString());
        ((ObjectNode) request.at("/message/training_request/0")).put("reference_id", "TRN-" + unique)
                .put("person_id", personId);
        return request;
    }

    private static ObjectNode notification(String referenceId, String personId, String type) {
        ObjectNode notification = sample("notification.json");
        ((ObjectNode) notification.get("header")).put("message_id", "MSG-" + UUID.randomUUID())
                .put("message_ts", Instant.now().toString());
        ((ObjectNode) notification.at("/message/notifications/0")).put("reference_id", referenceId)
                .put("person_id", personId).put("notification_type", type);
        return notification;
    }

    private static ObjectNode sample(String name) {
        try {
            return (ObjectNode) JSON.readTree(Path.of("../samples", name).toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String referenceOf(ObjectNode request) {
        return request.at("/message/training_request/0/reference_id").asText(
                request.at("/message/notifications/0/reference_id").asText());
    }

    private ResponseEntity<JsonNode> post(String token, String path, String body) {
        return hub.raw().post().uri(path).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    private void assertError(ResponseEntity<JsonNode> response, int status, String code) {
        assertThat(response.getStatusCode().value()).as("" + response.getBody()).isEqualTo(status);
        assertThat(response.getBody().at("/errors/0/code").asText()).isEqualTo(code);
        assertThat(responses.problems(DciResponse.HTTP_ERROR, response.getBody())).as("" + response.getBody()).isEmpty();
    }
}
