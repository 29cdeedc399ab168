package org.esphub.hub.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.esphub.hub.agencies.AgencySenders;
import org.esphub.hub.compliance.ComplianceRequest;
import org.esphub.hub.compliance.ComplianceRequests;
import org.esphub.hub.governance.ApiDisclosure;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Read side of {@code GET /compliance-monitoring}: the compliance monitoring the caller asked for
 * (under any sender_id it may use), newest first, each shaped as the companion's compliance
 * record and released through the data-sharing gate (exchange {@code api.search-compliance-monitoring}).
 * Until the compliance process exists every accepted request is {@code PENDING}, with no
 * obligations, score or enforcement actions yet.
 */
@Service
public class ComplianceQueries {

    static final String EXCHANGE = "api.search-compliance-monitoring";
    static final String PURPOSE = "ACTIVATION_COMPLIANCE";
    static final Set<String> STATUSES = Set.of(ComplianceRequest.RECEIVED, ComplianceRequest.REJECTED);
    static final Set<String> COMPLIANCE_STATUSES = Set.of(ComplianceRequest.PENDING);

    private final JdbcTemplate jdbc;
    private final AgencySenders agencySenders;
    private final ApiDisclosure disclosure;

    public ComplianceQueries(JdbcTemplate jdbc, AgencySenders agencySenders, ApiDisclosure disclosure) {
        this.jdbc = jdbc;
        this.agencySenders = agencySenders;
        this.disclosure = disclosure;
    }

    /**
     * @param periodStart only requests whose period ends on or after it
     * @param periodEnd only requests whose period starts on or before it
     * @param complianceStatus only requests with this compliance status ({@code PENDING} today)
     */
    Map<String, Object> search(String clientId, String personId, String referenceId, String periodStart,
            String periodEnd, String status, String complianceStatus, SearchPage page) {
        SearchFilter filter = new SearchFilter()
                .in("sender_id", agencySenders.senderIdsOf(clientId))
                .equal("person_id", personId)
                .equal("reference_id", referenceId)
                .date("monitoring_period_start", "period_end", ">=", periodStart)
                .date("monitoring_period_end", "period_start", "<=", periodEnd)
                .oneOf("status", "status", status, STATUSES)
                // only accepted requests have a compliance status: PENDING until the process assesses them
                .oneOf("compliance_status", "CASE WHEN status = '" + ComplianceRequest.RECEIVED + "' THEN '"
                        + ComplianceRequest.PENDING + "' END", complianceStatus, COMPLIANCE_STATUSES);
        Integer total = jdbc.queryForObject("SELECT COUNT(*) FROM esp_compliance_request" + filter.sql(),
                Integer.class, filter.arguments());
        List<ComplianceRequest> rows = jdbc.query("SELECT " + ComplianceRequests.COLUMNS
                + " FROM esp_compliance_request" + filter.sql() + " ORDER BY received_at DESC, reference_id"
                + " LIMIT ? OFFSET ?", ComplianceRequests::map, filter.arguments(page));
        List<Map<String, Object>> records = rows.stream()
                .map(row -> disclosure.toClient(EXCHANGE, PURPOSE, clientId, row.personId(), row.referenceId(),
                        page.correlationId(), describe(row)))
                .toList();
        return Map.of("pagination", page.pagination(total == null ? 0 : total), "compliance_monitoring", records);
    }

    private static Map<String, Object> describe(ComplianceRequest row) {
        boolean received = ComplianceRequest.RECEIVED.equals(row.status());
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("start_date", row.periodStart() == null ? null : row.periodStart().toString());
        period.put("end_date", row.periodEnd() == null ? null : row.periodEnd().toString());
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("reference_id", row.referenceId());
        record.put("person_id", row.personId());
        record.put("referral_reference_id", row.referralReferenceId());
        record.put("monitoring_period", period);
        record.put("compliance_areas", row.complianceAreas());
        record.put("requested_assessment", row.requestedAssessment());
        record.put("status", row.status());
        if (!received) {
            record.put("reason", row.rejectionReason());
        }
        record.put("compliance_status", received ? ComplianceRequest.PENDING : null);
        record.put("obligations", List.of());
        record.put("enforcement_actions", List.of());
        record.put("overall_compliance_score", null);
        record.put("next_review_date", null);
        record.put("received_at", row.receivedAt().toString());
        return record;
    }
}
