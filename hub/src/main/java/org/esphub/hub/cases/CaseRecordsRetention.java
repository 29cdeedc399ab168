package org.esphub.hub.cases;

import java.sql.Timestamp;
import java.time.Instant;
import org.esphub.governance.agreements.DataSharingAgreement;
import org.esphub.governance.retention.RetainedData;
import org.esphub.processes.IntegratedCase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the hub keeps of a closed integrated case besides its process history: the plan versions (their
 * text and PES's notes) and the links. They go with the case once the retention of the agreement that
 * names {@code integrated-case} has passed since it closed, and also when the case's history is gone
 * already (the history's own retention ran first).
 */
@Component
public class CaseRecordsRetention implements RetainedData {

    private static final String CLOSED_OR_PURGED = " WHERE case_instance_id IN (SELECT ID_ FROM ACT_HI_PROCINST"
            + " WHERE PROC_DEF_KEY_ = ? AND END_TIME_ IS NOT NULL AND END_TIME_ < ?)"
            + " OR case_instance_id NOT IN (SELECT ID_ FROM ACT_HI_PROCINST)";

    private final JdbcTemplate jdbc;

    public CaseRecordsRetention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String resourceType() {
        return "integrated_case";
    }

    @Override
    public int purge(DataSharingAgreement agreement, Instant closedBefore) {
        if (!agreement.processes().contains(IntegratedCase.PROCESS_KEY)) {
            return 0;
        }
        Timestamp cutoff = Timestamp.from(closedBefore);
        int versions = jdbc.update("DELETE FROM esp_case_plan_version" + CLOSED_OR_PURGED, IntegratedCase.PROCESS_KEY,
                cutoff);
        int links = jdbc.update("DELETE FROM esp_case_link" + CLOSED_OR_PURGED, IntegratedCase.PROCESS_KEY, cutoff);
        return versions + links;
    }
}
