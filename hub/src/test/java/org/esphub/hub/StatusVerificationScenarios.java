package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.esphub.hub.support.LifecycleDriver.SA_CASEWORKER;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.esphub.hub.support.CallbackReceiver;
import org.esphub.hub.support.EligiblePeople;
import org.esphub.hub.support.EngineClock;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.SimulatedAgencies;
import org.esphub.hub.verification.StatusReverification;
import org.esphub.processes.BenefitAdjustment;
import org.esphub.processes.EmploymentStatusVerification;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.tax.ContributionRegister;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * UC2 on the real hub: SA's system asks over the DCI API for a beneficiary's employment status; the tax
 * authority and the employer say employed while PES still holds a registered jobseeker, so the
 * confidence is too low and the SA caseworker reviews it; the confirmed employment leads to a benefit
 * adjustment, approved, and applied at SA once the appeal window passed (asserted at the SA simulator).
 * The outcome is also called back to the request's sender_uri.
 *
 * <p>Subclasses choose the database, so the same scenario proves H2 and PostgreSQL.
 */
abstract class StatusVerificationScenarios {

    private static final String VERIFICATIONS = "/dci/employment/v1.0.0/status/verifications";
    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    /** SA's callback endpoint, admitted as the demo admits the simulators. */
    private static final CallbackReceiver SA_SYSTEM = CallbackReceiver.start();

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
    @Autowired
    private StatusReverification reverification;
    @Value("${server.port}")
    private int port;

    private HubClient hub;
    private SimulatedAgencies agencies;
    private EngineClock clock;
    private String person;
    private String referenceId;

    @AfterAll
    static void stopSasSystem() {
        SA_SYSTEM.close();
    }

