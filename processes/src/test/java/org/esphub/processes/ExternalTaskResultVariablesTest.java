package org.esphub.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Pins the engine behaviour the service tasks of referral-to-pes rely on (Camunda 7.24): an external
 * task with input parameters gets its own variable scope and the worker, fetching local variables
 * only, sees just those parameters; the variables the worker passes on completion are nevertheless
 * set on the process instance, so the process needs no output parameters to see the results.
 */
class ExternalTaskResultVariablesTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    private String deploymentId;

    @AfterEach
    void undeploy() {
        if (deploymentId != null) {
            engine.getRepositoryService().deleteDeployment(deploymentId, true);
        }
    }

    @Test
    void a_worker_sees_only_the_input_parameters_and_its_results_reach_the_process_without_output_parameters() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("io-mapping-probe")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("Work")
                    .camundaExternalTask("probe.work")
                    .camundaInputParameter("input", "${input}")
                .userTask("Wait")
                .endEvent()
                .done();
        deploymentId = engine.getRepositoryService().createDeployment()
                .addModelInstance("io-mapping-probe.bpmn", model).deploy().getId();
        ProcessInstance pi = engine.getRuntimeService()
                .startProcessInstanceByKey("io-mapping-probe", Map.of("input", "I-1", "secret", "not for the worker"));

        ExternalTaskService externalTaskService = engine.getExternalTaskService();
        List<LockedExternalTask> tasks = externalTaskService.fetchAndLock(1, "probe-worker")
                .topic("probe.work", 10_000).localVariables().execute();
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).getVariables()).containsOnlyKeys("input");

        externalTaskService.complete(tasks.get(0).getId(), "probe-worker", Map.of("result", "R-1"));

        assertThat(engine.getRuntimeService().getVariables(pi.getId())).containsEntry("result", "R-1");
    }
}
