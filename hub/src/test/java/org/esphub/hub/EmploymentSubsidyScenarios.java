package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.esphub.hub.support.LifecycleDriver.APPEALS_OFFICER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.esphub.hub.security.Scopes;
import org.esphub.hub.subsidies.SubsidyApplicationIntake;
import org.esphub.hub.support.CallbackReceiver;
import org.esphub.hub.support.EligiblePeople;
import org.esphub.hub.support.EngineClock;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.webhooks.WebhookEvents;
import org.esphub.processes.Appeal;
import org.esphub.processes.EmploymentSubsidy;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.tax.ContributionRegister;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
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
 * users; timers fire by moving the engine clock. The employer's system applies through the hub's API
 * ({@code POST /subsidy-applications}), receives each application's outcome as the DCI callback and follows the
 * subsidy's milestones through its webhook subscription; bad
 * input gets a DCI error and starts nothing, a resent application adds nothing, and an application for a
 * programme the rules do not run is refused on its own.
 *
 * <p>Subclasses choose the database.
 */
abstract class EmploymentSubsidyScenarios {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    private static final String OFFICER = "subsidy-officer";
    private static final String EMPLOYER_CLIENT = "employer-system";
    private static final String APPLICATIONS = "/dci/employment/v1.0.0/subsidy-applications";
    private static final String SUBSCRIPTIONS = "/dci/employment/v1.0.0/webhooks/subscription";

    /** The employer's system: where its applications' outcomes are called back (one per test class). */
    private static CallbackReceiver employerSystem;

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
    private EngineClock clock;
    private String worker;
    private String employer;
    private String reference;

    @BeforeAll
    static void startTheEmployersSystem() {
        employerSystem = CallbackReceiver.start();
    }

    @AfterAll
    static void stopTheEmployersSystem() {
        employerSystem.close();
    }

    @BeforeEach
    void anEmployerHiresAWorker() {
        hub = new HubClient(port);
        clock = new EngineClock(engine.getManagementService(), workers);
        worker = new EligiblePeople(population, register, jdbc).next();
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
        String subscription = theEmployerFollowsItsSubsidies();
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
        assertThat(recovery.at("/explanation/rule").asText()).as("SA's treasury learns why it recovers")
                .startsWith("Employment Subsidy Act art. 12");
        // the worker left: the act's rule decided it, no officer; the appeal route is the one the employer had
        assertThat(recovery.at("/explanation/summary").asText()).contains("no caseworker reviewed it");
        assertThat(recovery.at("/explanation/appeal/how").asText()).contains("subsidy administration");

        theEmployerWasToldEachMilestone();
        assertThat(hub.deleteWithToken(hub.clientToken(EMPLOYER_CLIENT, Scopes.WEBHOOK_MANAGE),
                SUBSCRIPTIONS + "/{id}", subscription).status()).isEqualTo(204);

        // the application and the registry's answer, each under the subsidy's purpose and legal basis (this
        // case's events only: a database kept between runs holds the worker's earlier subsidies too)
        List<JsonNode> audited = new ArrayList<>();
        hub.auditedAbout(worker).forEach(audited::add);
        assertThat(audited).filteredOn(event -> reference.equals(event.path("resource_id").asText()))
                .filteredOn(event -> SubsidyApplicationIntake.EXCHANGE.equals(event.path("exchange").asText()))
                .as("the application and its resend, each gated").hasSize(2)
                .allSatisfy(event -> assertThat(event.path("purpose").asText())
                        .isEqualTo(EmploymentSubsidy.PURPOSE_EMPLOYMENT_SUBSIDY));
        assertThat(audited).filteredOn(event -> reference.equals(event.path("resource_id").asText()))
                .filteredOn(event -> "sa-check-subsidy-eligibility".equals(event.path("exchange").asText()))
                .singleElement().satisfies(event -> {
                    assertThat(event.path("purpose").asText()).isEqualTo(EmploymentSubsidy.PURPOSE_EMPLOYMENT_SUBSIDY);
                    assertThat(event.path("legal_basis").asText()).startsWith("Employment Subsidy Act art. 5");
                });
    }

