package org.esphub.hub.api;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import org.esphub.hub.agencies.AgencySenders;
import org.springframework.stereotype.Service;

/**
 * Read side of {@code GET /job-placements}: the verified placements of the persons of the
 * caller's referrals (the read model {@code esp_job_placement}), newest first, in the companion's
 * shape, released through the data-sharing gate (exchange {@code api.search-job-placements}).
 */
@Service
public class JobPlacementQueries {

    static final String EXCHANGE = "api.search-job-placements";
    static final String PURPOSE = "REFERRAL_STATUS_REPORTING";
    /** Every placement the hub knows was matched by the PES counsellor in job-placement. */
    static final String PLACEMENT_METHOD = "pes_job_matching";

    private static final CompanionSearch.Table TABLE = new CompanionSearch.Table(EXCHANGE, PURPOSE, "placements",
            "p.placement_id, p.reference_id, p.person_id, p.employer_id, p.job_title, p.contract_type, p.placement_date,"
                    + " p.start_date, p.end_date, p.status, p.updated_at",
            "esp_job_placement p JOIN esp_referral r ON r.reference_id = p.reference_id",
            "p.updated_at DESC, p.placement_id", "person_id", "reference_id");

    private final CompanionSearch companionSearch;
    private final AgencySenders agencySenders;

    public JobPlacementQueries(CompanionSearch companionSearch, AgencySenders agencySenders) {
        this.companionSearch = companionSearch;
        this.agencySenders = agencySenders;
    }

    Map<String, Object> search(String clientId, String personId, String employerId, String employmentType,
            String placementFrom, String placementTo, SearchPage page) {
        SearchFilter filter = new SearchFilter()
                .in("r.sender_id", agencySenders.senderIdsOf(clientId))
                .equal("p.person_id", personId)
                .equal("p.employer_id", employerId)
                .equal("p.contract_type", employmentType)
                .date("placement_from", "p.placement_date", ">=", placementFrom)
                .date("placement_to", "p.placement_date", "<=", placementTo);
        return companionSearch.search(TABLE, filter, page, clientId, JobPlacementQueries::describe);
    }

    private static Map<String, Object> describe(Map<String, Object> row) {
        Map<String, Object> employer = new LinkedHashMap<>();
        employer.put("employer_id", row.get("employer_id"));
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("job_title", row.get("job_title"));
        job.put("employment_type", row.get("contract_type"));
        Map<String, Object> placement = new LinkedHashMap<>();
        placement.put("placement_id", row.get("placement_id"));
        placement.put("person_id", row.get("person_id"));
        placement.put("referral_id", row.get("reference_id"));
        placement.put("employer", employer);
        placement.put("job_details", job);
        placement.put("placement_date", EmploymentBenefitQueries.date(row.get("placement_date")));
        placement.put("start_date", EmploymentBenefitQueries.date(row.get("start_date")));
        placement.put("end_date", EmploymentBenefitQueries.date(row.get("end_date")));
        placement.put("placement_method", PLACEMENT_METHOD);
        placement.put("status", row.get("status"));
        placement.put("updated_at", ((Timestamp) row.get("updated_at")).toInstant().toString());
        return placement;
    }
}
