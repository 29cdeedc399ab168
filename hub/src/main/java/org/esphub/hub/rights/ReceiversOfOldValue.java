package org.esphub.hub.rights;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.esphub.governance.agreements.AgreementCatalogue;
import org.esphub.governance.agreements.AgreementExchange;
import org.esphub.governance.audit.AuditEntry;
import org.esphub.governance.audit.AuditEvent;
import org.esphub.governance.audit.AuditOutcome;
import org.springframework.stereotype.Component;

/**
 * Who holds a field's old value: the audit log records every released exchange about the person with its
 * agreement, exchange and receiver, and the agreement says which fields that exchange carries (the gate
 * removed the others, and records what it filtered). The hub never kept the payloads, so this is how it
 * knows. The field's source agency is not a receiver: it corrects the value itself.
 *
 * <p>A receiver is an agency ({@code pes.gov.example}) or, where the agreement gives the exchange to one partner of
 * a group ({@code employers}, {@code partner_field: employer_id}), that group with the partner the audit record
 * names: each employer that received a candidate's name is a receiver of its own.
 */
@Component
public class ReceiversOfOldValue {

    private static final String WHOLE_PAYLOAD = "*";

    private final PersonAuditEvents auditEvents;
    private final AgreementCatalogue agreements;

    public ReceiversOfOldValue(PersonAuditEvents auditEvents, AgreementCatalogue agreements) {
        this.auditEvents = auditEvents;
        this.agreements = agreements;
    }

    /**
     * One receiver of the old value.
     *
     * @param party the agreement party the audit record names ({@code pes.gov.example}, {@code employers})
     * @param partner the one partner of the party that received it (an {@code employer_id}); null when the party
     *     is one agency, or when a record from before partners were recorded does not say
     */
    public record Receiver(String party, String partner) {

        /** As {@code receivers_told} lists it: the party, or {@code party:partner} ({@code employers:EMP-ACME}). */
        public String told() {
            return partner == null ? party : party + ":" + partner;
        }
    }

    /** @return the receivers of the field about the person, each once, in the order they first received it */
    public Set<Receiver> of(String personId, RectifiableField field) {
        Set<Receiver> receivers = new LinkedHashSet<>();
        for (AuditEntry entry : auditEvents.of(personId)) {
            AuditEvent event = entry.event();
            if (event.outcome() == AuditOutcome.RELEASED && event.receiver() != null
                    && !event.receiver().equals(field.sourceAgency()) && carried(event, field.name())) {
                receivers.add(new Receiver(event.receiver(), event.partner()));
            }
        }
        return receivers;
    }

    private boolean carried(AuditEvent event, String field) {
        // the record names the agreement with its version (id@version), but the hub loads only the version in
        // force: its exchange's fields stand for the earlier ones too. An agreement's new version adds fields far
        // more often than it drops one, and a field the gate removed is in the record's filters either way; a
        // receiver missed because its version was not matched would keep the old value for good.
        String agreementId = event.agreement() == null ? "" : event.agreement().split("@", 2)[0];
        Optional<AgreementExchange> exchange = agreements.byId(agreementId)
                .flatMap(agreement -> agreement.exchanges().stream()
                        .filter(candidate -> candidate.name().equals(event.exchange())).findFirst());
        if (exchange.isEmpty()) {
            return false;
        }
        List<String> fields = exchange.get().fields();
        boolean allowed = fields.contains(field) || fields.contains(WHOLE_PAYLOAD);
        boolean filtered = List.of(event.filtersApplied().split(",")).contains(field);
        return allowed && !filtered;
    }
}
