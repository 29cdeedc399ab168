package org.esphub.hub.intake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.esphub.hub.webhooks.ReferralWebhooks;
import org.esphub.processes.ReferralToPes;
import org.esphub.workers.logging.ReferralLogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the {@code referral-to-pes} instance of an accepted referral item, exactly once however
 * many nodes try (ADR 0029). One transaction takes the item's inbox row, starts the instance,
 * records its id on the item and raises the {@code referral_created} webhook; a second starter
 * waits on the row and then finds it taken. A node killed mid-start rolls back, and the row
 * waits for the next sweep. A start that fails is counted and tried again later; after the last
 * of {@code esp.referrals.start.retry-delays} the item is parked with its reason.
 */
@Component
public class ReferralStarter {

    private static final Logger LOG = LoggerFactory.getLogger(ReferralStarter.class);

    /** What one call did with the item. */
    public enum Outcome {
        /** this call started the item's process */
        STARTED,
        /** nothing to do: started by another call (or node), or parked */
        NOT_WAITING,
        /** the start failed; the item is tried again later */
        RETRY_LATER,
        /** the start failed for the last time; the item waits for an operator */
        PARKED
    }

    private final ReferralStartInbox inbox;
    private final IntakeLedger ledger;
    private final RuntimeService runtimeService;
    private final ReferralWebhooks webhooks;
    private final TransactionTemplate transactions;
    private final ReferralStartProperties properties;
    private final ReferralStartMetrics metrics;
    private final Clock clock;

    public ReferralStarter(ReferralStartInbox inbox, IntakeLedger ledger, RuntimeService runtimeService,
            ReferralWebhooks webhooks, PlatformTransactionManager transactionManager,
            ReferralStartProperties properties, ReferralStartMetrics metrics, Clock clock) {
        this.inbox = inbox;
        this.ledger = ledger;
        this.runtimeService = runtimeService;
        this.webhooks = webhooks;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Starts the item's process if it still waits; never throws for a failed start. */
    public Outcome start(String referenceId) {
        Optional<PendingStart> waiting = inbox.waiting(referenceId);
        if (waiting.isEmpty()) {
            return Outcome.NOT_WAITING;
        }
        PendingStart item = waiting.get();
        try (ReferralLogContext context = ReferralLogContext.open(referenceId, item.correlationId())) {
            return start(item);
        }
    }

    private Outcome start(PendingStart item) {
        String processInstanceId;
        try {
            processInstanceId = transactions.execute(status -> startInTransaction(item));
        } catch (RuntimeException failure) {
            return failed(item, failure);
        }
        if (processInstanceId == null) {
            return Outcome.NOT_WAITING;
        }
        Duration delay = Duration.between(item.createdAt(), clock.instant());
        metrics.started(delay);
        LOG.info("referral {}: process {} started, {} ms after the ACK", item.referenceId(), processInstanceId,
                Math.max(0, delay.toMillis()));
        return Outcome.STARTED;
    }

    /** @return the new instance's id, or null when another starter took the item first */
    private String startInTransaction(PendingStart item) {
        if (!inbox.take(item.referenceId())) {
            return null;
        }
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(ReferralToPes.PROCESS_KEY,
                item.referenceId(), variablesOf(item));
        ledger.recordProcessStarted(item.referenceId(), instance.getId());
        // in this transaction: the event exists exactly when the process does
        webhooks.created(item.referenceId(), item.personId(), item.correlationId(), item.senderId(), instance.getId());
        return instance.getId();
    }

    private static VariableMap variablesOf(PendingStart item) {
        return Variables.createVariables()
                .putValue(ReferralToPes.VAR_REFERENCE_ID, item.referenceId())
                .putValue(ReferralToPes.VAR_PERSON_ID, item.personId())
                .putValue(ReferralToPes.VAR_CORRELATION_ID, item.correlationId())
                .putValue(ReferralToPes.VAR_SENDER_ID, item.senderId())
                .putValue(ReferralToPes.VAR_MESSAGE_ID, item.messageId())
                .putValue(ReferralToPes.VAR_REFERRAL_REASON, item.referralReason())
                .putValue(ReferralToPes.VAR_PROGRAM_ID, item.programId())
                .putValue(ReferralToPes.VAR_BENEFIT_TYPE, item.benefitType())
                .putValue(ReferralToPes.VAR_REFERRAL_RECEIVED_AT, Date.from(item.receivedAt()))
                .putValue(ReferralToPes.VAR_INTAKE_WORKING_DAYS, item.intakeWorkingDays());
    }

    /** The start rolled back: count the attempt, and park the item after the last one. */
    private Outcome failed(PendingStart item, RuntimeException failure) {
        metrics.failed();
        String error = failure.getClass().getSimpleName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        int attempt = item.attempts() + 1;
        Instant now = clock.instant();
        try {
            if (attempt >= properties.maxAttempts()) {
                inbox.park(item.referenceId(), error, now);
                LOG.warn("referral {}: its process could not be started in {} attempts; parked for an operator"
                        + " (esp_referral_start), last error: {}", item.referenceId(), attempt, error, failure);
                return Outcome.PARKED;
            }
            Instant next = now.plus(properties.retryDelays().get(attempt - 1));
            inbox.failedAttempt(item.referenceId(), error, next);
            LOG.info("referral {}: process start attempt {} of {} failed ({}); next attempt at {}", item.referenceId(),
                    attempt, properties.maxAttempts(), error, next);
        } catch (DataAccessException unrecorded) {
            // e.g. the database is away: the row is unchanged and the next sweep tries it again
            LOG.warn("referral {}: process start failed ({}) and the attempt could not be recorded: {}",
                    item.referenceId(), error, unrecorded.getMessage());
        }
        return Outcome.RETRY_LATER;
    }
}
