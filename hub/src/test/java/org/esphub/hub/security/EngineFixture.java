package org.esphub.hub.security;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

/**
 * Process instances the matrix probes the engine REST API on. The engine checks most of its
 * authorizations on an existing instance or task (a made-up id answers 404 to everyone), and a
 * probe that is let through may change it (a completed task), so every such probe gets a fresh
 * instance: a PES caseworkers' user task and an external task nobody else works, side by side,
 * the external task locked by the probes' worker (a worker may complete or fail only its own
 * lock, and the engine says so with 400 before it checks authorizations).
 * Made through the engine's Java API, which checks no authorizations.
 */
final class EngineFixture {

    static final String PROCESS = "authorization-matrix-probe";
    static final String TOPIC = "authorization-matrix-probe";
    static final String CANDIDATE_GROUP = "pes-caseworkers";
    /** The worker that holds the lock of every fixture's external task, as the probes name it. */
    static final String WORKER = "authorization-matrix";

    private static final String MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="matrix" targetNamespace="http://esp-hub.org/test">
              <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
                <bpmn:startEvent id="start"/>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork"/>
                <bpmn:parallelGateway id="fork"/>
                <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="caseworkerTask"/>
                <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="workerTask"/>
                <bpmn:userTask id="caseworkerTask" camunda:candidateGroups="%s"/>
                <bpmn:serviceTask id="workerTask" camunda:type="external" camunda:topic="%s"/>
                <bpmn:sequenceFlow id="f4" sourceRef="caseworkerTask" targetRef="end1"/>
                <bpmn:sequenceFlow id="f5" sourceRef="workerTask" targetRef="end2"/>
                <bpmn:endEvent id="end1"/>
                <bpmn:endEvent id="end2"/>
              </bpmn:process>
            </bpmn:definitions>
            """.formatted(PROCESS, CANDIDATE_GROUP, TOPIC);

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ExternalTaskService externalTasks;

    EngineFixture(RepositoryService repository, RuntimeService runtime, TaskService tasks,
            ExternalTaskService externalTasks) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.externalTasks = externalTasks;
        repository.createDeployment().name(PROCESS).addString(PROCESS + ".bpmn", MODEL).enableDuplicateFiltering(true)
                .deploy();
    }

    /** A fresh instance: its id, its user task's id and its external task's id. */
    Instance fresh() {
        String instance = runtime.startProcessInstanceByKey(PROCESS).getId();
        String userTask = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
        String externalTask = externalTasks.createExternalTaskQuery().processInstanceId(instance).singleResult().getId();
        externalTasks.lock(externalTask, WORKER, 600_000);
        return new Instance(instance, userTask, externalTask);
    }

    record Instance(String processInstance, String userTask, String externalTask) {

        String fill(String path) {
            return path.replace("{process-instance}", processInstance).replace("{user-task}", userTask)
                    .replace("{external-task}", externalTask);
        }
    }

    static boolean isNeededBy(String probePath) {
        return probePath.contains("{process-instance}") || probePath.contains("{user-task}")
                || probePath.contains("{external-task}");
    }
}
