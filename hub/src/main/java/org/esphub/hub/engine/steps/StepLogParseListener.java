package org.esphub.hub.engine.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.esphub.processes.ReferralToPes;
import org.esphub.workers.logging.ReferralLogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of a referral the engine takes by itself, one INFO line each with the referral's
 * reference (the business key every process of a referral shares) and correlation id: a human
 * task reaching an inbox and its completion, a decision (DMN), a process reaching its end. The
 * other steps say so where they happen, once: external tasks in the workers' hand-off, agency
 * events in the event intake, the referral's start in the intake.
 */
final class StepLogParseListener extends AbstractBpmnParseListener {

    private static final Logger LOG = LoggerFactory.getLogger("org.esphub.hub.steps");

    private static final TaskListener TASK_CREATED = task -> log(task.getExecution(), "task '{}' ({}) in the inbox of {}",
            task.getName(), task.getTaskDefinitionKey(), candidates(task));
    private static final TaskListener TASK_COMPLETED = task -> log(task.getExecution(), "task '{}' ({}) completed by {}",
            task.getName(), task.getTaskDefinitionKey(), completedBy(task));
    private static final ExecutionListener DECIDED = execution -> log(execution, "'{}' ({}) decided",
            execution.getCurrentActivityName(), execution.getCurrentActivityId());
    private static final ExecutionListener ENDED = execution -> log(execution, "{} ended at '{}' ({})",
            execution.getProcessDefinitionId().split(":")[0], execution.getCurrentActivityName(),
            execution.getCurrentActivityId());

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition task = taskDefinition(activity);
        if (task != null) {
            task.addTaskListener(TaskListener.EVENTNAME_CREATE, TASK_CREATED);
            task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, TASK_COMPLETED);
        }
    }

    @Override
    public void parseBusinessRuleTask(Element businessRuleTaskElement, ScopeImpl scope, ActivityImpl activity) {
        activity.addListener(ExecutionListener.EVENTNAME_END, DECIDED);
    }

    @Override
    public void parseEndEvent(Element endEventElement, ScopeImpl scope, ActivityImpl activity) {
        // the end of a process, not of an embedded sub-process or event sub-process within it
        if (scope == activity.getProcessDefinition()) {
            activity.addListener(ExecutionListener.EVENTNAME_END, ENDED);
        }
    }

    private static TaskDefinition taskDefinition(ActivityImpl activity) {
        return activity.getActivityBehavior() instanceof org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior user
                ? user.getTaskDefinition() : null;
    }

    /** Whoever completes it (a caseworker need not claim a task first), else its assignee. */
    private static String completedBy(DelegateTask task) {
        String user = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
        return user != null ? user : task.getAssignee() != null ? task.getAssignee() : "the engine";
    }

    private static String candidates(DelegateTask task) {
        String groups = task.getCandidates().stream()
                .map(link -> link.getGroupId() != null ? link.getGroupId() : link.getUserId())
                .distinct().sorted().reduce((a, b) -> a + ", " + b).orElse(null);
        return groups != null ? groups : task.getAssignee() != null ? task.getAssignee() : "no one yet";
    }

    private static void log(DelegateExecution execution, String step, Object... arguments) {
        if (execution == null || !LOG.isInfoEnabled()) {
            return;
        }
        String referenceId = execution.getProcessBusinessKey();
        Object correlationId = execution.getVariable(ReferralToPes.VAR_CORRELATION_ID);
        try (ReferralLogContext context = ReferralLogContext.open(referenceId,
                correlationId instanceof String id ? id : null)) {
            Object[] withReference = new Object[arguments.length + 1];
            withReference[0] = referenceId;
            System.arraycopy(arguments, 0, withReference, 1, arguments.length);
            LOG.info("referral {}: " + step, withReference);
        }
    }
}
