package org.esphub.hub.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.esphub.hub.support.Referrals.Referral;
import org.esphub.processes.Appeal;
import org.esphub.processes.BenefitAdjustment;
import org.esphub.processes.JobPlacement;
import org.esphub.processes.PesReportedPlacement;
import org.esphub.processes.ReferralToPes;
import org.esphub.processes.ReturnToWork;
import org.esphub.processes.TrainingEnrolment;
import org.springframework.jms.core.JmsTemplate;

/**
 * Plays one referral through its lifecycle on the running hub, the way the people and systems
 * involved do: SA puts the referral on {@code esp.referrals.in}, caseworkers complete their Tasklist
 * tasks over the engine REST API as themselves, the agencies' simulators send their events over
 * HTTP, and the waits of the models (start date, record re-check, retention checkpoints, appeal
 * window) pass by moving the engine clock. Each step waits until the referral is ready for it and
 * returns once the hub has taken it; the scenario asserts what the agencies received in between.
 */
public final class LifecycleDriver {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String REFERRALS_QUEUE = "esp.referrals.in";
    /** The hub's {@code esp.calendar.zone}: where the day a job starts begins. */
    private static final ZoneId CALENDAR_ZONE = ZoneOffset.UTC;
    /** Demo users of the default profile, one per agency role. */
    public static final String PES_CASEWORKER = "pes-worker";
    public static final String SA_CASEWORKER = "sa-worker";
    public static final String APPEALS_OFFICER = "appeals-officer";

    /** A training programme of the TVET provider's catalogue, as the hub reads it before the choice. */
    public record Programme(String programmeId, String programmeName, String providerId, int durationWeeks) {
    }

    /** A vacancy open at PES with its employer and terms, as the hub reads it before the match. */
    public record Vacancy(String employerId, String employerName, String vacancyId, String jobTitle,
            int hoursPerWeek, int monthlyWage, String contractType, Integer contractMonths) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HubClient hub;
    private final SimulatedAgencies agencies;
    private final JmsTemplate jms;
    private final ProcessEngine engine;
    private final EngineClock clock;

    private String referenceId;
    private ReferralTree tree;
    private String jobStartDate;

    public LifecycleDriver(HubClient hub, SimulatedAgencies agencies, JmsTemplate jms, ProcessEngine engine,
            EngineClock clock) {
        this.hub = hub;
        this.agencies = agencies;
        this.jms = jms;
        this.engine = engine;
        this.clock = clock;
    }

    // ---- SA refers ---------------------------------------------------------------------------------

    /** SA sends a create-referral envelope for the person on the referrals queue. */
    public Referral referOnQueue(String personId) {
        Referral referral = Referrals.forPerson(personId);
        jms.convertAndSend(REFERRALS_QUEUE, referral.json());
        referenceId = referral.referenceId();
        tree = new ReferralTree(engine, referenceId);
        return referral;
    }

    /**
     * Follows a placement PES reported outside a referral (pes-reported-placement) instead of a
     * referral: its reference_id is the business key, the job starts on {@code startDate}.
     */
    public void followPlacementReportedByPes(String placementId, String startDate) {
        referenceId = placementId;
        tree = new ReferralTree(engine, placementId, PesReportedPlacement.PROCESS_KEY);
        jobStartDate = startDate;
    }

    /**
     * Follows a return to work SA referred (return-to-work) instead of a referral: its reference_id is
     * the business key; the graded return's job-placement and benefit-adjustment run under it.
     */
    public void followReturnToWork(String returnReferenceId) {
        referenceId = returnReferenceId;
        tree = new ReferralTree(engine, returnReferenceId, ReturnToWork.PROCESS_KEY);
    }

    public String referenceId() {
        return referenceId;
    }

    /** The engine's view of the referral's instances. */
    public ReferralTree tree() {
        return tree;
    }

    /** The day the job started, as the counsellor matched it (ISO date). */
    public String jobStartDate() {
        return jobStartDate;
    }

    // ---- PES caseworker ----------------------------------------------------------------------------

    /** The PES caseworker finds the person work-ready and agrees the pathway ({@code ReferralToPes.PATHWAY_*}). */
    public void assessWorkReady(String pathway, String notes) {
        complete(PES_CASEWORKER, ReferralToPes.INTAKE, Map.of(
                ReferralToPes.VAR_WORK_READY, true, ReferralToPes.VAR_PATHWAY, pathway,
                ReferralToPes.VAR_BARRIERS, "", ReferralToPes.VAR_NOTES, notes));
    }

