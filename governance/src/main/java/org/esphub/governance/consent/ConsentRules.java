package org.esphub.governance.consent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.esphub.governance.agreements.DataSharingAgreement;

/**
 * Checks a consent before it is recorded and fills in what the agreements imply. Every problem
 * is reported at once, naming the field as callers send it (snake_case). What makes a consent
 * lawful comes from the agreements, not from the caller: its legal basis, the receivers it can
 * cover, how long it may last and who has standing to record it.
 */
class ConsentRules {

    /** Clocks of capturing systems drift; a consent "given" a little in the future is accepted. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** The longest text a consent keeps in one field (its columns are VARCHAR(255)). */
    static final int MAX_TEXT = 255;
    /** Room for the written-out scope (column {@code scope}). */
    static final int MAX_SCOPE = 4000;

    private final ConsentAgreements agreements;
    private final Majority majority;
    private final Duration maxBackdating;
    private final Clock clock;

    ConsentRules(ConsentAgreements agreements, Majority majority, Duration maxBackdating, Clock clock) {
        this.agreements = agreements;
        this.majority = majority;
        this.maxBackdating = maxBackdating;
        this.clock = clock;
    }

    /**
     * @throws InvalidConsent listing every problem
     * @throws NotAPartyToConsent if the recorder acts for no party of the consent's agreements
     */
    Consent resolve(NewConsent request, ConsentActor recorder) {
        // milliseconds, like the audit log: what is answered is exactly what the database keeps
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<String> problems = new ArrayList<>();
        if (!text(request.personId())) {
            problems.add("person_id: required, at most " + MAX_TEXT + " characters");
        }
        boolean knownPurpose = agreements.known(request.purpose());
        if (!knownPurpose) {
            problems.add("purpose: required, one of " + agreements.purposes());
        }
        List<String> scope = knownPurpose ? scope(request, problems) : List.of();
        checkStorable(scope, problems);

        Instant givenAt = request.givenAt() == null ? now : request.givenAt().truncatedTo(ChronoUnit.MILLIS);
        if (givenAt.isAfter(now.plus(CLOCK_SKEW))) {
            problems.add("given_at: in the future");
        } else if (givenAt.isBefore(now.minus(maxBackdating))) {
            problems.add("given_at: more than " + shown(maxBackdating) + " before it is recorded"
                    + " (esp.governance.consent.max-backdating); record a consent when it is given");
        }
        Optional<Instant> latestExpiry = scope.isEmpty() ? Optional.empty()
                : agreements.latestExpiry(request.purpose(), scope, givenAt);
        Instant expiresAt = request.expiresAt() != null ? request.expiresAt().truncatedTo(ChronoUnit.MILLIS)
                : latestExpiry.orElse(null);
        if (request.expiresAt() != null && !request.expiresAt().isAfter(givenAt)) {
            problems.add("expires_at: must be after given_at");
        } else if (expiresAt != null && latestExpiry.isPresent() && expiresAt.isAfter(latestExpiry.get())) {
            problems.add("expires_at: at most " + latestExpiry.get() + ", the agreement's consent validity from"
                    + " given_at; leave it out to get exactly that");
        }
        if (!text(request.source())) {
            problems.add("source: required (where the consent was captured), at most " + MAX_TEXT + " characters");
        }
        ConsentRole role = request.givenByRole() == null ? ConsentRole.SUBJECT : request.givenByRole();
        String givenBy = checkGiver(request, role, givenAt, now, problems);
        if (!problems.isEmpty()) {
            throw new InvalidConsent(problems);
        }
        if (!agreements.hasStanding(recorder.party(), request.purpose(), scope)) {
            throw new NotAPartyToConsent(recorder.id() + " acts for " + recorder.party() + ", which is no party of"
                    + " the agreements a consent for " + request.purpose() + " is given under; their parties are "
                    + agreements.partiesWithStanding(request.purpose(), scope));
        }
        DataSharingAgreement governing = agreements.governing(request.purpose(), scope).orElseThrow();
        return new Consent(UUID.randomUUID().toString(), request.personId(), request.purpose(), scope, givenAt,
                expiresAt, null, null, null, null, request.source(), governing.legalBasis().reference(), givenBy, role,
                request.subjectBirthDate(), now, recorder.id(), recorder.party());
    }

    /**
     * The receivers the consent covers: those named, each a receiver of the purpose's exchanges,
     * or all of those when none is named. Never empty for a purpose that has exchanges.
     */
    private List<String> scope(NewConsent request, List<String> problems) {
        Set<String> receivers = agreements.receiversOf(request.purpose());
        if (request.scope() == null || request.scope().isEmpty()) {
            if (receivers.isEmpty()) {
                problems.add("purpose: no agreement exchanges data for " + request.purpose() + "; no consent is needed");
            }
            return List.copyOf(receivers);
        }
        boolean valid = true;
        for (String receiver : request.scope()) {
            if (receiver == null || !receivers.contains(receiver)) {
                problems.add("scope: each entry must be a receiver of the purpose's exchanges " + receivers
                        + (receiver != null && receiver.length() <= MAX_TEXT ? "; '" + receiver + "' is not" : ""));
                valid = false;
            }
        }
        return valid ? request.scope().stream().distinct().sorted().toList() : List.of();
    }

    private static void checkStorable(List<String> scope, List<String> problems) {
        if (String.join(",", scope).length() > MAX_SCOPE) {
            problems.add("scope: the purpose's receivers need more than " + MAX_SCOPE + " characters; name fewer");
        }
    }

    /**
     * The person gives their own consent; someone else only as the guardian of a person who was a
     * minor when consenting, which the birth date must show.
     */
    private String checkGiver(NewConsent request, ConsentRole role, Instant givenAt, Instant now,
            List<String> problems) {
        if (request.givenBy() != null && request.givenBy().length() > MAX_TEXT) {
            problems.add("given_by: at most " + MAX_TEXT + " characters");
        }
        boolean birthDateValid = request.subjectBirthDate() == null
                || !request.subjectBirthDate().isAfter(now.atZone(ZoneOffset.UTC).toLocalDate());
        if (!birthDateValid) {
            problems.add("subject_birth_date: in the future");
        }
        boolean minor = majority.isMinorOn(request.subjectBirthDate(), givenAt);
        if (role == ConsentRole.SUBJECT) {
            if (!blank(request.givenBy()) && !request.givenBy().equals(request.personId())) {
                problems.add("given_by: a person's own consent is given by the person (person_id); someone else"
                        + " gives consent only as the guardian of a minor (given_by_role GUARDIAN)");
            }
            if (birthDateValid && minor) {
                problems.add("given_by_role: the person was under " + majority.ageOfMajority()
                        + " when consenting; a guardian must give the consent (given_by_role GUARDIAN, given_by)");
            }
            return request.personId();
        }
        if (blank(request.givenBy()) || request.givenBy().equals(request.personId())) {
            problems.add("given_by: a guardian's consent names the guardian, not the person");
        }
        if (birthDateValid && !minor) {
            problems.add("given_by_role: GUARDIAN only for a person under " + majority.ageOfMajority()
                    + " when consenting; subject_birth_date must show it");
        }
        return request.givenBy();
    }

    /** "30 days" for whole days, the ISO-8601 form (PT12H) otherwise. */
    private static String shown(Duration window) {
        return window.equals(Duration.ofDays(window.toDays())) ? window.toDays() + " days" : window.toString();
    }

    private static boolean text(String value) {
        return !blank(value) && value.length() <= MAX_TEXT;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
