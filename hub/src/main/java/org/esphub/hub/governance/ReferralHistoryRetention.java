package org.esphub.hub.governance;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.esphub.governance.agreements.DataSharingAgreement;
import org.esphub.governance.retention.RetainedData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the hub keeps of a closed case: the process history (every variable, such as the profile
 * SA sent) and the referral record. Both go once the agreement's retention has passed since the
 * case closed. Consents stay: they prove past exchanges were lawful.
 */
@Component
public class ReferralHistoryRetention implements RetainedData {

    private static final int BATCH = 500;

    private final HistoryService historyService;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public ReferralHistoryRetention(HistoryService historyService, JdbcTemplate jdbc,
            PlatformTransactionManager transactions) {
        this.historyService = historyService;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public String resourceType() {
        return "referral";
    }

    @Override
    public int purge(DataSharingAgreement agreement, Instant closedBefore) {
        if (agreement.processes().isEmpty()) {
            return 0;
        }
        int purged = 0;
        while (true) {
            List<String> ids = historyService.createHistoricProcessInstanceQuery()
                    .processDefinitionKeyIn(agreement.processes().toArray(String[]::new))
                    .finished()
                    .finishedBefore(Date.from(closedBefore))
                    .listPage(0, BATCH).stream().map(HistoricProcessInstance::getId).toList();
            if (ids.isEmpty()) {
                return purged;
            }
            transaction.executeWithoutResult(status -> {
                jdbc.update("DELETE FROM esp_referral WHERE process_instance_id IN ("
                        + ids.stream().map(id -> "?").collect(Collectors.joining(",")) + ")", ids.toArray());
                historyService.deleteHistoricProcessInstancesIfExists(ids);
            });
            purged += ids.size();
        }
    }
}
