package org.esphub.hub.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.esphub.processes.ReferralToPes;

/**
 * The process instances of one referral as the engine holds them: the {@code referral-to-pes}
 * instance and every instance it called (training, placement, benefit adjustment, appeal), which
 * all run under the referral's business key. Read-only, except for ending it after a test.
 *
 * <p>Waits are Awaitility conditions on engine state, never sleeps.
 */
public final class ReferralTree {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final ManagementService managementService;
    private final ProcessEngine engine;
    private final String referenceId;
    private final String rootProcessKey;
    private String rootId;

    public ReferralTree(ProcessEngine engine, String referenceId) {
        this(engine, referenceId, ReferralToPes.PROCESS_KEY);
    }

    /** The instances under {@code referenceId} whose root is an instance of {@code rootProcessKey}. */
    public ReferralTree(ProcessEngine engine, String referenceId, String rootProcessKey) {
        this.rootProcessKey = rootProcessKey;
        this.engine = engine;
        this.runtimeService = engine.getRuntimeService();
        this.historyService = engine.getHistoryService();
        this.managementService = engine.getManagementService();
        this.referenceId = referenceId;
    }

    /** The id of the referral-to-pes instance, once the intake has started it. */
    public String rootId() {
        if (rootId == null) {
            await().atMost(TIMEOUT).until(() -> rootOrNull() != null);
            rootId = rootOrNull().getId();
        }
        return rootId;
    }

    /** Waits until some instance of the referral waits for the message (an agency event). */
    public void awaitWaitingFor(String messageName) {
        await().atMost(TIMEOUT).alias(String.format("referral %s waits for %s", referenceId, messageName))
                .until(() -> runtimeService.createExecutionQuery()
                        .processInstanceBusinessKey(referenceId)
                        .messageEventSubscriptionName(messageName)
                        .count() > 0);
    }

    /** Waits until the referral has passed {@code activityId} {@code times} times, in any of its instances. */
    public void awaitPassedThrough(String activityId, int times) {
        await().atMost(TIMEOUT).alias(String.format("referral %s passed %s %d times", referenceId, activityId, times))
                .until(() -> timesPassed(activityId) >= times);
    }

    /** How often any instance of the referral completed {@code activityId}. */
    public long timesPassed(String activityId) {
        return historicInstances().stream()
                .mapToLong(instance -> historyService.createHistoricActivityInstanceQuery()
                        .processInstanceId(instance.getId()).activityId(activityId).finished().count())
                .sum();
    }

    /**
     * Waits until the referral waits on a timer at {@code activityId} and nothing else is under way
     * (no async continuation, no external task): only then may the clock be moved, so no agency call
     * in flight finds its lock expired and runs twice. The timer must be the referral's next one:
     * firing a later one would let the job executor fire the earlier ones behind the test's back.
     */
    public Job awaitNextTimer(String activityId) {
        await().atMost(TIMEOUT).alias(String.format("referral %s waits on a timer at %s", referenceId, activityId))
                .until(() -> !timersAt(activityId).isEmpty());
        awaitQuiet();
        Job next = pendingTimers().get(0);
        Job timer = timersAt(activityId).get(0);
        assertThat(next.getId())
                .as("the referral's next timer is %s (due %s), not %s", activityOf(next), next.getDuedate(), activityId)
                .isEqualTo(timer.getId());
        return timer;
    }

    /** Waits until no job or external task of the referral is waiting to be worked. */
    public void awaitQuiet() {
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(workUnderWay())
                .as("work under way for referral %s", referenceId).isEmpty());
    }

    /** Waits until the referral-to-pes instance has ended at {@code endEventId}. */
    public void awaitEndedAt(String endEventId) {
        await().atMost(TIMEOUT).alias("referral " + referenceId + " ended").until(() -> historyService
                .createHistoricProcessInstanceQuery().processInstanceId(rootId()).completed().count() == 1);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(rootId()).singleResult()
                .getEndActivityId()).as("end of referral %s", referenceId).isEqualTo(endEventId);
    }

    /** The called instances of one process (e.g. every benefit-adjustment), oldest first. */
    public List<HistoricProcessInstance> calledInstancesOf(String processKey) {
        return historicInstances().stream()
                .filter(instance -> processKey.equals(instance.getProcessDefinitionKey()))
                .sorted(Comparator.comparing(HistoricProcessInstance::getStartTime))
                .toList();
    }

    /** The timers of the referral still to fire, earliest first. */
    public List<Job> pendingTimers() {
        return managementService.createJobQuery().rootProcessInstanceId(rootId()).timers()
                .orderByJobDuedate().asc().list();
    }

    /** The activities whose timers are still to fire, earliest first. */
    public List<String> pendingTimerActivities() {
        return pendingTimers().stream().map(this::activityOf).toList();
    }

    /** Whether the referral-to-pes instance still runs. */
    public boolean isRunning() {
        return runtimeService.createProcessInstanceQuery().processInstanceId(rootId()).count() == 1;
    }

    /**
     * Ends what still runs of the referral (its called instances with it), so that its timers do not
     * fire when the next test moves the clock.
     */
    public void endIfRunning(String reason) {
        HistoricProcessInstance root = rootOrNull();
        if (root != null) {
            // a job or a worker may be moving the instance on at this moment: the delete then loses
            // the optimistic lock or, on PostgreSQL, trips a foreign key on a row that transaction just
            // added (a persistence exception); either way it is tried again on the instance as it is now.
            // One predicate for both: Awaitility keeps one ignorer, a second ignoreException replaces the first
            await().atMost(Duration.ofSeconds(30))
                    .ignoreExceptionsMatching(e -> e instanceof OptimisticLockingException
                            || e instanceof ProcessEnginePersistenceException).until(() -> {
                runtimeService.deleteProcessInstanceIfExists(root.getId(), reason, false, true, false, false);
                return true;
            });
        }
    }

    private List<Job> timersAt(String activityId) {
        return managementService.createJobQuery().rootProcessInstanceId(rootId()).timers().activityId(activityId)
                .list();
    }

    /** Jobs due now and external tasks of the referral's instances, described for a failure message. */
    private List<String> workUnderWay() {
        List<String> work = new ArrayList<>();
        managementService.createJobQuery().rootProcessInstanceId(rootId()).executable().list()
                .forEach(job -> work.add("job at " + activityOf(job) + " (retries " + job.getRetries()
                        + ", " + job.getExceptionMessage() + ")"));
        List<String> running = runtimeService.createProcessInstanceQuery().rootProcessInstanceId(rootId()).list()
                .stream().map(ProcessInstance::getId).toList();
        if (!running.isEmpty()) {
            engine.getExternalTaskService().createExternalTaskQuery()
                    .processInstanceIdIn(running.toArray(String[]::new)).list()
                    .forEach(task -> work.add(describe(task)));
        }
        return work;
    }

    /** The activity a job belongs to (a timer's event, an async continuation's task). */
    private String activityOf(Job job) {
        return managementService.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult()
                .getActivityId();
    }

    private static String describe(ExternalTask task) {
        return "external task " + task.getTopicName() + " at " + task.getActivityId() + " (retries "
                + task.getRetries() + ", " + task.getErrorMessage() + ")";
    }

    private List<HistoricProcessInstance> historicInstances() {
        return historyService.createHistoricProcessInstanceQuery().rootProcessInstanceId(rootId()).list();
    }

    private HistoricProcessInstance rootOrNull() {
        return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(referenceId)
                .processDefinitionKey(rootProcessKey).singleResult();
    }
}
