package org.esphub.hub.rights;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.esphub.governance.audit.AuditEntry;
import org.esphub.governance.audit.AuditEvent;
import org.esphub.governance.consent.Consent;
import org.esphub.governance.consent.ConsentRegistry;
import org.esphub.processes.ReferralToPes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Compiles {@link PersonExport}: the person's referrals, the processes that ran about them with the
 * decisions taken there (caseworkers' tasks and rules), their consents and every exchange of their data
 * the audit log records. Variables and payloads stay out: the export says what happened and with whom,
 * the hub does not keep the payloads it sent (the audit records carry their digests).
 */
@Component
public class PersonDataExport {

    private final JdbcTemplate jdbc;
    private final HistoryService history;
    private final ConsentRegistry consents;
    private final PersonAuditEvents auditEvents;
    private final ObjectMapper mapper;
    private final String hubSenderId;

    public PersonDataExport(JdbcTemplate jdbc, HistoryService history, ConsentRegistry consents,
            PersonAuditEvents auditEvents, ObjectMapper mapper, @Value("${esp.hub.sender-id}") String hubSenderId) {
        this.jdbc = jdbc;
        this.history = history;
        this.consents = consents;
        this.auditEvents = auditEvents;
        this.mapper = mapper;
        this.hubSenderId = hubSenderId;
    }

    /** @return the export; its canonical JSON bytes are what is stored, reviewed, released and signed */
    public ObjectNode compile(String requestId, String personId, Instant at) {
        ObjectNode export = mapper.createObjectNode();
        export.put("export_format", PersonExport.FORMAT);
        export.put("request_id", requestId);
        export.put("person_id", personId);
        export.put("generated_at", at.toString());
        export.put("generated_by", hubSenderId);
        export.set("referrals", referrals(personId));
        List<HistoricProcessInstance> processes = history.createHistoricProcessInstanceQuery()
                .variableValueEquals(ReferralToPes.VAR_PERSON_ID, personId).orderByProcessInstanceStartTime().asc().list();
        export.set("processes", processes(processes));
        export.set("decisions", decisions(processes));
        export.set("consents", consents(personId, at));
        export.set("exchanges", exchanges(personId));
        return export;
    }

    private ArrayNode referrals(String personId) {
        ArrayNode referrals = mapper.createArrayNode();
        jdbc.query("SELECT reference_id, sender_id, received_at FROM esp_referral WHERE person_id = ?"
                + " ORDER BY received_at", row -> {
                    ObjectNode referral = referrals.addObject();
                    referral.put("reference_id", row.getString("reference_id"));
                    referral.put("sender_id", row.getString("sender_id"));
                    referral.put("received_at", row.getTimestamp("received_at").toInstant().toString());
                }, personId);
        return referrals;
    }

    private ArrayNode processes(List<HistoricProcessInstance> instances) {
        ArrayNode processes = mapper.createArrayNode();
        for (HistoricProcessInstance instance : instances) {
            ObjectNode process = processes.addObject();
            process.put("process", instance.getProcessDefinitionKey());
            process.put("reference_id", instance.getBusinessKey());
            process.put("state", instance.getState());
            process.put("started_at", text(instance.getStartTime()));
            process.put("ended_at", text(instance.getEndTime()));
            process.put("ended_in", instance.getEndActivityId());
        }
        return processes;
    }

    /** The caseworkers' completed tasks and the rules (DMN) evaluated in the person's processes. */
    private ArrayNode decisions(List<HistoricProcessInstance> instances) {
        ArrayNode decisions = mapper.createArrayNode();
        for (HistoricProcessInstance instance : instances) {
            for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery()
                    .processInstanceId(instance.getId()).finished().orderByHistoricTaskInstanceEndTime().asc().list()) {
                ObjectNode decision = decisions.addObject();
                decision.put("kind", "caseworker_task");
                decision.put("process", instance.getProcessDefinitionKey());
                decision.put("reference_id", instance.getBusinessKey());
                decision.put("name", task.getName());
                decision.put("decided_at", text(task.getEndTime()));
                decision.put("decided_by", task.getAssignee());
            }
            for (HistoricDecisionInstance rule : history.createHistoricDecisionInstanceQuery()
                    .processInstanceId(instance.getId()).orderByEvaluationTime().asc().list()) {
                ObjectNode decision = decisions.addObject();
                decision.put("kind", "rule");
                decision.put("process", instance.getProcessDefinitionKey());
                decision.put("reference_id", instance.getBusinessKey());
                decision.put("name", rule.getDecisionDefinitionName() == null ? rule.getDecisionDefinitionKey()
                        : rule.getDecisionDefinitionName());
                decision.put("decided_at", text(rule.getEvaluationTime()));
                decision.putNull("decided_by");
            }
        }
        return decisions;
    }

    private ArrayNode consents(String personId, Instant at) {
        ArrayNode list = mapper.createArrayNode();
        for (Consent consent : consents.ofPerson(personId)) {
            ObjectNode node = list.addObject();
            node.put("consent_id", consent.id());
            node.put("purpose", consent.purpose());
            node.put("status", consent.statusAt(at));
            node.put("given_at", text(consent.givenAt()));
            node.put("expires_at", text(consent.expiresAt()));
            node.put("withdrawn_at", text(consent.withdrawnAt()));
            node.put("source", consent.source());
            node.put("recorded_by", consent.recordedFor());
        }
        return list;
    }

    private ArrayNode exchanges(String personId) {
        ArrayNode list = mapper.createArrayNode();
        for (AuditEntry entry : auditEvents.of(personId)) {
            AuditEvent event = entry.event();
            ObjectNode node = list.addObject();
            node.put("occurred_at", event.occurredAt().toString());
            node.put("exchange", event.exchange());
            node.put("action", event.action().name());
            node.put("resource_type", event.resourceType());
            node.put("receiver", event.receiver());
            node.put("purpose", event.purpose());
            node.put("legal_basis", event.legalBasis());
            node.put("agreement", event.agreement());
            node.put("outcome", event.outcome().name());
            node.put("audit_sequence", entry.sequence());
        }
        return list;
    }

    private static String text(Date date) {
        return date == null ? null : date.toInstant().toString();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
