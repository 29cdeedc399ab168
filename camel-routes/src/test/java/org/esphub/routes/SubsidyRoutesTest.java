package org.esphub.routes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The routes of employment-subsidy (agreement employment-subsidy-targeting): what each sends, what the
 * gate lets through and back, and how each answer becomes the task's result or a fault to retry.
 * The registry's check proves the agreement's point: the percentile comes back, the household never.
 */
class SubsidyRoutesTest extends RouteTestSupport {

    private static final String SUBSIDY = "EMPLOYMENT_SUBSIDY";
    private static final String COMPLIANCE = "EMPLOYER_COMPLIANCE";
    private static final String WORKER = "10000000025";

    // ---- sa-check-subsidy-eligibility ------------------------------------------------------------------

    @Test
    void the_registry_is_asked_about_the_worker_and_only_the_percentile_and_status_come_back() {
        agency.answers(200, """
                {"person_id":"10000000025","sa_status":"ACTIVE","vulnerability_percentile":25,
                 "household_id":"HH-789456","household_members":[{"name":"Ana"}],"household_income":"410.00"}
                """);

        Exchange reply = handOff("sa.check-subsidy-eligibility", base("AskRegistryForPercentile", "programmeCode", "SEJ"),
                context("sa.check-subsidy-eligibility", "AskRegistryForPercentile"), SUBSIDY);

        assertThat(reply.getException()).isNull();
        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/persons/10000000025/subsidy-targeting");
        assertThat(request.body()).isEmpty();
        assertThat(request.headers().keySet()).noneMatch(RouteTestSupport::isHandOffHeader);
        assertThat(reply.getMessage().getBody(Map.class)).containsOnly(entry("vulnerabilityPercentile", 25),
                entry("saStatus", "ACTIVE"));
        assertThat(governance.auditedAbout(WORKER)).singleElement().satisfies(audited -> {
            assertThat(audited.event().purpose()).isEqualTo(SUBSIDY);
            assertThat(audited.event().legalBasis()).contains("Employment Subsidy Act art. 5");
            assertThat(audited.event().agreement()).startsWith("employment-subsidy-targeting@");
        });
    }

