package org.esphub.governance.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.esphub.governance.agreements.AgreementCatalogue;
import org.esphub.governance.agreements.DataSharingAgreement;
import org.esphub.governance.audit.AuditAction;
import org.esphub.governance.audit.AuditEvent;
import org.esphub.governance.audit.AuditLog;
import org.esphub.governance.audit.AuditOutcome;
import org.esphub.governance.audit.AuditRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Applies retention on a schedule ({@code esp.governance.retention.cron}): every agreement's
 * retention to every store of exchanged personal data, then the audit log's own retention (never
 * under seven years). Each purge that deleted something is itself audited.
 */
public class RetentionJob {

    /** The purpose under which the hub deletes what it may no longer keep. */
    public static final String PURPOSE = "RETENTION";

    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);

    private final AgreementCatalogue agreements;
    private final List<RetainedData> stores;
    private final AuditRetention auditRetention;
    private final AuditLog audit;
    private final String hubId;
    private final Clock clock;

    public RetentionJob(AgreementCatalogue agreements, List<RetainedData> stores, AuditRetention auditRetention,
            AuditLog audit, String hubId, Clock clock) {
        this.agreements = agreements;
        this.stores = List.copyOf(stores);
        this.auditRetention = auditRetention;
        this.audit = audit;
        this.hubId = hubId;
        this.clock = clock;
    }

    @Scheduled(cron = "${esp.governance.retention.cron}")
    public void runOnSchedule() {
        try {
            run();
        } catch (RuntimeException e) {
            // the next run tries again; nothing is lost by deleting later
            LOG.error("Retention run failed", e);
        }
    }

    /** @return one line per purge that deleted something */
    public List<Purge> run() {
        List<Purge> purges = new ArrayList<>();
        Instant now = clock.instant();
        for (DataSharingAgreement agreement : agreements.all()) {
            Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(agreement.retention()).toInstant();
            for (RetainedData store : stores) {
                int deleted = store.purge(agreement, cutoff);
                if (deleted > 0) {
                    purges.add(record(new Purge(store.resourceType(), agreement.reference(), cutoff, deleted),
                            agreement.legalBasis().reference() + " (retention " + agreement.retention() + ")"));
                }
            }
        }
        int auditPurged = auditRetention.purge();
        if (auditPurged > 0) {
            purges.add(record(new Purge("audit_event", null, auditRetention.cutoff(), auditPurged),
                    "audit retention " + auditRetention.retention() + " (at least " + AuditRetention.MINIMUM + ")"));
        }
        return purges;
    }

    private Purge record(Purge purge, String legalBasis) {
        audit.record(new AuditEvent(clock.instant(), hubId, AuditAction.DELETE, purge.resourceType(),
                "closed before " + purge.cutoff(), null, PURPOSE, legalBasis, null, null, purge.agreement(), null,
                AuditOutcome.COMPLETED, "purged " + purge.deleted() + " records", "", null, null));
        LOG.info("Retention: purged {} {} records of {} older than {}", purge.deleted(), purge.resourceType(),
                purge.agreement() == null ? "the audit log" : purge.agreement(), purge.cutoff());
        return purge;
    }

    /** What one purge deleted. */
    public record Purge(String resourceType, String agreement, Instant cutoff, int deleted) {
    }
}
