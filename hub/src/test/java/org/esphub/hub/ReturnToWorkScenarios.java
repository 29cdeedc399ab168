package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.esphub.hub.support.LifecycleDriver.PES_CASEWORKER;
import static org.esphub.hub.support.LifecycleDriver.SA_CASEWORKER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.esphub.hub.security.Scopes;
import org.esphub.hub.support.AgencyBroker;
import org.esphub.hub.support.EligiblePeople;
import org.esphub.hub.support.EngineClock;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.LifecycleDriver;
import org.esphub.hub.support.LifecycleDriver.Vacancy;
import org.esphub.hub.support.SimulatedAgencies;
import org.esphub.processes.Appeal;
import org.esphub.processes.BenefitAdjustment;
import org.esphub.processes.JobPlacement;
import org.esphub.processes.ReferralToPes;
import org.esphub.processes.ReturnToWork;
import org.esphub.processes.TrainingEnrolment;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.tax.ContributionRegister;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PRS.EMPL.06 on the real hub: SA refers a person on injury benefit through its simulator (the event
 * {@code ReturnToWorkReferred}) or the API ({@code POST /return-to-work-referrals}, bad input refused
 * with a DCI error, a second case under one reference refused); the social-insurance and health authority's simulator answers the
 * clearance with a diagnosis, which the gate drops; PES learns the capacity and restrictions; a PES
 * caseworker plans a graded return through the engine REST API as the demo user; the employer agrees to
 * the accommodations; the job found through job-placement is verified and the benefit made partial
 * through benefit-adjustment, approved by SA, appealed and upheld, applied at SA. An employer refusing
 * the accommodations turns the plan into retraining. What each agency received is asserted at its
 * simulator: no diagnosis at PES or the employer, and none in the case's variables.
 *
 * <p>Subclasses choose the database.
 */
abstract class ReturnToWorkScenarios {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    private static final String DIAGNOSIS = "lumbar disc herniation";
    private static final String RESTRICTIONS = "no lifting over 10 kg; no night shifts";
    private static final double BENEFIT = 1600.0;
    private static final String API = "/dci/employment/v1.0.0";
    /** VAC-1 of PES's job board: the returning worker's employer offers the graded post there. */
    private static final Vacancy MACHINE_OPERATOR = new Vacancy("EMP-ACME", "Acme Manufacturing", "VAC-1",
            "Machine operator", 38, 1450, JobPlacement.CONTRACT_PERMANENT, null);

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
    private SimulatedAgencies agencies;
    private EngineClock clock;
    private LifecycleDriver driver;
    private String person;
    private String referenceId;

    @BeforeEach
    void aPersonOnInjuryBenefit() {
        hub = new HubClient(port);
        agencies = new SimulatedAgencies(hub);
        clock = new EngineClock(engine.getManagementService(), workers);
        driver = new LifecycleDriver(hub, agencies, AgencyBroker.as(acceptorUrl, AgencyBroker.SA), engine, clock);
        person = aPersonWithoutAJob();
        referenceId = "RTW-" + UUID.randomUUID();
        driver.followReturnToWork(referenceId);
        for (String purpose : List.of(ReturnToWork.PURPOSE_RETURN_TO_WORK, ReferralToPes.PURPOSE_EMPLOYMENT_ACTIVATION)) {
            assertThat(hub.post(SA_CASEWORKER, "/api/consents", Map.of("person_id", person, "purpose", purpose,
                    "source", "SA return-to-work interview")).status()).isEqualTo(201);
        }
        assertThat(hub.put(SA_CASEWORKER, "/sim/tax/persons/{person}/work-capacity", Map.of("work_capacity",
                ReturnToWork.CAPACITY_PARTIAL, "capacity_hours_per_week", 20, "work_restrictions", RESTRICTIONS,
                "diagnosis", DIAGNOSIS, "icd10_code", "M51.2"), person).status()).isEqualTo(200);
    }

    @AfterEach
    void endTheCaseAndResetTheClock() {
        // what still runs would fire its timers when the next test moves the clock
        driver.endIfRunning();
        clock.reset();
    }