    @Test
    void a_worker_the_registry_does_not_know_has_no_percentile() {
        agency.answers(404, "{\"error\":\"person.unknown\"}");

        Exchange reply = handOff("sa.check-subsidy-eligibility", base("AskRegistryForPercentile"),
                context("sa.check-subsidy-eligibility", "AskRegistryForPercentile"), SUBSIDY);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getBody(Map.class)).containsEntry("vulnerabilityPercentile", null);
    }

    @Test
    void the_registry_check_is_refused_for_any_other_purpose() {
        agency.answers(200, "{\"vulnerability_percentile\":25}");

        Exchange reply = handOff("sa.check-subsidy-eligibility", base("AskRegistryForPercentile"),
                context("sa.check-subsidy-eligibility", "AskRegistryForPercentile"), GateOnH2.ACTIVATION);

        assertThat(reply.getMessage().getHeader("EspBpmnErrorCode")).isEqualTo("EXCHANGE_REFUSED");
        assertThat(agency.requestCount()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileIds")
    void a_worker_id_that_could_steer_the_registry_call_is_refused(String personId) {
        agency.answers(200, "{}");
        Map<String, Object> variables = base("AskRegistryForPercentile");
        variables.put("personId", personId);

        assertRefusedForItsId(handOff("sa.check-subsidy-eligibility", variables,
                context("sa.check-subsidy-eligibility", "AskRegistryForPercentile"), SUBSIDY));
    }

    // ---- sa-subsidy-payment, sa-subsidy-recovery ---------------------------------------------------------

    @Test
    void a_payment_instruction_posts_the_month_and_its_amount_with_the_step_idempotency_key() {
        agency.answers(201, "{\"payment_id\":\"PAY-1\"}");
        Map<String, Object> variables = base("InstructPayment", "employerId", "EMP-7788", "paymentType", "MONTHLY_SUBSIDY",
                "subsidyMonth", 3L, "reportedWage", 400000, "subsidyRatePercent", 30, "amount", 120000L);

        Exchange reply = handOff("sa.subsidy-payment", variables, context("sa.subsidy-payment", "InstructPayment"), SUBSIDY);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getBody()).isNull();
        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.path()).isEqualTo("/subsidy-payments");
        assertThat(request.header("Idempotency-Key")).contains("SUB-14:InstructPayment:ai-1");
        assertThat(json(request.body())).containsOnly(entry("reference_id", "SUB-14"), entry("person_id", WORKER),
                entry("employer_id", "EMP-7788"), entry("payment_type", "MONTHLY_SUBSIDY"), entry("subsidy_month", 3),
                entry("reported_wage", 400000), entry("subsidy_rate_percent", 30), entry("amount", 120000));
    }

    @Test
    void a_recovery_instruction_names_the_employer_the_amount_and_why_never_the_worker() {
        agency.answers(201, "{}");
        Map<String, Object> variables = base("InstructAmendedRecovery", "employerId", "EMP-7788", "recoveryAmount", 180000L,
                "clawbackReason", "The worker left early.", "appealOutcome", "PARTIALLY_UPHELD",
                "outcome", "CLAWBACK_DECIDED", "decisionApprovedBy", "subsidy-officer", "appealDeadline", "2027-02-01T00:00:00Z");

        handOff("sa.subsidy-recovery", variables, context("sa.subsidy-recovery", "InstructAmendedRecovery"), SUBSIDY);

        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.path()).isEqualTo("/subsidy-recoveries");
        Map<String, Object> sent = json(request.body());
        // the clawback it recovers is explained as the employer's notice was: the rule, the officer, the appeal
        @SuppressWarnings("unchecked")
        Map<String, Object> explanation = (Map<String, Object>) sent.remove("explanation");
        assertThat((String) explanation.get("rule")).startsWith("Employment Subsidy Act art. 12");
        assertThat(explanation).containsEntry("approved_by", "subsidy-officer");
        assertThat(sent).containsOnly(entry("reference_id", "SUB-14"), entry("employer_id", "EMP-7788"),
                entry("recovery_amount", 180000), entry("clawback_reason", "The worker left early."),
                entry("appeal_outcome", "PARTIALLY_UPHELD"), entry("outcome", "CLAWBACK_DECIDED"));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 409, 503})
    void a_refused_or_failed_instruction_is_a_fault_to_retry(int status) {
        agency.answers(status, "busy");

        Exchange payment = handOff("sa.subsidy-payment", base("InstructPayment", "amount", 1L),
                context("sa.subsidy-payment", "InstructPayment"), SUBSIDY);

        assertThat(payment.getException()).isInstanceOf(AgencyCallFailed.class).hasMessageContaining(String.valueOf(status));
    }

    // ---- tax-employer-standing, tax-subsidy-compliance-report -------------------------------------------

    @Test
    void the_employer_standing_is_read_by_employer_and_kept_to_what_the_agreement_names() {
        agency.answers(200, """
                {"employer_id":"EMP-7788","contributions_paid":false,"open_violations":1,
                 "outstanding_obligations":"Pay the contributions due for 2025-01.","risk_assessment":"high",
                 "workers":[{"person_id":"10000000001"}]}
                """);

        Exchange reply = handOff("tax.employer-standing", base("CheckEmployerStanding", "employerId", "EMP-7788"),
                context("tax.employer-standing", "CheckEmployerStanding"), COMPLIANCE);

        assertThat(reply.getException()).isNull();
        assertThat(agency.onlyRequest().path()).isEqualTo("/employers/EMP-7788/standing");
        assertThat(reply.getMessage().getBody(Map.class)).containsOnly(entry("contributionsPaid", false),
                entry("openViolations", 1), entry("outstandingObligations", "Pay the contributions due for 2025-01."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileIds")
    void an_employer_id_that_could_steer_the_standing_call_is_refused(String employerId) {
        agency.answers(200, "{}");

        assertRefusedForItsId(handOff("tax.employer-standing", base("CheckEmployerStanding", "employerId", employerId),
                context("tax.employer-standing", "CheckEmployerStanding"), COMPLIANCE));
    }

    @Test
    void an_employer_social_insurance_does_not_know_is_a_fault_not_a_refusal() {
        agency.answers(404, "{}");

        Exchange reply = handOff("tax.employer-standing", base("CheckEmployerStanding", "employerId", "EMP-0"),
                context("tax.employer-standing", "CheckEmployerStanding"), COMPLIANCE);

        assertThat(reply.getException()).isInstanceOf(AgencyCallFailed.class).hasMessageContaining("404");
    }

    @Test
    void the_monthly_report_is_searched_for_the_job_and_month_and_read_into_the_task_result() {
        agency.answers(200, """
                {"worker_employed":true,"worker_registered":true,"contributions_paid":false,"reported_wage":400000,
                 "employer_name":"Obras del Sur","other_workers":12}
                """);
        Map<String, Object> variables = base("ReportMonth", "employerId", "EMP-7788", "startDate", "2025-03-01",
                "subsidyMonth", 4L);

        Exchange reply = handOff("tax.subsidy-compliance-report", variables,
                context("tax.subsidy-compliance-report", "ReportMonth"), COMPLIANCE);

        assertThat(reply.getException()).isNull();
        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/subsidy-compliance-reports");
        assertThat(json(request.body())).containsOnly(entry("employer_id", "EMP-7788"), entry("person_id", WORKER),
                entry("start_date", "2025-03-01"), entry("subsidy_month", 4));
        assertThat(reply.getMessage().getBody(Map.class)).containsOnly(entry("workerEmployed", true),
                entry("workerRegistered", true), entry("contributionsPaid", false), entry("reportedWage", 400000));
    }

    @Test
    void the_registration_and_retention_checks_ask_about_the_applications_employer_and_read_its_spell() {
        agency.answers(200, "{\"employer_id\":\"EMP-7788\",\"person_id\":\"10000000025\","
                + "\"employments\":[{\"start_date\":\"2025-03-01\",\"end_date\":null}]}");
        Map<String, Object> variables = base("CheckRetention", "employerId", "EMP-7788", "startDate", "2025-03-01",
                "checkDate", "2025-09-01");

        Exchange reply = handOff("tax.verify-employer-registration", variables,
                context("tax.verify-employer-registration", "CheckRetention"), COMPLIANCE);

        assertThat(reply.getException()).isNull();
        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/employer-registrations");
        assertThat(json(request.body())).containsOnly(entry("employer_id", "EMP-7788"), entry("person_id", WORKER));
        assertThat(reply.getMessage().getBody(Map.class)).containsOnly(entry("insuredEmploymentFound", true));
        assertThat(governance.auditedAbout(WORKER)).singleElement().satisfies(audited -> {
            assertThat(audited.event().purpose()).isEqualTo(COMPLIANCE);
            assertThat(audited.event().agreement()).startsWith("employment-subsidy-targeting@");
        });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"404", "ended"})
    void a_worker_this_employer_did_not_register_or_no_longer_insures_is_not_registered(String answer) {
        if ("404".equals(answer)) {
            agency.answers(404, "{\"error\":\"subsidised_worker.unknown\"}");
        } else {
            agency.answers(200, "{\"employments\":[{\"start_date\":\"2025-03-01\",\"end_date\":\"2025-08-31\"}]}");
        }
        Map<String, Object> variables = base("CheckWorkerRegistration", "employerId", "EMP-7788", "checkDate", "2025-09-01");

        Exchange reply = handOff("tax.verify-employer-registration", variables,
                context("tax.verify-employer-registration", "CheckWorkerRegistration"), COMPLIANCE);

        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getBody(Map.class)).containsOnly(entry("insuredEmploymentFound", false));
    }

    @Test
    void the_registration_check_is_refused_for_a_placements_purpose_and_a_failed_answer_is_retried() {
        agency.answers(200, "{\"employments\":[]}");
        Map<String, Object> variables = base("CheckWorkerRegistration", "employerId", "EMP-7788", "checkDate", "2025-09-01");

        Exchange refused = handOff("tax.verify-employer-registration", variables,
                context("tax.verify-employer-registration", "CheckWorkerRegistration"), GateOnH2.ACTIVATION);
        assertThat(refused.getMessage().getHeader("EspBpmnErrorCode")).isEqualTo("EXCHANGE_REFUSED");
        assertThat(agency.requestCount()).isZero();

        agency.answers(503, "busy");
        Exchange failed = handOff("tax.verify-employer-registration", variables,
                context("tax.verify-employer-registration", "CheckWorkerRegistration"), COMPLIANCE);
        assertThat(failed.getException()).isInstanceOf(AgencyCallFailed.class).hasMessageContaining("503");
    }

    // ---- employer-notify-subsidy-decision, labour-report-non-compliance ----------------------------------

    @Test
    void the_employer_notice_carries_the_decision_and_its_appeal_route_never_the_percentile() {
        agency.answers(202, "{}");
        Map<String, Object> variables = base("NotifyRefusal", "employerId", "EMP-7788", "outcome", "SUBSIDY_REFUSED",
                "reason", "Contributions unpaid.", "outstandingObligations", "Pay 2025-01.",
                "appealDeadline", java.util.Date.from(java.time.Instant.parse("2025-04-02T09:00:00Z")),
                "vulnerabilityPercentile", 25);

        Exchange reply = handOff("employer.notify-subsidy-decision", variables,
                context("employer.notify-subsidy-decision", "NotifyRefusal"), SUBSIDY);

        assertThat(reply.getException()).isNull();
        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.path()).isEqualTo("/employers/subsidy-decisions");
        Map<String, Object> sent = new java.util.HashMap<>(json(request.body()));
        @SuppressWarnings("unchecked")
        Map<String, Object> explanation = (Map<String, Object>) sent.remove("explanation");
        assertThat(explanation).as("a notice of an automated proposal is explained (DecisionExplainerTest)")
                .containsEntry("appeal", Map.of("how", "the employer may appeal to the subsidy administration before"
                        + " the deadline in this notice", "deadline", "2025-04-02T09:00:00Z"));
        assertThat(sent).containsOnly(entry("reference_id", "SUB-14"), entry("person_id", WORKER),
                entry("employer_id", "EMP-7788"), entry("outcome", "SUBSIDY_REFUSED"), entry("reason", "Contributions unpaid."),
                entry("outstanding_obligations", "Pay 2025-01."), entry("appeal_deadline", "2025-04-02T09:00:00Z"));
    }

    @Test
    void the_inspectorate_hears_of_the_month_and_what_was_not_met() {
        agency.answers(201, "{\"case_id\":\"LI-1\"}");
        Map<String, Object> variables = base("ReportToLabourInspectorate", "employerId", "EMP-7788", "subsidyMonth", 2L,
                "workerRegistered", true, "contributionsPaid", false);

        Exchange reply = handOff("labour.report-non-compliance", variables,
                context("labour.report-non-compliance", "ReportToLabourInspectorate"), COMPLIANCE);

        assertThat(reply.getException()).isNull();
        AgencyStandIn.Request request = agency.onlyRequest();
        assertThat(request.path()).isEqualTo("/labour/non-compliance-reports");
        assertThat(request.header("Idempotency-Key")).contains("SUB-14:ReportToLabourInspectorate:ai-1");
        assertThat(json(request.body())).containsOnly(entry("reference_id", "SUB-14"), entry("person_id", WORKER),
                entry("employer_id", "EMP-7788"), entry("subsidy_month", 2), entry("worker_registered", true),
                entry("contributions_paid", false));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 503})
    void a_notice_or_report_the_receiver_does_not_take_is_a_fault_to_retry(int status) {
        agency.answers(status, "no");

        assertThat(handOff("employer.notify-subsidy-decision", base("NotifyApproval"),
                context("employer.notify-subsidy-decision", "NotifyApproval"), SUBSIDY).getException())
                .isInstanceOf(AgencyCallFailed.class);
        assertThat(handOff("labour.report-non-compliance", base("ReportToLabourInspectorate"),
                context("labour.report-non-compliance", "ReportToLabourInspectorate"), COMPLIANCE).getException())
                .isInstanceOf(AgencyCallFailed.class);
    }

    private static Map<String, Object> base(String activityId, Object... more) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("referenceId", "SUB-14");
        variables.put("personId", WORKER);
        variables.put("correlationId", "corr-SUB-14");
        for (int i = 0; i < more.length; i += 2) {
            variables.put((String) more[i], more[i + 1]);
        }
        return variables;
    }

    private static Map<String, Object> context(String topic, String activityId) {
        return handOffHeaders(topic, "SUB-14", activityId);
    }
}
