package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.esphub.hub.support.LifecycleDriver.PES_CASEWORKER;
import static org.esphub.hub.support.LifecycleDriver.SA_CASEWORKER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.esphub.hub.support.AgencyBroker;
import org.esphub.hub.support.EligiblePeople;
import org.esphub.hub.support.EngineClock;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.HubOnH2;
import org.esphub.hub.support.LifecycleDriver;
import org.esphub.hub.support.SimulatedAgencies;
import org.esphub.processes.BenefitAdjustment;
import org.esphub.processes.JobPlacement;
import org.esphub.processes.PesReportedPlacement;
import org.esphub.processes.ReferralToPes;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.tax.ContributionRegister;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A placement PES made itself, end to end on the real hub (H2, embedded Artemis, the simulators):
 * outside a referral it is verified and the benefit adjusted on its own until SA applies the change;
 * for a person whose referral is matching a vacancy it enters that referral's placement search. The
 * engine clock is moved instead of waiting for days ({@link EngineClock}).
 */
@HubOnH2
class PesReportedPlacementOnH2Test {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    private static final String PLACEMENTS = "/dci/employment/v1.0.0/job-placements";
    private static final String EMPLOYER = "EMP-ABC-001";
    private static final String WAGE = "1800.00";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Value("${esp.messaging.acceptor-url}")
    private String acceptorUrl;
    @Value("${server.port}")
    private int port;
    @Autowired
    private ProcessEngine engine;
    @Autowired
    private ExternalTaskClient workers;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private SyntheticPopulation population;
    @Autowired
    private ContributionRegister register;

    private HubClient hub;
    private SimulatedAgencies agencies;
    private EngineClock clock;
    private LifecycleDriver driver;
    private String person;

    @BeforeEach
    void aBeneficiaryOfSa() {
        hub = new HubClient(port);
        agencies = new SimulatedAgencies(hub);
        clock = new EngineClock(engine.getManagementService(), workers);
        driver = new LifecycleDriver(hub, agencies, AgencyBroker.as(acceptorUrl, AgencyBroker.SA), engine, clock);
        person = new EligiblePeople(population, register, jdbc).next();
    }

    @AfterEach
    void endWhatRunsAndResetTheClock() {
        driver.endIfRunning();
        clock.reset();
    }

    @Test
    void a_placement_outside_a_referral_is_verified_and_the_benefit_adjustment_it_triggers_reaches_SA() {
        BigDecimal benefit = new BigDecimal(agencies.saRecordOf(person).path("monthly_benefit_amount").asText());
        // the verification asks the tax authority under the person's activation consent, which PES holds
        assertThat(hub.post("pes-worker", "/api/consents", Map.of("person_id", person,
                "purpose", ReferralToPes.PURPOSE_EMPLOYMENT_ACTIVATION, "source", "PES registration form")).status())
                .isEqualTo(201);
        String startDate = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC).plusDays(2).toString();
        ObjectNode placement = placement(person, startDate);
        String placementId = referenceOf(placement);
        assertThat(post(placement)).isEqualTo(200);
        driver.followPlacementReportedByPes(placementId, startDate);
        agencies.employerDeclaresHire(person, "ABC Company Ltd", startDate, WAGE);

        driver.startDateArrives();
        employerConfirms(placementId);

        assertThat(driver.saNotice(JobPlacement.OUTCOME_PLACEMENT_VERIFIED).path("employer_id").asText())
                .isEqualTo(EMPLOYER);
        JsonNode decided = hub.taskVariables(SA_CASEWORKER, driver.adjustmentApprovalTask().path("id").asText());
        assertThat(value(decided, BenefitAdjustment.VAR_ADJUSTMENT_TRIGGER))
                .isEqualTo(BenefitAdjustment.TRIGGER_PLACEMENT_VERIFIED);
        assertThat(value(decided, BenefitAdjustment.VAR_ADJUSTMENT_DECISION)).isEqualTo(BenefitAdjustment.DECISION_REDUCE);
        driver.approveAdjustment();
        driver.saNotice(BenefitAdjustment.OUTCOME_ADJUSTMENT_DECIDED);
        driver.tree().awaitQuiet();
        if (JobPlacement.CHECKPOINT_REACHED.equals(driver.tree().pendingTimerActivities().get(0))) {
            // retention is followed while the appeal window is open
            driver.retentionCheckpointPasses(30);
        }
        driver.appealWindowCloses();

