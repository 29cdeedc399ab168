package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.esphub.hub.support.LifecycleDriver.APPEALS_OFFICER;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.esphub.hub.support.EligiblePeople;
import org.esphub.hub.support.EngineClock;
import org.esphub.hub.support.HubClient;
import org.esphub.processes.Appeal;
import org.esphub.processes.EmploymentSubsidy;
import org.esphub.simulators.population.SyntheticPopulation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * UC4 on the real hub, as the issue tells it: percentile 25, approved by the subsidy officer, six monthly
 * payments, the worker gone in month 7, a clawback of half the 720000 paid, an appeal partly upheld and
 * the recovery instruction with the amended amount at SA; and an employer out of standing refused with
 * its obligations. Agencies act through their simulators, people through the engine REST API as the demo
 * users; timers fire by moving the engine clock. The application starts the process over the engine REST
 * API as a process owner, until the employer's API operation exists.
 *
 * <p>Subclasses choose the database.
 */
abstract class EmploymentSubsidyScenarios {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    private static final String OFFICER = "subsidy-officer";
    private static final String PROCESS_OWNER = "process-owner";

    @Autowired
    private ProcessEngine engine;
    @Autowired
    private ExternalTaskClient workers;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private SyntheticPopulation population;
    @Value("${server.port}")
    private int port;

    private HubClient hub;
    private EngineClock clock;
    private String worker;
    private String employer;
    private String reference;

    @BeforeEach
    void anEmployerHiresAWorker() {
        hub = new HubClient(port);
        clock = new EngineClock(engine.getManagementService(), workers);
        worker = new EligiblePeople(population, jdbc).next();
        employer = "EMP-" + UUID.randomUUID().toString().substring(0, 8);
        reference = "SUB-" + UUID.randomUUID();
    }

