package org.esphub.governance.gate;

/** Why the gate refused an exchange; the code travels into BPMN error messages and API errors. */
public enum RefusalReason {
    /** No agreement names the exchange. */
    NO_AGREEMENT,
    /** The caller did not say what the data is for. */
    PURPOSE_NOT_DECLARED,
    /** Agreements name the exchange, but not for this purpose. */
    PURPOSE_NOT_COVERED,
    /** The agreement is not (or no longer) in force. */
    AGREEMENT_NOT_IN_FORCE,
    /** The data would go to a party the agreement does not name for this exchange. */
    RECEIVER_NOT_COVERED,
    /**
     * The agreement gives the exchange to one partner of a group (an employer of {@code employers}, named by
     * its {@code partner_field}) and the payload names none: nobody could tell later who received it.
     */
    PARTNER_NOT_NAMED,
    /** Consent is required but the exchange does not say whose data it is. */
    PERSON_NOT_IDENTIFIED,
    CONSENT_MISSING,
    CONSENT_WITHDRAWN,
    CONSENT_EXPIRED,
    /** The person is a minor and no guardian's consent is recorded. */
    GUARDIAN_CONSENT_MISSING,
    /**
     * The person disputes their data and processing for this purpose is restricted: the exchange is held
     * ({@link ExchangeHeld}) until the restriction is lifted, not refused for good.
     */
    RESTRICTED
}
