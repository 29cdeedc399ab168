package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every agency call of every model says what it is for and how it retries: the data-sharing gate
 * refuses an exchange without a purpose (or for a purpose no agreement covers), and the generic worker
 * backs off on the schedule the task declares. One test over all models, so a new model or a new task
 * cannot slip through; the purposes each process may use are listed here, so the agreements can be
 * written for them.
 */
class EveryServiceTaskDeclaresItsPurposeTest {

    private static final String PURPOSE = "purpose";
    private static final String RETRY_BACKOFF = "retryBackoff";

    /** The purposes each process's exchanges move data for (the agreements under agreements/ must cover them). */
    private static final Map<String, Set<String>> PURPOSES_BY_PROCESS = Map.ofEntries(
            Map.entry(ReferralToPes.PROCESS_KEY, Set.of(ReferralToPes.PURPOSE_EMPLOYMENT_ACTIVATION,
                    ReferralToPes.PURPOSE_BENEFIT_ADJUSTMENT)),
            Map.entry(TrainingEnrolment.PROCESS_KEY, Set.of(TrainingEnrolment.PURPOSE_EMPLOYMENT_ACTIVATION)),
            Map.entry(JobPlacement.PROCESS_KEY, Set.of(JobPlacement.PURPOSE_EMPLOYMENT_ACTIVATION)),
            Map.entry(PesReportedPlacement.PROCESS_KEY, Set.of(PesReportedPlacement.PURPOSE_BENEFIT_ADJUSTMENT,
                    PesReportedPlacement.PURPOSE_PLACEMENT_REPORTING)),
            Map.entry(BenefitAdjustment.PROCESS_KEY, Set.of(BenefitAdjustment.PURPOSE_BENEFIT_ADJUSTMENT)),
            Map.entry(Appeal.PROCESS_KEY, Set.of(Appeal.PURPOSE_BENEFIT_APPEAL)),
            Map.entry(ActivationCompliance.PROCESS_KEY, Set.of(ActivationCompliance.PURPOSE_ACTIVATION_COMPLIANCE)),
            Map.entry(PesClientSaAccess.PROCESS_KEY, Set.of(PesClientSaAccess.PURPOSE_SOCIAL_ASSISTANCE_ACCESS)),
            Map.entry(YouthTransition.PROCESS_KEY, Set.of(YouthTransition.PURPOSE_YOUTH_TRANSITION)),
            Map.entry(ReturnToWork.PROCESS_KEY, Set.of(ReturnToWork.PURPOSE_RETURN_TO_WORK)),
            Map.entry(EmploymentStatusVerification.PROCESS_KEY,
                    Set.of(EmploymentStatusVerification.PURPOSE_BENEFIT_ADMINISTRATION)),
            Map.entry(EmploymentSubsidy.PROCESS_KEY, Set.of(EmploymentSubsidy.PURPOSE_EMPLOYMENT_SUBSIDY,
                    EmploymentSubsidy.PURPOSE_EMPLOYER_COMPLIANCE)),
            // a task for caseworkers only: nothing leaves the hub
            Map.entry(AgencyNotification.PROCESS_KEY, Set.of()),
            Map.entry(SubjectAccessRequest.PROCESS_KEY, Set.of(SubjectAccessRequest.PURPOSE_DATA_SUBJECT_RIGHTS)),

            // the agencies' shared case: nothing leaves the hub from the model (the case view passes the gate)
            Map.entry(IntegratedCase.PROCESS_KEY, Set.of()),

            Map.entry(Rectification.PROCESS_KEY, Set.of(SubjectAccessRequest.PURPOSE_DATA_SUBJECT_RIGHTS)));

    private static Map<String, BpmnModelInstance> modelsByFile;

    @BeforeAll
    static void readEveryModelOfTheModule() throws IOException {
        modelsByFile = new TreeMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
            try (InputStream in = resource.getInputStream()) {
                modelsByFile.put(resource.getFilename(), Bpmn.readModelFromStream(in));
            }
        }
    }

    @Test
    void every_model_of_the_module_is_read_and_its_process_has_its_purposes_listed() {
        assertThat(modelsByFile).as("the models under processes/").isNotEmpty();
        List<String> processKeys = new ArrayList<>();
        modelsByFile.forEach((file, model) -> {
            for (Process process : model.getModelElementsByType(Process.class)) {
                processKeys.add(process.getId());
                assertThat(file).as("a model file is named by its process key").isEqualTo(process.getId() + ".bpmn");
            }
        });
        assertThat(processKeys).containsExactlyInAnyOrderElementsOf(PURPOSES_BY_PROCESS.keySet());
    }

    @Test
    void every_service_task_of_every_model_declares_a_purpose_of_its_process_and_a_retry_back_off() {
        int serviceTasks = 0;
        for (BpmnModelInstance model : modelsByFile.values()) {
            String processKey = model.getModelElementsByType(Process.class).iterator().next().getId();
            for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                serviceTasks++;
                String where = processKey + " / " + task.getId();
                Map<String, List<String>> properties = propertiesOf(task);
                assertThat(properties).as(where).containsOnlyKeys(RETRY_BACKOFF, PURPOSE);
                assertThat(properties.get(PURPOSE)).as(where + " purpose").singleElement()
                        .isIn(PURPOSES_BY_PROCESS.get(processKey));
                assertThat(properties.get(RETRY_BACKOFF)).as(where + " retryBackoff").singleElement()
                        .satisfies(schedule -> assertIsBackOffSchedule(where, schedule));
            }
        }
        assertThat(serviceTasks).as("service tasks found").isPositive();
    }

    private static Map<String, List<String>> propertiesOf(ServiceTask task) {
        Map<String, List<String>> properties = new TreeMap<>();
        ExtensionElements extensions = task.getExtensionElements();
        if (extensions == null) {
            return properties;
        }
        for (CamundaProperties group : extensions.getChildElementsByType(CamundaProperties.class)) {
            for (CamundaProperty property : group.getCamundaProperties()) {
                properties.computeIfAbsent(property.getCamundaName(), name -> new ArrayList<>())
                        .add(property.getCamundaValue());
            }
        }
        return properties;
    }

    /** Comma-separated ISO-8601 durations, each positive: what the generic worker parses. */
    private static void assertIsBackOffSchedule(String where, String schedule) {
        assertThat(schedule).as(where).isNotBlank();
        for (String step : schedule.split(",")) {
            assertThat(Duration.parse(step.trim())).as(where + " step " + step).isPositive();
        }
    }
}
