package org.esphub.hub.support;

import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

/**
 * The process engine's clock, moved forward so a test lives through a year of retention checkpoints
 * in seconds. The hub runs in the test's JVM: the engine, its job executor and the models'
 * {@code workingCalendar} all read this clock, so a timer fired this way is fired at "its" time and
 * everything computed from now on (the appeal deadline, the days of stable employment) follows.
 *
 * <p>The clock keeps running after a move (an offset, not a frozen instant): external-task locks and
 * retry back-offs still expire as they would. Call {@link #reset()} after each test.
 */
public final class EngineClock {

    /**
     * How far before its due date a timer is fired. The job executor only takes due jobs, so the
     * timer is left to this class and fires exactly once; a minute is far more than executing it takes.
     */
    private static final Duration AHEAD_OF_DUE = Duration.ofMinutes(1);

    private final ManagementService managementService;
    private final ExternalTaskClient workers;

    /**
     * @param workers the external-task client of the workers running in the hub's JVM, paused while
     *                the clock goes back (see {@link #reset()})
     */
    public EngineClock(ManagementService managementService, ExternalTaskClient workers) {
        this.managementService = managementService;
        this.workers = workers;
    }

    /**
     * Moves the clock to just before the timer is due (never back) and fires it now, in the caller's
     * thread: the wait the timer models is over, and what follows runs as on that day.
     */
    public void fire(Job timer) {
        moveTo(timer.getDuedate().toInstant().minus(AHEAD_OF_DUE));
        managementService.executeJob(timer.getId());
    }

    /** The engine's now. */
    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /**
     * Back to the system clock. The in-JVM workers pause meanwhile: the engine REST API times a long
     * poll on the engine clock, so a poll registered on the moved clock would wait for that time to
     * come round again, holding the worker until its HTTP client gives up (minutes, e.g. at shutdown).
     * Stopping the client returns once its current poll has timed out on the moved clock.
     */
    public void reset() {
        workers.stop();
        try {
            ClockUtil.reset();
        } finally {
            workers.start();
        }
    }

    private void moveTo(Instant moment) {
        if (moment.isAfter(now())) {
            ClockUtil.offset(moment.toEpochMilli() - System.currentTimeMillis());
        }
    }
}
