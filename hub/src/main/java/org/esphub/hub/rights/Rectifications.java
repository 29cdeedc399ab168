package org.esphub.hub.rights;

import static org.esphub.processes.Rectification.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.esphub.dci.DciRejection;
import org.esphub.governance.audit.AuditAction;
import org.esphub.governance.audit.AuditQuery;
import org.esphub.governance.audit.AuditSearch;
import org.esphub.governance.gate.DataSharingGate;
import org.esphub.governance.gate.ExchangeRequest;
import org.esphub.processes.SubjectAccessRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rectifications (DG.EMPL.05): SA or PES asks, for a person, that one field be corrected. The request is
 * recorded and its check started in {@code rectification}; only the agency that asked sees it. The decision
 * and who was told are recorded by {@link AuditedRectificationRecord} as the process goes.
 */
@Service
public class Rectifications {

    /** The agreements' name of taking a rectification in (data-subject-rights). */
    public static final String REQUEST_EXCHANGE = "api.request-rectification";

    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final DataSharingGate gate;
    private final RightsRequesters requesters;
    private final AuditSearch audit;
    private final RectificationProperties deadlines;
    private final Clock clock;

    public Rectifications(JdbcTemplate jdbc, RuntimeService runtime, TaskService tasks, DataSharingGate gate,
            RightsRequesters requesters, AuditSearch audit, RectificationProperties deadlines, Clock clock) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.tasks = tasks;
        this.gate = gate;
        this.requesters = requesters;
        this.audit = audit;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** Where a rectification stands, as its agency sees it. */
    public record Status(String id, String personId, String field, String sourceAgency, String state, Integer version,
            Instant requestedAt, Instant dueAt, Instant decidedAt, List<String> receiversTold) {

        public static final String IN_CHECK = "IN_CHECK";
        /** The check is still open shortly before it is due: an urgent check now. */
        public static final String ESCALATED = "ESCALATED";
        /** Corrected; the receivers of the old value are being told. */
        public static final String TELLING_RECEIVERS = "TELLING_RECEIVERS";
        public static final String CORRECTED = "CORRECTED";
        public static final String REFUSED = "REFUSED";
    }

    /**
     * Records the request and starts its check, in one transaction.
     *
     * @throws DciRejection bad input or a person the hub never exchanged data about (400), a caller that is
     *     neither SA nor PES (403); nothing is stored
     */
    @Transactional
    public Status receive(String clientId, RectificationBody body, String correlationId) {
        RightsRequesters.Requester requester = requesters.of(clientId);
        if (audit.find(new AuditQuery(body.personId(), null, null, null, null, null, 0L, 1)).isEmpty()) {
            throw RectificationBody.bad(List.of("person_id: the hub holds no data about this person"));
        }
        String id = UUID.randomUUID().toString();
        Instant requested = clock.instant();
        Instant due = requested.plus(deadlines.checkWithin());
        gate.release(new ExchangeRequest(REQUEST_EXCHANGE, SubjectAccessRequest.PURPOSE_DATA_SUBJECT_RIGHTS,
                body.personId(), body.asPayload(), clientId, correlationId, id, null, null, AuditAction.CREATE));
        jdbc.update("INSERT INTO esp_rectification (rectification_id, person_id, field, source_agency,"
                + " requester_client, requester_id, correlation_id, claimed_value_hash, status, requested_at, due_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, body.personId(), body.field().name(),
                body.field().sourceAgency(), clientId, requester.senderId(), correlationId, sha256(body.claimedValue()),
                Status.IN_CHECK, Timestamp.from(requested), Timestamp.from(due));
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_REFERENCE_ID, id);
        variables.put(VAR_PERSON_ID, body.personId());
        variables.put(VAR_GIVEN_NAME, body.givenName());
        variables.put(VAR_FAMILY_NAME, body.familyName());
        variables.put(VAR_CORRELATION_ID, correlationId);
        variables.put(VAR_FIELD, body.field().name());
        variables.put(VAR_SOURCE_AGENCY, body.field().sourceAgency());
        variables.put(VAR_SOURCE_GROUP, body.field().sourceGroup());
        variables.put(VAR_CLAIMED_VALUE, body.claimedValue());
        variables.put(VAR_STATEMENT, body.statement());
        variables.put(VAR_REQUESTER_ID, requester.senderId());
        variables.put(VAR_REQUESTER_KIND, requester.kind().name());
        variables.put(VAR_DUE_AT, due.toString());
        variables.put(VAR_ESCALATE_AT, due.minus(deadlines.escalateBefore()).toString());
        runtime.startProcessInstanceByKey(PROCESS_KEY, id, variables);
        return status(clientId, id).orElseThrow();
    }

    /** @return the rectification's state, if this client asked for it (another agency's is not found) */
    public Optional<Status> status(String clientId, String id) {
        return jdbc.query("SELECT rectification_id, person_id, field, source_agency, status, version, requested_at,"
                + " due_at, decided_at, receivers_told FROM esp_rectification WHERE rectification_id = ?"
                + " AND requester_client = ?", (row, n) -> {
                    String state = row.getString("status");
                    Timestamp decided = row.getTimestamp("decided_at");
                    String told = row.getString("receivers_told");
                    return new Status(row.getString("rectification_id"), row.getString("person_id"),
                            row.getString("field"), row.getString("source_agency"), current(id, state),
                            (Integer) row.getObject("version", Integer.class), row.getTimestamp("requested_at").toInstant(),
                            row.getTimestamp("due_at").toInstant(), decided == null ? null : decided.toInstant(),
                            told == null || told.isEmpty() ? List.of() : Arrays.asList(told.split(",")));
                }, id, clientId).stream().findFirst();
    }

    /** The stored state, refined by the engine: an urgent check, or notices still under way. */
    private String current(String id, String stored) {
        boolean running = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(id).count() > 0;
        if (Status.IN_CHECK.equals(stored) && running && tasks.createTaskQuery().processInstanceBusinessKey(id)
                .taskDefinitionKey(CHECK_FIELD_URGENTLY).count() > 0) {
            return Status.ESCALATED;
        }
        if (Status.CORRECTED.equals(stored) && running) {
            return Status.TELLING_RECEIVERS;
        }
        return stored;
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java runtime has SHA-256", impossible);
        }
    }
}
