package org.esphub.hub.verification;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.esphub.hub.status.StatusVerificationProcessProperties;
import org.esphub.processes.BenefitAdjustment;
import org.esphub.processes.EmploymentStatusVerification;
import org.esphub.processes.ReferralToPes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduled re-verification: every {@code esp.status-verification.reverification-every}, each person
 * in an active referral or a running benefit adjustment is verified again (trigger SCHEDULED), unless a
 * verification of theirs is running. The hub compares SA's record with the names and birth date its case
 * holds, so a person it already knows passes the identity match. One hub node does each run
 * ({@link VerificationLedger#claimRun}); each person's start is its own transaction, so one failure stops
 * no other.
 */
@Component
public class StatusReverification {

    private static final Logger LOG = LoggerFactory.getLogger(StatusReverification.class);
    static final String RUN = "status-reverification";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final VerificationLedger ledger;
    private final VerificationStarts starts;
    private final RuntimeService runtime;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final StatusVerificationProcessProperties properties;
    private final Clock clock;

    public StatusReverification(VerificationLedger ledger, VerificationStarts starts, RuntimeService runtime,
            JdbcTemplate jdbc, TransactionTemplate transactions, StatusVerificationProcessProperties properties,
            Clock clock) {
        this.ledger = ledger;
        this.starts = starts;
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    /** Looks hourly whether a run is due; the interval itself is the setting. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void reverifyIfDue() {
        if (properties.reverificationEvery().isZero() || properties.reverificationEvery().isNegative()) {
            return;
        }
        Instant now = clock.instant();
        Boolean claimed = transactions.execute(status -> ledger.claimRun(RUN, now,
                now.minus(properties.reverificationEvery())));
        if (Boolean.TRUE.equals(claimed)) {
            int started = reverifyAll(now);
            LOG.info("status re-verification: {} verifications started", started);
        }
    }

    /** One run, whether due or not (the schedule calls it through {@link #reverifyIfDue}). @return how many started */
    public int reverifyAll(Instant now) {
        int started = 0;
        for (Map.Entry<String, VerificationItem> person : personsInACase(now).entrySet()) {
            try {
                Boolean done = transactions.execute(status -> startUnlessRunning(person.getValue(), now));
                started += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warn("status re-verification of person {} did not start: {}", person.getKey(), e.getMessage());
            }
        }
        return started;
    }

    private boolean startUnlessRunning(VerificationItem item, Instant now) {
        long running = runtime.createProcessInstanceQuery()
                .processDefinitionKey(EmploymentStatusVerification.PROCESS_KEY)
                .variableValueEquals(EmploymentStatusVerification.VAR_PERSON_ID, item.personId())
                .count();
        if (running > 0 || ledger.exists(item.referenceId())) {
            return false;
        }
        starts.start(item, EmploymentStatusVerification.TRIGGER_SCHEDULED, null, null, null,
                UUID.randomUUID().toString(), now);
        return true;
    }

    /** Person id to the item to verify: active referrals first, then running benefit adjustments. */
    private Map<String, VerificationItem> personsInACase(Instant now) {
        String day = LocalDate.ofInstant(now, ZoneOffset.UTC).format(DAY);
        Map<String, VerificationItem> persons = new LinkedHashMap<>();
        List<Map<String, Object>> referrals = jdbc.queryForList(
                "SELECT person_id, reference_id FROM esp_active_referral ORDER BY opened_at");
        for (Map<String, Object> referral : referrals) {
            String personId = (String) referral.get("person_id");
            ProcessInstance instance = runtime.createProcessInstanceQuery()
                    .processDefinitionKey(ReferralToPes.PROCESS_KEY)
                    .processInstanceBusinessKey((String) referral.get("reference_id"))
                    .singleResult();
            if (instance != null) {
                persons.put(personId, itemFor(personId, instance.getId(), day));
            }
        }
        for (ProcessInstance adjustment : runtime.createProcessInstanceQuery()
                .processDefinitionKey(BenefitAdjustment.PROCESS_KEY).active().list()) {
            Object personId = runtime.getVariable(adjustment.getId(), BenefitAdjustment.VAR_PERSON_ID);
            if (personId instanceof String id && !persons.containsKey(id)) {
                persons.put(id, itemFor(id, adjustment.getId(), day));
            }
        }
        return persons;
    }

    /** The case's names and birth date stand in for a request's: the hub identified the person before. */
    private VerificationItem itemFor(String personId, String caseInstanceId, String day) {
        Map<String, Object> known = runtime.getVariables(caseInstanceId, List.of(ReferralToPes.VAR_GIVEN_NAME,
                ReferralToPes.VAR_FAMILY_NAME, ReferralToPes.VAR_BIRTH_DATE));
        return new VerificationItem("REV-" + personId + "-" + day, personId,
                (String) known.get(ReferralToPes.VAR_GIVEN_NAME), (String) known.get(ReferralToPes.VAR_FAMILY_NAME),
                (String) known.get(ReferralToPes.VAR_BIRTH_DATE), 2);
    }
}
