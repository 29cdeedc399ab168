package org.esphub.hub.compliance;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Table {@code esp_compliance_request}: the compliance monitoring agencies asked for. */
@Repository
public class ComplianceRequests {

    public static final String COLUMNS = "reference_id, person_id, sender_id, message_id, correlation_id,"
            + " referral_reference_id, period_start, period_end, compliance_areas, requested_assessment, status,"
            + " rejection_code, rejection_reason, received_at";

    private final JdbcTemplate jdbc;

    public ComplianceRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String referenceId) {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM esp_compliance_request WHERE reference_id = ?",
                Integer.class, referenceId);
        return known != null && known > 0;
    }

    public void insert(ComplianceRequest r) {
        jdbc.update("INSERT INTO esp_compliance_request (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.referenceId(), r.personId(), r.senderId(), r.messageId(), r.correlationId(),
                r.referralReferenceId(), date(r.periodStart()), date(r.periodEnd()),
                String.join(",", r.complianceAreas()), r.requestedAssessment(), r.status(), r.rejectionCode(),
                r.rejectionReason(), Timestamp.from(r.receivedAt()));
    }

    /**
     * The reference_id of the person's active referral if one of {@code senders} sent it, or null:
     * compliance is monitored for persons under activation, by the agency that referred them.
     */
    public String activeReferralOf(String personId, List<String> senders) {
        String placeholders = String.join(",", senders.stream().map(s -> "?").toList());
        Object[] arguments = new Object[senders.size() + 1];
        arguments[0] = personId;
        for (int i = 0; i < senders.size(); i++) {
            arguments[i + 1] = senders.get(i);
        }
        List<String> referrals = jdbc.queryForList("SELECT a.reference_id FROM esp_active_referral a"
                + " JOIN esp_referral r ON r.reference_id = a.reference_id WHERE a.person_id = ?"
                + " AND r.sender_id IN (" + placeholders + ")", String.class, arguments);
        return referrals.isEmpty() ? null : referrals.get(0);
    }

    public static ComplianceRequest map(ResultSet row, int rowNumber) throws SQLException {
        String areas = row.getString("compliance_areas");
        return new ComplianceRequest(row.getString("reference_id"), row.getString("person_id"),
                row.getString("sender_id"), row.getString("message_id"), row.getString("correlation_id"),
                row.getString("referral_reference_id"), localDate(row.getDate("period_start")),
                localDate(row.getDate("period_end")),
                areas.isEmpty() ? List.of() : List.copyOf(Arrays.asList(areas.split(","))),
                row.getString("requested_assessment"), row.getString("status"), row.getString("rejection_code"),
                row.getString("rejection_reason"), row.getTimestamp("received_at").toInstant());
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