    /**
     * The counsellor picks the programme among those the form offers (the provider's catalogue, read by
     * the hub before the task) and asks for the training allowance and transport; the hub takes the
     * programme's name, provider and duration from the catalogue.
     */
    public void chooseProgramme(Programme programme, LocalDate startDate) {
        String taskId = awaitTask(PES_CASEWORKER, TrainingEnrolment.CHOOSE_PROGRAMME).path("id").asText();
        JsonNode offered = offeredIn(taskId);
        assertThat(optionValues(offered, TrainingEnrolment.VAR_PROGRAMME_OPTIONS)).as("programmes the form offers")
                .contains(programme.programmeId());
        JsonNode entry = json(offered, TrainingEnrolment.VAR_PROGRAMME_CATALOGUE).path(programme.programmeId());
        assertThat(entry.path(TrainingEnrolment.VAR_PROGRAMME_NAME).asText()).isEqualTo(programme.programmeName());
        assertThat(entry.path(TrainingEnrolment.VAR_PROVIDER_ID).asText()).isEqualTo(programme.providerId());
        assertThat(entry.path(TrainingEnrolment.VAR_DURATION_WEEKS).asInt()).isEqualTo(programme.durationWeeks());
        Map<String, Object> form = new LinkedHashMap<>();
        form.put(TrainingEnrolment.VAR_NO_SUITABLE_PROGRAMME, value(false));
        form.put(TrainingEnrolment.VAR_PROGRAMME_ID, value(programme.programmeId()));
        form.put(TrainingEnrolment.VAR_START_DATE, value(startDate.toString()));
        // a checklist is submitted as a JSON variable, as Tasklist's form does
        form.put(TrainingEnrolment.VAR_REQUESTED_BENEFITS, Map.of("type", "Json", "value",
                "[\"" + TrainingEnrolment.BENEFIT_TRAINING_ALLOWANCE + "\",\""
                        + TrainingEnrolment.BENEFIT_TRANSPORTATION + "\"]"));
        assertThat(hub.completeTaskWithRestVariables(PES_CASEWORKER, taskId, form))
                .as("%s completes %s", PES_CASEWORKER, TrainingEnrolment.CHOOSE_PROGRAMME).isEqualTo(204);
    }

    /**
     * The counsellor matches the person to a vacancy that starts {@code days} days from today on the
     * engine's clock; at least 2, so the start-date timer cannot fall due on its own around midnight.
     */
    public void matchVacancyStartingIn(int days, Vacancy vacancy) {
        assertThat(days).as("days until the start").isGreaterThanOrEqualTo(2);
        jobStartDate = LocalDate.ofInstant(clock.now(), CALENDAR_ZONE).plusDays(days).toString();
        String taskId = awaitTask(PES_CASEWORKER, JobPlacement.MATCH_VACANCY).path("id").asText();
        JsonNode offered = offeredIn(taskId);
        assertThat(optionValues(offered, JobPlacement.VAR_VACANCY_OPTIONS)).as("vacancies the form offers")
                .contains(vacancy.vacancyId());
        JsonNode entry = json(offered, JobPlacement.VAR_VACANCY_CATALOGUE).path(vacancy.vacancyId());
        assertThat(entry.path(JobPlacement.VAR_EMPLOYER_ID).asText()).isEqualTo(vacancy.employerId());
        assertThat(entry.path(JobPlacement.VAR_EMPLOYER_NAME).asText()).isEqualTo(vacancy.employerName());
        assertThat(entry.path(JobPlacement.VAR_MONTHLY_WAGE).asInt()).isEqualTo(vacancy.monthlyWage());
        assertThat(entry.path(JobPlacement.VAR_CONTRACT_TYPE).asText()).isEqualTo(vacancy.contractType());
        Map<String, Object> form = new LinkedHashMap<>();
        form.put(JobPlacement.VAR_NO_SUITABLE_VACANCY, false);
        form.put(JobPlacement.VAR_VACANCY_ID, vacancy.vacancyId());
        form.put(JobPlacement.VAR_START_DATE, jobStartDate);
        form.put(JobPlacement.VAR_MATCHING_NOTES, "Met the employer at the job fair");
        assertThat(hub.completeTask(PES_CASEWORKER, taskId, form))
                .as("%s completes %s", PES_CASEWORKER, JobPlacement.MATCH_VACANCY).isEqualTo(204);
    }

    /** The task's variables as Tasklist reads them for a form: JSON variables as their JSON text. */
    private JsonNode offeredIn(String taskId) {
        HubClient.Answer variables = hub.get(PES_CASEWORKER, "/engine-rest/task/{id}/variables?deserializeValues=false",
                taskId);
        assertThat(variables.status()).as(variables.body()).isEqualTo(200);
        return variables.json();
    }

