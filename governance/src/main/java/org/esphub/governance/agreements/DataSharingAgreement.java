package org.esphub.governance.agreements;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

/**
 * A data-sharing agreement (memorandum of understanding) as the hub enforces it, read from one
 * YAML file under {@code agreements/}.
 *
 * @param processes the BPMN process keys whose exchanges this agreement covers; a withdrawn
 *     consent interrupts their running instances, and retention applies to their records
 * @param retention how long the hub keeps personal data exchanged under the agreement once the
 *     case it belongs to is closed
 * @param summary the agreement in a few plain sentences, for the people whose data it moves (right to information)
 * @param changes each version's date and what it changed, oldest first, so agencies can tell the people they enrol
 * @param source the file the agreement was read from (set by the loader)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DataSharingAgreement(
        String id,
        String version,
        String title,
        LegalBasis legalBasis,
        LocalDate validFrom,
        LocalDate validUntil,
        List<Party> parties,
        List<Purpose> purposes,
        List<String> processes,
        Period retention,
        ConsentTerms consent,
        List<AgreementExchange> exchanges,
        String summary,
        List<AgreementChange> changes,
        @JsonProperty(access = JsonProperty.Access.READ_ONLY) String source) {

    public DataSharingAgreement {
        parties = parties == null ? List.of() : List.copyOf(parties);
        purposes = purposes == null ? List.of() : List.copyOf(purposes);
        processes = processes == null ? List.of() : List.copyOf(processes);
        exchanges = exchanges == null ? List.of() : List.copyOf(exchanges);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /** The same agreement with the file it came from. */
    public DataSharingAgreement from(String file) {
        return new DataSharingAgreement(id, version, title, legalBasis, validFrom, validUntil, parties, purposes,
                processes, retention, consent, exchanges, summary, changes, file);
    }

    /** How audit records name the agreement: {@code id@version}. */
    public String reference() {
        return id + "@" + version;
    }

    public boolean inForceOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validUntil == null || !day.isAfter(validUntil));
    }

    public boolean hasPurpose(String code) {
        return purposes.stream().anyMatch(purpose -> purpose.code().equals(code));
    }

    public Optional<Period> consentValidity() {
        return Optional.ofNullable(consent).map(ConsentTerms::validity);
    }
}
