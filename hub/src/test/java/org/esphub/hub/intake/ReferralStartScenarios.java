package org.esphub.hub.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.esphub.hub.api.ReferralQueries;
import org.esphub.hub.support.EligiblePeople;
import org.esphub.hub.support.Referrals;
import org.esphub.hub.support.Referrals.Referral;
import org.esphub.hub.webhooks.ReferralWebhooks;
import org.esphub.processes.ReferralToPes;
import org.esphub.simulators.population.SyntheticPopulation;
import org.esphub.simulators.tax.ContributionRegister;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How an accepted referral item gets its process (ADR 0029), on the real hub: the intake's
 * transaction writes no engine rows and the process starts once it committed; an item left
 * behind is started by the sweeper; two starters racing for one item start one instance; a start
 * that keeps failing is retried, then parked with its reason.
 *
 * <p>The subclasses run it on H2 and PostgreSQL, whose row locks settle the race. The scheduled
 * sweep is slowed down to once an hour, so each test drives the sweeper itself.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class ReferralStartScenarios {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String CLIENT = "sa-system";
    private static final String SENDER = "sa.gov.example";

    @Autowired
    private ReferralIntake intake;
    @Autowired
    private ReferralStarter starter;
    @Autowired
    private ReferralStartSweeper sweeper;
    @Autowired
    private ReferralStartInbox inbox;
    @Autowired
    private IntakeLedger ledger;
    @Autowired
    private ReferralStartMetrics metrics;
    @Autowired
    private ReferralStartProperties properties;
    @Autowired
    private ReferralWebhooks webhooks;
    @Autowired
    private ReferralQueries referralQueries;
    @Autowired
    private RuntimeService runtimeService;
    @Autowired
    private HistoryService historyService;
    @Autowired
    private PlatformTransactionManager transactionManager;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private SyntheticPopulation population;
    @Autowired
    private ContributionRegister register;
    @Autowired
    private Clock clock;

    private EligiblePeople eligible;
    private TransactionTemplate transaction;

    @BeforeEach
    void setUp() {
        eligible = new EligiblePeople(population, register, jdbc);
        transaction = new TransactionTemplate(transactionManager);
    }

    @Test
    void the_ack_transaction_writes_no_engine_rows_and_the_process_starts_once_it_committed() {
        Referral referral = Referrals.forPerson(eligible.next());
        String ref = referral.referenceId();
        long startsBefore = meters.get(ReferralStartMetrics.DELAY).timer().count();

        IntakeReceipt receipt = transaction.execute(status -> {
            IntakeReceipt inTransaction = intake.acceptFromApi(referral.json(), CLIENT, null);
            // what the ACK's transaction wrote, seen from inside it: the item, its inbox row, no instance
            assertThat(engineRowsOf(ref)).as("engine rows written by the ACK's transaction").isZero();
            assertThat(inboxRows(ref)).isEqualTo(1);
            assertThat(processInstanceIdOf(ref)).isNull();
            return inTransaction;
        });
        assertThat(receipt.items()).containsExactly(IntakeReceipt.Item.accepted(ref));

        await().atMost(TIMEOUT).until(() -> instancesOf(ref) == 1 && processInstanceIdOf(ref) != null);
        String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(ref)
                .processDefinitionKey(ReferralToPes.PROCESS_KEY).singleResult().getId();
        assertThat(processInstanceIdOf(ref)).isEqualTo(instanceId);
        assertThat(inboxRows(ref)).as("the inbox row goes with the start").isZero();
        assertThat(runtimeService.getVariables(instanceId)).containsEntry(ReferralToPes.VAR_REFERENCE_ID, ref)
                .containsEntry(ReferralToPes.VAR_SENDER_ID, SENDER)
                .containsEntry(ReferralToPes.VAR_MESSAGE_ID, referral.messageId())
                .containsEntry(ReferralToPes.VAR_REFERRAL_REASON, "ACTIVATION_MANDATE")
                .containsEntry(ReferralToPes.VAR_PROGRAM_ID, "SP-UNEMP-001")
                .containsEntry(ReferralToPes.VAR_INTAKE_WORKING_DAYS, 5);
        assertThat(meters.get(ReferralStartMetrics.DELAY).timer().count()).isGreaterThan(startsBefore);
    }

    @Test
    void an_item_rolled_back_with_its_ack_never_starts() {
        Referral referral = Referrals.forPerson(eligible.next());
        transaction.executeWithoutResult(status -> {
            intake.acceptFromApi(referral.json(), CLIENT, null);
            status.setRollbackOnly();
        });
        assertThat(inboxRows(referral.referenceId())).as("nothing left for the sweeper").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM esp_referral WHERE reference_id = ?", Integer.class,
                referral.referenceId())).isZero();
        sweeper.sweepDue();
        assertThat(instancesOf(referral.referenceId())).isZero();
    }

    @Test
    void an_item_left_behind_by_its_node_is_started_by_the_sweeper_and_one_not_yet_due_is_left_alone() {
        String leftBehind = waitingItem(clock.instant().minusSeconds(1));
        String notYetDue = waitingItem(clock.instant().plus(Duration.ofHours(1)));

        assertThat(sweeper.sweepDue()).isGreaterThanOrEqualTo(1);

        assertThat(instancesOf(leftBehind)).isEqualTo(1);
        assertThat(processInstanceIdOf(leftBehind)).isNotNull();
        assertThat(inboxRows(leftBehind)).isZero();
        assertThat(instancesOf(notYetDue)).as("its own node may still start it").isZero();
        assertThat(inboxRows(notYetDue)).isEqualTo(1);
        Map<String, Object> received = listedStatus(notYetDue);
        assertThat(received.get("status")).as("GET /referrals of an accepted item not yet started")
                .isEqualTo("RECEIVED");
        assertThat(received.get("outcome")).isNull();
        assertThat(listedStatus(leftBehind)).containsEntry("status", "ACTIVE");
        assertThat(meters.get(ReferralStartMetrics.WAITING).gauge().value()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void two_starters_racing_for_one_item_start_one_instance() throws Exception {
        String ref = waitingItem(clock.instant());
        CountDownLatch firstIsStarting = new CountDownLatch(1);
        CountDownLatch secondWaitsOnTheRow = new CountDownLatch(1);
        // the first starter holds the item's row while the second tries to take it
        ReferralStarter first = starterWith(engine((method, args) -> {
            if (method.equals("startProcessInstanceByKey")) {
                firstIsStarting.countDown();
                assertThat(secondWaitsOnTheRow.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            }
        }), properties);

        CompletableFuture<ReferralStarter.Outcome> firstOutcome = CompletableFuture.supplyAsync(() -> first.start(ref));
        assertThat(firstIsStarting.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        CompletableFuture<ReferralStarter.Outcome> secondOutcome =
                CompletableFuture.supplyAsync(() -> starter.start(ref));
        await().atMost(TIMEOUT).until(this::aSessionWaitsOnALock);
        secondWaitsOnTheRow.countDown();

        assertThat(List.of(firstOutcome.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS),
                secondOutcome.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)))
                .containsExactly(ReferralStarter.Outcome.STARTED, ReferralStarter.Outcome.NOT_WAITING);
        assertThat(instancesOf(ref)).isEqualTo(1);
        assertThat(starter.start(ref)).as("a late sweep").isEqualTo(ReferralStarter.Outcome.NOT_WAITING);
        assertThat(instancesOf(ref)).isEqualTo(1);
    }

    @Test
    void a_start_that_keeps_failing_is_retried_then_parked_with_its_reason(CapturedOutput log) {
        String ref = waitingItem(clock.instant());
        double failuresBefore = meters.get(ReferralStartMetrics.FAILURES).counter().count();
        ReferralStartProperties twoRetries = new ReferralStartProperties(properties.threads(),
                properties.queueCapacity(), properties.sweepInterval(), properties.leftBehindAfter(),
                properties.batchSize(), List.of(Duration.ZERO, Duration.ZERO));
        ReferralStarter failing = starterWith(engine((method, args) -> {
            if (method.equals("startProcessInstanceByKey")) {
                throw new ProcessEngineException("no deployed process definition (test)");
            }
        }), twoRetries);
        ReferralStartSweeper failingSweeper = new ReferralStartSweeper(inbox, failing, metrics, twoRetries, clock);

        assertThat(failing.start(ref)).isEqualTo(ReferralStarter.Outcome.RETRY_LATER);
        Map<String, Object> afterFirst = inboxRow(ref);
        assertThat(afterFirst.get("attempts")).isEqualTo(1);
        assertThat((String) afterFirst.get("last_error")).contains("no deployed process definition (test)");
        assertThat(afterFirst.get("parked_at")).isNull();

        failingSweeper.sweepDue();
        assertThat(inboxRow(ref).get("attempts")).as("retried by the sweeper").isEqualTo(2);
        failingSweeper.sweepDue();

        Map<String, Object> parked = inboxRow(ref);
        assertThat(parked.get("attempts")).isEqualTo(3);
        assertThat(parked.get("parked_at")).as("parked").isNotNull();
        assertThat((String) parked.get("last_error"))
                .isEqualTo("ProcessEngineException: no deployed process definition (test)");
        assertThat(log.getOut()).contains("referral " + ref + ": its process could not be started in 3 attempts;"
                + " parked for an operator");
        assertThat(meters.get(ReferralStartMetrics.FAILURES).counter().count()).isEqualTo(failuresBefore + 3);

        assertThat(starter.start(ref)).as("no starter takes a parked item")
                .isEqualTo(ReferralStarter.Outcome.NOT_WAITING);
        sweeper.sweepDue();
        assertThat(instancesOf(ref)).isZero();
        assertThat(processInstanceIdOf(ref)).isNull();
        assertThat(inboxRows(ref)).as("kept for the operator").isEqualTo(1);
        assertThat(meters.get(ReferralStartMetrics.PARKED).gauge().value()).isGreaterThanOrEqualTo(1);
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** An accepted item as the intake records it, without the after-commit start: a node died right after its ACK. */
    private String waitingItem(Instant sweepableAt) {
        String ref = "REF-START-" + UUID.randomUUID();
        String person = eligible.next();
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            ledger.recordReferral(ref, person, SENDER, "MSG-" + ref, UUID.randomUUID().toString(), now);
            inbox.add(new PendingStart(ref, person, SENDER, "MSG-" + ref, null, now, "ACTIVATION_MANDATE",
                    "SP-UNEMP-001", "UNEMPLOYMENT_BENEFIT", 5, now, 0), sweepableAt);
        });
        return ref;
    }

    private ReferralStarter starterWith(RuntimeService engine, ReferralStartProperties startProperties) {
        return new ReferralStarter(inbox, ledger, engine, webhooks, transactionManager, startProperties, metrics,
                clock);
    }

    /** What a starter does before each call of the engine. */
    private interface BeforeCall {
        void before(String method, Object[] args) throws Exception;
    }

    /** The hub's engine, with {@code before} run ahead of every call. */
    private RuntimeService engine(BeforeCall before) {
        return (RuntimeService) Proxy.newProxyInstance(RuntimeService.class.getClassLoader(),
                new Class<?>[] {RuntimeService.class}, (proxy, method, args) -> {
                    before.before(method.getName(), args);
                    try {
                        return method.invoke(runtimeService, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Instances of referral-to-pes with this business key, running or ended. */
    private long instancesOf(String referenceId) {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(ReferralToPes.PROCESS_KEY)
                .processInstanceBusinessKey(referenceId).count();
    }

    /** Rows the engine keeps for the business key, read on the caller's connection (inside its transaction). */
    private int engineRowsOf(String referenceId) {
        return jdbc.queryForObject("SELECT (SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE BUSINESS_KEY_ = ?)"
                + " + (SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE BUSINESS_KEY_ = ?)", Integer.class,
                referenceId, referenceId);
    }

    private int inboxRows(String referenceId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM esp_referral_start WHERE reference_id = ?", Integer.class,
                referenceId);
    }

    private Map<String, Object> inboxRow(String referenceId) {
        Map<String, Object> row = jdbc.queryForMap("SELECT attempts, last_error, parked_at"
                + " FROM esp_referral_start WHERE reference_id = ?", referenceId);
        Map<String, Object> read = new HashMap<>();
        read.put("attempts", ((Number) row.get("attempts")).intValue());
        read.put("last_error", row.get("last_error"));
        read.put("parked_at", row.get("parked_at"));
        return read;
    }

    /** The item as {@code GET /referrals} lists it to its sender. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> listedStatus(String referenceId) {
        List<Map<String, Object>> listed = (List<Map<String, Object>>) referralQueries.search(CLIENT, null, referenceId,
                20, 1, UUID.randomUUID().toString()).get("referrals");
        assertThat(listed).hasSize(1);
        return listed.get(0);
    }

    private String processInstanceIdOf(String referenceId) {
        return jdbc.queryForObject("SELECT process_instance_id FROM esp_referral WHERE reference_id = ?", String.class,
                referenceId);
    }

    /** Whether a database session waits for a row lock another holds (the second starter on the item's row). */
    private boolean aSessionWaitsOnALock() {
        String database = jdbc.execute((Connection c) -> c.getMetaData().getDatabaseProductName());
        String sql = "PostgreSQL".equals(database)
                ? "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND datname = current_database()"
                : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
        Integer waiting = jdbc.queryForObject(sql, Integer.class);
        return waiting != null && waiting > 0;
    }
}
