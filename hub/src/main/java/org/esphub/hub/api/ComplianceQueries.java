package org.esphub.hub.api;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.esphub.hub.agencies.AgencySenders;
import org.esphub.hub.compliance.ComplianceObligations;
import org.esphub.hub.compliance.ComplianceRequest;
import org.esphub.processes.ActivationCompliance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Read side of {@code GET /compliance-monitoring}: the compliance monitoring the caller asked for
 * (under any sender_id it may use), newest first, each request with the state of the episode that took
 * it (the read models {@code esp_compliance_episode}, {@code esp_enforcement_action}, kept by the
 * episode's steps): the obligations and their counts, the last assessment's compliance_status, the
 * sanction steps with their state, the next review. A request held until its referral's activation plan
 * is agreed is {@code PENDING} with no episode yet. Each record is released through the data-sharing
 * gate (exchange {@code api.search-compliance-monitoring}).
 */
@Service
public class ComplianceQueries {

    static final String EXCHANGE = "api.search-compliance-monitoring";
    static final String PURPOSE = "ACTIVATION_COMPLIANCE";
    static final Set<String> STATUSES = Set.of(ComplianceRequest.RECEIVED, ComplianceRequest.REJECTED);
    static final Set<String> COMPLIANCE_STATUSES = Set.of(ComplianceRequest.PENDING,
            ActivationCompliance.RESULT_COMPLIANT, ActivationCompliance.RESULT_NON_COMPLIANT);
    /** An accepted request's compliance status: its episode's last result, PENDING before one. */
    private static final String COMPLIANCE_STATUS = "CASE WHEN c.status = '" + ComplianceRequest.RECEIVED
            + "' THEN COALESCE(e.compliance_status, '" + ComplianceRequest.PENDING + "') END";

    private static final CompanionSearch.Table TABLE = new CompanionSearch.Table(EXCHANGE, PURPOSE,
            "compliance_monitoring",
            "c.reference_id, c.person_id, c.referral_reference_id, c.period_start, c.period_end, c.compliance_areas,"
                    + " c.requested_assessment, c.status, c.rejection_reason, c.received_at, c.monitoring_id,"
                    + " e.state AS monitoring_state, " + COMPLIANCE_STATUS + " AS compliance_status,"
                    + " e.non_compliance_reason, e.monitored_areas, e.minimum_applications, e.applications_in_period,"
                    + " e.missed_appointments, e.training_absences, e.refused_offers, e.next_review_date",
            "esp_compliance_request c LEFT JOIN esp_compliance_episode e ON e.monitoring_id = c.monitoring_id",
            "c.received_at DESC, c.reference_id", "person_id", "reference_id");

    private final CompanionSearch companionSearch;
    private final AgencySenders agencySenders;
    private final JdbcTemplate jdbc;

    public ComplianceQueries(CompanionSearch companionSearch, AgencySenders agencySenders, JdbcTemplate jdbc) {
        this.companionSearch = companionSearch;
        this.agencySenders = agencySenders;
        this.jdbc = jdbc;
    }

    /**
     * @param periodStart only requests whose period ends on or after it
     * @param periodEnd only requests whose period starts on or before it
     * @param complianceStatus only requests with this compliance status (PENDING, COMPLIANT, NON_COMPLIANT)
     */
    Map<String, Object> search(String clientId, String personId, String referenceId, String periodStart,
            String periodEnd, String status, String complianceStatus, SearchPage page) {
        SearchFilter filter = new SearchFilter()
                .in("c.sender_id", agencySenders.senderIdsOf(clientId))
                .equal("c.person_id", personId)
                .equal("c.reference_id", referenceId)
                .date("monitoring_period_start", "c.period_end", ">=", periodStart)
                .date("monitoring_period_end", "c.period_start", "<=", periodEnd)
                .oneOf("status", "c.status", status, STATUSES)
                .oneOf("compliance_status", COMPLIANCE_STATUS, complianceStatus, COMPLIANCE_STATUSES);
        return companionSearch.search(TABLE, filter, page, clientId, this::describe);
    }

    private Map<String, Object> describe(Map<String, Object> row) {
        boolean received = ComplianceRequest.RECEIVED.equals(row.get("status"));
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("start_date", EmploymentBenefitQueries.date(row.get("period_start")));
        period.put("end_date", EmploymentBenefitQueries.date(row.get("period_end")));
        List<String> requested = areas(row.get("compliance_areas"));
        String monitoringId = (String) row.get("monitoring_id");
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("reference_id", row.get("reference_id"));
        record.put("person_id", row.get("person_id"));
        record.put("referral_reference_id", row.get("referral_reference_id"));
        record.put("monitoring_id", monitoringId);
        record.put("monitoring_period", period);
        record.put("compliance_areas", requested);
        record.put("requested_assessment", row.get("requested_assessment"));
        record.put("status", row.get("status"));
        if (!received) {
            record.put("reason", row.get("rejection_reason"));
        }
        record.put("monitoring_state", row.get("monitoring_state"));
        record.put("compliance_status", row.get("compliance_status"));
        List<String> monitored = areas(row.get("monitored_areas"));
        record.put("obligations", monitoringId == null ? List.of()
                : ComplianceObligations.of(monitored.isEmpty() ? requested : monitored, row));
        record.put("enforcement_actions", monitoringId == null ? List.of() : enforcementActions(monitoringId));
        // compliance-assessment finds compliance or not; it gives no score
        record.put("overall_compliance_score", null);
        record.put("next_review_date", EmploymentBenefitQueries.date(row.get("next_review_date")));
        record.put("received_at", ((Timestamp) row.get("received_at")).toInstant().toString());
        return record;
    }

    /** The episode's sanction steps, oldest first, each with its CD.EMPL.11 type and where it stands. */
    private List<Map<String, Object>> enforcementActions(String monitoringId) {
        return jdbc.queryForList("SELECT action_type, reduction_percent, state, reason, proposed_at, applied_at, ends_at"
                + " FROM esp_enforcement_action WHERE monitoring_id = ? ORDER BY proposed_at, action_id", monitoringId)
                .stream().map(row -> {
                    Map<String, Object> action = new LinkedHashMap<>();
                    action.put("action_type", row.get("action_type"));
                    action.put("state", row.get("state"));
                    action.put("reduction_percent", row.get("reduction_percent"));
                    action.put("action_date", day(row.get("proposed_at")));
                    action.put("applied_date", day(row.get("applied_at")));
                    action.put("end_date", day(row.get("ends_at")));
                    action.put("reason", row.get("reason"));
                    return action;
                }).toList();
    }

    private static List<String> areas(Object commaSeparated) {
        return commaSeparated == null || String.valueOf(commaSeparated).isBlank() ? List.of()
                : Arrays.stream(String.valueOf(commaSeparated).split(",")).toList();
    }

    private static String day(Object timestamp) {
        return timestamp == null ? null : new Date(((Timestamp) timestamp).getTime()).toLocalDate().toString();
    }
}
