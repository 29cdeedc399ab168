package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.esphub.hub.support.LifecycleDriver.PES_CASEWORKER;
import static org.esphub.hub.support.LifecycleDriver.SA_CASEWORKER;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.esphub.hub.support.AgencyBroker;
import org.esphub.hub.support.EligiblePeople;
import org.esphub.hub.support.EngineClock;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.LifecycleDriver;
import org.esphub.hub.support.SimulatedAgencies;
import org.esphub.processes.IntegratedCase;
import org.esphub.processes.ReferralToPes;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.tax.ContributionRegister;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * UC5 on the real hub: SA's referral on the queue opens the person's integrated case and is linked to
 * it; PES proposes the joint plan and SA agrees to it through the engine REST API as the demo users;
 * SA's action lands in the SA caseworkers' inbox only, PES's in PES's; PES asks for a conference from the
 * case API and both agencies hold it; the case view answers each agency what its agreement allows (PES's
 * case notes to PES only), refuses others and bad input; the referral ends (the person is not work-ready)
 * and the case closes with it.
 *
 * <p>Subclasses choose the database.
 */
abstract class IntegratedCaseScenarios {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    private static final String PES_NOTES = "Low confidence after a long absence; motivated.";

    @Value("${esp.messaging.acceptor-url}")
    private String acceptorUrl;
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
    @Value("${server.port}")
    private int port;

    private HubClient hub;
    private LifecycleDriver driver;
    private String person;
    private String caseReference;

    @BeforeEach
    void aReferredPerson() {
        hub = new HubClient(port);
        driver = new LifecycleDriver(hub, new SimulatedAgencies(hub), AgencyBroker.as(acceptorUrl, AgencyBroker.SA),
                engine, new EngineClock(engine.getManagementService(), workers));
        person = new EligiblePeople(population, register, jdbc).next();
        caseReference = IntegratedCase.REFERENCE_PREFIX + person;
    }

    @AfterEach
    void endWhatStillRuns() {
        driver.endIfRunning();
        engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(caseReference).list()
                .forEach(open -> engine.getRuntimeService().deleteProcessInstance(open.getId(), "end of test"));
    }

    @Test
    void a_referral_opens_the_case_the_agencies_agree_a_plan_hold_a_conference_each_sees_its_share_and_it_closes() {
        driver.referOnQueue(person);

        // the referral opened the case and is linked to it
        JsonNode propose = awaitCaseTask(PES_CASEWORKER, IntegratedCase.PROPOSE_PLAN);
        String caseId = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(caseReference).singleResult().getId();
        String referralId = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ReferralToPes.PROCESS_KEY).processInstanceBusinessKey(driver.referenceId())
                .singleResult().getId();
        assertThat(jdbc.queryForList("SELECT process_instance_id FROM esp_case_link WHERE case_instance_id = ?",
                String.class, caseId)).containsExactly(referralId);
        assertThat(hub.tasksOf(SA_CASEWORKER, caseReference)).as("the plan is PES's to propose").isEmpty();

        // PES proposes, SA agrees: version 1; SA's action in SA's inbox, PES's in PES's
        String due = LocalDate.now(ZoneOffset.UTC).plusDays(14).toString();
        assertThat(hub.completeTask(PES_CASEWORKER, propose.path("id").asText(), Map.of(
                IntegratedCase.VAR_PLAN_GOAL, "Work in logistics with childcare arranged",
                IntegratedCase.VAR_SA_ACTION, "Check the childcare allowance", IntegratedCase.VAR_SA_ACTION_DUE_DATE, due,
                IntegratedCase.VAR_PES_ACTION, "Arrange two interviews", IntegratedCase.VAR_PES_ACTION_DUE_DATE, due,
                IntegratedCase.VAR_PES_CASE_NOTES, PES_NOTES))).isEqualTo(204);
        JsonNode agree = awaitCaseTask(SA_CASEWORKER, IntegratedCase.AGREE_PLAN);
        assertThat(hub.completeTask(SA_CASEWORKER, agree.path("id").asText(), Map.of(
                IntegratedCase.VAR_SA_PLAN_DECISION, IntegratedCase.PLAN_AGREE))).isEqualTo(204);
        awaitCaseTask(SA_CASEWORKER, IntegratedCase.SA_ACTION);
        awaitCaseTask(PES_CASEWORKER, IntegratedCase.PES_ACTION);
        assertThat(keysOf(hub.tasksOf(PES_CASEWORKER, caseReference))).doesNotContain(IntegratedCase.SA_ACTION);
        assertThat(keysOf(hub.tasksOf(SA_CASEWORKER, caseReference))).doesNotContain(IntegratedCase.PES_ACTION);

