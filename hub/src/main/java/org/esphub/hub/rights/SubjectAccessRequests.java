package org.esphub.hub.rights;

import static org.esphub.processes.SubjectAccessRequest.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.dci.signature.CanonicalJson;
import org.esphub.governance.audit.AuditAction;
import org.esphub.governance.gate.DataSharingGate;
import org.esphub.governance.gate.ExchangeRequest;
import org.esphub.hub.api.DciConflict;
import org.esphub.processes.AgencyKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Access requests (DG.EMPL.05): an agency asks, for a person or their legal representative, for
 * everything the hub holds about the person. The export is compiled when the request arrives (what the
 * officer reviews is what is released) and the review runs in {@code subject-access-request}; the
 * request's state is that process's, read from the engine, and only the agency that asked sees it.
 */
@Service
public class SubjectAccessRequests {

    /** The agreements' name of taking a request in (data-subject-rights). */
    public static final String REQUEST_EXCHANGE = "api.request-subject-access";
    /** The export's exchange to each kind of agency: one receiver per exchange in the agreement. */
    private static final Map<AgencyKind, String> EXPORT_EXCHANGES = Map.of(
            AgencyKind.SA, "api.subject-access-export.sa", AgencyKind.PES, "api.subject-access-export.pes");

    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final HistoryService history;
    private final DataSharingGate gate;
    private final RightsRequesters requesters;
    private final PersonDataExport exports;
    private final SubjectAccessRequestProperties deadlines;
    private final Clock clock;

    public SubjectAccessRequests(JdbcTemplate jdbc, RuntimeService runtime, TaskService tasks, HistoryService history,
            DataSharingGate gate, RightsRequesters requesters, PersonDataExport exports,
            SubjectAccessRequestProperties deadlines, Clock clock) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.tasks = tasks;
        this.history = history;
        this.gate = gate;
        this.requesters = requesters;
        this.exports = exports;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** Where a request stands, as its agency sees it. */
    public record Status(String requestId, String state, Instant receivedAt, Instant dueAt, Instant answeredAt,
            String reason) {

        public static final String IN_REVIEW = "IN_REVIEW";
        /** The review is still open shortly before the deadline: an urgent review now. */
        public static final String ESCALATED = "ESCALATED";
        public static final String RELEASED = "RELEASED";
        public static final String REFUSED = "REFUSED";
    }

    /** The released export, as its agency may take it: the gate's decision is audited. */
    public record ReleasedExport(String personId, byte[] canonicalJson) {
    }

    /**
     * Records the request with its compiled export and starts its review, in one transaction.
     *
     * @throws DciRejection bad input (400) or a caller that is neither SA nor PES (403); nothing is stored
     */
    @Transactional
    public Status receive(String clientId, AccessRequestBody body, String correlationId) {
        RightsRequesters.Requester requester = requesters.of(clientId);
        String requestId = UUID.randomUUID().toString();
        Instant received = clock.instant();
        Instant due = received.plus(deadlines.answerWithin());
        gate.release(new ExchangeRequest(REQUEST_EXCHANGE, PURPOSE_DATA_SUBJECT_RIGHTS, body.personId(),
                body.asPayload(), clientId, correlationId, requestId, null, null, AuditAction.CREATE));
        ObjectNode compiled = exports.compile(requestId, body.personId(), received);
        byte[] export = CanonicalJson.bytes(compiled);
        jdbc.update("INSERT INTO esp_subject_access_request (request_id, person_id, requester_client, requester_id,"
                + " on_behalf_of, representation_kind, representation_ref, correlation_id, received_at, due_at,"
                + " export_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", requestId, body.personId(), clientId,
                requester.senderId(), body.onBehalfOf(), body.representationKind(), body.representationReference(),
                correlationId, Timestamp.from(received), Timestamp.from(due),
                new String(export, StandardCharsets.UTF_8));
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_REFERENCE_ID, requestId);
        variables.put(VAR_PERSON_ID, body.personId());
        variables.put(VAR_GIVEN_NAME, body.givenName());
        variables.put(VAR_FAMILY_NAME, body.familyName());
        variables.put(VAR_CORRELATION_ID, correlationId);
        variables.put(VAR_REQUESTER_ID, requester.senderId());
        variables.put(VAR_REQUESTER_KIND, requester.kind().name());
        variables.put(VAR_ON_BEHALF_OF, body.onBehalfOf());
        variables.put(VAR_REPRESENTATION_KIND, body.representationKind());
        variables.put(VAR_REPRESENTATION_REFERENCE, body.representationReference());
        variables.put(VAR_DUE_AT, due.toString());
        variables.put(VAR_ESCALATE_AT, due.minus(deadlines.escalateBefore()).toString());
        variables.put(VAR_EXPORT_SUMMARY, ExportSummary.of(compiled));
        runtime.startProcessInstanceByKey(PROCESS_KEY, requestId, variables);
        return new Status(requestId, Status.IN_REVIEW, received, due, null, null);
    }

    /** @return the request's state, if this client asked for it (another agency's request is not found) */
    public Optional<Status> status(String clientId, String requestId) {
        return stored(clientId, requestId).map(this::statusOf);
    }

    /**
     * @return the export once released to the agency that asked; empty if no such request of this client
     * @throws DciRejection 409 while it is not released
     */
    public Optional<ReleasedExport> export(String clientId, String requestId, String correlationId) {
        Optional<Stored> stored = stored(clientId, requestId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Status status = statusOf(stored.get());
        if (!Status.RELEASED.equals(status.state())) {
            throw new DciConflict(DciReasonCode.REQUEST_BAD,
                    "the export is not released (the request is " + status.state() + ")");
        }
        return Optional.of(new ReleasedExport(stored.get().personId(), stored.get().export()));
    }

    /** The exchange the export to this client's agency is released under. */
    String exportExchangeFor(String clientId) {
        return EXPORT_EXCHANGES.get(requesters.of(clientId).kind());
    }

    private Status statusOf(Stored request) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(request.requestId()).singleResult();
        if (instance == null || instance.getEndTime() == null) {
            boolean urgent = instance != null && tasks.createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(REVIEW_EXPORT_URGENTLY).count() > 0;
            return new Status(request.requestId(), urgent ? Status.ESCALATED : Status.IN_REVIEW, request.receivedAt(),
                    request.dueAt(), null, null);
        }
        boolean released = EXPORT_RELEASED.equals(instance.getEndActivityId());
        return new Status(request.requestId(), released ? Status.RELEASED : Status.REFUSED, request.receivedAt(),
                request.dueAt(), instance.getEndTime().toInstant(), released ? null : notesOf(instance));
    }

    private String notesOf(HistoricProcessInstance instance) {
        HistoricVariableInstance notes = history.createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(VAR_REVIEW_NOTES).singleResult();
        return notes == null || notes.getValue() == null ? null : notes.getValue().toString();
    }

    private record Stored(String requestId, String personId, Instant receivedAt, Instant dueAt, byte[] export) {
    }

    private Optional<Stored> stored(String clientId, String requestId) {
        List<Stored> found = jdbc.query("SELECT request_id, person_id, received_at, due_at, export_json"
                + " FROM esp_subject_access_request WHERE request_id = ? AND requester_client = ?",
                (row, n) -> new Stored(row.getString("request_id"), row.getString("person_id"),
                        row.getTimestamp("received_at").toInstant(), row.getTimestamp("due_at").toInstant(),
                        row.getString("export_json").getBytes(StandardCharsets.UTF_8)),
                requestId, clientId);
        return found.stream().findFirst();
    }
}
