package org.esphub.hub.governance;

import java.sql.Timestamp;
import java.time.Instant;
import org.esphub.governance.agreements.DataSharingAgreement;
import org.esphub.governance.retention.RetainedData;
import org.esphub.processes.Rectification;
import org.esphub.processes.SubjectAccessRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the hub keeps of a person's rights requests (data-subject-rights): access requests with their
 * exports, restrictions of processing and rectifications. Each goes once the agreement's retention has
 * passed since it closed: an access request since its deadline (it is answered by then), a restriction
 * since it was lifted (an open one stays however old), a rectification since it was decided. The process
 * history goes with {@link ReferralHistoryRetention}, which covers every process the agreement names.
 */
@Component
public class PersonRightsRetention implements RetainedData {

    private final JdbcTemplate jdbc;

    public PersonRightsRetention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String resourceType() {
        return "person_rights_request";
    }

    @Override
    public int purge(DataSharingAgreement agreement, Instant closedBefore) {
        if (!agreement.processes().contains(SubjectAccessRequest.PROCESS_KEY)
                && !agreement.processes().contains(Rectification.PROCESS_KEY)) {
            return 0;
        }
        Timestamp cutoff = Timestamp.from(closedBefore);
        return jdbc.update("DELETE FROM esp_subject_access_request WHERE due_at < ?", cutoff)
                + jdbc.update("DELETE FROM esp_processing_restriction WHERE lifted_at < ?", cutoff)
                + jdbc.update("DELETE FROM esp_rectification WHERE decided_at < ?", cutoff);
    }
}