    @AfterEach
    void endTheSubsidy() {
        // a worker may still hold one of its external tasks: try again until nothing of it runs
        await().atMost(FLOW_TIMEOUT).ignoreExceptions().until(() -> {
            engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference).list()
                    .forEach(pi -> engine.getRuntimeService().deleteProcessInstance(pi.getId(), "end of test"));
            return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(reference).count() == 0;
        });
        clock.reset();
    }

    @Test
    void six_payments_then_the_worker_leaves_and_a_clawback_partly_upheld_on_appeal_is_recovered_as_amended() {
        sim("/sim/sa/persons/{id}/subsidy-targeting", Map.of("vulnerability_percentile", 25), worker);
        // the job starts next week; the worker leaves in its seventh month
        String start = startDate();
        sim("/sim/tax/employers/{employer}/subsidised-workers/{id}",
                Map.of("start_date", start, "monthly_wage", 400000, "left_in_month", 7), employer, worker);
        apply();

        JsonNode decision = awaitTask(OFFICER, EmploymentSubsidy.DECIDE_APPLICATION);
        JsonNode facts = hub.taskVariables(OFFICER, decision.path("id").asText());
        assertThat(facts.at("/vulnerabilityPercentile/value").asInt()).isEqualTo(25);
        assertThat(facts.at("/eligibilityRuleId/value").asText()).isEqualTo(EmploymentSubsidy.RULE_SEJ_FULL_RATE);
        complete(OFFICER, decision, Map.of(EmploymentSubsidy.VAR_SUBSIDY_DECISION, EmploymentSubsidy.DECISION_APPROVED));
        JsonNode approval = employerNotice(EmploymentSubsidy.OUTCOME_SUBSIDY_APPROVED);
        assertThat(approval.path("subsidy_rate_percent").asInt()).isEqualTo(30);
        assertThat(approval.has("vulnerability_percentile")).as("the employer never learns the percentile").isFalse();

        fire(EmploymentSubsidy.REGISTRATION_PERIOD_ENDED);
        for (int month = 1; month <= 6; month++) {
            fire(EmploymentSubsidy.MONTH_ENDED);
            int paid = month;
            await().atMost(FLOW_TIMEOUT).until(() -> received("/sim/sa/subsidy-payments").size() == paid);
        }
        assertThat(received("/sim/sa/subsidy-payments")).allSatisfy(payment -> {
            assertThat(payment.path("amount").asLong()).isEqualTo(120000);
            assertThat(payment.path("employer_id").asText()).isEqualTo(employer);
        });

        // the 6-month retention check passes; in month 7 social insurance reports the worker gone
        fire(EmploymentSubsidy.MONTH_ENDED);
        JsonNode clawback = employerNotice(EmploymentSubsidy.OUTCOME_CLAWBACK_DECIDED);
        assertThat(clawback.path("clawback_amount").asLong()).isEqualTo(360000);
        assertThat(clawback.path("months_paid").asInt()).isEqualTo(6);
        assertThat(clawback.path("appeal_deadline").asText()).isNotBlank();
        assertThat(received("/sim/sa/subsidy-recoveries")).as("nothing recovered while the appeal window is open").isEmpty();

        // the employer appeals through its own system: the event reaches the case through the hub's event intake
        await().atMost(FLOW_TIMEOUT).until(() -> engine.getRuntimeService().createExecutionQuery()
                .processInstanceBusinessKey(reference)
                .messageEventSubscriptionName(EmploymentSubsidy.MESSAGE_SUBSIDY_DECISION_APPEALED).count() == 1);
        HubClient.Answer appealed = hub.post(OFFICER, "/sim/employer/subsidy-appeals", Map.of(
                "reference_id", reference, "appeal_grounds", "We trained the worker for six months"));
        assertThat(appealed.status()).as(appealed.body()).isEqualTo(202);
        JsonNode review = awaitTask(APPEALS_OFFICER, Appeal.REVIEW_APPEAL);
        complete(APPEALS_OFFICER, review, Map.of(Appeal.VAR_APPEAL_OUTCOME, Appeal.OUTCOME_PARTIALLY_UPHELD,
                Appeal.VAR_APPEAL_REASONING, "The employer trained the worker: half the clawback",
                Appeal.VAR_AMENDED_DECISION, EmploymentSubsidy.DECISION_CLAWBACK, Appeal.VAR_AMENDED_BENEFIT_PERCENT, 50));

        JsonNode recovery = await().atMost(FLOW_TIMEOUT).until(() -> received("/sim/sa/subsidy-recoveries"),
                recoveries -> recoveries.size() == 1).get(0);
        assertThat(recovery.path("recovery_amount").asLong()).isEqualTo(180000);
        assertThat(recovery.path("appeal_outcome").asText()).isEqualTo(Appeal.OUTCOME_PARTIALLY_UPHELD);
        assertThat(recovery.has("person_id")).as("the employer's debt does not name the worker").isFalse();

        // the registry was asked under the subsidy's purpose and legal basis, and answered the percentile only
        List<JsonNode> audited = new ArrayList<>();
        hub.auditedAbout(worker).forEach(audited::add);
        assertThat(audited).filteredOn(event -> "sa-check-subsidy-eligibility".equals(event.path("exchange").asText()))
                .singleElement().satisfies(event -> {
                    assertThat(event.path("purpose").asText()).isEqualTo(EmploymentSubsidy.PURPOSE_EMPLOYMENT_SUBSIDY);
                    assertThat(event.path("legal_basis").asText()).startsWith("Employment Subsidy Act art. 5");
                });
    }

    @Test
    void an_employer_out_of_standing_is_refused_with_the_obligations_to_meet() {
        sim("/sim/tax/employers/{employer}/standing", Map.of("contributions_paid", false, "open_violations", 0,
                "outstanding_obligations", "Pay the contributions due for the last two months"), employer);
        apply();

        JsonNode decision = awaitTask(OFFICER, EmploymentSubsidy.DECIDE_APPLICATION);
        assertThat(hub.taskVariables(OFFICER, decision.path("id").asText()).at("/eligibilityProposal/value").asText())
                .isEqualTo(EmploymentSubsidy.PROPOSAL_EMPLOYER_NOT_IN_STANDING);
        complete(OFFICER, decision, Map.of(EmploymentSubsidy.VAR_SUBSIDY_DECISION, EmploymentSubsidy.DECISION_REFUSED,
                EmploymentSubsidy.VAR_REFUSAL_REASON, "Contributions are not paid"));

        JsonNode refusal = employerNotice(EmploymentSubsidy.OUTCOME_SUBSIDY_REFUSED);
        assertThat(refusal.path("outstanding_obligations").asText()).isEqualTo("Pay the contributions due for the last two months");
        assertThat(refusal.path("reason").asText()).isEqualTo("Contributions are not paid");
        assertThat(refusal.path("appeal_deadline").asText()).isNotBlank();
        assertThat(received("/sim/sa/subsidy-payments")).isEmpty();
    }

    // ---- steps ---------------------------------------------------------------------------------------

    private void apply() {
        Map<String, Object> variables = new HashMap<>();
        variables.put(EmploymentSubsidy.VAR_REFERENCE_ID, typed(reference));
        variables.put(EmploymentSubsidy.VAR_CORRELATION_ID, typed(reference));
        variables.put(EmploymentSubsidy.VAR_PERSON_ID, typed(worker));
        variables.put(EmploymentSubsidy.VAR_GIVEN_NAME, typed("Tomás"));
        variables.put(EmploymentSubsidy.VAR_FAMILY_NAME, typed("Rojas"));
        variables.put(EmploymentSubsidy.VAR_WORKER_AGE, typed(21));
        variables.put(EmploymentSubsidy.VAR_WORKER_SEX, typed("male"));
        variables.put(EmploymentSubsidy.VAR_EMPLOYER_ID, typed(employer));
        variables.put(EmploymentSubsidy.VAR_EMPLOYER_NAME, typed("Obras del Sur"));
        variables.put(EmploymentSubsidy.VAR_PROGRAMME_CODE, typed(EmploymentSubsidy.PROGRAMME_SEJ));
        variables.put(EmploymentSubsidy.VAR_MONTHLY_WAGE, typed(400000));
        variables.put(EmploymentSubsidy.VAR_WEEKLY_HOURS, typed(40));
        variables.put(EmploymentSubsidy.VAR_CONTRACT_TYPE, typed(EmploymentSubsidy.CONTRACT_PERMANENT));
        variables.put(EmploymentSubsidy.VAR_START_DATE, typed(startDate()));
        variables.put(EmploymentSubsidy.VAR_APPLICATION_CHANNEL, typed(EmploymentSubsidy.CHANNEL_API));
        HubClient.Answer started = hub.post(PROCESS_OWNER, "/engine-rest/process-definition/key/{key}/start",
                Map.of("businessKey", reference, "variables", variables), EmploymentSubsidy.PROCESS_KEY);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
    }

    private String startDate() {
        return LocalDate.ofInstant(clock.now(), ZoneOffset.UTC).plusDays(7).toString();
    }

    private void sim(String path, Map<String, Object> body, Object... ids) {
        assertThat(hub.put(OFFICER, path, body, ids).status()).as(path).isEqualTo(200);
    }

    private List<JsonNode> received(String path) {
        List<JsonNode> contents = new ArrayList<>();
        hub.get(OFFICER, path + "?reference_id={ref}", reference).json()
                .forEach(entry -> contents.add(entry.path("content")));
        return contents;
    }

    private JsonNode employerNotice(String outcome) {
        return await().atMost(FLOW_TIMEOUT).alias("the employer is told " + outcome)
                .until(() -> received("/sim/employer/subsidy-decisions").stream()
                        .filter(notice -> outcome.equals(notice.path("outcome").asText())).findFirst().orElse(null),
                        notice -> notice != null);
    }

    private JsonNode awaitTask(String user, String taskDefinitionKey) {
        return await().atMost(FLOW_TIMEOUT).alias(user + " has " + taskDefinitionKey)
                .until(() -> {
                    for (JsonNode task : hub.tasksOf(user, reference)) {
                        if (taskDefinitionKey.equals(task.path("taskDefinitionKey").asText())) {
                            return task;
                        }
                    }
                    return null;
                }, task -> task != null);
    }

    private void complete(String user, JsonNode task, Map<String, Object> form) {
        assertThat(hub.completeTask(user, task.path("id").asText(), form)).isEqualTo(204);
    }

    /** The timer of the subsidy at this activity, once the process waits there, fired by moving the clock. */
    private void fire(String activityId) {
        Job timer = await().atMost(FLOW_TIMEOUT).alias("the subsidy waits at " + activityId)
                .until(() -> engine.getManagementService().createJobQuery().processDefinitionKey(EmploymentSubsidy.PROCESS_KEY)
                        .activityId(activityId).timers().list().stream()
                        .filter(job -> reference.equals(engine.getRuntimeService().createProcessInstanceQuery()
                                .processInstanceId(job.getProcessInstanceId()).singleResult().getBusinessKey()))
                        .findFirst().orElse(null), job -> job != null);
        clock.fire(timer);
    }

    private static Map<String, Object> typed(Object value) {
        return Map.of("value", value);
    }
}
