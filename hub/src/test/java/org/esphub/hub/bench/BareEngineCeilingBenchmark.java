package org.esphub.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.esphub.processes.ReferralToPes.BENEFIT_STATUS_ACTIVE;
import static org.esphub.processes.ReferralToPes.MESSAGE_REGISTRATION_CONFIRMED;
import static org.esphub.processes.ReferralToPes.TOPIC_FETCH_PROFILE;
import static org.esphub.processes.ReferralToPes.TOPIC_REGISTER_JOBSEEKER;
import static org.esphub.processes.ReferralToPes.VAR_BENEFIT_END_DATE;
import static org.esphub.processes.ReferralToPes.VAR_BENEFIT_STATUS;
import static org.esphub.processes.ReferralToPes.VAR_BIRTH_DATE;
import static org.esphub.processes.ReferralToPes.VAR_FAMILY_NAME;
import static org.esphub.processes.ReferralToPes.VAR_GIVEN_NAME;
import static org.esphub.processes.ReferralToPes.VAR_MONTHLY_BENEFIT_AMOUNT;
import static org.esphub.processes.ReferralToPes.VAR_PES_CASE_NUMBER;
import static org.esphub.processes.ReferralToPes.VAR_REGISTERED_AT;
import static org.esphub.processes.ReferralToPes.VAR_WORK_ABLE;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.variable.Variables;
import org.esphub.processes.ReferralToPes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * Part (c) of bench/run.sh, the ceiling the hub's referral path is compared with: the engine as
 * the hub configures it, on the same database server, running the same BPMN and DMN models, with
 * every external task completed in this JVM as soon as it can be fetched and PES's confirmation
 * correlated at once. No HTTP, no workers, no Camel, no gate, no audit log, no agency simulator:
 * what is left is the engine's own work per referral (the start, two asynchronous continuations
 * on the job executor, two external tasks, the eligibility decision, one message correlation and
 * the intake task). The hub's overhead is then (b) against (c), measured in the same run.
 *
 * <p>Not part of the test suite (tag "benchmark"); it prints numbers and checks only that every
 * referral reached the inbox.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"demo", "it"})
@TestPropertySource(properties = {
    "spring.datasource.url=${ESP_TEST_DATABASE_URL}",
    "spring.datasource.username=${ESP_TEST_DATABASE_USER:postgres}",
    "spring.datasource.password=${ESP_TEST_DATABASE_PASSWORD:}",
    // the bare engine: nobody but this class works the external tasks
    "esp.workers.enabled=false",
    "logging.level.root=WARN"
})
class BareEngineCeilingBenchmark {

    private static final String WORKER = "bare-engine-ceiling";
    private static final long LOCK_MS = 60_000;

    @Autowired
    private RuntimeService runtimeService;
    @Autowired
    private TaskService taskService;
    @Autowired
    private ExternalTaskService externalTaskService;