    @BeforeEach
    void aBeneficiaryWithAJobSaDoesNotKnowOf() {
        hub = new HubClient(port);
        agencies = new SimulatedAgencies(hub);
        clock = new EngineClock(engine.getManagementService(), workers);
        person = new EligiblePeople(population, register, jdbc).next();
        referenceId = "VER-" + UUID.randomUUID();
        // on the authority's record since the month before last; the employer confirms it
        String start = LocalDate.now().minusMonths(2).withDayOfMonth(1).toString();
        assertThat(hub.raw().post().uri("/sim/tax/persons/{id}/employments", person)
                .body(Map.of("employer_name", "Acme Manufacturing", "start_date", start, "employment_type", "FULL_TIME",
                        "monthly_income", "1450.00"))
                .retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(201);
        // PES still holds the person as a registered jobseeker: the sources disagree
        hub.raw().put().uri("/sim/pes/persons/{id}/behaviour", person).body(Map.of("registered", true))
                .retrieve().toBodilessEntity();
    }

    @AfterEach
    void endWhatRunsForThePersonAndResetTheClockAndPes() {
        hub.raw().delete().uri("/sim/pes/persons/{id}/behaviour", person).retrieve().toBodilessEntity();
        // the workers may be completing a step of it at this moment: again until nothing of the person runs
        await().atMost(FLOW_TIMEOUT)
                .ignoreExceptionsMatching(e -> e instanceof OptimisticLockingException
                        || e instanceof ProcessEnginePersistenceException).until(() -> {
            for (ProcessInstance running : engine.getRuntimeService().createProcessInstanceQuery()
                    .variableValueEquals(EmploymentStatusVerification.VAR_PERSON_ID, person).list()) {
                engine.getRuntimeService().deleteProcessInstanceIfExists(running.getId(), "end of test", true, true,
                        true, true);
            }
            return engine.getRuntimeService().createProcessInstanceQuery()
                    .variableValueEquals(EmploymentStatusVerification.VAR_PERSON_ID, person).count() == 0;
        });
        clock.reset();
    }

    @Test
    void disagreeing_sources_reach_the_sa_caseworker_and_a_confirmed_job_ends_in_an_adjustment_applied_at_sa() {
        JsonNode sa = agencies.saRecordOf(person);
        BigDecimal benefit = new BigDecimal(sa.path("monthly_benefit_amount").asText());
        String token = hub.clientToken("sa-system", "employment:read");

        HubClient.Answer ack = hub.postWithToken(token, VERIFICATIONS, request(sa));
        assertThat(ack.status()).isEqualTo(202);
        assertThat(ack.json().at("/message/ack_status").asText()).isEqualTo("ACK");
        assertThat(ack.json().at("/message/verifications_started").asInt()).isEqualTo(1);

        JsonNode review = awaitTask(EmploymentStatusVerification.REVIEW_STATUS);
        assertThat(review.path("name").asText()).isEqualTo("Review employment status");
        JsonNode seen = hub.taskVariables(SA_CASEWORKER, review.path("id").asText());
        assertThat(seen.at("/pesFinding/value").asText()).isEqualTo("REGISTERED_JOBSEEKER");
        assertThat(seen.at("/taxFinding/value").asText()).isEqualTo("EMPLOYED");
        assertThat(seen.at("/employerFinding/value").asText()).isEqualTo("EMPLOYED");
        assertThat(seen.at("/statusConfidence/value").asDouble()).isLessThan(0.75);
        assertThat(hub.completeTask(SA_CASEWORKER, review.path("id").asText(), Map.of(
                EmploymentStatusVerification.VAR_EMPLOYMENT_STATUS, "EMPLOYED",
                EmploymentStatusVerification.VAR_REVIEW_NOTE, "payslips checked")))
                .isEqualTo(204);

        JsonNode verified = awaitSaNotice(EmploymentStatusVerification.OUTCOME_STATUS_VERIFIED);
        assertThat(verified.path("employment_status").asText()).isEqualTo("EMPLOYED");
        assertThat(verified.path("reason").asText()).contains("Review: payslips checked");

        await().atMost(FLOW_TIMEOUT).until(() -> SA_SYSTEM.itemAbout(referenceId) != null);
        JsonNode called = SA_SYSTEM.itemAbout(referenceId);
        assertThat(called.path("status").asText()).isEqualTo("succ");
        assertThat(called.path("employment_status").asText()).isEqualTo("EMPLOYED");
        assertThat(called.path("manually_reviewed").asBoolean()).isTrue();
        assertThat(SA_SYSTEM.callbackAbout(referenceId).at("/header/action").asText()).isEqualTo("status_response");

        JsonNode approval = awaitTask(BenefitAdjustment.APPROVE_ADJUSTMENT);
        assertThat(hub.completeTask(SA_CASEWORKER, approval.path("id").asText(), Map.of(
                BenefitAdjustment.VAR_APPROVAL_DECISION, BenefitAdjustment.APPROVAL_APPROVED)))
                .isEqualTo(204);
        awaitSaNotice(BenefitAdjustment.OUTCOME_ADJUSTMENT_DECIDED);
        assertThat(agencies.benefitAdjustmentsAt(referenceId)).as("nothing applied while an appeal is possible")
                .isEmpty();

        clock.fire(appealWindowTimer());
        JsonNode applied = await().atMost(FLOW_TIMEOUT).until(() -> agencies.benefitAdjustmentsAt(referenceId),
                adjustments -> adjustments.size() == 1).get(0);
        assertThat(applied.path("person_id").asText()).isEqualTo(person);
        assertThat(applied.path("adjustment_decision").asText()).isNotEqualTo(BenefitAdjustment.DECISION_CONTINUE);
        assertThat(applied.path("new_monthly_benefit").decimalValue()).isLessThan(benefit);
        await().atMost(FLOW_TIMEOUT).until(() -> engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(referenceId)
                .processDefinitionKey(EmploymentStatusVerification.PROCESS_KEY).finished().count() == 1);
    }

    @Test
    void a_request_without_a_national_id_is_refused_in_the_standard_error_format_and_starts_nothing() {
        String token = hub.clientToken("sa-system", "employment:read");
        Map<String, Object> request = new java.util.HashMap<>(request(agencies.saRecordOf(person)));
        Map<String, Object> message = Map.of("transaction_id", "T-1", "employment_status_request", List.of(Map.of(
                "reference_id", referenceId, "verification_criteria", Map.of("person", Map.of("identifiers",
                        List.of(Map.of("identifier_type", "tax_id", "identifier_value", "TX-1")))))));
        request.put("message", message);

        HubClient.Answer refused = hub.postWithToken(token, VERIFICATIONS, request);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/code").asText()).isEqualTo("err.request.bad");
        assertThat(refused.body()).contains("national_id is required").doesNotContain("Exception");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(referenceId)
                .count()).isZero();
    }

