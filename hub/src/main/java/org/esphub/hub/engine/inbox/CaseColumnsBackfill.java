package org.esphub.hub.engine.inbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * Puts the inbox columns on the open user tasks of an installation that had them before the hub
 * copied them ({@link CaseColumnsOnTasks}): run once, when the hub upgrades the inbox filters.
 */
public final class CaseColumnsBackfill {

    private static final int PAGE = 500;
    private static final List<String> NAMES = InboxColumns.COLUMNS.stream().map(InboxColumns.Column::variable).toList();

    private CaseColumnsBackfill() {
    }

    /** @return how many tasks got the columns */
    public static int onOpenTasks(TaskService tasks, RuntimeService runtime) {
        int copied = 0;
        for (int first = 0; ; first += PAGE) {
            List<Task> page = tasks.createTaskQuery().orderByTaskId().asc().listPage(first, PAGE);
            for (Task task : page) {
                if (task.getExecutionId() != null && tasks.getVariablesLocal(task.getId(), NAMES).isEmpty()) {
                    Map<String, Object> values = new HashMap<>(runtime.getVariables(task.getExecutionId(), NAMES));
                    values.values().removeIf(value -> value == null);
                    if (!values.isEmpty()) {
                        tasks.setVariablesLocal(task.getId(), values);
                        copied++;
                    }
                }
            }
            if (page.size() < PAGE) {
                return copied;
            }
        }
    }
}
