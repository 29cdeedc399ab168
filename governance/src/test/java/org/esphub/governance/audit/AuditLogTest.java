package org.esphub.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.esphub.governance.MutableClock;
import org.esphub.governance.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit log: group-committed, one unbroken chain under concurrency, tampering named by
 * verification, retention that never goes under seven years and keeps the rest verifiable.
 */
class AuditLogTest {

    private static final ChainKey KEY = ChainKey.of("test key of the audit chain head, 32+ chars");
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private TestDatabase database;
    private JdbcTemplate jdbc;
    private AuditStore store;
    private GroupCommitAuditLog log;
    private AuditVerifier verifier;

    @BeforeEach
    void setUp() {
        database = TestDatabase.migrated();
        jdbc = database.jdbc();
        store = new AuditStore(jdbc, database.transactions(), KEY);
        log = new GroupCommitAuditLog(store, 32, 1000, Duration.ofSeconds(10), new SimpleMeterRegistry());
        verifier = new AuditVerifier(store);
    }

    @AfterEach
    void close() throws InterruptedException {
        log.close();
    }

    @Test
    void records_from_many_threads_form_one_contiguous_chain_that_verifies() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(16);
        List<Future<AuditEntry>> recorded = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String person = "P" + (i % 7);
            recorded.add(callers.submit(() -> log.record(event(person, clock.instant()))));
        }
        List<Long> sequences = new ArrayList<>();
        for (Future<AuditEntry> entry : recorded) {
            sequences.add(entry.get().sequence());
        }
        callers.shutdown();

        assertThat(sequences).doesNotHaveDuplicates().hasSize(400);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM esp_audit_event", Long.class)).isEqualTo(400);
        ChainVerification verification = verifier.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.recordsChecked()).isEqualTo(400);
        assertThat(verification.headSequence()).isEqualTo(400);
    }

    @Test
    void a_record_is_committed_when_record_returns() {
        AuditEntry recorded = log.record(event("P1", clock.instant()));

        assertThat(jdbc.queryForObject("SELECT hash FROM esp_audit_event WHERE sequence = ?", String.class,
                recorded.sequence())).isEqualTo(recorded.hash());
    }

    @Test
    void records_that_queue_up_during_a_commit_share_the_next_commits_in_batches() throws Exception {
        CountDownLatch firstCommitStarted = new CountDownLatch(1);
        CountDownLatch othersQueued = new CountDownLatch(1);
        AuditStore slowFirstCommit = new AuditStore(jdbc, database.transactions(), KEY) {
            @Override
            public List<AuditEntry> append(List<AuditEvent> events) {
                if (firstCommitStarted.getCount() > 0) {
                    firstCommitStarted.countDown();
                    await(othersQueued);
                }
                return super.append(events);
            }
        };
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        GroupCommitAuditLog batching = new GroupCommitAuditLog(slowFirstCommit, 32, 1000, Duration.ofSeconds(10),
                metrics);
        try {
            CompletableFuture<AuditEntry> first = batching.append(event("P1", clock.instant()));
            firstCommitStarted.await();
            List<CompletableFuture<AuditEntry>> queued = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                queued.add(batching.append(event("P2", clock.instant())));
            }
            othersQueued.countDown();
            first.get();
            for (CompletableFuture<AuditEntry> entry : queued) {
                entry.get();
            }
        } finally {
            batching.close();
        }

        // 1 alone, then 100 in batches of at most 32: five commits instead of 101
        assertThat(metrics.summary("esp.audit.batch.size").count()).isEqualTo(5);
        assertThat(metrics.summary("esp.audit.batch.size").max()).isEqualTo(32);
        assertThat(metrics.timer("esp.audit.commit").count()).isEqualTo(5);
        assertThat(verifier.verify().recordsChecked()).isEqualTo(101);
    }

    @Test
    void an_altered_record_is_named_as_the_first_broken_link() {
        for (int i = 0; i < 10; i++) {
            log.record(event("P" + i, clock.instant()));
        }
        jdbc.update("UPDATE esp_audit_event SET purpose = 'MARKETING' WHERE sequence = 4");

        ChainVerification verification = verifier.verify();

        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(4);
        assertThat(verification.problem()).contains("altered");
        assertThat(verification.recordsChecked()).isEqualTo(3);
    }

    @Test
    void the_partner_a_record_names_is_chained_with_it_and_records_without_one_keep_their_form() {
        log.record(event("P1", clock.instant()));
        AuditEvent proposal = event("P2", clock.instant());
        AuditEntry toEmployer = log.record(new AuditEvent(proposal.occurredAt(), proposal.actorId(), proposal.action(),
                "candidate_proposal", proposal.resourceId(), proposal.personId(), proposal.purpose(),
                proposal.legalBasis(), proposal.correlationId(), "employer-propose-candidate",
                "pes-employers-placement@1.1.0", "employers", AuditOutcome.RELEASED, null, "", null,
                proposal.payloadDigest(), "EMP-ACME"));
        log.record(event("P3", clock.instant()));

        assertThat(store.page(0, 3, 3)).extracting(entry -> entry.event().partner())
                .containsExactly(null, "EMP-ACME", null);
        assertThat(AuditChain.canonical(2, toEmployer.eventId(), toEmployer.event())).startsWith("[2,")
                .endsWith(",\"EMP-ACME\"]");
        assertThat(AuditChain.canonical(1, "e", event("P1", clock.instant()))).startsWith("[1,");
        assertThat(verifier.verify().intact()).isTrue();

        // which employer received the data is as protected as the rest of the record
        jdbc.update("UPDATE esp_audit_event SET partner = 'EMP-OTHER' WHERE sequence = 2");
        ChainVerification verification = verifier.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.firstBrokenSequence()).isEqualTo(2);
    }

    @Test
    void a_removed_record_is_named_as_missing_and_cut_off_records_break_the_head() {
        for (int i = 0; i < 10; i++) {
            log.record(event("P" + i, clock.instant()));
        }
        jdbc.update("DELETE FROM esp_audit_event WHERE sequence = 6");
        assertThat(verifier.verify().problem()).contains("record 6 is missing before record 7");

        jdbc.update("DELETE FROM esp_audit_event WHERE sequence >= 6");
        ChainVerification cut = verifier.verify();
        assertThat(cut.intact()).isFalse();
        assertThat(cut.firstBrokenSequence()).isEqualTo(6);
    }

    @Test
    void a_record_edited_into_nonsense_is_reported_not_crashed_on() {
        log.record(event("P1", clock.instant()));
        jdbc.update("UPDATE esp_audit_event SET action = 'ERASE' WHERE sequence = 1");

        ChainVerification verification = verifier.verify();

        assertThat(verification.firstBrokenSequence()).isEqualTo(1);
        assertThat(verification.problem()).contains("cannot be read");
    }

    @Test
    void retention_purges_only_records_past_seven_years_and_the_rest_still_verifies() {
        for (int i = 0; i < 5; i++) {
            log.record(event("OLD", clock.instant()));
        }
        clock.set(START.atOffset(ZoneOffset.UTC).plusYears(6).toInstant());
        for (int i = 0; i < 3; i++) {
            log.record(event("NEWER", clock.instant()));
        }
        AuditRetention retention = new AuditRetention(store, Period.ofYears(7), clock);

        assertThat(retention.purge()).as("nothing is 7 years old yet").isZero();
        clock.set(START.atOffset(ZoneOffset.UTC).plusYears(7).plusDays(1).toInstant());
        assertThat(retention.purge()).isEqualTo(5);

        ChainVerification verification = verifier.verify();
        assertThat(verification.intact()).isTrue();
        assertThat(verification.anchorSequence()).isEqualTo(5);
        assertThat(verification.recordsChecked()).isEqualTo(3);
        log.record(event("AFTER", clock.instant()));
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void the_oldest_records_removed_without_moving_the_anchor_are_detected() {
        for (int i = 0; i < 4; i++) {
            log.record(event("P" + i, clock.instant()));
        }
        jdbc.update("DELETE FROM esp_audit_event WHERE sequence <= 2");

        assertThat(verifier.verify().problem()).contains("record 1 to 2 are missing before record 3");
    }

    @Test
    void a_retention_under_seven_years_is_refused() {
        assertThatThrownBy(() -> new AuditRetention(store, Period.ofYears(5), clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("P7Y");
    }

    @Test
    void a_closed_log_refuses_new_records_instead_of_losing_them() throws InterruptedException {
        log.close();

        assertThatThrownBy(() -> log.record(event("P1", clock.instant()))).isInstanceOf(AuditUnavailable.class);
    }

    @Test
    void a_record_the_database_refuses_fails_alone_and_the_others_of_its_batch_are_committed() throws Exception {
        // the database refuses one record (here: a check constraint); the batch it shares rolls back
        jdbc.execute("ALTER TABLE esp_audit_event ADD CONSTRAINT ck_test_poison CHECK (reason IS NULL"
                + " OR reason <> 'poison')");
        CountDownLatch firstCommitStarted = new CountDownLatch(1);
        CountDownLatch othersQueued = new CountDownLatch(1);
        AuditStore slowFirstCommit = new AuditStore(jdbc, database.transactions(), KEY) {
            @Override
            public List<AuditEntry> append(List<AuditEvent> events) {
                if (firstCommitStarted.getCount() > 0) {
                    firstCommitStarted.countDown();
                    await(othersQueued);
                }
                return super.append(events);
            }
        };
        GroupCommitAuditLog batching = new GroupCommitAuditLog(slowFirstCommit, 32, 1000, Duration.ofSeconds(10),
                new SimpleMeterRegistry());
        List<CompletableFuture<AuditEntry>> good = new ArrayList<>();
        CompletableFuture<AuditEntry> poisoned;
        try {
            good.add(batching.append(event("P0", clock.instant())));
            firstCommitStarted.await();
            for (int i = 1; i <= 10; i++) {
                good.add(batching.append(event("P" + i, clock.instant())));
            }
            poisoned = batching.append(withReason(event("BAD", clock.instant()), "poison"));
            for (int i = 11; i <= 15; i++) {
                good.add(batching.append(event("P" + i, clock.instant())));
            }
            othersQueued.countDown();
            for (CompletableFuture<AuditEntry> entry : good) {
                entry.get();
            }
            assertThatThrownBy(poisoned::get).hasCauseInstanceOf(AuditUnavailable.class);
        } finally {
            batching.close();
        }

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM esp_audit_event", Long.class)).isEqualTo(16);
        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void an_oversize_record_with_unstorable_characters_is_fitted_and_found_by_its_whole_correlation_id() {
        String longCorrelationId = "corr-" + "x".repeat(1_000_000);
        AuditEvent oversize = new AuditEvent(clock.instant(), "esp-hub\u0000", AuditAction.READ, "consent",
                "\uD83D" + "y".repeat(300), "P1", "EMPLOYMENT_ACTIVATION", "basis", longCorrelationId, "api.x", null,
                null, AuditOutcome.RELEASED, "nul \u0000 and an emoji \uD83D\uDE00 ".repeat(100), "", null, null);

        AuditEntry recorded = log.record(oversize);
        log.record(event("P2", clock.instant()));

        assertThat(recorded.event().correlationId()).hasSize(255).contains("...#");
        assertThat(recorded.event().actorId()).doesNotContain("\u0000");
        assertThat(verifier.verify().intact()).as("what was hashed is what was stored").isTrue();
        List<AuditEntry> found = new AuditSearch(jdbc).find(new AuditQuery(null, null, null, longCorrelationId, null,
                null, 0, 10));
        assertThat(found).extracting(AuditEntry::sequence).containsExactly(recorded.sequence());
        assertThat(new AuditSearch(jdbc).find(new AuditQuery(null, null, null, longCorrelationId + "z", null, null,
                0, 10))).as("another long id with the same beginning").isEmpty();
    }

    @Test
    void a_chain_rewritten_consistently_in_the_database_without_the_key_is_reported() {
        for (int i = 0; i < 5; i++) {
            log.record(event("P" + i, clock.instant()));
        }
        assertThat(verifier.verify().intact()).isTrue();

        // someone with the database alters record 3 and recomputes every hash and the head, as the
        // hub would, but without the key
        String previous = jdbc.queryForObject("SELECT hash FROM esp_audit_event WHERE sequence = 2", String.class);
        jdbc.update("UPDATE esp_audit_event SET purpose = 'MARKETING' WHERE sequence = 3");
        for (long sequence = 3; sequence <= 5; sequence++) {
            AuditEntry stored = store.page(sequence - 1, sequence, 1).get(0);
            String hash = AuditChain.hash(previous, sequence, stored.eventId(), stored.event());
            jdbc.update("UPDATE esp_audit_event SET previous_hash = ?, hash = ? WHERE sequence = ?", previous, hash,
                    sequence);
            previous = hash;
        }
        jdbc.update("UPDATE esp_audit_chain SET head_hash = ? WHERE id = 1", previous);

        ChainVerification verification = verifier.verify();
        assertThat(verification.intact()).isFalse();
        assertThat(verification.problem()).contains("key MAC does not match");

        // the hub's next record does not vouch for the forged head
        log.record(event("P6", clock.instant()));
        assertThat(verifier.verify().intact()).isFalse();
        // nor does a hub with another key
        assertThat(new AuditVerifier(new AuditStore(jdbc, database.transactions(),
                ChainKey.of("another key of the audit chain head, 32+"))).verify().intact()).isFalse();
    }

    @Test
    void the_head_of_a_chain_written_before_the_key_existed_is_keyed_once_at_start_up() {
        for (int i = 0; i < 3; i++) {
            log.record(event("P" + i, clock.instant()));
        }
        jdbc.update("UPDATE esp_audit_chain SET head_mac = NULL WHERE id = 1");
        assertThat(verifier.verify().problem()).contains("no key MAC");

        store.keyUnkeyedHead();

        assertThat(verifier.verify().intact()).isTrue();
    }

    @Test
    void a_missing_or_short_chain_key_stops_the_start() {
        assertThatThrownBy(() -> ChainKey.of(null)).hasMessageContaining("esp.governance.audit.chain-key is required");
        assertThatThrownBy(() -> ChainKey.of("short")).hasMessageContaining("at least 32");
    }

    private static AuditEvent withReason(AuditEvent e, String reason) {
        return new AuditEvent(e.occurredAt(), e.actorId(), e.action(), e.resourceType(), e.resourceId(), e.personId(),
                e.purpose(), e.legalBasis(), e.correlationId(), e.exchange(), e.agreement(), e.receiver(), e.outcome(),
                reason, e.filtersApplied(), e.consentId(), e.payloadDigest());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static AuditEvent event(String personId, Instant at) {
        return new AuditEvent(at, "esp-hub", AuditAction.CREATE, "jobseeker", "REF-" + personId, personId,
                "EMPLOYMENT_ACTIVATION", "Social Assistance Act art. 34", "corr-" + personId, "pes-register-jobseeker",
                "sa-pes-activation-referral@1.0.0", "pes.gov.example", AuditOutcome.RELEASED, null, "phone", null,
                "0".repeat(64));
    }
}