    /** The values of a select's options, a JSON variable of {@code {label, value}} the lookup filled. */
    private static java.util.List<String> optionValues(JsonNode variables, String name) {
        return json(variables, name).findValuesAsText("value");
    }

    /** A JSON variable as the engine REST API hands it over, not deserialized: its JSON text. */
    private static JsonNode json(JsonNode variables, String name) {
        JsonNode value = variables.path(name).path("value");
        assertThat(value.isTextual()).as("%s is a JSON variable: %s", name, variables.path(name)).isTrue();
        try {
            return JSON.readTree(value.asText());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("variable " + name + " is not JSON: " + value.asText(), e);
        }
    }

    // ---- training provider --------------------------------------------------------------------------

    /** The provider reports the share of sessions attended; returns once the hub has assessed it. */
    public void providerReportsAttendance(int attendanceRate) {
        tree.awaitWaitingFor(TrainingEnrolment.MESSAGE_TRAINING_COMPLETED);
        long assessed = tree.timesPassed(TrainingEnrolment.ASSESS_ATTENDANCE);
        agencies.trainingProviderReports(TrainingEnrolment.MESSAGE_ATTENDANCE_REPORTED, referenceId(),
                Map.of("attendance_rate", attendanceRate));
        tree.awaitPassedThrough(TrainingEnrolment.ASSESS_ATTENDANCE, (int) assessed + 1);
    }

    /** The provider reports the training completed. */
    public void providerReportsCompletion() {
        tree.awaitWaitingFor(TrainingEnrolment.MESSAGE_TRAINING_COMPLETED);
        agencies.trainingProviderReports(TrainingEnrolment.MESSAGE_TRAINING_COMPLETED, referenceId(), Map.of());
    }

    // ---- employer ----------------------------------------------------------------------------------

    /** The employer accepts the candidate on the vacancy's terms. */
    public void employerAccepts() {
        tree.awaitWaitingFor(JobPlacement.MESSAGE_EMPLOYER_DECIDED);
        agencies.employerReports(JobPlacement.MESSAGE_EMPLOYER_DECIDED, referenceId(),
                Map.of("employer_accepted", true));
    }

    /** The employer reports the person started; the simulator declares the job to the tax authority. */
    public void employerReportsPlacement() {
        tree.awaitWaitingFor(JobPlacement.MESSAGE_PLACEMENT_REPORTED);
        agencies.employerReports(JobPlacement.MESSAGE_PLACEMENT_REPORTED, referenceId(), Map.of());
        tree.awaitPassedThrough(JobPlacement.PLACEMENT_REPORTED, 1);
    }

    // ---- time passes -------------------------------------------------------------------------------

    /** The job's start date arrives and the hub checks the tax / social-insurance record for it. */
    public void startDateArrives() {
        fire(JobPlacement.START_DATE_REACHED);
        tree.awaitPassedThrough(JobPlacement.VERIFY_EMPLOYMENT, 1);
    }

    /** The wait between two looks at the record ends, and the hub looks again. */
    public void recordIsCheckedAgain() {
        long checks = tree.timesPassed(JobPlacement.VERIFY_EMPLOYMENT);
        fire(JobPlacement.RECHECK_WAIT);
        tree.awaitPassedThrough(JobPlacement.VERIFY_EMPLOYMENT, (int) checks + 1);
    }

    /**
     * The retention checkpoint {@code day} days after the start arrives; returns the notice SA got
     * that the person is still in insured employment.
     */
    public JsonNode retentionCheckpointPasses(int day) {
        Job checkpoint = tree.awaitNextTimer(JobPlacement.CHECKPOINT_REACHED);
        assertThat(checkpoint.getDuedate().toInstant())
                .as("checkpoint %d is due %d days after the start", day, day)
                .isEqualTo(LocalDate.parse(jobStartDate).plusDays(day).atStartOfDay(CALENDAR_ZONE).toInstant());
        clock.fire(checkpoint);
        return saNotice(JobPlacement.OUTCOME_RETENTION_CONFIRMED,
                notice -> notice.path("checkpoint_day").asInt() == day);
    }

    /** The appeal window of the benefit adjustment under way closes without an appeal. */
    public void appealWindowCloses() {
        fire(BenefitAdjustment.APPEAL_WINDOW_CLOSED);
    }

    // ---- SA caseworker, the beneficiary, the appeals officer -----------------------------------------

    /** The SA caseworker's approval task of the benefit adjustment under way, once it is in the inbox. */
    public JsonNode adjustmentApprovalTask() {
        return awaitTask(SA_CASEWORKER, BenefitAdjustment.APPROVE_ADJUSTMENT);
    }