    @Test
    void a_partial_capacity_becomes_a_graded_return_with_a_partial_benefit_and_no_diagnosis_reaches_pes_or_the_employer() {
        saRefers();
        JsonNode atPes = driver.pesNotice(ReturnToWork.OUTCOME_REFERRED);
        assertThat(atPes.path("work_capacity").asText()).isEqualTo(ReturnToWork.CAPACITY_PARTIAL);
        assertThat(atPes.path("capacity_hours_per_week").asInt()).isEqualTo(20);
        assertThat(atPes.path("work_restrictions").asText()).isEqualTo(RESTRICTIONS);
        assertThat(fieldNames(atPes)).isSubsetOf("reference_id", "person_id", "outcome", "reason", "work_capacity",
                "capacity_hours_per_week", "work_restrictions");

        JsonNode plan = driver.awaitTask(PES_CASEWORKER, ReturnToWork.PLAN_RETURN);
        JsonNode shown = hub.taskVariables(PES_CASEWORKER, plan.path("id").asText());
        assertThat(shown.at("/workRestrictions/value").asText()).isEqualTo(RESTRICTIONS);
        assertThat(hub.completeTask(PES_CASEWORKER, plan.path("id").asText(), Map.of(
                ReturnToWork.VAR_PLAN_PATH, ReturnToWork.PLAN_GRADED_RETURN,
                ReturnToWork.VAR_GRADED_HOURS_PER_WEEK, 16,
                ReturnToWork.VAR_ACCOMMODATIONS, "adjustable desk; mornings only"))).isEqualTo(204);

        JsonNode atEmployer = accommodationRequestAtTheEmployer();
        assertThat(atEmployer.path("graded_hours_per_week").asInt()).isEqualTo(16);
        assertThat(atEmployer.path("work_restrictions").asText()).isEqualTo(RESTRICTIONS);
        assertThat(fieldNames(atEmployer)).isSubsetOf("reference_id", "person_id", "employer_id", "work_capacity",
                "capacity_hours_per_week", "work_restrictions", "graded_hours_per_week", "accommodations");

        // the graded return: the employer's post on PES's job board, accepted, started and on record
        driver.matchVacancyStartingIn(2, MACHINE_OPERATOR);
        driver.employerAccepts();
        driver.startDateArrives();
        driver.employerReportsPlacement();
        driver.recordIsCheckedAgain();
        driver.saNotice(JobPlacement.OUTCOME_PLACEMENT_VERIFIED);

        JsonNode approval = driver.adjustmentApprovalTask();
        JsonNode decided = hub.taskVariables(SA_CASEWORKER, approval.path("id").asText());
        assertThat(decided.at("/" + BenefitAdjustment.VAR_ADJUSTMENT_TRIGGER + "/value").asText())
                .isEqualTo(BenefitAdjustment.TRIGGER_GRADED_RETURN);
        assertThat(decided.at("/" + BenefitAdjustment.VAR_ADJUSTMENT_DECISION + "/value").asText())
                .isEqualTo(BenefitAdjustment.DECISION_REDUCE);
        assertThat(decided.at("/" + BenefitAdjustment.VAR_ADJUSTED_BENEFIT_PERCENT + "/value").asInt()).isEqualTo(50);
        driver.approveAdjustment();
        driver.saNotice(BenefitAdjustment.OUTCOME_ADJUSTMENT_DECIDED);
        driver.beneficiaryAppeals("My hours go up next month.");
        driver.decideAppeal(Appeal.OUTCOME_UPHELD, "The partial benefit follows the hours worked now.");
        JsonNode applied = await().atMost(FLOW_TIMEOUT).alias("SA applied the partial benefit")
                .until(() -> agencies.benefitAdjustmentsAt(referenceId), adjustments -> adjustments.size() == 1).get(0);
        assertThat(applied.path("adjusted_benefit_percent").asInt()).isEqualTo(50);
        assertThat(applied.path("appeal_outcome").asText()).isEqualTo(Appeal.OUTCOME_UPHELD);

        assertThat(variablesOfTheCase()).as("the diagnosis never became a variable of the case")
                .noneMatch(value -> value.contains(DIAGNOSIS) || value.contains("M51.2"));
        assertThat(agencies.pesNotificationsAbout(referenceId).toString()).doesNotContain(DIAGNOSIS);
        assertThat(hub.get(SA_CASEWORKER, "/sim/employer/accommodation-requests?reference_id={ref}", referenceId)
                .body()).doesNotContain(DIAGNOSIS).doesNotContain("icd10");
    }