        JsonNode applied = await().atMost(FLOW_TIMEOUT).alias("the adjustment applied at SA")
                .until(() -> agencies.benefitAdjustmentsAt(placementId), adjustments -> adjustments.size() == 1).get(0);
        assertThat(applied.path("reference_id").asText()).isEqualTo(placementId);
        assertThat(applied.path("person_id").asText()).isEqualTo(person);
        assertThat(applied.path("adjustment_decision").asText()).isEqualTo(BenefitAdjustment.DECISION_REDUCE);
        assertThat(applied.path("adjusted_benefit_percent").asInt()).isEqualTo(25);
        assertThat(applied.path("current_monthly_benefit").decimalValue()).isEqualByComparingTo(benefit);
        assertThat(applied.path("appeal_outcome").isNull()).as("applied without an appeal").isTrue();
        driver.tree().awaitPassedThrough(PesReportedPlacement.BENEFIT_ADJUSTED_TO_PLACEMENT, 1);
        assertThat(driver.tree().calledInstancesOf(JobPlacement.PROCESS_KEY)).singleElement()
                .satisfies(placementCase -> assertThat(placementCase.getEndTime()).as("retention still followed").isNull());
    }

    @Test
    void a_placement_for_a_person_whose_referral_is_matching_enters_that_referral_and_its_events_follow() {
        driver.referOnQueue(person);
        driver.assessWorkReady(ReferralToPes.PATHWAY_JOB_SEARCH, "Ready for work now");
        driver.awaitTask(PES_CASEWORKER, JobPlacement.MATCH_VACANCY);
        String startDate = LocalDate.ofInstant(clock.now(), ZoneOffset.UTC).plusDays(2).toString();
        ObjectNode placement = placement(person, startDate);
        String placementId = referenceOf(placement);

        assertThat(post(placement)).isEqualTo(200);

        ProcessInstance search = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(JobPlacement.PROCESS_KEY).processInstanceBusinessKey(driver.referenceId())
                .singleResult();
        assertThat(engine.getRuntimeService().getActiveActivityIds(search.getId()))
                .containsExactlyInAnyOrder(JobPlacement.PLACEMENT_REPORTED, JobPlacement.START_DATE_REACHED);
        assertThat(engine.getRuntimeService().getVariables(search.getId()))
                .containsEntry(JobPlacement.VAR_REFERENCE_ID, driver.referenceId())
                .containsEntry(JobPlacement.VAR_EMPLOYER_ID, EMPLOYER)
                .containsEntry(JobPlacement.VAR_START_DATE, startDate);
        assertThat(driver.tree().timesPassed(JobPlacement.PLACEMENT_ATTACHED)).isEqualTo(1);
        assertThat(driver.hasTask(PES_CASEWORKER, JobPlacement.MATCH_VACANCY)).as("the match is no longer needed")
                .isFalse();
        assertThat(jdbc.queryForMap("SELECT process_instance_id, referral_reference_id FROM esp_placement"
                + " WHERE reference_id = ?", placementId))
                .containsEntry("process_instance_id", search.getId())
                .containsEntry("referral_reference_id", driver.referenceId());
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(placementId).count())
                .as("no case of its own").isZero();

        // the employer knows the placement, not the referral: its confirmation reaches the referral's search
        employerConfirms(placementId);
        driver.tree().awaitPassedThrough(JobPlacement.PLACEMENT_REPORTED, 1);
        // and PES's update of its placement changes the terms there
        assertThat(put(placementId, update(person))).isEqualTo(200);
        assertThat(driver.tree().timesPassed(JobPlacement.CHECK_NEW_TERMS)).isEqualTo(1);
        assertThat(engine.getRuntimeService().getVariables(search.getId()))
                .containsEntry(JobPlacement.VAR_HOURS_PER_WEEK, 24)
                .containsEntry(JobPlacement.VAR_REFERENCE_ID, driver.referenceId());
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /** The employer system's own event on PES's queue (the simulator reports only hires of the hub's proposals). */
    private void employerConfirms(String placementId) {
        AgencyBroker.as(acceptorUrl, AgencyBroker.EMPLOYER).convertAndSend("esp.pes.events.in", """
                {"header": {"message_id": "%s", "sender_id": "employer.example.org"},
                 "message": {"event_type": "PlacementReported", "reference_id": "%s"}}"""
                .formatted(UUID.randomUUID(), placementId));
    }

    private int put(String placementId, ObjectNode update) {
        return hub.raw().put().uri(PLACEMENTS + "/{id}", placementId)
                .headers(h -> h.setBearerAuth(hub.clientToken(AgencyBroker.PES, "placement:update")))
                .contentType(MediaType.APPLICATION_JSON).body(update.toString()).retrieve().toEntity(JsonNode.class)
                .getStatusCode().value();
    }

    /** The companion's sample update (24 hours a week, part-time) for the person, with fresh ids. */
    private static ObjectNode update(String personId) {
        ObjectNode update = sample("job-placement-update.json");
        ((ObjectNode) update.get("header")).put("message_id", "MSG-" + UUID.randomUUID())
                .put("message_ts", Instant.now().toString());
        ((ObjectNode) update.at("/message/placement_update")).put("person_id", personId);
        return update;
    }

    private int post(ObjectNode placement) {
        return hub.raw().post().uri(PLACEMENTS)
                .headers(h -> h.setBearerAuth(hub.clientToken(AgencyBroker.PES, "placement:create")))
                .contentType(MediaType.APPLICATION_JSON).body(placement.toString()).retrieve().toEntity(JsonNode.class)
                .getStatusCode().value();
    }

    /** The annex's sample placement, for the person, starting on {@code startDate} at {@link #WAGE} a month. */
    private static ObjectNode placement(String personId, String startDate) {
        ObjectNode placement = sample("job-placement.json");
        String unique = UUID.randomUUID().toString();
        ((ObjectNode) placement.get("header")).put("message_id", "MSG-" + unique)
                .put("message_ts", Instant.now().toString());
        ObjectNode item = (ObjectNode) placement.at("/message/placement_request/0");
        item.put("reference_id", "PLACE-" + unique).put("person_id", personId);
        ((ObjectNode) item.get("job_details")).put("employer_id", EMPLOYER).put("start_date", startDate)
                .put("monthly_salary", WAGE);
        return placement;
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

    private static String value(JsonNode variables, String name) {
        return variables.path(name).path("value").asText();
    }
}
