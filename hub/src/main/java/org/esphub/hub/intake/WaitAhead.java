package org.esphub.hub.intake;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.springframework.stereotype.Component;

/**
 * Whether a running process is on its way to wait for a message: one of its steps is in motion
 * (a service task a worker holds or a job will run, never a person's task) and its path leads,
 * through automatic steps and gateways only, to a catch of that message.
 *
 * <p>That is the race of an agency answering before the hub recorded that it asked: PES confirms
 * a registration while the worker that registered the person has not yet completed its task (or
 * died before it could, and the task waits for its lock to run out). Such an event is early, not
 * wrong, and is held ({@link EarlyEventHold}). An event whose moment has passed (a second
 * confirmation after the intake began, a report after the training ended) finds no step in
 * motion towards it and is refused as before.
 */
@Component
public class WaitAhead {

    private final RuntimeService runtimeService;
    private final RepositoryService repositoryService;

    public WaitAhead(RuntimeService runtimeService, RepositoryService repositoryService) {
        this.runtimeService = runtimeService;
        this.repositoryService = repositoryService;
    }

    /**
     * @param businessKey the processes' business key (the referral's reference_id; called
     *        processes carry it on)
     * @param messageName the BPMN message the event is correlated as
     */
    public boolean headsFor(String businessKey, String messageName) {
        for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey).list()) {
            BpmnModelInstance model = repositoryService.getBpmnModelInstance(instance.getProcessDefinitionId());
            for (String activityId : runtimeService.getActiveActivityIds(instance.getId())) {
                if (model.getModelElementById(activityId) instanceof FlowNode step && inMotion(step)
                        && leadsTo(step, messageName)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A step the engine or a worker carries on by itself; a person's task or a wait is not. */
    static boolean inMotion(FlowNode step) {
        return step instanceof ServiceTask || step instanceof SendTask || step instanceof ScriptTask
                || step instanceof BusinessRuleTask || step instanceof IntermediateThrowEvent
                || (step instanceof Gateway && !(step instanceof EventBasedGateway));
    }

    /** Breadth-first along the sequence flows after {@code from}, through steps in motion only. */
    static boolean leadsTo(FlowNode from, String messageName) {
        Deque<FlowNode> ahead = new ArrayDeque<>(targetsOf(from));
        Set<String> seen = new HashSet<>();
        while (!ahead.isEmpty()) {
            FlowNode next = ahead.poll();
            if (!seen.add(next.getId())) {
                continue;
            }
            if (catches(next, messageName)) {
                return true;
            }
            if (next instanceof EventBasedGateway) {
                if (targetsOf(next).stream().anyMatch(event -> catches(event, messageName))) {
                    return true;
                }
            } else if (next instanceof SubProcess inner && !inner.triggeredByEvent()) {
                inner.getChildElementsByType(StartEvent.class).forEach(start -> ahead.addAll(targetsOf(start)));
            } else if (inMotion(next)) {
                ahead.addAll(targetsOf(next));
            }
        }
        return false;
    }

    private static Collection<FlowNode> targetsOf(FlowNode node) {
        return node.getOutgoing().stream().map(SequenceFlow::getTarget).toList();
    }

    private static boolean catches(FlowNode node, String messageName) {
        if (node instanceof ReceiveTask receive) {
            return named(receive.getMessage(), messageName);
        }
        if (node instanceof IntermediateCatchEvent event) {
            return event.getEventDefinitions().stream().anyMatch(definition ->
                    definition instanceof MessageEventDefinition message && named(message.getMessage(), messageName));
        }
        return false;
    }

    private static boolean named(Message message, String messageName) {
        return message != null && messageName.equals(message.getName());
    }
}