    @Test
    void a_message_id_sent_again_is_refused_and_starts_no_second_verification() {
        String token = hub.clientToken("sa-system", "employment:read");
        Map<String, Object> request = request(agencies.saRecordOf(person));
        assertThat(hub.postWithToken(token, VERIFICATIONS, request).status()).isEqualTo(202);

        HubClient.Answer again = hub.postWithToken(token, VERIFICATIONS, request);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().at("/errors/0/code").asText()).isEqualTo("rjct.message_id.duplicate");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(EmploymentStatusVerification.PROCESS_KEY)
                .processInstanceBusinessKey(referenceId).count()).isEqualTo(1);
    }

    @Test
    void the_schedule_verifies_again_a_person_whose_benefit_adjustment_runs_and_not_twice_while_it_runs() {
        String adjustmentKey = "REF-" + UUID.randomUUID();
        Map<String, Object> adjustment = new java.util.HashMap<>();
        adjustment.put(BenefitAdjustment.VAR_REFERENCE_ID, adjustmentKey);
        adjustment.put(BenefitAdjustment.VAR_PERSON_ID, person);
        adjustment.put(BenefitAdjustment.VAR_CORRELATION_ID, UUID.randomUUID().toString());
        adjustment.put(BenefitAdjustment.VAR_GIVEN_NAME, "Ana");
        adjustment.put(BenefitAdjustment.VAR_FAMILY_NAME, "Krasniqi");
        adjustment.put(BenefitAdjustment.VAR_CURRENT_MONTHLY_BENEFIT, 240.0);
        adjustment.put(BenefitAdjustment.VAR_MONTHLY_EMPLOYMENT_INCOME, 1450.0);
        adjustment.put(BenefitAdjustment.VAR_STABLE_EMPLOYMENT_DAYS, null);
        adjustment.put(BenefitAdjustment.VAR_EMPLOYMENT_STATUS, BenefitAdjustment.EMPLOYMENT_STATUS_EMPLOYED);
        adjustment.put(BenefitAdjustment.VAR_ADJUSTMENT_TRIGGER, BenefitAdjustment.TRIGGER_PLACEMENT_VERIFIED);
        engine.getRuntimeService().startProcessInstanceByKey(BenefitAdjustment.PROCESS_KEY, adjustmentKey, adjustment);

        assertThat(reverification.reverifyAll(Instant.now())).isPositive();
        ProcessInstance scheduled = scheduledVerificationOf(person);
        assertThat(scheduled.getBusinessKey()).startsWith("REV-" + person + "-");
        assertThat(engine.getRuntimeService().getVariable(scheduled.getId(),
                EmploymentStatusVerification.VAR_VERIFICATION_TRIGGER))
                .isEqualTo(EmploymentStatusVerification.TRIGGER_SCHEDULED);

        reverification.reverifyAll(Instant.now());
        assertThat(scheduledVerificationOf(person).getId()).as("one verification per person at a time")
                .isEqualTo(scheduled.getId());
        // what runs of the person ends after the test
    }

    private ProcessInstance scheduledVerificationOf(String personId) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(EmploymentStatusVerification.PROCESS_KEY)
                .variableValueEquals(EmploymentStatusVerification.VAR_PERSON_ID, personId).singleResult();
    }

    /** SA's request for one person, as the standard's PRS.EMPL.02 request, with two identifiers. */
    private Map<String, Object> request(JsonNode sa) {
        Map<String, Object> person = Map.of(
                "identifiers", List.of(Map.of("identifier_type", "national_id", "identifier_value", this.person),
                        Map.of("identifier_type", "tax_id", "identifier_value", "TAX-" + this.person)),
                "name", Map.of("given_name", sa.path("given_name").asText(), "surname", sa.path("family_name").asText()),
                "birth_date", sa.path("birth_date").asText());
        Map<String, Object> item = Map.of("reference_id", referenceId, "timestamp", Instant.now().toString(),
                "verification_criteria", Map.of("verification_type", "benefit_eligibility_check", "person", person));
        Map<String, Object> header = Map.of("version", "1.0.0", "message_id", UUID.randomUUID().toString(),
                "message_ts", Instant.now().toString(), "action", "status_verify", "sender_id", "sa.gov.example",
                "receiver_id", "esp-hub", "total_count", 1, "sender_uri", SA_SYSTEM.url());
        return Map.of("header", header,
                "message", Map.of("transaction_id", UUID.randomUUID().toString(), "employment_status_request", List.of(item)));
    }

    private JsonNode awaitTask(String taskDefinitionKey) {
        return await().atMost(FLOW_TIMEOUT).alias(SA_CASEWORKER + " has " + taskDefinitionKey)
                .until(() -> taskOrNull(taskDefinitionKey), task -> task != null);
    }

    private JsonNode taskOrNull(String taskDefinitionKey) {
        for (JsonNode task : hub.tasksOf(SA_CASEWORKER, referenceId)) {
            if (taskDefinitionKey.equals(task.path("taskDefinitionKey").asText())) {
                return task;
            }
        }
        return null;
    }

    private JsonNode awaitSaNotice(String outcome) {
        return await().atMost(FLOW_TIMEOUT).alias("SA told " + outcome).until(() -> {
            for (JsonNode notice : hub.saNotificationsAbout(referenceId)) {
                JsonNode message = notice.path("body").path("message");
                if (outcome.equals(message.path("outcome").asText())) {
                    return message;
                }
            }
            return null;
        }, notice -> notice != null);
    }

    private Job appealWindowTimer() {
        return await().atMost(FLOW_TIMEOUT).until(() -> engine.getManagementService().createJobQuery().timers()
                .activityId(BenefitAdjustment.APPEAL_WINDOW_CLOSED).processInstanceId(adjustmentInstanceId())
                .singleResult(), job -> job != null);
    }

    private String adjustmentInstanceId() {
        ProcessInstance adjustment = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(BenefitAdjustment.PROCESS_KEY).processInstanceBusinessKey(referenceId)
                .singleResult();
        return adjustment == null ? "none" : adjustment.getId();
    }
}
