package org.esphub.governance.consent;

/**
 * The caller acts for no party of the agreements a consent is given under, so it may not record
 * or withdraw it; nothing was written.
 */
public class NotAPartyToConsent extends RuntimeException {

    public NotAPartyToConsent(String message) {
        super(message);
    }
}
