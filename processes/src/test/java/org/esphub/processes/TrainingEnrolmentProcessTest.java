package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.esphub.processes.LifecycleProcessSteps.agencyReports;
import static org.esphub.processes.LifecycleProcessSteps.assertIsoDateField;
import static org.esphub.processes.LifecycleProcessSteps.assertOpensForm;
import static org.esphub.processes.LifecycleProcessSteps.assertServiceTaskConventions;
import static org.esphub.processes.LifecycleProcessSteps.assertUserTaskConventions;
import static org.esphub.processes.LifecycleProcessSteps.at;
import static org.esphub.processes.LifecycleProcessSteps.fieldKeys;
import static org.esphub.processes.LifecycleProcessSteps.jobAt;
import static org.esphub.processes.LifecycleProcessSteps.vars;
import static org.esphub.processes.LifecycleProcessSteps.workerCompletes;
import static org.esphub.processes.TrainingEnrolment.*;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.spin.plugin.variable.SpinValues;
import org.esphub.processes.decisions.DecisionNotices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.jayway.jsonpath.DocumentContext;

/**
 * training-enrolment, path by path. External tasks are completed the way a worker does it, agency
 * events are correlated the way the hub's event intake does it, async continuations and timers are
 * driven by executing their jobs.
 */
@Deployment(resources = {BPMN_RESOURCE, DMN_RESOURCE, FORM_PROGRAMME_CHOICE_RESOURCE,
        FORM_ATTENDANCE_COUNSELLING_RESOURCE, FORM_ATTENDANCE_WARNING_REVIEW_RESOURCE})
class TrainingEnrolmentProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private static final ZoneId ZONE = ZoneId.of("UTC");
    private static final Date MONDAY_3_MARCH_2025_0900 = at(2025, 3, 3, 9, 0);
    /** The hold the tests configure; the hub's default is 5 too, but the tests prove it is read from the settings. */
    private static final int SLOT_HOLD_WORKING_DAYS = 5;
    private static final String PERSON = "PERS-0042";
    private static final String PROGRAMME = "TRN-DIGITAL-SKILLS-001";
    private static final String PROVIDER = "TVET-NORTH";
    private static final String SLOT = "SLOT-77";
    /** The provider's catalogue as the lookup hands it to the process: the select's options and what goes with each. */
    private static final String PROGRAMME_OPTIONS = """
            [{"label":"Digital skills for employment · TVET-NORTH · 12 weeks · 4 seats left · TRN-DIGITAL-SKILLS-001",
              "value":"TRN-DIGITAL-SKILLS-001"},
             {"label":"Welding · TVET-CITY · 16 weeks · 0 seats left · TRN-WELDING-002","value":"TRN-WELDING-002"}]
            """;
    private static final String PROGRAMME_CATALOGUE = """
            {"TRN-DIGITAL-SKILLS-001":{"programmeName":"Digital skills for employment","providerId":"TVET-NORTH",
                                       "durationWeeks":12},
             "TRN-WELDING-002":{"programmeName":"Welding","providerId":"TVET-CITY","durationWeeks":16}}
            """;

    private String referenceId;
    private String correlationId;

    @BeforeEach
    void setUp() {
        init(engine.getProcessEngine());
        Mocks.register("workingCalendar", new WorkingCalendar(List.of(), ZONE));
        Mocks.register(CatalogueChoice.BEAN_NAME, new CatalogueChoice());
        Mocks.register(SETTINGS_BEAN, new TrainingEnrolmentSettings(SLOT_HOLD_WORKING_DAYS));
        ClockUtil.setCurrentTime(MONDAY_3_MARCH_2025_0900);
    }

    @AfterEach
    void tearDown() {
        Mocks.reset();
        ClockUtil.reset();
    }

    // ---- completed --------------------------------------------------------------------------------

    @Test
    void a_chosen_programme_with_a_place_and_an_approved_benefit_is_attended_to_completion() {
        ProcessInstance pi = startTraining();

        assertThat(pi).isWaitingAt(LIST_PROGRAMMES);
        providerOffersItsCatalogue(pi);
        assertThat(pi).isWaitingAt(CHOOSE_PROGRAMME);
        assertThat(task()).hasName("Choose training programme").hasCandidateGroup(GROUP_PES_CASEWORKERS).isNotAssigned();
        counsellorChooses(pi, PROGRAMME);

        Map<String, Object> toProvider = workerCompletes(pi, RESERVE_SLOT, TOPIC_RESERVE_SLOT,
                vars(VAR_SLOT_RESERVED, true, VAR_SLOT_ID, SLOT));
        Date heldUntil = at(2025, 3, 10, 9, 0); // 5 working days after Monday 09:00
        assertThat(toProvider).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId),
                entry(VAR_PROVIDER_ID, PROVIDER),
                entry(VAR_PROGRAMME_ID, PROGRAMME),
                entry(VAR_START_DATE, "2025-04-07"),
                entry(VAR_SLOT_HELD_UNTIL, heldUntil));
        assertThat(pi).variables().containsEntry(VAR_SLOT_HELD_UNTIL, heldUntil).containsEntry(VAR_SLOT_ID, SLOT);

        Map<String, Object> toSa = workerCompletes(pi, REQUEST_TRAINING_BENEFIT, TOPIC_REQUEST_TRAINING_BENEFIT);
        assertThat(toSa).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId),
                entry(VAR_PROGRAMME_ID, PROGRAMME),
                entry(VAR_PROGRAMME_NAME, "Digital skills for employment"),
                entry(VAR_PROVIDER_ID, PROVIDER),
                entry(VAR_START_DATE, "2025-04-07"),
                entry(VAR_DURATION_WEEKS, 12L),
                entry(VAR_REQUESTED_BENEFITS, toSa.get(VAR_REQUESTED_BENEFITS)),
                entry(INPUT_DECIDE_BY, heldUntil));
        assertThat(toSa.get(VAR_REQUESTED_BENEFITS)).asString()
                .isEqualTo("[\"" + BENEFIT_TRAINING_ALLOWANCE + "\",\"" + BENEFIT_TRANSPORTATION + "\"]");

        assertThat(pi).isWaitingAt(AWAIT_BENEFIT_DECISION);
        assertThat(jobAt(pi, SLOT_HOLD_EXPIRED).getDuedate()).isEqualTo(heldUntil);
        saDecides(true);

        assertThat(workerCompletes(pi, CONFIRM_ENROLMENT, TOPIC_CONFIRM_ENROLMENT, vars(VAR_ENROLMENT_ID, "ENR-1")))
                .containsOnly(
                        entry(VAR_REFERENCE_ID, referenceId),
                        entry(VAR_PERSON_ID, PERSON),
                        entry(VAR_CORRELATION_ID, correlationId),
                        entry(VAR_PROVIDER_ID, PROVIDER),
                        entry(VAR_PROGRAMME_ID, PROGRAMME),
                        entry(VAR_SLOT_ID, SLOT),
                        entry(VAR_START_DATE, "2025-04-07"));
        assertThat(workerCompletes(pi, NOTIFY_SA_ENROLLED, TOPIC_SA_NOTIFY_OUTCOME)).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId),
                entry(INPUT_OUTCOME, OUTCOME_ENROLLED),
                entry(INPUT_REASON, PROGRAMME),
                entry(VAR_PROGRAMME_ID, PROGRAMME),
                entry(VAR_PROVIDER_ID, PROVIDER),
                entry(VAR_START_DATE, "2025-04-07"),
                entry(VAR_DURATION_WEEKS, 12L));

        assertThat(pi).isWaitingAt(TRAINING_COMPLETED);
        providerReports(MESSAGE_TRAINING_COMPLETED, vars(VAR_COMPLETION_DATE, "2025-06-27"));

        assertThat(workerCompletes(pi, NOTIFY_SA_COMPLETED, TOPIC_SA_NOTIFY_OUTCOME)).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId),
                entry(INPUT_OUTCOME, OUTCOME_COMPLETED),
                entry(INPUT_REASON, PROGRAMME),
                entry(VAR_PROGRAMME_ID, PROGRAMME),
                entry(VAR_COMPLETION_DATE, "2025-06-27"));
        assertThat(pi).isEnded()
                .hasPassedInOrder(TRAINING_REQUESTED, LIST_PROGRAMMES, CHOOSE_PROGRAMME, PROGRAMME_CHOSEN_GATEWAY, RESERVE_SLOT,
                        SLOT_RESERVED_GATEWAY, REQUEST_TRAINING_BENEFIT, AWAIT_BENEFIT_DECISION, TRAINING_BENEFIT_DECIDED,
                        BENEFIT_APPROVED_GATEWAY, CONFIRM_ENROLMENT, NOTIFY_SA_ENROLLED, TRAINING_IN_PROGRESS,
                        TRAINING_COMPLETED, TRAINING_FINISHED, NOTIFY_SA_COMPLETED, TRAINING_COMPLETED_END)
                .hasNotPassed(SLOT_HOLD_EXPIRED, RELEASE_SLOT, ATTENDANCE_REPORTED, NOTIFY_SA_DROPPED_OUT)
                .variables().containsEntry(VAR_TRAINING_OUTCOME, OUTCOME_COMPLETED);
    }

    // ---- choosing the programme -------------------------------------------------------------------

    @Test
    void a_provider_without_capacity_sends_the_counsellor_back_to_choosing_with_the_reason() {
        ProcessInstance pi = startTraining();
        counsellorChooses(pi, "TRN-WELDING-002");
        Map<String, Object> toProvider = workerCompletes(pi, RESERVE_SLOT, TOPIC_RESERVE_SLOT,
                vars(VAR_SLOT_RESERVED, false, VAR_NO_CAPACITY_REASON, "Course full until September"));
        // the provider of the chosen programme, as its catalogue names it
        assertThat(toProvider).containsEntry(VAR_PROVIDER_ID, "TVET-CITY").containsEntry(VAR_PROGRAMME_ID, "TRN-WELDING-002");

        // the catalogue is read again: the seats have changed since
        assertThat(pi).isWaitingAt(LIST_PROGRAMMES).hasPassedInOrder(CHOOSE_PROGRAMME, RESERVE_SLOT, SLOT_RESERVED_GATEWAY,
                CHOICE_MERGE);
        providerOffersItsCatalogue(pi);
        assertThat(pi).isWaitingAt(CHOOSE_PROGRAMME);
        Task choice = task();
        assertThat(taskVariable(choice, VAR_SLOT_RESERVED)).isEqualTo(false);
        assertThat(taskVariable(choice, VAR_NO_CAPACITY_REASON)).isEqualTo("Course full until September");
        DocumentContext form = assertOpensForm(choice, FORM_PROGRAMME_CHOICE);
        List<String> noCapacityText = form.read("$.components[?(@.id == 'Text_NoCapacity')].text");
        assertThat(noCapacityText).singleElement().asString().contains("{{noCapacityReason}}");

        counsellorChooses(pi, PROGRAMME);
        workerCompletes(pi, RESERVE_SLOT, TOPIC_RESERVE_SLOT, vars(VAR_SLOT_RESERVED, true, VAR_SLOT_ID, SLOT));
        assertThat(pi).isWaitingAt(REQUEST_TRAINING_BENEFIT).variables().containsEntry(VAR_PROGRAMME_ID, PROGRAMME);
    }

    @Test
    void the_catalogue_is_read_before_the_choice_with_nothing_but_the_three_fields_of_every_call() {
        ProcessInstance pi = startTraining();

        // a caller that asks for no audience has the whole catalogue offered
        assertThat(providerOffersItsCatalogue(pi)).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId),
                entry(VAR_PROGRAMME_AUDIENCE, null));
        Task choice = task(CHOOSE_PROGRAMME, pi);
        // the select's options reach the form as JSON, as Tasklist needs them
        assertThat(taskService().getVariableTyped(choice.getId(), VAR_PROGRAMME_OPTIONS).getType().getName())
                .isEqualTo("json");
    }

    @Test
    void the_choice_is_due_in_five_working_days_with_a_description_that_names_the_person_and_the_case() {
        ProcessInstance pi = startTraining();
        providerOffersItsCatalogue(pi);

        Task choice = task(CHOOSE_PROGRAMME, pi);
        assertThat(choice.getDueDate()).isEqualTo(at(2025, 3, 10, 9, 0)); // Monday 09:00 + 5 working days
        assertThat(choice.getPriority()).isEqualTo(50);
        assertThat(choice.getDescription()).isEqualTo("Choose a training programme with Amina Haddad (referral "
                + referenceId + ", PES case PES-2025-000123) from the provider's catalogue, or record that none suits.");
    }

    @Test
    void a_training_requested_for_the_person_while_the_counsellor_chooses_reopens_the_choice_filled_in_with_it() {
        ProcessInstance pi = startTraining();
        providerOffersItsCatalogue(pi);
        assertThat(pi).isWaitingAt(CHOOSE_PROGRAMME);

        runtimeService().createMessageCorrelation(MESSAGE_TRAINING_REQUEST_ATTACHED)
                .processInstanceId(pi.getId())
                .setVariablesToTriggeredScope(vars(
                        VAR_PROGRAMME_ID, "TRN-WELDING-002",
                        VAR_PROGRAMME_NAME, "Welding",
                        VAR_DURATION_WEEKS, 16L,
                        VAR_REQUESTED_BENEFITS, SpinValues.jsonValue("[\"" + BENEFIT_CHILDCARE + "\"]").create()))
                .correlateWithResult();

        // the catalogue is read again, then the counsellor's choice opens with the request in it
        assertThat(pi).hasPassedInOrder(CHOOSE_PROGRAMME, TRAINING_REQUEST_ATTACHED, CHOICE_MERGE)
                .isWaitingAt(LIST_PROGRAMMES).hasNotPassed(PROGRAMME_CHOSEN_GATEWAY);
        providerOffersItsCatalogue(pi);
        Task choice = task(CHOOSE_PROGRAMME, pi);
        assertThat(taskVariable(choice, VAR_PROGRAMME_ID)).isEqualTo("TRN-WELDING-002");
        assertThat(taskVariable(choice, VAR_DURATION_WEEKS)).isEqualTo(16L);
        assertThat(taskVariable(choice, VAR_REQUESTED_BENEFITS).toString()).contains(BENEFIT_CHILDCARE);
        assertThat(fieldKeys(assertOpensForm(choice, FORM_PROGRAMME_CHOICE)))
                .contains(VAR_PROGRAMME_ID, VAR_REQUESTED_BENEFITS);

        counsellorChooses(pi, "TRN-WELDING-002");
        Map<String, Object> toProvider = workerCompletes(pi, RESERVE_SLOT, TOPIC_RESERVE_SLOT,
                vars(VAR_SLOT_RESERVED, true, VAR_SLOT_ID, SLOT));
        assertThat(toProvider).containsEntry(VAR_PROGRAMME_ID, "TRN-WELDING-002").containsEntry(VAR_PROVIDER_ID,
                "TVET-CITY");
        assertThat(pi).isWaitingAt(REQUEST_TRAINING_BENEFIT);
    }

    @Test
    void without_a_PES_case_number_the_choice_names_the_training_request() {
        referenceId = "TRQ-" + UUID.randomUUID();
        correlationId = UUID.randomUUID().toString();
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_KEY, referenceId, vars(
                VAR_REFERENCE_ID, referenceId,
                VAR_PERSON_ID, PERSON,
                VAR_CORRELATION_ID, correlationId,
                VAR_GIVEN_NAME, "person",
                VAR_FAMILY_NAME, PERSON));
        providerOffersItsCatalogue(pi);

        assertThat(task(CHOOSE_PROGRAMME, pi).getDescription()).isEqualTo("Choose a training programme with person "
                + PERSON + " (training request " + referenceId + ") from the provider's catalogue, or record that"
                + " none suits.");
    }

    @Test
    void a_referral_closed_while_the_programme_is_being_chosen_ends_the_training_at_once() {
        // a withdrawn consent deletes the instance; the choice's output mapping runs on the way out
        ProcessInstance pi = startTraining();
        providerOffersItsCatalogue(pi);

        runtimeService().deleteProcessInstance(pi.getId(), "consent withdrawn");

        assertThat(pi).isEnded();
    }

    @Test
    void without_a_suitable_programme_SA_is_told_and_the_plan_continues_without_training() {
        ProcessInstance pi = startTraining();
        providerOffersItsCatalogue(pi);
        complete(task(CHOOSE_PROGRAMME, pi), vars(VAR_NO_SUITABLE_PROGRAMME, true, VAR_CHOICE_NOTES, "Nothing within reach"));

        assertThat(workerCompletes(pi, NOTIFY_SA_NO_PROGRAMME, TOPIC_SA_NOTIFY_OUTCOME)).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId),
                entry(INPUT_OUTCOME, OUTCOME_NO_PROGRAMME),
                entry(INPUT_REASON, REASON_NO_SUITABLE_PROGRAMME));
        assertThat(pi).isEnded()
                .hasPassedInOrder(LIST_PROGRAMMES, CHOOSE_PROGRAMME, PROGRAMME_CHOSEN_GATEWAY, NOTIFY_SA_NO_PROGRAMME, NO_PROGRAMME)
                .hasNotPassed(RESERVE_SLOT)
                .variables().containsEntry(VAR_TRAINING_OUTCOME, OUTCOME_NO_PROGRAMME);
    }

    // ---- not approved -------------------------------------------------------------------------------

    @Test
    void a_refused_training_benefit_releases_the_place_and_ends_not_approved() {
        ProcessInstance pi = startTraining();
        placeReservedAndBenefitRequested(pi);
        saDecides(false);

        assertThat(workerCompletes(pi, RELEASE_SLOT, TOPIC_RELEASE_SLOT)).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId),
                entry(VAR_PROVIDER_ID, PROVIDER),
                entry(VAR_PROGRAMME_ID, PROGRAMME),
                entry(VAR_SLOT_ID, SLOT),
                entry(INPUT_REASON, REASON_BENEFIT_REFUSED));
        assertThat(workerCompletes(pi, NOTIFY_SA_NOT_APPROVED, TOPIC_SA_NOTIFY_OUTCOME)).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId),
                entry(INPUT_OUTCOME, OUTCOME_NOT_APPROVED),
                entry(INPUT_REASON, REASON_BENEFIT_REFUSED),
                entry(VAR_PROGRAMME_ID, PROGRAMME));
        assertThat(pi).isEnded()
                .hasPassedInOrder(TRAINING_BENEFIT_DECIDED, BENEFIT_APPROVED_GATEWAY, BENEFIT_REFUSED, RELEASE_MERGE,
                        RELEASE_SLOT, NOTIFY_SA_NOT_APPROVED, NOT_APPROVED)
                .hasNotPassed(CONFIRM_ENROLMENT, SLOT_HOLD_EXPIRED)
                .variables().containsEntry(VAR_TRAINING_OUTCOME, OUTCOME_NOT_APPROVED);
    }

    @Test
    void a_benefit_decision_without_the_approved_flag_counts_as_refused() {
        ProcessInstance pi = startTraining();
        placeReservedAndBenefitRequested(pi);
        agencyReports(MESSAGE_TRAINING_BENEFIT_DECIDED, referenceId,
                vars(VAR_TRAINING_BENEFIT_DECISION_REASON, "Income above the threshold"));

        assertThat(pi).isWaitingAt(RELEASE_SLOT).hasPassed(BENEFIT_REFUSED)
                .variables().containsEntry(VAR_NOT_APPROVED_REASON, REASON_BENEFIT_REFUSED);
    }

    @Test
    void when_SA_does_not_decide_within_the_hold_the_place_is_released_and_the_training_is_not_approved() {
        ProcessInstance pi = startTraining();
        placeReservedAndBenefitRequested(pi);

        Job holdExpiry = jobAt(pi, SLOT_HOLD_EXPIRED);
        ClockUtil.setCurrentTime(holdExpiry.getDuedate());
        execute(holdExpiry);

        assertThat(workerCompletes(pi, RELEASE_SLOT, TOPIC_RELEASE_SLOT))
                .containsEntry(VAR_SLOT_ID, SLOT)
                .containsEntry(INPUT_REASON, REASON_SLOT_HOLD_EXPIRED);
        assertThat(workerCompletes(pi, NOTIFY_SA_NOT_APPROVED, TOPIC_SA_NOTIFY_OUTCOME))
                .containsEntry(INPUT_OUTCOME, OUTCOME_NOT_APPROVED)
                .containsEntry(INPUT_REASON, REASON_SLOT_HOLD_EXPIRED);
        assertThat(pi).isEnded()
                .hasPassedInOrder(AWAIT_BENEFIT_DECISION, SLOT_HOLD_EXPIRED, RELEASE_MERGE, RELEASE_SLOT,
                        NOTIFY_SA_NOT_APPROVED, NOT_APPROVED)
                .hasNotPassed(TRAINING_BENEFIT_DECIDED, BENEFIT_REFUSED)
                .variables().containsEntry(VAR_TRAINING_OUTCOME, OUTCOME_NOT_APPROVED);
    }

    @Test
    void the_hold_on_the_place_lasts_the_configured_number_of_working_days() {
        Mocks.register(SETTINGS_BEAN, new TrainingEnrolmentSettings(2));
        ClockUtil.setCurrentTime(at(2025, 3, 6, 14, 30)); // Thursday
        ProcessInstance pi = startTraining();
        placeReservedAndBenefitRequested(pi);

        Date mondayAfter = at(2025, 3, 10, 14, 30);
        assertThat(pi).variables().containsEntry(VAR_SLOT_HELD_UNTIL, mondayAfter);
        assertThat(jobAt(pi, SLOT_HOLD_EXPIRED).getDuedate()).isEqualTo(mondayAfter);
    }

    // ---- attendance ---------------------------------------------------------------------------------

    @Test
    void attendance_at_or_above_the_minimum_needs_nobody() {
        ProcessInstance pi = startTraining();
        enrolled(pi);

        providerReports(MESSAGE_ATTENDANCE_REPORTED, vars(VAR_ATTENDANCE_RATE, 92L));
        providerReports(MESSAGE_ATTENDANCE_REPORTED, vars(VAR_ATTENDANCE_RATE, 80.0));

        assertThat(pi).isWaitingAt(TRAINING_COMPLETED).hasPassed(ASSESS_ATTENDANCE, ATTENDANCE_ON_TRACK)
                .hasNotPassed(ATTENDANCE_COUNSELLING, NOTIFY_SA_ATTENDANCE_WARNING);
        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(pi).variables().containsEntry(VAR_ATTENDANCE_ACTION, ATTENDANCE_ON_TRACK_CODE);
    }

    @Test
    @Deployment(resources = {BPMN_RESOURCE, DMN_RESOURCE, FORM_PROGRAMME_CHOICE_RESOURCE,
            FORM_ATTENDANCE_COUNSELLING_RESOURCE, FORM_ATTENDANCE_WARNING_REVIEW_RESOURCE,
            ActivationCompliance.BPMN_RESOURCE, ActivationCompliance.DMN_ASSESSMENT_RESOURCE,
            ActivationCompliance.DMN_LADDER_RESOURCE})
    void attendance_reports_of_a_monitored_referral_reach_its_compliance_monitoring_as_evidence() {
        Mocks.register(ActivationCompliance.SETTINGS_BEAN, new ActivationComplianceSettings(Duration.parse("P30D"),
                Duration.parse("P10D"), Duration.parse("P30D"), Duration.parse("P365D"), Duration.parse("P90D"),
                Duration.parse("P60D"), 4));
        ProcessInstance pi = startTraining();
        // the referral's monitoring, under the same business key as the training it called
        ProcessInstance monitoring = runtimeService().startProcessInstanceByKey(ActivationCompliance.PROCESS_KEY,
                referenceId, vars(VAR_REFERENCE_ID, referenceId, VAR_PERSON_ID, PERSON, VAR_CORRELATION_ID,
                        correlationId, VAR_GIVEN_NAME, "Amina", VAR_FAMILY_NAME, "Haddad"));
        enrolled(pi);

        providerReports(MESSAGE_ATTENDANCE_REPORTED, vars(VAR_ATTENDANCE_RATE, 92L));
        providerReports(MESSAGE_ATTENDANCE_REPORTED, vars(VAR_ATTENDANCE_RATE, 75L));
        providerReports(MESSAGE_ATTENDANCE_REPORTED, vars(VAR_ATTENDANCE_RATE, 65L));

        assertThat(pi).isWaitingAt(TRAINING_COMPLETED, ATTENDANCE_COUNSELLING);
        assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(monitoring.getId())
                .activityId(ActivationCompliance.EVIDENCE_RECEIVED).count()).isEqualTo(3);
        // the two reports below the minimum count as absences, judged at the periodic review
        assertThat(monitoring).isWaitingAt(ActivationCompliance.AWAIT_GATEWAY).variables()
                .containsEntry(ActivationCompliance.VAR_TRAINING_ABSENCES, 2)
                .containsEntry(ActivationCompliance.VAR_CHECK_DUE, false);
    }

    @Test
    void attendance_below_the_minimum_opens_a_counselling_task_and_the_training_goes_on() {
        ProcessInstance pi = startTraining();
        enrolled(pi);

        providerReports(MESSAGE_ATTENDANCE_REPORTED, vars(VAR_ATTENDANCE_RATE, 75L));

        assertThat(pi).isWaitingAt(TRAINING_COMPLETED, ATTENDANCE_COUNSELLING);
        Task counselling = task(ATTENDANCE_COUNSELLING, pi);
        assertThat(counselling).hasName("Counsel on attendance").hasCandidateGroup(GROUP_PES_CASEWORKERS)
                .hasDueDate(at(2025, 3, 5, 9, 0)) // 2 working days
                .hasDescription("Attendance of Amina Haddad (reference " + referenceId + ") has fallen to 75 % of the"
                        + " sessions. Talk with the person about the absences and record what was agreed.");
        assertThat(counselling.getPriority()).isEqualTo(TaskPriorities.ROUTINE);
        DocumentContext form = assertOpensForm(counselling, FORM_ATTENDANCE_COUNSELLING);
        assertThat(fieldKeys(form)).containsExactly(VAR_COUNSELLING_NOTES);
        assertThat(taskVariable(counselling, VAR_ATTENDANCE_RATE)).isEqualTo(75L);

        complete(counselling, vars(VAR_COUNSELLING_NOTES, "Bus pass expired; SA transport benefit renewed"));
        assertThat(pi).isWaitingAt(TRAINING_COMPLETED).hasPassed(ATTENDANCE_COUNSELLED);

        providerReports(MESSAGE_TRAINING_COMPLETED, Map.of());
        workerCompletes(pi, NOTIFY_SA_COMPLETED, TOPIC_SA_NOTIFY_OUTCOME);
        assertThat(pi).isEnded().variables().containsEntry(VAR_TRAINING_OUTCOME, OUTCOME_COMPLETED);
    }

    @Test
    void every_report_is_assessed_on_its_own_so_repeated_low_attendance_opens_a_task_each_time() {
        ProcessInstance pi = startTraining();
        enrolled(pi);

        providerReports(MESSAGE_ATTENDANCE_REPORTED, vars(VAR_ATTENDANCE_RATE, 78L));
        providerReports(MESSAGE_ATTENDANCE_REPORTED, vars(VAR_ATTENDANCE_RATE, 90L));
        providerReports(MESSAGE_ATTENDANCE_REPORTED, vars(VAR_ATTENDANCE_RATE, 76L));

        assertThat(taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(ATTENDANCE_COUNSELLING).count()).isEqualTo(2);
        assertThat(pi).isWaitingAt(TRAINING_COMPLETED).hasPassed(ATTENDANCE_ON_TRACK);
    }

    @Test
    void attendance_below_the_warning_threshold_warns_through_SA_and_PES_and_the_caseworker_lets_the_training_continue() {
        ProcessInstance pi = startTraining();
        enrolled(pi);

        providerReports(MESSAGE_ATTENDANCE_REPORTED, vars(VAR_ATTENDANCE_RATE, 65L));
        Map<String, Object> warning = vars(
                VAR_REFERENCE_ID, referenceId,
                VAR_PERSON_ID, PERSON,
                VAR_CORRELATION_ID, correlationId,
                INPUT_OUTCOME, OUTCOME_ATTENDANCE_WARNING,
                INPUT_REASON, REASON_LOW_ATTENDANCE,
                VAR_ATTENDANCE_RATE, 65L,
                VAR_PROGRAMME_ID, PROGRAMME,
                // the explanation's rule: the attendance table's output names the rule that fired
                DecisionNotices.VAR_RULE_ID, "WARNING");
        assertThat(workerCompletes(pi, NOTIFY_SA_ATTENDANCE_WARNING, TOPIC_SA_NOTIFY_OUTCOME)).isEqualTo(warning);
        assertThat(workerCompletes(pi, NOTIFY_PES_ATTENDANCE_WARNING, TOPIC_PES_NOTIFY_OUTCOME)).isEqualTo(warning);

        assertThat(pi).isWaitingAt(TRAINING_COMPLETED, REVIEW_ATTENDANCE_WARNING);
        Task review = task(REVIEW_ATTENDANCE_WARNING, pi);
        assertThat(review).hasName("Review attendance warning").hasCandidateGroup(GROUP_PES_CASEWORKERS)
                .hasDueDate(at(2025, 3, 5, 9, 0)) // 2 working days
                .hasDescription("Amina Haddad (reference " + referenceId + ") has been warned about low attendance"
                        + " (65 % of the sessions). Decide whether the training continues or ends; ending it counts as"
                        + " dropping out.");
        assertThat(review.getPriority()).isEqualTo(TaskPriorities.ROUTINE);
        DocumentContext form = assertOpensForm(review, FORM_ATTENDANCE_WARNING_REVIEW);
        assertThat(fieldKeys(form)).containsExactly(VAR_ATTENDANCE_WARNING_DECISION, VAR_WARNING_REVIEW_NOTES);
        List<String> decisions = form.read("$.components[?(@.key == 'attendanceWarningDecision')].values[*].value");
        assertThat(decisions).containsExactly(DECISION_CONTINUE, DECISION_END_TRAINING);

        complete(review, vars(VAR_ATTENDANCE_WARNING_DECISION, DECISION_CONTINUE, VAR_WARNING_REVIEW_NOTES, "Was ill"));
        assertThat(pi).isWaitingAt(TRAINING_COMPLETED)
                .hasPassedInOrder(ASSESS_ATTENDANCE, ATTENDANCE_ACTION_GATEWAY, NOTIFY_SA_ATTENDANCE_WARNING,
                        NOTIFY_PES_ATTENDANCE_WARNING, REVIEW_ATTENDANCE_WARNING, CONTINUE_TRAINING_GATEWAY, WARNING_RESOLVED)
                .hasNotPassed(ATTENDANCE_COUNSELLING, TRAINING_ENDED_BY_CASEWORKER);
    }

    // ---- dropped out ----------------------------------------------------------------------------------

    @Test
    void a_caseworker_ending_the_training_after_a_warning_withdraws_the_enrolment_and_it_ends_dropped_out() {
        ProcessInstance pi = startTraining();
        enrolled(pi);
        providerReports(MESSAGE_ATTENDANCE_REPORTED, vars(VAR_ATTENDANCE_RATE, 40L));
        workerCompletes(pi, NOTIFY_SA_ATTENDANCE_WARNING, TOPIC_SA_NOTIFY_OUTCOME);
        workerCompletes(pi, NOTIFY_PES_ATTENDANCE_WARNING, TOPIC_PES_NOTIFY_OUTCOME);

        complete(task(REVIEW_ATTENDANCE_WARNING, pi), vars(
                VAR_ATTENDANCE_WARNING_DECISION, DECISION_END_TRAINING,
                VAR_WARNING_REVIEW_NOTES, "No contact for three weeks"));

        assertThat(pi).isWaitingAt(WITHDRAW_ENROLMENT).isNotWaitingAt(TRAINING_COMPLETED);
        assertThat(workerCompletes(pi, WITHDRAW_ENROLMENT, TOPIC_WITHDRAW_ENROLMENT)).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId),
                entry(VAR_PROVIDER_ID, PROVIDER),
                entry(VAR_PROGRAMME_ID, PROGRAMME),
                entry(VAR_ENROLMENT_ID, "ENR-1"),
                entry(INPUT_REASON, ERROR_ENDED_AFTER_ATTENDANCE_WARNING));
        assertThat(workerCompletes(pi, NOTIFY_SA_DROPPED_OUT, TOPIC_SA_NOTIFY_OUTCOME)).containsOnly(
                entry(VAR_REFERENCE_ID, referenceId),
                entry(VAR_PERSON_ID, PERSON),
                entry(VAR_CORRELATION_ID, correlationId),
                entry(INPUT_OUTCOME, OUTCOME_DROPPED_OUT),
                entry(INPUT_REASON, ERROR_ENDED_AFTER_ATTENDANCE_WARNING),
                entry(VAR_PROGRAMME_ID, PROGRAMME));
        assertThat(pi).isEnded()
                .hasPassedInOrder(REVIEW_ATTENDANCE_WARNING, CONTINUE_TRAINING_GATEWAY, TRAINING_ENDED_BY_CASEWORKER,
                        ENDED_AFTER_WARNING, WITHDRAW_ENROLMENT, DROPPED_OUT_MERGE, NOTIFY_SA_DROPPED_OUT, DROPPED_OUT)
                .hasNotPassed(TRAINING_FINISHED, NOTIFY_SA_COMPLETED, TRAINING_DROPPED_OUT)
                .variables().containsEntry(VAR_TRAINING_OUTCOME, OUTCOME_DROPPED_OUT);
    }

    @Test
    void the_provider_reporting_a_drop_out_ends_the_training_and_closes_open_attendance_tasks() {
        ProcessInstance pi = startTraining();
        enrolled(pi);
        providerReports(MESSAGE_ATTENDANCE_REPORTED, vars(VAR_ATTENDANCE_RATE, 72L));
        assertThat(pi).isWaitingAt(ATTENDANCE_COUNSELLING);

        providerReports(MESSAGE_TRAINING_DROPPED_OUT, vars(VAR_DROP_OUT_REASON, "Moved away"));

        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(workerCompletes(pi, NOTIFY_SA_DROPPED_OUT, TOPIC_SA_NOTIFY_OUTCOME))
                .containsEntry(INPUT_OUTCOME, OUTCOME_DROPPED_OUT)
                .containsEntry(INPUT_REASON, "Moved away");
        assertThat(pi).isEnded()
                .hasPassedInOrder(TRAINING_DROPPED_OUT, DROPPED_OUT_MERGE, NOTIFY_SA_DROPPED_OUT, DROPPED_OUT)
                .hasNotPassed(WITHDRAW_ENROLMENT, TRAINING_FINISHED, ATTENDANCE_COUNSELLED)
                .variables().containsEntry(VAR_TRAINING_OUTCOME, OUTCOME_DROPPED_OUT);
    }

    @Test
    void completion_while_a_counselling_task_is_open_closes_the_task_and_ends_completed() {
        ProcessInstance pi = startTraining();
        enrolled(pi);
        providerReports(MESSAGE_ATTENDANCE_REPORTED, vars(VAR_ATTENDANCE_RATE, 79L));
        assertThat(pi).isWaitingAt(ATTENDANCE_COUNSELLING);

        providerReports(MESSAGE_TRAINING_COMPLETED, Map.of());

        assertThat(taskQuery().processInstanceId(pi.getId()).count()).isZero();
        workerCompletes(pi, NOTIFY_SA_COMPLETED, TOPIC_SA_NOTIFY_OUTCOME);
        assertThat(pi).isEnded().hasPassed(TRAINING_FINISHED, TRAINING_COMPLETED_END).hasNotPassed(ATTENDANCE_COUNSELLED)
                .variables().containsEntry(VAR_TRAINING_OUTCOME, OUTCOME_COMPLETED);
    }

    // ---- forms and model conventions ----------------------------------------------------------------

    @Test
    void the_programme_choice_opens_its_form_with_the_fields_the_process_reads() {
        ProcessInstance pi = startTraining();
        providerOffersItsCatalogue(pi);
        DocumentContext form = assertOpensForm(task(CHOOSE_PROGRAMME, pi), FORM_PROGRAMME_CHOICE);
        assertThat(fieldKeys(form)).containsExactly(VAR_NO_SUITABLE_PROGRAMME, VAR_PROGRAMME_ID, VAR_START_DATE,
                VAR_REQUESTED_BENEFITS, VAR_CHOICE_NOTES);
        // the programme is picked from what the provider offers, never typed
        List<String> programmeTypes = form.read("$.components[?(@.key == 'programmeId')].type");
        List<String> programmeOptions = form.read("$.components[?(@.key == 'programmeId')].valuesKey");
        assertThat(programmeTypes).containsExactly("select");
        assertThat(programmeOptions).containsExactly(VAR_PROGRAMME_OPTIONS);
        assertIsoDateField(form);
        List<String> benefits = form.read("$.components[?(@.key == 'requestedBenefits')].values[*].value");
        assertThat(benefits).containsExactly(BENEFIT_TRAINING_ALLOWANCE, BENEFIT_TRANSPORTATION, BENEFIT_CHILDCARE,
                BENEFIT_MATERIALS);
    }

    @Test
    void every_human_task_has_a_candidate_group_and_its_own_deployed_form() {
        assertThat(assertUserTaskConventions(PROCESS_KEY)).containsOnly(
                entry(CHOOSE_PROGRAMME, FORM_PROGRAMME_CHOICE),
                entry(ATTENDANCE_COUNSELLING, FORM_ATTENDANCE_COUNSELLING),
                entry(REVIEW_ATTENDANCE_WARNING, FORM_ATTENDANCE_WARNING_REVIEW));
    }

    @Test
    void every_service_task_is_an_async_external_task_with_retries_back_off_purpose_and_a_declared_payload() {
        assertThat(assertServiceTaskConventions(PROCESS_KEY, PURPOSE_EMPLOYMENT_ACTIVATION)).containsOnly(
                entry(LIST_PROGRAMMES, TOPIC_LIST_PROGRAMMES),
                entry(NOTIFY_SA_NO_PROGRAMME, TOPIC_SA_NOTIFY_OUTCOME),
                entry(RESERVE_SLOT, TOPIC_RESERVE_SLOT),
                entry(REQUEST_TRAINING_BENEFIT, TOPIC_REQUEST_TRAINING_BENEFIT),
                entry(RELEASE_SLOT, TOPIC_RELEASE_SLOT),
                entry(NOTIFY_SA_NOT_APPROVED, TOPIC_SA_NOTIFY_OUTCOME),
                entry(CONFIRM_ENROLMENT, TOPIC_CONFIRM_ENROLMENT),
                entry(NOTIFY_SA_ENROLLED, TOPIC_SA_NOTIFY_OUTCOME),
                entry(NOTIFY_SA_ATTENDANCE_WARNING, TOPIC_SA_NOTIFY_OUTCOME),
                entry(NOTIFY_PES_ATTENDANCE_WARNING, TOPIC_PES_NOTIFY_OUTCOME),
                entry(WITHDRAW_ENROLMENT, TOPIC_WITHDRAW_ENROLMENT),
                entry(NOTIFY_SA_DROPPED_OUT, TOPIC_SA_NOTIFY_OUTCOME),
                entry(NOTIFY_SA_COMPLETED, TOPIC_SA_NOTIFY_OUTCOME));
    }

    // ---- steps ----------------------------------------------------------------------------------------

    @Test
    void a_caller_that_asks_for_an_audience_has_the_catalogue_read_for_it() {
        referenceId = "REF-" + UUID.randomUUID();
        ProcessInstance pi = runtimeService().startProcessInstanceByKey(PROCESS_KEY, referenceId, vars(
                VAR_REFERENCE_ID, referenceId,
                VAR_PERSON_ID, PERSON,
                VAR_CORRELATION_ID, UUID.randomUUID().toString(),
                VAR_GIVEN_NAME, "Yanis",
                VAR_FAMILY_NAME, "Benali",
                VAR_PROGRAMME_AUDIENCE, AUDIENCE_YOUTH));

        assertThat(providerOffersItsCatalogue(pi)).containsEntry(VAR_PROGRAMME_AUDIENCE, AUDIENCE_YOUTH)
                .containsEntry(VAR_REFERENCE_ID, referenceId);
        assertThat(pi).isWaitingAt(CHOOSE_PROGRAMME);
    }

    private ProcessInstance startTraining() {
        referenceId = "REF-" + UUID.randomUUID();
        correlationId = UUID.randomUUID().toString();
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, referenceId, vars(
                VAR_REFERENCE_ID, referenceId,
                VAR_PERSON_ID, PERSON,
                VAR_CORRELATION_ID, correlationId,
                VAR_GIVEN_NAME, "Amina",
                VAR_FAMILY_NAME, "Haddad",
                VAR_PES_CASE_NUMBER, "PES-2025-000123"));
    }

    /**
     * The counsellor fills in the programme form as Tasklist submits it: numbers as Long, dates as
     * ISO strings, the multi-select as a Json variable.
     */
    private void counsellorChooses(ProcessInstance pi, String programmeId) {
        if (taskQuery().processInstanceId(pi.getId()).taskDefinitionKey(CHOOSE_PROGRAMME).count() == 0) {
            providerOffersItsCatalogue(pi);
        }
        Task choice = task(CHOOSE_PROGRAMME, pi);
        assertOpensForm(choice, FORM_PROGRAMME_CHOICE);
        complete(choice, vars(
                VAR_NO_SUITABLE_PROGRAMME, false,
                VAR_PROGRAMME_ID, programmeId,
                VAR_START_DATE, "2025-04-07",
                VAR_REQUESTED_BENEFITS, SpinValues.jsonValue(
                        "[\"" + BENEFIT_TRAINING_ALLOWANCE + "\",\"" + BENEFIT_TRANSPORTATION + "\"]").create(),
                VAR_CHOICE_NOTES, null));
    }

    /** The lookup before the choice, served as the worker does with what the route makes of the catalogue. */
    private Map<String, Object> providerOffersItsCatalogue(ProcessInstance pi) {
        return workerCompletes(pi, LIST_PROGRAMMES, TOPIC_LIST_PROGRAMMES, vars(
                VAR_PROGRAMME_OPTIONS, SpinValues.jsonValue(PROGRAMME_OPTIONS).create(),
                VAR_PROGRAMME_CATALOGUE, SpinValues.jsonValue(PROGRAMME_CATALOGUE).create()));
    }

    private void placeReservedAndBenefitRequested(ProcessInstance pi) {
        counsellorChooses(pi, PROGRAMME);
        workerCompletes(pi, RESERVE_SLOT, TOPIC_RESERVE_SLOT, vars(VAR_SLOT_RESERVED, true, VAR_SLOT_ID, SLOT));
        workerCompletes(pi, REQUEST_TRAINING_BENEFIT, TOPIC_REQUEST_TRAINING_BENEFIT);
        assertThat(pi).isWaitingAt(AWAIT_BENEFIT_DECISION);
    }

    private void enrolled(ProcessInstance pi) {
        placeReservedAndBenefitRequested(pi);
        saDecides(true);
        workerCompletes(pi, CONFIRM_ENROLMENT, TOPIC_CONFIRM_ENROLMENT, vars(VAR_ENROLMENT_ID, "ENR-1"));
        workerCompletes(pi, NOTIFY_SA_ENROLLED, TOPIC_SA_NOTIFY_OUTCOME);
        assertThat(pi).isWaitingAt(TRAINING_COMPLETED);
    }

    private void saDecides(boolean approved) {
        agencyReports(MESSAGE_TRAINING_BENEFIT_DECIDED, referenceId, vars(VAR_TRAINING_BENEFIT_APPROVED, approved));
    }

    private void providerReports(String message, Map<String, Object> eventFields) {
        agencyReports(message, referenceId, eventFields);
    }

    private static Object taskVariable(Task task, String name) {
        return taskService().getVariable(task.getId(), name);
    }
}
