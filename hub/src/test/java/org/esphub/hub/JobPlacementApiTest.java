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
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.esphub.dci.DciResponseValidator;
import org.esphub.dci.DciResponseValidator.DciResponse;
import org.esphub.hub.support.AgencyBroker;
import org.esphub.hub.support.CallbackReceiver;
import org.esphub.hub.support.EligiblePeople;
import org.esphub.hub.support.Referrals;
import org.esphub.hub.support.Referrals.Referral;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.PublishedHubKeys;
import org.esphub.processes.JobPlacement;
import org.esphub.processes.PesReportedPlacement;
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
 * {@code POST /job-placements} and {@code PUT /job-placements/{placement_id}} as PES's system uses
 * them: a placement PES made starts job-placement at its verification, its intake outcome is called
 * back signed to sender_uri, an update reaches the running instance as a message, and every refusal
 * comes in the standard's error format and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"demo", "it"})
@DirtiesContext
class JobPlacementApiTest {

    private static final String PLACEMENTS = "/dci/employment/v1.0.0/job-placements";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** PES's callback endpoint, admitted as the demo admits the simulators. */
    private static final CallbackReceiver PES = CallbackReceiver.start();

    private final DciResponseValidator responses = new DciResponseValidator();

    @Value("${server.port}")
    private int port;
    @Value("${esp.messaging.acceptor-url}")
    private String acceptorUrl;
    @Autowired
    private RuntimeService runtimeService;
    @Autowired
    private HistoryService historyService;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private SyntheticPopulation population;
    @Autowired
    private ContributionRegister register;