    /** The SA caseworker approves the benefit adjustment the rules decided. */
    public void approveAdjustment() {
        complete(SA_CASEWORKER, BenefitAdjustment.APPROVE_ADJUSTMENT,
                Map.of(BenefitAdjustment.VAR_APPROVAL_DECISION, BenefitAdjustment.APPROVAL_APPROVED));
    }

    /** The beneficiary appeals the adjustment at SA, which reports it to the hub. */
    public void beneficiaryAppeals(String grounds) {
        tree.awaitWaitingFor(BenefitAdjustment.MESSAGE_APPEAL_FILED);
        agencies.saReports(BenefitAdjustment.MESSAGE_APPEAL_FILED, referenceId(), Map.of("appeal_grounds", grounds));
    }

    /** The appeals officer's review task, once it is in the inbox. */
    public JsonNode appealReviewTask() {
        return awaitTask(APPEALS_OFFICER, Appeal.REVIEW_APPEAL);
    }

    /** The appeals officer decides the appeal ({@code Appeal.OUTCOME_*}) with reasons. */
    public void decideAppeal(String outcome, String reasoning) {
        complete(APPEALS_OFFICER, Appeal.REVIEW_APPEAL,
                Map.of(Appeal.VAR_APPEAL_OUTCOME, outcome, Appeal.VAR_APPEAL_REASONING, reasoning));
    }

    // ---- what the agencies received ------------------------------------------------------------------

    /** The notice SA received about the referral with this outcome code, once it is there. */
    public JsonNode saNotice(String outcome) {
        return saNotice(outcome, notice -> true);
    }

    /** The notice SA received about the referral with this outcome code that also matches {@code which}. */
    public JsonNode saNotice(String outcome, Predicate<JsonNode> which) {
        return awaitNotice("SA", () -> hub.saNotificationsAbout(referenceId()), outcome, which);
    }

    /** The notice PES received about the referral with this outcome code, once it is there. */
    public JsonNode pesNotice(String outcome) {
        return pesNotice(outcome, notice -> true);
    }

    /** The notice PES received about the referral with this outcome code that also matches {@code which}. */
    public JsonNode pesNotice(String outcome, Predicate<JsonNode> which) {
        return awaitNotice("PES", () -> agencies.pesNotificationsAbout(referenceId()), outcome, which);
    }

    /** The task of {@code user}'s inbox at {@code taskDefinitionKey} in this referral, once it is there. */
    public JsonNode awaitTask(String user, String taskDefinitionKey) {
        return await().atMost(TIMEOUT)
                .alias(String.format("%s has a %s task for %s", user, taskDefinitionKey, referenceId()))
                .until(() -> taskOrNull(user, taskDefinitionKey), task -> task != null);
    }

    /** Whether {@code user}'s inbox holds a task of this referral at {@code taskDefinitionKey} now. */
    public boolean hasTask(String user, String taskDefinitionKey) {
        return taskOrNull(user, taskDefinitionKey) != null;
    }

    /** Ends what still runs of the referral, so its timers do not fire when the next test moves the clock. */
    public void endIfRunning() {
        if (tree != null) {
            tree.endIfRunning("end of test");
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private void fire(String timerActivityId) {
        clock.fire(tree.awaitNextTimer(timerActivityId));
    }

    private void complete(String user, String taskDefinitionKey, Map<String, Object> form) {
        String taskId = awaitTask(user, taskDefinitionKey).path("id").asText();
        assertThat(hub.completeTask(user, taskId, form)).as("%s completes %s", user, taskDefinitionKey)
                .isEqualTo(204);
    }

    private JsonNode taskOrNull(String user, String taskDefinitionKey) {
        for (JsonNode task : hub.tasksOf(user, referenceId())) {
            if (taskDefinitionKey.equals(task.path("taskDefinitionKey").asText())) {
                return task;
            }
        }
        return null;
    }

    private static Map<String, Object> value(Object value) {
        return Map.of("value", value);
    }

    private JsonNode awaitNotice(String agency, Supplier<JsonNode> received, String outcome,
            Predicate<JsonNode> which) {
        return await().atMost(TIMEOUT).alias(String.format("%s received %s about %s", agency, outcome, referenceId()))
                .until(() -> noticeOrNull(received.get(), outcome, which), notice -> notice != null);
    }

    private static JsonNode noticeOrNull(JsonNode notifications, String outcome, Predicate<JsonNode> which) {
        for (JsonNode notification : notifications) {
            JsonNode message = notification.path("body").path("message");
            if (outcome.equals(message.path("outcome").asText()) && which.test(message)) {
                return message;
            }
        }
        return null;
    }
}
