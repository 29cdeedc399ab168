package org.esphub.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.esphub.hub.support.LifecycleDriver.APPEALS_OFFICER;
import static org.esphub.hub.support.LifecycleDriver.PES_CASEWORKER;
import static org.esphub.hub.support.LifecycleDriver.SA_CASEWORKER;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.esphub.hub.security.Scopes;
import org.esphub.hub.support.AgencyBroker;
import org.esphub.hub.support.EligiblePeople;
import org.esphub.hub.support.EngineClock;
import org.esphub.hub.support.HubClient;
import org.esphub.hub.support.LifecycleDriver;
import org.esphub.hub.support.LifecycleDriver.Programme;
import org.esphub.hub.support.LifecycleDriver.Vacancy;
import org.esphub.hub.support.SimulatedAgencies;
import org.esphub.processes.Appeal;
import org.esphub.processes.BenefitAdjustment;
import org.esphub.processes.JobPlacement;
import org.esphub.processes.ReferralToPes;
import org.esphub.processes.TrainingEnrolment;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.tax.ContributionRegister;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;

/**
 * UC1 from the referral to its end, on the real hub: SA's referral on {@code esp.referrals.in}, the
 * PES intake, training at a TVET provider, a job, the benefit adjusted to it (with the appeal window
 * and an appeal), a year of retention checkpoints and graduation. Caseworkers act through the engine
 * REST API as the demo users, agencies through their simulators' HTTP endpoints; the engine clock is
 * moved instead of waiting for days ({@link EngineClock}).
 *
 * <p>Subclasses choose the database, so the same scenarios prove H2 and PostgreSQL.
 */
abstract class ReferralLifecycleScenarios {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(60);
    private static final Programme WELDING = new Programme("TVET-WELD-01", "Welding fundamentals", "TVET-NORTH", 12);
    /** The placement rules and the demo minimum wage (600) find any wage from this one up suitable. */
    /** VAC-1 of PES's job board (the PES simulator), as the hub reads it before the match. */
    private static final Vacancy MACHINE_OPERATOR = new Vacancy("EMP-ACME", "Acme Manufacturing", "VAC-1",
            "Machine operator", 38, 1450, JobPlacement.CONTRACT_PERMANENT, null);

    @Value("${esp.messaging.acceptor-url}")
    private String acceptorUrl;
    @Autowired
    private ConnectionFactory connectionFactory;
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
    private BigDecimal benefit;

    @BeforeEach
    void referAPersonOnBenefit() {
        hub = new HubClient(port);
        agencies = new SimulatedAgencies(hub);
        clock = new EngineClock(engine.getManagementService(), workers);
        driver = new LifecycleDriver(hub, agencies, AgencyBroker.as(acceptorUrl, AgencyBroker.SA), engine, clock);
        person = anEligiblePersonWithoutAJob();
        benefit = new BigDecimal(agencies.saRecordOf(person).path("monthly_benefit_amount").asText());
    }

    @AfterEach
    void endTheReferralAndResetTheClock() {
        // what still runs would fire its timers when the next test moves the clock
        driver.endIfRunning();
        clock.reset();
    }

