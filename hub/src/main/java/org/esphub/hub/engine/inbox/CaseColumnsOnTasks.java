package org.esphub.hub.engine.inbox;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Copies the inbox columns from the case onto a user task as it is created, as task variables.
 * Tasklist reads a filter's variables with a variable query, which a caseworker passes only for
 * variables of tasks they may read: caseworkers have no right to read process instances (they
 * see their group's tasks, not every case), so the case's own variables would leave the row
 * empty. A caseworker may already read these values through the task (its form shows them), so
 * the copy shows nothing new; it ends with the task.
 */
final class CaseColumnsOnTasks implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        for (InboxColumns.Column column : InboxColumns.COLUMNS) {
            Object value = task.getExecution().getVariable(column.variable());
            if (value != null) {
                task.setVariableLocal(column.variable(), value);
            }
        }
    }
}
