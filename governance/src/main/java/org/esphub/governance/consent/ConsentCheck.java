package org.esphub.governance.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.esphub.governance.gate.RefusalReason;

/**
 * Whether a person's consents allow one exchange now: a consent for the purpose, given, not
 * expired, not withdrawn, covering the receiver, and given by a guardian when the person is a
 * minor. Pure, so every rule is tested without a database.
 */
public final class ConsentCheck {

    private final Majority majority;

    public ConsentCheck(Majority majority) {
        this.majority = majority;
    }

    /**
     * @param consents the person's consents for the purpose, in any state
     * @param birthDate the person's birth date if the exchange knows it; a consent's recorded
     *     subject birth date counts too
     */
    public Verdict check(List<Consent> consents, String receiver, LocalDate birthDate, Instant at) {
        List<Consent> forReceiver = consents.stream().filter(c -> c.covers(receiver) && !c.givenAt().isAfter(at))
                .toList();
        LocalDate knownBirthDate = birthDate != null ? birthDate : forReceiver.stream()
                .map(Consent::subjectBirthDate).filter(Objects::nonNull).findFirst().orElse(null);
        boolean minor = majority.isMinorOn(knownBirthDate, at);
        List<Consent> active = forReceiver.stream().filter(c -> c.activeAt(at)).toList();
        for (Consent consent : active) {
            if (!minor || consent.givenByRole() == ConsentRole.GUARDIAN) {
                return Verdict.granted(consent);
            }
        }
        if (!active.isEmpty()) {
            return Verdict.refused(RefusalReason.GUARDIAN_CONSENT_MISSING, "the person is under "
                    + majority.ageOfMajority() + " and only their own consent is recorded; a guardian must consent");
        }
        if (forReceiver.stream().anyMatch(c -> "WITHDRAWN".equals(c.statusAt(at)))) {
            Consent withdrawn = forReceiver.stream().filter(c -> "WITHDRAWN".equals(c.statusAt(at))).findFirst()
                    .orElseThrow();
            return Verdict.refused(RefusalReason.CONSENT_WITHDRAWN, "the person withdrew consent "
                    + withdrawn.id() + " on " + withdrawn.withdrawnAt());
        }
        if (forReceiver.stream().anyMatch(c -> "EXPIRED".equals(c.statusAt(at)))) {
            return Verdict.refused(RefusalReason.CONSENT_EXPIRED, "the person's consent expired");
        }
        return Verdict.refused(RefusalReason.CONSENT_MISSING, consents.isEmpty()
                ? "no consent of the person for this purpose is recorded"
                : "no recorded consent of the person covers receiver " + receiver);
    }

    /** A granting consent, or the reason none grants. */
    public record Verdict(Consent consent, RefusalReason refusal, String explanation) {

        static Verdict granted(Consent consent) {
            return new Verdict(consent, null, null);
        }

        static Verdict refused(RefusalReason reason, String explanation) {
            return new Verdict(null, reason, explanation);
        }

        public boolean granted() {
            return consent != null;
        }
    }
}
