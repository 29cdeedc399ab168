package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.esphub.hub.support.LifecycleDriver.APPEALS_OFFICER;
import static org.esphub.hub.support.LifecycleDriver.PES_CASEWORKER;
import static org.esphub.hub.support.LifecycleDriver.SA_CASEWORKER;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.engine.ProcessEngine;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.esphub.hub.compliance.ComplianceEpisodeFeed;
import org.esphub.hub.support.AgencyBroker;
import org.esphub.hub.support.CallbackReceiver;
import org.esphub.hub.support.ComplianceMonitoring;
import org.esphub.hub.support.EligiblePeople;
import org.esphub.hub.support.EngineClock;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.LifecycleDriver;
import org.esphub.hub.support.LifecycleDriver.Programme;
import org.esphub.hub.support.LifecycleDriver.Vacancy;
import org.esphub.hub.support.SimulatedAgencies;
import org.esphub.processes.ActivationCompliance;
import org.esphub.processes.Appeal;
import org.esphub.processes.JobPlacement;
import org.esphub.processes.TrainingEnrolment;
import org.esphub.processes.ReferralToPes;
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
 * UC3 on the real hub, as the issue tells it: the agreed plan starts the monitoring; two missed
 * appointments, reasons asked, no good cause, a warning; a third miss, a reduction proposed, approved,
 * appealed and overturned: nothing is ever applied at SA, and the PES support task is there. Agencies
 * act through their simulators, caseworkers through the engine REST API as the demo users.
 *
 * <p>Subclasses choose the database.
 */
abstract class ActivationComplianceScenarios {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    private static final Programme WELDING = new Programme("TVET-WELD-01", "Welding fundamentals", "TVET-NORTH", 12);
    /** VAC-1 of PES's job board (the PES simulator), as the hub reads it before the match. */
    private static final Vacancy MACHINE_OPERATOR = new Vacancy("EMP-ACME", "Acme Manufacturing", "VAC-1",
            "Machine operator", 38, 1450, JobPlacement.CONTRACT_PERMANENT, null);
    private static final String MONITOR = "/dci/employment/v1.0.0/compliance/monitor";
    private static final String MONITORING = "/dci/employment/v1.0.0/compliance-monitoring";

    /** SA's callback endpoint, started before the hub, which admits it as the demo admits the simulators. */
    private static CallbackReceiver agency;

    @BeforeAll
    static void startTheAgency() {
        agency = CallbackReceiver.start();
    }

    @AfterAll
    static void stopTheAgency() {
        agency.close();
    }

    @Value("${esp.messaging.acceptor-url}")
    private String acceptorUrl;
    @Autowired
    private ProcessEngine engine;
    @Autowired
    private ExternalTaskClient workers;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private ComplianceEpisodeFeed feed;
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

    @BeforeEach
    void referAPerson() {
        hub = new HubClient(port);
        agencies = new SimulatedAgencies(hub);
        clock = new EngineClock(engine.getManagementService(), workers);
        driver = new LifecycleDriver(hub, agencies, AgencyBroker.as(acceptorUrl, AgencyBroker.SA), engine, clock);
        person = new EligiblePeople(population, register, jdbc).next();
    }

    @AfterEach
    void endTheReferral() {
        driver.endIfRunning();
        clock.reset();
    }

