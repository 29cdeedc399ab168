package org.esphub.governance.agreements;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every agreement the hub enforces, indexed by exchange. An exchange may appear in several
 * agreements for different purposes, but one purpose of one exchange has exactly one agreement,
 * so the legal basis of every exchange is unambiguous.
 */
public class AgreementCatalogue {

    private final List<DataSharingAgreement> agreements;
    private final Map<String, List<Coverage>> byExchange;

    /**
     * @throws InvalidAgreementFile if two files share an id, or give one exchange the same purpose
     */
    public AgreementCatalogue(List<DataSharingAgreement> agreements) {
        this.agreements = agreements.stream().sorted(Comparator.comparing(DataSharingAgreement::id)).toList();
        Map<String, DataSharingAgreement> ids = new HashMap<>();
        Map<String, Coverage> byExchangeAndPurpose = new HashMap<>();
        Map<String, List<Coverage>> index = new LinkedHashMap<>();
        for (DataSharingAgreement agreement : this.agreements) {
            DataSharingAgreement sameId = ids.putIfAbsent(agreement.id(), agreement);
            if (sameId != null) {
                throw new InvalidAgreementFile(agreement.source(),
                        List.of("id '" + agreement.id() + "' is also the id of " + sameId.source()));
            }
            for (AgreementExchange exchange : agreement.exchanges()) {
                Coverage coverage = new Coverage(agreement, exchange);
                for (String purpose : exchange.purposes()) {
                    Coverage other = byExchangeAndPurpose.putIfAbsent(exchange.name() + " " + purpose, coverage);
                    if (other != null) {
                        throw new InvalidAgreementFile(agreement.source(), List.of("exchange '" + exchange.name()
                                + "' for purpose " + purpose + " is already covered by " + other.agreement().source()));
                    }
                }
                index.computeIfAbsent(exchange.name(), name -> new ArrayList<>()).add(coverage);
            }
        }
        this.byExchange = Map.copyOf(index);
    }

    public List<DataSharingAgreement> all() {
        return agreements;
    }

    public Optional<DataSharingAgreement> byId(String id) {
        return agreements.stream().filter(agreement -> agreement.id().equals(id)).findFirst();
    }

    /** Every agreement that names the exchange, whatever the purpose. */
    public List<Coverage> coverageOf(String exchange) {
        return byExchange.getOrDefault(exchange, List.of());
    }

    public Optional<Coverage> coverageOf(String exchange, String purpose) {
        return coverageOf(exchange).stream().filter(coverage -> coverage.exchange().serves(purpose)).findFirst();
    }

    /** Every purpose some agreement defines; a consent must name one of them. */
    public Set<String> purposes() {
        Set<String> codes = new TreeSet<>();
        agreements.forEach(agreement -> agreement.purposes().forEach(purpose -> codes.add(purpose.code())));
        return codes;
    }

    /** Agreements under which the purpose has at least one exchange that needs consent. */
    public List<DataSharingAgreement> needingConsentFor(String purpose) {
        return agreements.stream()
                .filter(agreement -> agreement.exchanges().stream()
                        .anyMatch(exchange -> exchange.serves(purpose) && exchange.needsConsent()))
                .toList();
    }

    public List<DataSharingAgreement> definingPurpose(String purpose) {
        return agreements.stream().filter(agreement -> agreement.hasPurpose(purpose)).toList();
    }
}