    private HubClient hub;
    private String createToken;
    private String updateToken;

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
        createToken = hub.clientToken("pes-system", "placement:create");
        updateToken = hub.clientToken("pes-system", "placement:update");
    }

    @Test
    void a_placement_PES_made_is_acknowledged_waits_for_its_verification_and_is_called_back_signed() {
        ObjectNode placement = placement("10000000003");
        ((ObjectNode) placement.get("header")).put("sender_uri", PES.url());
        String referenceId = referenceOf(placement);

        ResponseEntity<JsonNode> ack = post(createToken, placement.toString());

        assertThat(ack.getStatusCode().value()).isEqualTo(200);
        assertThat(responses.problems(DciResponse.ACK, ack.getBody())).isEmpty();
        assertThat(activeActivities(referenceId))
                .containsExactlyInAnyOrder(JobPlacement.PLACEMENT_REPORTED, JobPlacement.START_DATE_REACHED);
        assertThat(runtimeService.getVariables(instanceOf(referenceId)))
                .containsEntry(JobPlacement.VAR_EMPLOYER_ID, "EMP-ABC-001")
                .containsEntry(JobPlacement.VAR_MONTHLY_WAGE, 1800.0)
                .containsEntry(JobPlacement.VAR_CONTRACT_TYPE, JobPlacement.CONTRACT_PERMANENT)
                .containsEntry(JobPlacement.VAR_START_DATE, "2027-01-04");

        await().atMost(Duration.ofSeconds(60)).until(() -> PES.itemIn("placement_response", referenceId) != null);
        JsonNode item = PES.itemIn("placement_response", referenceId);
        assertThat(item.path("status").asText()).isEqualTo("succ");
        assertThat(item.path("outcome").asText()).isEqualTo("VERIFICATION_STARTED");
        assertThat(item.path("person_id").asText()).isEqualTo("10000000003");
        JsonNode callback = PES.received().stream().filter(received -> received.at("/message/placement_response/0")
                .path("reference_id").asText().equals(referenceId)).findFirst().orElseThrow();
        assertThat(callback.at("/header/action").asText()).isEqualTo("on-create-placement");
        assertThat(responses.problems(DciResponse.CALLBACK_HEADER, callback.get("header"))).isEmpty();
        assertThat(PES.verifyAllWith(PublishedHubKeys.fetch(hub))).as("callbacks signed by the hub's key").isPositive();
    }

    @Test
    void the_employers_confirmation_of_a_placement_PES_reported_reaches_its_verification() {
        ObjectNode placement = placement("10000000004");
        assertThat(post(createToken, placement.toString()).getStatusCode().value()).isEqualTo(200);
        String placementId = referenceOf(placement);

        // the employer system's own event on PES's queue (the simulator only reports hires of proposals it received)
        AgencyBroker.as(acceptorUrl, AgencyBroker.EMPLOYER).convertAndSend("esp.pes.events.in", """
                {"header": {"message_id": "%s", "sender_id": "employer.example.org"},
                 "message": {"event_type": "PlacementReported", "reference_id": "%s"}}"""
                .formatted(UUID.randomUUID(), placementId));

        await().atMost(Duration.ofSeconds(60)).until(() -> !activeActivities(placementId)
                .contains(JobPlacement.PLACEMENT_REPORTED));
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceOf(placementId))
                .activityId(JobPlacement.PLACEMENT_REPORTED).finished().count()).isEqualTo(1);
        assertThat(activeActivities(placementId)).contains(JobPlacement.START_DATE_REACHED);
    }

    @Test
    void a_person_in_a_referral_and_a_referrals_reference_id_are_refused_per_item_with_their_reasons() {
        String person = new EligiblePeople(population, register, jdbc).next();
        Referral referral = Referrals.forPerson(person);
        assertThat(hub.raw().post().uri("/dci/employment/v1.0.0/referrals")
                .headers(h -> h.setBearerAuth(hub.clientToken("sa-system", "referral:create")))
                .contentType(MediaType.APPLICATION_JSON).body(referral.json()).retrieve().toEntity(JsonNode.class)
                .getStatusCode().value()).isEqualTo(200);
        ObjectNode placements = placement(person);
        ((ObjectNode) placements.get("header")).put("sender_uri", PES.url()).put("total_count", 2);
        String inReferral = referenceOf(placements);
        ((ArrayNode) placements.at("/message/placement_request")).add(((ObjectNode) placements
                .at("/message/placement_request/0").deepCopy()).put("reference_id", referral.referenceId())
                .put("person_id", "10000000009"));

        assertThat(post(createToken, placements.toString()).getStatusCode().value()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).until(() -> PES.itemIn("placement_response", inReferral) != null);
        assertThat(PES.itemIn("placement_response", inReferral).path("status_reason_code").asText())
                .isEqualTo("rjct.placement.referral_active");
        assertThat(PES.itemIn("placement_response", referral.referenceId()).path("status_reason_code").asText())
                .isEqualTo("rjct.placement.reference_taken");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(inReferral).count()).isZero();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(referral.referenceId())
                .processDefinitionKey(JobPlacement.PROCESS_KEY).count()).isZero();
    }

    @Test
    void the_same_message_again_is_refused_and_starts_nothing_more() {
        ObjectNode placement = placement("10000000005");
        assertThat(post(createToken, placement.toString()).getStatusCode().value()).isEqualTo(200);

        ResponseEntity<JsonNode> again = post(createToken, placement.toString());

        assertError(again, 409, "rjct.message_id.duplicate");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(referenceOf(placement))
                .processDefinitionKey(PesReportedPlacement.PROCESS_KEY).count()).isEqualTo(1);
    }

    @Test
    void bad_requests_are_refused_in_the_standards_format_and_change_nothing() {
        ObjectNode wrongType = placement("10000000006");
        ((ObjectNode) wrongType.at("/message/placement_request/0/job_details")).put("start_date", 20270104);
        ObjectNode tooMany = placement("10000000006");
        ArrayNode items = (ArrayNode) tooMany.at("/message/placement_request");
        for (int i = 1; i <= 100; i++) {
            items.add(((ObjectNode) items.get(0).deepCopy()).put("reference_id", referenceOf(tooMany) + "-" + i));
        }
        ((ObjectNode) tooMany.get("header")).put("total_count", items.size());
        ObjectNode fromSa = placement("10000000006");
        ((ObjectNode) fromSa.get("header")).put("sender_id", "sa.gov.example");

        assertError(post(createToken, "{\"header\": "), 400, "err.request.bad");
        assertError(post(createToken, wrongType.toString()), 400, "err.request.bad");
        assertError(post(createToken, tooMany.toString()), 400, "rjct.total_count.limit_exceeded");
        assertError(post(hub.clientToken("tvet-provider", "benefit:manage"), placement("10000000006").toString()), 403,
                "err.request.forbidden");
        assertError(post(hub.clientToken("sa-system", "referral:create"), fromSa.toString()), 403,
                "err.request.forbidden");
        assertError(post(createToken, fromSa.toString()), 403, "err.sender_id.invalid");

        for (ObjectNode refused : new ObjectNode[] {wrongType, tooMany, fromSa}) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM esp_placement WHERE reference_id LIKE ?",
                    Integer.class, referenceOf(refused) + "%")).isZero();
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(referenceOf(refused))
                    .count()).isZero();
        }
    }

    @Test
    void new_terms_reach_the_running_placement_as_a_message_and_are_judged_again() {
        ObjectNode placement = placement("10000000007");
        assertThat(post(createToken, placement.toString()).getStatusCode().value()).isEqualTo(200);
        String placementId = referenceOf(placement);

        ResponseEntity<JsonNode> updated = put(updateToken, placementId, update("10000000007").toString());

        assertThat(updated.getStatusCode().value()).isEqualTo(200);
        assertThat(updated.getBody().path("placement_id").asText()).isEqualTo(placementId);
        assertThat(updated.getBody().path("status").asText()).isEqualTo("updated");
        String instance = instanceOf(placementId);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId(JobPlacement.CHECK_NEW_TERMS).finished().count()).isEqualTo(1);
        assertThat(runtimeService.getVariables(instance))
                .containsEntry(JobPlacement.VAR_HOURS_PER_WEEK, 24)
                .containsEntry(JobPlacement.VAR_MONTHLY_WAGE, 1100.0)
                .containsEntry(JobPlacement.VAR_CONTRACT_TYPE, JobPlacement.CONTRACT_PERMANENT)
                .containsKey(JobPlacement.VAR_PLACEMENT_SUITABILITY);
        await().atMost(Duration.ofSeconds(60)).until(() -> hub.saNotificationsAbout(placementId).toString()
                .contains(JobPlacement.OUTCOME_TERMS_CHANGED));
    }

    @Test
    void updates_the_placement_cannot_take_are_refused_and_change_nothing() {
        ObjectNode placement = placement("10000000008");
        assertThat(post(createToken, placement.toString()).getStatusCode().value()).isEqualTo(200);
        String placementId = referenceOf(placement);
        ObjectNode ended = update("10000000008");
        ((ObjectNode) ended.at("/message/placement_update")).put("placement_status", "ended").put("end_date", "2027-02-01");
        ObjectNode otherPerson = update("10000000009");
        ObjectNode repeated = update("10000000008");
        assertThat(put(updateToken, placementId, repeated.toString()).getStatusCode().value()).isEqualTo(200);

        assertError(put(updateToken, placementId, ended.toString()), 409, "err.request.bad");
        assertError(put(updateToken, "PLACE-NOBODY-KNOWS", update("10000000008").toString()), 404,
                "err.request.not_found");
        assertError(put(updateToken, placementId, otherPerson.toString()), 400, "err.request.bad");
        assertError(put(updateToken, placementId, repeated.toString()), 409, "rjct.message_id.duplicate");
        assertError(put(updateToken, placementId, "{not json"), 400, "err.request.bad");
        assertError(put(createToken, placementId, update("10000000008").toString()), 403, "err.request.forbidden");

        assertThat(activeActivities(placementId)).contains(JobPlacement.PLACEMENT_REPORTED, JobPlacement.START_DATE_REACHED);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(instanceOf(placementId))
                .activityId(JobPlacement.CHECK_NEW_TERMS).count()).isEqualTo(1);
    }

    private static ObjectNode placement(String personId) {
        ObjectNode placement = sample("job-placement.json");
        String unique = UUID.randomUUID().toString();
        ((ObjectNode) placement.get("header")).put("message_id", "MSG-" + unique)
                .put("message_ts", Instant.now().toString());
        ((ObjectNode) placement.at("/message/placement_request/0")).put("reference_id", "PLACE-" + unique)
                .put("person_id", personId);
        return placement;
    }

    private static ObjectNode update(String personId) {
        ObjectNode update = sample("job-placement-update.json");
        ((ObjectNode) update.get("header")).put("message_id", "MSG-" + UUID.randomUUID())
                .put("message_ts", Instant.now().toString());
        ((ObjectNode) update.at("/message/placement_update")).put("person_id", personId);
        return update;
    }

    private static ObjectNode sample(String name) {
        try {
            return (ObjectNode) JSON.readTree(Path.of("../samples", name).toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String referenceOf(ObjectNode placement) {
        return placement.at("/message/placement_request/0/reference_id").asText();
    }

    private String instanceOf(String referenceId) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(referenceId)
                .processDefinitionKey(JobPlacement.PROCESS_KEY).singleResult().getId();
    }

    private java.util.List<String> activeActivities(String referenceId) {
        return runtimeService.getActiveActivityIds(instanceOf(referenceId));
    }

    private ResponseEntity<JsonNode> post(String token, String body) {
        return hub.raw().post().uri(PLACEMENTS).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    private ResponseEntity<JsonNode> put(String token, String placementId, String body) {
        return hub.raw().put().uri(PLACEMENTS + "/{id}", placementId).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JsonNode.class);
    }

    private void assertError(ResponseEntity<JsonNode> response, int status, String code) {
        assertThat(response.getStatusCode().value()).as("" + response.getBody()).isEqualTo(status);
        assertThat(response.getBody().at("/errors/0/code").asText()).isEqualTo(code);
        assertThat(responses.problems(DciResponse.HTTP_ERROR, response.getBody())).as("" + response.getBody()).isEmpty();
    }
}
