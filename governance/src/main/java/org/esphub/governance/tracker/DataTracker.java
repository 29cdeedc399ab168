package org.esphub.governance.tracker;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.esphub.governance.agreements.AgreementCatalogue;
import org.esphub.governance.agreements.AgreementExchange;
import org.esphub.governance.agreements.Channel;
import org.esphub.governance.agreements.Coverage;
import org.esphub.governance.agreements.DataSharingAgreement;
import org.esphub.governance.agreements.Party;
import org.esphub.governance.agreements.Purpose;
import org.esphub.governance.audit.AuditEntry;
import org.esphub.governance.audit.AuditEvent;
import org.esphub.governance.audit.AuditOutcome;
import org.esphub.governance.audit.AuditQuery;
import org.esphub.governance.audit.AuditSearch;
import org.esphub.governance.gate.DataSharingGate;

/**
 * The person's data tracker: every exchange of their data the hub let go, read from the audit log
 * and explained with the agreement that allowed it. Refused exchanges moved nothing and changes
 * of governance data (a consent recorded) are no exchanges, so neither is listed. The one place
 * that reads the audit log for a person on their behalf (the API, the printable page and an
 * access request's export use it). A released record's {@code reason} is the explanation a notice of an
 * automated decision carried (the gate keeps it there), shown with the exchange.
 */
public class DataTracker {

    /** How the hub names itself as a party. */
    public static final String HUB_PARTY = "esp-hub";

    private static final int PAGE = AuditQuery.MAX_LIMIT;

    private final AuditSearch audit;
    private final AgreementCatalogue agreements;
    private final FieldCategories categories;

    public DataTracker(AuditSearch audit, AgreementCatalogue agreements, FieldCategories categories) {
        this.audit = audit;
        this.agreements = agreements;
        this.categories = categories;
    }

    /** Every released exchange about the person, oldest first (all pages of the audit log). */
    public List<TrackerEntry> exchangesAbout(String personId) {
        Objects.requireNonNull(personId, "personId");
        List<TrackerEntry> entries = new ArrayList<>();
        long after = 0;
        List<AuditEntry> page;
        do {
            page = audit.find(new AuditQuery(personId, null, null, null, null, null, after, PAGE));
            for (AuditEntry record : page) {
                if (record.event().outcome() == AuditOutcome.RELEASED) {
                    entries.add(entryOf(record));
                }
                after = record.sequence();
            }
        } while (page.size() == PAGE);
        return entries;
    }

    private TrackerEntry entryOf(AuditEntry record) {
        AuditEvent event = record.event();
        Optional<Coverage> coverage = event.exchange() == null || event.purpose() == null ? Optional.empty()
                : agreements.coverageOf(event.exchange(), event.purpose());
        DataSharingAgreement agreement = coverage.map(Coverage::agreement).orElse(null);
        AgreementExchange exchange = coverage.map(Coverage::exchange).orElse(null);
        return new TrackerEntry(record.sequence(), event.occurredAt(), event.exchange(),
                exchange == null ? null : exchange.description(),
                senders(agreement, exchange, event.receiver()), party(agreement, event.receiver()), event.purpose(),
                purposeDescription(agreement, event.purpose()), event.legalBasis(), event.agreement(),
                event.consentId(), exchange == null ? List.of() : categories.labelsOf(moved(exchange, event)),
                event.reason());
    }

    /**
     * The fields the exchange may carry less those this release did not: the ones the gate removed, and the
     * explanation unless the notice carried one (the record's reason). The values were never kept, so this is
     * as close to what moved as the log can say.
     */
    private static List<String> moved(AgreementExchange exchange, AuditEvent event) {
        Set<String> filtered = event.filtersApplied() == null || event.filtersApplied().isBlank() ? Set.of()
                : Set.of(event.filtersApplied().split(","));
        return exchange.fields().stream().filter(field -> !filtered.contains(field))
                .filter(field -> event.reason() != null || !DataSharingGate.EXPLANATION.equals(field)).toList();
    }

    /** An API answer comes from what the hub holds; anything else passes on the other parties' data. */
    private static List<TrackerEntry.PartyName> senders(DataSharingAgreement agreement, AgreementExchange exchange,
            String receiver) {
        if (agreement == null) {
            return List.of(new TrackerEntry.PartyName(HUB_PARTY, null));
        }
        if (exchange.channel() == Channel.API) {
            return List.of(party(agreement, HUB_PARTY));
        }
        List<TrackerEntry.PartyName> senders = agreement.parties().stream()
                .filter(party -> !party.id().equals(receiver) && !party.id().equals(HUB_PARTY))
                .map(party -> new TrackerEntry.PartyName(party.id(), party.name())).toList();
        return senders.isEmpty() ? List.of(party(agreement, HUB_PARTY)) : senders;
    }

    private static TrackerEntry.PartyName party(DataSharingAgreement agreement, String id) {
        String name = agreement == null ? null : agreement.parties().stream().filter(party -> party.id().equals(id))
                .map(Party::name).findFirst().orElse(null);
        return new TrackerEntry.PartyName(id, name);
    }

    private static String purposeDescription(DataSharingAgreement agreement, String code) {
        return agreement == null ? null : agreement.purposes().stream().filter(purpose -> purpose.code().equals(code))
                .map(Purpose::description).findFirst().orElse(null);
    }
}
