package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Documentation;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every human task of every model tells the caseworker whom it is about and when it is due: a due date,
 * a priority, and a description (the task's documentation, which the engine renders as an expression when
 * it creates the task) that names the person and the reference and reads as prose, not as variable names.
 * Every process with human tasks is handed the person's names and the reference by its callers, so that
 * the Tasklist rows (filter variables) and the descriptions can show them. One test over all models, so
 * a new task or a new call cannot slip through.
 */
class EveryHumanTaskSaysWhomAndWhenTest {

    /** What every description names: the person and the reference. */
    private static final Set<String> CASE_LABEL = Set.of(ReferralToPes.VAR_GIVEN_NAME, ReferralToPes.VAR_FAMILY_NAME,
            ReferralToPes.VAR_REFERENCE_ID);
    /** A task starts as routine work or, for a supervisor's follow-up of something late, a step higher. */
    private static final Set<Integer> STARTING_PRIORITIES = Set.of(TaskPriorities.ROUTINE, TaskPriorities.FOLLOW_UP);
    /** The constants classes whose VAR_ constants name process variables. */
    private static final Set<Class<?>> NAMES = Set.of(ReferralToPes.class, TrainingEnrolment.class,
            JobPlacement.class, BenefitAdjustment.class, Appeal.class, EmploymentStatusVerification.class,
            AgencyNotification.class, ActivationCompliance.class, PesClientSaAccess.class,
            EmploymentSubsidy.class, YouthTransition.class,
            ReturnToWork.class, SubjectAccessRequest.class,
            IntegratedCase.class, Rectification.class);
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{[^}]*}");

    private static Map<String, BpmnModelInstance> modelsByProcess;

    @BeforeAll
    static void readEveryModelOfTheModule() throws IOException {
        modelsByProcess = new TreeMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
            try (InputStream in = resource.getInputStream()) {
                BpmnModelInstance model = Bpmn.readModelFromStream(in);
                modelsByProcess.put(model.getModelElementsByType(Process.class).iterator().next().getId(), model);
            }
        }
        assertThat(modelsByProcess).as("the models under processes/").isNotEmpty();
    }

    @Test
    void every_human_task_has_a_due_date_a_starting_priority_and_a_description_naming_the_person_and_the_reference() {
        SoftAssertions softly = new SoftAssertions();
        int tasks = 0;
        for (Map.Entry<String, BpmnModelInstance> model : modelsByProcess.entrySet()) {
            for (UserTask task : model.getValue().getModelElementsByType(UserTask.class)) {
                tasks++;
                String where = model.getKey() + " / " + task.getId();
                softly.assertThat(task.getCamundaDueDate()).as(where + " due date").isNotBlank().startsWith("${");
                softly.assertThat(task.getCamundaPriority()).as(where + " priority")
                        .isIn(STARTING_PRIORITIES.stream().map(String::valueOf).toList());
                String description = descriptionOf(task);
                softly.assertThat(description).as(where + " description").isNotBlank();
                for (String variable : CASE_LABEL) {
                    softly.assertThat(description).as(where + " description names " + variable)
                            .contains("${" + variable + "}");
                }
            }
        }
        softly.assertAll();
        assertThat(tasks).as("human tasks found").isPositive();
    }

    /**
     * "First contact within intakeWorkingDays working days" is what a caseworker must not read: outside its
     * expressions a description holds no variable name. Only camelCase names can be told apart from words
     * ({@code notes}, {@code pathway} are both), so those are the ones looked for.
     */
    @Test
    void no_description_shows_a_variable_name_outside_its_expressions() throws IllegalAccessException {
        Set<String> variableNames = camelCaseVariableNames();
        assertThat(variableNames).contains(ReferralToPes.VAR_INTAKE_WORKING_DAYS, Appeal.VAR_APPEAL_RECEIVED_AT);
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, BpmnModelInstance> model : modelsByProcess.entrySet()) {
            for (UserTask task : model.getValue().getModelElementsByType(UserTask.class)) {
                String prose = EXPRESSION.matcher(descriptionOf(task)).replaceAll(" ");
                for (String name : variableNames) {
                    softly.assertThat(Pattern.compile("\\b" + name + "\\b").matcher(prose).find())
                            .as("%s / %s: its description reads '%s' outside expressions", model.getKey(), task.getId(),
                                    name)
                            .isFalse();
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void every_call_of_a_process_with_human_tasks_hands_it_the_person_and_the_reference() {
        int calls = 0;
        for (Map.Entry<String, BpmnModelInstance> model : modelsByProcess.entrySet()) {
            for (CallActivity call : model.getValue().getModelElementsByType(CallActivity.class)) {
                BpmnModelInstance called = modelsByProcess.get(call.getCalledElement());
                assertThat(called).as("%s / %s calls a model of the module", model.getKey(), call.getId()).isNotNull();
                if (called.getModelElementsByType(UserTask.class).isEmpty()) {
                    continue;
                }
                calls++;
                Set<String> handedOver = new TreeSet<>();
                call.getExtensionElements().getElementsQuery().filterByType(CamundaIn.class).list().stream()
                        .filter(in -> in.getCamundaSource() != null
                                && in.getCamundaSource().equals(in.getCamundaTarget()))
                        .forEach(in -> handedOver.add(in.getCamundaTarget()));
                assertThat(handedOver).as("%s / %s hands over", model.getKey(), call.getId()).containsAll(CASE_LABEL);
            }
        }
        assertThat(calls).as("calls of processes with human tasks").isPositive();
    }

    private static String descriptionOf(UserTask task) {
        return task.getDocumentations().stream().map(Documentation::getTextContent).reduce("", String::concat).trim();
    }

    private static Set<String> camelCaseVariableNames() throws IllegalAccessException {
        Set<String> names = new TreeSet<>();
        for (Class<?> constants : NAMES) {
            for (Field field : constants.getFields()) {
                if (field.getName().startsWith("VAR_") && Modifier.isStatic(field.getModifiers())
                        && field.getType() == String.class) {
                    String name = (String) field.get(null);
                    if (!name.equals(name.toLowerCase())) {
                        names.add(name);
                    }
                }
            }
        }
        return names;
    }
}