    @Test
    void a_referral_from_the_queue_goes_through_training_and_a_job_kept_for_a_year_to_graduated() {
        theFirstBenefitAdjustmentIsApprovedAfterTrainingAndAVerifiedJob();

        JsonNode firstCheckpoint = driver.retentionCheckpointPasses(30);
        assertThat(firstCheckpoint.path("reason").asText()).isEqualTo("INSURED_EMPLOYMENT_ON_RECORD");
        assertThat(agencies.benefitAdjustmentsAt(driver.referenceId()))
                .as("nothing is applied at SA while the appeal window is open").isEmpty();

        driver.appealWindowCloses();
        JsonNode reduced = appliedAdjustments(1).get(0);
        assertThat(reduced.path("adjustment_decision").asText()).isEqualTo(BenefitAdjustment.DECISION_REDUCE);
        assertThat(reduced.path("adjusted_benefit_percent").asInt()).isEqualTo(25);
        assertThat(reduced.path("new_monthly_benefit").decimalValue())
                .isEqualByComparingTo(benefit.multiply(new BigDecimal("0.25")).setScale(2, RoundingMode.HALF_UP));
        assertThat(reduced.path("appeal_outcome").isNull()).as("applied without an appeal").isTrue();

        for (int day : List.of(90, 180, 365)) {
            driver.retentionCheckpointPasses(day);
            driver.pesNotice(JobPlacement.OUTCOME_RETENTION_CONFIRMED,
                    notice -> notice.path("checkpoint_day").asInt() == day);
        }
        assertThat(driver.saNotice(JobPlacement.OUTCOME_STABLE_EMPLOYMENT).path("reason").asText())
                .isEqualTo("ALL_CHECKPOINTS_PASSED");
        driver.pesNotice(JobPlacement.OUTCOME_STABLE_EMPLOYMENT);

        JsonNode graduation = hub.taskVariables(SA_CASEWORKER, driver.adjustmentApprovalTask().path("id").asText());
        assertThat(value(graduation, BenefitAdjustment.VAR_ADJUSTMENT_TRIGGER))
                .isEqualTo(BenefitAdjustment.TRIGGER_STABLE_EMPLOYMENT);
        assertThat(value(graduation, BenefitAdjustment.VAR_ADJUSTMENT_DECISION))
                .isEqualTo(BenefitAdjustment.DECISION_GRADUATE);
        assertThat(value(graduation, BenefitAdjustment.VAR_TAPERING_SCHEDULE)).isEqualTo("75,50,25,0");
        assertThat(Integer.parseInt(value(graduation, BenefitAdjustment.VAR_STABLE_EMPLOYMENT_DAYS)))
                .as("days in the job, on the engine clock").isGreaterThanOrEqualTo(364);
        driver.approveAdjustment();
        assertThat(driver.saNotice(BenefitAdjustment.OUTCOME_ADJUSTMENT_DECIDED,
                notice -> BenefitAdjustment.DECISION_GRADUATE.equals(notice.path("adjustment_decision").asText()))
                .path("tapering_schedule").asText()).isEqualTo("75,50,25,0");
        driver.appealWindowCloses();

        JsonNode graduated = appliedAdjustments(2).get(1);
        assertThat(graduated.path("adjustment_decision").asText()).isEqualTo(BenefitAdjustment.DECISION_GRADUATE);
        assertThat(graduated.path("tapering_schedule").asText()).isEqualTo("75,50,25,0");
        JsonNode notice = driver.saNotice(ReferralToPes.OUTCOME_GRADUATED);
        assertThat(notice.path("reason").asText()).isEqualTo(BenefitAdjustment.ADJUSTMENT_OUTCOME_APPLIED);
        assertThat(notice.path("pes_case_number").asText()).startsWith("PES-");
        driver.tree().awaitEndedAt(ReferralToPes.GRADUATED);
        JsonNode listed = referralAsSaSeesItOverTheApi();
        assertThat(listed.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(listed.path("outcome").asText()).isEqualTo(ReferralToPes.GRADUATED);

        // what the processes decided, as SA's systems search it (read models fed by the deciding steps)
        List<JsonNode> benefits = ofThisReferral(asSaSeesItOverTheApi("employment-benefits", "benefit:read")
                .path("benefits"));
        assertThat(benefits).extracting(b -> b.path("benefit_type").asText()).containsExactlyInAnyOrder("training",
                "benefit_adjustment", "benefit_adjustment");
        assertThat(benefits).extracting(b -> b.path("employment_benefit_subtype").asText()).containsExactlyInAnyOrder(
                WELDING.programmeId(), BenefitAdjustment.DECISION_REDUCE, BenefitAdjustment.DECISION_GRADUATE);
        assertThat(benefits).extracting(b -> b.path("status").asText()).containsExactlyInAnyOrder("completed",
                "active", "active");
        List<JsonNode> placements = ofThisReferral(asSaSeesItOverTheApi("job-placements", "placement:read")
                .path("placements"));
        assertThat(placements).hasSize(1);
        JsonNode placement = placements.get(0);
        assertThat(placement.path("status").asText()).isEqualTo("retained");
        assertThat(placement.path("start_date").asText()).isEqualTo(driver.jobStartDate());
        assertThat(placement.at("/employer/employer_id").asText()).isNotBlank();
    }

    @Test
    void a_training_providers_event_sets_only_what_its_contract_allows_and_a_forged_one_changes_nothing()
            throws Exception {
        driver.referOnQueue(person);
        driver.assessWorkReady(ReferralToPes.PATHWAY_BOTH, "Welding course first, then the job search");
        driver.chooseProgramme(WELDING, LocalDate.ofInstant(clock.now(), ZoneOffset.UTC).plusDays(7));
        driver.saNotice(TrainingEnrolment.OUTCOME_ENROLLED);
        driver.tree().awaitWaitingFor(TrainingEnrolment.MESSAGE_TRAINING_COMPLETED);
        String training = driver.tree().calledInstancesOf(TrainingEnrolment.PROCESS_KEY).get(0).getId();
        List<String> caseVariables = List.of(TrainingEnrolment.VAR_PERSON_ID, TrainingEnrolment.VAR_PROVIDER_ID,
                TrainingEnrolment.VAR_PES_CASE_NUMBER);
        Map<String, Object> trainingBefore = engine.getRuntimeService().getVariables(training, caseVariables);
        Object pathwayBefore = engine.getRuntimeService().getVariable(driver.tree().rootId(), ReferralToPes.VAR_PATHWAY);
        assertThat(trainingBefore).containsEntry(TrainingEnrolment.VAR_PROVIDER_ID, WELDING.providerId());

        // what the provider reports for the record (whom, where) reaches no variable; the rate does
        long assessed = driver.tree().timesPassed(TrainingEnrolment.ASSESS_ATTENDANCE);
        agencies.trainingProviderReports(TrainingEnrolment.MESSAGE_ATTENDANCE_REPORTED, driver.referenceId(),
                Map.of("attendance_rate", 92, "person_id", "99999999999", "provider_id", "TVET-CITY"));
        driver.tree().awaitPassedThrough(TrainingEnrolment.ASSESS_ATTENDANCE, (int) assessed + 1);
        assertThat(engine.getRuntimeService().getVariables(training, caseVariables)).isEqualTo(trainingBefore);
        assertThat(engine.getRuntimeService().getVariable(training, TrainingEnrolment.VAR_ATTENDANCE_RATE))
                .isEqualTo(92L);

        // fields outside the contract: the whole event is refused and parked
        agencies.trainingProviderReports(TrainingEnrolment.MESSAGE_ATTENDANCE_REPORTED, driver.referenceId(),
                Map.of("attendance_rate", 10, "pathway", ReferralToPes.PATHWAY_JOB_SEARCH, "pes_case_number", "PES-FORGED"));
        Message forged = parked("EspRejectionReason LIKE '%pes_case_number%'");
        assertThat(forged.getStringProperty("EspRejectionCode")).isEqualTo("err.request.bad");
        assertThat(forged.getStringProperty("EspRejectionReason")).contains("pathway");

        // an employer may not report attendance at all
        String marker = UUID.randomUUID().toString();
        AgencyBroker.as(acceptorUrl, AgencyBroker.EMPLOYER).send("esp.pes.events.in", session -> {
            Message message = session.createTextMessage("""
                    {"header": {"message_id": "%s", "sender_id": "employer.example.org"},
                     "message": {"event_type": "AttendanceReported", "reference_id": "%s", "attendance_rate": 5}}"""
                    .formatted(marker, driver.referenceId()));
            message.setStringProperty("testMarker", marker);
            return message;
        });
        assertThat(parked("testMarker = '" + marker + "'").getStringProperty("EspRejectionCode"))
                .isEqualTo("err.request.forbidden");

        assertThat(engine.getRuntimeService().getVariables(training, caseVariables)).isEqualTo(trainingBefore);
        assertThat(engine.getRuntimeService().getVariable(training, TrainingEnrolment.VAR_ATTENDANCE_RATE))
                .isEqualTo(92L);
        assertThat(engine.getRuntimeService().getVariable(driver.tree().rootId(), ReferralToPes.VAR_PATHWAY))
                .isEqualTo(pathwayBefore);
    }

    /** The message parked in DLQ that matches the selector, waiting for it. */
    private Message parked(String selector) {
        JmsTemplate deadLetters = new JmsTemplate(connectionFactory);
        deadLetters.setReceiveTimeout(Duration.ofSeconds(30).toMillis());
        Message parked = deadLetters.receiveSelected("DLQ", selector);
        assertThat(parked).as("parked in DLQ: " + selector).isNotNull();
        return parked;
    }

    @Test
    void an_appeal_that_overturns_the_benefit_adjustment_keeps_it_from_being_applied_at_sa() {
        theFirstBenefitAdjustmentIsApprovedAfterTrainingAndAVerifiedJob();

        String grounds = "The job is on trial for three months; 25 % of my benefit leaves my family short";
        driver.beneficiaryAppeals(grounds);
        assertThat(driver.saNotice(Appeal.NOTICE_APPEAL_RECEIVED).path("decision_type").asText())
                .isEqualTo(BenefitAdjustment.DECISION_TYPE);

        JsonNode review = driver.appealReviewTask();
        assertThat(driver.hasTask(SA_CASEWORKER, Appeal.REVIEW_APPEAL)).as("appeals are not SA's inbox").isFalse();
        JsonNode record = hub.taskVariables(APPEALS_OFFICER, review.path("id").asText());
        assertThat(value(record, Appeal.VAR_DECISION_TYPE)).isEqualTo(BenefitAdjustment.DECISION_TYPE);
        assertThat(value(record, Appeal.VAR_DECISION)).isEqualTo(BenefitAdjustment.DECISION_REDUCE);
        assertThat(value(record, Appeal.VAR_DECISION_BENEFIT_PERCENT)).isEqualTo("25");
        assertThat(value(record, Appeal.VAR_DECISION_RULE_ID))
                .isEqualTo(BenefitAdjustment.RULE_SUFFICIENT_EARNINGS_NOT_YET_STABLE);
        assertThat(value(record, Appeal.VAR_DECISION_SUMMARY)).startsWith("REDUCE: benefit at 25 %");
        assertThat(value(record, Appeal.VAR_DECIDED_BY)).isEqualTo(SA_CASEWORKER);
        assertThat(value(record, Appeal.VAR_APPEAL_GROUNDS)).isEqualTo(grounds);

        String reasoning = "The employment is probationary; the reduction waits until the job is confirmed";
        driver.decideAppeal(Appeal.OUTCOME_OVERTURNED, reasoning);

        assertThat(driver.saNotice(Appeal.NOTICE_APPEAL_OVERTURNED).path("reason").asText()).isEqualTo(reasoning);
        assertThat(driver.pesNotice(Appeal.NOTICE_APPEAL_OVERTURNED).path("reason").asText()).isEqualTo(reasoning);
        HistoricProcessInstance adjustment = endedAdjustment();
        assertThat(adjustment.getEndActivityId()).isEqualTo(BenefitAdjustment.ADJUSTMENT_OVERTURNED);
        assertThat(agencies.benefitAdjustmentsAt(driver.referenceId()))
                .as("an overturned adjustment never reaches SA's benefit administration").isEmpty();
        assertThat(engine.getRuntimeService().getVariable(driver.tree().rootId(),
                ReferralToPes.VAR_PLACEMENT_ADJUSTMENT_OUTCOME))
                .as("the referral learns the outcome").isEqualTo(BenefitAdjustment.ADJUSTMENT_OUTCOME_OVERTURNED);
        assertThat(driver.tree().pendingTimerActivities())
                .as("the appeal closed the window; retention monitoring goes on")
                .doesNotContain(BenefitAdjustment.APPEAL_WINDOW_CLOSED).contains(JobPlacement.CHECKPOINT_REACHED);
    }

    /**
     * The common path of both scenarios, asserting what each agency received on the way: referral,
     * intake (training and job search), welding course from reservation to completion, a job matched,
     * accepted, started and verified against the tax record, and the benefit adjustment the verified
     * job triggers, approved by the SA caseworker.
     */
    @Test
    void the_persons_data_tracker_lists_each_exchange_with_purpose_and_law_and_never_a_value() throws Exception {
        theFirstBenefitAdjustmentIsApprovedAfterTrainingAndAVerifiedJob();
        JsonNode saRecord = agencies.saRecordOf(person);
        String tracker = "/dci/employment/v1.0.0/persons/{person}/data-tracker";
        String sa = hub.clientToken("sa-system", Scopes.PERSON_RIGHTS);

        HubClient.Answer answer = hub.getWithToken(sa, tracker, person);

        assertThat(answer.status()).isEqualTo(200);
        List<JsonNode> exchanges = new ArrayList<>();
        answer.json().path("exchanges").forEach(exchanges::add);
        assertThat(exchanges).extracting(e -> e.path("exchange").asText())
                .as("the referral, the training, the placement and the adjustment")
                .contains("pes-register-jobseeker", "tvet-reserve-slot", "employer-propose-candidate",
                        "tax-verify-employment", "sa-notify-outcome");
        assertThat(exchanges).allSatisfy(e -> {
            assertThat(e.path("purpose").asText()).isNotBlank();
            assertThat(e.path("legal_basis").asText()).isNotBlank();
            assertThat(e.path("agreement").asText()).contains("@");
            assertThat(e.path("to").path("id").asText()).isNotBlank();
        });
        assertThat(exchanges).filteredOn(e -> e.path("exchange").asText().equals("pes-register-jobseeker")).first()
                .satisfies(e -> {
                    assertThat(e.path("data_categories").toString()).contains("identity");
                    assertThat(e.path("from").findValuesAsText("id")).contains("sa.gov.example");
                    assertThat(e.path("to").path("id").asText()).isEqualTo("pes.gov.example");
                    assertThat(e.path("consent_id").asText()).as("the referral's consent").isNotBlank();
                });
        JsonNode explained = driver.saNotice(BenefitAdjustment.OUTCOME_ADJUSTMENT_DECIDED).path("explanation");
        assertThat(explained.path("rule_id").asText()).as("the DMN rule that proposed it")
                .isEqualTo(BenefitAdjustment.RULE_SUFFICIENT_EARNINGS_NOT_YET_STABLE);
        assertThat(explained.path("approved_by").asText()).isEqualTo(SA_CASEWORKER);
        assertThat(explained.path("appeal").path("deadline").asText()).isNotBlank();
        assertThat(exchanges).as("the tracker shows what the notice told the person")
                .anySatisfy(e -> assertThat(e.path("explanation").asText())
                        .isEqualTo(explained.path("summary").asText()).contains("To appeal"));
        // a notice lists the explanation among what moved only when it carried one
        assertThat(exchanges).filteredOn(e -> e.path("exchange").asText().equals("sa-notify-outcome"))
                .allSatisfy(e -> assertThat(e.path("data_categories").toString().contains("explanation of a decision"))
                        .as("%s", e).isEqualTo(!e.path("explanation").isNull() && !e.path("explanation").isMissingNode()));
        assertThat(answer.body()).as("categories, never values")
                .doesNotContain(saRecord.path("given_name").asText(), saRecord.path("family_name").asText(),
                        saRecord.path("monthly_benefit_amount").asText(), "Welding fundamentals");

        assertThat(list(hub.auditedAbout(person))).as("the call is audited")
                .anySatisfy(e -> {
                    assertThat(e.path("exchange").asText()).isEqualTo("api.get-data-tracker");
                    assertThat(e.path("purpose").asText()).isEqualTo("DATA_SUBJECT_RIGHTS");
                    assertThat(e.path("actor_id").asText()).isEqualTo("sa-system");
                });
        assertThat(hub.getWithToken(hub.clientToken("pes-system", Scopes.PERSON_RIGHTS), tracker, person).json()
                .path("exchanges").findValuesAsText("exchange"))
                .as("a tracker lists the earlier requests for it").contains("api.get-data-tracker");

        HubClient.Answer forbidden = hub.getWithToken(hub.clientToken("sa-system", "referral:read"), tracker, person);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().path("errors").get(0).path("code").asText()).isEqualTo("err.request.forbidden");
        HubClient.Answer malformed = hub.getWithToken(sa, tracker, "not a person!");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("errors").get(0).path("code").asText()).isEqualTo("err.request.bad");
        HubClient.Answer unknown = hub.getWithToken(sa, tracker, "NOBODY-" + UUID.randomUUID().toString().substring(0, 8));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("errors").get(0).path("code").asText()).isEqualTo("err.request.not_found");

        HubClient.Answer page = hub.getAccepting(SA_CASEWORKER, "text/html", "/api/persons/{person}/data-tracker", person);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Who used your data", "the Social Assistance Agency sent the Public"
                + " Employment Service these kinds of data about you: identity", "The law that allows it: Social Assistance Act")
                .doesNotContain(saRecord.path("given_name").asText());
        assertThat(hub.getAccepting("auditor", "text/html", "/api/persons/{person}/data-tracker", person).status())
                .as("caseworkers of SA and PES hand it over").isEqualTo(403);
        byte[] pdf = hub.raw().get().uri("/api/persons/{person}/data-tracker.pdf", person)
                .headers(h -> h.setBasicAuth(PES_CASEWORKER, HubClient.DEMO_PASSWORD)).retrieve().body(byte[].class);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " "))
                    .contains("Who used your data", "The law that allows it");
        }
    }

    private void theFirstBenefitAdjustmentIsApprovedAfterTrainingAndAVerifiedJob() {
        driver.referOnQueue(person);
        driver.assessWorkReady(ReferralToPes.PATHWAY_BOTH, "Welding course first, then the job search");
        assertThat(driver.saNotice(ReferralToPes.OUTCOME_SERVICES_COMMENCED).path("reason").asText())
                .isEqualTo(ReferralToPes.PATHWAY_BOTH);

        driver.chooseProgramme(WELDING, LocalDate.ofInstant(clock.now(), ZoneOffset.UTC).plusDays(7));
        assertThat(driver.saNotice(TrainingEnrolment.OUTCOME_ENROLLED).path("programme_id").asText())
                .isEqualTo(WELDING.programmeId());
        JsonNode request = agencies.trainingBenefitRequestsAt(driver.referenceId()).get(0);
        assertThat(request.path("status").asText()).as("SA decided the training benefit").isEqualTo("APPROVED");
        assertThat(request.path("requested_benefits")).extracting(JsonNode::asText).containsExactly(
                TrainingEnrolment.BENEFIT_TRAINING_ALLOWANCE, TrainingEnrolment.BENEFIT_TRANSPORTATION);
        assertThat(trainingPlace().path("status").asText()).isEqualTo("ENROLLED");

        driver.providerReportsAttendance(92);
        driver.providerReportsCompletion();
        assertThat(driver.saNotice(TrainingEnrolment.OUTCOME_COMPLETED).path("programme_id").asText())
                .isEqualTo(WELDING.programmeId());
        assertThat(trainingPlace().path("status").asText()).isEqualTo("COMPLETED");

        Vacancy vacancy = aVacancyPayingWellAbove(benefit);
        driver.matchVacancyStartingIn(2, vacancy);
        driver.employerAccepts();
        JsonNode proposal = agencies.proposalsAt(driver.referenceId()).get(0);
        assertThat(proposal.path("vacancy_id").asText()).isEqualTo(vacancy.vacancyId());
        assertThat(proposal.path("status").asText()).isEqualTo("ACCEPTED");

        driver.startDateArrives();
        assertThat(driver.tree().pendingTimerActivities())
                .as("the record does not show the job yet: the hub looks again later")
                .contains(JobPlacement.RECHECK_WAIT);
        driver.employerReportsPlacement();
        assertThat(agencies.insuredEmploymentOf(person).path("employments").findValuesAsText("start_date"))
                .as("the employer declared the job to the tax authority").contains(driver.jobStartDate());
        driver.recordIsCheckedAgain();
        JsonNode verified = driver.saNotice(JobPlacement.OUTCOME_PLACEMENT_VERIFIED);
        assertThat(verified.path("employer_id").asText()).isEqualTo(vacancy.employerId());
        assertThat(verified.path("start_date").asText()).isEqualTo(driver.jobStartDate());
        assertThat(verified.path("monthly_wage").asInt()).isEqualTo(vacancy.monthlyWage());
        driver.pesNotice(JobPlacement.OUTCOME_PLACEMENT_VERIFIED);

        JsonNode approval = driver.adjustmentApprovalTask();
        assertThat(driver.hasTask(PES_CASEWORKER, BenefitAdjustment.APPROVE_ADJUSTMENT))
                .as("benefit decisions are SA's").isFalse();
        JsonNode decided = hub.taskVariables(SA_CASEWORKER, approval.path("id").asText());
        assertThat(value(decided, BenefitAdjustment.VAR_ADJUSTMENT_TRIGGER))
                .isEqualTo(BenefitAdjustment.TRIGGER_PLACEMENT_VERIFIED);
        assertThat(value(decided, BenefitAdjustment.VAR_ADJUSTMENT_DECISION))
                .isEqualTo(BenefitAdjustment.DECISION_REDUCE);
        assertThat(value(decided, BenefitAdjustment.VAR_ADJUSTMENT_RULE_ID))
                .isEqualTo(BenefitAdjustment.RULE_SUFFICIENT_EARNINGS_NOT_YET_STABLE);
        driver.approveAdjustment();
        JsonNode notice = driver.saNotice(BenefitAdjustment.OUTCOME_ADJUSTMENT_DECIDED);
        assertThat(notice.path("adjustment_decision").asText()).isEqualTo(BenefitAdjustment.DECISION_REDUCE);
        assertThat(notice.path("adjusted_benefit_percent").asInt()).isEqualTo(25);
        assertThat(notice.path("appeal_deadline").asText()).as("the beneficiary learns until when to appeal")
                .isNotBlank();
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /**
     * Someone the referral rules accept whom the tax authority does not record in insured work: about
     * a third of the simulated population has a job on record, which would verify a placement before
     * the employer reports it and leave no record check to wait for.
     */
    private String anEligiblePersonWithoutAJob() {
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

    /**
     * The permanent full-time job on PES's job board, paying at least twice the benefit: the rules cut
     * the benefit, then graduate.
     */
    private static Vacancy aVacancyPayingWellAbove(BigDecimal benefit) {
        assertThat(BigDecimal.valueOf(MACHINE_OPERATOR.monthlyWage())).as("the job board's wage against twice the benefit")
                .isGreaterThanOrEqualTo(benefit.multiply(BigDecimal.valueOf(2)));
        return MACHINE_OPERATOR;
    }

    private JsonNode trainingPlace() {
        JsonNode places = agencies.trainingPlacesAt(driver.referenceId());
        assertThat(places).as("places held for the referral").hasSize(1);
        assertThat(places.get(0).path("programme_id").asText()).isEqualTo(WELDING.programmeId());
        return places.get(0);
    }

    private JsonNode appliedAdjustments(int count) {
        return await().atMost(FLOW_TIMEOUT).alias(count + " adjustments applied at SA")
                .until(() -> agencies.benefitAdjustmentsAt(driver.referenceId()), applied -> applied.size() == count);
    }

    private HistoricProcessInstance endedAdjustment() {
        return await().atMost(FLOW_TIMEOUT).alias("the benefit adjustment ended")
                .until(() -> driver.tree().calledInstancesOf(BenefitAdjustment.PROCESS_KEY).get(0),
                        adjustment -> adjustment.getEndTime() != null);
    }

    /** {@code GET /referrals?reference_id=} as the SA system that sent the referral. */
    private JsonNode referralAsSaSeesItOverTheApi() {
        String token = hub.clientToken("sa-system", "referral:read");
        JsonNode page = hub.raw().get()
                .uri("/dci/employment/v1.0.0/referrals?reference_id={ref}", driver.referenceId())
                .headers(h -> h.setBearerAuth(token))
                .retrieve().body(JsonNode.class);
        assertThat(page.path("referrals")).as("referrals listed for %s", driver.referenceId()).hasSize(1);
        return page.path("referrals").get(0);
    }

    /** The records of a search page that belong to this test's referral. */
    private List<JsonNode> ofThisReferral(JsonNode records) {
        List<JsonNode> mine = new ArrayList<>();
        records.forEach(record -> {
            if (driver.referenceId().equals(record.path("referral_id").asText())) {
                mine.add(record);
            }
        });
        return mine;
    }

    /** One page of a companion search about the referral's person, as SA's systems ask for it. */
    private JsonNode asSaSeesItOverTheApi(String search, String scope) {
        String token = hub.clientToken("sa-system", scope);
        return hub.raw().get().uri("/dci/employment/v1.0.0/" + search + "?person_id={person}", person)
                .headers(h -> h.setBearerAuth(token)).retrieve().body(JsonNode.class);
    }

    /** A variable of a REST variables answer ({@code name -> {value, type}}), as text. */
    private static String value(JsonNode variables, String name) {
        return variables.path(name).path("value").asText();
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