    @Test
    void a_warning_then_a_reduction_that_is_appealed_and_overturned_is_never_applied_at_SA() {
        driver.referOnQueue(person);
        // SA asks for monitoring before the plan is agreed: held, PENDING, no episode yet
        await().atMost(FLOW_TIMEOUT).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM esp_active_referral"
                + " WHERE reference_id = ?", Integer.class, driver.referenceId()) == 1);
        String saToken = hub.clientToken("sa-system", "compliance:monitor compliance:read");
        ObjectNode request = ComplianceMonitoring.forPersons(person);
        ((ObjectNode) request.get("header")).put("sender_uri", agency.url());
        String requested = ComplianceMonitoring.referenceOf(request, 0);
        assertThat(hub.postWithToken(saToken, MONITOR, request.toString()).status()).isEqualTo(200);
        JsonNode held = listed(saToken, requested);
        assertThat(held.path("compliance_status").asText()).isEqualTo("PENDING");
        assertThat(held.path("monitoring_id").isNull()).isTrue();

        driver.assessWorkReady(ReferralToPes.PATHWAY_JOB_SEARCH, "Looking for warehouse work");
        driver.saNotice(ReferralToPes.OUTCOME_SERVICES_COMMENCED);
        String ref = driver.referenceId();
        awaitMonitoringWaits();

        // the episode took the held request and assessed at once: SA hears the result in a second callback
        await().atMost(FLOW_TIMEOUT).until(() -> complianceStatusesCalledBack(requested).contains("COMPLIANT"));
        assertThat(complianceStatusesCalledBack(requested)).containsExactly("PENDING", "COMPLIANT");
        JsonNode monitored = listed(saToken, requested);
        assertThat(monitored.path("monitoring_id").asText()).isNotBlank();
        assertThat(monitored.path("monitoring_state").asText()).isEqualTo("MONITORING");
        assertThat(monitored.path("compliance_status").asText()).isEqualTo("COMPLIANT");
        assertThat(monitored.path("next_review_date").asText()).isNotBlank();
        assertThat(monitored.path("obligations")).extracting(o -> o.path("obligation_type").asText())
                .containsExactly("job_search", "pes_appointments");

        // two appointments missed without notice: the person is asked for reasons, PES for support
        pesObserves(ActivationCompliance.EVIDENCE_APPOINTMENT_MISSED_WITHOUT_NOTICE);
        awaitAssessed(1);
        pesObserves(ActivationCompliance.EVIDENCE_APPOINTMENT_MISSED_WITHOUT_NOTICE);
        JsonNode asked = driver.saNotice(ActivationCompliance.OUTCOME_REASONS_REQUESTED);
        assertThat(asked.path("non_compliance_reason").asText()).isEqualTo(ActivationCompliance.REASON_MISSED_APPOINTMENTS);
        assertThat(asked.path("reasons_due_at").asText()).isNotBlank();
        JsonNode support = driver.pesNotice(ActivationCompliance.OUTCOME_ENHANCED_SUPPORT_REQUESTED);
        assertThat(fieldNames(support)).containsOnly("reference_id", "person_id", "outcome", "reason",
                "non_compliance_reason");

        agencies.saReports(ActivationCompliance.MESSAGE_REASONS_GIVEN, ref, Map.of("stated_reasons", "I forgot"));
        noGoodCause();
        JsonNode warning = driver.saNotice(ActivationCompliance.OUTCOME_WARNING);
        assertThat(warning.path("sanction_type").asText()).isEqualTo(ActivationCompliance.SANCTION_WARNING);

        // a third miss after the warning: a reduction is proposed to the SA caseworker with its rule
        pesObserves(ActivationCompliance.EVIDENCE_APPOINTMENT_MISSED_WITHOUT_NOTICE);
        awaitNotices(ActivationCompliance.OUTCOME_REASONS_REQUESTED, 2);
        agencies.saReports(ActivationCompliance.MESSAGE_REASONS_GIVEN, ref, Map.of("stated_reasons", "Bus strike"));
        noGoodCause();
        JsonNode approval = driver.awaitTask(SA_CASEWORKER, ActivationCompliance.APPROVE_SANCTION);
        JsonNode proposal = hub.taskVariables(SA_CASEWORKER, approval.path("id").asText());
        assertThat(proposal.at("/sanctionType/value").asText()).isEqualTo(ActivationCompliance.SANCTION_BENEFIT_REDUCTION);
        assertThat(proposal.at("/ladderRuleId/value").asText()).isEqualTo(ActivationCompliance.RULE_SECOND_STEP_REDUCTION);
        assertThat(proposal.at("/assessmentRuleId/value").asText())
                .isEqualTo(ActivationCompliance.RULE_MISSED_APPOINTMENT_AFTER_STEP);
        assertThat(hub.completeTask(SA_CASEWORKER, approval.path("id").asText(), Map.of(
                ActivationCompliance.VAR_APPROVAL_DECISION, ActivationCompliance.APPROVAL_APPROVED))).isEqualTo(204);
        JsonNode decided = driver.saNotice(ActivationCompliance.OUTCOME_SANCTION_DECIDED);
        assertThat(decided.path("sanction_type").asText()).isEqualTo(ActivationCompliance.SANCTION_BENEFIT_REDUCTION);
        assertThat(decided.path("reduction_percent").asInt()).isEqualTo(30);
        assertThat(decided.path("appeal_deadline").asText()).isNotBlank();

        // appealed and overturned
        agencies.saReports(ActivationCompliance.MESSAGE_SANCTION_APPEALED, ref, Map.of("appeal_grounds", "I was in hospital"));
        driver.appealReviewTask();
        driver.decideAppeal(Appeal.OUTCOME_OVERTURNED, "Hospital stay documented");
        driver.saNotice("APPEAL_" + Appeal.OUTCOME_OVERTURNED);
        awaitMonitoringWaits();

        JsonNode atSa = hub.get(SA_CASEWORKER, "/sim/sa/compliance/{ref}", ref).json();
        assertThat(atSa.path("sanctions_in_force")).isEmpty();
        assertThat(outcomes(atSa.path("notices"))).doesNotContain(ActivationCompliance.OUTCOME_SANCTION_APPLIED)
                .containsSubsequence(ActivationCompliance.OUTCOME_REASONS_REQUESTED, ActivationCompliance.OUTCOME_WARNING,
                        ActivationCompliance.OUTCOME_REASONS_REQUESTED, ActivationCompliance.OUTCOME_SANCTION_DECIDED);
        assertThat(driver.hasTask(PES_CASEWORKER, ActivationCompliance.FOLLOW_UP_SUPPORT)).isTrue();

        // the list shows the episode: three misses counted, the warning applied, the reduction overturned
        JsonNode episode = listed(saToken, requested);
        assertThat(episode.path("compliance_status").asText()).isEqualTo("NON_COMPLIANT");
        assertThat(episode.path("monitoring_state").asText()).isEqualTo("MONITORING");
        assertThat(episode.at("/obligations/1/missed_appointments").asInt()).isZero();
        assertThat(episode.path("enforcement_actions")).extracting(a -> a.path("action_type").asText() + ":"
                + a.path("state").asText()).containsExactly("warning:applied", "benefit_reduction:overturned");

        // every sanction step in the audit log names its purpose and legal basis
        List<JsonNode> audited = new ArrayList<>();
        hub.auditedAbout(person).forEach(audited::add);
        assertThat(audited).filteredOn(event -> "ACTIVATION_COMPLIANCE".equals(event.path("purpose").asText()))
                .hasSizeGreaterThanOrEqualTo(5)
                .allSatisfy(event -> assertThat(event.path("legal_basis").asText()).startsWith("Social Assistance Act art. 35"));
    }

    @Test
    void training_absences_count_in_the_monitoring_and_a_verified_job_that_ends_early_starts_it_again() {
        driver.referOnQueue(person);
        driver.assessWorkReady(ReferralToPes.PATHWAY_BOTH, "Welding course first, then the job search");
        driver.saNotice(ReferralToPes.OUTCOME_SERVICES_COMMENCED);
        awaitMonitoringWaits();
        String first = runningMonitoring();

        // a request stored before the hub fed episodes is handed over by the start-up pass, once
        String stored = "COMP-" + UUID.randomUUID();
        jdbc.update("INSERT INTO esp_compliance_request (reference_id, person_id, sender_id, message_id, correlation_id,"
                + " referral_reference_id, compliance_areas, requested_assessment, status, received_at)"
                + " VALUES (?, ?, 'sa.gov.example', ?, ?, ?, 'PROGRAM_PARTICIPATION', 'CURRENT_STATUS', 'RECEIVED', ?)",
                stored, person, "MSG-" + stored, UUID.randomUUID().toString(), driver.referenceId(),
                Timestamp.from(Instant.now()));
        feed.feedHeldAtStart();
        feed.feedHeldAtStart();
        assertThat(jdbc.queryForObject("SELECT monitoring_id FROM esp_compliance_request WHERE reference_id = ?",
                String.class, stored)).isEqualTo(first);
        await().atMost(FLOW_TIMEOUT).until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM esp_compliance_request"
                + " WHERE reference_id = ? AND assessed_at IS NOT NULL", Integer.class, stored), is(1));
        assertThat(episodeColumn(first, "monitored_areas")).isEqualTo("PROGRAM_PARTICIPATION");
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(first)
                .activityId(ActivationCompliance.COMPLIANCE_REQUEST_RECEIVED).count()).isEqualTo(1);

        // the provider's low attendance reaches the monitoring as a training absence
        driver.chooseProgramme(WELDING, LocalDate.ofInstant(clock.now(), ZoneOffset.UTC).plusDays(7));
        driver.saNotice(TrainingEnrolment.OUTCOME_ENROLLED);
        driver.providerReportsAttendance(65);
        await().atMost(FLOW_TIMEOUT).until(() -> episodeColumn(first, "training_absences"), is(1));
        driver.providerReportsCompletion();

        // a verified job ends the obligations ...
        driver.matchVacancyStartingIn(2, MACHINE_OPERATOR);
        driver.employerAccepts();
        driver.startDateArrives();
        driver.employerReportsPlacement();
        driver.recordIsCheckedAgain();
        driver.saNotice(JobPlacement.OUTCOME_PLACEMENT_VERIFIED);
        driver.pesNotice(JobPlacement.OUTCOME_PLACEMENT_VERIFIED);
        // the verified job's steps are done (the benefit adjustment waits for SA) before the job ends
        driver.adjustmentApprovalTask();
        await().atMost(FLOW_TIMEOUT).until(() -> episodeColumn(first, "state"), is("ENDED"));

        // ... and when the job ends early and the caseworker sends the person back to the search, they start again
        agencies.employerReports(JobPlacement.MESSAGE_EMPLOYMENT_ENDED, driver.referenceId(), Map.of(
                "employment_end_date", LocalDate.ofInstant(clock.now(), ZoneOffset.UTC).toString(),
                "employment_end_reason", "Dismissed in the probation period"));
        String decision = driver.awaitTask(PES_CASEWORKER, ReferralToPes.DECIDE_RE_ENGAGEMENT).path("id").asText();
        assertThat(hub.completeTask(PES_CASEWORKER, decision, Map.of(ReferralToPes.VAR_RE_ENGAGEMENT_DECISION,
                ReferralToPes.RE_ENGAGEMENT_JOB_SEARCH, ReferralToPes.VAR_RE_ENGAGEMENT_NOTES, "Back to the search")))
                .isEqualTo(204);
        awaitMonitoringWaits();
        String second = runningMonitoring();
        assertThat(second).isNotEqualTo(first);
        assertThat(episodeColumn(second, "state")).isEqualTo("MONITORING");
        assertThat(episodeColumn(second, "training_absences")).as("a new monitoring counts afresh").isEqualTo(0);
    }

    private String runningMonitoring() {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ActivationCompliance.PROCESS_KEY)
                .processInstanceBusinessKey(driver.referenceId()).singleResult().getId();
    }

    /** A column of the episode's row in the read model GET /compliance-monitoring reads. */
    private Object episodeColumn(String monitoringId, String column) {
        return jdbc.queryForList("SELECT " + column + " FROM esp_compliance_episode WHERE monitoring_id = ?",
                Object.class, monitoringId).stream().findFirst().orElse(null);
    }

    private JsonNode listed(String token, String requestReference) {
        JsonNode page = hub.getWithToken(token, MONITORING + "?reference_id={ref}", requestReference).json();
        assertThat(page.at("/pagination/total_count").asInt()).isEqualTo(1);
        return page.at("/compliance_monitoring/0");
    }

    /** The compliance_status of each on-assess-compliance callback item about the request, in arrival order. */
    private static List<String> complianceStatusesCalledBack(String requestReference) {
        List<String> statuses = new ArrayList<>();
        for (JsonNode callback : agency.received()) {
            for (JsonNode item : callback.path("message").path("compliance_response")) {
                if (requestReference.equals(item.path("reference_id").asText())) {
                    statuses.add(item.path("compliance_status").asText());
                }
            }
        }
        return statuses;
    }

    private void pesObserves(String evidenceType) {
        agencies.pesReports(ActivationCompliance.MESSAGE_EVIDENCE, driver.referenceId(), Map.of("evidence_type", evidenceType));
    }

    private void noGoodCause() {
        String task = driver.awaitTask(PES_CASEWORKER, ActivationCompliance.RECORD_GOOD_CAUSE).path("id").asText();
        assertThat(hub.completeTask(PES_CASEWORKER, task, Map.of(ActivationCompliance.VAR_GOOD_CAUSE,
                ActivationCompliance.NO_GOOD_CAUSE, ActivationCompliance.VAR_GOOD_CAUSE_NOTE, "No reason given that"
                        + " excuses it"))).isEqualTo(204);
    }

    private void awaitMonitoringWaits() {
        await().atMost(FLOW_TIMEOUT).alias("the monitoring of " + driver.referenceId() + " waits for evidence")
                .until(() -> engine.getRuntimeService().createExecutionQuery()
                        .processInstanceBusinessKey(driver.referenceId())
                        .processDefinitionKey(ActivationCompliance.PROCESS_KEY)
                        .activityId(ActivationCompliance.AWAIT_GATEWAY).count() == 1);
    }

    private void awaitAssessed(int times) {
        await().atMost(FLOW_TIMEOUT).until(() -> engine.getHistoryService().createHistoricActivityInstanceQuery()
                .activityId(ActivationCompliance.ASSESS_COMPLIANCE).finished().list().stream()
                .filter(a -> engine.getHistoryService().createHistoricProcessInstanceQuery()
                        .processInstanceId(a.getProcessInstanceId()).processInstanceBusinessKey(driver.referenceId())
                        .count() == 1).count() >= times);
    }

    private void awaitNotices(String outcome, int count) {
        await().atMost(FLOW_TIMEOUT).until(() -> outcomes(hub.saNotificationsAbout(driver.referenceId()), true).stream()
                .filter(outcome::equals).count() >= count);
    }

    private static List<String> outcomes(JsonNode notices) {
        List<String> outcomes = new ArrayList<>();
        notices.forEach(notice -> outcomes.add(notice.path("outcome").asText()));
        return outcomes;
    }

    private static List<String> outcomes(JsonNode notifications, boolean enveloped) {
        List<String> outcomes = new ArrayList<>();
        notifications.forEach(n -> outcomes.add(n.path("body").path("message").path("outcome").asText()));
        return outcomes;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
