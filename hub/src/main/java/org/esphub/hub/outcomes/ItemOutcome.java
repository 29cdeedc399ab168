package org.esphub.hub.outcomes;

/**
 * What became of one referral item, as its sender is told.
 *
 * @param status        the DCI request status of the item: {@code succ} or {@code rjct}
 * @param reasonCode    for {@code rjct}: why, e.g. {@code rjct.referral.duplicate_active}
 * @param reasonMessage for people reading it
 * @param outcome       where the referral got to, e.g. {@code RegistrationConfirmed}, {@code NotEligible}
 * @param pesCaseNumber the PES case, once registered
 */
public record ItemOutcome(String referenceId, String status, String reasonCode, String reasonMessage, String outcome,
        String pesCaseNumber) {

    public static final String SUCCEEDED = "succ";
    public static final String REJECTED = "rjct";

    /** The person already has an active referral; the item started nothing. */
    public static final String DUPLICATE_ACTIVE = "rjct.referral.duplicate_active";
    /** The referral eligibility rule refused the person (or SA does not know them). */
    public static final String NOT_ELIGIBLE = "rjct.referral.not_eligible";
    /** PES refused to register the person. */
    public static final String REGISTRATION_REJECTED = "rjct.referral.registration_rejected";

    public static ItemOutcome registered(String referenceId, String pesCaseNumber) {
        return new ItemOutcome(referenceId, SUCCEEDED, null, null, "RegistrationConfirmed", pesCaseNumber);
    }

    public static ItemOutcome rejected(String referenceId, String reasonCode, String reasonMessage, String outcome) {
        return new ItemOutcome(referenceId, REJECTED, reasonCode, reasonMessage, outcome, null);
    }
}