    @Test
    void an_employer_out_of_standing_is_refused_with_the_obligations_to_meet() {
        sim("/sim/tax/employers/{employer}/standing", Map.of("contributions_paid", false, "open_violations", 0,
                "outstanding_obligations", "Pay the contributions due for the last two months"), employer);
        badInputChangesNothing();
        // one message, two hires: the one for a programme the rules do not run is refused on its own
        ObjectNode message = application();
        ObjectNode other = ((ObjectNode) message.at("/message/subsidy_application/0")).deepCopy()
                .put("reference_id", "SUB-" + UUID.randomUUID()).put("programme_code", "NOPE");
        ((ArrayNode) message.at("/message/subsidy_application")).add(other);
        ((ObjectNode) message.get("header")).put("total_count", 2);
        send(message);
        JsonNode refused = calledBack(other.path("reference_id").asText());
        assertThat(refused.path("status").asText()).isEqualTo("rjct");
        assertThat(refused.path("status_reason_code").asText()).isEqualTo(SubsidyApplicationIntake.UNKNOWN_PROGRAMME);
        assertThat(refused.path("status_reason_message").asText()).contains("SEJ", "SMT");
        assertThat(subsidies(other.path("reference_id").asText())).isZero();
        assertThat(calledBack(reference).path("outcome").asText()).isEqualTo("APPLICATION_STARTED");

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

    /** The employer's system subscribes to its subsidies' events about this worker. */
    private String theEmployerFollowsItsSubsidies() {
        HubClient.Answer subscribed = hub.postWithToken(hub.clientToken(EMPLOYER_CLIENT, Scopes.WEBHOOK_MANAGE),
                SUBSCRIPTIONS, Map.of("url", employerSystem.url(),
                        "event_types", List.of(WebhookEvents.SUBSIDY_CREATED, WebhookEvents.SUBSIDY_UPDATED),
                        "filters", Map.of("person_ids", List.of(worker))));
        assertThat(subscribed.status()).as(subscribed.body()).isEqualTo(201);
        return subscribed.json().path("subscription_id").asText();
    }

    /**
     * What the employer's subscription received, step by step: taken in, approved, six payments, the 6-month
     * retention check passed, the clawback and its amended recovery; never the percentile.
     */
    private void theEmployerWasToldEachMilestone() {
        List<JsonNode> updates = await().atMost(FLOW_TIMEOUT).alias("the employer hears of the recovery")
                .until(() -> employerSystem.eventsAbout(WebhookEvents.SUBSIDY_UPDATED, reference),
                        events -> events.stream().anyMatch(event -> EmploymentSubsidy.INSTRUCT_AMENDED_RECOVERY
                                .equals(event.at("/data/step").asText())));
        assertThat(employerSystem.eventsAbout(WebhookEvents.SUBSIDY_CREATED, reference)).singleElement()
                .satisfies(created -> {
                    assertThat(created.at("/data/employer_id").asText()).isEqualTo(employer);
                    assertThat(created.at("/data/programme_code").asText()).isEqualTo(EmploymentSubsidy.PROGRAMME_SEJ);
                });
        // deliveries arrive in any order: the events' times tell the order the steps ended in
        updates = updates.stream().sorted(java.util.Comparator.comparing(
                event -> java.time.Instant.parse(event.path("timestamp").asText()))).toList();
        assertThat(updates).extracting(event -> event.at("/data/step").asText())
                .containsSubsequence(EmploymentSubsidy.NOTIFY_APPROVAL, EmploymentSubsidy.INSTRUCT_PAYMENT,
                        EmploymentSubsidy.CHECK_RETENTION, EmploymentSubsidy.NOTIFY_CLAWBACK,
                        EmploymentSubsidy.INSTRUCT_AMENDED_RECOVERY)
                .filteredOn(EmploymentSubsidy.INSTRUCT_PAYMENT::equals).hasSize(6);
        assertThat(step(updates, EmploymentSubsidy.NOTIFY_APPROVAL).at("/data/subsidy_decision").asText())
                .isEqualTo(EmploymentSubsidy.DECISION_APPROVED);
        assertThat(step(updates, EmploymentSubsidy.CHECK_RETENTION).at("/data/retained").asBoolean()).isTrue();
        assertThat(updates).filteredOn(event -> EmploymentSubsidy.INSTRUCT_PAYMENT.equals(event.at("/data/step").asText()))
                .extracting(event -> event.at("/data/amount").asLong()).containsOnly(120000L);
        assertThat(step(updates, EmploymentSubsidy.NOTIFY_CLAWBACK).at("/data/clawback_amount").asLong()).isEqualTo(360000);
        JsonNode recovered = step(updates, EmploymentSubsidy.INSTRUCT_AMENDED_RECOVERY).path("data");
        assertThat(recovered.path("recovery_amount").asLong()).isEqualTo(180000);
        assertThat(recovered.path("appeal_outcome").asText()).isEqualTo(Appeal.OUTCOME_PARTIALLY_UPHELD);
        assertThat(updates).allSatisfy(event -> assertThat(event.path("data").has("vulnerability_percentile")
                || event.path("data").has("sa_status")).as("the employer never learns the percentile").isFalse());
    }

    private static JsonNode step(List<JsonNode> events, String step) {
        return events.stream().filter(event -> step.equals(event.at("/data/step").asText())).findFirst().orElseThrow();
    }

    /** The employer's system applies for the worker it hired; the case starts once, however often it is sent. */
    private void apply() {
        ObjectNode message = application();
        send(message);
        JsonNode outcome = calledBack(reference);
        assertThat(outcome.path("status").asText()).as(outcome.toString()).isEqualTo("succ");
        assertThat(outcome.path("outcome").asText()).isEqualTo("APPLICATION_STARTED");
        // the employer's system sends it again under a new message_id: nothing new starts
        ((ObjectNode) message.get("header")).put("message_id", "MSG-" + UUID.randomUUID());
        send(message);
        assertThat(subsidies(reference)).as("one application, one case").isEqualTo(1);
    }

    /** The sample application, for this worker, employer and reference, answered to the employer's system. */
    private ObjectNode application() {
        ObjectNode message;
        try {
            message = (ObjectNode) new ObjectMapper().readTree(Path.of("../samples/subsidy-application.json").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ((ObjectNode) message.get("header")).put("message_id", "MSG-" + UUID.randomUUID())
                .put("sender_uri", employerSystem.url());
        ObjectNode item = (ObjectNode) message.at("/message/subsidy_application/0");
        item.put("reference_id", reference).put("person_id", worker).put("employer_id", employer)
                .put("programme_code", EmploymentSubsidy.PROGRAMME_SEJ);
        ((ObjectNode) item.get("job")).put("start_date", startDate());
        return message;
    }

    private void send(ObjectNode message) {
        HubClient.Answer ack = hub.postWithToken(hub.clientToken(EMPLOYER_CLIENT, Scopes.SUBSIDY_APPLY), APPLICATIONS,
                message.toString());
        assertThat(ack.status()).as(ack.body()).isEqualTo(200);
        assertThat(ack.json().at("/message/ack_status").asText()).isEqualTo("ACK");
    }

    /** Malformed JSON, wrong types, an oversize batch, no token, a token without the scope: a DCI error each. */
    private void badInputChangesNothing() {
        String token = hub.clientToken(EMPLOYER_CLIENT, Scopes.SUBSIDY_APPLY);
        Integer messagesBefore = jdbc.queryForObject("SELECT COUNT(*) FROM esp_inbound_message", Integer.class);
        refused(hub.postWithToken(token, APPLICATIONS, "{\"header\": {"), 400, "err.request.bad");
        ObjectNode wrongTypes = application();
        ((ObjectNode) wrongTypes.at("/message/subsidy_application/0")).put("worker_age", "twenty-one");
        ((ObjectNode) wrongTypes.at("/message/subsidy_application/0/job")).put("monthly_wage", -1);
        HubClient.Answer typed = hub.postWithToken(token, APPLICATIONS, wrongTypes.toString());
        refused(typed, 400, "err.request.bad");
        assertThat(typed.body()).contains("worker_age", "monthly_wage").doesNotContain("Exception");
        ObjectNode oversize = application();
        ArrayNode items = (ArrayNode) oversize.at("/message/subsidy_application");
        for (int i = 1; i <= 100; i++) {
            items.add(((ObjectNode) items.get(0).deepCopy()).put("reference_id", reference + "-" + i));
        }
        ((ObjectNode) oversize.get("header")).put("total_count", items.size());
        refused(hub.postWithToken(token, APPLICATIONS, oversize.toString()), 400, "err.request.bad");
        refused(hub.postWithToken("not-a-token", APPLICATIONS, application().toString()), 401, null);
        refused(hub.postWithToken(hub.clientToken(EMPLOYER_CLIENT, Scopes.NOTIFICATION_SEND), APPLICATIONS,
                application().toString()), 403, "err.request.forbidden");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM esp_inbound_message", Integer.class))
                .as("no message was recorded").isEqualTo(messagesBefore);
        assertThat(subsidies(reference)).as("no case started").isZero();
    }

    private static void refused(HubClient.Answer answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        if (code != null) {
            assertThat(answer.json().at("/errors/0/code").asText()).as(answer.body()).isEqualTo(code);
        }
    }

    /** The outcome of the application under this reference, as called back to the employer's system. */
    private JsonNode calledBack(String referenceId) {
        return await().atMost(FLOW_TIMEOUT).alias("the employer's system is told about " + referenceId)
                .until(() -> employerSystem.itemIn("subsidy_application_response", referenceId), item -> item != null);
    }

    private long subsidies(String referenceId) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(EmploymentSubsidy.PROCESS_KEY).processInstanceBusinessKey(referenceId).count();
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

}
