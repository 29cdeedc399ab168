package org.esphub.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.esphub.governance.consent.ConsentActor;
import org.esphub.governance.consent.ConsentRegistry;
import org.esphub.governance.consent.NewConsent;
import org.esphub.hub.intake.IntakeLedger;
import org.esphub.processes.ReferralToPes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The ceiling for bench/run.sh: the same referral load started straight through the engine's
 * Java API (no HTTP, no validation, no dedup), with the same BPMN, workers, routes and
 * simulators, measured until every instance waits in the intake inbox. Not part of the test
 * suite (tag "benchmark"); it reports numbers and checks only that every instance arrived.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"demo", "it"})
@TestPropertySource(properties = {
    "spring.datasource.url=${ESP_TEST_DATABASE_URL}",
    "spring.datasource.username=${ESP_TEST_DATABASE_USER:postgres}",
    "spring.datasource.password=${ESP_TEST_DATABASE_PASSWORD:}",
    "logging.level.root=WARN"
})
class EngineCeilingBenchmark {

    @Autowired
    private RuntimeService runtimeService;
    @Autowired
    private TaskService taskService;
    @Autowired
    private ConsentRegistry consents;
    @Autowired
    private IntakeLedger ledger;

    @Test
    void referrals_started_through_the_engine_api_reach_the_inbox() throws Exception {
        int referrals = Integer.getInteger("bench.referrals", 1000);
        int starters = Integer.getInteger("bench.concurrency", 16);
        String run = "CEILING-" + UUID.randomUUID().toString().substring(0, 8);
        // the referral agreement needs the person's consent; the intake records it from the DCI referral
        consents.record(new NewConsent("10000000001", ReferralToPes.PURPOSE_EMPLOYMENT_ACTIVATION, null, null, null,
                "engine ceiling benchmark", null, null, null), new ConsentActor("benchmark", "sa.gov.example"));

        ExecutorService pool = Executors.newFixedThreadPool(starters);
        long start = System.nanoTime();
        for (int n = 0; n < referrals; n++) {
            String referenceId = run + "-R" + n;
            pool.submit(() -> {
                String correlationId = UUID.randomUUID().toString();
                String instanceId = runtimeService.startProcessInstanceByKey(ReferralToPes.PROCESS_KEY, referenceId,
                        Variables.createVariables()
                                .putValue(ReferralToPes.VAR_REFERENCE_ID, referenceId)
                                .putValue(ReferralToPes.VAR_PERSON_ID, "10000000001")
                                .putValue(ReferralToPes.VAR_CORRELATION_ID, correlationId)
                                .putValue(ReferralToPes.VAR_SENDER_ID, "sa.gov.example")
                                .putValue(ReferralToPes.VAR_MESSAGE_ID, referenceId)
                                .putValue(ReferralToPes.VAR_REFERRAL_RECEIVED_AT, new Date())
                                .putValue(ReferralToPes.VAR_INTAKE_WORKING_DAYS, 5)).getId();
                // what the intake records with each referral: PES's RegistrationConfirmed is taken only
                // for a referral the hub knows (its agencies take part in it)
                ledger.recordReferral(referenceId, "10000000001", "sa.gov.example", referenceId, correlationId,
                        Instant.now());
                ledger.recordProcessStarted(referenceId, instanceId);
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        long started = System.nanoTime();

        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> inInbox(run) >= referrals);
        long done = System.nanoTime();

        System.out.printf("ceiling (engine Java API): started %d in %.1f s = %.1f/s; all in the intake inbox after"
                + " %.1f s = %.1f referrals/s sustained%n", referrals, (started - start) / 1e9,
                referrals / ((started - start) / 1e9), (done - start) / 1e9, referrals / ((done - start) / 1e9));
        assertThat(inInbox(run)).isEqualTo(referrals);
    }

    private long inInbox(String run) {
        return taskService.createTaskQuery().taskDefinitionKey(ReferralToPes.INTAKE)
                .processInstanceBusinessKeyLike(run + "-%").count();
    }
}