    @Test
    void referrals_on_the_bare_engine_reach_the_inbox() throws Exception {
        int referrals = Integer.getInteger("bench.referrals", 1000);
        int starters = Integer.getInteger("bench.concurrency", 16);
        int completers = Integer.getInteger("bench.completers", 4);
        String run = "BARE-" + UUID.randomUUID().toString().substring(0, 8);

        AtomicBoolean working = new AtomicBoolean(true);
        ExecutorService completing = Executors.newFixedThreadPool(completers);
        for (int n = 0; n < completers; n++) {
            completing.submit(() -> completeUntilStopped(working));
        }
        ExecutorService starting = Executors.newFixedThreadPool(starters);
        long start = System.nanoTime();
        for (int n = 0; n < referrals; n++) {
            String referenceId = run + "-R" + n;
            starting.submit(() -> runtimeService.startProcessInstanceByKey(ReferralToPes.PROCESS_KEY, referenceId,
                    Variables.createVariables()
                            .putValue(ReferralToPes.VAR_REFERENCE_ID, referenceId)
                            .putValue(ReferralToPes.VAR_PERSON_ID, "10000000001")
                            .putValue(ReferralToPes.VAR_CORRELATION_ID, UUID.randomUUID().toString())
                            .putValue(ReferralToPes.VAR_SENDER_ID, "sa.gov.example")
                            .putValue(ReferralToPes.VAR_MESSAGE_ID, referenceId)
                            .putValue(ReferralToPes.VAR_REFERRAL_RECEIVED_AT, new Date())
                            .putValue(ReferralToPes.VAR_INTAKE_WORKING_DAYS,
                                    ReferralToPes.DEFAULT_INTAKE_WORKING_DAYS)));
        }
        starting.shutdown();
        assertThat(starting.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        long started = System.nanoTime();

        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> inInbox(run) >= referrals);
        long done = System.nanoTime();
        working.set(false);
        completing.shutdown();
        assertThat(completing.awaitTermination(1, TimeUnit.MINUTES)).isTrue();

        System.out.printf("bare engine ceiling: started %d in %.1f s = %.1f/s; all in the intake inbox after"
                + " %.1f s = %.1f referrals/s sustained (%d starters, %d completers)%n", referrals,
                (started - start) / 1e9, referrals / ((started - start) / 1e9), (done - start) / 1e9,
                referrals / ((done - start) / 1e9), starters, completers);
        assertThat(inInbox(run)).isEqualTo(referrals);
    }

    /** What the workers, the agencies and PES's event would do, at once and in this JVM. */
    private void completeUntilStopped(AtomicBoolean working) {
        while (working.get()) {
            List<LockedExternalTask> tasks;
            try {
                tasks = externalTaskService.fetchAndLock(20, WORKER)
                        .topic(TOPIC_FETCH_PROFILE, LOCK_MS)
                        .topic(TOPIC_REGISTER_JOBSEEKER, LOCK_MS)
                        .execute();
            } catch (OptimisticLockingException anotherCompleterTookThem) {
                continue;
            }
            for (LockedExternalTask task : tasks) {
                if (TOPIC_FETCH_PROFILE.equals(task.getTopicName())) {
                    externalTaskService.complete(task.getId(), WORKER, eligibleProfile());
                } else {
                    externalTaskService.complete(task.getId(), WORKER,
                            Map.of(VAR_PES_CASE_NUMBER, "PES-" + task.getBusinessKey()));
                    runtimeService.createMessageCorrelation(MESSAGE_REGISTRATION_CONFIRMED)
                            .processInstanceBusinessKey(task.getBusinessKey())
                            .setVariable(VAR_REGISTERED_AT, new Date())
                            .correlateWithResult();
                }
            }
            if (tasks.isEmpty()) {
                // nothing fetchable yet: every empty fetch is a query, so pause briefly rather than
                // take the database and the cores from the job executor that makes the next task
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            }
        }
    }

    /** What SA's profile says of a work-able adult with an active benefit. */
    private static Map<String, Object> eligibleProfile() {
        Map<String, Object> profile = new HashMap<>();
        profile.put(VAR_GIVEN_NAME, "Ana");
        profile.put(VAR_FAMILY_NAME, "Krasniqi");
        profile.put(VAR_BIRTH_DATE, LocalDate.now().minusYears(40).toString());
        profile.put(VAR_WORK_ABLE, true);
        profile.put(VAR_BENEFIT_STATUS, BENEFIT_STATUS_ACTIVE);
        profile.put(VAR_BENEFIT_END_DATE, null);
        profile.put(VAR_MONTHLY_BENEFIT_AMOUNT, 800.0);
        return profile;
    }

    private long inInbox(String run) {
        return taskService.createTaskQuery().taskDefinitionKey(ReferralToPes.INTAKE)
                .processInstanceBusinessKeyLike(run + "-%").count();
    }
}