    @Test
    void an_employer_refusing_the_accommodations_turns_the_plan_into_retraining() {
        assertThat(hub.put(SA_CASEWORKER, "/sim/employer/employers/{employer}/accommodation-answer", Map.of(
                "employer_answer", ReturnToWork.EMPLOYER_REFUSED, "employer_comment", "Every job here involves lifting."),
                MACHINE_OPERATOR.employerId()).status()).isEqualTo(200);
        // SA's system refers over the API this time: the same case as from its event queue
        String token = hub.clientToken("sa-system", Scopes.RETURN_TO_WORK_REFER);
        ObjectNode incomplete = returnToWorkReferral();
        ((ObjectNode) incomplete.at("/message/return_to_work_referral/0")).remove("employer_id");
        HubClient.Answer refused = hub.postWithToken(token, API + "/return-to-work-referrals", incomplete.toString());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/code").asText()).isEqualTo("err.request.bad");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(referenceId)
                .count()).as("a refused request starts nothing").isZero();
        ObjectNode request = returnToWorkReferral();
        HubClient.Answer answer = hub.postWithToken(token, API + "/return-to-work-referrals", request.toString());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().at("/return_to_work_responses/0/status").asText()).isEqualTo("succ");
        ((ObjectNode) request.get("header")).put("message_id", "MSG-" + UUID.randomUUID());
        assertThat(hub.postWithToken(token, API + "/return-to-work-referrals", request.toString()).json()
                .at("/return_to_work_responses/0/status_reason_code").asText())
                .as("one reference, one case").isEqualTo("rjct.return_to_work.reference_taken");

        JsonNode plan = driver.awaitTask(PES_CASEWORKER, ReturnToWork.PLAN_RETURN);
        assertThat(hub.completeTask(PES_CASEWORKER, plan.path("id").asText(), Map.of(
                ReturnToWork.VAR_PLAN_PATH, ReturnToWork.PLAN_GRADED_RETURN,
                ReturnToWork.VAR_GRADED_HOURS_PER_WEEK, 16,
                ReturnToWork.VAR_ACCOMMODATIONS, "no lifting duties"))).isEqualTo(204);
        assertThat(fieldNames(accommodationRequestAtTheEmployer())).doesNotContain("diagnosis", "icd10_code");

        driver.awaitTask(PES_CASEWORKER, TrainingEnrolment.CHOOSE_PROGRAMME);
        assertThat(driver.tree().calledInstancesOf(TrainingEnrolment.PROCESS_KEY)).hasSize(1);
        assertThat(driver.tree().calledInstancesOf(JobPlacement.PROCESS_KEY)).isEmpty();
        assertThat(engine.getRuntimeService().createVariableInstanceQuery().variableName(ReturnToWork.VAR_EMPLOYER_ANSWER)
                .processInstanceIdIn(driver.tree().rootId()).singleResult().getValue())
                .isEqualTo(ReturnToWork.EMPLOYER_REFUSED);
        // put back how the shared employer answers, for the other scenario
        hub.put(SA_CASEWORKER, "/sim/employer/employers/{employer}/accommodation-answer", Map.of(
                "employer_answer", ReturnToWork.EMPLOYER_AGREED, "employer_comment", "We will arrange it."),
                MACHINE_OPERATOR.employerId());
    }

    /** SA's system refers the person on injury benefit through its simulator, as SA's event. */
    private void saRefers() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("person_id", person);
        fields.put("given_name", "Lena");
        fields.put("family_name", "Kowalski");
        fields.put("benefit_type", ReturnToWork.BENEFIT_INJURY);
        fields.put("monthly_benefit_amount", BENEFIT);
        fields.put("employer_id", MACHINE_OPERATOR.employerId());
        agencies.saReports(ReturnToWork.MESSAGE_REFERRED, referenceId, fields);
    }

    /** The sample request with this case's reference, person, employer and fresh ids and times. */
    private ObjectNode returnToWorkReferral() {
        try {
            ObjectNode request = (ObjectNode) new ObjectMapper().readTree(
                    Path.of("../samples/return-to-work-referral.json").toFile());
            ((ObjectNode) request.get("header")).put("message_id", "MSG-" + UUID.randomUUID())
                    .put("message_ts", Instant.now().toString());
            ((ObjectNode) request.at("/message/return_to_work_referral/0")).put("reference_id", referenceId)
                    .put("person_id", person).put("monthly_benefit_amount", BENEFIT)
                    .put("employer_id", MACHINE_OPERATOR.employerId());
            return request;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("samples/return-to-work-referral.json", e);
        }
    }

    private JsonNode accommodationRequestAtTheEmployer() {
        return await().atMost(FLOW_TIMEOUT).alias("the employer received the accommodation request")
                .until(() -> hub.get(SA_CASEWORKER, "/sim/employer/accommodation-requests?reference_id={ref}",
                        referenceId).json(), requests -> requests.size() == 1).get(0).path("content");
    }

    /** Every value, as text, of every variable of every process of the case. */
    private List<String> variablesOfTheCase() {
        List<String> values = new ArrayList<>();
        engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceBusinessKey(referenceId).list()
                .forEach(instance -> engine.getHistoryService().createHistoricVariableInstanceQuery()
                        .processInstanceId(instance.getId()).list()
                        .forEach(variable -> values.add(String.valueOf(variable.getValue()))));
        return values;
    }

    /**
     * Someone whom the tax authority does not record in insured work: a job on record would verify the
     * placement before the employer reports it and leave no record check to wait for.
     */
    private String aPersonWithoutAJob() {
        EligiblePeople eligible = new EligiblePeople(population, register, jdbc);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        while (true) {
            String candidate = eligible.next();
            boolean employed = false;
            for (JsonNode spell : agencies.insuredEmploymentOf(candidate).path("employments")) {
                String end = spell.path("end_date").asText(null);
                employed |= end == null || end.compareTo(today) >= 0;
            }
            if (!employed) {
                return candidate;
            }
        }
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
