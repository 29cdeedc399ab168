package org.esphub.processes.engine;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.task.Task;

/**
 * Execution listener that raises the priority of the open task(s) of this process instance with a
 * given task definition key, e.g. on a non-interrupting "overdue" timer so the late task rises to
 * the top of the Tasklist inbox.
 *
 * <pre>{@code
 * <camunda:executionListener class="org.esphub.processes.engine.RaiseTaskPriority" event="start">
 *   <camunda:field name="taskDefinitionKey"><camunda:string>Intake</camunda:string></camunda:field>
 *   <camunda:field name="priority"><camunda:string>90</camunda:string></camunda:field>
 * </camunda:executionListener>
 * }</pre>
 */
public class RaiseTaskPriority implements ExecutionListener {

    private Expression taskDefinitionKey;
    private Expression priority;

    @Override
    public void notify(DelegateExecution execution) {
        String key = requiredString(taskDefinitionKey, "taskDefinitionKey", execution);
        int newPriority = toPriority(requiredValue(priority, "priority", execution));

        TaskService taskService = execution.getProcessEngineServices().getTaskService();
        for (Task task : taskService.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(key)
                .list()) {
            taskService.setPriority(task.getId(), newPriority);
        }
    }

    public void setTaskDefinitionKey(Expression taskDefinitionKey) {
        this.taskDefinitionKey = taskDefinitionKey;
    }

    public void setPriority(Expression priority) {
        this.priority = priority;
    }

    private static Object requiredValue(Expression expression, String field, DelegateExecution execution) {
        Object value = expression == null ? null : expression.getValue(execution);
        if (value == null) {
            throw new IllegalStateException("RaiseTaskPriority needs the field '" + field + "' (activity "
                    + execution.getCurrentActivityId() + ")");
        }
        return value;
    }

    private static String requiredString(Expression expression, String field, DelegateExecution execution) {
        String value = requiredValue(expression, field, execution).toString().trim();
        if (value.isEmpty()) {
            throw new IllegalStateException("RaiseTaskPriority needs a non-empty '" + field + "' (activity "
                    + execution.getCurrentActivityId() + ")");
        }
        return value;
    }

    private static int toPriority(Object value) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("RaiseTaskPriority: priority is not a whole number: " + value, e);
        }
    }
}
