package org.esphub.processes;

/**
 * The priorities a human task of a process model starts with ({@code camunda:priority}) or is raised
 * to. Tasklist's inboxes sort by due date; the priority only marks what is late, so there are three
 * levels and no more: a caseworker's task, a supervisor's follow-up of something late, and a task
 * that is itself overdue.
 */
public final class TaskPriorities {

    /** Every caseworker's or officer's task, Camunda's default. */
    public static final int ROUTINE = 50;
    /** A supervisor's follow-up of a task that is late or nearly so. */
    public static final int FOLLOW_UP = 70;
    /** A task past (or close to) its deadline, raised by the model's timer so it tops the inbox. */
    public static final int RAISED = 90;

    private TaskPriorities() {
    }
}
