package org.esphub.hub.api;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.esphub.hub.agencies.AgencySenders;
import org.esphub.hub.governance.ApiDisclosure;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Read side of {@code GET /referrals}: the hub's referral records joined with the state of
 * their process instances, restricted to what the calling agency sent. Each referral passes the
 * data-sharing gate (exchange {@code api.search-referrals}): minimised and audited per person.
 */
@Service
public class ReferralQueries {

    static final String EXCHANGE = "api.search-referrals";
    static final String PURPOSE = "REFERRAL_STATUS_REPORTING";
    /** The status of an accepted referral whose process has not started yet. */
    static final String RECEIVED = "RECEIVED";

    private final JdbcTemplate jdbc;
    private final HistoryService historyService;
    private final AgencySenders agencySenders;
    private final ApiDisclosure disclosure;

    public ReferralQueries(JdbcTemplate jdbc, HistoryService historyService, AgencySenders agencySenders,
            ApiDisclosure disclosure) {
        this.jdbc = jdbc;
        this.historyService = historyService;
        this.agencySenders = agencySenders;
        this.disclosure = disclosure;
    }

    /** @param correlationId shared by the audit records of the referrals this search returns */
    public Map<String, Object> search(String clientId, String personId, String referenceId, int pageSize,
            int pageNumber, String correlationId) {
        List<String> senders = List.copyOf(agencySenders.senderIdsOf(clientId));
        StringBuilder where = new StringBuilder(" WHERE sender_id IN ("
                + senders.stream().map(s -> "?").collect(Collectors.joining(",")) + ")");
        List<Object> arguments = new ArrayList<>(senders);
        if (personId != null) {
            where.append(" AND person_id = ?");
            arguments.add(personId);
        }
        if (referenceId != null) {
            where.append(" AND reference_id = ?");
            arguments.add(referenceId);
        }
        Integer total = jdbc.queryForObject("SELECT COUNT(*) FROM esp_referral" + where, Integer.class,
                arguments.toArray());
        List<Object> pageArguments = new ArrayList<>(arguments);
        pageArguments.add(pageSize);
        pageArguments.add((pageNumber - 1) * pageSize);
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT reference_id, person_id, sender_id, message_id,"
                + " correlation_id, process_instance_id, rejection_code, rejection_reason, received_at FROM esp_referral" + where
                + " ORDER BY received_at DESC, reference_id LIMIT ? OFFSET ?", pageArguments.toArray());

        Map<String, HistoricProcessInstance> instances = instancesOf(rows);
        List<Map<String, Object>> referrals = rows.stream()
                .map(row -> describe(row, instances))
                .map(referral -> disclosure.toClient(EXCHANGE, PURPOSE, clientId, (String) referral.get("person_id"),
                        (String) referral.get("reference_id"), correlationId, referral))
                .toList();
        return Map.of(
                "pagination", Map.of("page_size", pageSize, "page_number", pageNumber, "total_count", total),
                "referrals", referrals);
    }

    private Map<String, HistoricProcessInstance> instancesOf(List<Map<String, Object>> rows) {
        Set<String> ids = rows.stream().map(r -> (String) r.get("process_instance_id")).filter(id -> id != null)
                .collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return historyService.createHistoricProcessInstanceQuery().processInstanceIds(ids).list().stream()
                .collect(Collectors.toMap(HistoricProcessInstance::getId, Function.identity()));
    }

    private static Map<String, Object> describe(Map<String, Object> row, Map<String, HistoricProcessInstance> instances) {
        String processInstanceId = (String) row.get("process_instance_id");
        HistoricProcessInstance instance = processInstanceId == null ? null : instances.get(processInstanceId);
        Map<String, Object> referral = new LinkedHashMap<>();
        referral.put("reference_id", row.get("reference_id"));
        referral.put("person_id", row.get("person_id"));
        referral.put("sender_id", row.get("sender_id"));
        referral.put("message_id", row.get("message_id"));
        referral.put("correlation_id", row.get("correlation_id"));
        referral.put("received_at", ((Timestamp) row.get("received_at")).toInstant().toString());
        if (row.get("rejection_code") != null) {
            // refused at intake: no process was started
            referral.put("status", "REJECTED");
            referral.put("outcome", row.get("rejection_code"));
            referral.put("reason", row.get("rejection_reason"));
        } else if (processInstanceId == null) {
            // accepted and acknowledged; its process starts right after (ADR 0029)
            referral.put("status", RECEIVED);
            referral.put("outcome", null);
        } else {
            referral.put("status", instance == null ? "UNKNOWN" : instance.getState());
            referral.put("outcome", instance == null ? null : instance.getEndActivityId());
        }
        return referral;
    }
}
