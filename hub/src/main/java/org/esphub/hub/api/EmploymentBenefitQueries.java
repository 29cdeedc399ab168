package org.esphub.hub.api;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.esphub.hub.agencies.AgencySenders;
import org.esphub.hub.records.BenefitTypes;
import org.springframework.stereotype.Service;

/**
 * Read side of {@code GET /employment-benefits}: the benefits decided for the persons of the
 * caller's referrals (the read model {@code esp_employment_benefit}), newest first, in the
 * companion's shape, released through the data-sharing gate (exchange
 * {@code api.search-employment-benefits}).
 */
@Service
public class EmploymentBenefitQueries {

    static final String EXCHANGE = "api.search-employment-benefits";
    static final String PURPOSE = "REFERRAL_STATUS_REPORTING";
    static final Set<String> TYPES = Set.of(BenefitTypes.TRAINING, BenefitTypes.BENEFIT_ADJUSTMENT);
    static final Set<String> STATUSES = Set.of(BenefitTypes.ENROLLED, BenefitTypes.ACTIVE, BenefitTypes.COMPLETED,
            BenefitTypes.WITHDRAWN);

    private static final CompanionSearch.Table TABLE = new CompanionSearch.Table(EXCHANGE, PURPOSE, "benefits",
            "b.benefit_id, b.reference_id, b.person_id, b.benefit_type, b.benefit_subtype, b.description, b.start_date,"
                    + " b.end_date, b.status, b.updated_at",
            "esp_employment_benefit b JOIN esp_referral r ON r.reference_id = b.reference_id",
            "b.updated_at DESC, b.benefit_id", "person_id", "reference_id");

    private final CompanionSearch companionSearch;
    private final AgencySenders agencySenders;

    public EmploymentBenefitQueries(CompanionSearch companionSearch, AgencySenders agencySenders) {
        this.companionSearch = companionSearch;
        this.agencySenders = agencySenders;
    }

    Map<String, Object> search(String clientId, String personId, String benefitType, String status,
            String startDateFrom, String startDateTo, SearchPage page) {
        SearchFilter filter = new SearchFilter()
                .in("r.sender_id", agencySenders.senderIdsOf(clientId))
                .equal("b.person_id", personId)
                .oneOf("benefit_type", "b.benefit_type", benefitType, TYPES)
                .oneOf("status", "b.status", status, STATUSES)
                .date("start_date_from", "b.start_date", ">=", startDateFrom)
                .date("start_date_to", "b.start_date", "<=", startDateTo);
        return companionSearch.search(TABLE, filter, page, clientId, EmploymentBenefitQueries::describe);
    }

    private static Map<String, Object> describe(Map<String, Object> row) {
        Map<String, Object> benefit = new LinkedHashMap<>();
        benefit.put("benefit_id", row.get("benefit_id"));
        benefit.put("person_id", row.get("person_id"));
        benefit.put("referral_id", row.get("reference_id"));
        benefit.put("benefit_type", row.get("benefit_type"));
        benefit.put("employment_benefit_subtype", row.get("benefit_subtype"));
        benefit.put("benefit_description", row.get("description"));
        benefit.put("start_date", date(row.get("start_date")));
        benefit.put("end_date", date(row.get("end_date")));
        benefit.put("status", row.get("status"));
        // the companion repeats the status as completion_status for training
        benefit.put("completion_status", row.get("status"));
        benefit.put("updated_at", ((Timestamp) row.get("updated_at")).toInstant().toString());
        return benefit;
    }

    static String date(Object value) {
        return value == null ? null : ((Date) value).toLocalDate().toString();
    }
}
