package org.esphub.governance.consent;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.esphub.governance.agreements.AgreementCatalogue;
import org.esphub.governance.agreements.AgreementExchange;
import org.esphub.governance.agreements.DataSharingAgreement;
import org.esphub.governance.agreements.Party;

/**
 * What the agreements say about a consent for a purpose: under which agreements it is given, which
 * receivers it can cover, which parties have standing on it (may see, record and withdraw it), its
 * legal basis and how long it may last. Nothing of this comes from the caller: a consent is only
 * as wide as the agreements that define its purpose.
 */
public class ConsentAgreements {

    private final AgreementCatalogue agreements;

    public ConsentAgreements(AgreementCatalogue agreements) {
        this.agreements = agreements;
    }

    /** Whether some agreement defines the purpose. */
    public boolean known(String purpose) {
        return purpose != null && !agreements.definingPurpose(purpose).isEmpty();
    }

    public Set<String> purposes() {
        return agreements.purposes();
    }

    /**
     * Every receiver an exchange for the purpose goes to, under any agreement that defines it: what
     * a consent without an explicit scope covers (and the most an explicit scope may name).
     */
    public Set<String> receiversOf(String purpose) {
        Set<String> receivers = new TreeSet<>();
        agreements.definingPurpose(purpose).forEach(agreement -> exchangesFor(agreement, purpose)
                .forEach(exchange -> receivers.add(exchange.receiver())));
        return receivers;
    }

    /**
     * The agreements a consent for the purpose, covering the receivers in scope, is given under:
     * those defining the purpose with an exchange for it to one of the receivers.
     */
    public List<DataSharingAgreement> under(String purpose, Collection<String> scope) {
        return agreements.definingPurpose(purpose).stream()
                .filter(agreement -> exchangesFor(agreement, purpose).stream()
                        .anyMatch(exchange -> scope.contains(exchange.receiver())))
                .toList();
    }

    /** The parties of every agreement the consent is given under: who may see and withdraw it. */
    public Set<String> partiesWithStanding(String purpose, Collection<String> scope) {
        Set<String> parties = new LinkedHashSet<>();
        under(purpose, scope).forEach(agreement -> agreement.parties().stream().map(Party::id).forEach(parties::add));
        return parties;
    }

    /**
     * The parties with standing on a consent about to be recorded: of the agreements covering the
     * scope it names, or, when it names none, every receiver of its purpose.
     */
    public Set<String> partiesWithStanding(NewConsent consent) {
        if (!known(consent.purpose())) {
            return Set.of();
        }
        Collection<String> scope = consent.scope() == null || consent.scope().isEmpty()
                ? receiversOf(consent.purpose()) : consent.scope();
        return partiesWithStanding(consent.purpose(), scope);
    }

    public boolean hasStanding(String party, String purpose, Collection<String> scope) {
        return partiesWithStanding(purpose, scope).contains(party);
    }

    /**
     * The agreement whose legal basis the consent is recorded under: the one that sets consent
     * terms (several agreements may share a purpose, e.g. activation with PES, training providers
     * and employers, but consent is asked once, under the agreement that says how long it lasts);
     * otherwise the first.
     */
    public Optional<DataSharingAgreement> governing(String purpose, Collection<String> scope) {
        List<DataSharingAgreement> under = under(purpose, scope);
        return under.stream().filter(agreement -> agreement.consentValidity().isPresent()).findFirst()
                .or(() -> under.stream().findFirst());
    }

    /**
     * The latest a consent given at {@code givenAt} may expire: the shortest consent validity
     * among the agreements it is given under. Empty when none sets one (the consent may then run
     * until withdrawn).
     */
    public Optional<Instant> latestExpiry(String purpose, Collection<String> scope, Instant givenAt) {
        return under(purpose, scope).stream()
                .flatMap(agreement -> agreement.consentValidity().stream())
                .map(validity -> plus(givenAt, validity))
                .min(Comparator.naturalOrder());
    }

    private static Instant plus(Instant instant, Period period) {
        return instant.atOffset(ZoneOffset.UTC).plus(period).toInstant();
    }

    private static List<AgreementExchange> exchangesFor(DataSharingAgreement agreement, String purpose) {
        return agreement.exchanges().stream().filter(exchange -> exchange.serves(purpose)).toList();
    }
}