        // PES asks for a conference: both agencies get a conference task; asking again meanwhile is refused
        HubClient.Answer requested = hub.post(PES_CASEWORKER, "/api/cases/{person}/conference-requests", Map.of(), person);
        assertThat(requested.status()).isEqualTo(202);
        assertThat(requested.json().path("requested_by").asText()).isEqualTo(PES_CASEWORKER);
        JsonNode saConference = awaitCaseTask(SA_CASEWORKER, IntegratedCase.SA_CONFERENCE);
        JsonNode pesConference = awaitCaseTask(PES_CASEWORKER, IntegratedCase.PES_CONFERENCE);
        HubClient.Answer again = hub.post(SA_CASEWORKER, "/api/cases/{person}/conference-requests", Map.of(), person);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().at("/errors/0/code").asText()).isEqualTo("err.request.bad");
        assertThat(hub.completeTask(SA_CASEWORKER, saConference.path("id").asText(), Map.of(
                "conferenceOutcome", "Benefit continues during the job search", "agreesToClose", false))).isEqualTo(204);
        assertThat(hub.completeTask(PES_CASEWORKER, pesConference.path("id").asText(), Map.of(
                "conferenceOutcome", "Interviews next week", "agreesToClose", false))).isEqualTo(204);

        // the case view: the same case for both, PES's notes for PES only
        JsonNode asSa = hub.get(SA_CASEWORKER, "/api/cases/{person}", person).json();
        assertThat(asSa.at("/case/reference_id").asText()).isEqualTo(caseReference);
        assertThat(asSa.at("/case/state").asText()).isEqualTo("OPEN");
        assertThat(asSa.at("/case/given_name").asText()).as("the names SA's profile gave the referral").isNotBlank();
        assertThat(propose.path("description").asText()).contains(asSa.at("/case/family_name").asText());
        assertThat(asSa.at("/viewer/agency").asText()).isEqualTo("SA");
        assertThat(asSa.at("/plan/version").asInt()).isEqualTo(1);
        assertThat(asSa.at("/plan/goal").asText()).isEqualTo("Work in logistics with childcare arranged");
        assertThat(asSa.at("/plan/agreed_by").asText()).isEqualTo(SA_CASEWORKER);
        assertThat(asSa.path("plan").has("pes_case_notes")).as("SA never receives PES's notes").isFalse();
        assertThat(asSa.path("open_tasks").findValuesAsText("agency")).contains("SA", "PES");
        assertThat(asSa.path("open_tasks").findValuesAsText("name")).contains("Carry out SA's action of the joint plan",
                "Carry out PES's action of the joint plan", "Intake and employability assessment");
        assertThat(asSa.path("timeline").findValuesAsText("step")).contains("Case conference (SA)",
                "Agree the joint plan (SA)");
        assertThat(asSa.path("exchanges").findValuesAsText("purpose")).contains(ReferralToPes.PURPOSE_EMPLOYMENT_ACTIVATION);
        assertThat(asSa.path("exchanges").findValuesAsText("legal_basis")).isNotEmpty();
        JsonNode asPes = hub.get(PES_CASEWORKER, "/api/cases/{person}", person).json();
        assertThat(asPes.at("/viewer/agency").asText()).isEqualTo("PES");
        assertThat(asPes.at("/plan/pes_case_notes").asText()).isEqualTo(PES_NOTES);
        assertThat(hub.auditedAbout(person).findValuesAsText("exchange")).contains("api.case-view-sa", "api.case-view-pes");

        // nobody else reads it, bad input changes nothing
        assertThat(hub.get("auditor", "/api/cases/{person}", person).status()).isEqualTo(403);
        assertThat(hub.get("appeals-officer", "/api/cases/{person}", person).status()).isEqualTo(403);
        HubClient.Answer tooLong = hub.get(SA_CASEWORKER, "/api/cases/{person}", "9".repeat(65));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().at("/errors/0/code").asText()).isEqualTo("err.request.bad");
        assertThat(hub.get(SA_CASEWORKER, "/api/cases/{person}", "no-such-person").status()).isEqualTo(404);

        // the person is not work-ready: the referral returns to SA and ends, and so does the case
        JsonNode intake = driver.awaitTask(PES_CASEWORKER, ReferralToPes.INTAKE);
        assertThat(hub.completeTask(PES_CASEWORKER, intake.path("id").asText(), Map.of(ReferralToPes.VAR_WORK_READY, false,
                ReferralToPes.VAR_BARRIERS, "Full-time carer for a parent", ReferralToPes.VAR_NOTES, "Review in 3 months")))
                .isEqualTo(204);
        HistoricProcessInstance closed = await().atMost(FLOW_TIMEOUT).until(() -> engine.getHistoryService()
                .createHistoricProcessInstanceQuery().processInstanceId(caseId).finished().singleResult(),
                instance -> instance != null);
        assertThat(closed.getEndActivityId()).isEqualTo(IntegratedCase.CLOSED_WITH_THE_LAST_PROCESS);
        assertThat(hub.tasksOf(SA_CASEWORKER, caseReference)).isEmpty();
        JsonNode afterwards = hub.get(PES_CASEWORKER, "/api/cases/{person}", person).json();
        assertThat(afterwards.at("/case/state").asText()).isEqualTo("CLOSED");
        assertThat(afterwards.at("/case/closed_how").asText()).isEqualTo("LAST_PROCESS_ENDED");
        assertThat(hub.post(PES_CASEWORKER, "/api/cases/{person}/conference-requests", Map.of(), person).status())
                .as("no conference in a closed case").isEqualTo(404);
    }

    private JsonNode awaitCaseTask(String user, String taskDefinitionKey) {
        return await().atMost(FLOW_TIMEOUT).alias(user + " has " + taskDefinitionKey + " in " + caseReference)
                .until(() -> {
                    for (JsonNode task : hub.tasksOf(user, caseReference)) {
                        if (taskDefinitionKey.equals(task.path("taskDefinitionKey").asText())) {
                            return task;
                        }
                    }
                    return null;
                }, task -> task != null);
    }

    private static List<String> keysOf(JsonNode tasks) {
        List<String> keys = new ArrayList<>();
        tasks.forEach(task -> keys.add(task.path("taskDefinitionKey").asText()));
        return keys;
    }
}
