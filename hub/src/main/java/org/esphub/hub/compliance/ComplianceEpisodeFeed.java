package org.esphub.hub.compliance;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.Execution;
import org.esphub.processes.ActivationCompliance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands an accepted compliance request to its referral's episode ({@code activation-compliance},
 * message {@code ComplianceRequested} correlated to the instance under the referral's business key):
 * its areas join the monitored ones and an assessment it asks for runs at once. A request whose referral
 * has no running episode yet (the activation plan is not agreed) is held and handed over when the
 * episode starts; requests stored before the hub fed episodes are handed over at start-up. Each request
 * is handed over once: {@code fed_at} is claimed in the correlation's transaction.
 */
@Component
public class ComplianceEpisodeFeed {

    private static final Logger LOG = LoggerFactory.getLogger(ComplianceEpisodeFeed.class);

    private final RuntimeService runtime;
    private final IdentityService identity;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final ComplianceMonitoringProperties properties;
    private final Clock clock;

    public ComplianceEpisodeFeed(@Lazy RuntimeService runtime, @Lazy IdentityService identity, JdbcTemplate jdbc,
            PlatformTransactionManager transactions, ComplianceMonitoringProperties properties, Clock clock) {
        this.runtime = runtime;
        this.identity = identity;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * In the caller's transaction.
     *
     * @return true if the referral's episode took the request, false if it is held (no episode runs)
     */
    public boolean feed(ComplianceRequest request) {
        if (!ComplianceRequest.RECEIVED.equals(request.status()) || request.referralReferenceId() == null) {
            return false;
        }
        Execution episode = runtime.createExecutionQuery()
                .processDefinitionKey(ActivationCompliance.PROCESS_KEY)
                .processInstanceBusinessKey(request.referralReferenceId())
                .messageEventSubscriptionName(ActivationCompliance.MESSAGE_COMPLIANCE_REQUESTED)
                .singleResult();
        if (episode == null) {
            LOG.info("compliance request {}: referral {} is not monitored yet (no agreed activation plan); held until"
                    + " it is", request.referenceId(), request.referralReferenceId());
            return false;
        }
        // claimed first: of two nodes handing the same request over, one waits here and then finds it taken
        if (jdbc.update("UPDATE esp_compliance_request SET fed_at = ?, monitoring_id = ? WHERE reference_id = ?"
                + " AND fed_at IS NULL", Timestamp.from(clock.instant()), episode.getProcessInstanceId(),
                request.referenceId()) == 0) {
            return true;
        }
        List<String> areas = request.complianceAreas().isEmpty() ? properties.defaultAreas() : request.complianceAreas();
        Map<String, Object> variables = new HashMap<>();
        variables.put(ActivationCompliance.VAR_COMPLIANCE_AREAS, String.join(",", areas));
        variables.put(ActivationCompliance.VAR_REQUESTED_ASSESSMENT, request.requestedAssessment());
        runtime.createMessageCorrelation(ActivationCompliance.MESSAGE_COMPLIANCE_REQUESTED)
                .processInstanceId(episode.getProcessInstanceId())
                .setVariables(variables)
                .correlateWithResult();
        LOG.info("compliance request {}: handed to the monitoring of referral {}", request.referenceId(),
                request.referralReferenceId());
        return true;
    }

    /** The referral's episode started: once that has committed, the requests held for it are handed over. */
    void feedHeldAfterCommit(String referralReferenceId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                // the thread may carry a caseworker's engine login; the hand-over is the hub's own
                Authentication caller = identity.getCurrentAuthentication();
                identity.clearAuthentication();
                try {
                    feedHeld(referralReferenceId);
                } catch (RuntimeException e) {
                    LOG.warn("referral {}: compliance requests held for it not handed over now ({}); the next start-up"
                            + " does", referralReferenceId, e.getMessage());
                } finally {
                    if (caller != null) {
                        identity.setAuthentication(caller);
                    }
                }
            }
        });
    }

    /** Requests stored before the hub fed episodes, or held when the hub stopped: handed over now, each referral on its own. */
    @EventListener(ApplicationReadyEvent.class)
    public void feedHeldAtStart() {
        List<String> referrals = jdbc.queryForList("SELECT DISTINCT referral_reference_id FROM esp_compliance_request"
                + " WHERE status = ? AND fed_at IS NULL AND referral_reference_id IS NOT NULL", String.class,
                ComplianceRequest.RECEIVED);
        for (String referral : referrals) {
            try {
                feedHeld(referral);
            } catch (RuntimeException e) {
                LOG.warn("referral {}: compliance requests held for it not handed over ({})", referral, e.getMessage());
            }
        }
    }

    private void feedHeld(String referralReferenceId) {
        ownTransaction.executeWithoutResult(status -> jdbc.query("SELECT " + ComplianceRequests.COLUMNS
                + " FROM esp_compliance_request WHERE referral_reference_id = ? AND status = ? AND fed_at IS NULL"
                + " ORDER BY received_at", ComplianceRequests::map, referralReferenceId, ComplianceRequest.RECEIVED)
                .forEach(this::feed));
    }
}
