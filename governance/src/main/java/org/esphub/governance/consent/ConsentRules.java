package org.esphub.governance.consent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.esphub.governance.agreements.AgreementCatalogue;
import org.esphub.governance.agreements.DataSharingAgreement;
import org.esphub.governance.agreements.Party;

/**
 * Checks a consent before it is recorded and fills in what the agreements imply. Every problem
 * is reported at once, naming the field as callers send it (snake_case).
 */
class ConsentRules {

    /** Clocks of capturing systems drift; a consent "given" a little in the future is accepted. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final AgreementCatalogue agreements;
    private final Majority majority;
    private final Clock clock;

    ConsentRules(AgreementCatalogue agreements, Majority majority, Clock clock) {
        this.agreements = agreements;
        this.majority = majority;
        this.clock = clock;
    }

    /**
     * @throws InvalidConsent listing every problem
     */
    Consent resolve(NewConsent request, String recordedBy) {
        // milliseconds, like the audit log: what is answered is exactly what the database keeps
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<String> problems = new ArrayList<>();
        if (blank(request.personId()) || request.personId().length() > 255) {
            problems.add("person_id: required, at most 255 characters");
        }
        List<DataSharingAgreement> defining = request.purpose() == null ? List.of()
                : agreements.definingPurpose(request.purpose());
        if (defining.isEmpty()) {
            problems.add("purpose: required, one of " + agreements.purposes());
        }
        Set<String> receivers = receiversOf(defining);
        for (String receiver : request.scope() == null ? List.<String>of() : request.scope()) {
            if (!receivers.contains(receiver)) {
                problems.add("scope: '" + receiver + "' is not a party of the purpose's agreements " + receivers);
            }
        }
        Instant givenAt = request.givenAt() == null ? now : request.givenAt().truncatedTo(ChronoUnit.MILLIS);
        if (givenAt.isAfter(now.plus(CLOCK_SKEW))) {
            problems.add("given_at: in the future");
        }
        if (request.expiresAt() != null && !request.expiresAt().isAfter(givenAt)) {
            problems.add("expires_at: must be after given_at");
        }
        if (blank(request.source()) || request.source().length() > 255) {
            problems.add("source: required (where the consent was captured), at most 255 characters");
        }
        if (request.legalBasis() != null && request.legalBasis().length() > 1000) {
            problems.add("legal_basis: at most 1000 characters");
        }
        ConsentRole role = request.givenByRole() == null ? ConsentRole.SUBJECT : request.givenByRole();
        String givenBy = blank(request.givenBy()) ? request.personId() : request.givenBy();
        if (role == ConsentRole.GUARDIAN && (blank(request.givenBy()) || request.givenBy().equals(request.personId()))) {
            problems.add("given_by: a guardian's consent names the guardian, not the person");
        }
        if (request.subjectBirthDate() != null && request.subjectBirthDate().isAfter(now.atZone(ZoneOffset.UTC).toLocalDate())) {
            problems.add("subject_birth_date: in the future");
        } else if (role == ConsentRole.SUBJECT && majority.isMinorOn(request.subjectBirthDate(), givenAt)) {
            problems.add("given_by_role: the person was under " + majority.ageOfMajority()
                    + " when consenting; a guardian must give the consent (given_by_role GUARDIAN, given_by)");
        }
        if (!problems.isEmpty()) {
            throw new InvalidConsent(problems);
        }
        return new Consent(UUID.randomUUID().toString(), request.personId(), request.purpose(), request.scope(),
                givenAt, request.expiresAt() != null ? request.expiresAt().truncatedTo(ChronoUnit.MILLIS)
                        : defaultExpiry(defining, givenAt), null,
                null, null, request.source(),
                blank(request.legalBasis()) ? governing(defining).legalBasis().reference() : request.legalBasis(), givenBy,
                role, request.subjectBirthDate(), now, recordedBy);
    }

    /**
     * The agreement a consent for the purpose is given under, when the request names no legal
     * basis: the one that sets consent terms for it (several agreements may use a purpose, e.g.
     * activation with PES, training providers and employers, but consent is asked once, under the
     * agreement that says how long it lasts); otherwise the first.
     */
    private static DataSharingAgreement governing(List<DataSharingAgreement> defining) {
        return defining.stream().filter(agreement -> agreement.consentValidity().isPresent()).findFirst()
                .orElse(defining.get(0));
    }

    /** The shortest consent validity among the purpose's agreements; none: the consent does not expire. */
    private static Instant defaultExpiry(List<DataSharingAgreement> defining, Instant givenAt) {
        Optional<Period> validity = defining.stream()
                .flatMap(agreement -> agreement.consentValidity().stream())
                .min(Comparator.comparing(period -> givenAt.atOffset(ZoneOffset.UTC).plus(period)));
        return validity.map(period -> givenAt.atOffset(ZoneOffset.UTC).plus(period).toInstant()).orElse(null);
    }

    private static Set<String> receiversOf(List<DataSharingAgreement> defining) {
        Set<String> receivers = new TreeSet<>();
        defining.forEach(agreement -> agreement.parties().stream().map(Party::id).forEach(receivers::add));
        return receivers;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
