package org.esphub.hub.rights;

import static org.esphub.processes.Rectification.VAR_EMPLOYER_RECEIVERS;
import static org.esphub.processes.Rectification.VAR_RECEIVER_KINDS;
import static org.esphub.processes.Rectification.VAR_VERSION;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.esphub.hub.agencies.AgencySenders;
import org.esphub.processes.AgencyKind;
import org.esphub.processes.RectificationRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The hub's side of {@code rectification}: the decision goes into {@code esp_rectification}; a correction
 * becomes the field's next version for the person, and the agencies the audit log shows received the old
 * value are recorded as told and named to the process, which tells them through the gate. Runs inside the
 * engine's transaction, so the record and the process move together.
 *
 * <p>SA and PES are named by kind: each has one notice route. A partner of a group (an employer of
 * {@code employers}, as the audit record names it) is named by its id, because each is told on its own: its
 * kind is that of the sender that speaks for it ({@code esp.agencies.partners}). Employers have a notice route
 * ({@code employer-notify-rectification}); training providers receive no field that can be corrected today
 * (pes-training-providers sends them none of {@link RectifiableField#ALL}), so they have none: a receiver
 * the hub has no notice route for is logged and left out of {@code receivers_told}, never silently counted.
 */
@Component(RectificationRecord.BEAN)
public class AuditedRectificationRecord implements RectificationRecord {

    private static final Logger LOG = LoggerFactory.getLogger(AuditedRectificationRecord.class);

    /** The agencies a notice reaches: SA and PES, whose notice routes the agreement names. */
    private static final Set<AgencyKind> TOLD_KINDS = RightsRequesters.KINDS;

    private final JdbcTemplate jdbc;
    private final ReceiversOfOldValue receivers;
    private final AgencySenders agencySenders;
    private final Clock clock;

    public AuditedRectificationRecord(JdbcTemplate jdbc, ReceiversOfOldValue receivers, AgencySenders agencySenders,
            Clock clock) {
        this.jdbc = jdbc;
        this.receivers = receivers;
        this.agencySenders = agencySenders;
        this.clock = clock;
    }

    private record Requested(String personId, RectifiableField field) {
    }

    @Override
    public Map<String, Object> corrected(String rectificationId, String checkedBy) {
        Requested requested = requested(rectificationId);
        Integer last = jdbc.queryForObject("SELECT MAX(version) FROM esp_rectification WHERE person_id = ?"
                + " AND field = ?", Integer.class, requested.personId(), requested.field().name());
        int version = last == null ? 1 : last + 1;
        List<String> told = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<String> employers = new ArrayList<>();
        for (ReceiversOfOldValue.Receiver receiver : receivers.of(requested.personId(), requested.field())) {
            Optional<AgencyKind> kind = receiver.partner() == null ? agencySenders.kindOf(receiver.party())
                    : agencySenders.senderForPartner(receiver.partner()).flatMap(agencySenders::kindOf);
            if (receiver.partner() == null && kind.isPresent() && TOLD_KINDS.contains(kind.get())) {
                told.add(receiver.told());
                if (!kinds.contains(kind.get().name())) {
                    kinds.add(kind.get().name());
                }
            } else if (receiver.partner() != null && kind.filter(AgencyKind.EMPLOYER::equals).isPresent()) {
                told.add(receiver.told());
                employers.add(receiver.partner());
            } else {
                LOG.warn("rectification {}: {} received {} about the person but the hub has no notice route for it;"
                        + " it is not told", rectificationId, receiver.told(), requested.field().name());
            }
        }
        jdbc.update("UPDATE esp_rectification SET status = ?, version = ?, decided_at = ?, decided_by = ?,"
                + " receivers_told = ? WHERE rectification_id = ?", Rectifications.Status.CORRECTED, version,
                Timestamp.from(clock.instant()), checkedBy, String.join(",", told), rectificationId);
        return Map.of(VAR_VERSION, version, VAR_RECEIVER_KINDS, kinds, VAR_EMPLOYER_RECEIVERS, employers);
    }

    @Override
    public void refused(String rectificationId, String checkedBy) {
        jdbc.update("UPDATE esp_rectification SET status = ?, decided_at = ?, decided_by = ? WHERE rectification_id = ?",
                Rectifications.Status.REFUSED, Timestamp.from(clock.instant()), checkedBy, rectificationId);
    }

    private Requested requested(String rectificationId) {
        return jdbc.queryForObject("SELECT person_id, field FROM esp_rectification WHERE rectification_id = ?",
                (row, n) -> new Requested(row.getString("person_id"),
                        RectifiableField.named(row.getString("field")).orElseThrow()), rectificationId);
    }
}
